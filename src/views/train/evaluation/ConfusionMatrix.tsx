import { cellCount, rowShare, type ConfusionMatrix as Matrix } from '../../../core/training/confusion-matrix';
import { textColorOn } from '../../../render/diverging-scale';
import { shareColor } from '../../../render/share-scale';
import type { ConfusionCell } from '../../../state/slices/inspect-slice';
import { formatCount } from '../training/training-text';

/** Props of {@link ConfusionMatrix}. */
export interface ConfusionMatrixProps {
  readonly matrix: Matrix;
  readonly classes: readonly string[];
  readonly chosen: ConfusionCell | null;
  onChoose(cell: ConfusionCell): void;
  /** What one counted item is, for the caption: "a test image" unless told ("a held-out picture" of your own). */
  readonly item?: string;
}

/** "1 image", "112 images". */
export function imagesText(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'image' : 'images'}`;
}

/**
 * The N × N matrix (10 × 10 for CIFAR-10): a row per true class, a column per predicted class, the count in each cell and
 * its colour by the share of its row (blue on the diagonal, orange elsewhere). Every cell is a button
 * that shows its images; row totals on the right, column totals and the grand total below.
 */
export function ConfusionMatrix({ matrix, classes, chosen, onChoose, item = 'a test image' }: ConfusionMatrixProps) {
  const range = Array.from({ length: matrix.classCount }, (_, index) => index);
  const columnTotal = (predicted: number): number => range.reduce((sum, trueClass) => sum + cellCount(matrix, trueClass, predicted), 0);
  return (
    <div className="confusion-scroll">
      <table className="confusion-matrix">
        <caption>
          Confusion matrix: each row is what {item} really is, each column what the network said. Click a square to see its images.
        </caption>
        <thead>
          <tr>
            <td className="confusion-corner">
              <span>true ↓</span> <span>predicted →</span>
            </td>
            {range.map((predicted) => (
              <th key={predicted} scope="col" className="confusion-column-head">
                <span>{classes[predicted]}</span>
              </th>
            ))}
            <th scope="col">Total</th>
          </tr>
        </thead>
        <tbody>
          {range.map((trueClass) => (
            <tr key={trueClass}>
              <th scope="row">{classes[trueClass]}</th>
              {range.map((predicted) => {
                const count = cellCount(matrix, trueClass, predicted);
                const background = shareColor(rowShare(matrix, trueClass, predicted), trueClass === predicted);
                const isChosen = chosen?.trueClass === trueClass && chosen.predictedClass === predicted;
                return (
                  <td key={predicted} className={trueClass === predicted ? 'confusion-diagonal' : undefined}>
                    <button
                      type="button"
                      className="confusion-cell"
                      aria-label={`true ${classes[trueClass]}, predicted ${classes[predicted]}: ${imagesText(count)}`}
                      aria-pressed={isChosen}
                      style={{ backgroundColor: `rgb(${background.join(' ')})`, color: textColorOn(background) }}
                      onClick={() => onChoose({ trueClass, predictedClass: predicted })}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
              <td className="confusion-total">{matrix.rowTotals[trueClass] ?? 0}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total</th>
            {range.map((predicted) => (
              <td key={predicted} className="confusion-total">
                {columnTotal(predicted)}
              </td>
            ))}
            <td className="confusion-total confusion-grand-total" aria-label={`All cells together: ${imagesText(matrix.total)}`}>
              {matrix.total}
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
