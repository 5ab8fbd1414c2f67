/**
 * Your own classes: a named set of 2–10 classes, each a name and the pictures taken for it, kept as the
 * network sees them (32 × 32 × 3 uint8 RGB, centre-cropped and area-resampled as Classify does). Pure:
 * the engine stores sets in IndexedDB, the views show them, and both word their rules the same way.
 */
import { CIFAR_IMAGE_BYTES } from './cifar-format';

/** Fewest classes a set trains with: one class alone has nothing to tell apart. */
export const MIN_CLASSES = 2;
/** Most classes in a set: the network's last layer has one unit per class, as CIFAR-10's ten. */
export const MAX_CLASSES = 10;
/** Longest class or set name, in characters: names go on bars, axes and file names. */
export const MAX_CLASS_NAME_LENGTH = 40;
/** Most pictures one class keeps (about 1.5 MB at 3 072 bytes each). */
export const MAX_PICTURES_PER_CLASS = 500;
/** Fewest pictures a class needs to train: some to learn from and at least one held out to check. */
export const MIN_PICTURES_TO_TRAIN = 5;

/** One picture of a class, as the network sees it. */
export interface ClassPicture {
  /** Unique within its set. */
  readonly id: string;
  /** 32 × 32 × 3 uint8, row-major RGB. */
  readonly pixels: Uint8Array;
}

/** One class: its name and pictures, oldest first. */
export interface OwnClass {
  /** Unique within its set; stays when the class is renamed. */
  readonly id: string;
  readonly name: string;
  readonly pictures: readonly ClassPicture[];
}

/** A set of classes, stored whole. */
export interface ClassSet {
  readonly id: string;
  readonly name: string;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly classes: readonly OwnClass[];
}

/** A set as lists show it: no pixels. */
export interface ClassSetSummary {
  readonly id: string;
  readonly name: string;
  readonly updatedAt: string;
  readonly classes: readonly { readonly id: string; readonly name: string; readonly pictures: number }[];
}

/** The summary of `set`. */
export function summariseClassSet(set: ClassSet): ClassSetSummary {
  return { id: set.id, name: set.name, updatedAt: set.updatedAt, classes: set.classes.map((own) => ({ id: own.id, name: own.name, pictures: own.pictures.length })) };
}

/**
 * A new id: `prefix`, the time in base 36 and six random base-36 digits (two tabs adding at the same
 * millisecond still differ).
 */
export function newOwnId(prefix: string, nowMs: number, random: () => number): string {
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  return `${prefix}-${Math.floor(nowMs).toString(36)}-${suffix}`;
}

/**
 * A class or set name as typed, made usable: white space runs made one space, trimmed.
 * @throws Error naming the rule broken: empty, longer than MAX_CLASS_NAME_LENGTH, control characters,
 *   or the same name (ignoring case) as another of `taken`.
 */
