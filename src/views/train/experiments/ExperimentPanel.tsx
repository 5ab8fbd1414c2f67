import { useId, type ReactNode } from 'react';
import './experiments.css';

/**
 * A Train-area experiment (the overfitting lab, sweeps): a named region with its heading and a one-line
 * summary under it. Each lives in its own Train tab, so it is open as soon as the tab is: a disclosure
 * inside a tab would only cost the teacher a second click.
 */
export function ExperimentPanel({ title, teaser, className, children }: { readonly title: string; readonly teaser: string; readonly className: string; readonly children: ReactNode }) {
  const headingId = useId();
  return (
    <section className={`train-panel experiment-panel ${className}`} aria-labelledby={headingId}>
      <h3 className="experiment-heading" id={headingId}>
        {title}
      </h3>
      <p className="experiment-teaser">{teaser}</p>
      <div className="experiment-body">{children}</div>
    </section>
  );
}
