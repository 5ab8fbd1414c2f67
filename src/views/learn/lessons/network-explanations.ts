import type { LayerSpec } from '../../../core/model/model-spec';
import { sizePair } from '../../../core/model/model-spec';
import { formatCount, formatNumber } from '../format-number';

/** What the network lesson writes about one layer, with its own numbers filled in. */
export interface LayerExplanation {
  /** As Keras writes the layer. */
  readonly keras: string;
  /** How the parameter count comes about, e.g. "(3×3×3 + 1) × 32 = 896"; null for layers without weights. */
  readonly paramFormula: string | null;
  /** Two or three sentences for the student. */
  readonly text: string;
  /** True when the layer applies ReLU (the lesson then shows it on a few numbers). */
  readonly usesRelu: boolean;
}

const shapeText = (shape: readonly number[]): string => shape.join('×');
const countOf = (shape: readonly number[]): number => shape.reduce((a, b) => a * b, 1);

/** "three quarters" for 3/4, otherwise a percentage ("89 %", "55.6 %"): how much smaller `after` is than `before`. */
export function reductionText(before: number, after: number): string {
  if (before <= 0 || after >= before) return 'no';
  if (after * 4 === before * 1) return 'three quarters';
  if (after * 2 === before) return 'half as many';
  return `${formatNumber((1 - after / before) * 100, 1)} %`;
}

/**
 * Explain one layer of the tutorial's network. `inputShape` is the previous layer's output (per image),
 * `params` the count the model-spec analysis computed — the formula only shows where it comes from.
 */
