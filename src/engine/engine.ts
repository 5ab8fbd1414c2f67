import { BackendUnavailableError, startBackend, watchContextLoss } from './backend';
import type { BackendInfo, BackendName, EngineCommand, EngineEvent, EngineHost } from './protocol';
import { isDataCommand } from './protocol-data';
import { createDataHandler } from './data/data-commands';
import { getLoadedDataset } from './data/dataset-store';
import { isTrainCommand } from './protocol-train';
import { createTrainingController } from './training/controller';
import { createRunRepository } from './runs/run-repository-host';
import { createTrainingLock } from './runs/training-lock';
import { createRunBroadcast } from './runs/run-broadcast';
import { isClassifyCommand } from './protocol-classify';
import { createClassifyHandler } from './classify/classify-commands';
import { createModelLibrary } from './classify/model-library';
import { isInspectCommand } from './protocol-inspect';
import { createInspectHandler } from './inspect/inspect-handler';
import { isProbeCommand } from './protocol-probe';
import { probeBackend } from './backend-probe';
import { isEvaluateCommand } from './protocol-evaluate';
import { createEvaluateNowHandler } from './training/evaluate-now';
import { browserTrainingWorkers } from './parallel/browser-gradient-worker';
import { isSaliencyCommand } from './protocol-saliency';
import { createSaliencyHandler } from './saliency/saliency-handler';
import { createClassSetStore } from './classes/idb-class-set-store';
import { createTransferSources } from './training/transfer-source';
import { isClassesCommand } from './protocol-classes';
import { createClassesHandler } from './classes/classes-commands';

/** An engine instance: feed it commands, it answers through the `emit` callback it was made with. */
export interface Engine {
  /** Handle one command. Never throws: failures become `error` or `init-failed` events. */
  handle(command: EngineCommand): Promise<void>;
}

/**
 * Make an engine for `host`. The same code runs in the worker and, as a fall-back, on the main thread.
 *
 * Fall-back order when WebGL is asked for: in the worker, failure is reported (`init-failed`) so the
 * client can retry on the main thread, where WebGL may still work; on the main thread, cpu is the
 * last resort, and the returned info says why it was taken.
 */
export function createEngine(host: EngineHost, emit: (event: EngineEvent) => void): Engine {
  let info: BackendInfo | null = null;
  // The class sets of this browser (IndexedDB): the own-classes handler edits them, own-classes runs train on them.
  const classSets = createClassSetStore();
  const runs = createRunRepository();
  // The pretrained model's address as the page last gave it: transfer learning may start from it.
  let pretrainedUrl: string | null = null;
  // Queued runs wait for the data set: its arrival lets the queue go on.
  const data = createDataHandler((event) => {
    emit(event);
    if (event.type === 'data-loaded') training.dataArrived();
  });
  const training = createTrainingController({
    emit,
    getData: getLoadedDataset,
    runs,
    lock: createTrainingLock(),
    broadcast: createRunBroadcast(),
    backend: () => info?.backend ?? 'unknown',
    softwareRenderer: () => info?.softwareRenderer ?? false,
    // Runs on wasm train data-parallel on one worker per core where measured faster (issue 19).
    workers: () => browserTrainingWorkers(),
    // The confusion matrix of each epoch travels apart from the throttled progress points.
    // A run on your own classes sends its class names and held-out pictures along (they live only here).
    onEpochPredictions: (runId, epoch, validation, own) => emit({ type: 'inspect-epoch-predictions', evaluation: { runId, epoch, ...validation, ...(own ?? {}) } }),
    classSets,
    transferSource: createTransferSources({
      runs,
      pretrained: () => (pretrainedUrl ? classify.pretrainedModel(pretrainedUrl) : Promise.reject(new Error('its address is not known yet: start the run again'))),
    }),
  });
  const classify = createClassifyHandler({ emit, trainedModel: () => training.currentModel(), library: createModelLibrary() });
  // The inspector borrows the classify handler's pretrained model, so the weights are loaded once.
  const inspect = createInspectHandler({ emit, trainedModel: () => training.currentModel(), loadPretrained: (url) => classify.pretrainedModel(url) });
  // "Why this class" borrows the model Classify answers with.
  const saliency = createSaliencyHandler({ emit, borrowModel: (kind) => classify.borrowModel(kind) });
  // "Evaluate now" borrows the resting run's model from the controller, or the pretrained one likewise.
  const classes = createClassesHandler({ emit, store: classSets });
  const evaluateNow = createEvaluateNowHandler({ emit, getData: getLoadedDataset, lendRunModel: () => training.lendModel(), loadPretrained: (url) => classify.pretrainedModel(url) });

  async function init(id: number, preferred: BackendName, reason: string): Promise<void> {
    try {
      info = await startBackend(preferred, host, reason);
    } catch (error) {
      const message = describeError(error);
      if (preferred === 'cpu' || host === 'worker') {
        emit({ type: 'init-failed', id, message: `${preferred} in the ${host}: ${message}` });
        return;
      }
      try {
        info = await startBackend('cpu', host, `${reason}; ${preferred === 'webgl' ? 'WebGL' : preferred} failed on the main thread too (${message}), so training uses the cpu backend`);
      } catch (cpuError) {
        emit({ type: 'init-failed', id, message: `cpu on the main thread: ${describeError(cpuError)}` });
        return;
      }
    }
    watchContextLoss((message) => {
      emit({ type: 'webgl-context-lost', message });
      training.contextLost(message);
    });
    emit({ type: 'ready', id, info });
  }

  return {
    async handle(command) {
      if (command.type === 'classify-prepare') pretrainedUrl = command.modelUrl;
      if ('pretrainedModelUrl' in command && typeof command.pretrainedModelUrl === 'string') pretrainedUrl = command.pretrainedModelUrl;
      if (isDataCommand(command)) return data.handle(command);
      if (isTrainCommand(command)) return training.handle(command);
      if (isClassifyCommand(command)) return classify.handle(command);
      if (isInspectCommand(command)) return inspect.handle(command);
      if (isProbeCommand(command)) return probeBackend(command, emit);
      if (isEvaluateCommand(command)) return evaluateNow.handle(command);
      if (isSaliencyCommand(command)) return saliency.handle(command);
      if (isClassesCommand(command)) return classes.handle(command);
      switch (command.type) {
        case 'init':
          await init(command.id, command.preferredBackend, command.reason);
          return;
        case 'dispose':
          info = null;
          return;
      }
    },
  };
}

function describeError(error: unknown): string {
  if (error instanceof BackendUnavailableError) return error.message;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
