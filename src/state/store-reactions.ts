/**
 * What the store does by itself when its data changes, whichever action changed it (store.ts
 * subscribes this once): the sample tray is fetched once the data set is ready, and the Classify area
 * follows the training run — when the run finishes its first epoch, its model starts answering (and
 * says so); when the run is reset or replaced, the model that answered before it takes over again.
 */
import type { ClassifierKind } from './slices/classify-slice';
import { selectTrainedModelAvailable } from './selectors';
import type { AppState } from './store';
import { isActive } from '../core/training/training-lifecycle';
import { setupFromLab } from './run-setup';
import { trainedHandoverNotice } from '../core/model/classifier-model';
import { runClassNames } from '../core/lab/own-classes-lab';

/** React to the change from `previous` to `state`. */
export function reactToChange(state: AppState, previous: AppState): void {
  // The editor shows what trains: a resumed, opened or queued run's own network and settings — but not
  // a run on your own classes, whose network ends in other outputs than the editor's CIFAR-10 ten (the
  // editor keeps the network "from scratch" starts from; the run's own lab is in its run card).
  const lab = state.trainingLab;
  if (lab && lab !== previous.trainingLab && isActive(state.trainingPhase) && !lab.classes) state.setRunSetup(setupFromLab(lab));
  // A queue left training by an earlier page goes on once the data set is here: load it.
  if (state.runs !== previous.runs && state.runs.some((run) => run.status === 'interrupted' && run.queuedAt !== null)) state.loadDataset();
  // A run opened or resumed before the data set was in the engine goes now (or is given up with why).
  const deferred = state.trainingDeferred;
  if (deferred && state.dataStatus === 'ready') {
    state.sendDeferredRun();
  } else if (deferred && state.dataStatus === 'failed') {
    state.dropDeferredRun(`The run could not be opened: CIFAR-10 did not load (${state.dataError?.message ?? 'unknown reason'}).`);
  }
  if (state.classifySamplesWanted && state.dataStatus === 'ready' && previous.dataStatus !== 'ready' && !state.classifySamples) void state.fetchClassifySamples();
  const firstEpoch = previous.trainingEpochs.length === 0 && state.trainingEpochs.length > 0 && state.trainingRunId !== null;
  if (firstEpoch && state.classifyChoice !== 'trained') {
    const classCount = state.trainingLab ? runClassNames(state.trainingLab).length : undefined;
    state.classifyChoose('trained', trainedHandoverNotice(state.trainingEpochs.length, state.trainingEpochs.at(-1)?.valAccuracy ?? null, state.trainingSizes?.validationImages ?? 0, classCount));
  } else if (state.classifyChoice === 'trained' && !selectTrainedModelAvailable(state) && selectTrainedModelAvailable(previous)) {
    state.classifyChoose(fallbackKind(state), `${state.trainingPhase === 'idle' ? 'The training run was reset' : 'A new training run started'}, so ${fallbackLabel(state)} answers again.`);
  }
}

function fallbackKind(state: AppState): ClassifierKind {
  return state.classifyLoaded ? 'loaded' : 'pretrained';
}

function fallbackLabel(state: AppState): string {
  return state.classifyLoaded?.label ?? 'the pretrained tutorial model';
}