export function explainLayer(layer: LayerSpec, inputShape: readonly number[], outputShape: readonly number[], params: number): LayerExplanation {
  switch (layer.type) {
    case 'Conv2D': {
      const [kernelRows, kernelCols] = sizePair(layer.kernelSize);
      const inChannels = inputShape[2] ?? 0;
      return {
        keras: `Conv2D(${layer.filters}, (${kernelRows}, ${kernelCols}), padding='${layer.padding}', activation='${layer.activation}')`,
        paramFormula: `(${kernelRows}×${kernelCols}×${inChannels} + 1) × ${layer.filters} = ${formatCount(params)}`,
        text:
          `${layer.filters} masks, each ${kernelRows}×${kernelCols}×${inChannels}: a ${kernelRows}×${kernelCols} window reaching through all ${inChannels} input channels, plus one bias. ` +
          `Each mask slides over the ${shapeText(inputShape)} input and makes one feature map, so the output has ${layer.filters} channels; ` +
          (layer.padding === 'same' ? `“same” padding keeps ${inputShape[0]}×${inputShape[1]}. ` : `“valid” padding shrinks it to ${outputShape[0]}×${outputShape[1]}. `) +
          (layer.activation === 'relu' ? 'Then ReLU turns every negative sum into 0: max(0, x).' : ''),
        usesRelu: layer.activation === 'relu',
      };
    }
    case 'MaxPooling2D':
    case 'AveragePooling2D': {
      const [poolRows, poolCols] = sizePair(layer.poolSize);
      return {
        keras: `${layer.type}(pool_size=(${poolRows}, ${poolCols}))`,
        paramFormula: null,
        usesRelu: false,
        text: `Each ${poolRows}×${poolCols} window of every feature map keeps only its ${layer.type === 'MaxPooling2D' ? 'largest' : 'average'} value: ${shapeText(inputShape)} becomes ${shapeText(outputShape)}. Nothing to learn, and the next layers get ${formatCount(countOf(outputShape))} numbers instead of ${formatCount(countOf(inputShape))}${fewerText(countOf(inputShape), countOf(outputShape))}.`,
      };
    }
    case 'StochasticPooling2D': {
      const [poolRows, poolCols] = sizePair(layer.poolSize);
      return {
        keras: `StochasticPooling2D(pool_size=(${poolRows}, ${poolCols}))`,
        paramFormula: null,
        usesRelu: false,
        text: `While training, each ${poolRows}×${poolCols} window of every feature map gives one of its values, drawn at random with a chance proportional to its size, so a large activation usually wins but not always; when predicting, it gives the average of its values weighted by those chances. ${shapeText(inputShape)} becomes ${shapeText(outputShape)}, with nothing to learn.`,
      };
    }
    case 'BatchNormalization':
      return {
        keras: 'BatchNormalization()',
        paramFormula: `4 × ${inputShape.at(-1) ?? 0} = ${formatCount(params)}`,
        usesRelu: false,
        text: `Each of the ${inputShape.at(-1) ?? 0} channels is shifted and scaled to mean 0 and variance 1 over the batch, then by a learnt scale and shift (2 numbers per channel; 2 more keep running averages for predicting). The shape does not change.`,
      };
    case 'DropConnectDense': {
      const inputs = inputShape[0] ?? 0;
      return {
        keras: `DropConnectDense(${layer.units}, rate=${layer.rate}, activation='${layer.activation}')`,
        paramFormula: `(${formatCount(inputs)} + 1) × ${layer.units} = ${formatCount(params)}`,
        usesRelu: layer.activation === 'relu',
        text: `A dense layer of ${layer.units} units whose weights, not inputs, are dropped: while training, each of its ${formatCount(inputs * layer.units)} weights is set to 0 with probability ${layer.rate}, a new choice every batch. When predicting, every weight is used.`,
      };
    }
    case 'Dropout':
      return {
        keras: `Dropout(${layer.rate})`,
        paramFormula: null,
        usesRelu: false,
        text: dropoutText(layer.rate, countOf(inputShape)),
      };
    case 'Flatten':
      return {
        keras: 'Flatten()',
        paramFormula: null,
        usesRelu: false,
        text: `The ${shapeText(inputShape)} block is unrolled into one long row of ${formatCount(outputShape[0] ?? 0)} numbers (row by row, channels fastest), because a dense layer wants a plain list. Nothing is computed and nothing is learnt.`,
      };
    case 'Dense': {
      const inputs = inputShape[0] ?? 0;
      return {
        keras: `Dense(${layer.units}, activation='${layer.activation}')`,
        paramFormula: `(${formatCount(inputs)} + 1) × ${layer.units} = ${formatCount(params)}`,
        usesRelu: layer.activation === 'relu',
        text:
          `Fully connected: each of the ${layer.units} units has its own weight for every one of the ${formatCount(inputs)} inputs, plus a bias, and adds up all the products. ` +
          (layer.activation === 'softmax'
            ? 'Softmax then turns the 10 sums (scores) into probabilities: e to the power of each score, divided by the total, so they are all positive and add up to 1.'
            : 'ReLU keeps the positive sums and zeroes the rest.'),
      };
    }
  }
}

function fewerText(before: number, after: number): string {
  const reduction = reductionText(before, after);
  if (reduction === 'no') return '';
  return reduction === 'half as many' ? ': half as many' : `: ${reduction} fewer`;
}

/**
 * Dropout as it is computed (inverted dropout, as Keras and tfjs do): each value is zeroed with
 * probability `rate`, and the kept ones are scaled by 1 / (1 − rate) so the layer's output keeps its
 * expected size; nothing happens when predicting.
 */
export function dropoutText(rate: number, values: number): string {
  const kept = 1 / (1 - rate);
  const scale = `${formatNumber(kept, 3)}${Number(kept.toFixed(3)) === kept ? '' : '…'}`;
  return (
    `While training, each of these ${formatCount(values)} values is set to 0 with probability ${formatNumber(rate, 3)} — about ${formatNumber(rate * 100, 1)} % of them, ` +
    `a different choice every time — so the network cannot lean on any single one. The values that are kept are multiplied by 1 / (1 − ${formatNumber(rate, 3)}) = ${scale}, ` +
    'so the sum passed on stays the same on average. The shape does not change, there is nothing to learn, and when predicting nothing is dropped or scaled.'
  );
}
