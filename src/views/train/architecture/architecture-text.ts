/**
 * Words for the architecture editor: a one-line description of each layer, and the validation issues
 * sorted to where they are shown (on a field, on a layer, or on the model). Pure.
 */
import { sizePair, type LayerSpec, type Size2D } from '../../../core/model-spec';
import type { SpecAnalysis, SpecIssue } from '../../../core/model-spec-validate';

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
    case 'Dropout':
      return `while training, zeroes ${Number.isFinite(layer.rate) ? Math.round(layer.rate * 100) : '?'} % of its inputs at random`;
    case 'Flatten':
      return 'unrolls height × width × channels into one long vector';
    case 'Dense':
      return `${layer.units} units, each connected to every input, then ${layer.activation}`;
  }
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
