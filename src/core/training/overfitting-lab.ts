/**
 * The overfitting lab: the same network trained twice on the same small subset with the same seed —
 * once plain, once with the regularisers the student picks — so the only difference between the two
 * curves is the regularisation. Pure: the pair of runs to queue, and the gap between training and
 * validation accuracy put in words.
 */
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from './hyperparameters';
import { MODEL_CLASS_COUNT, type LayerSpec, type ModelSpec } from '../model/model-spec';
import type { EpochSummary } from './training-record';

/** What a run trains (the shape of the runs' `RunLab`). */
export interface LabRunSetup {
  readonly spec: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
}

/** The regularisers the lab can add to the plain network. */
export interface RegularisationChoice {
  /** Dropout 0.25 after each convolution block and 0.5 before the output layer. */
  readonly dropout: boolean;
  /** Weight decay l2(0.0005) on every kernel. */
  readonly weightDecay: boolean;
  /** Max-norm 3 on every kernel. */
  readonly maxNorm: boolean;
  /** The hidden dense layer becomes a DropConnectDense dropping half its weights. */
  readonly dropConnect: boolean;
  /** Max pooling becomes stochastic pooling. */
  readonly stochasticPooling: boolean;
  /** Mirrored and shifted training pictures. */
  readonly augment: boolean;
  /** Hidden dense layers keep an eighth of their units: far fewer weights to memorise with. */
  readonly fewerParameters: boolean;
  /** Stop once val_loss has not improved for 3 epochs, and put back the best epoch's weights. */
  readonly earlyStopping: boolean;
}

/**
 * The lab's one-click choice: dropout (the tutorial's own) and augmentation. Measured on the preset
 * (README, "Overfitting lab"): after 12 epochs the plain run is at 92 % on its training pictures and 43 %
 * on test pictures, this one at 45 % and 46 % — the gap closed and validation accuracy up, where
 * dropout with weight decay closed the gap (to 28 points) but left validation accuracy at 42 %.
 */
export const DEFAULT_REGULARISATION: RegularisationChoice = {
  dropout: true,
  weightDecay: false,
  maxNorm: false,
  dropConnect: false,
  stochasticPooling: false,
  augment: true,
  fewerParameters: false,
  earlyStopping: false,
};

/** Plain-word names of the choices, in their order. */
export const REGULARISATION_NAMES: Readonly<Record<keyof RegularisationChoice, string>> = {
  dropout: 'dropout',
  weightDecay: 'weight decay',
  maxNorm: 'max-norm',
  dropConnect: 'DropConnect',
  stochasticPooling: 'stochastic pooling',
  augment: 'augmentation',
  fewerParameters: 'fewer parameters',
  earlyStopping: 'early stopping',
};

/**
 * What each choice does to the network or the training, in a sentence a student reads beside its
 * checkbox (the tutorial's list, in our words).
 */
export const REGULARISATION_EXPLAINED: Readonly<Record<keyof RegularisationChoice, string>> = {
  dropout: 'At every training step a random quarter of the pooled maps’ values, and half of the dense layer’s outputs, are set to 0, so no unit can count on any single other one.',
  weightDecay: 'Adds 0.0005 × the sum of the squared weights to the loss, so each step also pulls every weight towards 0 and a few large weights that fit single pictures cost too much.',
  maxNorm: 'After every step, a unit whose incoming weights have grown longer than 3 is scaled back to length 3: no weight vector can grow without bound.',
  dropConnect: 'Like dropout, but on the hidden dense layer’s weights: half of them are dropped at random at every step, all are used when predicting.',
  stochasticPooling: 'Each pooling window passes on one of its values drawn at random, larger ones more often, instead of always the largest; when predicting, their probability-weighted average.',
  augment: 'Each training picture is mirrored half the time and shifted up to 2 pixels, new at every step: the network never sees quite the same picture twice.',
  fewerParameters: 'The hidden dense layer keeps an eighth of its units: with far fewer weights, the network can no longer store each picture, only what the pictures share.',
  earlyStopping: 'Training stops once the validation loss has not improved for 3 epochs, and the best epoch’s weights are put back: it stops before memorising takes over.',
};

