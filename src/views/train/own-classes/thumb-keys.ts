/**
 * Keyboard movement among a class's thumbnails: the list is one Tab stop (a class may hold 500
 * pictures, far too many to Tab through), and these keys move along it in reading order. Pure, so the
 * rule is unit-tested without a browser.
 */

/**
 * The thumbnail a key moves to from `index` among `count`, or null when the key is not a movement.
 * → and ↓ go to the next, ← and ↑ to the one before, Home and End to the ends; movement stops there.
 */
export function thumbMove(index: number, count: number, key: string): number | null {
  if (count <= 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** The thumbnail that keeps the Tab stop once `count` remain: the same place, or the last one. */
export function clampThumb(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}
