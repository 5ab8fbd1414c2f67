import { useCallback, useMemo, useState } from 'react';
import { DEFAULT_LESSON_SETTINGS, readLessonSettings, type LessonId, type LessonSettings } from '../../core/lab/lesson-settings';
import { useAppStore } from '../../state/store';
import { LESSON_DRAFTS, type LessonDrafts } from './lesson-drafts';

/** An invalid edit: the field where it was made and why it was refused. */
export interface DraftError<Field> {
  readonly field: Field;
  readonly message: string;
}

/** What {@link useDraft} returns. */
export interface Draft<D, A> {
  /** Exactly what the student typed, shown in the inputs. */
  readonly draft: D;
  /** The last settings that built without error: what the lesson draws, so it never goes blank. */
  readonly applied: A;
  /** Why the latest edit was refused, or null. */
  readonly error: DraftError<keyof D> | null;
  edit<K extends keyof D>(field: K, value: D[K]): void;
  /** Replace several fields at once (a preset). */
  replace(patch: Partial<D>, field: keyof D): void;
}

/** The typed draft, its refusal, and the store's settings it was made from (or produced). */
interface Local<D> {
  readonly draft: D;
  readonly error: DraftError<keyof D> | null;
  readonly from: unknown;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A lesson's example as typed (`draft`) and as last accepted (`applied`). The accepted example lives
 * in the store (`lessonSettings[id]`, part of the lab and of its link), so it survives leaving the
 * lesson and a link reproduces it; the typing itself stays here. Every edit rebuilds the whole draft
 * with `build`, a pure function that throws a RangeError naming the failed constraint, then checks it
 * against the lab's own rules for the lesson; on failure the previous `applied` stays on screen and
 * the message is kept for the field just edited. When the store's example changes from elsewhere (a
 * link, Reset), the draft follows it.
 *
 * @param build must be stable (a module-level function) and must not throw for the lesson's own example.
 */
export function useDraft<Id extends LessonId, A>(id: Id, build: (draft: LessonDrafts[Id]) => A): Draft<LessonDrafts[Id], A> {
  type D = LessonDrafts[Id];
  const conversion = LESSON_DRAFTS[id];
  const settings = useAppStore((state) => state.lessonSettings[id]) as LessonSettings[Id];
  const [local, setLocal] = useState<Local<D>>(() => ({ draft: conversion.toDraft(settings), error: null, from: settings }));
  // The store's example changed under us (a link, Reset): show it, as typed text.
  let shown = local;
  if (local.from !== settings) {
    shown = { draft: conversion.toDraft(settings), error: null, from: settings };
    setLocal(shown);
  }
  const applied = useMemo(() => {
    try {
      return build(conversion.toDraft(settings));
    } catch {
      // The lab's rules for a lesson mirror its build, so a link's example builds; should one ever not,
      // the lesson shows its own example rather than a blank page.
      return build(conversion.toDraft(DEFAULT_LESSON_SETTINGS[id]));
    }
  }, [build, conversion, settings, id]);

  const replace = useCallback(
    (patch: Partial<D>, field: keyof D) => {
      const draft: D = { ...shown.draft, ...patch };
      let error: DraftError<keyof D> | null = null;
      let accepted: LessonSettings[Id] | null = null;
      try {
        build(draft);
        const checked = readLessonSettings(id, conversion.fromDraft(draft), id);
        const problem = checked.problems[0];
        if (problem) error = { field, message: problem.message.replace(`${id}: `, '').replace(`${id}.`, '') };
        else accepted = checked.value;
      } catch (problem) {
        error = { field, message: messageOf(problem) };
      }
      setLocal({ draft, error, from: accepted ?? shown.from });
      if (accepted) useAppStore.getState().setLessonSettings(id, accepted);
    },
    [build, conversion, id, shown],
  );
  const edit = useCallback(
    <K extends keyof D>(field: K, value: D[K]) => {
      const patch: Partial<D> = {};
      patch[field] = value;
      replace(patch, field);
    },
    [replace],
  );
  return { draft: shown.draft, error: shown.error, applied, edit, replace };
}
