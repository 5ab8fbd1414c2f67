/** Words and numbers for the Train panel. Pure. */
import type { EpochSummary } from '../../../core/training/training-record';
import type { TrainingPhase } from '../../../state/store';

/** A phase as the status line says it. */
export function describePhase(phase: TrainingPhase): string {
  switch (phase) {
    case 'idle':
      return 'Not started';
    case 'preparing':
      return 'Preparing the network…';
    case 'running':
      return 'Training';
    case 'pausing':
      return 'Pausing…';
    case 'paused':
      return 'Paused';
    case 'stopping':
      return 'Stopping…';
    case 'stopped':
      return 'Stopped';
    case 'finished':
      return 'Finished';
    case 'failed':
      return 'Failed';
  }
}

/** "1 000", "50 000": thin grouping readable from the back of the room. */
export function formatCount(value: number): string {
  return value.toLocaleString('en-US').replace(/,/g, ' ');
}

/** A loss to 4 decimals; "—" for none, and NaN or ∞ spelled out. */
export function formatLoss(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return Number.isFinite(value) ? value.toFixed(4) : String(value);
}

/** A 0..1 accuracy as a percentage with 2 decimals ("67.42 %"); "—" for none. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(2)} %`;
}

/**
 * What a screen reader hears when an epoch ends (once per epoch, never per batch): "Epoch 2 of 25
 * done: loss 1.9000, accuracy 31.20 %; validation loss 2.0000, accuracy 28.10 %." Empty before any.
 */
export function epochAnnouncement(epoch: EpochSummary | undefined, totalEpochs: number | null): string {
  if (!epoch) return '';
  const of = totalEpochs !== null ? ` of ${totalEpochs}` : '';
  return `Epoch ${epoch.epoch + 1}${of} done: loss ${formatLoss(epoch.loss)}, accuracy ${formatPercent(epoch.accuracy)}; validation loss ${formatLoss(epoch.valLoss)}, accuracy ${formatPercent(epoch.valAccuracy)}.`;
}
