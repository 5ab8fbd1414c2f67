/**
 * A run of a network whose update depends on where the batch is cut (BatchNormalization) or whose
 * randomness is not drawn by an image's place in the batch (StochasticPooling2D, DropConnectDense)
 * starts no gradient workers, even when more are asked for, and its status says why (issue 19 with 17).
 */
import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';
import { DataParallelTraining, type TrainingWorkersStatus } from '../../../src/engine/parallel/data-parallel-training';

const WITH_BATCH_NORM: ModelSpec = { layers: [...DEFAULT_MODEL_SPEC.layers.slice(0, 1), { type: 'BatchNormalization' }, ...DEFAULT_MODEL_SPEC.layers.slice(1)] };

describe('data-parallel training of a network that trains on one worker', () => {
  test.each([null, 2] as const)('with BatchNormalization (workers asked for: %s): no worker is spawned, one worker, and the reason names the layer', async (fixed) => {
    const statuses: TrainingWorkersStatus[] = [];
    const training = await DataParallelTraining.start(
      {
        spawn: () => {
          throw new Error('no gradient worker should start');
        },
        limit: { workers: 2, reason: '2 logical cores: one worker per core' },
        fixed,
        onStatus: (status) => statuses.push(status),
      },
      WITH_BATCH_NORM,
      1,
      512,
      [],
    );
    expect(training.status).toMatchObject({ workers: 1, limit: 1, measuring: false, exchange: null });
    expect(training.status.reason).toBe('this model trains on one worker: BatchNormalization normalises each share by its own statistics (and only one worker would update its moving averages)');
    expect(statuses.at(-1)?.reason).toBe(training.status.reason);
    training.dispose();
  });
});
