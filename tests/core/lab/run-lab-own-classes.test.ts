import { describe, expect, test } from 'vitest';
import { parseCheckpointSettings } from '../../../src/core/lab/lab';
import { specForClasses, transferSpec, type OwnClassesSource, type TransferSettings } from '../../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../../src/core/model/model-spec';
import { DEFAULT_HYPERPARAMETERS } from '../../../src/core/training/hyperparameters';
import { defaultRunName } from '../../../src/core/training/run-record';
import { readRunRecord } from '../../../src/engine/runs/read-run-record';
import type { RunRecord } from '../../../src/engine/runs/run-repository';

const CLASSES: OwnClassesSource = { setId: 'set-1', setName: 'Fruit', classNames: ['apple', 'banana', 'cherry'], heldOutShare: 0.2 };
const TRANSFER: TransferSettings = { from: { kind: 'run', runId: 'run-1', name: 'Run 1 · SGD' }, freeze: false, keptLayers: 4 };

function record(lab: unknown): RunRecord {
  return {
    format: 'cnn-playground-run',
    version: 1,
    id: 'r',
    name: 'R',
    lab: lab as RunRecord['lab'],
    status: 'finished',
    message: null,
    createdAt: '2026-12-06T19:00:00.000Z',
    updatedAt: '2026-12-06T19:00:00.000Z',
    queuedAt: null,
    backend: 'wasm',
    trainingSeconds: 3,
    epochsDone: 1,
    epochs: [],
    storedBytes: 1,
    batches: [],
  };
}

describe('a run’s lab on your own classes', () => {
  test('classes and transfer are read back with the network that ends in one unit per class', () => {
    const spec = transferSpec(DEFAULT_MODEL_SPEC, 3).spec;
    const read = parseCheckpointSettings({ spec, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: CLASSES, transfer: TRANSFER });
    expect(read).toMatchObject({ ok: true, architecture: spec, classes: CLASSES, transfer: TRANSFER, notes: [] });
    // A CIFAR-10 run's lab has neither.
    const cifar = parseCheckpointSettings({ spec: DEFAULT_MODEL_SPEC, hyperparameters: DEFAULT_HYPERPARAMETERS });
    expect(cifar.ok && ('classes' in cifar || 'transfer' in cifar)).toBe(false);
  });

  test('a saved run keeps its class names through readRunRecord; a held-out share written by no one reads as 20 %', () => {
    const spec = specForClasses(DEFAULT_MODEL_SPEC, 3);
    const older = { setId: CLASSES.setId, setName: CLASSES.setName, classNames: CLASSES.classNames };
    const read = readRunRecord(record({ spec, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: older }));
    expect(read.status).toBe('finished');
    expect(read.lab).toEqual({ spec, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: CLASSES });
  });

  test('bad parts are refused with the field named: names and units that disagree, a transfer without classes, a bad source', () => {
    const threeUnits = specForClasses(DEFAULT_MODEL_SPEC, 3);
    const twoNames = readRunRecord(record({ spec: threeUnits, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: { ...CLASSES, classNames: ['apple', 'banana'] } }));
    expect(twoNames.status).toBe('failed');
    expect(twoNames.message).toMatch(/Dense with 2 units and softmax/);
    const noClasses = parseCheckpointSettings({ spec: DEFAULT_MODEL_SPEC, hyperparameters: DEFAULT_HYPERPARAMETERS, transfer: TRANSFER });
    expect(noClasses).toEqual({ ok: false, problems: [{ path: 'transfer', message: 'transfer learning needs the class set it trains on (classes is missing)' }] });
    const badSource = parseCheckpointSettings({ spec: threeUnits, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: CLASSES, transfer: { ...TRANSFER, from: { kind: 'keras' } } });
    expect(badSource.ok ? [] : badSource.problems.map((problem) => problem.path)).toEqual(['transfer.from.kind']);
    const oneClass = parseCheckpointSettings({ spec: threeUnits, hyperparameters: DEFAULT_HYPERPARAMETERS, classes: { ...CLASSES, classNames: ['apple'] } });
    expect(oneClass.ok ? [] : oneClass.problems.map((problem) => problem.path)).toContain('classes.classNames');
  });

  test('the default name of a run says which set and how', () => {
    const hyperparameters = { ...DEFAULT_HYPERPARAMETERS, optimizer: 'adam' as const, learningRate: 0.001, batchSize: 16 };
    expect(defaultRunName({ spec: DEFAULT_MODEL_SPEC, hyperparameters, classes: CLASSES }, 3)).toBe('Run 3 · Fruit, from scratch · Adam lr 0.001, batch 16');
    expect(defaultRunName({ spec: DEFAULT_MODEL_SPEC, hyperparameters, classes: CLASSES, transfer: { ...TRANSFER, freeze: true } }, 4)).toBe('Run 4 · Fruit, transfer (frozen) · Adam lr 0.001, batch 16');
    expect(defaultRunName({ spec: DEFAULT_MODEL_SPEC, hyperparameters }, 5)).toBe('Run 5 · Adam lr 0.001, batch 16');
  });
});
