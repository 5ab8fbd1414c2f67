/**
 * The own-classes commands: every one is a request to the engine (protocol-classes.ts), whose answer
 * — the set as it is now, or the list — replaces what the store mirrors. Refusals become the view's
 * message; nothing is changed then.
 */
import type { StateCreator } from 'zustand';
import type { EngineEvent } from '../../engine/protocol';
import type { ClassSetEdit, RgbaFrame } from '../../engine/protocol-classes';
import type { NamedBlob } from '../../engine/protocol-classify';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';
import { messageOf } from './classify-commands';

/** Own-classes commands. */
export interface ClassesCommands {
  /** Ask for the list of sets. */
  classesRefresh(): Promise<void>;
  /** Open a set in the view. */
  classesOpen(setId: string): Promise<void>;
  /** Make a set of these empty classes and open it. */
  classesCreate(name: string, classNames: readonly string[]): Promise<void>;
  /** Change the open set (rename it, add, rename or remove a class, remove pictures). */
  classesChange(edit: ClassSetEdit): Promise<void>;
  /** Delete a set (closing it if open). */
  classesDelete(setId: string): Promise<void>;
  /** Add picture files to a class of the open set; each refused file is named in the message. */
  classesAddFiles(classId: string, files: readonly File[]): Promise<void>;
  /** Add camera frames (part of a burst) to a class of the open set; the frames' buffers are handed over. */
  classesAddFrames(classId: string, frames: readonly RgbaFrame[]): Promise<void>;
  /** The open set as one file, or null after a refusal (shown as the message). */
  classesExport(): Promise<NamedBlob | null>;
  /** Make a new set from a class-set file and open it. */
  classesImport(file: File): Promise<void>;
}

/** The own-classes commands, spread into their slice. */
export const createClassesCommands: StateCreator<AppState, [], [], ClassesCommands> = (_set, get) => {
  const request = (command: Parameters<ReturnType<typeof sessionOf>['request']>[0]): Promise<EngineEvent> => sessionOf(get()).request(command);
  const refused = (error: unknown): void => get().classesMessageSet({ tone: 'problem', text: sentence(messageOf(error)), refused: [] });
  /** Take the engine's answer: the open set, then a fresh list (names and counts changed). */
  const adopt = async (event: EngineEvent, done: (added: number) => string | null): Promise<void> => {
    const state = get();
    if (event.type === 'classes-set') {
      state.classSetReceived(event.set);
      const text = done(event.added);
      const count = event.refused.length;
      const notAdded = `${count === 1 ? 'One was' : `${count} were`} not added:`;
      if (count > 0) state.classesMessageSet({ tone: 'problem', text: text === null ? notAdded : `${text} ${notAdded}`, refused: event.refused });
      else state.classesMessageSet(text === null ? null : { tone: 'done', text, refused: [] });
    }
    await get().classesRefresh();
  };
  /** Run one request with a working note, whatever it ends in. */
  const working = async (note: string, run: () => Promise<void>): Promise<void> => {
    get().classesWorkingSet(note);
    try {
      await run();
    } catch (error) {
      refused(error);
    } finally {
      get().classesWorkingSet(null);
    }
  };
  const classNameOf = (classId: string): string => get().openClassSet?.classes.find((own) => own.id === classId)?.name ?? 'the class';
  const openId = (): string => {
    const open = get().openClassSet;
    if (!open) throw new Error('open or make a class set first');
    return open.id;
  };
  const added = (count: number, name: string): string => `Added ${count} ${count === 1 ? 'picture' : 'pictures'} to “${name}”.`;

  return {
    classesRefresh: () =>
      request({ type: 'classes-list' }).then(
        (event) => {
          if (event.type === 'classes-listed') get().classSetsReceived(event.sets);
        },
        (error: unknown) => refused(error),
      ),
    classesOpen: (setId) => working('Opening the set…', async () => adopt(await request({ type: 'classes-open', setId }), () => null)),
    classesCreate: (name, classNames) => working('Making the set…', async () => adopt(await request({ type: 'classes-create', name, classNames }), () => null)),
    classesChange: (edit) => working('Saving…', async () => adopt(await request({ type: 'classes-change', setId: openId(), change: edit }), () => null)),
    classesDelete: (setId) =>
      working('Deleting the set…', async () => {
        const event = await request({ type: 'classes-delete', setId });
        if (get().openClassSet?.id === setId) get().classSetReceived(null);
        if (event.type === 'classes-listed') get().classSetsReceived(event.sets);
        get().classesMessageSet(null);
      }),
    classesAddFiles: (classId, files) => {
      const name = classNameOf(classId);
      return working(`Reading ${files.length} ${files.length === 1 ? 'picture' : 'pictures'} for “${name}”…`, async () =>
        adopt(await request({ type: 'classes-add-files', setId: openId(), classId, files: files.map((file) => ({ name: file.webkitRelativePath || file.name, data: file })) }), (count) => added(count, name)),
      );
    },
    classesAddFrames: (classId, frames) => {
      const name = classNameOf(classId);
      return working(`Adding ${frames.length} camera ${frames.length === 1 ? 'frame' : 'frames'} to “${name}”…`, async () =>
        // The camera panel counts the burst itself; a message per batch of frames would only flicker.
        adopt(await request({ type: 'classes-add-frames', setId: openId(), classId, frames }), () => null),
      );
    },
    classesExport: async () => {
      try {
        const event = await request({ type: 'classes-export', setId: openId() });
        return event.type === 'classes-file' ? event.file : null;
      } catch (error) {
        refused(error);
        return null;
      }
    },
    classesImport: (file) =>
      working(`Importing ${file.name}…`, async () => {
        const event = await request({ type: 'classes-import', file: { name: file.name, data: file } });
        await adopt(event, () => (event.type === 'classes-set' ? `Imported “${event.set.name}” from ${file.name}.` : null));
      }),
  };
};

/** An engine message as a sentence: capital first letter, full stop. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toLocaleUpperCase('en') + trimmed.slice(1);
  return /[.!?…]$/.test(capital) ? capital : `${capital}.`;
}
