/** One row of a {@link BarTable}. */
export interface BarRow {
  readonly key: string | number;
  /** The row's header cell (a unit number, a class name). */
  readonly label: string;
  /** Length of the bar, 0..1 of the track. */
  readonly fraction: number;
  /** The value as read aloud and printed beside the bar. */
  readonly text: string;
  /** Marks the row (the network's answer) with a stronger style. */
  readonly highlighted?: boolean;
}

/** Props of {@link BarTable}. */
export interface BarTableProps {
  /** Headers of the two columns, e.g. ["Class", "Probability"]. */
  readonly columns: readonly [string, string];
  readonly rows: readonly BarRow[];
}

/**
 * A two-column table whose value cells carry a horizontal bar: a real table, so a screen reader reads
 * "cat, 41.2 %" row by row while the bars (hidden from it) give the sighted reader the proportions.
 */
export function BarTable({ columns, rows }: BarTableProps) {
  return (
    <table className="bar-table">
      <thead>
        <tr>
          <th scope="col">{columns[0]}</th>
          <th scope="col">{columns[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.highlighted ? 'bar-table-highlight' : undefined}>
            <th scope="row">{row.label}</th>
            <td>
              <span className="internals-track" aria-hidden="true">
                <span className="internals-bar" style={{ width: `${Math.min(1, Math.max(0, row.fraction)) * 100}%` }} />
              </span>
              {row.text}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
