import { validateHyperparameters } from '../../core/hyperparameters';
import { describeWarmUp } from '../../core/warm-up-batches';
import type { TrainCommand, TrainingStatus } from '../protocol-train';
import { ENDED_TRAINING_STATUSES } from '../protocol-train';
import type { TrainingCheckpoint } from './checkpoint';
import { summariseCheckpoint } from './checkpoint-summary';
import type { TrainedModelView, TrainingController, TrainingControllerOptions } from './controller-types';
import { ModelLoanDesk, type ModelLoan } from './model-loan';
import { ProgressEmitter } from './progress-emitter';
import { backendNeedsWarmUp } from './warm-up';
import { runHyperparameters, Trainer } from './trainer';

/** The `id` of a `train-error` that no command caused (a checkpoint that could not be saved). */
export const SAVE_FAILED_ID = -1;

/** Statuses in which no step runs or can start by itself: the model can be lent. */
const RESTING_STATUSES: readonly TrainingStatus[] = ['paused', 'stopped', 'finished', 'failed'];

interface Run {
  readonly runId: number;
  readonly progress: ProgressEmitter;
  trainer: Trainer | null;
  status: TrainingStatus;
  /** Pause after this many more batches; null to run on. */
  batchesLeft: number | null;
  /** The loop in flight, if any: at most one per run. */
  loop: Promise<void> | null;
}

/**
 * Make the controller. The loop trains one batch at a time and returns to the event loop between
 * batches — and between the micro-batches of a batch on wasm and cpu — so pause and stop commands are
 * read within one micro-batch (a batch that would take minutes is dropped, and taken again on resume). It is not `model.fit`: each step
 * gathers its own uint8 batch (see `Trainer.step`). After every epoch it saves a checkpoint to `store`.
 */
