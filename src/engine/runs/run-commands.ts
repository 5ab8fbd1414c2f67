/** The run list's commands: list, detail, rename, delete and enqueue — everything but training itself. */
import type { RunId } from '../../core/training/run-record';
import { isActive } from '../../core/training/training-lifecycle';
import type { BatchPoint, EpochSummary } from '../../core/training/training-record';
import type { TrainCommand, TrainEvent } from '../protocol-train';
import type { RunBook } from './run-book';
import { summaryOf } from './run-repository';

/** The run list's commands. */
export type RunListCommand = Extract<TrainCommand, { type: 'runs-list' | 'run-detail' | 'run-rename' | 'runs-delete' | 'runs-enqueue' }>;

/** What the run-list commands need to know of the run in the engine. */
export interface RunCommandsOptions {
  readonly book: RunBook;
  readonly emit: (event: TrainEvent) => void;
  readonly now: () => Date;
  /** The run in the engine: its id, whether it holds the engine, and its history (fresher than the saved one). */
  readonly current: () => { readonly runId: RunId; readonly active: boolean; readonly history: { readonly batches: readonly BatchPoint[]; readonly epochs: readonly EpochSummary[] } | null } | null;
}

/** Carry out the run-list commands. @throws Error for an unknown run or a refused deletion (the controller reports it). */
export function createRunCommands(options: RunCommandsOptions): { handle(command: RunListCommand): Promise<void> } {
  const { book, emit } = options;
  return {
    async handle(command) {
      switch (command.type) {
        case 'runs-list': {
          const records = await book.repository.list();
          emit({ type: 'runs-listed', id: command.id, runs: records.map(summaryOf) });
          return;
        }
        case 'run-detail': {
          const current = options.current();
          const history = (current?.runId === command.runId ? current.history : null) ?? (await book.repository.get(command.runId));
          if (!history) throw new Error(`there is no saved run ${command.runId}: it may have been deleted in another tab`);
          emit({ type: 'run-detail-result', id: command.id, runId: command.runId, batches: history.batches, epochs: history.epochs });
          return;
        }
        case 'run-rename':
          return book.rename(command.runId, command.name);
        case 'runs-delete': {
          // A run training here, or recorded as training (in another tab), is not deleted under it.
          const training = (await book.repository.list()).filter((record) => isActive(record.status)).map((record) => record.id);
          const current = options.current();
          return book.delete(command.runIds, current?.active ? [...training, current.runId] : training, command.id);
        }
        case 'runs-enqueue': {
          const base = options.now().getTime();
          for (const [index, queued] of command.runs.entries()) {
            await book.create({ id: queued.runId, name: queued.name, lab: queued.lab, status: 'queued', queuedAt: base + index });
          }
          return;
        }
      }
    },
  };
}
