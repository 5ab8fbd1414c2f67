import type { StateCreator } from 'zustand';
import type { ClassifierInfo, ClassifierKind, ClassifierModels, ClassifyAnswer, LibraryEntry } from '../../engine/protocol-classify';
import type { AppState } from '../store';
import { createClassifyCommands, type ClassifyCommands } from './classify-commands';
import type { DataPage } from './data-commands';
import { createLibraryCommands, type LibraryCommands } from './library-commands';

export type { ClassifierInfo, ClassifierKind, ClassifyAnswer, LibraryEntry, PictureFacts } from '../../engine/protocol-classify';

/** How a picture reached the Classify area. */
export type ClassifyOrigin = 'file' | 'paste' | 'camera' | 'sample';

/** A CIFAR-10 test image from the sample tray: 32 × 32 × 3 uint8 RGB, its index in the test split and its true class. */
export interface ClassifySample {
  readonly pixels: Uint8Array;
  readonly index: number;
  readonly label: number;
}

/** One picture in the results list and where its answer stands. */
export interface ClassifyItem {
  /** Unique within the session; the list's React key. */
  readonly key: number;
  readonly name: string;
  readonly origin: ClassifyOrigin;
  /** The picture as given (file, paste, camera), to show the original; null for a sample. */
  readonly file: Blob | null;
  readonly sample: ClassifySample | null;
  readonly status: 'working' | 'done' | 'failed';
  readonly answer: ClassifyAnswer | null;
  /** Why it failed, a sentence for the user. */
  readonly error: string | null;
}

/** Most results kept: older ones drop off the end, so a long demo does not fill memory. */
export const MAX_CLASSIFY_ITEMS = 24;

/** Whether the pretrained model is there. */
export type PretrainedStatus = 'idle' | 'loading' | 'ready' | 'failed';

/** The Classify area's state. */
export interface ClassifyData {
  /** Newest first. */
  readonly classifyItems: readonly ClassifyItem[];
  readonly classifyPretrainedStatus: PretrainedStatus;
  readonly classifyPretrained: ClassifierInfo | null;
  readonly classifyPretrainedError: string | null;
  /** The model loaded from the library or from files, if any. */
  readonly classifyLoaded: ClassifierInfo | null;
  /** Which model answers the next picture. */
  readonly classifyChoice: ClassifierKind;
  /** Why the answering model changed by itself (a model loaded, a training run's first epoch), until dismissed. */
  readonly classifyNotice: string | null;
  /** The saved models; null until the engine listed them. */
  readonly classifyLibrary: readonly LibraryEntry[] | null;
  /** A refused model file or a failed library action, shown in the library panel. */
  readonly classifyModelError: string | null;
  /** Sample CIFAR-10 test images for the tray (two per class), once fetched from the engine. */
  readonly classifySamples: DataPage | null;
  readonly classifySamplesError: string | null;
  /** True once the Classify area asked for the pretrained model: every new engine prepares it again. */
  readonly classifyWanted: boolean;
  /** True once the sample tray asked for its images: they are fetched when the data is ready. */
  readonly classifySamplesWanted: boolean;
  /** The key of the picture with the engine now (pictures go one at a time), or null. */
  readonly classifyInFlight: number | null;
  /** Pictures added so far: the next one's key is one more. */
  readonly classifyItemsAdded: number;
}

