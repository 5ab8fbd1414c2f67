import { runClassNames } from '../core/lab/own-classes-lab';
import { describeTrained } from '../core/model/classifier-model';
import { isResting } from '../core/training/training-lifecycle';
import { evaluateNowBlockedReason } from './evaluate-now-reason';
import type { EvaluationNowResult } from './slices/evaluate-now-slice';
import type { EpochPredictions } from './slices/inspect-slice';
import type { AppState } from './store';
import { effectiveTheme, type Theme } from './slices/theme-slice';

/** Named selectors, so components subscribe to exactly what they render. */
export const selectArea = (state: AppState): AppState['area'] => state.area;
export const selectEngineStatus = (state: AppState): AppState['engineStatus'] => state.engineStatus;
export const selectBackendInfo = (state: AppState): AppState['backendInfo'] => state.backendInfo;
export const selectEngineError = (state: AppState): AppState['engineError'] => state.engineError;
export const selectContextLostMessage = (state: AppState): AppState['contextLostMessage'] => state.contextLostMessage;
export const selectPreferredBackend = (state: AppState): AppState['preferredBackend'] => state.preferredBackend;
export const selectBackendChoice = (state: AppState): AppState['backendChoice'] => state.backendChoice;
export const selectBackendProbe = (state: AppState): AppState['backendProbe'] => state.backendProbe;
export const selectBackendChoiceError = (state: AppState): AppState['backendChoiceError'] => state.backendChoiceError;
export const selectCurrentImage = (state: AppState): AppState['currentImage'] => state.currentImage;
export const selectDataStatus = (state: AppState): AppState['dataStatus'] => state.dataStatus;
export const selectDataProgress = (state: AppState): AppState['dataProgress'] => state.dataProgress;
export const selectDataError = (state: AppState): AppState['dataError'] => state.dataError;
export const selectDataset = (state: AppState): AppState['dataset'] => state.dataset;
/** True only when all of CIFAR-10 is in the engine and verified: the one condition for training. */
export const selectDataReady = (state: AppState): boolean => state.dataStatus === 'ready';
export const selectLessonId = (state: AppState): AppState['lessonId'] => state.lessonId;
export const selectLessonStep = (state: AppState): AppState['lessonStep'] => state.lessonStep;
/** Why the last lesson link was not followed as written, or null. */
export const selectLessonLinkProblem = (state: AppState): string | null => state.lessonLinkProblem;
export const selectLessonSpeed = (state: AppState): AppState['lessonSpeed'] => state.lessonSpeed;
export const selectLearnImage = (state: AppState): AppState['learnImage'] => state.learnImage;
export const selectTrainingForm = (state: AppState): AppState['trainingForm'] => state.trainingForm;
export const selectTrainingPhase = (state: AppState): AppState['trainingPhase'] => state.trainingPhase;
export const selectTrainingPosition = (state: AppState): AppState['trainingPosition'] => state.trainingPosition;
export const selectTrainingSizes = (state: AppState): AppState['trainingSizes'] => state.trainingSizes;
export const selectTrainingEpochs = (state: AppState): AppState['trainingEpochs'] => state.trainingEpochs;
export const selectTrainingMessage = (state: AppState): AppState['trainingMessage'] => state.trainingMessage;
export const selectTrainingError = (state: AppState): AppState['trainingError'] => state.trainingError;
export const selectTrainingWorkers = (state: AppState): AppState['trainingWorkers'] => state.trainingWorkers;
/** The latest batch point of the shown run, or null before its first batch. */
export const selectLatestBatch = (state: AppState): AppState['trainingBatches'][number] | null => state.trainingBatches.at(-1) ?? null;
/** Every batch point of the shown run, in order (the batch-loss chart). */
export const selectTrainingBatches = (state: AppState): AppState['trainingBatches'] => state.trainingBatches;
export const selectTrainingRunId = (state: AppState): AppState['trainingRunId'] => state.trainingRunId;
export const selectModelSpec = (state: AppState): AppState['modelSpec'] => state.modelSpec;
export const selectHyperparameterForm = (state: AppState): AppState['hyperparameterForm'] => state.hyperparameterForm;
/** The settings the shown run trains with (a continued run's are its own), or null. */
export const selectShownRunSettings = (state: AppState) => state.trainingLab?.hyperparameters ?? null;
/** The latest epoch's validation predictions of the shown run; null before its first epoch ends. */
export const selectEvaluation = (state: AppState): AppState['evaluation'] =>
  state.evaluation !== null && state.evaluation.runId === state.trainingRunId ? state.evaluation : null;
/**
 * What the evaluation section shows: the last "evaluate now" result while no later epoch evaluation has
 * come (and, for a run's model, while that run is the shown one); otherwise the shown run's latest
 * epoch evaluation. Returns the store's own objects, so it is stable between renders.
 */
