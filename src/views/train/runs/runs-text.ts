/** Words for the run list. Pure. */
import { bestValAccuracy, type RunSummary } from '../../../core/run-record';
import type { RunStatus } from '../../../core/training-lifecycle';

/** A run's status as the list says it. */
export function describeRunStatus(status: RunStatus): string {
  switch (status) {
    case 'queued':
      return 'Queued';
    case 'interrupted':
      return 'Interrupted';
    case 'preparing':
      return 'Preparing';
    case 'running':
      return 'Training';
    case 'pausing':
      return 'Pausing';
    case 'paused':
      return 'Paused';
    case 'stopping':
      return 'Stopping';
    case 'stopped':
      return 'Stopped';
    case 'finished':
      return 'Finished';
    case 'failed':
      return 'Failed';
  }
}

/** "2 of 3". */
export function describeRunEpochs(run: RunSummary): string {
  return `${run.epochsDone} of ${run.lab.hyperparameters.epochs}`;
}

/** "41.20 %", or "—" before the first epoch. */
export function describeBestAccuracy(run: RunSummary): string {
  const best = bestValAccuracy(run);
  return best === null ? '—' : `${(best * 100).toFixed(2)} %`;
}

/** "45 s", "12 min 5 s", "1 h 3 min". */
export function describeDuration(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${whole % 60} s`;
  return `${Math.floor(whole / 3600)} h ${Math.floor((whole % 3600) / 60)} min`;
}
