import { describe, expect, test } from 'vitest';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { DEFAULT_LAB, parseCheckpointSettings, parseLab, writeLab, type Lab } from '../../../src/core/lab/lab';
import { BETTER_RECIPE } from '../../../src/core/training/recipes';
import { REGULARISED_LABS } from '../keras/keras-fixtures';

describe('the lab schema holds the regularisers, recipes and schedules of issue 17', () => {
  test('every new layer and field comes back from a strict read (a saved run’s network is not thinned out)', () => {
    const lab: Lab = {
      ...DEFAULT_LAB,
      architecture: {
        layers: [
          { type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', kernelRegularizer: { l2: 0.0005 }, kernelConstraint: { maxNorm: 3 } },
          { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
          { type: 'BatchNormalization' },
          { type: 'Flatten' },
          { type: 'DropConnectDense', units: 32, activation: 'relu', rate: 0.5, kernelConstraint: { maxNorm: 2 } },
          { type: 'Dense', units: 10, activation: 'softmax', kernelRegularizer: { l2: 0.001 } },
        ],
      },
      hyperparameters: BETTER_RECIPE.hyperparameters,
    };
    expect(parseLab(JSON.parse(JSON.stringify(writeLab(lab))), { strict: true })).toEqual({ ok: true, lab, notes: [] });
  });

  test('a checkpoint from before schedules and label smoothing resumes as it trained: Keras decay, no smoothing', () => {
    const older = Object.fromEntries(Object.entries(DEFAULT_HYPERPARAMETERS).filter(([key]) => key !== 'learningRateSchedule' && key !== 'labelSmoothing'));
    const read = parseCheckpointSettings({ spec: DEFAULT_LAB.architecture, hyperparameters: older });
    expect(read).toMatchObject({ ok: true, notes: [], hyperparameters: { learningRateSchedule: 'decay', labelSmoothing: 0 } });
  });

  test('a bad regulariser is named', () => {
    const written = JSON.parse(JSON.stringify(writeLab({ ...DEFAULT_LAB, architecture: BETTER_RECIPE.spec }))) as { architecture: { layers: Record<string, unknown>[] } };
    written.architecture.layers[0] = { ...written.architecture.layers[0], kernelRegularizer: { l2: -1 } };
    const read = parseLab(written, { strict: true });
    expect(read.ok ? [] : read.problems.map((problem) => problem.message)).toEqual(['architecture: layer 1 (Conv2D): weight decay (kernel_regularizer l2) must be in [0, 1], got -1']);
  });

  test.each(REGULARISED_LABS.map((lab, index) => [index, lab] as const))('the Keras code tests’ lab %i (one cycle, label smoothing, Adam’s own decay) round-trips strictly', (_, keras) => {
    const lab: Lab = { ...DEFAULT_LAB, architecture: keras.modelSpec, hyperparameters: keras.settings };
    expect(parseLab(JSON.parse(JSON.stringify(writeLab(lab))), { strict: true })).toEqual({ ok: true, lab, notes: [] });
  });
});
