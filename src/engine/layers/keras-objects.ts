/**
 * Reading and writing the Keras objects a layer's config holds (initializers, regularizers,
 * constraints) as tfjs serialises them: `{ className, config }`. tfjs does this for its own layers with
 * functions it does not export, so our layers use these.
 */
import * as tf from '@tensorflow/tfjs';

/** An initializer, as `tf.initializers.*` make them. */
export type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
/** A regularizer, as `tf.regularizers.*` make them. */
export type Regularizer = ReturnType<typeof tf.regularizers.l2>;
/** A weight constraint, as `tf.constraints.*` make them. */
export type Constraint = ReturnType<typeof tf.constraints.maxNorm>;

/** A serialised Keras object: its registered class name and its config. */
export interface KerasObjectConfig {
  readonly className: string;
  readonly config: tf.serialization.ConfigDict;
}

/** `object` as tfjs saves it in model.json (`{ className, config }`), or null for none. */
export function serializeKerasObject(object: tf.serialization.Serializable | undefined | null): tf.serialization.ConfigDict | null {
  return object ? { className: object.getClassName(), config: object.getConfig() } : null;
}

/**
 * A Keras object from a layer's arguments: the object itself (when a model is built), or its saved
 * form (when a model.json is loaded), looked up among the classes registered with tfjs.
 * @throws Error naming the class when it is not registered.
 */
export function reviveKerasObject<T extends tf.serialization.Serializable>(value: unknown): T | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof tf.serialization.Serializable) return value as T;
  if (typeof value !== 'object' || typeof (value as { className?: unknown }).className !== 'string') {
    throw new Error(`expected a Keras object ({ className, config }), got ${JSON.stringify(value)}`);
  }
  const { className, config } = value as KerasObjectConfig;
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[className];
  if (!entry) throw new Error(`unknown Keras class ${className}`);
  const [constructor, fromConfig] = entry;
  return fromConfig(constructor, config ?? {}) as T;
}
