import { create } from 'zustand';
import { createEngineSlice, initialEngineData, type EngineActions, type EngineData } from './slices/engine-slice';
import { createDataSlice, initialDataData, type DataActions, type DataData } from './slices/data-slice';
import { createRouteSlice, initialRouteData, type RouteActions, type RouteData } from './slices/route-slice';
import { createLearnSlice, initialLearnData, type LearnActions, type LearnData } from './slices/learn-slice';
import { createTrainingSlice, initialTrainingData, type TrainingActions, type TrainingData } from './slices/training-slice';
import { createClassifySlice, initialClassifyData, type ClassifyActions, type ClassifyData } from './slices/classify-slice';
import { createSetupSlice, initialSetupData, type SetupActions, type SetupData } from './slices/setup-slice';
import { createInspectSlice, initialInspectData, type InspectActions, type InspectData } from './slices/inspect-slice';
import { createBackendChoiceSlice, initialBackendChoiceData, type BackendChoiceActions, type BackendChoiceData } from './slices/backend-choice-slice';
import { reactToChange } from './store-reactions';
import { createEvaluateNowSlice, initialEvaluateNowData, type EvaluateNowActions, type EvaluateNowData } from './slices/evaluate-now-slice';
import { createThemeSlice, initialThemeData, type ThemeActions, type ThemeData } from './slices/theme-slice';
import { createRunsSlice, initialRunsData, type RunsActions, type RunsData } from './slices/runs-slice';
import { createCodeSlice, initialCodeData, type CodeActions, type CodeData } from './slices/code-slice';
import { createExperimentsSlice, initialExperimentsData, type ExperimentsActions, type ExperimentsData } from './slices/experiments-slice';
import { createWhySlice, initialWhyData, type WhyActions, type WhyData } from './slices/why-slice';
import { createLabSlice, initialLabData, type LabActions, type LabData } from './slices/lab-slice';
import { createOwnRunSlice, initialOwnRunData, type OwnRunActions, type OwnRunData } from './slices/own-run-slice';
import { createLiveClassifySlice, initialLiveClassifyData, type LiveClassifyActions, type LiveClassifyData } from './slices/live-classify-slice';
import { createClassesSlice, initialClassesData, type ClassesActions, type ClassesData } from './slices/classes-slice';

export { AREAS, type Area } from './slices/route-slice';
export type { EngineStatus } from './slices/engine-slice';
export type { CurrentImage } from './slices/data-slice';
export type { TrainingPhase } from './slices/training-slice';
export type { Theme, ThemeChoice } from './slices/theme-slice';
export { LESSON_IDS, LESSON_SPEEDS, type LessonId, type LessonSpeed, type LearnImage } from './slices/learn-slice';

/**
 * The whole store: data and actions of every slice. To add a slice: write `slices/x-slice.ts` with
 * its data type, actions type, `initialXData()` and `createXSlice`, then add it to the three places
 * below (the two types and the creator) and to `getInitialState`.
 */
export type AppData = RouteData & EngineData & DataData & LearnData & TrainingData & InspectData & SetupData & ClassifyData & BackendChoiceData & EvaluateNowData & RunsData & CodeData & ThemeData & ExperimentsData & WhyData & LabData & OwnRunData & ClassesData & LiveClassifyData;
/** Data and actions together. */
export type AppState = AppData & RouteActions & EngineActions & DataActions & LearnActions & TrainingActions & InspectActions & SetupActions & ClassifyActions & BackendChoiceActions & EvaluateNowActions & RunsActions & CodeActions & ThemeActions & ExperimentsActions & WhyActions & LabActions & OwnRunActions & ClassesActions & LiveClassifyActions;

/** The store's data before anything happened; used on start-up and to reset between tests. */
export function getInitialState(): AppData {
  return { ...initialRouteData(), ...initialEngineData(), ...initialDataData(), ...initialLearnData(), ...initialTrainingData(), ...initialInspectData(), ...initialSetupData(), ...initialClassifyData(), ...initialBackendChoiceData(), ...initialEvaluateNowData(), ...initialRunsData(), ...initialCodeData(), ...initialThemeData(), ...initialExperimentsData(), ...initialWhyData(), ...initialLabData(), ...initialOwnRunData(), ...initialClassesData(), ...initialLiveClassifyData() };
}

/**
 * The app's one store. It talks to the engine through the engine session it is handed when the app
 * starts (`attachEngineSession`, src/main.tsx): slice actions send commands and requests through it,
 * and its routing table (engine-routes.ts) carries the engine's events back to slice actions.
 */
export const useAppStore = create<AppState>()((...args) => ({
  ...createRouteSlice(...args),
  ...createEngineSlice(...args),
  ...createDataSlice(...args),
  ...createLearnSlice(...args),
  ...createTrainingSlice(...args),
  ...createInspectSlice(...args),
  ...createClassifySlice(...args),
  ...createSetupSlice(...args),
  ...createBackendChoiceSlice(...args),
  ...createEvaluateNowSlice(...args),
  ...createRunsSlice(...args),
  ...createCodeSlice(...args),
  ...createThemeSlice(...args),
  ...createExperimentsSlice(...args),
  ...createWhySlice(...args),
  ...createLabSlice(...args),
  ...createOwnRunSlice(...args),
  ...createClassesSlice(...args),
  ...createLiveClassifySlice(...args),
}));

// Follow-ups to changes, whichever action made them (store-reactions.ts).
useAppStore.subscribe(reactToChange);
