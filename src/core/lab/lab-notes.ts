/**
 * How the lab schema words what it could not read: every message starts with the field's dotted path
 * as the document spells it (`hyperparameters.batchSize`, `architecture.layers[2].filters`) and ends
 * with the value it found, so a person can find the mistake in the file or link.
 */

/** One thing a document got wrong (or, when reading leniently, one part replaced by its default). */
export interface LabNote {
  /** Dotted path of the field, e.g. `hyperparameters.batchSize` or `lessons.convolution.mask`. */
  readonly path: string;
  /** A sentence that names the field, e.g. "hyperparameters.batchSize must be a whole number ≥ 1, got 'abc'". */
  readonly message: string;
}

/**
 * A problem found while reading one part, and what a lenient read puts in its place ("the default
 * 512 is used"), so strict and lenient reads word the same problem the same way.
 */
export interface LabProblem extends LabNote {
  readonly instead: string;
}

/** `['layers', 2, 'filters']` under `architecture` → `architecture.layers[2].filters`. */
export function joinPath(prefix: string, keys: readonly unknown[]): string {
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path === '' ? String(key) : `${path}.${String(key)}`), prefix);
}

/** A value as a message quotes it: strings in quotes, nothing as "nothing", long values cut short. */
export function quoteValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** What a message needs of a valibot issue (or of a problem found without valibot). */
export interface IssueLike {
  readonly message: string;
  readonly input: unknown;
  readonly path?: readonly { readonly key: unknown }[] | undefined;
}

/**
 * Valibot's issues as problems. Each schema of ours carries its expectation as its message
 * ("must be a whole number ≥ 1"); the path and the value found are added here.
 */
export function problemsFromIssues(prefix: string, issues: readonly IssueLike[], instead: string): LabProblem[] {
  return issues.map((issue) => {
    const path = joinPath(prefix, issue.path?.map((item) => item.key) ?? []);
    return { path, message: `${path} ${issue.message}, got ${quoteValue(issue.input)}`, instead };
  });
}

/** A problem as a lenient read reports it: what was wrong, then what is used instead. */
export function asReplacedNote(problem: LabProblem): LabNote {
  return { path: problem.path, message: `${problem.message}; ${problem.instead}` };
}

/** A problem as a strict read reports it. */
export function asProblemNote(problem: LabProblem): LabNote {
  return { path: problem.path, message: problem.message };
}

/** What reading a part gives: the value (with defaults where it could not be read) and what was wrong. */
export interface PartRead<T> {
  readonly value: T;
  readonly problems: readonly LabProblem[];
}

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
