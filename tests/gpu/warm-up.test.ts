import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../src/core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { Trainer } from '../../src/engine/training/trainer';
import type { TrainingData } from '../../src/engine/training/trainer-types';
import { registerWebGLTrainingKernels } from '../../src/engine/webgl/register-webgl-kernels';
import { makeBandSplit } from '../engine/training/fixtures';

/** The webgl backend's compiled programs, one per shader key (a private field of MathBackendWebGL). */
function compiledPrograms(): number {
  const backend = tf.backend() as unknown as { binaryCache?: Record<string, unknown> };
  if (!backend.binaryCache) throw new Error('the webgl backend has no binaryCache: tfjs changed its internals');
  return Object.keys(backend.binaryCache).length;
}

/** Everything a checkpoint holds (weights, optimiser slots and iteration, position, history), saved at one fixed time. */
function runState(trainer: Trainer) {
  return trainer.checkpoint(new Date(0));
}

describe('shader warm-up before the first step (tutorial model, real WebGL)', () => {
  beforeAll(async () => {
    tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
    expect(await tf.setBackend('webgl')).toBe(true);
    // As the engine does when it starts webgl: our kernels are part of what must be compiled.
    registerWebGLTrainingKernels();
  });

  it('compiles every program a whole epoch needs, full and partial batches and validation, without changing the run', async () => {
    expect(tf.getBackend()).toBe('webgl');
    // 6 training images in batches of 4 (then 2) and 6 validation images (4, then 2): SwiftShader is slow.
    const data: TrainingData = { train: makeBandSplit(6, 1), test: makeBandSplit(6, 2) };
    const settings = { ...DEFAULT_HYPERPARAMETERS, batchSize: 4, epochs: 2, seed: 5 };
    const trainer = await Trainer.create({ spec: DEFAULT_MODEL_SPEC, hyperparameters: settings, data, backend: 'webgl' });
    expect(trainer.batchSizes).toEqual({ train: [4, 2], validation: [4, 2] });
    const before = await runState(trainer);
    const tensorsBefore = tf.memory().numTensors;

    const programsBefore = compiledPrograms();
    await trainer.warmUp();
    // Not vacuous: the count moves when programs are compiled.
    expect(compiledPrograms()).toBeGreaterThan(programsBefore);
    expect(tf.memory().numTensors).toBe(tensorsBefore);
    expect(await runState(trainer)).toEqual(before);
    // Counted after the state was read back: those downloads compile read-back programs of their own
    // (one per weight shape), which the run's steps never use.
    const programsWarm = compiledPrograms();

    // The first visible step (full batch), the last partial batch, and the validation after it.
    const first = await trainer.step();
    expect(first.kind).toBe('batch');
    expect(compiledPrograms()).toBe(programsWarm);
    const last = await trainer.step();
    expect(last.kind).toBe('epoch');
    expect(compiledPrograms()).toBe(programsWarm);
    trainer.dispose();
  });
});
