/**
 * The Train area's two experiments: the overfitting lab (a plain and a regularised run on the same
 * small subset and seed) and sweeps (one short run per value of a hyperparameter). Both queue their
 * runs through the run list's queue; the runs' names say which lab or sweep they belong to, so the
 * saved runs bring both back after a reload (`savedLabs`, `savedSweeps`).
 */
import type { StateCreator } from 'zustand';
import { nextLabNumber, type RegularisationChoice } from '../../core/training/overfitting-lab';
import { newRunId } from '../../core/training/run-record';
import { nextSweepNumber } from '../../core/training/sweeps';
import { sessionOf } from '../engine-session';
import { INITIAL_SWEEP_FORM, LAB_PRESET_FORM, readLabForm, readSweepForm, sweepFormFor, type LabForm, type NamedRunSetup, type SweepForm } from '../experiment-forms';
import { readRunSetup } from '../run-setup';
import type { AppState } from '../store';

/** The experiments' forms, their messages and which saved lab and sweep are shown. */
export interface ExperimentsData {
  readonly labForm: LabForm;
  /** Why the lab did not start, or null. */
  readonly labMessage: string | null;
  /** The lab shown (its number), or null for the newest. */
  readonly labShown: number | null;
  readonly sweepForm: SweepForm;
  /** Why the sweep did not start, or which values were skipped and why; null when there is nothing to say. */
  readonly sweepMessage: string | null;
  /** The sweep shown (its number), or null for the newest. */
  readonly sweepShown: number | null;
}

/** Experiment actions. */
export interface ExperimentsActions {
  /** Change the lab's sizes (`choice` through `setLabChoice`). */
  setLabForm(patch: Partial<Omit<LabForm, 'choice'>>): void;
  /** Tick or untick one regulariser of the lab. */
  setLabChoice(key: keyof RegularisationChoice, on: boolean): void;
  /** The measured one-click setting back in the lab's form. */
  applyLabPreset(): void;
  /**
   * Queue the lab's two runs (plain first) and train the queue.
   * @returns false when the form is wrong (`labMessage` says why) or no engine runs.
   */
  startOverfittingLab(): boolean;
  showLab(labNumber: number | null): void;
  /** Change the sweep's form; a new parameter brings its own default values. */
  setSweepForm(patch: Partial<SweepForm>): void;
  /**
   * Queue one run per value and train the queue.
   * @returns false when the form is wrong (`sweepMessage` says why) or no engine runs.
   */
  startSweep(): boolean;
  showSweep(sweepNumber: number | null): void;
}

/** Initial experiments: the lab's preset, a max-pooling sweep, the newest of each shown. */
export const initialExperimentsData = (): ExperimentsData => ({ labForm: LAB_PRESET_FORM, labMessage: null, labShown: null, sweepForm: INITIAL_SWEEP_FORM, sweepMessage: null, sweepShown: null });

/** Queue `runs` in their order and train the queue; false when no engine took them. */
function queueAndTrain(state: AppState, runs: readonly NamedRunSetup[]): boolean {
  const sent = sessionOf(state).send({
    type: 'runs-enqueue',
    runs: runs.map((run) => ({ runId: newRunId(Date.now(), Math.random), name: run.name, lab: { spec: run.spec, hyperparameters: run.hyperparameters } })),
  });
  if (sent === null) return false;
  state.startQueue();
  return true;
}

function dataSizes(state: AppState) {
  const splits = state.dataset?.splits;
  return splits ? { trainCount: splits.train.count, testCount: splits.test.count } : undefined;
}

/** Experiments slice. */
export const createExperimentsSlice: StateCreator<AppState, [], [], ExperimentsData & ExperimentsActions> = (set, get) => ({
  ...initialExperimentsData(),
  setLabForm: (patch) => set((state) => ({ labForm: { ...state.labForm, ...patch }, labMessage: null })),
  setLabChoice: (key, on) => set((state) => ({ labForm: { ...state.labForm, choice: { ...state.labForm.choice, [key]: on } }, labMessage: null })),
  applyLabPreset: () => set({ labForm: LAB_PRESET_FORM, labMessage: null }),
  startOverfittingLab: () => {
    const state = get();
    const labNumber = nextLabNumber(state.runs);
    const reading = readLabForm(state.labForm, labNumber, dataSizes(state));
    if (!reading.ok) {
      set({ labMessage: reading.message });
      return false;
    }
    set({ labMessage: null, labShown: labNumber });
    return queueAndTrain(state, reading.runs);
  },
  showLab: (labNumber) => set({ labShown: labNumber }),
  setSweepForm: (patch) =>
    set((state) => ({
      sweepForm:
        patch.parameter !== undefined && patch.parameter !== state.sweepForm.parameter
          ? { ...state.sweepForm, ...patch, values: patch.values ?? sweepFormFor(patch.parameter).values }
          : { ...state.sweepForm, ...patch },
      sweepMessage: null,
    })),
  startSweep: () => {
    const state = get();
    const sweepNumber = nextSweepNumber(state.runs);
    const editor = readRunSetup(state, dataSizes(state)).run;
    const reading = readSweepForm(state.sweepForm, sweepNumber, editor ? { spec: editor.spec, hyperparameters: editor.settings } : null, dataSizes(state));
    if (!reading.ok) {
      set({ sweepMessage: reading.message });
      return false;
    }
    set({
      sweepShown: sweepNumber,
      sweepMessage: reading.skipped.length === 0 ? null : `Skipped ${reading.skipped.map((entry) => `${entry.value} (${entry.problem})`).join('; ')}.`,
    });
    return queueAndTrain(state, reading.runs);
  },
  showSweep: (sweepNumber) => set({ sweepShown: sweepNumber }),
});