/**
 * The plain network: one 3 × 3 convolution of 16 masks, 2 × 2 max pooling and a 512-unit dense layer —
 * 2.1 million weights for 1 000 pictures, cheap per picture (most of its weights are in the dense layer,
 * which memorises fast). Measured with `npm run train` on wasm (README, "Overfitting lab"): 97 % on its
 * training pictures after 15 epochs while validation stayed near 43 %.
 */
export const PLAIN_LAB_SPEC: ModelSpec = {
  layers: [
    { type: 'Conv2D', filters: 16, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'MaxPooling2D', poolSize: 2, strides: null, padding: 'valid' },
    { type: 'Flatten' },
    { type: 'Dense', units: 512, activation: 'relu' },
    { type: 'Dense', units: MODEL_CLASS_COUNT, activation: 'softmax' },
  ],
};

/**
 * The lab's settings, the one-click preset: 1 000 training pictures (100 per class) and 500 test
 * pictures, Adam at 0.001 without decay, batches of 32, 12 epochs, seed 1 — by epoch 9 the plain
 * network is past 80 % on its training pictures while validation stalls near 44 %, and both runs
 * together take about 3 minutes on wasm on a 2-core laptop.
 */
export const LAB_HYPERPARAMETERS: TrainingHyperparameters = {
  ...DEFAULT_HYPERPARAMETERS,
  optimizer: 'adam',
  learningRate: 0.001,
  decay: 0,
  batchSize: 32,
  epochs: 12,
  trainSubset: 1000,
  validationSubset: 500,
  seed: 1,
};

/**
 * `spec` with the chosen regularisers added: dropout after each pooling layer and before the output
 * layer, weight decay and max-norm on every layer with a kernel, DropConnect in place of hidden dense
 * layers, stochastic pooling in place of max pooling, an eighth of the units in hidden dense layers for
 * fewer parameters. Only that last choice changes the parameter count (dropout, penalties and
 * constraints add no weights), so otherwise the comparison is of regularisation alone.
 */
export function regularisedSpec(spec: ModelSpec, choice: RegularisationChoice): ModelSpec {
  const last = spec.layers.length - 1;
  const layers = spec.layers.flatMap((layer, index): LayerSpec[] => {
    const changed = regularisedLayer(layer, choice, index === last);
    const dropoutAfter = choice.dropout && (layer.type === 'MaxPooling2D' || layer.type === 'AveragePooling2D');
    const dropoutBefore = choice.dropout && index === last && last > 0;
    return [...(dropoutBefore ? [{ type: 'Dropout', rate: 0.5 } as const] : []), changed, ...(dropoutAfter ? [{ type: 'Dropout', rate: 0.25 } as const] : [])];
  });
  return { ...spec, layers };
}

function regularisedLayer(layer: LayerSpec, choice: RegularisationChoice, isOutput: boolean): LayerSpec {
  const kernel = {
    ...(choice.weightDecay ? { kernelRegularizer: { l2: 0.0005 } } : {}),
    ...(choice.maxNorm ? { kernelConstraint: { maxNorm: 3 } } : {}),
  };
  switch (layer.type) {
    case 'Conv2D':
      return { ...layer, ...kernel };
    case 'Dense': {
      const units = choice.fewerParameters && !isOutput ? fewerUnits(layer.units) : layer.units;
      return choice.dropConnect && !isOutput ? { type: 'DropConnectDense', units, activation: layer.activation, rate: 0.5, ...kernel } : { ...layer, units, ...kernel };
    }
    case 'DropConnectDense':
      return { ...layer, units: choice.fewerParameters && !isOutput ? fewerUnits(layer.units) : layer.units, ...kernel };
    case 'MaxPooling2D':
      return choice.stochasticPooling && layer.strides === null ? { type: 'StochasticPooling2D', poolSize: layer.poolSize, padding: layer.padding } : layer;
    default:
      return layer;
  }
}

