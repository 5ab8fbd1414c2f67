import { useId, useState, type ReactNode } from 'react';
import './experiments.css';

/**
 * A Train-area panel that opens on demand: its heading is a button (the disclosure pattern), so the
 * panel takes one line until a teacher wants it, and keeps its name as a region either way. Self-
 * contained, so a layout with tabs can move it as it is.
 */
export function ExperimentPanel({ title, teaser, className, children }: { readonly title: string; readonly teaser: string; readonly className: string; readonly children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section className={`train-panel experiment-panel ${className}`} aria-labelledby={headingId}>
      <h3 className="experiment-heading">
        <button type="button" id={headingId} aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          <span aria-hidden="true" className="experiment-caret">
            {open ? '▾' : '▸'}
          </span>{' '}
          {title}
        </button>
        {!open && <span className="experiment-teaser">{teaser}</span>}
      </h3>
      <div id={bodyId} hidden={!open} className="experiment-body">
        {open && children}
      </div>
    </section>
  );
}
