/**
 * The engine's side of saved runs: every change goes to the repository, then out as a `run-saved` /
 * `runs-deleted` event to this tab's page and over the broadcast to the other tabs (whose engines
 * pass it to their pages, so a tab that does not train can watch).
 */
import type { RunId } from '../../core/training/run-record';
import { cleanRunName } from '../../core/training/run-record';
import { isActive, type RunStatus } from '../../core/training/training-lifecycle';
import type { TrainEvent } from '../protocol-train';
import type { RunBroadcast } from './run-broadcast';
import { createRunRecord, withEpochSaved, withStatus, type EpochSaved, type NewRun } from './run-records';
import { summaryOf, type RunRecord, type RunRepository } from './run-repository';

/** The run book: the repository, with every change announced. */
export interface RunBook {
  readonly repository: RunRepository;
  /** Store a new run and announce it. */
  create(run: Omit<NewRun, 'now'>): Promise<RunRecord>;
  /** Change a run's status (and message) and announce it; resolves to the stored record, or null if there is none. */
  setStatus(id: RunId, status: RunStatus, message: string | null): Promise<RunRecord | null>;
  /** Save an epoch's checkpoint with the record's new history and announce it; null if the run was deleted meanwhile. */
  saveEpoch(id: RunId, saved: EpochSaved): Promise<RunRecord | null>;
  /** Rename a run. @throws Error for a name with nothing in it, or an unknown run. */
  rename(id: RunId, typed: string): Promise<void>;
  /** Delete runs (not `protectedIds`); resolves to the deleted ids and the bytes freed. @throws Error naming a protected run. */
  delete(ids: readonly RunId[], protectedIds: readonly RunId[], requestId: number): Promise<void>;
  /**
   * Runs recorded as training when no tab trains any more (the page was closed or reloaded mid-run)
   * become `interrupted`: their last saved epoch can be continued.
   */
  markInterrupted(): Promise<void>;
}

/** Make the run book. `now` is the clock (tests pass their own). */
export function createRunBook(repository: RunRepository, emit: (event: TrainEvent) => void, broadcast: RunBroadcast | null, now: () => Date = () => new Date()): RunBook {
  const publish = (record: RunRecord | null): RunRecord | null => {
    if (!record) return null;
    const run = summaryOf(record);
    emit({ type: 'run-saved', run });
    broadcast?.post({ kind: 'saved', run });
    return record;
  };
  // Another tab's changes reach this tab's page too.
  broadcast?.listen((message) => {
    if (message.kind === 'saved') emit({ type: 'run-saved', run: message.run });
    else emit({ type: 'runs-deleted', id: null, runIds: message.runIds, freedBytes: message.freedBytes });
  });
  return {
    repository,
    async create(run) {
      const record = createRunRecord({ ...run, now: now() });
      await repository.put(record);
      publish(record);
      return record;
    },
    async setStatus(id, status, message) {
      return publish(await repository.update(id, (record) => withStatus(record, status, message, now())));
    },
    async saveEpoch(id, saved) {
      return publish(await repository.saveCheckpoint(id, saved.checkpoint, (record) => withEpochSaved(record, saved, now())));
    },
    async rename(id, typed) {
      const name = cleanRunName(typed);
      if (name === null) throw new Error('a run needs a name: type at least one letter or digit');
      const stored = await repository.update(id, (record) => ({ ...record, name, updatedAt: now().toISOString() }));
      if (!stored) throw new Error(`there is no run ${id}: it may have been deleted in another tab`);
      publish(stored);
    },
    async delete(ids, protectedIds, requestId) {
      const refused = ids.filter((id) => protectedIds.includes(id));
      if (refused.length > 0) throw new Error('a run that is training cannot be deleted: stop it first');
      const freedBytes = await repository.delete(ids);
      emit({ type: 'runs-deleted', id: requestId, runIds: ids, freedBytes });
      broadcast?.post({ kind: 'deleted', runIds: ids, freedBytes });
    },
    async markInterrupted() {
      for (const record of await repository.list()) {
        if (!isActive(record.status)) continue;
        const saved = record.epochsDone > 0 ? `it can go on from its last saved epoch (${record.epochsDone} of ${record.lab.hyperparameters.epochs})` : 'no epoch was saved, so it would start again';
        publish(await repository.update(record.id, (stored) => (isActive(stored.status) ? withStatus(stored, 'interrupted', `The page was closed or reloaded while this run trained; ${saved}.`, now()) : null)));
      }
    },
  };
}
