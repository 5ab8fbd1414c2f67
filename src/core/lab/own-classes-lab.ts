/**
 * A run on your own classes, as part of its lab: which class set it trains on (with the class names,
 * which travel with the run and its model) and, for transfer learning, which CIFAR-10 model it starts
 * from and whether the kept layers are frozen. Absent from a lab: the run trains on CIFAR-10.
 */
import * as v from 'valibot';
import { CIFAR10_CLASSES } from '../data/cifar-format';
import { augmentByDefault, MAX_CLASSES, MIN_CLASSES } from '../data/class-set';
import { DEFAULT_HELD_OUT_SHARE } from '../data/class-set-split';
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../training/hyperparameters';
import type { LayerSpec, ModelSpec } from '../model/model-spec';
import { problemsFromIssues, type PartRead } from './lab-notes';

/** The class set a run trains on, as it was when the run started. */
export interface OwnClassesSource {
  readonly setId: string;
  readonly setName: string;
  /** In label order: the network's output unit i is class i. */
  readonly classNames: readonly string[];
  /** Share of each class held out for validation, in (0, 1). */
  readonly heldOutShare: number;
}

/** Which trained CIFAR-10 network transfer learning starts from. */
export type TransferSource = { readonly kind: 'pretrained' } | { readonly kind: 'run'; readonly runId: string; readonly name: string };

/** Transfer learning: keep a trained network's convolution part, train a new head. */
export interface TransferSettings {
  readonly from: TransferSource;
  /** True: the kept layers' weights are not trained (only the head learns). */
  readonly freeze: boolean;
  /** How many leading layers (everything before the Flatten) come from the source network. */
  readonly keptLayers: number;
}

/** One sentence the app shows beside the choice. */
export const TRANSFER_EXPLANATION =
  'Transfer learning needs far fewer pictures: the convolution layers already learned, from 50 000 CIFAR-10 photos, to pick out edges, colours and textures, so only the small head that maps those features to your classes has to be learned from your own pictures.';

/**
 * Settings that suit a few dozen pictures: Adam at 0.001, batches of 16, 15 epochs, every picture used
 * (the held-out share is the validation split, not subsets), augmentation on for small sets.
 */
