/**
 * The model library's commands, as the Classify area calls them: load a model from files, save the
 * answering model under a name, use, delete or export a saved one. Refusals land in the store
 * (`classifyModelError`) for the library panel, except a save's, which the name field shows.
 */
import type { StateCreator } from 'zustand';
import type { TrainingHyperparameters } from '../../core/training/hyperparameters';
import type { KerasBundleSource, NamedBlob } from '../../engine/protocol-classify';

export type { KerasBundleSource } from '../../engine/protocol-classify';
import type { EngineEvent } from '../../engine/protocol';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';
import { messageOf } from './classify-commands';

/** Model-library commands. */
export interface LibraryCommands {
  /** Load a model from dropped or picked files; a refusal is shown in the library panel and changes nothing. */
  loadModelFiles(files: readonly File[]): Promise<void>;
  /**
   * Save the answering model in the library under `name`.
   * @throws (rejects) Error with the reason (name taken or empty, storage full), for the name field.
   */
  saveModelToLibrary(name: string): Promise<void>;
  /** Make the saved model `name` answer; a refusal is shown in the library panel. */
  loadLibraryModel(name: string): Promise<void>;
  /** Forget the saved model `name`. */
  deleteLibraryModel(name: string): Promise<void>;
  /** The saved model `name` as tfjs layers files (model JSON, then weights), for the view to offer; [] after a failure. */
  exportLibraryModel(name: string): Promise<readonly NamedBlob[]>;
  /** Ask the engine for the saved models and put them in the store. */
  refreshLibrary(): Promise<void>;
  /**
   * "Download for Keras": a model's tfjs files zipped with the train.py that loads them in Keras 3.
   * @param settings what the model was trained with (a run's settings), or null when unknown.
   * @param title where the model comes from, for the script's first line.
   * @throws (rejects) Error with the engine's reason (no such model, not writable as Keras code).
   */
  prepareKerasBundle(source: KerasBundleSource, settings: TrainingHyperparameters | null, title: string): Promise<NamedBlob>;
}

/** The library commands, spread into the classify slice. */
export const createLibraryCommands: StateCreator<AppState, [], [], LibraryCommands> = (_set, get) => {
  /** A model was loaded: it answers from now on, and the page says so. */
  const adoptLoaded = (event: EngineEvent): void => {
    if (event.type !== 'classify-models' || !event.models.loaded) return;
    const state = get();
    state.classifyModelsReceived(event.models);
    state.classifyModelErrorSet(null);
    state.classifyChoose('loaded', `Now answering: ${event.models.loaded.label}.`);
  };
  const showError = (error: unknown): void => get().classifyModelErrorSet(messageOf(error));
  const showList = (event: EngineEvent): void => {
    if (event.type === 'classify-library') get().classifyLibraryReceived(event.entries);
  };
  return {
    loadModelFiles: (files) =>
      sessionOf(get())
        .request({ type: 'classify-load-files', files: files.map((file) => ({ name: file.name, data: file })) })
        .then(adoptLoaded, showError),
    saveModelToLibrary: async (name) => {
      showList(await sessionOf(get()).request({ type: 'classify-library-save', name, model: get().classifyChoice }));
    },
    loadLibraryModel: (name) => sessionOf(get()).request({ type: 'classify-library-load', name }).then(adoptLoaded, showError),
    deleteLibraryModel: (name) => sessionOf(get()).request({ type: 'classify-library-delete', name }).then(showList, showError),
    exportLibraryModel: async (name) => {
      try {
        const event = await sessionOf(get()).request({ type: 'classify-library-export', name });
        return event.type === 'classify-files' ? event.files : [];
      } catch (error) {
        showError(error);
        return [];
      }
    },
    prepareKerasBundle: async (source, settings, title) => {
      const event = await sessionOf(get()).request({ type: 'classify-keras-bundle', source, settings, title });
      const zip = event.type === 'classify-files' ? event.files[0] : undefined;
      if (!zip) throw new Error('the engine gave no file');
      return zip;
    },
    refreshLibrary: () =>
      sessionOf(get())
        .request({ type: 'classify-library-list' })
        .then(showList, (error: unknown) => get().classifyModelErrorSet(`your saved models could not be listed: ${messageOf(error)}`)),
  };
};
