/**
 * The own-classes domain of the engine protocol: class sets kept in this browser (IndexedDB, never
 * uploaded) — list, open, make, change and delete sets; fill a class from picture files or camera
 * frames, decoded, centre-cropped and area-resampled in the engine exactly as Classify treats a photo;
 * export or import a set as one file. Unioned into `EngineCommand` / `EngineEvent` in protocol.ts.
 * Every command is answered by one event carrying its id.
 */
import type { ClassSet, ClassSetChange, ClassSetSummary } from '../core/data/class-set';
import type { NamedBlob } from './protocol-classify';

export type { ClassPicture, ClassSet, ClassSetSummary, OwnClass } from '../core/data/class-set';

/** A change the page asks for; pictures come through their own commands, as files or frames decoded in the engine. */
export type ClassSetEdit = Exclude<ClassSetChange, { readonly kind: 'add-pictures' }>;

/** A set as the list shows it: its summary and, per class (in order), its first picture or null. */
export interface ClassSetListing extends ClassSetSummary {
  /** 32 × 32 × 3 uint8 RGB each. */
  readonly thumbnails: readonly (Uint8Array | null)[];
}

/** One camera frame as the page grabbed it: the whole frame, cropped and resampled in the engine. */
export interface RgbaFrame {
  readonly width: number;
  readonly height: number;
  /** height × width × 4 bytes, row-major RGBA. */
  readonly rgba: Uint8ClampedArray;
}

/** Own-classes commands. */
export type ClassesCommand =
  /** Every set, newest change first (answered by `classes-listed`). */
  | { readonly type: 'classes-list'; readonly id: number }
  /** One set with its pictures (answered by `classes-set`). */
  | { readonly type: 'classes-open'; readonly id: number; readonly setId: string }
  /** A new set of these (empty) classes (answered by `classes-set`). */
  | { readonly type: 'classes-create'; readonly id: number; readonly name: string; readonly classNames: readonly string[] }
  /** Rename the set, add, rename or remove a class, remove pictures (answered by `classes-set`). */
  | { readonly type: 'classes-change'; readonly id: number; readonly setId: string; readonly change: ClassSetEdit }
  /** Delete a set; runs trained on it keep their own copy of its split (answered by `classes-listed`). */
  | { readonly type: 'classes-delete'; readonly id: number; readonly setId: string }
  /** Picture files for one class: each checked, decoded and resampled; those refused are named in the answer. */
  | { readonly type: 'classes-add-files'; readonly id: number; readonly setId: string; readonly classId: string; readonly files: readonly NamedBlob[] }
  /** Camera frames for one class (part of a burst), resampled as picture files are. */
  | { readonly type: 'classes-add-frames'; readonly id: number; readonly setId: string; readonly classId: string; readonly frames: readonly RgbaFrame[] }
  /** The set as one file (answered by `classes-file`). */
  | { readonly type: 'classes-export'; readonly id: number; readonly setId: string }
  /** A class-set file made into a new set (answered by `classes-set`). */
  | { readonly type: 'classes-import'; readonly id: number; readonly file: NamedBlob };

/** Own-classes events. */
export type ClassesEvent =
  | { readonly type: 'classes-listed'; readonly id: number; readonly sets: readonly ClassSetListing[] }
  /**
   * A set as it is now. `added`: pictures the command added; `refused`: one sentence for each file or
   * frame that was not added, naming it and why.
   */
  | { readonly type: 'classes-set'; readonly id: number; readonly set: ClassSet; readonly added: number; readonly refused: readonly string[] }
  | { readonly type: 'classes-file'; readonly id: number; readonly file: NamedBlob }
  /** A command that could not be carried out (a sentence for the user); nothing changed. */
  | { readonly type: 'classes-error'; readonly id: number; readonly message: string };

/** The `type` tags of `ClassesCommand`. */
export const CLASSES_COMMAND_TYPES: readonly ClassesCommand['type'][] = ['classes-list', 'classes-open', 'classes-create', 'classes-change', 'classes-delete', 'classes-add-files', 'classes-add-frames', 'classes-export', 'classes-import'];
/** The `type` tags of `ClassesEvent`. */
export const CLASSES_EVENT_TYPES: readonly ClassesEvent['type'][] = ['classes-listed', 'classes-set', 'classes-file', 'classes-error'];

/** Narrow any command to an own-classes command. */
export function isClassesCommand(command: { readonly type: string }): command is ClassesCommand {
  return (CLASSES_COMMAND_TYPES as readonly string[]).includes(command.type);
}
