/**
 * What a classifier must be, and how the app names the one that answered. Pure, so the engine (which
 * holds the models) and the views (which show the names before an answer) say the same words.
 *
 * The contract every model here meets: input [N, 32, 32, 3] float32 in [0, 1] (bytes ÷ 255, as the
 * tutorial feeds CIFAR-10), output [N, C] softmax probabilities, one per class of its `classNames`:
 * CIFAR10_CLASSES unless the model was trained on your own classes, whose names travel with it in
 * its file's `userDefinedMetadata`.
 */
import { CIFAR10_CLASSES } from '../data/cifar-format';
import { MAX_CLASSES, MAX_CLASS_NAME_LENGTH, MIN_CLASSES } from '../data/class-set';
import { formatPercent } from '../data/classify-hints';
import { isAtChance } from '../training/divergence';

/** Where the answering model came from: shipped with the app, trained in this session, or loaded. */
export type ClassifierKind = 'pretrained' | 'trained' | 'loaded';

/** The answering model, named for the user. */
export interface ClassifierInfo {
  readonly kind: ClassifierKind;
  /** E.g. "pretrained tutorial model, 64.9 % on the test set". */
  readonly label: string;
  /** A loaded model's name (its library name or its model.json file name); null otherwise. */
  readonly name: string | null;
  /** What its outputs stand for, in order, when not CIFAR-10's ten classes (a model of your own classes). */
  readonly classNames?: readonly string[];
}

/** Facts a model file may carry in its `userDefinedMetadata` (tfjs layers format). */
export interface ModelMetadata {
  /** What the model is, as the app described it when saving ("your model, trained here, epoch 5 ..."). */
  readonly description: string | null;
  /** Accuracy on CIFAR-10 test images, 0…1, and on how many. */
  readonly testAccuracy: number | null;
  readonly testImages: number | null;
  /** The class names of a model trained on your own classes (2–10 distinct names); null for a CIFAR-10 model. */
  readonly classNames: readonly string[] | null;
}

/** Pick the fields of ModelMetadata out of a model file's `userDefinedMetadata`; anything else is ignored. */
export function readModelMetadata(value: unknown): ModelMetadata {
  const record = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { description, testAccuracy, testImages, classNames } = record;
  return {
    description: typeof description === 'string' && description.length <= 300 ? description : null,
    testAccuracy: typeof testAccuracy === 'number' && testAccuracy >= 0 && testAccuracy <= 1 ? testAccuracy : null,
    testImages: typeof testImages === 'number' && Number.isInteger(testImages) && testImages > 0 ? testImages : null,
    classNames: readClassNames(classNames),
  };
}

/** Class names as a model file may carry them: 2–10 distinct non-empty names, or null. */
function readClassNames(value: unknown): readonly string[] | null {
  if (!Array.isArray(value) || value.length < MIN_CLASSES || value.length > MAX_CLASSES) return null;
  const names = value.filter((name): name is string => typeof name === 'string' && name.trim() !== '' && [...name].length <= MAX_CLASS_NAME_LENGTH);
  return names.length === value.length && new Set(names).size === names.length ? names : null;
}

/** The class names a model's outputs stand for: its own (metadata, or a classifier's info), or CIFAR-10's. */
export function classNamesOf(model: { readonly classNames?: readonly string[] | null | undefined }): readonly string[] {
  return model.classNames ?? CIFAR10_CLASSES;
}

/** `classNames` as a model keeps it: absent (null) when they are CIFAR-10's ten, so only own classes travel. */
export function ownClassNames(classNames: readonly string[]): readonly string[] | null {
  return classNames.length === CIFAR10_CLASSES.length && classNames.every((name, index) => name === CIFAR10_CLASSES[index]) ? null : classNames;
}

/** Images in CIFAR-10's test split: an accuracy on this many is "on the test set". */
const FULL_TEST_SET = 10_000;

/** "pretrained tutorial model, 64.9 % on the test set" (or without accuracy when the file has none). */
export function describePretrained(metadata: ModelMetadata): string {
  if (metadata.testAccuracy === null) return 'pretrained tutorial model';
  const images = metadata.testImages;
  const on = images === null || images === FULL_TEST_SET ? 'on the test set' : `on ${images.toLocaleString('en-US')} test images`;
  return `pretrained tutorial model, ${formatPercent(metadata.testAccuracy)} ${on}`;
}

/** Where a training run's model stands. */
export interface TrainedModelFacts {
  readonly epochsDone: number;
  /** Batches done in the epoch under way. */
  readonly batch: number;
  /** Validation accuracy after the last finished epoch (0…1), or null before the first. */
  readonly valAccuracy: number | null;
  readonly validationImages: number;
  /** Classes it tells apart (chance is 1 in this many); 10 when absent. */
  readonly classCount?: number;
}

/**
 * "your model, trained here, epoch 3 (51.2 % on 500 validation images)", with the batches past it —
 * and, when that accuracy is no better than guessing (core/training/divergence.ts), ", no better than guessing
 * yet", so no answer of such a model is taken for knowledge.
 */