export const selectShownEvaluation = (state: AppState): EpochPredictions | EvaluationNowResult | null => {
  const now = state.evaluateNowResult;
  if (now && now.epochEvaluationThen === state.evaluation && (now.result.model.kind === 'pretrained' || now.result.model.runId === state.trainingRunId)) return now.result;
  return selectEvaluation(state);
};
export const selectEvaluateNowRequest = (state: AppState): AppState['evaluateNowRequest'] => state.evaluateNowRequest;
export const selectEvaluateNowProgress = (state: AppState): AppState['evaluateNowProgress'] => state.evaluateNowProgress;
export const selectEvaluateNowMessage = (state: AppState): AppState['evaluateNowMessage'] => state.evaluateNowMessage;
/** Why "Evaluate now" (the run's model) cannot be pressed, or null. */
export const selectEvaluateRunBlocked = (state: AppState): string | null => evaluateNowBlockedReason(state, 'run');
/** Why "Evaluate the pretrained model" cannot be pressed, or null. */
export const selectEvaluatePretrainedBlocked = (state: AppState): string | null => evaluateNowBlockedReason(state, 'pretrained');
export const selectConfusionCell = (state: AppState): AppState['confusionCell'] => state.confusionCell;
export const selectInternals = (state: AppState): AppState['internals'] => state.internals;
export const selectInternalsStatus = (state: AppState): AppState['internalsStatus'] => state.internalsStatus;
export const selectInternalsMessage = (state: AppState): AppState['internalsMessage'] => state.internalsMessage;
/**
 * Names the state of the model the engine would look into: the pretrained one without a run; else the
 * run, its finished epochs and, while it rests (paused, stopped, finished), its exact update. A new
 * key means the weights may have changed. Null while a run is being prepared (no model to ask yet).
 */
export const selectInspectModelKey = (state: AppState): string | null => {
  if (state.trainingRunId === null || state.trainingPhase === 'idle') return 'pretrained';
  if (state.trainingPhase === 'preparing') return null;
  const resting = isResting(state.trainingPhase);
  return `run ${state.trainingRunId}, ${state.trainingEpochs.length} epochs${resting ? `, update ${state.trainingPosition?.iteration ?? 0}` : ''}`;
};
export const selectClassifyItems = (state: AppState): AppState['classifyItems'] => state.classifyItems;
/** Results dropped because the list was full (oldest first), since the last clear. */
export const selectClassifyItemsDropped = (state: AppState): number => state.classifyItemsDropped;
export const selectClassifyChoice = (state: AppState): AppState['classifyChoice'] => state.classifyChoice;
export const selectClassifyNotice = (state: AppState): AppState['classifyNotice'] => state.classifyNotice;
export const selectClassifyPretrainedStatus = (state: AppState): AppState['classifyPretrainedStatus'] => state.classifyPretrainedStatus;
export const selectClassifyPretrained = (state: AppState): AppState['classifyPretrained'] => state.classifyPretrained;
export const selectClassifyPretrainedError = (state: AppState): AppState['classifyPretrainedError'] => state.classifyPretrainedError;
export const selectClassifyLoaded = (state: AppState): AppState['classifyLoaded'] => state.classifyLoaded;
export const selectClassifyLibrary = (state: AppState): AppState['classifyLibrary'] => state.classifyLibrary;
export const selectClassifyModelError = (state: AppState): AppState['classifyModelError'] => state.classifyModelError;
export const selectClassifySamples = (state: AppState): AppState['classifySamples'] => state.classifySamples;
export const selectClassifySamplesError = (state: AppState): AppState['classifySamplesError'] => state.classifySamplesError;
/** True when the shown training run has a model worth asking: prepared and at least one batch trained. */
export const selectTrainedModelAvailable = (state: AppState): boolean =>
  state.trainingPhase !== 'idle' && state.trainingPhase !== 'preparing' && (state.trainingPosition?.iteration ?? 0) > 0;
/** "your model, trained here, epoch 3 (51.2 % on 500 validation images)", as the engine will name it; null without one. */
export const selectTrainedModelLabel = (state: AppState): string | null => {
  const position = state.trainingPosition;
  if (!selectTrainedModelAvailable(state) || !position) return null;
  const classCount = state.trainingLab ? runClassNames(state.trainingLab).length : undefined;
  return describeTrained({ epochsDone: position.epoch, batch: position.batch, valAccuracy: state.trainingEpochs.at(-1)?.valAccuracy ?? null, validationImages: state.trainingSizes?.validationImages ?? 0, classCount });
};
export const selectTrainingLab = (state: AppState): AppState['trainingLab'] => state.trainingLab;
export const selectTrainingElsewhere = (state: AppState): AppState['trainingElsewhere'] => state.trainingElsewhere;
export const selectRuns = (state: AppState): AppState['runs'] => state.runs;
export const selectRunsListed = (state: AppState): AppState['runsListed'] => state.runsListed;
export const selectComparedRunIds = (state: AppState): AppState['comparedRunIds'] => state.comparedRunIds;
export const selectRunsNotice = (state: AppState): AppState['runsNotice'] => state.runsNotice;
/**
 * The saved run a "Resume" offer names when no run is shown: the latest updated run that stopped
 * before its last epoch (stopped, failed, interrupted by a reload, or paused in a tab now closed), and
 * not waiting in the queue; null when there is none.
 */
export const selectResumableRun = (state: AppState): AppState['runs'][number] | null => {
  let latest: AppState['runs'][number] | null = null;
  for (const run of state.runs) {
    const waits = run.status === 'stopped' || run.status === 'failed' || run.status === 'interrupted';
    if (waits && run.queuedAt === null && run.epochsDone > 0 && run.epochsDone < run.lab.hyperparameters.epochs && (latest === null || run.updatedAt > latest.updatedAt)) latest = run;
  }
  return latest;
};
/** The control whose code lines are marked (a `codeLinkKey`), or null. */
export const selectCodeLink = (state: AppState): AppState['codeLink'] => state.codeLink;

export const selectThemeChoice = (state: AppState): AppState['themeChoice'] => state.themeChoice;
/** The theme on screen: the person's choice, or the system's when they chose none. */
export const selectTheme = (state: AppState): Theme => effectiveTheme(state.themeChoice, state.systemTheme);
