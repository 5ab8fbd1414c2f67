import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import type { ClassSet } from '../../../src/core/data/class-set';
import { mulberry32, type Random } from '../../../src/core/common/seeded-random';
import { centreSquareToRgb } from '../../../src/core/data/picture-input';

/** The three shapes of the generated class set. */
export const SHAPES = ['disc', 'square', 'stripes'] as const;

/**
 * One 64 × 48 RGBA picture of `shape` in random colours on a random background (shrunk by Classify's
 * rule, as a dropped file would be): colour says nothing about the class, so a network must see the shape.
 */
export function drawnShape(shape: (typeof SHAPES)[number], random: Random): Uint8Array {
  const width = 64;
  const height = 48;
  const colour = (): number[] => [0, 1, 2].map(() => Math.floor(random() * 256));
  const [background, ink] = [colour(), colour()];
  const cx = 32 + (random() - 0.5) * 10;
  const cy = 24 + (random() - 0.5) * 10;
  const size = 10 + random() * 6;
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inside = shape === 'disc' ? (x - cx) ** 2 + (y - cy) ** 2 < size ** 2 : shape === 'square' ? Math.abs(x - cx) < size && Math.abs(y - cy) < size : Math.floor(y / 4) % 2 === 0;
      rgba.set([...(inside ? (ink ?? []) : (background ?? [])), 255], (y * width + x) * 4);
    }
  }
  return centreSquareToRgb(rgba, width, height);
}

/** A 32 × 32 picture of one plain colour (red, green or blue) with a little noise. */
export function plainColour(label: number, random: Random): Uint8Array {
  const pixels = new Uint8Array(3072);
  for (let index = 0; index < pixels.length; index++) pixels[index] = index % 3 === label ? 180 + Math.floor(random() * 70) : Math.floor(random() * 60);
  return pixels;
}

/** A stored class set of `perClass` pictures a class, drawn by `draw`. */
export function makeClassSet(id: string, names: readonly string[], perClass: number, draw: (label: number, random: Random) => Uint8Array, seed = 3): ClassSet {
  const random = mulberry32(seed);
  return {
    id,
    name: `Set ${id}`,
    createdAt: '2026-12-06T19:00:00.000Z',
    updatedAt: '2026-12-06T19:00:00.000Z',
    classes: names.map((name, label) => ({ id: `${id}-c${label}`, name, pictures: Array.from({ length: perClass }, (_, index) => ({ id: `${id}-${label}-${index}`, pixels: draw(label, random) })) })),
  };
}

/** Three shapes, 20 pictures each. */
export const shapeSet = (id: string): ClassSet => makeClassSet(id, SHAPES, 20, (label, random) => drawnShape(SHAPES[label] ?? 'disc', random));

/** Red, green and blue, 20 pictures each. */
export const colourSet = (id: string): ClassSet => makeClassSet(id, ['red', 'green', 'blue'], 20, plainColour);

/** The shipped pretrained CIFAR-10 model, read from public/ (the caller disposes it). */
export async function loadShippedModel(): Promise<tf.LayersModel> {
  const dir = 'public/models/cifar10-tutorial';
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const weightSpecs = modelJson.weightsManifest.flatMap((group) => group.weights);
  const buffers = modelJson.weightsManifest.flatMap((group) => group.paths.map((path) => readFileSync(join(dir, path))));
  return tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology, weightSpecs, weightData: new Uint8Array(Buffer.concat(buffers)).buffer }));
}
