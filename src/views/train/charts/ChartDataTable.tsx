import { useState } from 'react';

/**
 * The numbers behind a chart, in a table that opens on demand ("Data table"): hidden until asked for,
 * so a long run's thousands of rows are only rendered for whoever wants to read them.
 */
export function ChartDataTable({ caption, header, rows }: { readonly caption: string; readonly header: readonly string[]; readonly rows: () => readonly (readonly string[])[] }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="chart-data" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Data table</summary>
      {open && (
        <div className="chart-data-scroll">
          <table>
            <caption>{caption}</caption>
            <thead>
              <tr>
                {header.map((name) => (
                  <th key={name} scope="col">
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows().map((cells, rowIndex) => (
                <tr key={rowIndex}>
                  {cells.map((cell, cellIndex) => (cellIndex === 0 ? <th key={cellIndex} scope="row">{cell}</th> : <td key={cellIndex}>{cell}</td>))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
