/**
 * Short plain descriptions of a lab's settings, for the top of a generated script and for the import
 * preview. Pure string work.
 */
import type { TrainingHyperparameters } from '../training/hyperparameters';

/** "SGD lr 0.01 momentum 0.5 decay 0.0004, batch 512, 25 epochs, 1 000 training images, no augmentation". */
export function describeHyperparametersBriefly(settings: TrainingHyperparameters): string {
  const optimizer = settings.optimizer === 'adam' ? `Adam lr ${settings.learningRate}` : `SGD lr ${settings.learningRate} momentum ${settings.momentum}`;
  const decay = settings.learningRateSchedule === 'one-cycle' ? ' one-cycle' : settings.decay > 0 ? ` decay ${settings.decay}` : '';
  const smoothing = settings.labelSmoothing > 0 ? ` label smoothing ${settings.labelSmoothing}` : '';
  const images = settings.trainSubset === null ? 'all training images' : `${settings.trainSubset.toLocaleString('en-US')} training images`;
  const stopping = settings.earlyStopping.enabled ? `, early stopping on ${settings.earlyStopping.monitor}` : '';
  return `${optimizer}${decay}${smoothing}, batch ${settings.batchSize}, ${settings.epochs} epoch${settings.epochs === 1 ? '' : 's'}, ${images}, ${settings.augment ? 'augmented' : 'no augmentation'}${stopping}`;
}
