import { beforeEach, describe, expect, test } from 'vitest';
import type { ClassSetSummary } from '../../src/core/data/class-set';
import { transferSpec, type OwnClassesRunRequest } from '../../src/core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC } from '../../src/core/model/model-spec';
import type { RunSummary } from '../../src/core/training/run-record';
import type { EngineCommand } from '../../src/engine/protocol';
import { getInitialState, useAppStore } from '../../src/state/store';
import { TINY_SPEC, tinySettings } from '../engine/training/fixtures';
import { runningFakeEngine } from './fake-engine-client';

const state = () => useAppStore.getState();
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

const SET: ClassSetSummary = {
  id: 'set-1',
  name: 'Fruit',
  updatedAt: '2026-12-06T19:00:00.000Z',
  classes: [
    { id: 'a', name: 'apple', pictures: 20 },
    { id: 'b', name: 'banana', pictures: 20 },
    { id: 'c', name: 'cherry', pictures: 20 },
  ],
};
const SCRATCH: OwnClassesRunRequest = { setId: 'set-1', mode: 'scratch', from: { kind: 'pretrained' }, freeze: true };
const TRANSFER: OwnClassesRunRequest = { ...SCRATCH, mode: 'transfer' };

function cifarRun(id: string, changes: Partial<RunSummary> = {}): RunSummary {
  return {
    id,
    name: `Run ${id}`,
    lab: { spec: DEFAULT_MODEL_SPEC, hyperparameters: tinySettings() },
    status: 'finished',
    message: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    queuedAt: null,
    backend: 'wasm',
    trainingSeconds: 12,
    epochsDone: 2,
    epochs: [],
    storedBytes: 30_000_000,
    ...changes,
  };
}

/** Ask for a run, answer the set check as the engine would, and return what was sent after it. */
async function ask(request: OwnClassesRunRequest, set: ClassSetSummary | null, problems: readonly string[] = []): Promise<EngineCommand[]> {
  const { sent, emit } = await runningFakeEngine();
  state().startOwnClassesRun(request);
  expect(state().ownRunChecking).toBe(true);
  const check = sent.find((command) => command.type === 'train-classes-check');
  expect(check).toMatchObject({ setId: request.setId });
  emit({ type: 'train-classes-checked', id: check?.id ?? -1, setId: request.setId, set, problems });
  await settle();
  expect(state().ownRunChecking).toBe(false);
  return sent.filter((command) => command.type === 'train-start');
}

