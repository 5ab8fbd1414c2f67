/**
 * The model library's actions, as the Classify area calls them: load a model from files, save the
 * answering model under a name, use, delete or export a saved one. Refusals land in the store
 * (`classifyModelError`) for the library panel, except a save's, which the name field shows.
 */
import type { ClassifyEvent, NamedBlob } from '../engine/protocol-classify';
import { messageOf, request } from './classify-channel';
import { useAppStore } from './store';

/** Load a model from dropped or picked files; a refusal is shown in the library panel and changes nothing. */
export async function loadModelFiles(files: readonly File[]): Promise<void> {
  try {
    adoptLoaded(await request({ type: 'classify-load-files', files: files.map((file) => ({ name: file.name, data: file })) }));
  } catch (error) {
    useAppStore.getState().classifyModelErrorSet(messageOf(error));
  }
}

/**
 * Save the answering model in the library under `name`.
 * @throws (rejects) Error with the reason (name taken or empty, storage full), for the name field.
 */
export async function saveModelToLibrary(name: string): Promise<void> {
  const event = await request({ type: 'classify-library-save', name, model: useAppStore.getState().classifyChoice });
  if (event.type === 'classify-library') useAppStore.getState().classifyLibraryReceived(event.entries);
}

/** Make the saved model `name` answer; a refusal is shown in the library panel. */
export async function loadLibraryModel(name: string): Promise<void> {
  await request({ type: 'classify-library-load', name }).then(adoptLoaded, (error: unknown) => useAppStore.getState().classifyModelErrorSet(messageOf(error)));
}

/** Forget the saved model `name`. */
export async function deleteLibraryModel(name: string): Promise<void> {
  await request({ type: 'classify-library-delete', name }).then(
    (event) => event.type === 'classify-library' && useAppStore.getState().classifyLibraryReceived(event.entries),
    (error: unknown) => useAppStore.getState().classifyModelErrorSet(messageOf(error)),
  );
}

/** The saved model `name` as tfjs layers files (model JSON, then weights), for the view to offer; [] after a failure. */
export async function exportLibraryModel(name: string): Promise<readonly NamedBlob[]> {
  try {
    const event = await request({ type: 'classify-library-export', name });
    return event.type === 'classify-files' ? event.files : [];
  } catch (error) {
    useAppStore.getState().classifyModelErrorSet(messageOf(error));
    return [];
  }
}

/** Ask the engine for the saved models and put them in the store. */
export async function refreshLibrary(): Promise<void> {
  try {
    const event = await request({ type: 'classify-library-list' });
    if (event.type === 'classify-library') useAppStore.getState().classifyLibraryReceived(event.entries);
  } catch (error) {
    useAppStore.getState().classifyModelErrorSet(`your saved models could not be listed: ${messageOf(error)}`);
  }
}

/** A model was loaded: it answers from now on, and the page says so. */
function adoptLoaded(event: ClassifyEvent): void {
  if (event.type !== 'classify-models' || !event.models.loaded) return;
  const actions = useAppStore.getState();
  actions.classifyModelsReceived(event.models);
  actions.classifyModelErrorSet(null);
  actions.classifyChoose('loaded', `Now answering: ${event.models.loaded.label}.`);
}
