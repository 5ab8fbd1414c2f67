import type { ConvStep } from '../../../core/lessons/conv-steps';
import { formatFactor, formatNumber, isRounded } from '../format-number';

/**
 * One output cell's arithmetic, written out from its record: every product ("5×2"), the products'
 * values, the sum, then the divisor, bias and ReLU when the step has them. Padding terms are shown
 * dimmed: the mask covers them, and 0 times anything adds nothing.
 */
export function WrittenSum({ step, label = 'Written sum' }: { step: ConvStep; label?: string }) {
  const products = step.terms.map((term, index) => (
    <span key={index} className={term.isPadding ? 'term term-pad' : 'term'}>
      {index > 0 && ' + '}
      {formatFactor(term.inputValue)}×{formatFactor(term.weight)}
    </span>
  ));
  const values = step.terms.map((term, index) => (
    <span key={index} className={term.isPadding ? 'term term-pad' : 'term'}>
      {index > 0 && ' + '}
      {formatFactor(term.product)}
    </span>
  ));
  return (
    <section className="written-sum" aria-label={label}>
      <p className="sum-line">{products}</p>
      <p className="sum-line">
        = {values} = <strong className="sum-total">{formatNumber(step.sum)}</strong>
      </p>
      {step.divisor !== 1 && (
        <p className="sum-line">
          {formatNumber(step.sum)} ÷ {formatNumber(step.divisor)} {isRounded(step.quotient) ? '≈' : '='} <strong>{formatNumber(step.quotient)}</strong>
        </p>
      )}
      {step.bias !== 0 && (
        <p className="sum-line">
          + bias {formatNumber(step.bias, 4)} {isRounded(step.preActivation, 4) ? '≈' : '='} <strong>{formatNumber(step.preActivation, 4)}</strong>
        </p>
      )}
      {step.activation === 'relu' && (
        <p className="sum-line">
          ReLU: max(0, {formatNumber(step.preActivation, 4)}) = <strong>{formatNumber(step.output, 4)}</strong>
        </p>
      )}
    </section>
  );
}
