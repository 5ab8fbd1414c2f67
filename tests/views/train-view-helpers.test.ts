import { describe, expect, test } from 'vitest';
import { appendBatchPoints, createBatchLossSeries } from '../../src/core/charts/chart-series';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import { defaultLayer, insertLayer, removeLayer, replaceLayer } from '../../src/core/model/model-spec-edit';
import { analyseModelSpec } from '../../src/core/model/model-spec-validate';
import type { EpochSummary } from '../../src/core/training/training-record';
import { describeLayerPlainly, describeRegularisation, sortIssues } from '../../src/views/train/architecture/architecture-text';
import { formatNumberValue, layerFields, parseNumberText, unreadableNumberMessage } from '../../src/views/train/architecture/layer-fields';
import { batchChartLabel, batchChartSummary, batchTableRows, epochChartLabel, epochChartSummary, epochTableRows } from '../../src/views/train/charts/chart-text';
import { startBlockedReason } from '../../src/views/train/settings/start-reason';
import { dataWaitText, loadingDetail } from '../../src/views/train/dataset/format-bytes';

const epoch = (index: number): EpochSummary => ({ epoch: index, loss: 2.1, accuracy: 0.2512, valLoss: 2.2, valAccuracy: 0.1875, seconds: 3, imagesPerSecond: 100 });

