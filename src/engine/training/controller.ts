import { validateHyperparameters } from '../../core/training/hyperparameters';
import { nextQueuedRun, type RunId, type RunLab } from '../../core/training/run-record';
import { runClassNames } from '../../core/lab/own-classes-lab';
import { checkClassSet } from './own-classes-data';
import { prepareRunSource } from './run-source';
import { createRunCommands } from '../runs/run-commands';
import { isActive, isEnded, isResting, type TrainingStatus } from '../../core/training/training-lifecycle';
import { describeWarmUp } from '../../core/training/warm-up-batches';
import type { TrainCommand, TrainingWorkersInfo } from '../protocol-train';
import { createRunBook } from '../runs/run-book';
import type { RunRecord } from '../runs/run-repository';
import { localLock, type HeldLock } from '../runs/training-lock';
import type { TrainingCheckpoint } from './checkpoint';
import type { BeginCommand, TrainedModelView, TrainingController, TrainingControllerOptions } from './controller-types';
import { ModelLoanDesk, type ModelLoan } from './model-loan';
import { ProgressEmitter } from './progress-emitter';
import { backendNeedsWarmUp } from './warm-up';
import { runHyperparameters, Trainer } from './trainer';

/** The `id` of a `train-error` that no command caused (a checkpoint that could not be saved). */
export const SAVE_FAILED_ID = -1;

/** What the page is told when another tab holds the training lock. */
export const TRAINING_ELSEWHERE_MESSAGE = 'Training is running in another tab of this browser. Watch it in the run list, or take over: that tab stops after its batch in flight.';

interface Run {
  readonly runId: RunId;
  readonly progress: ProgressEmitter;
  trainer: Trainer | null;
  lab: RunLab;
  status: TrainingStatus;
  /** Pause after this many more batches; null to run on. */
  batchesLeft: number | null;
  /** The loop in flight, if any: at most one per run. */
  loop: Promise<void> | null;
  /** The training lock while this run holds it. */
  lock: HeldLock | null;
  /** False once another tab took the lock over: from then on this run writes nothing to the saved runs. */
  writes: boolean;
  /** Why a stop was asked for by something other than the user (another tab took over), or null. */
  stopMessage: string | null;
  /** True for a run of the queue: when it finishes or fails, the queue goes on. */
  readonly fromQueue: boolean;
  /** Writes to the saved run, in order. */
  saving: Promise<unknown>;
}

/**
 * Make the controller. The loop trains one batch at a time and returns to the event loop between
 * batches — and between the micro-batches of a batch on wasm and cpu — so pause and stop commands are
 * read within one micro-batch (a batch that would take minutes is dropped, and taken again on resume).
 * It is not `model.fit`: each step gathers its own uint8 batch (see `Trainer.step`). After every epoch
 * it saves the run's checkpoint; when a run ends, the next queued run starts.
 */
