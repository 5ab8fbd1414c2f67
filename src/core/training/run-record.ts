/**
 * Runs as data. Every training run has an id, a name the user can change, what it trains (its network
 * and settings), a status, its history and — once an epoch ended — a checkpoint saved beside it.
 * The engine keeps them in IndexedDB; this file is the vocabulary and the pure rules around it.
 */
import type { TrainingHyperparameters } from './hyperparameters';
import type { ModelSpec } from '../model/model-spec';
import type { OwnClassesSource, TransferSettings } from '../lab/own-classes-lab';
import type { RunStatus } from './training-lifecycle';
import type { EpochSummary } from './training-record';

/** A run's id: unique in this browser, stable across reloads. */
export type RunId = string;

/**
 * What a run trains: the network and the settings, as the lab schema describes them, and — for a run
 * on your own classes — the class set and, for transfer learning, where its first layers come from.
 */
export interface RunLab {
  readonly spec: ModelSpec;
  readonly hyperparameters: TrainingHyperparameters;
  /** Absent: the run trains on CIFAR-10. */
  readonly classes?: OwnClassesSource;
  /** Absent: the network starts from the seed's random weights. */
  readonly transfer?: TransferSettings;
}

/**
 * A run as the run list shows it (no weights, no batch points: those are fetched for the one run
 * shown). Sizes are bytes as IndexedDB stores them.
 */
export interface RunSummary {
  readonly id: RunId;
  readonly name: string;
  readonly lab: RunLab;
  readonly status: RunStatus;
  /** Why it ended, failed or waits (early stop, NaN loss, "training in another tab"), or null. */
  readonly message: string | null;
  /** ISO 8601 times. */
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Order in the queue (milliseconds since 1970 when it was queued); null for a run started directly. */
  readonly queuedAt: number | null;
  /** The backend it trained on last, or null before its first step. */
  readonly backend: string | null;
  /** Seconds spent training and validating, over every sitting. */
  readonly trainingSeconds: number;
  /** Epochs with a saved checkpoint (0: nothing saved yet). */
  readonly epochsDone: number;
  /** One summary per finished epoch. */
  readonly epochs: readonly EpochSummary[];
  /** Bytes this run takes in the browser's storage (checkpoint and history). */
  readonly storedBytes: number;
}

/**
 * A new run id: the time (base 36, zero-padded, so ids sort by creation) and 6 random base-36 digits, so two tabs
 * creating runs in the same millisecond still differ.
 * @param nowMs milliseconds since 1970; `random` returns [0, 1).
 */
export function newRunId(nowMs: number, random: () => number): RunId {
  const suffix = Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0');
  // Nine base-36 digits hold every millisecond until the year 5188, so ids sort as text too.
  return `run-${Math.floor(nowMs).toString(36).padStart(9, '0')}-${suffix}`;
}

/** The best validation accuracy a run reached, or null before its first epoch. */
export function bestValAccuracy(run: Pick<RunSummary, 'epochs'>): number | null {
  let best: number | null = null;
  for (const epoch of run.epochs) if (best === null || epoch.valAccuracy > best) best = epoch.valAccuracy;
  return best;
}

/** The runs waiting in the queue, first to train first. */
export function queuedRuns(runs: readonly RunSummary[]): RunSummary[] {
  return runs.filter((run) => run.status === 'queued').sort((a, b) => (a.queuedAt ?? 0) - (b.queuedAt ?? 0));
}

/**
 * A default name that says what differs: "SGD lr 0.01, batch 512" numbered after the runs before it
 * ("Run 3 · Adam lr 0.002, batch 32").
 */
export function defaultRunName(lab: RunLab, runNumber: number): string {
  const settings = lab.hyperparameters;
  const optimizer = settings.optimizer === 'adam' ? 'Adam' : 'SGD';
  // A run on your own classes says which set and how first: that is what tells it apart.
  const data = lab.classes ? `${lab.classes.setName}, ${lab.transfer ? `transfer${lab.transfer.freeze ? ' (frozen)' : ''}` : 'from scratch'} · ` : '';
  return `Run ${runNumber} · ${data}${optimizer} lr ${settings.learningRate}, batch ${settings.batchSize}`.slice(0, MAX_RUN_NAME_LENGTH);
}

/** Longest run name kept; longer ones are cut (names go into lists, legends and file names). */
export const MAX_RUN_NAME_LENGTH = 80;

/**
 * A name as typed, made usable: trimmed, inner runs of white space made one space, cut at
 * `MAX_RUN_NAME_LENGTH`. Returns null for a name with nothing left, which the caller refuses.
 */
export function cleanRunName(typed: string): string | null {
  const cleaned = typed.replace(/\s+/g, ' ').trim().slice(0, MAX_RUN_NAME_LENGTH);
  return cleaned.length > 0 ? cleaned : null;
}

/** "14.8 MB", "312 kB", "920 B": a stored size in decimal units, as browsers report storage. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${Math.round(bytes / 1e3)} kB`;
  return `${Math.round(bytes)} B`;
}

/**
 * The run the queue trains next: a queued run that was interrupted mid-training (a reload) goes on
 * first, from its last saved epoch; then the queued runs in the order they were queued. Null when
 * nothing waits.
 */
export function nextQueuedRun<T extends Pick<RunSummary, 'status' | 'queuedAt'>>(runs: readonly T[]): T | null {
  const fromQueue = runs.filter((run) => run.queuedAt !== null && (run.status === 'interrupted' || run.status === 'queued'));
  fromQueue.sort((a, b) => (a.status === b.status ? (a.queuedAt ?? 0) - (b.queuedAt ?? 0) : a.status === 'interrupted' ? -1 : 1));
  return fromQueue[0] ?? null;
}
