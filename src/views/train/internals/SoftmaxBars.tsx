import { argMax } from '../../../core/model/network-internals';
import type { LayerActivations } from '../../../state/slices/inspect-slice';
import { formatNumber } from '../../learn/format-number';
import { BarTable } from './BarTable';

/** Props of {@link SoftmaxBars}. */
export interface SoftmaxBarsProps {
  readonly layer: LayerActivations;
  readonly classes: readonly string[];
  /** The picture's true class, when known. */
  readonly label: number | null;
}

/** The softmax output: ten probabilities, the network's answer marked, and the true class named. */
export function SoftmaxBars({ layer, classes, label }: SoftmaxBarsProps) {
  const answer = argMax(layer.values);
  const answerName = classes[answer] ?? `class ${answer}`;
  const truth = label === null ? '' : (classes[label] ?? `class ${label}`);
  const verdict = label === null ? '' : label === answer ? ' — right.' : ` — wrong: it is ${/^[aeiou]/.test(truth) ? 'an' : 'a'} ${truth}.`;
  return (
    <section className="internals-part" aria-label="Softmax output">
      <h4>
        {layer.name}: the answer — {answerName}, {formatNumber((layer.values[answer] ?? 0) * 100, 1)} %{verdict}
      </h4>
      <BarTable
        columns={['Class', 'Probability']}
        rows={Array.from(layer.values, (probability, index) => ({
          key: index,
          label: `${classes[index] ?? `class ${index}`}${index === label ? ' (true)' : ''}`,
          fraction: probability,
          text: `${formatNumber(probability * 100, 1)} %`,
          highlighted: index === answer,
        }))}
      />
    </section>
  );
}
