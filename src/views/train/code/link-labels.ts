import type { CodeLink, LabSetting } from '../../../core/keras/keras-code';
import type { LayerSpec } from '../../../core/model/model-spec';

/** The control each setting line comes from, as the Train area labels it. */
const SETTING_CONTROLS: Readonly<Record<LabSetting, string>> = {
  seed: 'the run seed (no control yet: the app uses 1)',
  trainSubset: 'Data › Training images',
  validationSubset: 'Data › Validation images',
  batchSize: 'Length of the run › Batch size',
  epochs: 'Length of the run › Epochs',
  augment: 'Data › Augment the training pictures',
  optimizer: 'Optimizer › Optimizer',
  learningRate: 'Optimizer › Learning rate',
  momentum: 'Optimizer › Momentum',
  decay: 'Optimizer › Decay',
  learningRateSchedule: 'Optimizer › Schedule',
  labelSmoothing: 'Optimizer › Label smoothing',
  earlyStopping: 'Early stopping › Stop when validation stops improving',
  monitor: 'Early stopping › Watch',
  minDelta: 'Early stopping › Smallest improvement',
  patience: 'Early stopping › Patience',
  restoreBestWeights: 'Early stopping › Go back to the best epoch’s weights',
};

/** "Optimizer › Momentum", "Network architecture › Layer 3: Conv2D". */
export function describeLinkedControl(link: CodeLink, layers: readonly LayerSpec[]): string {
  if (link.kind === 'setting') return SETTING_CONTROLS[link.setting];
  return `Network architecture › Layer ${link.layerIndex + 1}: ${layers[link.layerIndex]?.type ?? ''}`;
}
