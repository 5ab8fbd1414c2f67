/** The per-epoch table `npm run train` prints, Keras' metric names as column heads. */
import type { EpochSummary } from '../../src/core/training/training-record';

const COLUMNS = [
  { head: 'epoch', width: 7 },
  { head: 'loss', width: 8 },
  { head: 'accuracy', width: 9 },
  { head: 'val_loss', width: 9 },
  { head: 'val_accuracy', width: 13 },
  { head: 'seconds', width: 9 },
  { head: 'images/s', width: 9 },
] as const;

/** The header line. */
export function tableHeader(): string {
  return COLUMNS.map((column) => column.head.padStart(column.width)).join('');
}

/** One epoch's row; `epochs` is the run's total, shown as "3/25". */
export function tableRow(summary: EpochSummary, epochs: number): string {
  const cells = [
    `${summary.epoch + 1}/${epochs}`,
    summary.loss.toFixed(4),
    summary.accuracy.toFixed(4),
    summary.valLoss.toFixed(4),
    summary.valAccuracy.toFixed(4),
    summary.seconds.toFixed(1),
    summary.imagesPerSecond.toFixed(1),
  ];
  return cells.map((cell, index) => cell.padStart(COLUMNS[index]?.width ?? 0)).join('');
}
