import { useId } from 'react';
import { formatPercent, topClasses } from '../../core/data/classify-hints';

/**
 * The five most probable classes (all of them for a model of fewer own classes), best first: each a meter named by its class (screen readers read
 * "cat, 63 %"), with the percentage written beside it for the back row.
 */
export function TopFive({ probabilities, pictureName, classes }: { readonly probabilities: readonly number[]; readonly pictureName: string; readonly classes?: readonly string[] }) {
  const id = useId();
  const ranked = topClasses(probabilities, 5, classes);
  return (
    <ol className="top-five" aria-label={`Top ${ranked.length === 5 ? 'five' : ranked.length} classes for ${pictureName}`}>
      {ranked.map((entry, rank) => (
        <li key={entry.name} className={rank === 0 ? 'top-five-best' : undefined}>
          <span className="top-five-name" id={`${id}-${entry.name}`}>
            {entry.name}
          </span>
          <meter className="top-five-bar" min={0} max={1} value={entry.probability} aria-labelledby={`${id}-${entry.name}`} />
          <span className="top-five-percent">{formatPercent(entry.probability)}</span>
        </li>
      ))}
    </ol>
  );
}
