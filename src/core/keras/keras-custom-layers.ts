/**
 * The Python classes `train.py` defines for the app's layers that Keras does not ship, and the
 * one-cycle schedule: each computes what its tfjs twin in src/engine/layers (or lr-schedule.ts)
 * computes, written with `keras.ops` so the script runs on JAX, TensorFlow or PyTorch. Their config
 * keys are the ones tfjs saves in model.json, so a model the app trained loads into them in order.
 */
import type { PythonLayerClass } from './keras-layers';
import { ONE_CYCLE } from '../training/lr-schedule';

/**
 * Stochastic pooling (Zeiler & Fergus, 2013), non-overlapping windows: while training, one value per
 * window drawn with probability proportional to it; at inference Σ a² / Σ a. `same` pads with zeros
 * as TensorFlow splits the padding (the smaller half first), `valid` cuts the rows no window reaches.
 */
export const STOCHASTIC_POOLING_CLASS: PythonLayerClass = {
  name: 'StochasticPooling2D',
  source: String.raw`@keras.saving.register_keras_serializable(package="cnn_playground")
class StochasticPooling2D(keras.layers.Layer):
    """Stochastic pooling (Zeiler & Fergus, 2013): training draws one value per window, in proportion to it; inference gives sum(a^2) / sum(a)."""

    def __init__(self, pool_size=(2, 2), padding="valid", strides=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.pool_size = tuple(pool_size) if isinstance(pool_size, (list, tuple)) else (pool_size, pool_size)
        self.padding = padding
        self.seed_generator = keras.random.SeedGenerator(seed)

    def _layout(self, rows, cols):
        pool_rows, pool_cols = self.pool_size
        if self.padding == "same":
            return -(-rows // pool_rows), -(-cols // pool_cols)
        return rows // pool_rows, cols // pool_cols

    def compute_output_shape(self, input_shape):
        out_rows, out_cols = self._layout(input_shape[1], input_shape[2])
        return (input_shape[0], out_rows, out_cols, input_shape[3])

    def call(self, inputs, training=False):
        pool_rows, pool_cols = self.pool_size
        rows, cols, channels = inputs.shape[1], inputs.shape[2], inputs.shape[3]
        out_rows, out_cols = self._layout(rows, cols)
        extra_rows, extra_cols = out_rows * pool_rows - rows, out_cols * pool_cols - cols
        x = inputs
        if extra_rows > 0 or extra_cols > 0:
            top, left = max(extra_rows, 0) // 2, max(extra_cols, 0) // 2
            x = keras.ops.pad(x, [[0, 0], [top, max(extra_rows, 0) - top], [left, max(extra_cols, 0) - left], [0, 0]])
        x = x[:, :out_rows * pool_rows, :out_cols * pool_cols, :]
        windows = keras.ops.reshape(x, (-1, out_rows, pool_rows, out_cols, pool_cols, channels))
        windows = keras.ops.transpose(windows, (0, 1, 3, 5, 2, 4))
        windows = keras.ops.reshape(windows, (-1, out_rows, out_cols, channels, pool_rows * pool_cols))
        total = keras.ops.sum(windows, axis=-1)
        safe_total = keras.ops.maximum(total, 1e-12)
        if not training:
            return keras.ops.where(total > 0, keras.ops.sum(windows * windows, axis=-1) / safe_total, keras.ops.zeros_like(total))
        # Draw u in [0, 1) per window; the chosen cell is the first whose running share of the sum exceeds u.
        shares = keras.ops.cumsum(windows, axis=-1) / keras.ops.expand_dims(safe_total, -1)
        draw = keras.random.uniform(keras.ops.shape(total), seed=self.seed_generator)
        chosen = keras.ops.minimum(keras.ops.sum(keras.ops.cast(shares <= keras.ops.expand_dims(draw, -1), "int32"), axis=-1), pool_rows * pool_cols - 1)
        return keras.ops.sum(windows * keras.ops.one_hot(chosen, pool_rows * pool_cols, dtype=windows.dtype), axis=-1)

    def get_config(self):
        return {**super().get_config(), "pool_size": self.pool_size, "strides": self.pool_size, "padding": self.padding}
`,
};

/**
 * DropConnect (Wan et al., 2013): a Dense layer whose kernel, not its inputs, is dropped while training
 * (one mask per batch, the kept weights scaled by 1 / (1 − rate)); at inference exactly a Dense layer.
 */
