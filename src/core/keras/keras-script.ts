/**
 * `train.py`: the lab as a runnable Keras 3 script. Its middle is the code view's text verbatim
 * (keras-code.ts); around it, the imports, the Python classes of any custom layer (keras-layers.ts),
 * the app's data pipeline ported to Python and the command line (keras-script-helpers.ts).
 *
 * Run it with `python train.py` (CIFAR-10 from keras.datasets) or `python train.py --data
 * public/data/cifar10` (the app's prepared files); `--devices N` trains data-parallel on N GPUs;
 * `--weights model.json` starts from a model the app trained (Download for Keras).
 */
import { describeHyperparametersBriefly } from './keras-describe';
import { codeText, kerasLabCode, type KerasLab } from './keras-code';
import { ONE_CYCLE_CLASS_SOURCE } from './keras-custom-layers';
import { pythonClassesFor } from './keras-layers';
import { PYTHON_HELPERS } from './keras-script-helpers';

/** The Python packages the script is tested with (`scripts/keras/requirements.txt` pins the rest). */
export const KERAS_SCRIPT_REQUIREMENTS = 'keras==3.15.1 jax[cpu]==0.10.2';

/** What the script is for: a lab to train, or a trained model's weights to go with it. */
export interface KerasScriptOptions {
  /** A line naming where the lab comes from ("the Train area's lab", "run 3, epoch 5"). */
  readonly title: string;
  /**
   * The tfjs model.json shipped beside the script (Download for Keras), or null: then the usage
   * shows `--weights model.json` with that file's name.
   */
  readonly weightsFile: string | null;
  /**
   * A model of your own classes: its class names in output order (absent: CIFAR-10's). Written as
   * `CLASS_NAMES`, with a note that its pictures stayed in the browser.
   */
  readonly classNames?: readonly string[];
}

/** The whole `train.py` for `lab`. */
export function kerasScript(lab: KerasLab, options: KerasScriptOptions): string {
  const classes = pythonClassesFor(lab.modelSpec.layers);
  const schedule = lab.settings.learningRateSchedule === 'one-cycle' ? ['', "# The app's one-cycle learning-rate schedule (Keras has none built in).", `${ONE_CYCLE_CLASS_SOURCE.trimEnd()}\n\n`] : [];
  return [
    docstring(lab, options),
    'import argparse',
    'import json',
    'import math',
    'import os',
    'import sys',
    '',
    '# Keras 3 runs on JAX, TensorFlow or PyTorch; JAX unless KERAS_BACKEND says otherwise.',
    'os.environ.setdefault("KERAS_BACKEND", "jax")',
    '',
    'import keras  # noqa: E402',
    'import numpy as np  # noqa: E402',
    'from keras import layers  # noqa: E402',
    '',
    ...(classes.length > 0 ? ['', '# Layers of the app that Keras does not ship.', ...classes.map((pythonClass) => `${pythonClass.source.trimEnd()}\n\n`)] : []),
    ...schedule,
    ...ownClassLines(options.classNames),
    '',
    codeText(kerasLabCode(lab)),
    PYTHON_HELPERS.trimStart(),
  ].join('\n');
}

function docstring(lab: KerasLab, options: KerasScriptOptions): string {
  const weights = options.weightsFile;
  const layerCount = lab.modelSpec.layers.length;
  return `"""CNN Playground: ${options.title}, as Keras 3.

The network (${layerCount} layers) and the recipe (${describeHyperparametersBriefly(lab.settings)}) are the app's;
this script feeds Keras the same images in the same order with the same augmentation, seeded alike.
Weights start from Keras' own random draw, so a run is like the app's, not identical to it.

Install:   pip install "keras==3.15.1" "jax[cpu]==0.10.2"     (or jax[cuda12] for NVIDIA GPUs)
Run:       python train.py                       CIFAR-10 from keras.datasets (downloads 170 MB once)
           python train.py --data public/data/cifar10    the app's prepared files (npm run data)
           python train.py --epochs 1 --train-images 300  a quick check
One GPU:   JAX uses it by itself (pip install "jax[cuda12]"); KERAS_BACKEND=tensorflow or torch also work.
Many GPUs: python train.py --devices 4           keras.distribution.DataParallel: each GPU takes a
           quarter of every batch, and the gradients are averaged (the batch must divide evenly).
${weights === null ? 'Weights:   python train.py --weights model.json --epochs 0   evaluate a model the app trained' : `Weights:   python train.py --weights ${weights} --epochs 0   the browser's trained model, evaluated here
           python train.py --weights ${weights}              ...or trained further
In Python: import train; model = train.build_model(); train.load_tfjs_weights(model, "${weights}")
           model.predict(images / 255.0) gives the probabilities the browser gives.`}
"""
`;
}

/** The class names of a model of your own classes, for Python (JSON strings are Python strings). */
function ownClassLines(classNames: readonly string[] | undefined): string[] {
  if (!classNames) return [];
  return [
    '',
    '# This network was trained in the browser on your own classes: output i is CLASS_NAMES[i]. Its pictures',
    '# stayed in the browser, so --epochs 0 and training further here use CIFAR-10 and mean little for it;',
    '# build_model() and load_tfjs_weights() give you the trained network to use on your own pictures.',
    `CLASS_NAMES = [${classNames.map((name) => JSON.stringify(name)).join(', ')}]`,
  ];
}
