/**
 * Reading a classifier's answer honestly: its five best classes, and the plain-language notes a
 * student needs to judge it — the network always names one of its ten classes, even for a picture of
 * none of them, so a low top probability or a featureless input must be said out loud.
 */
import { CIFAR10_CLASSES } from './cifar-format';

/** One class with the probability the network gave it. */
export interface RankedClass {
  readonly classIndex: number;
  readonly name: string;
  /** 0…1. */
  readonly probability: number;
}

/**
 * The `count` most probable classes, most probable first (ties keep class order).
 * @throws RangeError when there are not as many probabilities as classes.
 */
export function topClasses(probabilities: ArrayLike<number>, count = 5, classes: readonly string[] = CIFAR10_CLASSES): RankedClass[] {
  if (probabilities.length !== classes.length) throw new RangeError(`expected ${classes.length} probabilities, one per class, got ${probabilities.length}`);
  return classes
    .map((name, classIndex) => ({ classIndex, name, probability: probabilities[classIndex] ?? 0 }))
    .sort((a, b) => b.probability - a.probability || a.classIndex - b.classIndex)
    .slice(0, count);
}

/** Below this top probability the answer is called unsure. */
export const UNSURE_BELOW = 0.5;
/** Below this it is close to a random pick among ten (10 % each). */
export const GUESSING_BELOW = 0.2;
/** Largest standard deviation (0…255 scale, per channel) of an input called a flat colour. */
export const FLAT_INPUT_STD = 4;

/** The note on every answer for a picture from outside CIFAR-10 (however sure the network sounds). */
export const KNOWN_CLASSES_NOTE = `This network knows only ten classes (${CIFAR10_CLASSES.join(', ')}): it names one of them for any picture, even one that shows none of them, and can sound sure while doing it.`;

/** The same note for a network of your own classes. */
export function knownClassesNote(classes: readonly string[]): string {
  if (classes === CIFAR10_CLASSES) return KNOWN_CLASSES_NOTE;
  return `This network knows only your ${classes.length} classes (${classes.join(', ')}): it names one of them for any picture, even one that shows none of them, and can sound sure while doing it.`;
}

/** What is known about the picture behind an answer. */
export interface AnswerFacts {
  readonly probabilities: ArrayLike<number>;
  /** What the probabilities stand for, in order; CIFAR-10's classes when absent. */
  readonly classes?: readonly string[];
  /** The 32 × 32 × 3 input the network saw. */
  readonly input: Uint8Array;
  /** The picture's own size, or null for a CIFAR-10 image (already 32 × 32). */
  readonly source: { readonly width: number; readonly height: number } | null;
  /** Frames of an animation, or null / 1. */
  readonly frames: number | null;
  /** JPEG colour model, when a JPEG. */
  readonly jpegColour: 'grey' | 'ycbcr' | 'cmyk' | 'ycck' | null;
  /** True when some pixels were (partly) transparent and were laid on white. */
  readonly hadTransparency: boolean;
}

/** A sentence about an answer: `warning` when it should not be trusted, `note` for how the picture was read. */
export interface AnswerHint {
  readonly tone: 'warning' | 'note';
  readonly text: string;
}

/** The warnings and notes for an answer, warnings first. */
export function answerHints(facts: AnswerFacts): AnswerHint[] {
  const hints: AnswerHint[] = [];
  const classes = facts.classes ?? CIFAR10_CLASSES;
  const [best] = topClasses(facts.probabilities, 1, classes);
  // Picking at random gives each class 1/N: "close to" that is below twice it (20 % of ten, 67 % of three).
  const unsureBelow = Math.max(UNSURE_BELOW, 2 / classes.length);
  if (best && best.probability < unsureBelow) {
    const own = classes !== CIFAR10_CLASSES;
    const share = own ? `${Math.round(100 / classes.length)} %` : '10 %';
    const guessing = best.probability < Math.max(GUESSING_BELOW, 1.5 / classes.length) ? `, close to picking at random (each of ${own ? classes.length : 'ten'} classes would get ${share})` : '';
    hints.push({
      tone: 'warning',
      text: own
        ? `Not sure: its best guess, ${best.name}, gets only ${formatPercent(best.probability)}${guessing}. The picture may show none of your classes, or look unlike the pictures it learned from.`
        : `Not sure: its best guess, ${best.name}, gets only ${formatPercent(best.probability)}${guessing}. The picture may show none of the ten things ` +
          'this network knows, or look unlike CIFAR-10\u2019s photos (one object, centred, filling a small square frame).',
    });
  }
  if (isFlatColour(facts.input)) {
    hints.push({ tone: 'warning', text: 'Shrunk to 32 × 32, the picture is almost one flat colour: there is no shape to go on, so any answer is a guess.' });
  }
  const { source } = facts;
  // A photo from outside CIFAR-10 gets a class all the same, often with high confidence (a circuit
  // board was "deer, 86 %"): say so on every such card, briefly, unless the warning above already did.
  if (source && !(best && best.probability < unsureBelow)) hints.push({ tone: 'note', text: knownClassesNote(classes) });
  if (source && Math.min(source.width, source.height) < 32) {
    hints.push({ tone: 'note', text: `The picture is only ${source.width} × ${source.height} pixels, so it was enlarged: each of its pixels became a block of the input.` });
  }
  if (facts.frames !== null && facts.frames > 1) hints.push({ tone: 'note', text: `An animation of ${facts.frames} frames: the network sees only the first.` });
  if (facts.jpegColour === 'cmyk' || facts.jpegColour === 'ycck') hints.push({ tone: 'note', text: 'A CMYK JPEG (made for printing): the browser converted its colours to RGB first.' });
  if (facts.hadTransparency) hints.push({ tone: 'note', text: 'Transparent parts were laid on white.' });
  return hints;
}

/** True when every channel of an RGB image varies by less than FLAT_INPUT_STD (standard deviation). */
export function isFlatColour(rgb: Uint8Array): boolean {
  const pixels = rgb.length / 3;
  for (let channel = 0; channel < 3; channel += 1) {
    let sum = 0;
    let squares = 0;
    for (let pixel = 0; pixel < pixels; pixel += 1) {
      const value = rgb[pixel * 3 + channel] ?? 0;
      sum += value;
      squares += value * value;
    }
    const mean = sum / pixels;
    if (Math.sqrt(Math.max(0, squares / pixels - mean * mean)) >= FLAT_INPUT_STD) return false;
  }
  return true;
}

/** A probability as a percentage with one decimal and a space before the sign: 0.6494 → "64.9 %". */
export function formatPercent(probability: number): string {
  return `${(probability * 100).toFixed(1)} %`;
}
