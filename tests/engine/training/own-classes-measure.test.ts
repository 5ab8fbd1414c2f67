import type * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ownClassesHyperparameters, specForClasses, transferSpec, type OwnClassesSource, type TransferSettings } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../../../src/core/model/model-spec';
import { bestValAccuracy } from '../../../src/core/training/run-record';
import { startBackend } from '../../../src/engine/backend';
import { createMemoryClassSetStore } from '../../../src/engine/classes/class-set-store';
import { createMemoryRunRepository } from '../../../src/engine/runs/run-repository';
import { createTransferSources } from '../../../src/engine/training/transfer-source';
import { harness, isStatus } from './controller-harness';
import { loadShippedModel, makeClassSet, drawnShape, SHAPES } from './own-classes-fixtures';

/**
 * The README's measurement of own-classes training (not part of the suite: it takes a minute or more).
 * Three shapes in random colours, 20 pictures a class (16 to learn from, 4 held out), the app's settings
 * for small sets (Adam 0.001, batch 16, 15 epochs, augmentation on), through the engine's controller,
 * three class sets drawn with different seeds:
 *   OWN_CLASSES_MEASURE=1 npx vitest run --project unit tests/engine/training/own-classes-measure.test.ts
 */
const measuring = process.env.OWN_CLASSES_MEASURE === '1';
let pretrained: tf.LayersModel;

beforeAll(async () => {
  if (!measuring) return;
  await startBackend('wasm', 'main-thread', 'own-classes measurement');
  pretrained = await loadShippedModel();
});

afterAll(() => {
  if (measuring) pretrained.dispose();
});

async function measure(mode: string, seed: number, spec: ModelSpec, transfer: TransferSettings | null): Promise<string> {
  const set = makeClassSet(`shapes-${seed}`, SHAPES, 20, (label, random) => drawnShape(SHAPES[label] ?? 'disc', random), seed);
  const classSets = createMemoryClassSetStore();
  await classSets.put(set);
  const runs = createMemoryRunRepository();
  const h = harness({ withData: false, runs, classSets, transferSource: createTransferSources({ runs, pretrained: async () => pretrained }) });
  const classes: OwnClassesSource = { setId: set.id, setName: set.name, classNames: [...SHAPES], heldOutShare: 0.2 };
  const startMs = performance.now();
  await h.send({ type: 'train-start', runId: 'm', name: mode, spec, hyperparameters: ownClassesHyperparameters(48), pauseAfterBatches: null, classes, ...(transfer ? { transfer } : {}) });
  await h.until(isStatus('m', 'finished'));
  const seconds = (performance.now() - startMs) / 1000;
  const record = await runs.get('m');
  const last = record?.epochs.at(-1)?.valAccuracy ?? 0;
  await h.send({ type: 'train-reset' });
  return `${mode}, set seed ${seed}: held-out ${Math.round(last * 12)} of 12 after 15 epochs (best ${Math.round((bestValAccuracy(record ?? { epochs: [] }) ?? 0) * 12)} of 12), ${seconds.toFixed(1)} s`;
}

describe.skipIf(!measuring)('own classes: transfer against from scratch (measurement)', () => {
  test('three modes on three drawn class sets', async () => {
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    const lines: string[] = [];
    for (const seed of [3, 4, 5]) {
      lines.push(await measure('transfer, frozen', seed, spec, { from: { kind: 'pretrained' }, freeze: true, keptLayers }));
      lines.push(await measure('transfer, fine-tuned', seed, spec, { from: { kind: 'pretrained' }, freeze: false, keptLayers }));
      lines.push(await measure('from scratch (tutorial network)', seed, specForClasses(DEFAULT_MODEL_SPEC, 3), null));
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    expect(lines).toHaveLength(9);
  }, 600_000);
});
