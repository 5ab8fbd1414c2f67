/**
 * The classify domain's commands to the engine: prepare the pretrained model when the Classify area
 * first opens, send pictures one at a time (so twenty dropped photos never decode at once), and fetch
 * the sample tray. Following the training run (a run's first epoch makes its model answer) is in
 * store-reactions.ts; the model library's commands in library-commands.ts.
 */
import type { StateCreator } from 'zustand';
import { CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import type { NamedBlob } from '../../engine/protocol-classify';
import { sessionOf, type EngineRequest } from '../engine-session';
import type { AppState } from '../store';
import type { ClassifierKind, ClassifyItem, ClassifyOrigin } from './classify-slice';

/** Where the pretrained model lives, relative to index.html (and to `public/`). */
export const PRETRAINED_MODEL_PATH = 'models/cifar10-tutorial/model.json';
/** Sample images in the tray: this many of each class, from the start of the test split. */
export const SAMPLES_PER_CLASS = 2;

/** The pretrained model's absolute URL, next to index.html wherever the app is hosted (the classifier, inspection and evaluation use the same one). */
export function pretrainedModelUrl(): string {
  return new URL(PRETRAINED_MODEL_PATH, document.baseURI).href;
}

/** Classify commands, and what the engine session calls on the classify domain. */
export interface ClassifyCommands {
  /** Load and warm up the pretrained model, and list the library; again after a failure (Retry). Safe before the engine is up. */
  prepareClassifier(): void;
  /**
   * Classify pictures given by the user; model files among them (.json and .bin) are loaded as a
   * model instead. Each picture gets a result card at once and its answer when the engine is done.
   */
  classifyFiles(files: readonly File[], origin: Exclude<ClassifyOrigin, 'sample'>): void;
  /**
   * Classify the tray's sample at `position` of the sample page.
   * @throws RangeError when there is no sample there.
   */
  classifySample(position: number): void;
  /** Fetch the tray's sample images, loading CIFAR-10 into the engine first when needed. */
  loadClassifySamples(): void;
  /** Fetch the tray's sample images from the loaded data set (store-reactions.ts calls it once the data is ready). */
  fetchClassifySamples(): Promise<void>;
  /** A new engine is ready: it holds no models, so the pretrained one is prepared again if wanted. */
  classifyEngineStarted(): void;
}

/** True for the files of a tfjs layers model: model.json and its .bin weights. */
export function isModelFile(file: { readonly name: string; readonly type: string }): boolean {
  return /\.(json|bin)$/i.test(file.name) || file.type === 'application/json';
}

/** An error's message, for the store. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The classify commands, spread into the classify slice. */
export const createClassifyCommands: StateCreator<AppState, [], [], ClassifyCommands> = (set, get) => {
  const prepare = (): void => {
    get().classifyPretrainedLoading();
    sessionOf(get())
      .request({ type: 'classify-prepare', modelUrl: pretrainedModelUrl() })
      .then(
        (event) => event.type === 'classify-models' && get().classifyModelsReceived(event.models),
        (error: unknown) => get().classifyModelsReceived({ pretrained: null, pretrainedError: messageOf(error), loaded: null }),
      );
    void get().refreshLibrary();
  };

  /** Send the oldest picture still waiting, unless one is with the engine: one at a time, each with the model chosen when its turn comes. */
  const sendNext = (): void => {
    const state = get();
    if (state.classifyInFlight !== null) return;
    const next = state.classifyItems.findLast((item) => item.status === 'working');
    if (!next) return;
    set({ classifyInFlight: next.key });
    sessionOf(state)
      .request(commandFor(next, state.classifyChoice))
      .then(
        (event) => {
          if (event.type === 'classify-answer') get().classifyItemAnswered(next.key, event.answer);
          else get().classifyItemFailed(next.key, `the engine answered with ${event.type}`);
        },
        (error: unknown) => get().classifyItemFailed(next.key, messageOf(error)),
      )
      .finally(() => {
        set({ classifyInFlight: null });
        sendNext();
      });
  };

  const add = (item: Omit<ClassifyItem, 'key' | 'status' | 'answer' | 'error'>): void => {
    const key = get().classifyItemsAdded + 1;
    set({ classifyItemsAdded: key });
    get().classifyItemAdded({ ...item, key, status: 'working', answer: null, error: null });
    sendNext();
  };

  return {
    prepareClassifier: () => {
      set({ classifyWanted: true });
      const status = get().classifyPretrainedStatus;
      if (sessionOf(get()).isRunning() && (status === 'idle' || status === 'failed')) prepare();
    },
    classifyFiles: (files, origin) => {
      const modelFiles = files.filter(isModelFile);
      if (modelFiles.length > 0) void get().loadModelFiles(modelFiles);
      for (const file of files.filter((candidate) => !isModelFile(candidate))) {
        add({ name: file.name || `pasted picture.${file.type.split('/')[1] ?? 'png'}`, origin, file, sample: null });
      }
    },
    classifySample: (position) => {
      const page = get().classifySamples;
      const index = page?.indices[position];
      const label = page?.labels[position];
      if (!page || index === undefined || label === undefined) throw new RangeError(`there is no sample image at position ${position}`);
      const pixels = page.pixels.slice(position * CIFAR_IMAGE_BYTES, (position + 1) * CIFAR_IMAGE_BYTES);
      add({ name: `CIFAR-10 test image ${index}`, origin: 'sample', file: null, sample: { pixels, index, label } });
    },
    loadClassifySamples: () => {
      // Twenty photos are read from the start of the test files (about 0.1 MB), not the whole 184 MB set.
      set({ classifySamplesWanted: true, classifySamplesError: null });
      void get().fetchClassifySamples();
    },
    fetchClassifySamples: async () => {
      try {
        get().classifySamplesReceived(await get().requestDataPage('test', { kind: 'per-class', offset: 0, count: SAMPLES_PER_CLASS }));
      } catch (error) {
        get().classifySamplesFailed(messageOf(error));
      }
    },
    classifyEngineStarted: () => {
      const { classifyWanted, classifyPretrainedStatus } = get();
      if (classifyWanted && (classifyPretrainedStatus === 'idle' || classifyPretrainedStatus === 'failed')) prepare();
    },
  };
};

/** The command that classifies `item` with `model`: its file as given, or a sample's pixels. */
function commandFor(item: ClassifyItem, model: ClassifierKind): EngineRequest {
  if (item.file) {
    const file: NamedBlob = { name: item.name, data: item.file };
    return { type: 'classify-image', file, model };
  }
  return { type: 'classify-pixels', pixels: item.sample?.pixels ?? new Uint8Array(0), model };
}
