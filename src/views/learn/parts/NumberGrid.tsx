import { lessonGridFits, MAX_LESSON_GRID_SIDE } from '../../../core/lesson-bounds';
import { divergingColor, textColorOn } from '../../../render/diverging-scale';

/** How a cell is marked in the current step. */
export type CellTone = 'read' | 'current' | 'winner' | 'pad' | 'unread' | 'pending' | 'centre' | 'hidden' | 'done';

/** One cell of a {@link NumberGrid}. */
export interface GridCell {
  /** What the cell shows (ignored while `edit` is set: the input shows the typed text). */
  readonly text: string;
  /** Value for the colour scale; null leaves the cell uncoloured. */
  readonly value: number | null;
  readonly tones?: readonly CellTone[];
  /** Small text in the corner, e.g. the mask weight "×2" over an input cell. */
  readonly note?: string;
  /** Makes the cell an input. */
  readonly edit?: {
    readonly text: string;
    readonly label: string;
    readonly invalid: boolean;
    onChange(text: string): void;
  };
}

/** Props of {@link NumberGrid}. */
export interface NumberGridProps {
  /** Visible caption; also the table's accessible name. */
  readonly caption: string;
  readonly cells: ReadonlyArray<ReadonlyArray<GridCell>>;
  /** Value painted full red/blue (symmetric scale around zero). */
  readonly scaleMax: number;
  readonly size?: 'normal' | 'small';
  /** Optional line under the caption (a size, "4 × 4"). */
  readonly detail?: string;
  /** Accessible name when the visible caption is not unique on the page. */
  readonly label?: string;
}

/**
 * A matrix of numbers as a table: each cell coloured on the diverging scale, with its number printed
 * in black or white (whichever is legible), optional marks for the step, and optional inputs.
 */
export function NumberGrid({ caption, cells, scaleMax, size = 'normal', detail, label }: NumberGridProps) {
  // The lessons' bounds keep every grid small; this keeps a future mistake from building a table that freezes the tab.
  const columns = cells.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (!lessonGridFits(cells.length, columns)) {
    return (
      <figure className={`grid-figure grid-${size}`}>
        <p role="alert">
          {caption}: {cells.length} × {columns} cells is more than a lesson shows (at most {MAX_LESSON_GRID_SIDE} × {MAX_LESSON_GRID_SIDE}).
        </p>
      </figure>
    );
  }
  return (
    <figure className={`grid-figure grid-${size}`}>
      <table className="number-grid" aria-label={label}>
        <caption>
          {caption}
          {detail && <span className="grid-detail"> {detail}</span>}
        </caption>
        <tbody>
          {cells.map((row, rowIndex) => (
            <tr key={rowIndex}>
              {row.map((cell, colIndex) => {
                const tones = cell.tones ?? [];
                const colored = cell.value !== null && !tones.includes('pending') && !tones.includes('hidden');
                const background = colored ? divergingColor(cell.value ?? 0, scaleMax) : null;
                const style = background
                  ? { backgroundColor: `rgb(${background.join(' ')})`, color: textColorOn(background) }
                  : undefined;
                return (
                  <td key={colIndex} className={tones.map((tone) => `cell-${tone}`).join(' ')} style={style}>
                    {cell.edit ? (
                      <input
                        type="text"
                        inputMode="decimal"
                        className="cell-input"
                        value={cell.edit.text}
                        aria-label={cell.edit.label}
                        aria-invalid={cell.edit.invalid}
                        onChange={(event) => cell.edit?.onChange(event.currentTarget.value)}
                      />
                    ) : (
                      <span className="cell-text">{tones.includes('pending') ? '' : cell.text}</span>
                    )}
                    {cell.note && <span className="cell-note">{cell.note}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
