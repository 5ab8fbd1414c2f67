/**
 * The Better recipe's training step on wasm (Node, one thread) with tfjs's stock FusedBatchNorm
 * gradient against ours (src/engine/training/batch-norm-gradient.ts): one Trainer of our engine,
 * its steps taken in turn with one gradient and the other registered (stock, ours, stock, …), so a
 * slow spell of a shared machine falls on both. The network, batch size, Adam, one-cycle schedule,
 * label smoothing and augmentation are the recipe's; the data is synthetic, so the learning rate is a
 * tenth of the recipe's (random labels at full rate soon trip the divergence rule, which ends the
 * step loop; the rate changes none of the work a step does).
 */
import * as tf from '@tensorflow/tfjs';
import { BETTER_RECIPE } from '../../src/core/training/recipes';
import { spreadOf, formatSpread, type Spread } from '../../src/core/charts/spread';
import { startBackend } from '../../src/engine/backend';
import { batchNormGradient, stockBatchNormGradient } from '../../src/engine/training/batch-norm-gradient';
import { Trainer } from '../../src/engine/training/trainer';
import { syntheticSplit } from './measure-engine';
import { timedStep } from './timed-step';

/** What one comparison measured. */
export type BatchNormBenchOutcome =
  | {
      readonly status: 'ok';
      readonly batchSize: number;
      /** Each timed step's wall time, in the order taken. */
      readonly stockStepMs: readonly number[];
      readonly oursStepMs: readonly number[];
      readonly backendDetail: string;
    }
  | { readonly status: 'failed'; readonly reason: string };

/** Time `pairs` steps with each gradient, in turn, after one untimed step of each. Never throws. */
export async function runBatchNormBench(pairs: number): Promise<BatchNormBenchOutcome> {
  const stock = stockBatchNormGradient;
  let trainer: Trainer | null = null;
  try {
    // It registers ours (a full bench has already started wasm for the data-parallel part); the stock one was read at import.
    const info = await startBackend('wasm', 'main-thread', 'benchmark');
    const { batchSize } = BETTER_RECIPE.hyperparameters;
    const data = { train: syntheticSplit(batchSize * (2 * pairs + 3), 1), test: syntheticSplit(10, 2) };
    trainer = await Trainer.create({ spec: BETTER_RECIPE.spec, hyperparameters: { ...BETTER_RECIPE.hyperparameters, learningRate: BETTER_RECIPE.hyperparameters.learningRate / 10, epochs: 1, trainSubset: null, validationSubset: null }, data, backend: 'wasm' });
    const current = trainer;
    const timed = (gradient: tf.GradConfig): Promise<number> => {
      tf.registerGradient(gradient);
      return timedStep(current);
    };
    await timed(stock);
    await timed(batchNormGradient);
    const stockStepMs: number[] = [];
    const oursStepMs: number[] = [];
    for (let pair = 0; pair < pairs; pair++) {
      stockStepMs.push(await timed(stock));
      oursStepMs.push(await timed(batchNormGradient));
    }
    return { status: 'ok', batchSize, stockStepMs, oursStepMs, backendDetail: `SIMD ${info.wasmSimd ? 'on' : 'off'}, ${info.wasmThreads ?? 1} thread(s)` };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    tf.registerGradient(batchNormGradient);
    trainer?.dispose();
  }
}

/** Images a second of each step, as a spread. */
function imagesPerSecond(batchSize: number, stepMs: readonly number[]): Spread {
  return spreadOf(stepMs.map((ms) => (batchSize * 1000) / ms));
}

/** The comparison in words, for the bench's printout. */
export function formatBatchNormBench(outcome: BatchNormBenchOutcome): string {
  if (outcome.status === 'failed') return `  failed: ${outcome.reason}`;
  const stock = imagesPerSecond(outcome.batchSize, outcome.stockStepMs);
  const ours = imagesPerSecond(outcome.batchSize, outcome.oursStepMs);
  return [
    `  Better recipe (BatchNormalization after each convolution), batch ${outcome.batchSize}, wasm ${outcome.backendDetail}, ${outcome.stockStepMs.length} steps each in turn:`,
    `    stock tfjs FusedBatchNorm gradient: ${formatSpread(stock, 1)} images/s`,
    `    ours:                               ${formatSpread(ours, 1)} images/s (${(ours.median / stock.median).toFixed(2)}× the stock median)`,
  ].join('\n');
}
