import { beforeEach, describe, expect, test } from 'vitest';
import { savedLabs, PLAIN_LAB_SPEC, LAB_HYPERPARAMETERS } from '../../src/core/training/overfitting-lab';
import type { RunSummary } from '../../src/core/training/run-record';
import { savedSweeps, sweepRows } from '../../src/core/training/sweeps';
import { QUICK_DEMO_RECIPE } from '../../src/core/training/recipes';
import type { EngineCommand } from '../../src/engine/protocol';
import { LAB_PRESET_FORM } from '../../src/state/experiment-forms';
import { getInitialState, useAppStore } from '../../src/state/store';
import { runningFakeEngine } from './fake-engine-client';

const state = () => useAppStore.getState();

type Enqueue = Extract<EngineCommand, { type: 'runs-enqueue' }>;
const enqueued = (sent: readonly EngineCommand[]): Enqueue[] => sent.filter((command): command is Enqueue => command.type === 'runs-enqueue');

/** The run the engine would save for a queued request, with `epochs` trained. */
function savedRun(request: Enqueue['runs'][number], valAccuracies: readonly number[]): RunSummary {
  return {
    id: request.runId,
    name: request.name,
    lab: request.lab,
    status: valAccuracies.length === request.lab.hyperparameters.epochs ? 'finished' : 'queued',
    message: null,
    createdAt: '2026-12-06T10:00:00.000Z',
    updatedAt: '2026-12-06T10:00:00.000Z',
    queuedAt: 1,
    backend: 'wasm',
    trainingSeconds: 10,
    epochsDone: valAccuracies.length,
    epochs: valAccuracies.map((valAccuracy, epoch) => ({ epoch, loss: 1, accuracy: 0.9, valLoss: 1.5, valAccuracy, seconds: 5, imagesPerSecond: 100 })),
    storedBytes: 1000,
  };
}

beforeEach(() => {
  useAppStore.setState(getInitialState());
  Object.assign(globalThis, { document: { baseURI: 'http://school.example/playground/index.html' } });
});

describe('the overfitting lab in the store', () => {
  test('one press queues the plain run, then the regularised one, on the same data and seed, and trains the queue; a reload finds the lab again', async () => {
    const fake = await runningFakeEngine();
    state().setLabForm({ trainImages: '128', validationImages: '64', epochs: '2' });
    state().setLabChoice('augment', false);
    expect(state().startOverfittingLab()).toBe(true);
    const [command] = enqueued(fake.sent);
    const [plain, regularised] = command?.runs ?? [];
    expect([plain?.name, regularised?.name]).toEqual(['Lab 1 · plain', 'Lab 1 · dropout']);
    expect(plain?.lab.spec).toEqual(PLAIN_LAB_SPEC);
    expect(plain?.lab.hyperparameters).toEqual({ ...LAB_HYPERPARAMETERS, trainSubset: 128, validationSubset: 64, epochs: 2 });
    expect(regularised?.lab.hyperparameters).toEqual(plain?.lab.hyperparameters);
    expect(regularised?.lab.spec.layers.filter((layer) => layer.type === 'Dropout')).toHaveLength(2);
    // The queue trains them: the data set is asked for, then the queue started.
    expect(fake.sent.slice(-2).map((sent) => sent.type)).toEqual(['data-load', 'queue-start']);
    expect(state().labShown).toBe(1);

    // After a reload the runs list brings the lab back, by its runs' names.
    if (!plain || !regularised) throw new Error('two runs expected');
    useAppStore.setState({ runs: [], runsListed: false, labShown: null });
    state().runsEventReceived({ type: 'runs-listed', id: 1, runs: [savedRun(plain, [0.3, 0.35]), savedRun(regularised, [0.3])] });
    const [lab] = savedLabs(state().runs);
    expect(lab).toMatchObject({ labNumber: 1, regularisedWhat: 'dropout', plain: { id: plain.runId }, regularised: { id: regularised.runId } });
    // The next lab gets the next number.
    state().setLabChoice('augment', true);
    expect(state().startOverfittingLab()).toBe(true);
    expect(enqueued(fake.sent).at(-1)?.runs.map((run) => run.name)).toEqual(['Lab 2 · plain', 'Lab 2 · dropout + augmentation']);
  });

  test('a wrong form is refused where it was made, and nothing is queued; the preset puts the measured setting back', async () => {
    const fake = await runningFakeEngine();
    state().setLabForm({ epochs: '0' });
    expect(state().startOverfittingLab()).toBe(false);
    expect(state().labMessage).toBe('Overfitting lab: epochs must be a whole number from 1 to 100, got “0”.');
    state().applyLabPreset();
    for (const key of ['dropout', 'augment'] as const) state().setLabChoice(key, false);
    expect(state().startOverfittingLab()).toBe(false);
    expect(state().labMessage).toBe('Overfitting lab: tick at least one regulariser to compare with the plain network.');
    expect(enqueued(fake.sent)).toEqual([]);
    state().applyLabPreset();
    expect(state().labForm).toEqual(LAB_PRESET_FORM);
    expect(state().labMessage).toBeNull();
  });
});

