/**
 * `npm run train -- --out DIR [options]`: train the tutorial's CNN in Node with the app's own engine
 * code (the same Trainer the browser's worker drives), print a table per epoch, checkpoint after every
 * epoch, and continue a run with --resume. Run with --help for the options.
 */
import { existsSync } from 'node:fs';
import { totalmem } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { formatAccuracyLine } from '../src/core/training/training-record';
import { trainingWorkerLimit } from '../src/core/training/training-workers';
import type { TrainingWorkersOptions, TrainingWorkersStatus } from '../src/engine/parallel/data-parallel-training';
import { startBackend } from '../src/engine/backend';
import { Trainer } from '../src/engine/training/trainer';
import { readServedCifar } from './data/served-files';
import { nodeLogicalCores, spawnNodeGradientWorker } from './parallel/node-gradient-workers';
import { CliUsageError, parseTrainArgs, USAGE } from './train/args';
import { createFolderCheckpointStore } from './train/folder-checkpoint-store';
import { tableHeader, tableRow } from './train/table';

async function main(argv: readonly string[]): Promise<number> {
  let options;
  try {
    options = parseTrainArgs(argv);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (!options) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const store = createFolderCheckpointStore(options.outDir);
  const checkpoint = options.resume ? await store.load() : null;
  if (options.resume && !checkpoint) throw new Error(`--resume: ${options.outDir} holds no checkpoint (no training-state.json)`);
  if (!options.resume && existsSync(join(options.outDir, 'training-state.json'))) {
    throw new Error(`${options.outDir} already holds a checkpoint: add --resume to continue it, or choose another --out`);
  }

  const info = await startBackend(options.backend, 'main-thread', 'npm run train');
  const data = readServedCifar(options.dataDir);
  const live = process.stdout.isTTY === true;
  let started = false;
  const workers: TrainingWorkersOptions = {
    spawn: spawnNodeGradientWorker,
    limit: trainingWorkerLimit(nodeLogicalCores(), totalmem() / 2 ** 30),
    fixed: options.workers === 'auto' ? null : options.workers,
    // Said under the heading, then again when the measurement decides (or a worker fails).
    onStatus: (status) => {
      if (started) process.stdout.write(`${live ? '\r\x1b[2K' : ''}${describeWorkers(status)}\n`);
    },
  };
  const trainer = await Trainer.create({ spec: options.spec, hyperparameters: options.hyperparameters, data, backend: info.backend, checkpoint, workers });
  const { trainImages, validationImages } = trainer.sizes;
  const settings = trainer.settings;
  process.stdout.write(
    `${checkpoint ? `Resuming ${options.outDir} after epoch ${checkpoint.epochsDone}` : 'Training'} on ${info.backend} (tfjs ${tf.version.tfjs}): ` +
      `${trainImages} training images, ${validationImages} validation images, batch ${settings.batchSize}, ` +
      `${settings.optimizer} ${describeSchedule(settings)}${settings.optimizer === 'sgd' ? ` momentum ${settings.momentum}` : ''}, seed ${settings.seed}` +
      `${settings.augment ? ', augmented (mirror, shift ≤ 2 px)' : ''}${settings.labelSmoothing > 0 ? `, label smoothing ${settings.labelSmoothing}` : ''}\n` +
      `${checkpoint ? 'Network of the checkpoint' : `Network: ${options.specFile !== null ? `from ${options.specFile}` : options.recipe === 'tutorial' ? 'the tutorial’s' : `recipe ${options.recipe}`}`}, ${trainer.model.countParams().toLocaleString('en-US')} parameters\n`,
  );
  if (trainer.workers) process.stdout.write(`${describeWorkers(trainer.workers)}\n`);
  started = true;
  process.stdout.write(`${tableHeader()}\n`);
  for (const summary of trainer.history.epochs) process.stdout.write(`${tableRow(summary, settings.epochs)}\n`);
  while (!trainer.done) {
    const outcome = await trainer.step();
    if (outcome.kind === 'diverged') {
      process.stderr.write(`\n${outcome.message}\n`);
      trainer.dispose();
      return 1;
    }
    if (live) {
      const { batch, batchesPerEpoch, epoch } = trainer.position;
      process.stdout.write(`\r  epoch ${epoch + 1} batch ${batch}/${batchesPerEpoch}  loss ${outcome.point.loss.toFixed(4)}  `);
    }
    if (outcome.kind === 'epoch') {
      await store.save(await trainer.checkpoint());
      process.stdout.write(`${live ? '\r\x1b[2K' : ''}${tableRow(outcome.summary, settings.epochs)}\n`);
      if (outcome.stopMessage) process.stdout.write(`${outcome.stopMessage}\n`);
    }
  }
  const last = trainer.history.epochs.at(-1);
  if (last) process.stdout.write(`${formatAccuracyLine(last.valAccuracy)} (on ${validationImages} test images)\nCheckpoint: ${options.outDir}\n`);
  trainer.dispose();
  return 0;
}

function describeWorkers(status: TrainingWorkersStatus): string {
  const exchange = status.exchange ? ` (weights and gradients through ${status.exchange === 'shared' ? 'shared memory' : 'transferred copies'})` : '';
  return `Workers: ${status.reason}${exchange}`;
}

/** "lr 0.01 decay 0.0004" or "one-cycle to lr 0.002". */
function describeSchedule(settings: { learningRate: number; decay: number; learningRateSchedule: string }): string {
  return settings.learningRateSchedule === 'one-cycle' ? `one-cycle to lr ${settings.learningRate}` : `lr ${settings.learningRate} decay ${settings.decay}`;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`train: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
