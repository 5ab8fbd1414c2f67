/**
 * Keyboard movement inside an editable number grid, as spreadsheets do it: the grid is one Tab stop,
 * and these keys move between its cells. Pure, so the rules are unit-tested without a browser.
 */

/** A cell's position, 0-based. */
export interface GridPosition {
  readonly row: number;
  readonly col: number;
}

/** What a key press needs to know about the cell that has focus. */
export interface GridKeyContext {
  readonly key: string;
  readonly ctrlKey: boolean;
  /**
   * Where the text caret is in the cell's box: `all` when its whole text is selected (the state a cell
   * is in when reached by the keyboard, so typing replaces it), `start`/`end` when the caret sits at
   * that end, `inside` otherwise; `none` for a cell that cannot be typed in.
   */
  readonly caret: 'all' | 'start' | 'end' | 'inside' | 'none';
}

/**
 * The cell a key moves to, or null when the key is not a movement here (the cell's text box keeps it,
 * or the grid lets it through: Tab leaves the grid).
 *
 * ↑ ↓ always move. ← → move when the whole text is selected or the caret is already at that end, so
 * they still move the caret while a number is being edited. Home/End go to the row's first/last cell
 * (with Ctrl, the grid's), when the cell is not being edited. Movement stops at the edges.
 */
export function gridMove(from: GridPosition, size: { readonly rows: number; readonly cols: number }, context: GridKeyContext): GridPosition | null {
  const { key, caret } = context;
  const clamp = (row: number, col: number): GridPosition => ({
    row: Math.min(size.rows - 1, Math.max(0, row)),
    col: Math.min(size.cols - 1, Math.max(0, col)),
  });
  const leftAllowed = caret === 'all' || caret === 'start' || caret === 'none';
  const rightAllowed = caret === 'all' || caret === 'end' || caret === 'none';
  const notEditing = caret === 'all' || caret === 'none';
  switch (key) {
    case 'ArrowUp':
      return clamp(from.row - 1, from.col);
    case 'ArrowDown':
      return clamp(from.row + 1, from.col);
    case 'ArrowLeft':
      return leftAllowed ? clamp(from.row, from.col - 1) : null;
    case 'ArrowRight':
      return rightAllowed ? clamp(from.row, from.col + 1) : null;
    case 'Home':
      return notEditing ? clamp(context.ctrlKey ? 0 : from.row, 0) : null;
    case 'End':
      return notEditing ? clamp(context.ctrlKey ? size.rows - 1 : from.row, size.cols - 1) : null;
    default:
      return null;
  }
}

/** Where the caret is in a text box, in {@link GridKeyContext}'s words. */
export function caretPlace(selectionStart: number | null, selectionEnd: number | null, length: number): GridKeyContext['caret'] {
  const start = selectionStart ?? length;
  const end = selectionEnd ?? length;
  if (start === 0 && end === length) return 'all';
  if (start !== end) return 'inside';
  if (start === 0) return 'start';
  if (start === length) return 'end';
  return 'inside';
}

/** True for a key that types a character (not a shortcut, not a named key like "Enter"). */
export function isTypingKey(key: string, modifiers: { readonly ctrlKey: boolean; readonly metaKey: boolean; readonly altKey: boolean }): boolean {
  return key.length === 1 && !modifiers.ctrlKey && !modifiers.metaKey && !modifiers.altKey;
}
