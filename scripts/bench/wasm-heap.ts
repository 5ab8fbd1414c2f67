/**
 * The wasm heap a training loop needs, measured in a fresh Node process per configuration: WebAssembly
 * memory grows to its peak and never shrinks, so in a process that already ran another configuration
 * the heap would show that one's peak. `npm run bench` runs this file as a child process
 * (`measureWasmHeaps`); alone: `npx tsx scripts/bench/wasm-heap.ts --loop=engine --batch=512`.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { BenchConfig, TrainingLoop } from './bench-types';
import { runTrainingConfig } from './measure-training';

/** What one fresh process measured. */
export interface WasmHeapRecord {
  readonly loop: TrainingLoop;
  readonly batchSize: number;
  /** Timed training steps before the heap was read (after one warm-up step). */
  readonly steps: number;
  /** The wasm module's memory after the steps: its peak, since it never shrinks; null when the run failed. */
  readonly heapBytes: number | null;
  readonly imagesPerSecond: number | null;
  /** Why there is no number, when there is none. */
  readonly failure: string | null;
}

/** The configurations `npm run bench` measures: our engine at 64 and 512, stock trainOnBatch (with our kernels) at 512. */
export const WASM_HEAP_PLANS: readonly { readonly loop: TrainingLoop; readonly batchSize: number }[] = [
  { loop: 'engine', batchSize: 64 },
  { loop: 'engine', batchSize: 512 },
  { loop: 'trainOnBatch', batchSize: 512 },
];

const STEPS = 3;

/** Run each plan in its own child process (this file) and collect what they print. */
export async function measureWasmHeaps(log: (line: string) => void): Promise<WasmHeapRecord[]> {
  const records: WasmHeapRecord[] = [];
  for (const plan of WASM_HEAP_PLANS) {
    const record = await runChild(plan.loop, plan.batchSize);
    records.push(record);
    log(`  ${formatWasmHeap(record)}`);
  }
  return records;
}

/** "our engine, batch 512: wasm heap 251.5 MB after 3 steps (266 images/s)". */
export function formatWasmHeap(record: WasmHeapRecord): string {
  const name = `${record.loop === 'engine' ? 'our engine' : 'stock trainOnBatch (our kernels)'}, batch ${record.batchSize}`;
  if (record.heapBytes === null) return `${name}: failed: ${record.failure ?? 'no number'}`;
  const speed = record.imagesPerSecond === null ? '' : ` (${record.imagesPerSecond.toFixed(0)} images/s)`;
  return `${name}: wasm heap ${(record.heapBytes / 2 ** 20).toFixed(1)} MB after ${record.steps} steps${speed}`;
}

function runChild(loop: TrainingLoop, batchSize: number): Promise<WasmHeapRecord> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), `--loop=${loop}`, `--batch=${batchSize}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => {
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (code === 0 && line) resolve(JSON.parse(line) as WasmHeapRecord);
      else resolve({ loop, batchSize, steps: STEPS, heapBytes: null, imagesPerSecond: null, failure: `child exited ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}` });
    });
  });
}

async function main(): Promise<void> {
  const argument = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const loop = argument('loop') === 'trainOnBatch' ? 'trainOnBatch' : 'engine';
  const batchSize = Number(argument('batch') ?? 64);
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`--batch must be a whole number ≥ 1, got ${argument('batch')}`);
  const config: BenchConfig = { environment: 'node', backend: 'wasm', loop, kernels: 'ours', batchSize, minTimedSteps: STEPS, maxTimedSteps: STEPS, minTimedMs: 0, warmUpOnlyAboveMs: Number.POSITIVE_INFINITY };
  const outcome = await runTrainingConfig(config, 'main-thread');
  const heap = (tf.engine().backend as unknown as { wasm?: { HEAPU8?: Uint8Array } }).wasm?.HEAPU8?.length ?? null;
  const record: WasmHeapRecord = {
    loop,
    batchSize,
    steps: STEPS,
    heapBytes: outcome.status === 'ok' ? heap : null,
    imagesPerSecond: outcome.status === 'ok' ? outcome.speed.imagesPerSecond : null,
    failure: outcome.status === 'ok' ? null : outcome.reason,
  };
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
