import type { PoolStep } from '../../../core/lessons/pool2d';
import { formatNumber, isRounded } from '../format-number';

/**
 * One pooling window's working, from its record: "max(5, 4, 2, 6) = 6" or
 * "(5 + 4 + 2 + 6) ÷ 4 = 4.25". Padding cells are left out, as TensorFlow does.
 */
export function PoolWorking({ step, oneDimensional = false }: { step: PoolStep; oneDimensional?: boolean }) {
  const values = step.cells.filter((cell) => !cell.isPadding).map((cell) => formatNumber(cell.value));
  return (
    <section className="written-sum" aria-label="Pooling working">
      {step.mode === 'max' ? (
        <p className="sum-line">
          max({values.join(', ')}) = <strong className="sum-total">{formatNumber(step.value)}</strong>
          {step.winner && (
            <span className="winner-note">
              {' '}
              — the winner is {oneDimensional ? `value ${step.winner.col + 1}` : `row ${step.winner.row + 1}, column ${step.winner.col + 1}`}
            </span>
          )}
        </p>
      ) : (
        <p className="sum-line">
          ({values.join(' + ')}) ÷ {step.count} = {formatNumber(step.sum)} ÷ {step.count} {isRounded(step.value) ? '≈' : '='}{' '}
          <strong className="sum-total">{formatNumber(step.value)}</strong>
        </p>
      )}
    </section>
  );
}