export const DROP_CONNECT_DENSE_CLASS: PythonLayerClass = {
  name: 'DropConnectDense',
  source: String.raw`@keras.saving.register_keras_serializable(package="cnn_playground")
class DropConnectDense(keras.layers.Layer):
    """DropConnect (Wan et al., 2013): while training, each kernel weight is zeroed with probability 'rate' (one mask per batch); otherwise a Dense layer."""

    def __init__(self, units, rate, activation=None, kernel_initializer="glorot_uniform", bias_initializer="zeros",
                 kernel_regularizer=None, kernel_constraint=None, seed=None, **kwargs):
        super().__init__(**kwargs)
        self.units, self.rate = units, rate
        self.activation = keras.activations.get(activation)
        self.kernel_initializer = keras.initializers.get(kernel_initializer)
        self.bias_initializer = keras.initializers.get(bias_initializer)
        self.kernel_regularizer = keras.regularizers.get(kernel_regularizer)
        self.kernel_constraint = keras.constraints.get(kernel_constraint)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def build(self, input_shape):
        self.kernel = self.add_weight(name="kernel", shape=(input_shape[-1], self.units), initializer=self.kernel_initializer,
                                      regularizer=self.kernel_regularizer, constraint=self.kernel_constraint)
        self.bias = self.add_weight(name="bias", shape=(self.units,), initializer=self.bias_initializer)

    def compute_output_shape(self, input_shape):
        return (*input_shape[:-1], self.units)

    def call(self, inputs, training=False):
        kernel = keras.ops.convert_to_tensor(self.kernel)
        if training and self.rate > 0:
            kernel = keras.random.dropout(kernel, self.rate, seed=self.seed_generator)
        return self.activation(keras.ops.matmul(inputs, kernel) + self.bias)

    def get_config(self):
        return {
            **super().get_config(),
            "units": self.units,
            "rate": self.rate,
            "activation": keras.activations.serialize(self.activation),
            "kernel_initializer": keras.initializers.serialize(self.kernel_initializer),
            "bias_initializer": keras.initializers.serialize(self.bias_initializer),
            "kernel_regularizer": keras.regularizers.serialize(self.kernel_regularizer) if self.kernel_regularizer else None,
            "kernel_constraint": keras.constraints.serialize(self.kernel_constraint) if self.kernel_constraint else None,
        }
`,
};

/** The one-cycle schedule of src/core/training/lr-schedule.ts (`oneCycleLearningRate`), as a Keras schedule; `train.py` always defines it. */
export const ONE_CYCLE_CLASS_SOURCE = String.raw`@keras.saving.register_keras_serializable(package="cnn_playground")
class OneCycle(keras.optimizers.schedules.LearningRateSchedule):
    """Smith's one-cycle policy as the app runs it (PyTorch's OneCycleLR defaults): from peak / ${ONE_CYCLE.startDivisor} up to the peak
    along half a cosine over the first ${ONE_CYCLE.warmUpShare * 100} % of the updates, then down to peak / ${ONE_CYCLE.endDivisor} at the last one."""

    def __init__(self, peak_learning_rate, total_steps):
        self.peak_learning_rate, self.total_steps = peak_learning_rate, total_steps

    def __call__(self, step):
        peak = self.peak_learning_rate
        if self.total_steps <= 1:
            return keras.ops.convert_to_tensor(peak, "float32")
        start, end = peak / ${ONE_CYCLE.startDivisor}, peak / ${ONE_CYCLE.endDivisor}
        last = self.total_steps - 1
        peak_at = max(1, round(${ONE_CYCLE.warmUpShare} * last))
        step = keras.ops.minimum(keras.ops.cast(step, "float32"), last)
        rising = keras.ops.minimum(step / peak_at, 1.0)
        falling = keras.ops.clip((step - peak_at) / max(1, last - peak_at), 0.0, 1.0)
        up = peak + (start - peak) * (1 + keras.ops.cos(math.pi * rising)) / 2
        down = end + (peak - end) * (1 + keras.ops.cos(math.pi * falling)) / 2
        return keras.ops.where(step <= peak_at, up, down)

    def get_config(self):
        return {"peak_learning_rate": self.peak_learning_rate, "total_steps": self.total_steps}
`;
