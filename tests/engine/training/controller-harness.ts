import * as tf from '@tensorflow/tfjs';
import type { RunId } from '../../../src/core/training/run-record';
import type { TrainCommand, TrainEvent, TrainingStatus } from '../../../src/engine/protocol-train';
import { createMemoryRunRepository, type RunRepository } from '../../../src/engine/runs/run-repository';
import type { HeldLock, TrainingLock } from '../../../src/engine/runs/training-lock';
import { createTrainingController } from '../../../src/engine/training/controller';
import type { TrainingController, TrainingControllerOptions } from '../../../src/engine/training/controller-types';
import type { TrainingData } from '../../../src/engine/training/trainer-types';
import type { ClassSetStore } from '../../../src/engine/classes/class-set-store';
import type { LoadTransferSource } from '../../../src/engine/training/transfer-source';
import { makeBandSplit, TINY_SPEC, tinySettings } from './fixtures';

/** The tiny learnable data set of the controller tests. */
export const CONTROLLER_DATA: TrainingData = { train: makeBandSplit(96, 1), test: makeBandSplit(30, 2) };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A controller with its events recorded. */
export interface Harness {
  readonly controller: TrainingController;
  readonly events: { event: TrainEvent; atMs: number }[];
  readonly runs: RunRepository;
  send(command: DistributiveOmit<TrainCommand, 'id'>): Promise<void>;
  /** Wait until an event matching `predicate` has arrived; returns it. */
  until(predicate: (event: TrainEvent) => boolean): Promise<TrainEvent>;
  statuses(runId: RunId): TrainingStatus[];
}

/** Options of a test controller. */
export interface HarnessOptions {
  readonly withData?: boolean;
  readonly runs?: RunRepository;
  readonly lock?: TrainingLock;
  /** Every batch point is sent at once (no throttle), so a test can count them without waiting. */
  readonly unthrottled?: boolean;
  /** Class sets, for runs on your own classes. */
  readonly classSets?: ClassSetStore;
  /** Transfer learning's source networks. */
  readonly transferSource?: LoadTransferSource;
  /** Each epoch's validation predictions. */
  readonly onEpochPredictions?: TrainingControllerOptions['onEpochPredictions'];
}

/** Make a controller on tfjs's cpu backend with a memory repository (or `options.runs`). */
export function harness(options: HarnessOptions = {}): Harness {
  const events: { event: TrainEvent; atMs: number }[] = [];
  const runs = options.runs ?? createMemoryRunRepository();
  const data: TrainingData | null = options.withData === false ? null : CONTROLLER_DATA;
  const controller = createTrainingController({
    emit: (event) => events.push({ event, atMs: performance.now() }),
    getData: () => data,
    runs,
    lock: options.lock,
    backend: () => tf.getBackend(),
    progressIntervalMs: options.unthrottled ? 0 : undefined,
    classSets: options.classSets,
    transferSource: options.transferSource,
    onEpochPredictions: options.onEpochPredictions,
  });
  let nextId = 1;
  return {
    controller,
    events,
    runs,
    send: (command) => controller.handle({ ...command, id: nextId++ } as TrainCommand),
    async until(predicate) {
      // Bounded by the test's own timeout, not by a clock of ours.
      for (;;) {
        const found = events.find(({ event }) => predicate(event));
        if (found) return found.event;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    statuses: (runId) => events.flatMap(({ event }) => (event.type === 'train-status' && event.runId === runId ? [event.status] : [])),
  };
}

/** Matches the status event of `runId` reaching `status`. */
export function isStatus(runId: RunId, status: TrainingStatus) {
  return (event: TrainEvent) => event.type === 'train-status' && event.runId === runId && event.status === status;
}

/** Every progress event of `runId`, with its arrival time. */
export function progressOf(h: Harness, runId: RunId) {
  return h.events.flatMap(({ event, atMs }) => (event.type === 'train-progress' && event.runId === runId ? [{ ...event, atMs }] : []));
}

/** The iteration of every batch point `runId` reported, in order. */
export function iterationsOf(h: Harness, runId: RunId): number[] {
  return progressOf(h, runId).flatMap((event) => event.batches.map((point) => point.iteration));
}

/** A `train-start` of the tiny network. */
export const start = (runId: RunId, changes: Parameters<typeof tinySettings>[0] = {}, extra: Partial<Extract<TrainCommand, { type: 'train-start' }>> = {}) =>
  ({ type: 'train-start', runId, name: `Run ${runId}`, spec: TINY_SPEC, hyperparameters: tinySettings(changes), pauseAfterBatches: null, ...extra }) as const;

/**
 * Let the event loop turn `turns` times. A running training loop takes a step every turn or two on the
 * cpu backend (its only wait between steps is one `setTimeout(0)`), so many turns without a new batch
 * prove that it does not run — counted in turns, not milliseconds, so a slow machine checks the same.
 */
export async function turns(count = 50): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Two tabs' view of one Web Lock: `tab()` makes a tab's `TrainingLock`; a take-over ends the other
 * tab's hold by resolving its `lost`, as `navigator.locks.request(…, { steal: true })` rejects it.
 */
export function sharedLock(): { tab(): TrainingLock } {
  let holder: { lose(): void } | null = null;
  return {
    tab: () => ({
      async acquire(takeOver) {
        if (holder && !takeOver) return null;
        holder?.lose();
        let lose = (): void => undefined;
        const lost = new Promise<void>((resolve) => {
          lose = resolve;
        });
        const entry = { lose: () => lose() };
        holder = entry;
        const held: HeldLock = {
          release: () => {
            if (holder === entry) holder = null;
          },
          lost,
        };
        return held;
      },
      whenFree: async (task) => {
        if (holder === null) await task();
      },
    }),
  };
}
