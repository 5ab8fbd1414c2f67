/**
 * The architecture part of a lab: the valibot schema of a `ModelSpec` (its shape: which fields, of
 * which types), then `analyseModelSpec`'s rules (ranges, shapes, the 10-way softmax at the end), so a
 * lab holds only a network that can be trained.
 */
import * as v from 'valibot';
import { ACTIVATIONS, DEFAULT_MODEL_SPEC, type ModelSpec } from '../model/model-spec';
import { analyseModelSpec, MAX_FILTERS, MAX_L2, MAX_MAX_NORM, MAX_UNITS } from '../model/model-spec-validate';
import { joinPath, problemsFromIssues, type PartRead } from './lab-notes';
import type { Assignable, DeepMutable, Expect } from './type-checks';

const SIZE_2D = v.union([v.number(), v.tuple([v.number(), v.number()])], 'must be one whole number ≥ 1 or [rows, columns]');
const PADDING = v.picklist(['same', 'valid'], "must be 'same' or 'valid'");
const ACTIVATION = v.picklist(ACTIVATIONS, `must be one of ${ACTIVATIONS.join(', ')}`);

/** Keras' kernel_regularizer=l2(…) and kernel_constraint=max_norm(…), absent when the layer has none. */
const KERNEL_REGULARISATION = {
  kernelRegularizer: v.optional(v.object({ l2: v.number(`must be a number from 0 to ${MAX_L2}`) }, 'must be { l2: number }')),
  kernelConstraint: v.optional(v.object({ maxNorm: v.number(`must be a number > 0 and ≤ ${MAX_MAX_NORM}`) }, 'must be { maxNorm: number }')),
};

const CONV2D = v.object({
  type: v.literal('Conv2D'),
  filters: v.number(`must be a whole number from 1 to ${MAX_FILTERS}`),
  kernelSize: SIZE_2D,
  strides: SIZE_2D,
  padding: PADDING,
  activation: ACTIVATION,
  ...KERNEL_REGULARISATION,
});
const POOLING = v.object({
  type: v.picklist(['MaxPooling2D', 'AveragePooling2D']),
  poolSize: SIZE_2D,
  strides: v.nullable(SIZE_2D),
  padding: PADDING,
});
const STOCHASTIC_POOLING = v.object({ type: v.literal('StochasticPooling2D'), poolSize: SIZE_2D, padding: PADDING });
const BATCH_NORMALIZATION = v.object({ type: v.literal('BatchNormalization') });
const DROPOUT = v.object({ type: v.literal('Dropout'), rate: v.number('must be a number in [0, 1)') });
const FLATTEN = v.object({ type: v.literal('Flatten') });
const UNITS = v.number(`must be a whole number from 1 to ${MAX_UNITS}`);
const DENSE = v.object({ type: v.literal('Dense'), units: UNITS, activation: ACTIVATION, ...KERNEL_REGULARISATION });
const DROP_CONNECT_DENSE = v.object({ type: v.literal('DropConnectDense'), units: UNITS, activation: ACTIVATION, rate: v.number('must be a number in [0, 1)'), ...KERNEL_REGULARISATION });

/** One layer: its `type` picks the fields it must have. */
export const LAYER_SCHEMA = v.variant(
  'type',
  [CONV2D, POOLING, STOCHASTIC_POOLING, BATCH_NORMALIZATION, DROPOUT, FLATTEN, DENSE, DROP_CONNECT_DENSE],
  'must be Conv2D, MaxPooling2D, AveragePooling2D, StochasticPooling2D, BatchNormalization, Dropout, Flatten, Dense or DropConnectDense',
);

/** A `ModelSpec`: the layers in order. */
export const MODEL_SPEC_SCHEMA = v.object({ layers: v.array(LAYER_SCHEMA, 'must be a list of layers') }, 'must be an object with a list of layers');

// The schema and the ModelSpec type must describe the same thing: what parses is a ModelSpec, and
// every ModelSpec parses (tsc fails here if either drifts).
type ParsedSpec = v.InferOutput<typeof MODEL_SPEC_SCHEMA>;
export type SchemaAgreesWithModelSpec = [Expect<Assignable<ParsedSpec, ModelSpec>>, Expect<Assignable<DeepMutable<ModelSpec>, v.InferInput<typeof MODEL_SPEC_SCHEMA>>>];

const INSTEAD = "the tutorial's network is used instead";

/**
 * Read an architecture found at `path` (`architecture` in a lab, `spec` in a checkpoint), ending in
 * `classCount` probabilities (10 unless told: a run on your own classes ends in one per class). Any
 * problem makes the whole part unreadable: a network with one layer dropped or changed is another network.
 */
export function readArchitecture(value: unknown, path: string, classCount?: number): PartRead<ModelSpec> {
  const parsed = v.safeParse(MODEL_SPEC_SCHEMA, value);
  if (!parsed.success) return { value: DEFAULT_MODEL_SPEC, problems: problemsFromIssues(path, parsed.issues, INSTEAD) };
  const analysis = analyseModelSpec(parsed.output, classCount === undefined ? {} : { classCount });
  if (analysis.ok) return { value: parsed.output, problems: [] };
  return {
    value: DEFAULT_MODEL_SPEC,
    problems: analysis.issues.map((issue) => {
      const at = issue.layerIndex === null ? joinPath(path, [issue.field ?? 'layers']) : joinPath(path, ['layers', issue.layerIndex, ...(issue.field === null ? [] : [issue.field])]);
      return { path: at, message: `${path}: ${issue.message}`, instead: INSTEAD };
    }),
  };
}
