import { imagesPerSecond, isSoftwareRenderer, wantsAnotherStep, type ProbeRecord } from '../core/backend/backend-probe-rules';
import { CIFAR_IMAGE_BYTES } from '../core/data/cifar-format';
import { DEFAULT_HYPERPARAMETERS } from '../core/training/hyperparameters';
import { DEFAULT_MODEL_SPEC } from '../core/model/model-spec';
import { seededRandom } from '../core/common/seeded-random';
import { startBackend } from './backend';
import type { EngineEvent } from './protocol';
import type { ProbeCommand } from './protocol-probe';
import { buildModel } from './training/build-model';
import { createOptimizer } from './training/optimizer';
import { trainableVariables, trainStep } from './training/train-step';

/**
 * Time training steps of the tutorial model on `command.backend`, with the engine's own step (uint8
 * upload, cross-entropy, the tutorial's SGD): one untimed step, then timed ones until
 * `minTimedMs` were timed or `maxTimedSteps` ran. Reports each phase and step as it goes, so the page
 * can stop a slow probe by terminating this worker, and a `probe-result` at the end.
 *
 * Meant for a worker of its own: it switches the worker's tfjs backend. Frees every tensor it makes.
 * Never throws: a backend that cannot start, or a step that fails, is an `unavailable` record.
 */
export async function probeBackend(command: ProbeCommand, emit: (event: EngineEvent) => void): Promise<void> {
  const { id, backend, batchSize } = command;
  const record = (renderer: string | null, outcome: ProbeRecord['outcome']): void =>
    emit({ type: 'probe-result', id, record: { backend, renderer, softwareRenderer: renderer !== null && isSoftwareRenderer(renderer), batchSize, outcome } });
  emit({ type: 'probe-phase', id, phase: 'starting', renderer: null });
  let renderer: string | null;
  try {
    renderer = (await startBackend(backend, 'worker', 'probe')).renderer;
  } catch (error) {
    record(null, { status: 'unavailable', reason: messageOf(error) });
    return;
  }
  emit({ type: 'probe-phase', id, phase: 'warm-up', renderer });
  const model = buildModel(DEFAULT_MODEL_SPEC, 1);
  const optimizer = createOptimizer(DEFAULT_HYPERPARAMETERS);
  const variables = trainableVariables(model);
  const { images, labels } = syntheticBatch(batchSize);
  const step = async (): Promise<number> => {
    const startMs = performance.now();
    await trainStep(model, optimizer.optimizer, variables, images, labels);
    return performance.now() - startMs;
  };
  try {
    const firstStepMs = await step();
    emit({ type: 'probe-phase', id, phase: 'timed', renderer });
    const stepMs: number[] = [];
    while (wantsAnotherStep(stepMs, command)) {
      const ms = await step();
      stepMs.push(ms);
      emit({ type: 'probe-step', id, ms });
    }
    record(renderer, { status: 'measured', imagesPerSecond: imagesPerSecond(stepMs, batchSize), firstStepMs, stepMs });
  } catch (error) {
    record(renderer, { status: 'unavailable', reason: `training failed: ${messageOf(error)}` });
  } finally {
    model.dispose();
    optimizer.optimizer.dispose();
  }
}

/** `count` seeded random CIFAR-shaped images (NHWC uint8) and labels cycling through the ten classes. */
function syntheticBatch(count: number): { images: Uint8Array; labels: Uint8Array } {
  const random = seededRandom(count);
  const images = new Uint8Array(count * CIFAR_IMAGE_BYTES);
  for (let i = 0; i < images.length; i++) images[i] = Math.floor(random() * 256);
  return { images, labels: Uint8Array.from({ length: count }, (_, i) => i % 10) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
