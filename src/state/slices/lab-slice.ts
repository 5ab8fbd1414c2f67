import type { StateCreator } from 'zustand';
import type { Lab } from '../../core/lab/lab';
import { DEFAULT_LESSON_SETTINGS, type LessonId, type LessonSettings } from '../../core/lab/lesson-settings';
import { hyperparameterFormFrom } from '../hyperparameter-form';
import { trainingFormFrom } from '../training-form';
import type { AppState } from '../store';

/**
 * The lessons' part of the lab — every lesson's example as last accepted, as numbers — and what a
 * lab link could not read, and whether the page is in presenter mode (part of the link too). The network and settings part of the lab lives in the setup and training
 * slices (the editor and the forms); `labOfState` (lab-of-state.ts) reads the three together.
 */
export interface LabData {
  /** Each lesson's example; starts as each lesson's own (`DEFAULT_LESSON_SETTINGS`). */
  readonly lessonSettings: LessonSettings;
  /**
   * What the link that opened the page could not read, one sentence per part (empty: nothing to
   * say), until the person closes the message.
   */
  readonly labLinkNotes: readonly string[];
  /**
   * Presenter mode (`?present` in the link): large type and high contrast for a projector, advanced
   * controls tucked away, F for full screen, Space, ← and → drive the open lesson from anywhere.
   */
  readonly presenting: boolean;
}

/** Lab actions. */
export interface LabActions {
  /** A lesson's example, edited (the lesson has checked it). */
  setLessonSettings<Id extends LessonId>(id: Id, settings: LessonSettings[Id]): void;
  /** Put a lesson's own example back. */
  resetLessonSettings(id: LessonId): void;
  /** Put a whole lab on screen: the network in the editor, the settings in the forms, every lesson's example. */
  applyLab(lab: Lab): void;
  setLabLinkNotes(notes: readonly string[]): void;
  setPresenting(presenting: boolean): void;
}

/** Initial lab state: every lesson's own example. */
export const initialLabData = (): LabData => ({ lessonSettings: DEFAULT_LESSON_SETTINGS, labLinkNotes: [], presenting: false });

/** Lab slice. */
export const createLabSlice: StateCreator<AppState, [], [], LabData & LabActions> = (set) => ({
  ...initialLabData(),
  setLessonSettings: (id, settings) => set((state) => ({ lessonSettings: { ...state.lessonSettings, [id]: settings } })),
  resetLessonSettings: (id) => set((state) => ({ lessonSettings: { ...state.lessonSettings, [id]: DEFAULT_LESSON_SETTINGS[id] } })),
  applyLab: (lab) =>
    set({
      modelSpec: lab.architecture,
      hyperparameterForm: hyperparameterFormFrom(lab.hyperparameters),
      trainingForm: trainingFormFrom(lab.hyperparameters),
      lessonSettings: lab.lessons,
    }),
  setLabLinkNotes: (labLinkNotes) => set({ labLinkNotes }),
  setPresenting: (presenting) => set({ presenting }),
});
