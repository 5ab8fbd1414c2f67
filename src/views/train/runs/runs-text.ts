/** Words for the run list. Pure. */
import { bestValAccuracy, type RunSummary } from '../../../core/training/run-record';
import type { RunStatus } from '../../../core/training/training-lifecycle';
import { describePhase } from '../training/training-text';

/** A run's status as the list says it: the training status line's words, and the two only a list has. */
export function describeRunStatus(status: RunStatus): string {
  if (status === 'queued') return 'Queued';
  if (status === 'interrupted') return 'Interrupted';
  return RUN_LIST_WORDS[status] ?? describePhase(status);
}

/** Where a table cell wants a shorter word than the status line's sentence. */
const RUN_LIST_WORDS: Partial<Record<RunStatus, string>> = Object.freeze({ preparing: 'Preparing', pausing: 'Pausing', stopping: 'Stopping' });

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
