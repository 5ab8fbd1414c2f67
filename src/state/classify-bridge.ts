/**
 * The store's side of the engine's classify domain: prepare the pretrained model when the Classify
 * area first opens, send pictures one at a time (so twenty dropped photos never decode at once), keep
 * the answering model in step with training (a run's first epoch makes it answer; a reset hands back),
 * and fetch the sample tray. The model library's actions are in classify-library.ts, the line to the
 * engine in classify-channel.ts.
 */
import { CIFAR_IMAGE_BYTES } from '../core/cifar-format';
import { trainedHandoverNotice } from '../core/classifier-model';
import type { EngineClient } from '../engine/client';
import type { NamedBlob } from '../engine/protocol-classify';
import { hasClassifyChannel, messageOf, request, setClassifyChannel, type ClassifyRequest } from './classify-channel';
import { loadModelFiles, refreshLibrary } from './classify-library';
import { loadDataset, requestDataPage } from './data-bridge';
import { selectTrainedModelAvailable } from './selectors';
import { useAppStore, type AppState } from './store';
import type { ClassifierKind, ClassifyItem, ClassifyOrigin } from './slices/classify-slice';

/** Where the pretrained model lives, relative to index.html (and to `public/`). */
export const PRETRAINED_MODEL_PATH = 'models/cifar10-tutorial/model.json';
/** Sample images in the tray: this many of each class, from the start of the test split. */
export const SAMPLES_PER_CLASS = 2;

let wanted = false;
let samplesWanted = false;
let following = false;
let nextKey = 1;
let queue: Promise<void> = Promise.resolve();

/**
 * Give the classify bridge the engine to talk to (null when it stops). Called by the engine bridge on
 * every (re)start: a new engine holds no models, so the pretrained one is prepared again if wanted.
 */
export function attachClassifyClient(next: EngineClient | null): void {
  followTraining();
  setClassifyChannel(next);
  if (!next) {
    useAppStore.getState().classifyEngineStopped();
    return;
  }
  if (wanted) prepare();
}

/** Load and warm up the pretrained model, and list the library; again after a failure (Retry). Safe before the engine is up. */
export function prepareClassifier(): void {
  wanted = true;
  const status = useAppStore.getState().classifyPretrainedStatus;
  if (hasClassifyChannel() && (status === 'idle' || status === 'failed')) prepare();
}

function prepare(): void {
  const actions = useAppStore.getState();
  actions.classifyPretrainedLoading();
  const modelUrl = new URL(PRETRAINED_MODEL_PATH, document.baseURI).href;
  request({ type: 'classify-prepare', modelUrl }).then(
    (event) => event.type === 'classify-models' && useAppStore.getState().classifyModelsReceived(event.models),
    (error: unknown) => useAppStore.getState().classifyModelsReceived({ pretrained: null, pretrainedError: messageOf(error), loaded: null }),
  );
  void refreshLibrary();
}

/**
 * Classify pictures given by the user; model files among them (.json and .bin) are loaded as a model
 * instead. Each picture gets a result card at once and its answer when the engine is done.
 */
export function classifyFiles(files: readonly File[], origin: Exclude<ClassifyOrigin, 'sample'>): void {
  const modelFiles = files.filter(isModelFile);
  if (modelFiles.length > 0) void loadModelFiles(modelFiles);
  for (const file of files.filter((candidate) => !isModelFile(candidate))) {
    const named: NamedBlob = { name: file.name || `pasted picture.${file.type.split('/')[1] ?? 'png'}`, data: file };
    enqueue({ key: nextKey++, name: named.name, origin, file, sample: null, status: 'working', answer: null, error: null }, (model) => ({ type: 'classify-image', file: named, model }));
  }
}

/**
 * Classify the tray's sample at `position` of the sample page.
 * @throws RangeError when there is no sample there.
 */
export function classifySample(position: number): void {
  const page = useAppStore.getState().classifySamples;
  const index = page?.indices[position];
  const label = page?.labels[position];
  if (!page || index === undefined || label === undefined) throw new RangeError(`there is no sample image at position ${position}`);
  const pixels = page.pixels.slice(position * CIFAR_IMAGE_BYTES, (position + 1) * CIFAR_IMAGE_BYTES);
  const sample = { pixels, index, label };
  enqueue({ key: nextKey++, name: `CIFAR-10 test image ${index}`, origin: 'sample', file: null, sample, status: 'working', answer: null, error: null }, (model) => ({ type: 'classify-pixels', pixels, model }));
}

/** True for the files of a tfjs layers model: model.json and its .bin weights. */
export function isModelFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.(json|bin)$/i.test(file.name) || file.type === 'application/json';
}

function enqueue(item: ClassifyItem, command: (model: ClassifierKind) => ClassifyRequest): void {
  useAppStore.getState().classifyItemAdded(item);
  queue = queue.then(async () => {
    const present = (): boolean => useAppStore.getState().classifyItems.some((candidate) => candidate.key === item.key);
    if (!present()) return;
    try {
      const event = await request(command(useAppStore.getState().classifyChoice));
      if (event.type === 'classify-answer' && present()) useAppStore.getState().classifyItemAnswered(item.key, event.answer);
    } catch (error) {
      if (present()) useAppStore.getState().classifyItemFailed(item.key, messageOf(error));
    }
  });
}

/** Make `kind` answer from now on (the user's choice). */
export function chooseModel(kind: ClassifierKind): void {
  useAppStore.getState().classifyChoose(kind);
}

/** Fetch the tray's sample images, loading CIFAR-10 into the engine first when needed. */
export function loadSamples(): void {
  samplesWanted = true;
  loadDataset();
  if (useAppStore.getState().dataStatus === 'ready') void fetchSamples();
}

async function fetchSamples(): Promise<void> {
  try {
    useAppStore.getState().classifySamplesReceived(await requestDataPage('test', { kind: 'per-class', offset: 0, count: SAMPLES_PER_CLASS }));
  } catch (error) {
    useAppStore.getState().classifySamplesFailed(messageOf(error));
  }
}

/**
 * Follow the training run: when it finishes its first epoch, its model starts answering (and says so);
 * when it is reset or replaced, the model that answered before it takes over again.
 */
function followTraining(): void {
  if (following) return;
  following = true;
  useAppStore.subscribe((state, previous) => {
    if (samplesWanted && state.dataStatus === 'ready' && previous.dataStatus !== 'ready' && !state.classifySamples) void fetchSamples();
    const firstEpoch = previous.trainingEpochs.length === 0 && state.trainingEpochs.length > 0 && state.trainingRunId !== null;
    if (firstEpoch && state.classifyChoice !== 'trained') {
      state.classifyChoose('trained', trainedHandoverNotice(state.trainingEpochs.length, state.trainingEpochs.at(-1)?.valAccuracy ?? null, state.trainingSizes?.validationImages ?? 0));
    } else if (state.classifyChoice === 'trained' && !selectTrainedModelAvailable(state) && selectTrainedModelAvailable(previous)) {
      state.classifyChoose(fallbackKind(state), `${state.trainingPhase === 'idle' ? 'The training run was reset' : 'A new training run started'}, so ${fallbackLabel(state)} answers again.`);
    }
  });
}

function fallbackKind(state: AppState): ClassifierKind {
  return state.classifyLoaded ? 'loaded' : 'pretrained';
}

function fallbackLabel(state: AppState): string {
  return state.classifyLoaded?.label ?? 'the pretrained tutorial model';
}