export function createTrainingController(options: TrainingControllerOptions): TrainingController {
  const nowMs = options.nowMs ?? (() => performance.now());
  let run: Run | null = null;
  const loans = new ModelLoanDesk();

  function lendModel(): ModelLoan | null {
    const current = run;
    const trainer = current?.trainer;
    if (!current || !trainer || loans.lent || current.loop || !RESTING_STATUSES.includes(current.status)) return null;
    return loans.lend({ ...viewOf(trainer), runId: current.runId, batchSize: trainer.settings.batchSize });
  }

  function setStatus(target: Run, status: TrainingStatus, message: string | null = null): void {
    if (ENDED_TRAINING_STATUSES.includes(target.status)) return;
    target.progress.flush();
    target.status = status;
    if (ENDED_TRAINING_STATUSES.includes(status)) target.progress.dispose();
    const trainer = target.trainer;
    options.emit({ type: 'train-status', runId: target.runId, status, message, position: trainer?.position ?? null, sizes: trainer?.sizes ?? null });
  }

  function fail(id: number, runId: number | null, message: string): void {
    options.emit({ type: 'train-error', id, runId, message });
  }

  async function start(command: Extract<TrainCommand, { type: 'train-start' }>): Promise<void> {
    await loans.recall('a new run started');
    await retire();
    const current: Run = { runId: command.runId, progress: new ProgressEmitter(command.runId, options.emit, nowMs, options.progressIntervalMs), trainer: null, status: 'preparing', batchesLeft: command.pauseAfterBatches, loop: null };
    run = current;
    setStatus(current, 'preparing');
    try {
      const data = options.getData();
      if (!data) throw new Error('CIFAR-10 is not loaded yet: wait for the data set to finish loading, then start again');
      const checkpoint = command.resume ? await loadCheckpoint() : null;
      const settings = runHyperparameters(command.hyperparameters, checkpoint);
      const issues = validateHyperparameters(settings, { trainCount: data.train.count, testCount: data.test.count });
      if (issues.length > 0) throw new Error(issues.map((issue) => issue.message).join('; '));
      const trainer = await Trainer.create({ spec: command.spec, hyperparameters: settings, data, backend: options.backend(), checkpoint, nowMs });
      if (run !== current) {
        trainer.dispose();
        return;
      }
      if (!trainer.done && backendNeedsWarmUp(options.backend(), options.softwareRenderer?.() ?? false)) {
        // Seconds on a GPU, more on a slow one: say so rather than look frozen.
        setStatus(current, 'preparing', describeWarmUp(trainer.batchSizes));
        await warmUp(trainer);
        if (run !== current) {
          trainer.dispose();
          return;
        }
      }
      current.trainer = trainer;
      const history = trainer.history;
      for (const epoch of history.epochs) current.progress.add(trainer.position, null, epoch);
      for (const batch of history.batches) current.progress.add(trainer.position, batch);
      if (trainer.done) {
        setStatus(current, 'finished', trainer.earlyStopMessage ?? `All ${settings.epochs} epochs are done; raise the number of epochs to train on.`);
        return;
      }
      if (current.batchesLeft === 0) setStatus(current, 'paused');
      else runLoop(current);
    } catch (error) {
      setStatus(current, 'failed', describe(error));
    }
  }

  async function loadCheckpoint(): Promise<TrainingCheckpoint> {
    const checkpoint = await options.store.load();
    if (!checkpoint) throw new Error('there is no saved checkpoint to resume; start a new run');
    return checkpoint;
  }

  function runLoop(current: Run): void {
    setStatus(current, 'running');
    current.loop = loop(current).finally(() => {
      current.loop = null;
    });
  }

  async function loop(current: Run): Promise<void> {
    const trainer = current.trainer;
    if (!trainer) return;
    try {
      for (;;) {
        // Let pause, step and stop commands in before the next batch.
        await new Promise((resolve) => setTimeout(resolve, 0));
        if (current.status !== 'running') break;
        // A Pause or Stop clicked during a long batch is read between its micro-batches: the batch is dropped, and taken again on resume.
        const outcome = await trainer.step(() => current.status !== 'running');
        if (ENDED_TRAINING_STATUSES.includes(current.status)) return;
        if (outcome.kind === 'interrupted') continue;
        if (outcome.kind === 'diverged') {
          setStatus(current, 'failed', outcome.message);
          return;
        }
        current.progress.add(trainer.position, outcome.point, outcome.kind === 'epoch' ? outcome.summary : null);
        if (outcome.kind === 'epoch') {
          options.onEpochPredictions?.(current.runId, outcome.summary.epoch, outcome.validation);
          await saveCheckpoint(current, trainer);
        }
        if (trainer.done) {
          setStatus(current, 'finished', trainer.earlyStopMessage);
          return;
        }
        if (current.batchesLeft !== null) {
          current.batchesLeft -= 1;
          if (current.batchesLeft <= 0 && current.status === 'running') current.status = 'pausing';
        }
      }
      if (current.status === 'pausing') {
        current.batchesLeft = null;
        setStatus(current, 'paused');
      }
      if (current.status === 'stopping') setStatus(current, 'stopped');
    } catch (error) {
      setStatus(current, 'failed', `Training failed: ${describe(error)}`);
    }
  }

  async function saveCheckpoint(current: Run, trainer: Trainer): Promise<void> {
    try {
      const checkpoint = await trainer.checkpoint();
      await options.store.save(checkpoint);
      options.emit({ type: 'train-checkpoint', runId: current.runId, checkpoint: summariseCheckpoint(checkpoint) });
    } catch (error) {
      // Training goes on: losing a checkpoint costs a resume, not the run.
      fail(SAVE_FAILED_ID, current.runId, `The checkpoint after epoch ${trainer.position.epoch} could not be saved: ${describe(error)}`);
    }
  }

  /** End the current run (waiting for its batch in flight) and free its model. */
  async function retire(): Promise<void> {
    const previous = run;
    run = null;
    if (!previous) return;
    if (!ENDED_TRAINING_STATUSES.includes(previous.status)) setStatus(previous, 'stopped');
    await previous.loop;
    previous.progress.dispose();
    previous.trainer?.dispose();
  }

  /** The run a control command names, or null after reporting that it is not the current one. */
  function target(command: { id: number; runId: number }): Run | null {
    if (run && run.runId === command.runId) return run;
    fail(command.id, command.runId, `run ${command.runId} is not the current run`);
    return null;
  }

  async function handle(command: TrainCommand): Promise<void> {
    switch (command.type) {
      case 'train-start':
        return start(command);
      case 'train-pause': {
        const current = target(command);
        if (current?.status === 'running') setStatus(current, 'pausing');
        return;
      }
      case 'train-resume': {
        await loans.recall('training resumed');
        const current = target(command);
        if (current?.status === 'paused') runLoop(current);
        else if (current?.status === 'pausing') setStatus(current, 'running');
        return;
      }
      case 'train-step': {
        await loans.recall('one more batch was trained');
        const current = target(command);
        if (current?.status !== 'paused') {
          if (current) fail(command.id, command.runId, `a single batch can be stepped only while paused; the run is ${current.status}`);
          return;
        }
        current.batchesLeft = 1;
        runLoop(current);
        return;
      }
      case 'train-stop': {
        const current = target(command);
        if (!current || ENDED_TRAINING_STATUSES.includes(current.status)) return;
        if (current.loop) setStatus(current, 'stopping');
        else setStatus(current, 'stopped');
        return;
      }
      case 'train-reset':
        await loans.recall('the run was reset');
        await retire();
        await options.store.clear().catch(() => undefined);
        options.emit({ type: 'train-checkpoint', runId: null, checkpoint: null });
        return;
      case 'train-query-checkpoint': {
        const saved = await options.store.load().catch(() => null);
        options.emit({ type: 'train-checkpoint', runId: null, checkpoint: saved ? summariseCheckpoint(saved) : null });
        return;
      }
    }
  }

  return {
    handle: (command) =>
      handle(command).catch((error: unknown) => {
        fail(command.id, 'runId' in command ? command.runId : null, describe(error));
      }),
    contextLost(message) {
      if (!run || ENDED_TRAINING_STATUSES.includes(run.status)) return;
      setStatus(run, 'failed', `${message} Training stopped; restart the engine to resume from the last saved epoch.`);
    },
    currentModel() {
      const trainer = run?.trainer;
      return trainer ? viewOf(trainer) : null;
    },
    lendModel,
  };
}

function viewOf(trainer: Trainer): TrainedModelView {
  return { model: trainer.model, position: trainer.position, lastEpoch: trainer.history.epochs.at(-1) ?? null, validationImages: trainer.sizes.validationImages };
}

/** Compile the run's GPU programs; on failure free the trainer (no run holds it yet) and say what failed. */
async function warmUp(trainer: Trainer): Promise<void> {
  try {
    await trainer.warmUp();
  } catch (error) {
    trainer.dispose();
    throw new Error(`Compiling the GPU shaders failed: ${describe(error)}`, { cause: error });
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