export function createTrainingController(given: TrainingControllerOptions): TrainingController {
  const options: TrainingControllerOptions = {
    ...given,
    emit: (event) => {
      given.emit(event);
      // A deleted run's kept class-set split goes with it (deleted in this tab or another).
      if (event.type === 'runs-deleted') void given.classSets?.forgetRunData(event.runIds).catch(() => undefined);
    },
  };
  const nowMs = options.nowMs ?? (() => performance.now());
  const now = options.now ?? (() => new Date());
  const lockSource = options.lock ?? localLock();
  const book = createRunBook(options.runs, options.emit, options.broadcast ?? null, now);
  const runCommands = createRunCommands({
    book,
    emit: options.emit,
    now,
    current: () => (run ? { runId: run.runId, active: isActive(run.status), history: run.trainer?.history ?? null } : null),
  });
  let run: Run | null = null;
  const loans = new ModelLoanDesk();
  // Starting runs one at a time: a Start pressed while the queue picks its next run waits its turn.
  let beginning: Promise<void> = Promise.resolve();
  // "Train the queue" was asked for before the data set arrived: the queue starts when it does.
  let queueWanted = false;
  // Runs left 'running' by a page that went away are marked interrupted once no tab trains (the old
  // page's engine gives the lock back as it ends, which may be after this engine starts), then a queue
  // that was training goes on.
  const ready = lockSource
    .whenFree(() => book.markInterrupted())
    .then(() => scheduleNext('interrupted'))
    .catch(() => undefined);

  function lendModel(): ModelLoan | null {
    const current = run;
    const trainer = current?.trainer;
    if (!current || !trainer || loans.lent || current.loop || !isResting(current.status)) return null;
    return loans.lend({ ...viewOf(current, trainer), batchSize: trainer.settings.batchSize });
  }

  function setStatus(target: Run, status: TrainingStatus, message: string | null = null): void {
    if (isEnded(target.status)) return;
    target.progress.flush();
    target.status = status;
    if (isEnded(status)) target.progress.dispose();
    const trainer = target.trainer;
    options.emit({ type: 'train-status', runId: target.runId, status, message, position: trainer?.position ?? null, sizes: trainer?.sizes ?? null, lab: target.lab });
    if (target.writes) target.saving = target.saving.then(() => book.setStatus(target.runId, status, message)).catch(() => undefined);
  }

  /**
   * End `target` by itself (finished, failed, stopped by the user): give the lock back; after a queue
   * run that finished or failed, the queue goes on (a stop holds it).
   */
  function endRun(target: Run, status: TrainingStatus, message: string | null): void {
    setStatus(target, status, message);
    void target.saving.then(() => {
      target.lock?.release();
      target.lock = null;
      if (target.fromQueue && status !== 'stopped') scheduleNext('any');
    });
  }

  function fail(id: number, runId: RunId | null, message: string): void {
    options.emit({ type: 'train-error', id, runId, message });
  }

  function begin(command: BeginCommand): Promise<void> {
    const started = beginning.then(() => beginNow(command, null));
    beginning = started.catch(() => undefined);
    return started;
  }

  async function beginNow(command: BeginCommand, heldLock: HeldLock | null): Promise<void> {
    await loans.recall(command.type === 'train-start' ? 'a new run started' : 'a saved run was opened');
    const inherited = await retire();
    const lock = heldLock ?? inherited ?? (await lockSource.acquire(command.takeOver === true));
    if (!lock) {
      options.emit({ type: 'training-elsewhere', id: command.id, runId: command.runId, message: TRAINING_ELSEWHERE_MESSAGE });
      return;
    }
    let record: RunRecord | null;
    let checkpoint: TrainingCheckpoint | null = null;
    try {
      if (command.type === 'train-start') {
        const own = { ...(command.classes ? { classes: command.classes } : {}), ...(command.classes && command.transfer ? { transfer: command.transfer } : {}) };
        record = await book.create({ id: command.runId, name: command.name, lab: { spec: command.spec, hyperparameters: command.hyperparameters, ...own }, status: 'preparing', queuedAt: null });
      } else {
        record = await options.runs.get(command.runId);
        if (record && record.epochsDone > 0) checkpoint = await options.runs.loadCheckpoint(command.runId);
      }
    } catch (error) {
      lock.release();
      fail(command.id, command.runId, `the saved runs could not be read: ${describe(error)}`);
      return;
    }
    if (!record) {
      lock.release();
      fail(command.id, command.runId, `there is no saved run ${command.runId}: it may have been deleted in another tab`);
      return;
    }
    const current: Run = {
      runId: command.runId,
      progress: new ProgressEmitter(command.runId, options.emit, nowMs, options.progressIntervalMs),
      trainer: null,
      lab: record.lab,
      status: 'preparing',
      batchesLeft: command.pauseAfterBatches,
      loop: null,
      lock,
      writes: true,
      stopMessage: null,
      fromQueue: record.queuedAt !== null,
      saving: Promise.resolve(),
    };
    run = current;
    void lock.lost.then(() => lockLost(current));
    setStatus(current, 'preparing');
    await prepare(current, record, checkpoint, command.type === 'train-continue' ? command.epochs : null);
  }

  async function prepare(current: Run, record: RunRecord, checkpoint: TrainingCheckpoint | null, epochs: number | null): Promise<void> {
    try {
      const lab = record.lab;
      // CIFAR-10, or the run's own class set's split, and for transfer the network it starts from.
      const source = await prepareRunSource(current.runId, lab, checkpoint, { getData: options.getData, classSets: options.classSets, transferSource: options.transferSource });
      const { data } = source;
      const requested = { ...lab.hyperparameters, epochs: epochs ?? lab.hyperparameters.epochs };
      const settings = runHyperparameters(requested, checkpoint);
      const issues = validateHyperparameters(settings, { trainCount: data.train.count, testCount: data.test.count });
      if (issues.length > 0) {
        source.release();
        throw new Error(issues.map((issue) => issue.message).join('; '));
      }
      const workers = options.workers?.() ?? null;
      // The badge shows how many workers the run uses and why; each change is announced.
      const announce = (status: TrainingWorkersInfo): void => options.emit({ type: 'train-workers', runId: current.runId, workers: status });
      const trainer = await Trainer.create({
        spec: lab.spec,
        hyperparameters: settings,
        data,
        backend: options.backend(),
        checkpoint,
        nowMs,
        workers: workers && { ...workers, onStatus: announce },
        classCount: runClassNames(lab).length,
        transfer: source.transfer,
      }).finally(() => source.release());
      if (run !== current) {
        trainer.dispose();
        return;
      }
      current.lab = { ...lab, spec: trainer.spec, hyperparameters: settings };
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
      if (trainer.done) endRun(current, 'finished', trainer.earlyStopMessage ?? `All ${settings.epochs} epochs are done; raise the number of epochs to train on.`);
      else if (current.batchesLeft === 0) setStatus(current, 'paused');
      else runLoop(current);
    } catch (error) {
      endRun(current, 'failed', describe(error));
    }
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
        if (isEnded(current.status)) return;
        if (outcome.kind === 'interrupted') continue;
        if (outcome.kind === 'diverged') {
          endRun(current, 'failed', outcome.message);
          return;
        }
        current.progress.add(trainer.position, outcome.point, outcome.kind === 'epoch' ? outcome.summary : null);
        if (outcome.kind === 'epoch') {
          const own = current.lab.classes ? { classNames: current.lab.classes.classNames, pictures: trainer.trainingData.test.images.slice() } : null;
          options.onEpochPredictions?.(current.runId, outcome.summary.epoch, outcome.validation, own);
          await saveEpoch(current, trainer);
        }
        if (trainer.done) {
          endRun(current, 'finished', trainer.earlyStopMessage);
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
      if (current.status === 'stopping') endRun(current, 'stopped', current.stopMessage);
    } catch (error) {
      endRun(current, 'failed', `Training failed: ${describe(error)}`);
    }
  }

  async function saveEpoch(current: Run, trainer: Trainer): Promise<void> {
    if (!current.writes) return;
    const saved = current.saving.then(async () => {
      try {
        const checkpoint = await trainer.checkpoint(now());
        const history = trainer.history;
        const trainingSeconds = history.epochs.reduce((sum, epoch) => sum + epoch.seconds, 0);
        await book.saveEpoch(current.runId, { lab: current.lab, backend: options.backend(), epochsDone: trainer.position.epoch, epochs: history.epochs, batches: history.batches, trainingSeconds, checkpoint });
      } catch (error) {
        // Training goes on: losing a checkpoint costs a resume, not the run.
        fail(SAVE_FAILED_ID, current.runId, `The checkpoint after epoch ${trainer.position.epoch} could not be saved: ${describe(error)}`);
      }
    });
    current.saving = saved;
    await saved;
  }

  /** Another tab took the training lock over: stop after the batch in flight, and write nothing more. */
  function lockLost(current: Run): void {
    current.lock = null;
    if (run !== current || isEnded(current.status)) return;
    current.writes = false;
    current.stopMessage = 'Another tab of this browser took over training, so this run stopped here. Its last saved epoch is in the run list.';
    if (current.loop) setStatus(current, 'stopping', current.stopMessage);
    else endRun(current, 'stopped', current.stopMessage);
  }

  /** End the current run (waiting for its batch in flight), free its model, and hand back its lock if it still holds it. */
  async function retire(): Promise<HeldLock | null> {
    const previous = run;
    run = null;
    if (!previous) return null;
    if (!isEnded(previous.status)) setStatus(previous, 'stopped');
    await previous.loop;
    await previous.saving;
    previous.progress.dispose();
    previous.trainer?.dispose();
    const lock = previous.lock;
    previous.lock = null;
    return lock;
  }

  /**
   * Start the next queued run when nothing trains, the data is here and no other tab trains; with
   * `interrupted`, only a queue run a reload interrupted (the queue was training then).
   */
  function scheduleNext(which: 'any' | 'interrupted'): void {
    beginning = beginning
      .then(async () => {
        if ((run && isActive(run.status)) || !options.getData()) return;
        const next = nextQueuedRun(await options.runs.list());
        if (!next || (which === 'interrupted' && next.status !== 'interrupted')) return;
        queueWanted = false;
        const lock = await lockSource.acquire(false);
        // Another tab trains: its own queue picks the next run when it is done.
        if (!lock) return;
        await beginNow({ type: 'train-continue', id: SAVE_FAILED_ID, runId: next.id, epochs: null, pauseAfterBatches: null }, lock);
      })
      .catch(() => undefined);
  }

  /** The run a control command names, or null after reporting that it is not the current one. */
  function target(command: { id: number; runId: RunId }): Run | null {
    if (run && run.runId === command.runId) return run;
    fail(command.id, command.runId, `run ${command.runId} is not the run in the engine`);
    return null;
  }

  async function handle(command: TrainCommand): Promise<void> {
    switch (command.type) {
      case 'train-start':
      case 'train-continue':
        return begin(command);
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
        if (!current || isEnded(current.status)) return;
        if (current.loop) setStatus(current, 'stopping');
        else endRun(current, 'stopped', null);
        return;
      }
      case 'train-reset': {
        await loans.recall('the run was reset');
        const lock = await retire();
        lock?.release();
        return;
      }
      case 'runs-list':
      case 'run-detail':
      case 'run-rename':
      case 'runs-delete':
      case 'runs-enqueue':
        return runCommands.handle(command);
      case 'queue-start':
        queueWanted = true;
        scheduleNext('any');
        return;
      case 'train-classes-check': {
        if (!options.classSets) throw new Error('this engine keeps no class sets');
        const check = await checkClassSet(options.classSets, command.setId);
        options.emit({ type: 'train-classes-checked', id: command.id, setId: command.setId, ...check });
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
      if (!run || isEnded(run.status)) return;
      endRun(run, 'failed', `${message} Training stopped; restart the engine to resume from the last saved epoch.`);
    },
    dataArrived: () => scheduleNext(queueWanted ? 'any' : 'interrupted'),
    currentModel() {
      const current = run;
      return current?.trainer ? viewOf(current, current.trainer) : null;
    },
    lendModel,
    ready,
  };
}

function viewOf(current: Run, trainer: Trainer): TrainedModelView {
  return {
    model: trainer.model,
    runId: current.runId,
    position: trainer.position,
    lastEpoch: trainer.history.epochs.at(-1) ?? null,
    validationImages: trainer.sizes.validationImages,
    classNames: runClassNames(current.lab),
  };
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