/** Classify actions and commands; the `classify*Received` / `*Answered` ones are called by the commands. */
export interface ClassifyActions extends ClassifyCommands, LibraryCommands {
  classifyItemAdded(item: ClassifyItem): void;
  classifyItemAnswered(key: number, answer: ClassifyAnswer): void;
  classifyItemFailed(key: number, message: string): void;
  classifyItemRemoved(key: number): void;
  classifyItemsCleared(): void;
  classifyPretrainedLoading(): void;
  classifyModelsReceived(models: ClassifierModels): void;
  /** Make `kind` answer from now on; `notice` says why when the app (not the user) chose. */
  classifyChoose(kind: ClassifierKind, notice?: string | null): void;
  classifyNoticeDismissed(): void;
  classifyLibraryReceived(entries: readonly LibraryEntry[]): void;
  classifyModelErrorSet(message: string | null): void;
  classifySamplesReceived(page: DataPage): void;
  classifySamplesFailed(message: string): void;
  /**
   * The engine is going away: its models are gone (the library in IndexedDB stays). Pictures waiting
   * for an answer keep waiting: the next engine answers them.
   */
  classifyEngineStopped(): void;
}

/** Initial classify state. */
export const initialClassifyData = (): ClassifyData => ({
  classifyItems: [],
  classifyPretrainedStatus: 'idle',
  classifyPretrained: null,
  classifyPretrainedError: null,
  classifyLoaded: null,
  classifyChoice: 'pretrained',
  classifyNotice: null,
  classifyLibrary: null,
  classifyModelError: null,
  classifySamples: null,
  classifySamplesError: null,
  classifyWanted: false,
  classifySamplesWanted: false,
  classifyInFlight: null,
  classifyItemsAdded: 0,
});

/** Classify slice. */
export const createClassifySlice: StateCreator<AppState, [], [], ClassifyData & ClassifyActions> = (set, get, store) => ({
  ...createClassifyCommands(set, get, store),
  ...createLibraryCommands(set, get, store),
  ...initialClassifyData(),
  classifyItemAdded: (item) => set((state) => ({ classifyItems: [item, ...state.classifyItems].slice(0, MAX_CLASSIFY_ITEMS) })),
  classifyItemAnswered: (key, answer) => set((state) => ({ classifyItems: update(state.classifyItems, key, { status: 'done', answer, error: null }) })),
  classifyItemFailed: (key, message) => set((state) => ({ classifyItems: update(state.classifyItems, key, { status: 'failed', answer: null, error: message }) })),
  classifyItemRemoved: (key) => set((state) => ({ classifyItems: state.classifyItems.filter((item) => item.key !== key) })),
  classifyItemsCleared: () => set({ classifyItems: [] }),
  classifyPretrainedLoading: () => set({ classifyPretrainedStatus: 'loading', classifyPretrainedError: null }),
  classifyModelsReceived: (models) =>
    set({
      classifyPretrainedStatus: models.pretrained ? 'ready' : 'failed',
      classifyPretrained: models.pretrained,
      classifyPretrainedError: models.pretrained ? null : (models.pretrainedError ?? 'the pretrained model is not available'),
      classifyLoaded: models.loaded,
    }),
  classifyChoose: (kind, notice = null) => set({ classifyChoice: kind, classifyNotice: notice }),
  classifyNoticeDismissed: () => set({ classifyNotice: null }),
  classifyLibraryReceived: (entries) => set({ classifyLibrary: entries }),
  classifyModelErrorSet: (message) => set({ classifyModelError: message }),
  classifySamplesReceived: (page) => set({ classifySamples: page, classifySamplesError: null }),
  classifySamplesFailed: (message) => set({ classifySamplesError: message }),
  classifyEngineStopped: () =>
    set((state) => ({
      // A preparation in flight is sent again to the next engine, so it is still loading.
      classifyPretrainedStatus: state.classifyPretrainedStatus === 'loading' ? 'loading' : 'idle',
      classifyPretrained: null,
      classifyLoaded: null,
      classifyChoice: 'pretrained',
      classifyNotice: state.classifyChoice === 'pretrained' ? state.classifyNotice : 'The engine restarted, so the pretrained model answers again (saved models are still in your library).',
    })),
});

function update(items: readonly ClassifyItem[], key: number, patch: Partial<ClassifyItem>): ClassifyItem[] {
  return items.map((item) => (item.key === key ? { ...item, ...patch } : item));
}
