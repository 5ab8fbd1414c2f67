/**
 * When a training run has diverged, and what to tell the person who started it. Pure: the engine's
 * Trainer asks after every batch and every epoch, the Train view and Classify use the same words.
 *
 * Teaching note: with 10 classes, a network that knows nothing gives each class probability 1/10, and
 * its cross-entropy loss is −ln(1/10) = ln 10 ≈ 2.30 — the loss of guessing (ln N for a network of N
 * classes of your own: every threshold below scales with it). A loss far above that
 * means the network is confidently wrong: typically the learning rate is so large that every update
 * overshoots. Probabilities are clipped at 1e-7 (loss.ts), so such a loss sits near 14–16 instead of
 * becoming infinite, and only these rules catch it.
 *
 * The rule (README, "Bad input"): a run has diverged when
 * 1. a batch's loss is NaN or infinite; or
 * 2. the loss of each of the last {@link DIVERGENCE_WINDOW} batches is above {@link divergedLoss}
 *    (twice ln N) and the last of them is not at least 10 % below the first — far above guessing,
 *    and not coming down; or
 * 3. the weights' L2 norm has grown past {@link WEIGHT_GROWTH_LIMIT} times its size when the run
 *    started; or
 * 4. after an epoch, its training loss is above twice ln N and its validation accuracy is at chance.
 * A run at chance after an epoch whose loss is not that high has not diverged — it has not learnt
 * yet — and gets a warning, not a stop (see {@link chanceWarning}).
 */
import type { TrainingHyperparameters } from './hyperparameters';
import type { BatchPoint, EpochSummary } from './training-record';

/** Classes of CIFAR-10. */
const CLASS_COUNT = 10;
/** The loss of a network that guesses among `classCount` classes: ln N (ln 10 ≈ 2.303 nats for CIFAR-10). */
export function chanceLoss(classCount: number = CLASS_COUNT): number {
  return Math.log(classCount);
}
/** A loss "far above" guessing: twice ln N (≈ 4.61 for CIFAR-10, 2.20 for three classes of your own). */
export function divergedLoss(classCount: number = CLASS_COUNT): number {
  return 2 * chanceLoss(classCount);
}
/** The loss of a network that guesses among CIFAR-10's classes: ln 10 ≈ 2.303 nats. */
export const CHANCE_LOSS = chanceLoss();
/** Far above guessing for CIFAR-10: twice ln 10 ≈ 4.61. */
export const DIVERGED_LOSS = divergedLoss();
/** Batches in a row the loss must stay above DIVERGED_LOSS, not coming down, to count as diverged. */
export const DIVERGENCE_WINDOW = 8;
/** "Not coming down": the window's last loss is above this fraction of its first. */
const STILL_HIGH_FRACTION = 0.9;
/** How many times their starting norm the weights may grow before they count as exploding. */
export const WEIGHT_GROWTH_LIMIT = 100;

/** Why a run counts as diverged. */
export type DivergenceCause = 'not-finite' | 'loss-stays-high' | 'weights-exploding' | 'chance-after-epoch';

/** A diverged run: the cause and the facts the message quotes. */
export interface Divergence {
  readonly cause: DivergenceCause;
  /** The batch that showed it (for the epoch rule, the epoch's last batch). */
  readonly point: BatchPoint;
  /** Weights' norm ÷ their norm at the start (weights-exploding only). */
  readonly growth?: number;
  /** The epoch's summary (chance-after-epoch only). */
  readonly epoch?: EpochSummary;
  readonly validationImages?: number;
  /** The network's classes (loss-stays-high and chance-after-epoch; absent means CIFAR-10's 10). */
  readonly classCount?: number;
}

/**
 * Check the run after a batch.
 * @param recent the run's batch points, oldest first, the batch just trained last.
 * @param weightGrowth the weights' L2 norm ÷ their norm when the run started, or null when not measured.
 * @param classCount the network's classes (10 for CIFAR-10).
 */
export function batchDivergence(recent: readonly BatchPoint[], weightGrowth: number | null, classCount: number = CLASS_COUNT): Divergence | null {
  const point = recent.at(-1);
  if (!point) return null;
  if (!Number.isFinite(point.loss)) return { cause: 'not-finite', point };
  if (weightGrowth !== null && !(weightGrowth <= WEIGHT_GROWTH_LIMIT)) return { cause: 'weights-exploding', point, growth: weightGrowth };
  if (recent.length < DIVERGENCE_WINDOW) return null;
  const window = recent.slice(-DIVERGENCE_WINDOW);
  const first = window[0]?.loss ?? 0;
  const limit = divergedLoss(classCount);
  if (window.every((batch) => batch.loss > limit) && point.loss > STILL_HIGH_FRACTION * first) return { cause: 'loss-stays-high', point, classCount };
  return null;
}

/** Whether the weights' norm should be measured after this batch: only when the loss looks wrong (above guessing), so a healthy run pays nothing. */
export function worthMeasuringWeights(point: BatchPoint, classCount: number = CLASS_COUNT): boolean {
  return !(point.loss <= chanceLoss(classCount));
}

/**
 * Whether `accuracy` on `images` validation images is indistinguishable from guessing: at most two
 * standard deviations of a guesser's accuracy above 1/10 (13.8 % on 256 images, 12.7 % on 500,
 * 10.6 % on 10 000), or above 1/N for a network of N classes of your own.
 */
