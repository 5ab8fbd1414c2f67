/**
 * `npm run keras:venv`: make `.cache/keras-venv` (Keras 3 + JAX on the CPU, pinned) unless it is
 * already there and current. `.ci/run` calls it before `npm test`; the Keras tests call it too.
 */
import { ensureKerasVenv, KERAS_VENV_DIR } from './keras-venv';

const started = performance.now();
const outcome = ensureKerasVenv((line) => process.stdout.write(`[keras-venv] ${line}\n`));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
process.stdout.write(`[keras-venv] ${outcome === 'ready' ? 'ready' : 'installed'}: ${KERAS_VENV_DIR} (${seconds} s)\n`);
