/**
 * Words for the architecture editor: a one-line description of each layer, and the validation issues
 * sorted to where they are shown (on a field, on a layer, or on the model). Pure.
 */
import { sizePair, type LayerSpec, type Size2D } from '../../../core/model/model-spec';
import type { SpecAnalysis, SpecIssue } from '../../../core/model/model-spec-validate';

function size(value: Size2D): string {
  const [rows, cols] = sizePair(value);
  return `${rows} × ${cols}`;
}

/** What a layer does, in plain words: "32 masks of 3 × 3, stride 1, same padding, then relu". */
export function describeLayerPlainly(layer: LayerSpec): string {
  switch (layer.type) {
    case 'Conv2D':
      return `${layer.filters} masks of ${size(layer.kernelSize)}, stride ${sizePair(layer.strides)[0]}, ${layer.padding} padding, then ${layer.activation}`;
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const what = layer.type === 'MaxPooling2D' ? 'largest' : 'average';
      const stride = layer.strides === null ? 'windows side by side' : `stride ${sizePair(layer.strides)[0]}`;
      return `keeps the ${what} value of each ${size(layer.poolSize)} window, ${stride}`;
    }
    case 'StochasticPooling2D':
      return `while training, picks one value of each ${size(layer.poolSize)} window at random, larger values more often; when predicting, their average weighted by those chances`;
    case 'BatchNormalization':
      return 'rescales each channel to mean 0 and variance 1 over the batch, then by a learnt scale and shift';
    case 'Dropout':
      return `while training, zeroes ${percent(layer.rate)} % of its inputs at random`;
    case 'Flatten':
      return 'unrolls height × width × channels into one long vector';
    case 'Dense':
      return `${layer.units} units, each connected to every input, then ${layer.activation}`;
    case 'DropConnectDense':
      return `${layer.units} units connected to every input, then ${layer.activation}; while training, ${percent(layer.rate)} % of its weights are zeroed at random, new every batch`;
  }
}

/** A rate as a whole percentage, or "?" while its box holds no number. */
function percent(rate: number): string {
  return Number.isFinite(rate) ? String(Math.round(rate * 100)) : '?';
}

/**
 * The layer's weight decay and max-norm in words ("weight decay l2 0.0005; weights capped at norm 3"),
 * or null when it has neither: shown under the layer and in the summary.
 */
export function describeRegularisation(layer: LayerSpec): string | null {
  if (layer.type !== 'Conv2D' && layer.type !== 'Dense' && layer.type !== 'DropConnectDense') return null;
  const parts = [
    layer.kernelRegularizer ? `weight decay l2(${layer.kernelRegularizer.l2})` : null,
    layer.kernelConstraint ? `max_norm(${layer.kernelConstraint.maxNorm})` : null,
  ].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.join(', ');
}

/** The issues of one layer: per field (shown on that input) and the rest (shown on the layer). */
export interface LayerIssues {
  readonly fields: Readonly<Record<string, string>>;
  readonly layer: readonly string[];
}

/** Where each issue is shown: per layer (fields and the layer itself) and on the model as a whole. */
export interface SortedIssues {
  readonly layers: readonly LayerIssues[];
  readonly model: readonly string[];
}

/** "layer 3 (Conv2D): " — the prefix a message drops when it is shown on that layer already. */
const LAYER_PREFIX = /^layer \d+ \([^)]*\): /;

/** Sort the analysis' issues onto the `layerCount` layers and the model. */
export function sortIssues(analysis: SpecAnalysis, layerCount: number): SortedIssues {
  const layers = Array.from({ length: layerCount }, () => ({ fields: {} as Record<string, string>, layer: [] as string[] }));
  const model: string[] = [];
  const issues: readonly SpecIssue[] = analysis.ok ? [] : analysis.issues;
  for (const issue of issues) {
    const target = issue.layerIndex === null ? undefined : layers[issue.layerIndex];
    if (!target) {
      model.push(issue.message);
      continue;
    }
    const message = issue.message.replace(LAYER_PREFIX, '');
    const shownOnField = issue.field !== null && issue.field !== 'type' && target.fields[issue.field] === undefined;
    if (shownOnField && issue.field !== null) target.fields[issue.field] = message;
    else target.layer.push(message);
  }
  return { layers, model };
}