export function describeTrained(facts: TrainedModelFacts): string {
  const { epochsDone, batch, valAccuracy, validationImages } = facts;
  if (epochsDone === 0) return `your model, trained here, ${batch} ${batch === 1 ? 'batch' : 'batches'} into epoch 1 (not validated yet)`;
  const extra = batch > 0 ? ` + ${batch} ${batch === 1 ? 'batch' : 'batches'}` : '';
  const accuracy = valAccuracy === null ? '' : ` (${formatPercent(valAccuracy)} on ${validationImages.toLocaleString('en-US')} validation images${extra ? ` after epoch ${epochsDone}` : ''})`;
  const guessing = valAccuracy !== null && isAtChance(valAccuracy, validationImages, facts.classCount) ? ', no better than guessing yet' : '';
  return `your model, trained here, epoch ${epochsDone}${extra}${accuracy}${guessing}`;
}

/**
 * What Classify says when a training run's first epoch makes its model answer: that it does, and —
 * when it is no better than guessing — that its answers mean nothing yet.
 */
export function trainedHandoverNotice(epochsDone: number, valAccuracy: number | null, validationImages: number, classCount = 10): string {
  const notice = `Your model finished epoch ${epochsDone} in Train, so it answers from now on (choose another model below at any time).`;
  if (valAccuracy === null || !isAtChance(valAccuracy, validationImages, classCount)) return notice;
  return `${notice} Careful: it does no better than guessing yet (${formatPercent(valAccuracy)} on ${validationImages.toLocaleString('en-US')} validation images, where guessing gets ${Math.round(100 / classCount)} %), so its answers mean nothing until it trains longer.`;
}

/** "“cats v2” from your library (your model, trained here, epoch 5 ...)" or "“model.json” loaded from files". */
export function describeLoaded(name: string, origin: 'library' | 'files', metadata: ModelMetadata): string {
  const where = origin === 'library' ? 'from your library' : 'loaded from files';
  const about = metadata.description ?? (metadata.testAccuracy === null ? null : describePretrained(metadata).replace('pretrained tutorial model, ', ''));
  return `“${name}” ${where}${about ? ` (${about})` : ''}`;
}

/**
 * Why a model with these input and output shapes cannot be the classifier, or null when it can.
 * Shapes as tfjs gives them, batch axis first (null: any batch size). `classCount`: the probabilities
 * it must give (10, CIFAR-10's, unless its file names its own classes).
 */
export function classifierShapeProblem(inputShapes: readonly (readonly (number | null)[])[], outputShapes: readonly (readonly (number | null)[])[], classCount = 10): string | null {
  if (inputShapes.length !== 1) return `it has ${inputShapes.length} inputs; the classifier feeds one picture tensor`;
  if (outputShapes.length !== 1) return `it has ${outputShapes.length} outputs; the classifier needs one, the ${classCount} class probabilities`;
  const [input] = inputShapes;
  const [output] = outputShapes;
  if (!input || input.length !== 4 || input[1] !== 32 || input[2] !== 32 || input[3] !== 3) {
    return `it takes inputs of shape ${formatShape(input ?? [])}, but the classifier feeds 32 × 32 colour pictures, shape [null, 32, 32, 3]`;
  }
  if (!output || output.length !== 2 || output[1] !== classCount) {
    const per = classCount === 10 ? 'one per CIFAR-10 class' : 'one per class its file names';
    return `it gives outputs of shape ${formatShape(output ?? [])}, but the classifier needs ${classCount} probabilities, ${per}, shape [null, ${classCount}]`;
  }
  return null;
}

/** Why these outputs are not a probability distribution (a last layer without softmax), or null when they are. */
export function probabilityProblem(values: ArrayLike<number>): string | null {
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    const value = values[index] ?? Number.NaN;
    if (!Number.isFinite(value)) return `its output ${index + 1} is ${String(value)}, not a probability`;
    if (value < -1e-4 || value > 1 + 1e-4) return `its outputs are not probabilities (one is ${value.toPrecision(3)}): its last layer must use softmax`;
    sum += value;
  }
  if (Math.abs(sum - 1) > 1e-3) return `its outputs are not probabilities (they add up to ${sum.toPrecision(3)}, not 1): its last layer must use softmax`;
  return null;
}

/** [null, 32, 32, 3] */
export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((size) => (size === null ? 'null' : String(size))).join(', ')}]`;
}

/** What tfjs calls the things a model file may name that it must know by name. */
const NAMED_PARTS = 'layer|activation|initializer|regularizer|constraint|loss|metric|optimizer|object';

/**
 * Why TensorFlow.js could not build a model file, in words for the person who dropped it. tfjs's own
 * message for an unknown class ("Unknown layer: MyLayer. This may be due to … registerClass()") gives
 * advice for the programmer porting Python code, not for them; this says what the file uses that the
 * app cannot run and what it can. Other messages keep their first line.
 */
export function describeBuildFailure(tfjsMessage: string): string {
  const unknown = new RegExp(`Unknown (${NAMED_PARTS}): ([^\\s.]+)`, 'i').exec(tfjsMessage);
  if (unknown) {
    const [, kind = 'layer', name = ''] = unknown;
    const what = kind.toLowerCase();
    return `it uses ${what === 'activation' || what === 'initializer' || what === 'object' ? 'an' : 'a'} ${what} TensorFlow.js does not know, “${name.slice(0, 60)}” (a custom ${what}, perhaps written in Python), so it cannot run here. Models made of the usual Keras layers — Conv2D, pooling, Dropout, Flatten, Dense and the like — load`;
  }
  const firstLine = tfjsMessage.split('\n', 1)[0]?.trim() ?? '';
  return `TensorFlow.js could not build it: ${firstLine.length > 200 ? `${firstLine.slice(0, 200)}…` : firstLine || 'no reason given'}`;
}
