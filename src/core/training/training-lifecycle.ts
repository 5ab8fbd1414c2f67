/**
 * A training run's life, in one place: the statuses a run passes through and the questions every
 * part of the app asks of them ("may a new run start?", "may its model be lent?", "is it over?").
 * Pure, so the engine's controller, the store and the views answer them the same way.
 *
 * `preparing` (building the model, reading a checkpoint, compiling GPU shaders) → `running` →
 * `pausing` (waits for the batch in flight) → `paused` → … → `stopping` (likewise) → one of the ends:
 * `stopped` by the user, `finished` (all epochs, or early stopping), `failed` (a NaN loss, an error,
 * a lost GPU).
 */

/** Where the engine's current run is. */
export type TrainingStatus = 'preparing' | 'running' | 'pausing' | 'paused' | 'stopping' | 'stopped' | 'finished' | 'failed';

/**
 * Where a saved run is: a training status, or one of the two a run can only have in the run list:
 * `queued` (waiting for its turn) and `interrupted` (it was training when the page went away; its
 * last saved epoch can be resumed).
 */
export type RunStatus = TrainingStatus | 'queued' | 'interrupted';

/** What the Train view shows: `idle` before any run (or after Reset), else the shown run's status. */
export type TrainingPhase = 'idle' | TrainingStatus;

const ACTIVE: ReadonlySet<string> = new Set<TrainingStatus>(['preparing', 'running', 'pausing', 'paused', 'stopping']);
const STEPPING: ReadonlySet<string> = new Set<TrainingStatus>(['preparing', 'running', 'pausing', 'stopping']);
const RESTING: ReadonlySet<string> = new Set<TrainingStatus>(['paused', 'stopped', 'finished', 'failed']);
const ENDED: ReadonlySet<string> = new Set<TrainingStatus>(['stopped', 'finished', 'failed']);

/** The statuses after which a run does nothing more, in a fixed order. */
export const ENDED_TRAINING_STATUSES: readonly TrainingStatus[] = ['stopped', 'finished', 'failed'];

/**
 * True while a run holds the engine — preparing, running, pausing, paused or stopping: no other run may
 * start, and the settings it was started with may not be edited.
 */
export function isActive(status: RunStatus | TrainingPhase): boolean {
  return ACTIVE.has(status);
}

/** True while a step may be in flight or about to start by itself (preparing, running, pausing, stopping). */
export function isStepping(status: RunStatus | TrainingPhase): boolean {
  return STEPPING.has(status);
}

/**
 * True when no step runs or can start by itself — paused, stopped, finished or failed: the run's model
 * stays still and can be lent (to "Evaluate now", the network's insides).
 */
export function isResting(status: RunStatus | TrainingPhase): boolean {
  return RESTING.has(status);
}

/** True once the run can do nothing more by itself: stopped, finished or failed. */
export function isEnded(status: RunStatus | TrainingPhase): boolean {
  return ENDED.has(status);
}

/** True for a run of the list whose last saved epoch can be continued (stopped, failed or interrupted, with a checkpoint). */
export function isResumable(status: RunStatus, epochsDone: number, epochs: number): boolean {
  return (status === 'stopped' || status === 'failed' || status === 'interrupted' || status === 'paused') && epochsDone < epochs;
}
