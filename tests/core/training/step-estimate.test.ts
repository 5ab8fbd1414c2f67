import { describe, expect, test } from 'vitest';
import type { ProbeRecord } from '../../../src/core/backend/backend-probe-rules';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';
import { chooseSpeedReference, describeStepEstimate, estimateStep, formatDuration, MICRO_BATCH_IMAGES, networkCost } from '../../../src/core/training/step-estimate';
import { CPU_MICRO_BATCH_SIZE } from '../../../src/engine/training/train-step';

/** The setting: the tutorial's network with 1 024 filters in its first layer. */
const WIDE: ModelSpec = { layers: DEFAULT_MODEL_SPEC.layers.map((layer, index) => (index === 0 && layer.type === 'Conv2D' ? { ...layer, filters: 1024 } : layer)) };
/** The bench's speed of our engine on wasm at batch 64 (README, "Training speed"). */
const WASM_TUTORIAL = { spec: DEFAULT_MODEL_SPEC, imagesPerSecond: 263, source: 'the bench trained the tutorial’s network at 263 images/s' };

describe('the step estimate (issue 16, case 2)', () => {
  test('the tutorial’s network: 12.9 million multiply-adds per picture forward, 112 842 output values, 3 702 186 parameters', () => {
    const cost = networkCost(DEFAULT_MODEL_SPEC);
    // conv 32·32·32·27 + dropout + conv 30·30·32·288 + pool 15·15·32·4 + flatten + dense 7200·512 + dropout + dense 512·10
    expect(cost).toEqual({ forwardMacs: 884_736 + 32_768 + 8_294_400 + 28_800 + 7_200 + 3_686_400 + 512 + 5_120, outputValues: 112_842, params: 3_702_186 });
  });

  test('memory of the tutorial at batch 64 on wasm is close to the 251.5 MB the bench measured', () => {
    const estimate = estimateStep({ spec: DEFAULT_MODEL_SPEC, batchSize: 64, trainImages: 1000, optimizer: 'sgd', backend: 'wasm', speed: WASM_TUTORIAL });
    expect(estimate?.bytes).toBeGreaterThan(0.9 * 251.5e6);
    expect(estimate?.bytes).toBeLessThan(1.1 * 251.5e6);
    expect(estimate?.batchSeconds).toBeCloseTo(64 / 263, 6);
    expect(estimate?.slow).toBe(false);
  });

  test('the issue’s run — 1 024 filters, batch 4 096 of 5 000 images on wasm — is estimated near what it measured (about 7 min and 3.1 GB a batch) and warned about', () => {
    const input = { spec: WIDE, batchSize: 4096, trainImages: 5000, optimizer: 'sgd', backend: 'wasm', speed: WASM_TUTORIAL } as const;
    const estimate = estimateStep(input);
    if (!estimate || estimate.batchSeconds === null) throw new Error('no estimate');
    expect(estimate.costRatio).toBeGreaterThan(20);
    expect(estimate.batchSeconds / 60).toBeGreaterThan(4);
    expect(estimate.batchSeconds / 60).toBeLessThan(9);
    expect(estimate.bytes / 1e9).toBeGreaterThan(2.5);
    expect(estimate.bytes / 1e9).toBeLessThan(3.5);
    expect(estimate).toMatchObject({ batchesPerEpoch: 2, imagesAtOnce: 64, slow: true, large: true });
    const words = describeStepEstimate(estimate, input);
    expect(words.text).toMatch(/^One batch of 4,096 images ≈ \d min and ≈ 3\.0 GB on wasm here; an epoch \(2 batches\) ≈ \d+ min\. From: the bench trained the tutorial’s network at 263 images\/s; this network does 23× its arithmetic per picture\.$/);
    expect(words.warning).toMatch(/^Heavy for this machine: a batch would take about \d min, and the charts move once a batch; and the step needs about 3\.0 GB, more than this browser may give it\. To lighten it: fewer filters or units \(on wasm and cpu a batch is already split into 64-picture parts\)\.$/);
  });

  test('on webgl the whole batch is held; without a measured speed only the memory is estimated', () => {
    const input = { spec: DEFAULT_MODEL_SPEC, batchSize: 512, trainImages: 1000, optimizer: 'adam', backend: 'webgl', speed: null } as const;
    const estimate = estimateStep(input);
    expect(estimate).toMatchObject({ imagesAtOnce: 512, batchSeconds: null, slow: false });
    expect(describeStepEstimate(estimate ?? ((): never => { throw new Error('none'); })(), input).text).toMatch(/^One batch of 512 images needs ≈ 1\.\d GB on webgl here; how long it takes is not known yet/);
  });

  test('an invalid network has no estimate', () => {
    expect(estimateStep({ spec: { layers: [{ type: 'Dense', units: 10, activation: 'softmax' }] }, batchSize: 64, trainImages: 100, optimizer: 'sgd', backend: 'wasm', speed: null })).toBeNull();
  });

  test('the speed comes from a saved run on this backend first, then from the backend probe', () => {
    const probe: ProbeRecord = { backend: 'wasm', renderer: null, softwareRenderer: false, batchSize: 16, outcome: { status: 'measured', imagesPerSecond: 120, firstStepMs: 300, stepMs: [130] } };
    expect(chooseSpeedReference('wasm', null, [probe])).toMatchObject({ spec: DEFAULT_MODEL_SPEC, imagesPerSecond: 120 });
    expect(chooseSpeedReference('wasm', { backend: 'wasm', spec: WIDE, epochs: [{ imagesPerSecond: 11 }] }, [probe])).toMatchObject({ spec: WIDE, imagesPerSecond: 11 });
    expect(chooseSpeedReference('wasm', { backend: 'webgl', spec: WIDE, epochs: [{ imagesPerSecond: 11 }] }, [probe])?.imagesPerSecond).toBe(120);
    expect(chooseSpeedReference('webgl', null, [probe])).toBeNull();
  });

  test('durations as a person says them; the micro-batch matches the engine’s', () => {
    expect([0.43, 4, 12.4, 95, 359, 5400].map(formatDuration)).toEqual(['0.4 s', '4 s', '12 s', '2 min', '6 min', '1 h 30 min']);
    expect(MICRO_BATCH_IMAGES).toBe(CPU_MICRO_BATCH_SIZE);
  });
});
