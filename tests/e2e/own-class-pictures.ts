/**
 * Pictures of made-up classes for the own-classes end-to-end test and screenshots: a red disc on white,
 * or a blue square on yellow, 64 × 48 (so the centre crop matters), placed, sized and tinted by a seeded
 * generator so every run draws the same ones.
 */
import { pngFile, type Rgba } from './picture-files';

/** A small seeded generator (a linear congruential one), so the pictures are the same in every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Picture `index` of a drawn class, as a file for Playwright's `setInputFiles`. */
export function drawnPicture(kind: 'disc' | 'square', index: number): { name: string; mimeType: string; buffer: Buffer } {
  const random = seeded(kind === 'disc' ? 1000 + index : 2000 + index);
  const width = 64;
  const height = 48;
  const cx = 20 + random() * 24;
  const cy = 16 + random() * 16;
  const size = 9 + random() * 7;
  const jitter = (): number => Math.floor(random() * 40) - 20;
  const shape: Rgba = kind === 'disc' ? [220 + jitter() / 2, 30 + jitter(), 40 + jitter(), 255] : [30 + jitter(), 60 + jitter(), 210 + jitter() / 2, 255];
  const ground: Rgba = kind === 'disc' ? [250, 250, 250, 255] : [240, 220 + jitter(), 90, 255];
  const inside = kind === 'disc' ? (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= size ** 2 : (x: number, y: number) => Math.abs(x - cx) <= size && Math.abs(y - cy) <= size;
  return { name: `${kind}-${index}.png`, mimeType: 'image/png', buffer: pngFile(width, height, (x, y) => (inside(x, y) ? shape : ground)) };
}
