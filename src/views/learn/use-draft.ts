import { useCallback, useState } from 'react';

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

/**
 * Lesson settings as typed (`draft`) and as last accepted (`applied`). Every edit rebuilds the whole
 * draft with `build`, a pure function that throws a RangeError naming the failed constraint; on
 * failure the previous `applied` stays on screen and the message is kept for the field just edited.
 *
 * @param build must be stable (a module-level function) and must not throw for `initial`.
 */
export function useDraft<D extends object, A>(initial: D, build: (draft: D) => A): Draft<D, A> {
  const [state, setState] = useState(() => ({ draft: initial, applied: build(initial), error: null as DraftError<keyof D> | null }));
  const replace = useCallback(
    (patch: Partial<D>, field: keyof D) =>
      setState((previous) => {
        const draft = { ...previous.draft, ...patch };
        try {
          return { draft, applied: build(draft), error: null };
        } catch (error) {
          return { draft, applied: previous.applied, error: { field, message: error instanceof Error ? error.message : String(error) } };
        }
      }),
    [build],
  );
  const edit = useCallback(
    <K extends keyof D>(field: K, value: D[K]) => {
      const patch: Partial<D> = {};
      patch[field] = value;
      replace(patch, field);
    },
    [replace],
  );
  return { ...state, edit, replace };
}
