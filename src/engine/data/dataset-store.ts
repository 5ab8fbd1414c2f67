/**
 * The engine's one copy of CIFAR-10, held where training runs (the worker). Only a fully loaded and
 * verified data set is ever visible here: while a load is in flight, or after one failed, there is
 * none, so no training can start on partial data.
 */
import { CIFAR10_CLASSES, type CifarArrays, type CifarManifest, type CifarSplit } from '../../core/data/cifar-format';
import { indicesByClass } from '../../core/data/dataset-indices';

/** Both splits, NHWC uint8 images and class-index labels, as the training loop consumes them. */
export interface LoadedDataset {
  readonly train: CifarArrays;
  readonly test: CifarArrays;
}

interface Held extends LoadedDataset {
  readonly manifest: CifarManifest;
  /** Per split, the image indices of each class (ascending), computed on first use. */
  readonly byClass: Partial<Record<CifarSplit, Uint32Array[]>>;
}

let held: Held | null = null;

/**
 * The loaded data set, or null when none is loaded and verified. The arrays are shared, not copied:
 * read them, never write them. Training code calls this in the engine (worker or main-thread host).
 */
export function getLoadedDataset(): LoadedDataset | null {
  return held && { train: held.train, test: held.test };
}

/**
 * The loaded data set.
 * @throws Error saying that CIFAR-10 is not loaded yet, for a command that needs it (e.g. training).
 */
export function requireLoadedDataset(): LoadedDataset {
  const dataset = getLoadedDataset();
  if (!dataset) throw new Error('CIFAR-10 is not loaded yet: training needs all 60 000 images loaded and verified first');
  return dataset;
}

/** The manifest of the loaded data set, or null. */
export function getLoadedManifest(): CifarManifest | null {
  return held?.manifest ?? null;
}

/** Make a verified data set the current one. Called by the data commands only. */
export function setLoadedDataset(manifest: CifarManifest, train: CifarArrays, test: CifarArrays): void {
  held = { manifest, train, test, byClass: {} };
}

/** Forget the data set (before a new load starts, so nothing reads a half-replaced one). */
export function clearLoadedDataset(): void {
  held = null;
}

/**
 * The image indices of each class in `split`, ascending.
 * @throws Error when no data set is loaded.
 */
export function classIndexLists(split: CifarSplit): Uint32Array[] {
  if (!held) throw new Error('CIFAR-10 is not loaded yet');
  const lists = held.byClass[split] ?? indicesByClass(held[split].labels, CIFAR10_CLASSES.length);
  held.byClass[split] = lists;
  return lists;
}
