import { useId, type ReactNode } from 'react';
import { toCsv, type CsvCell } from '../../../core/charts/csv';
import { downloadText } from './download-text';

/**
 * A chart's frame: its title, the chart, its controls (CSV download and any extra, e.g. smoothing) and
 * its data table. `csv` is called only when the button is pressed.
 */
export function ChartFrame({ title, summary, fileName, csv, controls, children, table }: {
  readonly title: string;
  /** One sentence with the trend ("Training loss 2.31 → 1.62 over 4 epochs; …"), shown under the title. */
  readonly summary: string;
  readonly fileName: string;
  readonly csv: () => { readonly header: readonly string[]; readonly rows: readonly (readonly CsvCell[])[] };
  readonly controls?: ReactNode;
  readonly children: ReactNode;
  readonly table: ReactNode;
}) {
  const headingId = useId();
  return (
    <figure className="chart-frame" aria-labelledby={headingId}>
      <figcaption className="chart-frame-head">
        <h4 id={headingId}>{title}</h4>
        <div className="chart-frame-controls">
          {controls}
          <button
            type="button"
            onClick={() => {
              const { header, rows } = csv();
              downloadText(fileName, toCsv(header, rows));
            }}
          >
            <span className="chart-csv-verb">Download </span>CSV<span className="visually-hidden"> of the {title.toLowerCase()}</span>
          </button>
        </div>
        <p className="chart-summary">{summary}</p>
      </figcaption>
      {children}
      {table}
    </figure>
  );
}
