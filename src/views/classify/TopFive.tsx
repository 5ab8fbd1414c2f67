import { useId } from 'react';
import { formatPercent, topClasses } from '../../core/data/classify-hints';

/**
 * The five most probable classes, best first: each a meter named by its class (screen readers read
 * "cat, 63 %"), with the percentage written beside it for the back row.
 */
export function TopFive({ probabilities, pictureName }: { readonly probabilities: readonly number[]; readonly pictureName: string }) {
  const id = useId();
  return (
    <ol className="top-five" aria-label={`Top five classes for ${pictureName}`}>
      {topClasses(probabilities).map((entry, rank) => (
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