/** An eighth of a hidden layer's units, at least 8 (and never more than it had). */
function fewerUnits(units: number): number {
  return Math.min(units, Math.max(8, Math.round(units / 8)));
}

/** "dropout + weight decay", or "nothing" when no regulariser is chosen. */
export function describeChoice(choice: RegularisationChoice): string {
  const chosen = (Object.keys(REGULARISATION_NAMES) as (keyof RegularisationChoice)[]).filter((key) => choice[key]).map((key) => REGULARISATION_NAMES[key]);
  return chosen.length === 0 ? 'nothing' : chosen.join(' + ');
}

/** The lab's two runs' names: "Lab 3 · plain" and "Lab 3 · dropout + weight decay". */
export function labRunName(labNumber: number, what: string): string {
  return `Lab ${labNumber} · ${what}`;
}

/**
 * The two runs of the lab: plain first, then regularised; same data, seed and settings. `labNumber`
 * names them, so the saved runs say which lab they belong to (`savedLabs`).
 */
export function overfittingLabRuns(
  choice: RegularisationChoice,
  labNumber = 1,
  base: LabRunSetup = { spec: PLAIN_LAB_SPEC, hyperparameters: LAB_HYPERPARAMETERS },
): { plain: LabRunSetup & { name: string }; regularised: LabRunSetup & { name: string } } {
  return {
    plain: { ...base, name: labRunName(labNumber, 'plain') },
    regularised: {
      spec: regularisedSpec(base.spec, choice),
      hyperparameters: regularisedHyperparameters(base.hyperparameters, choice),
      name: labRunName(labNumber, describeChoice(choice)),
    },
  };
}

/** The settings with the chosen training-side regularisers (augmentation, early stopping) turned on. */
export function regularisedHyperparameters(settings: TrainingHyperparameters, choice: RegularisationChoice): TrainingHyperparameters {
  return {
    ...settings,
    augment: settings.augment || choice.augment,
    earlyStopping: choice.earlyStopping ? { enabled: true, monitor: 'val_loss', minDelta: 0, patience: 3, restoreBestWeights: true } : settings.earlyStopping,
  };
}

const LAB_NAME = /^Lab (\d+) · (.+)$/;

/** A saved run as the lab needs it (the runs list's `RunSummary` has these fields). */
export interface SavedLabRun {
  readonly id: string;
  readonly name: string;
  readonly epochs: readonly EpochSummary[];
}

/** A lab found among the saved runs: its number, its plain run and its regularised run (either may be missing). */
export interface SavedLab<R extends SavedLabRun> {
  readonly labNumber: number;
  readonly plain: R | null;
  readonly regularised: R | null;
  /** What the regularised run adds ("dropout + weight decay"). */
  readonly regularisedWhat: string | null;
}

/** The labs among saved runs, read from their names (`labRunName`), newest first. */
export function savedLabs<R extends SavedLabRun>(runs: readonly R[]): SavedLab<R>[] {
  const labs = new Map<number, { plain: R | null; regularised: R | null; regularisedWhat: string | null }>();
  for (const run of runs) {
    const match = LAB_NAME.exec(run.name);
    if (!match) continue;
    const labNumber = Number(match[1]);
    const entry = labs.get(labNumber) ?? { plain: null, regularised: null, regularisedWhat: null };
    if (match[2] === 'plain') entry.plain = run;
    else {
      entry.regularised = run;
      entry.regularisedWhat = match[2] ?? null;
    }
    labs.set(labNumber, entry);
  }
  return [...labs.entries()].sort(([a], [b]) => b - a).map(([labNumber, entry]) => ({ labNumber, ...entry }));
}

