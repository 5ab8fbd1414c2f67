import type { AxisGeometry } from '../../core/lessons/conv-geometry';

/**
 * The output-size formula of one axis with its numbers, every figure taken from the core's geometry:
 * "⌊(4 + 1 + 1 − 3) / 1⌋ + 1 = ⌊3 / 1⌋ + 1 = 4".
 */
export function sizeFormula(axis: AxisGeometry): string {
  const padded = axis.padBefore + axis.padAfter > 0 ? ` + ${axis.padBefore} + ${axis.padAfter}` : '';
  return `⌊(${axis.inputSize}${padded} − ${axis.kernelSize}) / ${axis.stride}⌋ + 1 = ⌊${axis.span} / ${axis.stride}⌋ + 1 = ${axis.outputSize}`;
}