export function isAtChance(accuracy: number, images: number, classCount: number = CLASS_COUNT): boolean {
  const chance = 1 / classCount;
  if (images <= 0) return false;
  return accuracy <= chance + 2 * Math.sqrt((chance * (1 - chance)) / images);
}

/** Check the run after an epoch's validation (before the epoch is recorded), for a network of `classCount` classes. */
export function epochDivergence(summary: EpochSummary, validationImages: number, lastPoint: BatchPoint, classCount: number = CLASS_COUNT): Divergence | null {
  if (!Number.isFinite(summary.loss) || !Number.isFinite(summary.valLoss)) return { cause: 'not-finite', point: lastPoint };
  if (summary.loss > divergedLoss(classCount) && isAtChance(summary.valAccuracy, validationImages, classCount)) return { cause: 'chance-after-epoch', point: lastPoint, epoch: summary, validationImages, classCount };
  return null;
}

/** A learning rate worth trying after a divergence: a tenth of the one used, at most the usual default of the optimiser. */
export function suggestedLearningRate(settings: Pick<TrainingHyperparameters, 'optimizer' | 'learningRate'>): number {
  const usual = settings.optimizer === 'adam' ? 0.001 : 0.01;
  return Math.min(usual, settings.learningRate / 10);
}

/** "0.001", "1e-5": a learning rate as a person would type it. */
function formatRate(rate: number): string {
  return rate >= 1e-4 ? String(Number(rate.toPrecision(3))) : rate.toExponential(0);
}

/** "ln 10 ≈ 2.30": the loss of guessing among `classCount` classes, as the messages write it. */
function lnOf(classCount: number): string {
  return `ln ${classCount} ≈ ${chanceLoss(classCount).toFixed(2)}`;
}

/** What guessing scores: "10 %" for CIFAR-10, "33 % (one of 3 classes)" for classes of your own. */
function guessingAccuracy(classCount: number): string {
  return classCount === CLASS_COUNT ? '10 %' : `${Math.round(100 / classCount)} % (one of ${classCount} classes)`;
}

/** "12.3 %" */
function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/**
 * What happened and what to change, in one paragraph: the cause with its numbers, that training
 * stopped, where the weights were put back to (`restoredEpoch` 0: their initial values), and the
 * learning rate to try.
 */
export function describeDivergence(divergence: Divergence, settings: Pick<TrainingHyperparameters, 'optimizer' | 'learningRate'>, restoredEpoch: number): string {
  const { point } = divergence;
  const classCount = divergence.classCount ?? CLASS_COUNT;
  const where = `epoch ${point.epoch + 1}, batch ${point.batch + 1}`;
  const optimizer = settings.optimizer === 'adam' ? 'Adam' : 'SGD';
  const cause = ((): string => {
    switch (divergence.cause) {
      case 'not-finite':
        return `The loss became ${String(point.loss)} at ${where} (learning rate ${point.learningRate.toPrecision(3)})`;
      case 'loss-stays-high':
        return `The loss stayed far above ${lnOf(classCount)}, the loss of guessing, for ${DIVERGENCE_WINDOW} batches in a row and did not come down (${point.loss.toFixed(2)} at ${where}): the run diverged`;
      case 'weights-exploding':
        return `The weights grew to ${Math.round(divergence.growth ?? 0).toLocaleString('en-US')} times their size at the start of the run (at ${where}): the run diverged`;
      case 'chance-after-epoch': {
        const summary = divergence.epoch;
        return `After epoch ${point.epoch + 1} the loss was ${summary ? summary.loss.toFixed(2) : '?'}, far above ${lnOf(classCount)}, and validation accuracy ${summary ? percent(summary.valAccuracy) : '?'} is no better than guessing, which gets ${guessingAccuracy(classCount)}: the run diverged`;
      }
    }
  })();
  const restored = restoredEpoch === 0 ? 'their initial values: this run has no trained model to classify with' : `their values after epoch ${restoredEpoch}`;
  const advice = `Lower the learning rate: ${optimizer} at ${formatRate(settings.learningRate)} overshoots; try ${formatRate(suggestedLearningRate(settings))}${settings.optimizer === 'sgd' ? ', or Adam at 0.001' : ''}.`;
  return `${cause}, so training stopped and the weights were put back to ${restored}. ${advice}`;
}

/**
 * The warning for a run that is at chance after an epoch but has not diverged (its loss is near ln N,
 * N = 10 for CIFAR-10: it has not learnt yet), or null when the last epoch is better than chance.
 */
export function chanceWarning(epochs: readonly EpochSummary[], validationImages: number, classCount: number = CLASS_COUNT): string | null {
  const last = epochs.at(-1);
  if (!last || !isAtChance(last.valAccuracy, validationImages, classCount)) return null;
  const guessLoss = chanceLoss(classCount);
  const guessing = guessingAccuracy(classCount);
  return (
    `After epoch ${last.epoch + 1} the network does no better than guessing: ${percent(last.valAccuracy)} on ${validationImages.toLocaleString('en-US')} validation images, where guessing gets ${guessing}, ` +
    `and its loss ${last.loss.toFixed(2)} is ${last.loss > guessLoss - 0.05 ? 'still about' : 'not far below'} ${lnOf(classCount)}. It has not learnt yet: train for more epochs or on more images, ` +
    'or try Adam at 0.001; if the loss does not fall at all, lower the learning rate. Its answers in Classify mean nothing until it does better.'
  );
}
