import { describe, expect, test } from 'vitest';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';
import { analyseModelSpec } from '../../../src/core/model/model-spec-validate';
import { regularisationOverview } from '../../../src/core/model/regularisation-overview';

const OFF = { enabled: false, monitor: 'val_loss', patience: 3 } as const;

describe('the tutorial’s regularisers and where a network uses them', () => {
  test('the tutorial’s network: dropout and the parameter count; the rest not used', () => {
    const uses = regularisationOverview(DEFAULT_MODEL_SPEC, analyseModelSpec(DEFAULT_MODEL_SPEC), OFF);
    expect(uses.map((use) => [use.name, use.kind, use.usedIn])).toEqual([
      ['Dropout', 'empirical', 'dropout, dropout_1'],
      ['DropConnect', 'empirical', null],
      ['Stochastic pooling', 'empirical', null],
      ['Early stopping', 'explicit', null],
      ['Weight decay', 'explicit', null],
      ['Number of parameters', 'explicit', '3,702,186 parameters, 100 % of them in dense'],
      ['Max-norm constraint', 'explicit', null],
    ]);
  });

  test('every regulariser found where it is', () => {
    const spec: ModelSpec = {
      layers: [
        { type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu', kernelRegularizer: { l2: 0.0005 } },
        { type: 'StochasticPooling2D', poolSize: 2, padding: 'valid' },
        { type: 'Flatten' },
        { type: 'DropConnectDense', units: 32, activation: 'relu', rate: 0.5, kernelConstraint: { maxNorm: 3 } },
        { type: 'Dense', units: 10, activation: 'softmax' },
      ],
    };
    const uses = regularisationOverview(spec, analyseModelSpec(spec), { enabled: true, monitor: 'val_accuracy', patience: 2 });
    expect(Object.fromEntries(uses.map((use) => [use.name, use.usedIn]))).toEqual({
      Dropout: null,
      DropConnect: 'drop_connect_dense',
      'Stochastic pooling': 'stochastic_pooling2d',
      'Early stopping': 'watching val_accuracy, patience 2',
      'Weight decay': 'conv2d',
      'Number of parameters': '66,122 parameters, 99 % of them in drop_connect_dense',
      'Max-norm constraint': 'drop_connect_dense',
    });
  });
});
