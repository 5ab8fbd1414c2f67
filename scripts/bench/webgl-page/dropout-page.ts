/**
 * The dropout benchmark page: exposes `window.benchDropout`, which times stock `tf.dropout` against
 * `dropoutOnBackend` (our GPU mask) on the webgl backend, each followed by a scalar sum read back, so
 * a call's time includes all of its GPU work. Runs on the main thread: nothing else runs on the page.
 */
import * as tf from '@tensorflow/tfjs';
import { startBackend } from '../../../src/engine/backend';
import { dropoutOnBackend, gpuDropoutAvailable } from '../../../src/engine/webgl/dropout-op';
import type { DropoutBenchConfig, DropoutBenchOutcome, DropoutBenchPageApi, DropoutBenchRow } from './dropout-types';

/** Milliseconds one call of `reduce` takes, up to its scalar being on the CPU. */
async function timeCall(reduce: () => tf.Tensor): Promise<number> {
  const startMs = performance.now();
  const total = tf.tidy(reduce);
  await total.data();
  const elapsedMs = performance.now() - startMs;
  total.dispose();
  return elapsedMs;
}

async function measureShape(shape: readonly number[], config: DropoutBenchConfig, seedStart: number): Promise<DropoutBenchRow> {
  // As a convolution layer leaves it: relu's output, a packed texture on the GPU.
  const x = tf.tidy(() => tf.relu(tf.randomUniform([...shape], -1, 1, 'float32', 1)));
  let seed = seedStart;
  const paths = {
    stock: () => tf.sum(tf.dropout(x, config.rate)),
    ours: () => tf.sum(dropoutOnBackend(x, config.rate, seed++)),
    sumOnly: () => tf.sum(x),
  };
  try {
    // Warm-up: compiles every shader for this shape, so timed calls measure steady state.
    for (const reduce of Object.values(paths)) await timeCall(reduce);
    const times = { stock: [] as number[], ours: [] as number[], sumOnly: [] as number[] };
    // Interleaved, so a slow patch of the machine affects every path alike.
    for (let call = 0; call < config.timedCalls; call += 1) {
      times.stock.push(await timeCall(paths.stock));
      times.ours.push(await timeCall(paths.ours));
      times.sumOnly.push(await timeCall(paths.sumOnly));
    }
    return { shape: [...shape], stockMs: times.stock, oursMs: times.ours, sumOnlyMs: times.sumOnly };
  } finally {
    x.dispose();
  }
}

async function benchDropout(config: DropoutBenchConfig): Promise<DropoutBenchOutcome> {
  try {
    const info = await startBackend('webgl', 'main-thread', 'dropout benchmark');
    if (!gpuDropoutAvailable()) return { status: 'failed', reason: 'our dropout kernel is not available on this webgl backend' };
    const rows: DropoutBenchRow[] = [];
    for (const [index, shape] of config.shapes.entries()) rows.push(await measureShape(shape, config, index * 1_000_000));
    return { status: 'ok', renderer: info.renderer ?? 'unknown', webglVersion: info.webglVersion ?? 0, rows };
  } catch (error) {
    return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
  }
}

const api: DropoutBenchPageApi = { benchDropout };
Object.assign(window, api);
