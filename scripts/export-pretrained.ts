/**
 * Turn a checkpoint folder of `npm run train` into the pretrained model the app ships:
 *
 *   npx tsx scripts/export-pretrained.ts <checkpoint dir> [--out public/models/cifar10-tutorial]
 *
 * Writes model.json (tfjs layers format, weights renamed to weights.bin) and model-card.json (in the
 * lab schema's form, `src/core/lab/model-card.ts`): the accuracy on the full test set, the epochs,
 * the network and settings and the seconds the run took, read from the checkpoint's own history — so
 * the numbers the app and README show come from the run itself.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeModelCard } from '../src/core/lab/model-card';
import { readStateFile } from './train/folder-checkpoint-store';

interface ModelJson {
  weightsManifest: Array<{ paths: string[]; weights: unknown[] }>;
  [key: string]: unknown;
}

function main(argv: readonly string[]): void {
  const [checkpointDir, ...rest] = argv;
  if (!checkpointDir) throw new Error('usage: export-pretrained.ts <checkpoint dir> [--out DIR]');
  const outIndex = rest.indexOf('--out');
  const outDir = outIndex >= 0 ? (rest[outIndex + 1] ?? '') : 'public/models/cifar10-tutorial';
  const model = JSON.parse(readFileSync(join(checkpointDir, 'model.json'), 'utf8')) as ModelJson;
  const state = readStateFile(join(checkpointDir, 'training-state.json'));
  const group = model.weightsManifest[0];
  if (model.weightsManifest.length !== 1 || !group || group.paths.length !== 1) throw new Error('expected one weights file');
  const [weightsFile] = group.paths;
  if (!weightsFile) throw new Error('model.json names no weights file');
  mkdirSync(outDir, { recursive: true });
  copyFileSync(join(checkpointDir, weightsFile), join(outDir, 'weights.bin'));
  group.paths = ['weights.bin'];
  model.generatedBy = `CNN Playground npm run train (TensorFlow.js 4.22.0), epoch ${state.epochsDone}`;
  writeFileSync(join(outDir, 'model.json'), JSON.stringify(model));
  const last = state.history.epochs[state.history.epochs.length - 1];
  if (!last) throw new Error('the checkpoint has no validated epoch');
  const card = writeModelCard({
    name: 'Tutorial CNN, pretrained on CIFAR-10',
    testAccuracy: last.valAccuracy,
    testImages: 10_000,
    epochs: state.epochsDone,
    trainingSeconds: Math.round(state.history.epochs.reduce((sum, epoch) => sum + epoch.seconds, 0)),
    backend: state.backend,
    trainedAt: state.savedAt,
    // The run may have been stopped before its planned total: the card states the epochs it had.
    lab: { architecture: state.spec, hyperparameters: { ...state.hyperparameters, epochs: state.epochsDone } },
    history: state.history.epochs.map(({ epoch, loss, accuracy, valLoss, valAccuracy, seconds }) => ({ epoch, loss, accuracy, valLoss, valAccuracy, seconds })),
  });
  writeFileSync(join(outDir, 'model-card.json'), `${JSON.stringify(card, null, 2)}\n`);
  process.stdout.write(`wrote ${outDir}: epoch ${card.epochs}, test accuracy ${(card.testAccuracy * 100).toFixed(2)}%\n`);
}

main(process.argv.slice(2));