/** The number the next lab gets: one more than any saved lab's. */
export function nextLabNumber(runs: readonly SavedLabRun[]): number {
  return Math.max(0, ...savedLabs(runs).map((lab) => lab.labNumber)) + 1;
}

/** Training minus validation accuracy after an epoch, in percentage points. */
export function accuracyGapPoints(epoch: Pick<EpochSummary, 'accuracy' | 'valAccuracy'>): number {
  return (epoch.accuracy - epoch.valAccuracy) * 100;
}

/** Points of training-minus-validation accuracy beyond which the lab calls a run overfitting. */
export const OVERFITTING_GAP_POINTS = 15;

const percent = (value: number): string => `${(value * 100).toFixed(0)} %`;
/** "1 point", "49 points" (rounded to whole points, as said). */
const points = (value: number): string => `${value.toFixed(0)} point${value.toFixed(0) === '1' || value.toFixed(0) === '-1' ? '' : 's'}`;

/** One run's last epoch in words: "after epoch 12: 97 % on its training pictures, 44 % on test pictures — a gap of 53 points". */
export function describeRunGap(name: string, epochs: readonly EpochSummary[]): string {
  const last = epochs.at(-1);
  if (!last) return `${name}: no epoch yet.`;
  return `${name}, after epoch ${last.epoch + 1}: ${percent(last.accuracy)} right on its training pictures, ${percent(last.valAccuracy)} on test pictures — a gap of ${points(accuracyGapPoints(last))}.`;
}

/** " Its validation loss rose from 1.59 after epoch 5 to 1.82: …" when it rose by more than 5 % from its lowest; otherwise "". */
function risingLoss(epochs: readonly EpochSummary[]): string {
  const last = epochs.at(-1);
  let lowest: EpochSummary | undefined;
  for (const epoch of epochs) if (lowest === undefined || epoch.valLoss < lowest.valLoss) lowest = epoch;
  if (!last || !lowest || lowest === last || !(last.valLoss > lowest.valLoss * 1.05)) return '';
  return ` Its validation loss rose from ${lowest.valLoss.toFixed(2)} after epoch ${lowest.epoch + 1} to ${last.valLoss.toFixed(2)}: on new pictures it is more and more sure of wrong answers.`;
}

/**
 * What the two curves show, in words, for a student: each run's gap between training and validation
 * accuracy at its last epoch, whether the plain run overfits (gap ≥ 15 points), and how much the
 * regularisation closed the gap and changed the validation accuracy.
 */
export function describeLabGap(plain: readonly EpochSummary[], regularised: readonly EpochSummary[], regularisedName: string): string[] {
  const lines = [describeRunGap('Plain', plain), describeRunGap(regularisedName, regularised)];
  const a = plain.at(-1);
  const b = regularised.at(-1);
  if (!a) return lines;
  const plainGap = accuracyGapPoints(a);
  lines.push(
    plainGap >= OVERFITTING_GAP_POINTS
      ? `The plain network overfits: it has learnt its ${percent(a.accuracy)} on the training pictures partly by heart, and that does not carry over to pictures it has not seen.${risingLoss(plain)}`
      : 'The plain network does not overfit much yet: train it for more epochs, or on fewer pictures.',
  );
  // Compared at the regularised run's latest epoch: while it trains, and when early stopping ended it sooner.
  const same = b ? plain.find((epoch) => epoch.epoch === b.epoch) : undefined;
  if (b && same) {
    const closed = accuracyGapPoints(same) - accuracyGapPoints(b);
    const valChange = (b.valAccuracy - same.valAccuracy) * 100;
    lines.push(
      `${regularisedName} ${closed >= 0 ? `closes the gap by ${points(closed)}` : `widens the gap by ${points(-closed)}`} ` +
        `and ${valChange >= 0 ? `raises validation accuracy by ${valChange.toFixed(1)}` : `lowers validation accuracy by ${(-valChange).toFixed(1)}`} points at the same epoch (${b.epoch + 1}).`,
    );
  }
  return lines;
}
