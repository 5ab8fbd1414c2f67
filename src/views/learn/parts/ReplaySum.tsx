import type { ConvStep } from '../../../core/lessons/conv-steps';
import { formatNumber } from '../format-number';
import { formatDifference, type ReplayPhase } from '../real-network-steps';

/** Props of {@link ReplaySum}. */
export interface ReplaySumProps {
  readonly record: ConvStep;
  readonly phase: ReplayPhase;
  /** The value the network itself computed for this cell (from the engine). */
  readonly networkValue: number;
  readonly channelNames: readonly string[];
}

/** Products to four decimals: the weights are small, and two decimals would hide most of them. */
const DIGITS = 4;

/** A factor to four decimals, negative ones in brackets: "0.4824×(−0.1532)". */
function factor(value: number): string {
  return value < 0 ? `(${formatNumber(value, DIGITS)})` : formatNumber(value, DIGITS);
}

/**
 * The cell's arithmetic so far: each product added, the running sum, then the bias and the activation,
 * and at the end the replayed value beside the network's own.
 */
export function ReplaySum({ record, phase, networkValue, channelNames }: ReplaySumProps) {
  const shownTerms = phase.kind === 'product' ? phase.termIndex + 1 : record.terms.length;
  const difference = Math.abs(record.output - networkValue);
  return (
    <section className="written-sum replay-sum" aria-label="Written sum">
      {/* It scrolls when the products overflow, so the keyboard must be able to reach and scroll it. */}
      <p className="sum-line replay-products" tabIndex={0} role="group" aria-label="Products so far">
        {record.terms.slice(0, shownTerms).map((term, index) => (
          <span key={index} className={`term${term.isPadding ? ' term-pad' : ''}${phase.kind === 'product' && index === phase.termIndex ? ' term-current' : ''}`}>
            {index > 0 && ' + '}
            {factor(term.inputValue)}×{factor(term.weight)}
          </span>
        ))}
      </p>
      {phase.kind === 'product' ? (
        <p className="sum-line">
          {channelNames[record.terms[phase.termIndex]?.channel ?? 0]}: running sum = <strong className="sum-total">{formatNumber(phase.runningSum, DIGITS)}</strong>
        </p>
      ) : (
        <>
          <p className="sum-line">
            Sum of the {record.terms.length} products = <strong className="sum-total">{formatNumber(record.sum, DIGITS)}</strong>
          </p>
          <p className="sum-line">
            + bias {factor(record.bias)} = <strong>{formatNumber(record.preActivation, DIGITS)}</strong>
          </p>
        </>
      )}
      {phase.kind === 'activation' && (
        <>
          {record.activation === 'relu' && (
            <p className="sum-line">
              ReLU: max(0, {formatNumber(record.preActivation, DIGITS)}) = <strong>{formatNumber(record.output, DIGITS)}</strong>
            </p>
          )}
          <div className="replay-check" role="group" aria-label="Replay check">
            <p>
              Replayed here: <strong data-value={record.output}>{record.output.toFixed(6)}</strong>
            </p>
            <p>
              The network computed: <strong data-value={networkValue}>{networkValue.toFixed(6)}</strong>
            </p>
            <p className={difference < 1e-5 ? 'replay-equal' : 'replay-differs'}>
              {difference < 1e-5
                ? `The same value${difference > 0 ? ` (they differ by ${formatDifference(difference)}: the network rounds each step to 32-bit floats)` : ''}.`
                : `They differ by ${formatDifference(difference)}: this replay does not match the network.`}
            </p>
          </div>
        </>
      )}
    </section>
  );
}
