import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC, type LayerSpec, type ModelSpec } from '../../../src/core/model/model-spec';
import { MAX_TRAINING_WORKERS, modelWorkerLimit, modelWorkerRestriction, trainingWorkerLimit, WorkerCountTrial, workerCandidates } from '../../../src/core/training/training-workers';

/** Feed a trial the steps it asks for, timing each with `msFor(workers)`, until it decides. */
function runTrial(trial: WorkerCountTrial, msFor: (workers: number, step: number) => number): number[] {
  const asked: number[] = [];
  for (let step = 0; trial.measuring && step < 100; step++) {
    const workers = trial.next();
    asked.push(workers);
    trial.record(workers, 512, msFor(workers, step));
  }
  return asked;
}

describe('how many training workers', () => {
  test('one per logical core, at most 8, and no more than half the memory holds', () => {
    expect(trainingWorkerLimit(2, null)).toEqual({ workers: 2, reason: '2 logical cores: one worker per core' });
    expect(trainingWorkerLimit(16, 8).workers).toBe(MAX_TRAINING_WORKERS);
    expect(trainingWorkerLimit(16, 8).reason).toMatch(/at most 8 workers/);
    expect(trainingWorkerLimit(8, 2)).toEqual({ workers: 3, reason: '8 logical cores, but 2 GB of memory: at most 3 workers of about 300 MB each' });
    expect(trainingWorkerLimit(4, 0.5).workers).toBe(1);
    expect(trainingWorkerLimit(null, 8)).toMatchObject({ workers: 1 });
    expect(trainingWorkerLimit(1, null).workers).toBe(1);
  });

  test('candidates: 1, the powers of two below the limit, and the limit', () => {
    expect(workerCandidates(1)).toEqual([1]);
    expect(workerCandidates(2)).toEqual([1, 2]);
    expect(workerCandidates(6)).toEqual([1, 2, 4, 6]);
    expect(workerCandidates(8)).toEqual([1, 2, 4, 8]);
  });

  test('a limit of one decides at once, without measuring', () => {
    const trial = new WorkerCountTrial(1, '1 logical core: one worker per core');
    expect(trial.measuring).toBe(false);
    expect(trial.next()).toBe(1);
    expect(trial.decision?.reason).toBe('1 worker: 1 logical core: one worker per core');
  });

  test('one untimed step with all workers, then interleaved rounds; more workers win when every step of theirs is faster', () => {
    const trial = new WorkerCountTrial(2, '2 logical cores: one worker per core');
    const asked = runTrial(trial, (workers, step) => (workers === 1 ? 1950 + step : 1050 + step));
    expect(asked).toEqual([2, 1, 2, 2, 1, 1, 2]);
    const decision = trial.decision;
    expect(decision?.workers).toBe(2);
    expect(decision?.measured.map((m) => [m.workers, m.imagesPerSecond.count])).toEqual([[1, 3], [2, 3]]);
    expect(decision?.reason).toMatch(/^2 workers: 48\d \(4\d\d–4\d\d\) images\/s with 2 against 26\d \(26\d–26\d\) images\/s with 1, measured on this run's first batches \(2 logical cores: one worker per core\)$/);
    expect(trial.next()).toBe(2);
  });

  test('never more workers than help: overlapping spreads keep the fewer', () => {
    const trial = new WorkerCountTrial(2, '2 logical cores: one worker per core');
    // A busy machine: two workers sometimes faster, sometimes slower than one.
    const times = [900, 2000, 1700, 2100, 1800, 1500, 2300];
    runTrial(trial, (_workers, step) => times[step] ?? 2000);
    expect(trial.decision?.workers).toBe(1);
    expect(trial.decision?.reason).toMatch(/^1 worker: more workers measured no faster here/);
  });

  test('with 8 candidates up to 8, it stops at the count after which more no longer help', () => {
    const trial = new WorkerCountTrial(8, '8 logical cores: one worker per core');
    // 1 → 2 → 4 scale; 8 no faster than 4 (slow memory).
    const ms: Record<number, number> = { 1: 2000, 2: 1020, 4: 540, 8: 530 };
    const asked = runTrial(trial, (workers, step) => (ms[workers] ?? 0) + (step % 3) * 10);
    expect(asked).toEqual([8, 1, 2, 4, 8, 8, 4, 2, 1, 1, 2, 4, 8]);
    expect(trial.decision?.workers).toBe(4);
    expect(trial.decision?.reason).toMatch(/8 were not faster than 4/);
  });

  test('steps off the plan (another count, or no time) are ignored', () => {
    const trial = new WorkerCountTrial(2, 'r');
    trial.record(1, 512, 1000);
    trial.record(2, 512, 0);
    expect(trial.next()).toBe(2);
    trial.record(2, 512, 1000);
    expect(trial.next()).toBe(1);
  });
});

describe('models that train on one worker', () => {
  /** The tutorial's network with `layer` inserted after its first convolution. */
  const withLayer = (layer: LayerSpec): ModelSpec => ({ layers: [...DEFAULT_MODEL_SPEC.layers.slice(0, 1), layer, ...DEFAULT_MODEL_SPEC.layers.slice(1)] });
  const machine = { workers: 4, reason: '4 logical cores: one worker per core' };

  test('the tutorial, and weight decay or max-norm on its layers, keep the machine\'s limit', () => {
    expect(modelWorkerRestriction(DEFAULT_MODEL_SPEC)).toBeNull();
    expect(modelWorkerLimit(machine, DEFAULT_MODEL_SPEC)).toBe(machine);
    const regularised: ModelSpec = {
      layers: DEFAULT_MODEL_SPEC.layers.map((layer) => (layer.type === 'Conv2D' || layer.type === 'Dense' ? { ...layer, kernelRegularizer: { l2: 0.0005 }, kernelConstraint: { maxNorm: 3 } } : layer)),
    };
    expect(modelWorkerLimit(machine, regularised)).toBe(machine);
  });

  test('BatchNormalization, StochasticPooling2D and DropConnectDense: one worker, and the reason names the layer', () => {
    const batchNorm = modelWorkerLimit(machine, withLayer({ type: 'BatchNormalization' }));
    expect(batchNorm.workers).toBe(1);
    expect(batchNorm.reason).toBe('this model trains on one worker: BatchNormalization normalises each share by its own statistics (and only one worker would update its moving averages)');
    const pooling = modelWorkerLimit(machine, withLayer({ type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' }));
    expect(pooling).toMatchObject({ workers: 1, reason: expect.stringMatching(/^this model trains on one worker: StochasticPooling2D /) as unknown as string });
    const dropConnect = modelWorkerLimit(machine, { layers: [...DEFAULT_MODEL_SPEC.layers.slice(0, -1), { type: 'DropConnectDense', units: 10, activation: 'softmax', rate: 0.2 }] });
    expect(dropConnect).toMatchObject({ workers: 1, reason: expect.stringMatching(/^this model trains on one worker: DropConnectDense /) as unknown as string });
    // Even on a machine with one core the model's own reason is the one given.
    expect(modelWorkerLimit({ workers: 1, reason: '1 logical core: one worker per core' }, withLayer({ type: 'BatchNormalization' })).reason).toMatch(/BatchNormalization/);
  });
});