describe('sweeps in the store', () => {
  test('one run per value from the Quick demo network, queued and trained; impossible values skipped with the reason; the table comes back from the saved runs', async () => {
    const fake = await runningFakeEngine();
    state().setSweepForm({ parameter: 'filters' });
    expect(state().sweepForm.values).toBe('8, 16, 32, 64');
    state().setSweepForm({ values: '4, 8', trainImages: '128', validationImages: '64', epochs: '1' });
    expect(state().startSweep()).toBe(true);
    const runs = enqueued(fake.sent)[0]?.runs ?? [];
    expect(runs.map((run) => run.name)).toEqual(['Sweep 1 · filters 4', 'Sweep 1 · filters 8']);
    expect(runs.map((run) => run.lab.spec.layers.flatMap((layer) => (layer.type === 'Conv2D' ? [layer.filters] : [])))).toEqual([
      [4, 4],
      [8, 8],
    ]);
    expect(runs[0]?.lab.hyperparameters).toEqual({ ...QUICK_DEMO_RECIPE.hyperparameters, trainSubset: 128, validationSubset: 64, epochs: 1 });
    expect(fake.sent.at(-1)?.type).toBe('queue-start');

    // Saved runs bring the sweep and its table back.
    useAppStore.setState({ runs: runs.map((run, index) => savedRun(run, [0.2 + index / 10])) });
    const [sweep] = savedSweeps(state().runs);
    expect(sweep?.sweepNumber).toBe(1);
    const rows = sweepRows((sweep?.runs ?? []).map((entry) => ({ value: entry.value, spec: entry.run.lab.spec, epochs: entry.run.epochs })));
    expect(rows.map((row) => [row.value, row.bestValAccuracy])).toEqual([
      [4, 0.2],
      [8, 0.30000000000000004],
    ]);

    // A pool too large for the network is skipped, and the page says why; the others run.
    state().setSweepForm({ parameter: 'poolSize', values: '2, 8' });
    expect(state().startSweep()).toBe(true);
    expect(enqueued(fake.sent).at(-1)?.runs.map((run) => run.name)).toEqual(['Sweep 2 · pool_size 2']);
    expect(state().sweepMessage).toMatch(/^Skipped 8 \(.*larger than its .* input.*\)\.$/);
  });

  test('bad values are refused with a message naming the section; the editor as a base must be valid', async () => {
    const fake = await runningFakeEngine();
    state().setSweepForm({ parameter: 'kernelSize', values: '3, 3.5' });
    expect(state().startSweep()).toBe(false);
    expect(state().sweepMessage).toBe('Filter shape: 3.5 is not a whole number from 1 to 11');
    state().setSweepForm({ values: '3, 5', base: 'editor' });
    state().setModelSpec({ layers: [] });
    expect(state().startSweep()).toBe(false);
    expect(state().sweepMessage).toMatch(/^Sweep: the network or the settings above have a problem/);
    expect(enqueued(fake.sent)).toEqual([]);
  });
});