describe('layer fields', () => {
  test('each layer type shows its hyperparameters with Keras’ names, and edits produce the changed layer', () => {
    const keras = (index: number) => layerFields(DEFAULT_MODEL_SPEC.layers[index] ?? defaultLayer('Flatten')).map((field) => `${field.label} (${field.keras})`);
    const regularisers = ['Weight decay (kernel_regularizer=l2(…))', 'Max-norm (kernel_constraint=max_norm(…))'];
    expect(keras(0)).toEqual(['Filters (filters)', 'Kernel size (kernel_size)', 'Strides (strides)', 'Padding (padding)', 'Activation (activation)', ...regularisers]);
    expect(keras(1)).toEqual(['Dropout rate (rate)']);
    expect(keras(3)).toEqual(['Pool size (pool_size)', 'Strides (strides)', 'Padding (padding)']);
    expect(keras(4)).toEqual([]);
    expect(keras(5)).toEqual(['Units (units)', 'Activation (activation)', ...regularisers]);
    const fieldsOf = (type: Parameters<typeof defaultLayer>[0]) => layerFields(defaultLayer(type)).map((field) => `${field.label} (${field.keras})`);
    expect(fieldsOf('DropConnectDense')).toEqual(['Units (units)', 'Activation (activation)', 'Weights dropped (rate)', ...regularisers]);
    expect(fieldsOf('StochasticPooling2D')).toEqual(['Pool size (pool_size)', 'Padding (padding)']);
    expect(fieldsOf('BatchNormalization')).toEqual([]);
    const [filters, , , padding] = layerFields(DEFAULT_MODEL_SPEC.layers[0] ?? defaultLayer('Conv2D'));
    expect(filters?.kind === 'number' && filters.withValue(64)).toMatchObject({ type: 'Conv2D', filters: 64, kernelSize: 3 });
    expect(padding?.kind === 'choice' && padding.withValue('valid')).toMatchObject({ padding: 'valid' });
    // Pooling strides: an empty box means "same as the pool size" (null), as in Keras.
    const strides = layerFields(defaultLayer('MaxPooling2D'))[1];
    expect(strides).toMatchObject({ value: null, emptyMeans: 'same as the pool size' });
    expect(strides?.kind === 'number' && strides.withValue(1)).toMatchObject({ strides: 1 });
  });

  test('weight decay and max-norm: empty means none (the field is left out), a number sets it', () => {
    const [, , , , , decay, maxNorm] = layerFields(defaultLayer('Conv2D'));
    expect(decay).toMatchObject({ value: null, emptyMeans: 'none', placeholder: 'none' });
    const decayed = decay?.kind === 'number' ? decay.withValue(0.0005) : null;
    expect(decayed).toMatchObject({ kernelRegularizer: { l2: 0.0005 } });
    const capped = decayed && maxNorm?.kind === 'number' ? layerFields(decayed)[6] : undefined;
    const both = capped?.kind === 'number' ? capped.withValue(3) : null;
    expect(both).toMatchObject({ kernelRegularizer: { l2: 0.0005 }, kernelConstraint: { maxNorm: 3 } });
    const cleared = both ? layerFields(both)[5] : undefined;
    const none = cleared?.kind === 'number' ? cleared.withValue(null) : null;
    expect(none).not.toHaveProperty('kernelRegularizer');
    expect(none).toMatchObject({ kernelConstraint: { maxNorm: 3 } });
    expect(describeRegularisation(both ?? defaultLayer('Conv2D'))).toBe('weight decay l2(0.0005), max_norm(3)');
    expect(describeRegularisation(defaultLayer('Dropout'))).toBeNull();
  });

  test('a box with no number becomes NaN (refused by the model check), or null where empty has a meaning', () => {
    expect(parseNumberText(' 32 ', false)).toBe(32);
    expect(parseNumberText('', false)).toBeNaN();
    expect(parseNumberText('', true)).toBeNull();
    expect(parseNumberText('abc', true)).toBeNaN();
    expect(formatNumberValue(null)).toBe('');
    expect(formatNumberValue(Number.NaN)).toBe('');
    expect(formatNumberValue(0.25)).toBe('0.25');
    expect(unreadableNumberMessage('Filters', '  ')).toBe('Filters must be a number, got nothing');
    const nan = replaceLayer(DEFAULT_MODEL_SPEC, 0, { type: 'Conv2D', filters: Number.NaN, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' });
    expect(analyseModelSpec(nan).ok).toBe(false);
  });
});

describe('architecture words', () => {
  test('describes each layer plainly', () => {
    expect(DEFAULT_MODEL_SPEC.layers.map(describeLayerPlainly)).toEqual([
      '32 masks of 3 × 3, stride 1, same padding, then relu',
      'while training, zeroes 20 % of its inputs at random',
      '32 masks of 3 × 3, stride 1, valid padding, then relu',
      'keeps the largest value of each 2 × 2 window, windows side by side',
      'unrolls height × width × channels into one long vector',
      '512 units, each connected to every input, then relu',
      'while training, zeroes 30 % of its inputs at random',
      '10 units, each connected to every input, then softmax',
    ]);
  });

  test('sorts issues onto the input at fault, the layer, or the model', () => {
    // A kernel too large for its input (field), a Dense without Flatten (layer), the output layer changed (layer).
    let spec = replaceLayer(DEFAULT_MODEL_SPEC, 0, { type: 'Conv2D', filters: 32, kernelSize: 40, strides: 1, padding: 'same', activation: 'relu' });
    let sorted = sortIssues(analyseModelSpec(spec), spec.layers.length);
    expect(sorted.layers[0]).toEqual({ fields: { kernelSize: 'kernelSize 40×40 is larger than its 32×32 input' }, layer: [] });
    expect(sorted.model).toEqual([]);
    spec = removeLayer(DEFAULT_MODEL_SPEC, 4);
    sorted = sortIssues(analyseModelSpec(spec), spec.layers.length);
    expect(sorted.layers[4]).toEqual({ fields: {}, layer: ['needs a flat input, got 15×15×32; add a Flatten layer before it'] });
    spec = insertLayer(DEFAULT_MODEL_SPEC, 8, defaultLayer('Dropout'));
    sorted = sortIssues(analyseModelSpec(spec), spec.layers.length);
    expect(sorted.layers[8]?.layer).toEqual(['the last layer must be Dense with 10 units and softmax, one probability per CIFAR-10 class']);
    // No layers at all: a model-wide problem.
    expect(sortIssues(analyseModelSpec({ layers: [] }), 0).model).toEqual(['the model needs at least one layer']);
  });
});

describe('chart words', () => {
  test('the charts’ accessible names summarise the latest values', () => {
    const series = createBatchLossSeries(0.5);
    expect(batchChartLabel(series, null)).toBe('Batch loss chart: No batch trained yet.');
    appendBatchPoints(series, [
      { iteration: 0, epoch: 0, batch: 0, loss: 2.3, accuracy: 0.1, learningRate: 0.01 },
      { iteration: 1, epoch: 0, batch: 1, loss: 2.0, accuracy: 0.2, learningRate: 0.01 },
    ]);
    expect(batchChartLabel(series, 40)).toBe('Batch loss chart: Loss 2.30 → 2.00 over 2 of 40 steps (smoothed 2.30 → 2.10).');
    expect(batchChartSummary(series, null)).toBe('Loss 2.30 → 2.00 over 2 steps (smoothed 2.30 → 2.10).');
    expect(batchTableRows(series)).toEqual([['1', '1', '1', '2.3000', '2.3000'], ['2', '1', '2', '2.0000', '2.1000']]);
    expect(epochChartLabel('loss', [], 5)).toBe('Loss per epoch chart: No epoch finished yet.');
    expect(epochChartLabel('accuracy', [epoch(0), epoch(1)], 5)).toBe('Accuracy per epoch chart: Training accuracy 25.1 % → 25.1 % over 2 of 5 epochs; validation 18.8 % → 18.8 %.');
    const improving = [epoch(0), { ...epoch(1), loss: 1.9 }, { ...epoch(2), loss: 1.62, valLoss: 1.7 }, { ...epoch(3), loss: 1.62, valLoss: 1.7 }];
    expect(epochChartSummary('loss', improving, null)).toBe('Training loss 2.10 → 1.62 over 4 epochs; validation 2.20 → 1.70.');
    expect(epochChartSummary('loss', [epoch(0)], 25)).toBe('Training loss 2.10 after epoch 1 of 25; validation 2.20.');
    expect(epochTableRows('loss', [epoch(0)])).toEqual([['1', '2.1000', '2.2000']]);
  });
});

describe('why Start is off', () => {
  test('setup problems first, then the engine, then the data; nothing while a run is active or all is ready', () => {
    const ready = { runActive: false, engineReady: true, dataReady: true, problems: [] };
    expect(startBlockedReason(ready)).toBeNull();
    expect(startBlockedReason({ ...ready, runActive: true, problems: ['x'] })).toBeNull();
    expect(startBlockedReason({ ...ready, dataReady: false })).toBe('Start waits for CIFAR-10 to finish loading.');
    expect(startBlockedReason({ ...ready, engineReady: false, dataReady: false })).toBe('Start waits for the compute engine to start.');
    expect(startBlockedReason({ ...ready, dataReady: false, problems: ['Epochs must be ≥ 1, got 0', 'Decay must be ≥ 0, got -1'] })).toBe(
      'Start is off until this is fixed: Epochs must be ≥ 1, got 0 (and 1 more problem, marked above).',
    );
  });
});

describe('the wait after 100 %', () => {
  test('the line under the bar and Start’s reason name what happens once every byte has arrived', () => {
    const base = { loadedBytes: 184_380_000, totalBytes: 184_380_000, file: 'train-images.bin', fromCache: false };
    expect(loadingDetail({ ...base, loadedBytes: 1000, stage: 'receiving' })).toBe('Downloading: train-images.bin');
    expect(loadingDetail({ ...base, stage: 'receiving' })).toBe('Every byte arrived; checking train-images.bin…');
    expect(loadingDetail({ ...base, stage: 'saving' })).toBe('train-images.bin arrived and checked out; keeping a copy in this browser’s cache for next time (a few seconds for a large file)…');
    expect(loadingDetail({ ...base, stage: 'checking' })).toBe('Every file arrived; checking the whole set against the manifest…');
    const ready = { runActive: false, engineReady: true, dataReady: false, problems: [] };
    expect(startBlockedReason({ ...ready, dataWait: dataWaitText({ ...base, stage: 'saving' }) })).toBe(
      'Start waits for CIFAR-10: keeping a copy of train-images.bin in this browser’s cache (every byte has arrived).',
    );
    expect(startBlockedReason({ ...ready, dataWait: dataWaitText({ ...base, loadedBytes: 92_190_000, fromCache: true }) })).toBe('Start waits for CIFAR-10: reading it from this browser’s cache, 50 %.');
    expect(dataWaitText(null)).toBe('reading the data set’s manifest');
  });
});