export function cleanClassName(typed: string, taken: readonly string[] = [], what = 'a class name'): string {
  const name = typed.replace(/\s+/g, ' ').trim();
  if (name === '') throw new Error(`${what} must not be empty`);
  if ([...name].length > MAX_CLASS_NAME_LENGTH) throw new Error(`${what} may have at most ${MAX_CLASS_NAME_LENGTH} characters, got ${[...name].length}`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new Error(`${what} must not contain control characters`);
  if (taken.some((other) => other.toLocaleLowerCase('en') === name.toLocaleLowerCase('en'))) throw new Error(`there is already a class named “${name}”: each class needs its own name`);
  return name;
}

/** The first "Class N" not yet taken, for a new class. */
export function nextClassName(set: Pick<ClassSet, 'classes'>): string {
  const taken = new Set(set.classes.map((own) => own.name.toLocaleLowerCase('en')));
  for (let number = set.classes.length + 1; ; number++) if (!taken.has(`class ${number}`)) return `Class ${number}`;
}

/**
 * Why `set` cannot train yet, one sentence each (empty when it can): fewer than MIN_CLASSES classes,
 * or a class with fewer than MIN_PICTURES_TO_TRAIN pictures.
 */
export function classSetProblems(set: Pick<ClassSet, 'classes'>): string[] {
  const problems: string[] = [];
  if (set.classes.length < MIN_CLASSES) problems.push(`Make at least ${MIN_CLASSES} classes: a network needs something to tell apart.`);
  for (const own of set.classes) {
    const count = own.pictures.length;
    if (count < MIN_PICTURES_TO_TRAIN) problems.push(`“${own.name}” has ${count} ${count === 1 ? 'picture' : 'pictures'}; give it at least ${MIN_PICTURES_TO_TRAIN} (some to learn from, one or more to check with).`);
  }
  return problems;
}

/**
 * Check one picture's bytes.
 * @throws RangeError when it is not 32 × 32 × 3 bytes.
 */
export function assertPicturePixels(pixels: Uint8Array): void {
  if (pixels.length !== CIFAR_IMAGE_BYTES) throw new RangeError(`a class picture is ${CIFAR_IMAGE_BYTES} bytes (32 × 32 × 3), got ${pixels.length}`);
}

/** Pictures a class can still take before MAX_PICTURES_PER_CLASS. */
export function roomLeft(own: Pick<OwnClass, 'pictures'>): number {
  return Math.max(0, MAX_PICTURES_PER_CLASS - own.pictures.length);
}

/** A change to one set, as the Classes area asks for it. */
export type ClassSetChange =
  | { readonly kind: 'rename-set'; readonly name: string }
  | { readonly kind: 'add-class'; readonly name: string }
  | { readonly kind: 'rename-class'; readonly classId: string; readonly name: string }
  | { readonly kind: 'remove-class'; readonly classId: string }
  | { readonly kind: 'remove-pictures'; readonly classId: string; readonly pictureIds: readonly string[] }
  | { readonly kind: 'add-pictures'; readonly classId: string; readonly pictures: readonly ClassPicture[] };

/**
 * `set` with `change` made, stamped `updatedAt`. Pictures beyond a class's room are not added
 * (`addedPictures` of the result says how many were).
 * @throws Error naming the rule broken (a bad or taken name, an 11th class, no such class).
 */
export function changeClassSet(set: ClassSet, change: ClassSetChange, updatedAt: string, newClassId: () => string): { readonly set: ClassSet; readonly addedPictures: number } {
  const others = (classId: string | null): string[] => set.classes.filter((own) => own.id !== classId).map((own) => own.name);
  const classOf = (classId: string): OwnClass => {
    const own = set.classes.find((candidate) => candidate.id === classId);
    if (!own) throw new Error('that class is no longer in the set: it may have been removed in another tab');
    return own;
  };
  const withClasses = (classes: readonly OwnClass[]): ClassSet => ({ ...set, classes, updatedAt });
  const replaced = (classId: string, patch: Partial<OwnClass>): OwnClass[] => set.classes.map((own) => (own.id === classId ? { ...own, ...patch } : own));
  switch (change.kind) {
    case 'rename-set':
      return { set: { ...set, name: cleanClassName(change.name, [], 'a set name'), updatedAt }, addedPictures: 0 };
    case 'add-class': {
      if (set.classes.length >= MAX_CLASSES) throw new Error(`a set holds at most ${MAX_CLASSES} classes`);
      const name = cleanClassName(change.name, others(null));
      return { set: withClasses([...set.classes, { id: newClassId(), name, pictures: [] }]), addedPictures: 0 };
    }
    case 'rename-class':
      classOf(change.classId);
      return { set: withClasses(replaced(change.classId, { name: cleanClassName(change.name, others(change.classId)) })), addedPictures: 0 };
    case 'remove-class':
      classOf(change.classId);
      return { set: withClasses(set.classes.filter((own) => own.id !== change.classId)), addedPictures: 0 };
    case 'remove-pictures': {
      const gone = new Set(change.pictureIds);
      return { set: withClasses(replaced(change.classId, { pictures: classOf(change.classId).pictures.filter((picture) => !gone.has(picture.id)) })), addedPictures: 0 };
    }
    case 'add-pictures': {
      const own = classOf(change.classId);
      const added = change.pictures.slice(0, roomLeft(own));
      added.forEach((picture) => assertPicturePixels(picture.pixels));
      return { set: withClasses(replaced(change.classId, { pictures: [...own.pictures, ...added] })), addedPictures: added.length };
    }
  }
}

/**
 * Below this many training pictures, a new own-classes run augments by default (random shifts and
 * flips): with 16 pictures a class, a network memorises them within a few epochs; seeing each one moved
 * a little every epoch is the cheapest way to make it learn the class instead.
 */
export const AUGMENT_BELOW_PICTURES = 2_000;

/** Whether a run on `trainingPictures` pictures augments unless the student says otherwise. */
export function augmentByDefault(trainingPictures: number): boolean {
  return trainingPictures < AUGMENT_BELOW_PICTURES;
}