beforeEach(() => {
  useAppStore.setState(getInitialState());
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

describe('startOwnClassesRun', () => {
  test('from scratch: the editor’s network with one unit per class, settings for a small set, the class names with the run', async () => {
    state().setModelSpec(TINY_SPEC);
    const [started] = await ask(SCRATCH, SET);
    expect(started).toMatchObject({
      type: 'train-start',
      name: 'Run 1 · Fruit, from scratch · Adam lr 0.001, batch 16',
      spec: { layers: [...TINY_SPEC.layers.slice(0, -1), { type: 'Dense', units: 3, activation: 'softmax' }] },
      hyperparameters: { optimizer: 'adam', learningRate: 0.001, batchSize: 16, epochs: 15, augment: true, trainSubset: null, validationSubset: null },
      classes: { setId: 'set-1', setName: 'Fruit', classNames: ['apple', 'banana', 'cherry'], heldOutShare: 0.2 },
      pauseAfterBatches: null,
    });
    expect(started && 'transfer' in started).toBe(false);
    expect(state().ownRunProblems).toEqual([]);
    // The run shows in Train like any other, with its class names in its lab.
    expect(state().trainingRunId).toBe(started && 'runId' in started ? started.runId : null);
  });

  test('transfer from the pretrained model: its convolution part and a new head, frozen as asked, the model’s address sent along', async () => {
    const [started] = await ask(TRANSFER, SET);
    const { spec, keptLayers } = transferSpec(DEFAULT_MODEL_SPEC, 3);
    expect(started).toMatchObject({ spec, transfer: { from: { kind: 'pretrained' }, freeze: true, keptLayers }, pretrainedModelUrl: 'http://school.example/playground/models/cifar10-tutorial/model.json' });
  });

  test('transfer from a CIFAR-10 run of yours: that run’s network; a run without an epoch or on own classes is refused', async () => {
    const wide = { layers: [{ type: 'Conv2D', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' }, ...TINY_SPEC.layers.slice(1, -1), { type: 'Dense', units: 10, activation: 'softmax' }] } as const;
    state().runsEventReceived({ type: 'runs-listed', id: 1, runs: [cifarRun('c', { lab: { spec: wide, hyperparameters: tinySettings() } }), cifarRun('empty', { epochsDone: 0 })] });
    const [started] = await ask({ ...TRANSFER, from: { kind: 'run', runId: 'c', name: 'Run c' }, freeze: false }, SET);
    expect(started).toMatchObject({ spec: transferSpec(wide, 3).spec, transfer: { from: { kind: 'run', runId: 'c' }, freeze: false, keptLayers: 2 } });

    expect(await ask({ ...TRANSFER, from: { kind: 'run', runId: 'empty', name: 'Run empty' } }, SET)).toEqual([]);
    expect(state().ownRunProblems).toEqual(['The run “Run empty” has no saved epoch yet: train it for at least one epoch, or start from the pretrained model.']);
  });

  test('a set that is gone or cannot train yet starts nothing and says why', async () => {
    expect(await ask(SCRATCH, null, ['This class set is not in this browser any more: it may have been deleted in another tab.'])).toEqual([]);
    expect(state().ownRunProblems).toEqual(['This class set is not in this browser any more: it may have been deleted in another tab.']);
    const few = '“banana” has 3 pictures; give it at least 5 (some to learn from, one or more to check with).';
    expect(await ask(SCRATCH, { ...SET, classes: [{ id: 'a', name: 'apple', pictures: 20 }, { id: 'b', name: 'banana', pictures: 3 }] }, [few])).toEqual([]);
    expect(state().ownRunProblems).toEqual([few]);
    state().dismissOwnRunProblems();
    expect(state().ownRunProblems).toEqual([]);
  });

  test('an editor network that does not end in a Dense layer is refused for "from scratch"', async () => {
    state().setModelSpec({ layers: [...TINY_SPEC.layers.slice(0, -1)] });
    expect(await ask(SCRATCH, SET)).toEqual([]);
    expect(state().ownRunProblems).toEqual(['The network in the editor cannot learn your classes: the network must end in a Dense layer to give one probability per class.']);
  });

  test('after a reload, a run on your own classes is listed with its class names and opens without loading CIFAR-10; "run again" gives the editor ten outputs', async () => {
    const { sent } = await runningFakeEngine();
    const classes = { setId: 'set-1', setName: 'Fruit', classNames: ['apple', 'banana', 'cherry'], heldOutShare: 0.2 };
    const own = cifarRun('own', { lab: { spec: transferSpec(DEFAULT_MODEL_SPEC, 3).spec, hyperparameters: tinySettings(), classes } });
    state().runsEventReceived({ type: 'runs-listed', id: 1, runs: [own] });
    expect(state().runs[0]?.lab.classes?.classNames).toEqual(['apple', 'banana', 'cherry']);
    expect(state().openRun('own')).toBe(true);
    expect(sent.filter((command) => command.type === 'train-continue')).toEqual([expect.objectContaining({ runId: 'own', pauseAfterBatches: 0 })]);
    expect(sent.some((command) => command.type === 'data-load')).toBe(false);
    expect(state().trainingLab?.classes).toEqual(classes);
    state().duplicateRun('own');
    expect(state().modelSpec.layers.at(-1)).toEqual({ type: 'Dense', units: 10, activation: 'softmax' });
  });

  test('while a run on your own classes trains, the editor keeps its CIFAR-10 network (it is what "from scratch" starts from)', async () => {
    const { sent } = await runningFakeEngine();
    state().setModelSpec(TINY_SPEC);
    const classes = { setId: 'set-1', setName: 'Fruit', classNames: ['apple', 'banana', 'cherry'], heldOutShare: 0.2 };
    state().runsEventReceived({ type: 'runs-listed', id: 1, runs: [cifarRun('own', { lab: { spec: transferSpec(DEFAULT_MODEL_SPEC, 3).spec, hyperparameters: tinySettings(), classes } })] });
    state().resumeRun('own');
    expect(sent.some((command) => command.type === 'train-continue')).toBe(true);
    state().trainingEventReceived({ type: 'train-status', runId: 'own', status: 'running', message: null, position: null, sizes: null, lab: { spec: transferSpec(DEFAULT_MODEL_SPEC, 3).spec, hyperparameters: tinySettings(), classes } });
    expect(state().trainingPhase).toBe('running');
    expect(state().modelSpec).toEqual(TINY_SPEC);
  });
});
