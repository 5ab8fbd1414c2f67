/**
 * The Trainer with data-parallel gradient workers (issue 19): the same run as on one worker — batch for
 * batch, with dropout and augmentation, through an epoch's last smaller batch and validation — whether
 * the worker count is fixed or measured; a Stop mid-batch and the divergence rule as on one worker; and
 * what it says about its workers.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { Trainer } from '../../../src/engine/training/trainer';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import type { TrainingWorkersOptions, TrainingWorkersStatus } from '../../../src/engine/parallel/data-parallel-training';
import type { GradientWorkerPort } from '../../../src/engine/parallel/gradient-protocol';
import { spawnNodeGradientWorker } from '../../../scripts/parallel/node-gradient-workers';
import { makeBandSplit, TINY_SPEC_WITH_DROPOUT, tinySettings } from '../training/fixtures';
import { useWasmWithKernels } from '../wasm/backend-parity';

// 300 images at batch 64: four full batches and one of 44 per epoch (too small to share at 32 per worker);
// 70 validation images, shared 35 + 35 (in batches of 64: each part one smaller batch).
const data: TrainingData = { train: makeBandSplit(300, 1), test: makeBandSplit(70, 2) };
const settings = tinySettings({ batchSize: 64, epochs: 2, augment: true, seed: 9 });
const limit = { workers: 2, reason: '2 logical cores: one worker per core' };

beforeAll(async () => {
  await useWasmWithKernels();
});

async function train(workers: TrainingWorkersOptions | null): Promise<{ losses: number[]; valLosses: number[]; valAccuracies: number[]; predictions: Uint8Array[]; status: TrainingWorkersStatus | null }> {
  const trainer = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: settings, data, backend: 'wasm', workers });
  const predictions: Uint8Array[] = [];
  try {
    while (!trainer.done) {
      const outcome = await trainer.step();
      if (outcome.kind === 'epoch') predictions.push(outcome.validation.predictions);
    }
    const history = trainer.history;
    return { losses: history.batches.map((b) => b.loss), valLosses: history.epochs.map((e) => e.valLoss), valAccuracies: history.epochs.map((e) => e.valAccuracy), predictions, status: trainer.workers };
  } finally {
    trainer.dispose();
  }
}

describe('the Trainer with gradient workers', () => {
  test('trains the run one worker trains: every batch loss and each validation, fixed at 2 workers or measured', async () => {
    const one = await train(null);
    const seen: TrainingWorkersStatus[] = [];
    const fixed = await train({ spawn: spawnNodeGradientWorker, limit, fixed: 2, exchange: 'shared' });
    const measured = await train({ spawn: spawnNodeGradientWorker, limit, exchange: 'transfer', onStatus: (status) => seen.push(status) });
    expect(one.losses).toHaveLength(10);
    for (const run of [fixed, measured]) {
      run.losses.forEach((loss, index) => expect(loss).toBeCloseTo(one.losses[index] ?? Number.NaN, 5));
      run.valLosses.forEach((loss, index) => expect(loss).toBeCloseTo(one.valLosses[index] ?? Number.NaN, 5));
      // Validation shared among the workers too: the same accuracy and the same class for every image.
      expect(run.valAccuracies).toEqual(one.valAccuracies);
      expect(run.predictions.map((p) => Array.from(p))).toEqual(one.predictions.map((p) => Array.from(p)));
    }
    expect(one.status).toBeNull();
    expect(fixed.status).toMatchObject({ workers: 2, limit: 2, measuring: false, exchange: 'shared' });
    expect(fixed.status?.reason).toBe('2 workers, as asked for (2 logical cores: one worker per core)');
    // Measured: first "measuring", then a decision naming both counts' speeds.
    expect(seen[0]).toMatchObject({ measuring: true, workers: 2, limit: 2 });
    expect(seen[0]?.reason).toMatch(/^measuring 1 to 2 workers/);
    const decided = seen.at(-1);
    expect(decided?.measuring).toBe(false);
    expect(decided?.measured.map((m) => m.workers)).toEqual([1, 2]);
    expect(decided?.reason).toMatch(/images\/s with 1/);
    expect(measured.status?.reason).toBe(decided?.reason);
  }, 180_000);

  test('a Stop during a data-parallel batch drops it (the next step takes it again), and a diverged run is stopped and rewound as on one worker (issue 16)', async () => {
    const workers: TrainingWorkersOptions = { spawn: spawnNodeGradientWorker, limit, fixed: 2, exchange: 'shared' };
    // Batch 256 on 2 workers: the coordinator's share of 128 is two micro-batches of 64, asked between them.
    const big = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: { ...settings, batchSize: 256 }, data, backend: 'wasm', workers });
    expect(big.workers).toMatchObject({ workers: 2 });
    expect((await big.step(() => true)).kind).toBe('interrupted');
    expect(big.position).toMatchObject({ epoch: 0, batch: 0, iteration: 0 });
    expect(big.history.batches).toEqual([]);
    // Still on 2 workers: an interruption is not a worker failure.
    expect(big.workers).toMatchObject({ workers: 2 });
    expect((await big.step(() => false)).kind).toBe('batch');
    expect(big.position).toMatchObject({ batch: 1, iteration: 1 });
    big.dispose();

    // SGD at learning rate 100 saturates within a few batches: the rule stops it, on 2 workers as on one.
    const wildSettings = { ...settings, optimizer: 'sgd' as const, learningRate: 100, decay: 0, epochs: 4 };
    const outcomes: { kinds: string[]; message: string | null }[] = [];
    for (const parallel of [null, workers]) {
      const wild = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: wildSettings, data, backend: 'wasm', workers: parallel });
      const kinds: string[] = [];
      let message: string | null = null;
      while (!wild.done) {
        const outcome = await wild.step();
        kinds.push(outcome.kind);
        if (outcome.kind === 'diverged') {
          message = outcome.message;
          break;
        }
      }
      // Rewound to the start of the failed epoch, its workers kept.
      expect(wild.position.batch).toBe(0);
      if (parallel) expect(wild.workers).toMatchObject({ workers: 2 });
      outcomes.push({ kinds, message });
      wild.dispose();
    }
    expect(outcomes[0]?.kinds.at(-1)).toBe('diverged');
    expect(outcomes[0]?.message).toMatch(/the run diverged, so training stopped and the weights were put back/);
    expect(outcomes[1]).toEqual(outcomes[0]);
  }, 180_000);

  test('one worker when the batch is too small to share, when one is asked for, or when the workers cannot start', async () => {
    const small = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: { ...settings, batchSize: 40 }, data, backend: 'wasm', workers: { spawn: spawnNodeGradientWorker, limit } });
    expect(small.workers).toMatchObject({ workers: 1, exchange: null, reason: '1 worker: batches of 40 images are too small to share (at least 32 images per worker)' });
    small.dispose();
    const failing: TrainingWorkersOptions = {
      limit,
      spawn: (): GradientWorkerPort => ({ post: () => undefined, listen: (_onReply, onFailure) => setTimeout(() => onFailure('no such script'), 0), terminate: () => undefined }),
    };
    const broken = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: settings, data, backend: 'wasm', workers: failing });
    expect(broken.workers?.reason).toBe('1 worker: the gradient workers could not start (gradient worker 1 could not start: no such script)');
    expect((await broken.step()).kind).toBe('batch');
    broken.dispose();
    const cpu = await Trainer.create({ spec: TINY_SPEC_WITH_DROPOUT, hyperparameters: settings, data, backend: 'cpu', workers: { spawn: spawnNodeGradientWorker, limit } });
    expect(cpu.workers).toBeNull();
    cpu.dispose();
  });
});