export function ownClassesHyperparameters(trainingPictures: number): TrainingHyperparameters {
  return { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam', learningRate: 0.001, momentum: 0, decay: 0, batchSize: 16, epochs: 15, trainSubset: null, validationSubset: null, augment: augmentByDefault(trainingPictures) };
}

/** The class names of a run's network: its own classes', or CIFAR-10's. */
export function runClassNames(lab: { readonly classes?: OwnClassesSource | undefined }): readonly string[] {
  return lab.classes?.classNames ?? CIFAR10_CLASSES;
}

/** Layers kept by transfer learning: every layer before the first Flatten (convolution, pooling, dropout). */
export function keptLayerCount(spec: ModelSpec): number {
  const flatten = spec.layers.findIndex((layer) => layer.type === 'Flatten');
  return flatten < 0 ? 0 : flatten;
}

/**
 * `spec` with its last layer giving `classCount` probabilities (a Dense softmax layer of that many units).
 * @throws Error when the last layer is not a Dense layer.
 */
export function specForClasses(spec: ModelSpec, classCount: number): ModelSpec {
  const last = spec.layers.at(-1);
  if (last?.type !== 'Dense') throw new Error('the network must end in a Dense layer to give one probability per class');
  const output: LayerSpec = { type: 'Dense', units: classCount, activation: 'softmax' };
  return { ...spec, layers: [...spec.layers.slice(0, -1), output] };
}

/**
 * The network transfer learning trains: `source`'s layers before its Flatten (their weights copied
 * from the trained model), then a new head — Flatten, Dropout 0.5 and one softmax unit per class. The
 * head is a single layer on purpose: the kept layers already give thousands of features, and a few
 * dozen pictures can fit a linear read-out of them but not a 512-unit hidden layer.
 * @throws Error when `source` has no Flatten (nothing to keep) or `classCount` is outside 2–10.
 */
export function transferSpec(source: ModelSpec, classCount: number): { readonly spec: ModelSpec; readonly keptLayers: number } {
  if (!Number.isInteger(classCount) || classCount < MIN_CLASSES || classCount > MAX_CLASSES) throw new Error(`a class set has ${MIN_CLASSES} to ${MAX_CLASSES} classes, got ${classCount}`);
  const keptLayers = keptLayerCount(source);
  if (keptLayers === 0) throw new Error('this network has no convolution part before a Flatten layer to keep');
  const head: LayerSpec[] = [{ type: 'Flatten' }, { type: 'Dropout', rate: 0.5 }, { type: 'Dense', units: classCount, activation: 'softmax' }];
  return { spec: { layers: [...source.layers.slice(0, keptLayers), ...head] }, keptLayers };
}

/** "the pretrained CIFAR-10 model, frozen" / "run “Run 3 …”, fine-tuned". */
export function describeTransfer(transfer: TransferSettings): string {
  const from = transfer.from.kind === 'pretrained' ? 'the pretrained CIFAR-10 model' : `your CIFAR-10 run “${transfer.from.name}”`;
  return `${transfer.keptLayers} layers from ${from}, ${transfer.freeze ? 'frozen' : 'trained on'}`;
}

const OWN_CLASSES_SCHEMA = v.object({
  setId: v.string('must be the class set’s id'),
  setName: v.string('must be the class set’s name'),
  classNames: v.pipe(v.array(v.string('must be a class name'), 'must be a list of class names'), v.minLength(MIN_CLASSES, `must name at least ${MIN_CLASSES} classes`), v.maxLength(MAX_CLASSES, `must name at most ${MAX_CLASSES} classes`)),
  heldOutShare: v.optional(v.pipe(v.number('must be a number between 0 and 1'), v.gtValue(0, 'must be above 0'), v.ltValue(1, 'must be below 1')), DEFAULT_HELD_OUT_SHARE),
});

const TRANSFER_SCHEMA = v.object({
  from: v.variant('kind', [v.object({ kind: v.literal('pretrained') }), v.object({ kind: v.literal('run'), runId: v.string('must be a run id'), name: v.string('must be a run name') })], "must be { kind: 'pretrained' } or { kind: 'run', runId, name }"),
  freeze: v.boolean('must be true or false'),
  keptLayers: v.pipe(v.number('must be a whole number ≥ 0'), v.integer('must be a whole number ≥ 0'), v.minValue(0, 'must be a whole number ≥ 0')),
});

/** Read a lab's `classes` (absent: CIFAR-10). */
export function readOwnClasses(value: unknown, path: string): PartRead<OwnClassesSource | undefined> {
  if (value === undefined) return { value: undefined, problems: [] };
  const parsed = v.safeParse(OWN_CLASSES_SCHEMA, value);
  return parsed.success ? { value: parsed.output, problems: [] } : { value: undefined, problems: problemsFromIssues(path, parsed.issues, 'CIFAR-10 is used instead') };
}

/** Read a lab's `transfer` (absent: trained from scratch). */
export function readTransfer(value: unknown, path: string): PartRead<TransferSettings | undefined> {
  if (value === undefined) return { value: undefined, problems: [] };
  const parsed = v.safeParse(TRANSFER_SCHEMA, value);
  return parsed.success ? { value: parsed.output, problems: [] } : { value: undefined, problems: problemsFromIssues(path, parsed.issues, 'it is trained from scratch instead') };
}

/**
 * What the own-classes view asks the store to train (the store action `startOwnClassesRun`): a class
 * set, from scratch with the editor's network (its last layer resized to the set's classes) or by
 * transfer from a trained CIFAR-10 network.
 */
export interface OwnClassesRunRequest {
  readonly setId: string;
  readonly mode: 'scratch' | 'transfer';
  /** Transfer only: the CIFAR-10 network whose convolution part is kept. */
  readonly from: TransferSource;
  /** Transfer only: true keeps the copied layers' weights fixed, so only the new head learns. */
  readonly freeze: boolean;
}
