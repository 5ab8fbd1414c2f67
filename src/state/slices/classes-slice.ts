/**
 * Your own classes: the class sets of this browser as the list shows them, the one set open in the
 * view (with its pictures, as the engine keeps them), what the engine is doing with it, and the last
 * message for the student (files refused, a name refused, a file that is not a class set). The sets
 * themselves live in the engine's IndexedDB; this slice only mirrors its answers.
 */
import type { StateCreator } from 'zustand';
import type { OwnClassesRunRequest, TransferSource } from '../../core/lab/own-classes-lab';
import type { ClassSet, ClassSetListing } from '../../engine/protocol-classes';
import type { AppState } from '../store';
import { createClassesCommands, type ClassesCommands } from './classes-commands';

export type { ClassSet, ClassSetListing, ClassPicture, OwnClass, RgbaFrame } from '../../engine/protocol-classes';

/** A sentence for the student about the open set: `problem` when something was refused, `done` otherwise. */
export interface ClassesMessage {
  readonly tone: 'done' | 'problem';
  readonly text: string;
  /** Files or frames that were not added, one sentence each. */
  readonly refused: readonly string[];
}

/** The train form of the own-classes view, kept while the student moves between tabs. */
export type OwnClassesForm = Omit<OwnClassesRunRequest, 'setId'>;

/** The own-classes state. */
export interface ClassesData {
  /** Every set, newest change first; null before the engine answered. */
  readonly classSets: readonly ClassSetListing[] | null;
  /** The set open in the view, or null. */
  readonly openClassSet: ClassSet | null;
  /** What the engine is doing for the view ("Adding 12 pictures to “red”…"), or null when idle. */
  readonly classesWorking: string | null;
  readonly classesMessage: ClassesMessage | null;
  readonly ownClassesForm: OwnClassesForm;
}

/** Own-classes actions; the commands call the others. */
export interface ClassesActions extends ClassesCommands {
  classSetsReceived(sets: readonly ClassSetListing[]): void;
  classSetReceived(set: ClassSet | null): void;
  classesWorkingSet(working: string | null): void;
  classesMessageSet(message: ClassesMessage | null): void;
  ownClassesFormChange(patch: Partial<OwnClassesForm>): void;
}

/** The pretrained CIFAR-10 model: where transfer starts unless the student picks one of their runs. */
export const PRETRAINED_SOURCE: TransferSource = Object.freeze({ kind: 'pretrained' });

/** Initial own-classes state. */
export const initialClassesData = (): ClassesData => ({
  classSets: null,
  openClassSet: null,
  classesWorking: null,
  classesMessage: null,
  ownClassesForm: { mode: 'transfer', from: PRETRAINED_SOURCE, freeze: true },
});

/** Own-classes slice. */
export const createClassesSlice: StateCreator<AppState, [], [], ClassesData & ClassesActions> = (set, get, store) => ({
  ...createClassesCommands(set, get, store),
  ...initialClassesData(),
  classSetsReceived: (sets) => set({ classSets: sets }),
  classSetReceived: (classSet) => set({ openClassSet: classSet }),
  classesWorkingSet: (working) => set({ classesWorking: working }),
  classesMessageSet: (message) => set({ classesMessage: message }),
  ownClassesFormChange: (patch) => set((state) => ({ ownClassesForm: { ...state.ownClassesForm, ...patch } })),
});
