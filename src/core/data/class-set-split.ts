/**
 * A class set as training data: per class, a seeded share of its pictures held out for validation
 * and the rest to learn from, in the same uint8 NHWC arrays the engine trains CIFAR-10 from. Held-out
 * pictures are never trained on, so their accuracy says how the network does on pictures it has not
 * seen.
 */
import { CIFAR_IMAGE_BYTES, type CifarArrays } from './cifar-format';
import type { OwnClass } from './class-set';
import { mulberry32 } from '../common/seeded-random';

/** Share of each class held out for validation unless the student chooses another. */
export const DEFAULT_HELD_OUT_SHARE = 0.2;

/**
 * How many of a class's `count` pictures are held out: `share` of them rounded, but at least one and
 * never all (with fewer than two pictures, none).
 */
export function heldOutCount(count: number, share: number): number {
  if (count < 2) return 0;
  return Math.min(count - 1, Math.max(1, Math.round(count * share)));
}

/** The two splits of a class set, with its class names in label order. */
export interface ClassSetData {
  readonly classNames: readonly string[];
  readonly train: CifarArrays;
  /** The held-out pictures, class by class. */
  readonly test: CifarArrays;
}

/**
 * Split `classes` into training and held-out pictures. Which pictures are held out is random but fixed
 * by `seed` (and differs between classes), so a resumed run validates on the same ones.
 * @throws RangeError when `share` is not in (0, 1).
 */
export function splitClassSet(classes: readonly Pick<OwnClass, 'name' | 'pictures'>[], share: number, seed: number): ClassSetData {
  if (!(share > 0 && share < 1)) throw new RangeError(`the held-out share must be between 0 and 1, got ${share}`);
  const train: { pixels: Uint8Array; label: number }[] = [];
  const test: { pixels: Uint8Array; label: number }[] = [];
  classes.forEach((own, label) => {
    const order = shuffled(own.pictures.length, mulberry32((seed ^ Math.imul(label + 1, 0x9e3779b1)) >>> 0));
    const held = heldOutCount(own.pictures.length, share);
    order.forEach((pictureIndex, position) => {
      const picture = own.pictures[pictureIndex];
      if (picture) (position < held ? test : train).push({ pixels: picture.pixels, label });
    });
  });
  return { classNames: classes.map((own) => own.name), train: packed(train), test: packed(test) };
}

/** 0 … count − 1 in a seeded random order (Fisher–Yates). */
function shuffled(count: number, random: () => number): number[] {
  const order = Array.from({ length: count }, (_, index) => index);
  for (let index = count - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [order[index], order[other]] = [order[other] ?? 0, order[index] ?? 0];
  }
  return order;
}

function packed(items: readonly { pixels: Uint8Array; label: number }[]): CifarArrays {
  const images = new Uint8Array(items.length * CIFAR_IMAGE_BYTES);
  const labels = new Uint8Array(items.length);
  items.forEach((item, index) => {
    images.set(item.pixels, index * CIFAR_IMAGE_BYTES);
    labels[index] = item.label;
  });
  return { count: items.length, images, labels };
}
