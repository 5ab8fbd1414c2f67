/**
 * The warm-up benchmark page: exposes `window.benchWarmUp`, which builds the app's Trainer for the
 * tutorial model on webgl (our kernels installed, as the engine does) and times, each until its result
 * is read back: the warm-up (if asked for), the first step, the epoch's last partial step with the
 * validation after it, and the next epoch's first step; with the number of WebGL programs each compiled.
 */
import * as tf from '@tensorflow/tfjs';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { startBackend } from '../../../src/engine/backend';
import { Trainer } from '../../../src/engine/training/trainer';
import { makeBandSplit } from '../../../tests/engine/training/fixtures';
import type { PhaseTiming, WarmUpBenchOptions, WarmUpBenchPageApi, WarmUpBenchResult } from './warm-up-types';

function compiledPrograms(): number {
  const backend = tf.backend() as unknown as { binaryCache?: Record<string, unknown> };
  if (!backend.binaryCache) throw new Error('the webgl backend has no binaryCache: tfjs changed its internals');
  return Object.keys(backend.binaryCache).length;
}

async function phase(name: string, work: () => Promise<unknown>): Promise<PhaseTiming> {
  const programs = compiledPrograms();
  const startMs = performance.now();
  await work();
  return { name, ms: performance.now() - startMs, programsCompiled: compiledPrograms() - programs };
}

async function benchWarmUp(options: WarmUpBenchOptions): Promise<WarmUpBenchResult> {
  // Read when each program is made, so it must be set before the first one (the backend's self-test).
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', options.shapeUniforms);
  const backend = await startBackend('webgl', 'main-thread', 'warm-up benchmark');
  const data = { train: makeBandSplit(options.trainImages, 1), test: makeBandSplit(options.validationImages, 2) };
  const settings = { ...DEFAULT_HYPERPARAMETERS, batchSize: options.batchSize, epochs: 2, seed: 5 };
  const trainer = await Trainer.create({ spec: DEFAULT_MODEL_SPEC, hyperparameters: settings, data, backend: 'webgl' });
  const phases: PhaseTiming[] = [];
  try {
    const sizes = trainer.batchSizes;
    if (options.warmUp) phases.push(await phase(`warm-up (train ${sizes.train.join(', ')}; validation ${sizes.validation.join(', ')})`, () => trainer.warmUp()));
    const perEpoch = trainer.position.batchesPerEpoch;
    for (let batch = 0; batch < perEpoch; batch++) {
      const size = Math.min(options.batchSize, options.trainImages - batch * options.batchSize);
      const name = batch === 0 ? `first step (${size})` : batch === perEpoch - 1 ? `last step (${size}) + validation` : `step ${batch + 1} (${size})`;
      phases.push(await phase(name, () => trainer.step()));
    }
    phases.push(await phase(`epoch 2, first step (${Math.min(options.batchSize, options.trainImages)})`, () => trainer.step()));
  } finally {
    trainer.dispose();
  }
  return { options, renderer: backend.renderer ?? 'unknown', phases };
}

const api: WarmUpBenchPageApi = { benchWarmUp };
Object.assign(window, api);
