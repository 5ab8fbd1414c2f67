import { describe, expect, test } from 'vitest';
import { caretPlace, gridMove, isTypingKey, type GridKeyContext } from '../../src/views/learn/parts/grid-navigation';

const size = { rows: 3, cols: 4 };
const key = (name: string, caret: GridKeyContext['caret'] = 'all', ctrlKey = false): GridKeyContext => ({ key: name, caret, ctrlKey });

describe('moving inside an editable grid', () => {
  test('arrows move one cell and stop at the edges', () => {
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowUp'))).toEqual({ row: 0, col: 1 });
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowDown'))).toEqual({ row: 2, col: 1 });
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowLeft'))).toEqual({ row: 1, col: 0 });
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowRight'))).toEqual({ row: 1, col: 2 });
    expect(gridMove({ row: 0, col: 0 }, size, key('ArrowUp'))).toEqual({ row: 0, col: 0 });
    expect(gridMove({ row: 2, col: 3 }, size, key('ArrowRight'))).toEqual({ row: 2, col: 3 });
  });

  test('while a number is being edited, ← and → move the caret until it reaches that end', () => {
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowLeft', 'inside'))).toBeNull();
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowLeft', 'end'))).toBeNull();
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowLeft', 'start'))).toEqual({ row: 1, col: 0 });
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowRight', 'start'))).toBeNull();
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowRight', 'end'))).toEqual({ row: 1, col: 2 });
    // ↑ and ↓ always move: a number box has no lines to move between.
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowDown', 'inside'))).toEqual({ row: 2, col: 1 });
    // A worked-out cell (no text box) moves with every arrow.
    expect(gridMove({ row: 1, col: 1 }, size, key('ArrowLeft', 'none'))).toEqual({ row: 1, col: 0 });
  });

  test('Home and End go to the row ends, with Ctrl to the grid ends; not while editing; other keys are not moves', () => {
    expect(gridMove({ row: 1, col: 2 }, size, key('Home'))).toEqual({ row: 1, col: 0 });
    expect(gridMove({ row: 1, col: 2 }, size, key('End'))).toEqual({ row: 1, col: 3 });
    expect(gridMove({ row: 1, col: 2 }, size, key('Home', 'all', true))).toEqual({ row: 0, col: 0 });
    expect(gridMove({ row: 1, col: 2 }, size, key('End', 'all', true))).toEqual({ row: 2, col: 3 });
    expect(gridMove({ row: 1, col: 2 }, size, key('Home', 'inside'))).toBeNull();
    for (const other of ['Tab', 'Enter', '5', 'a', ' ']) expect(gridMove({ row: 1, col: 2 }, size, key(other))).toBeNull();
  });

  test('the caret is read from the selection; typing keys are single characters without shortcuts', () => {
    expect(caretPlace(0, 3, 3)).toBe('all');
    expect(caretPlace(0, 0, 0)).toBe('all');
    expect(caretPlace(0, 0, 3)).toBe('start');
    expect(caretPlace(3, 3, 3)).toBe('end');
    expect(caretPlace(1, 1, 3)).toBe('inside');
    expect(caretPlace(1, 2, 3)).toBe('inside');
    const plain = { ctrlKey: false, metaKey: false, altKey: false };
    expect(isTypingKey('a', plain)).toBe(true);
    expect(isTypingKey('ArrowLeft', plain)).toBe(false);
    expect(isTypingKey('c', { ...plain, ctrlKey: true })).toBe(false);
  });
});
