import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { lessonGridFits, MAX_LESSON_GRID_SIDE } from '../../../core/lessons/lesson-bounds';
import { divergingColor, textColorOn } from '../../../render/diverging-scale';
import { caretPlace, gridMove, isTypingKey, type GridPosition } from './grid-navigation';

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
  /** In an editable grid, why this cell cannot be typed in (said where the student tried). */
  readonly locked?: string;
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
  /** Why the latest entry in this grid was refused; shown under the grid, tied to the invalid cells. */
  readonly error?: string | null;
}

const LOCKED_DEFAULT = 'This number is worked out by the lesson, not typed.';

/**
 * A matrix of numbers as a table: each cell coloured on the diverging scale, with its number printed
 * in black or white (whichever is legible), optional marks for the step, and optional inputs.
 *
 * A grid with inputs is one composite widget (ARIA `grid`): one Tab stop, the arrow keys, Home and End
 * move between cells, typing replaces the number in the cell reached, Escape puts back the last number
 * that was accepted. A refused entry is explained under the grid in a message laid over what follows,
 * so nothing on the page moves.
 */
export function NumberGrid({ caption, cells, scaleMax, size = 'normal', detail, label, error }: NumberGridProps) {
  const id = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const editable = cells.some((row) => row.some((cell) => cell.edit !== undefined));
  const [active, setActive] = useState<GridPosition>(() => firstEditable(cells));
  const [refusal, setRefusal] = useState<string | null>(null);
  const rows = cells.length;
  const cols = cells[0]?.length ?? 0;
  const current = { row: Math.min(active.row, rows - 1), col: Math.min(active.col, cols - 1) };
  const message = refusal ?? error ?? null;
  const messageId = `${id}-message`;

  const focusCell = (position: GridPosition): void => {
    const target = tableRef.current?.querySelector<HTMLElement>(`[data-cell="${position.row},${position.col}"]`);
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>): void => {
    if (!editable || event.altKey || event.metaKey) return;
    const target = event.target instanceof HTMLElement ? event.target : null;
    const place = target?.dataset.cell?.split(',').map(Number);
    if (!target || !place || place.length !== 2) return;
    const from = { row: place[0] ?? 0, col: place[1] ?? 0 };
    const cell = cells[from.row]?.[from.col];
    const input = target instanceof HTMLInputElement ? target : null;
    const caret = input ? caretPlace(input.selectionStart, input.selectionEnd, input.value.length) : 'none';
    const to = gridMove(from, { rows, cols }, { key: event.key, ctrlKey: event.ctrlKey, caret });
    if (to) {
      // The grid owns its arrows: the lesson around it must not step while a cell has focus.
      event.preventDefault();
      event.stopPropagation();
      focusCell(to);
    } else if (event.key === 'Escape' && input && cell?.edit && cell.value !== null && cell.edit.invalid) {
      event.preventDefault();
      cell.edit.onChange(String(cell.value));
      requestAnimationFrame(() => input.select());
    } else if (!input && event.key !== ' ' && isTypingKey(event.key, event)) {
      event.preventDefault();
      setRefusal(cell?.locked ?? LOCKED_DEFAULT);
    }
  };

  // The lessons' bounds keep every grid small; this keeps a future mistake from building a table that freezes the tab.
  const widest = cells.reduce((most, row) => Math.max(most, row.length), 0);
  if (!lessonGridFits(cells.length, widest)) {
    return (
      <figure className={`grid-figure grid-${size}`}>
        <p role="alert">
          {caption}: {cells.length} × {widest} cells is more than a lesson shows (at most {MAX_LESSON_GRID_SIDE} × {MAX_LESSON_GRID_SIDE}).
        </p>
      </figure>
    );
  }

  return (
    <figure className={`grid-figure grid-${size}`}>
      <table
        ref={tableRef}
        className="number-grid"
        role={editable ? 'grid' : undefined}
        aria-label={label}
        aria-labelledby={label ? undefined : `${id}-caption`}
        aria-describedby={editable ? `${id}-help` : undefined}
        onKeyDown={onKeyDown}
      >
        <caption id={`${id}-caption`}>
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
                const style = background ? { backgroundColor: `rgb(${background.join(' ')})`, color: textColorOn(background) } : undefined;
                const isActive = current.row === rowIndex && current.col === colIndex;
                const roving = {
                  'data-cell': `${rowIndex},${colIndex}`,
                  tabIndex: isActive ? 0 : -1,
                  onFocus: () => {
                    setActive({ row: rowIndex, col: colIndex });
                    setRefusal(null);
                  },
                };
                const lockedCell = editable && !cell.edit;
                return (
                  <td
                    key={colIndex}
                    className={tones.map((tone) => `cell-${tone}`).join(' ')}
                    style={style}
                    {...(lockedCell ? { ...roving, 'aria-readonly': true } : {})}
                  >
                    {cell.edit ? (
                      <input
                        {...roving}
                        type="text"
                        inputMode="decimal"
                        className="cell-input"
                        value={cell.edit.text}
                        aria-label={cell.edit.label}
                        aria-invalid={cell.edit.invalid}
                        aria-describedby={cell.edit.invalid && message ? messageId : undefined}
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
      {editable && (
        <span id={`${id}-help`} className="visually-hidden">
          Arrow keys move between cells; typing replaces the number; Escape puts back the last accepted one.
        </span>
      )}
      {message && (
        <p className="field-error grid-message" role="alert" id={messageId}>
          {message}
        </p>
      )}
    </figure>
  );
}

/** The first cell that takes typing: where Tab lands the first time. */
function firstEditable(cells: ReadonlyArray<ReadonlyArray<GridCell>>): GridPosition {
  for (const [row, cellsOfRow] of cells.entries()) {
    const col = cellsOfRow.findIndex((cell) => cell.edit !== undefined);
    if (col >= 0) return { row, col };
  }
  return { row: 0, col: 0 };
}
