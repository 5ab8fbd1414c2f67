import * as tf from '@tensorflow/tfjs';
import { startBackend } from './src/engine/backend';
import { buildModel } from './src/engine/training/build-model';
import { createOptimizer } from './src/engine/training/optimizer';
import { trainableVariables } from './src/engine/training/train-step';
import { profileTrainingStep } from './scripts/bench/step-profile';
import { BETTER_RECIPE, TUTORIAL_RECIPE } from './src/core/training/recipes';
import { readServedCifar } from './scripts/data/served-files';
await startBackend('wasm', 'main-thread', 'prof');
const data = readServedCifar('public/data/cifar10', { verifyChecksums: false });
for (const recipe of [TUTORIAL_RECIPE, BETTER_RECIPE]) {
  const model = buildModel(recipe.spec, 1);
  const { optimizer } = createOptimizer(recipe.hyperparameters);
  const variables = trainableVariables(model);
  const n = recipe.hyperparameters.batchSize;
  await profileTrainingStep(model, optimizer, variables, data.train, n, 0);
  const p = await profileTrainingStep(model, optimizer, variables, data.train, n, 1);
  console.log(recipe.id, 'batch', n, 'wall', p.wallMs.toFixed(0), 'ms', (n / p.wallMs * 1000).toFixed(1), 'img/s');
  const byPhase = new Map<string, number>();
  for (const k of p.kernels) byPhase.set(k.phase, (byPhase.get(k.phase) ?? 0) + k.ms);
  console.log([...byPhase].map(([a, b]) => `${a} ${b.toFixed(0)}`).join(', '));
  for (const k of [...p.kernels].sort((a, b) => b.ms - a.ms).slice(0, 18)) console.log(`  ${k.phase.padEnd(8)} ${k.kernel.padEnd(24)} ${k.shape.padEnd(14)} x${k.calls} ${k.ms.toFixed(1)}`);
}
