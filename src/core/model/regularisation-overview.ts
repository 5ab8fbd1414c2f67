/**
 * The tutorial's list of regularisers — dropout, DropConnect, stochastic pooling (empirical); early
 * stopping, weight decay, the number of parameters, max-norm constraints (explicit) — each with what it
 * does, how to use it in this app, and where the current network and settings use it. Pure, so the
 * Train view shows it and tests check it without React.
 */
import type { EarlyStoppingSettings } from '../training/hyperparameters';
import type { LayerSpec, ModelSpec } from './model-spec';
import { kerasLayerNames } from './model-spec-edit';
import type { SpecAnalysis } from './model-spec-validate';

/** One regulariser and its use here. */
export interface RegulariserUse {
  readonly name: string;
  /** The tutorial's two families. */
  readonly kind: 'empirical' | 'explicit';
  /** What it does, in two sentences. */
  readonly what: string;
  /** How to turn it on in this app. */
  readonly how: string;
  /** Where the current network or settings use it ("conv2d_1, dense"), or null when they do not. */
  readonly usedIn: string | null;
}

type Test = (layer: LayerSpec) => boolean;

function layersWhere(spec: ModelSpec, test: Test): string | null {
  const names = kerasLayerNames(spec);
  const found = spec.layers.map((layer, index) => (test(layer) ? names[index] : null)).filter((name): name is string => name !== undefined && name !== null);
  return found.length === 0 ? null : found.join(', ');
}

const hasKernel = (layer: LayerSpec): layer is Extract<LayerSpec, { type: 'Conv2D' | 'Dense' | 'DropConnectDense' }> =>
  layer.type === 'Conv2D' || layer.type === 'Dense' || layer.type === 'DropConnectDense';

/**
 * The seven regularisers of the tutorial, in its order, for `spec` trained with `earlyStopping`.
 * `analysis` (of `spec`) gives the parameter count when the network is valid.
 */
export function regularisationOverview(spec: ModelSpec, analysis: SpecAnalysis, earlyStopping: Pick<EarlyStoppingSettings, 'enabled' | 'monitor' | 'patience'>): RegulariserUse[] {
  const largest = analysis.ok ? [...analysis.layers].sort((a, b) => b.params - a.params)[0] : undefined;
  const names = kerasLayerNames(spec);
  return [
    {
      name: 'Dropout',
      kind: 'empirical',
      what: 'While training, a random share of a layer’s outputs is set to 0 at every step, so no unit can rely on any single other one.',
      how: 'Add a Dropout layer and set its rate.',
      usedIn: layersWhere(spec, (layer) => layer.type === 'Dropout' && layer.rate > 0),
    },
    {
      name: 'DropConnect',
      kind: 'empirical',
      what: 'While training, a random share of a dense layer’s weights (not its outputs) is set to 0, a new choice at every batch; when predicting, all weights are used.',
      how: 'Add a DropConnectDense layer (in place of a Dense one) and set the share of weights dropped.',
      usedIn: layersWhere(spec, (layer) => layer.type === 'DropConnectDense' && layer.rate > 0),
    },
    {
      name: 'Stochastic pooling',
      kind: 'empirical',
      what: 'While training, each pooling window passes on one of its values drawn at random, larger values more often, instead of always the largest; when predicting, the average weighted by those chances.',
      how: 'Use a StochasticPooling2D layer instead of MaxPooling2D (after a relu layer).',
      usedIn: layersWhere(spec, (layer) => layer.type === 'StochasticPooling2D'),
    },
    {
      name: 'Early stopping',
      kind: 'explicit',
      what: 'Training stops once the validation score has not improved for a number of epochs, and can put back the best epoch’s weights.',
      how: 'Tick “Stop when validation stops improving” in the training settings.',
      usedIn: earlyStopping.enabled ? `watching ${earlyStopping.monitor}, patience ${earlyStopping.patience}` : null,
    },
    {
      name: 'Weight decay',
      kind: 'explicit',
      what: 'Each regularised kernel adds λ × (sum of its squared weights) to the loss, so every update also pulls the weights towards 0 and the network prefers many small weights to a few large ones.',
      how: 'Set “Weight decay” (kernel_regularizer=l2) on a Conv2D, Dense or DropConnectDense layer; 0.0005 is a usual start.',
      usedIn: layersWhere(spec, (layer) => hasKernel(layer) && layer.kernelRegularizer !== undefined && layer.kernelRegularizer.l2 > 0),
    },
    {
      name: 'Number of parameters',
      kind: 'explicit',
      what: 'Fewer weights leave less room to memorise the training pictures: fewer masks, a smaller dense layer, or pooling before Flatten all shrink the count the summary shows.',
      how: 'Change filters, units or pooling in the layers above and watch the total.',
      usedIn: analysis.ok
        ? `${analysis.totalParams.toLocaleString('en-US')} parameters${largest ? `, ${Math.round((100 * largest.params) / Math.max(analysis.totalParams, 1))} % of them in ${names[largest.layerIndex] ?? 'one layer'}` : ''}`
        : null,
    },
    {
      name: 'Max-norm constraint',
      kind: 'explicit',
      what: 'After every update, each unit’s (or filter’s) incoming weights are scaled back whenever their length exceeds a cap, so even a large learning rate cannot blow them up.',
      how: 'Set “Max-norm” (kernel_constraint=max_norm) on a Conv2D, Dense or DropConnectDense layer; 2 to 4 is usual.',
      usedIn: layersWhere(spec, (layer) => hasKernel(layer) && layer.kernelConstraint !== undefined),
    },
  ];
}
