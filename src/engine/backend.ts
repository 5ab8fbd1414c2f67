import * as tf from '@tensorflow/tfjs';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { isSoftwareRenderer } from '../core/backend/backend-probe-rules';
import type { BackendInfo, BackendName, EngineHost } from './protocol';
import { registerBatchNormGradient } from './training/batch-norm-gradient';
import { registerWebGLTrainingKernels } from './webgl/register-webgl-kernels';

/** Thrown when the requested backend cannot be started here. */
export class BackendUnavailableError extends Error {
  override readonly name = 'BackendUnavailableError';
}

/**
 * Start `backend` and prove it works by running a small convolution on it.
 *
 * Software WebGL (SwiftShader on a machine without a GPU) is allowed on purpose: it is slow, but it
 * is real WebGL, and refusing it would silently drop a school laptop with a blocklisted GPU to cpu.
 * The flag must be set before the backend is created, so it is set here, first.
 *
 * @throws BackendUnavailableError when tfjs cannot start `backend`, or the self-test ran elsewhere.
 */
export async function startBackend(
  backend: BackendName,
  host: EngineHost,
  reason: string,
): Promise<BackendInfo> {
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  // Loaded only for wasm, so the webgl path never downloads tfjs-backend-wasm.
  const wasmBackend = backend === 'wasm' ? await import('./wasm/wasm-backend') : null;
  await wasmBackend?.prepareWasmBackend();
  // Our GPU kernels (filter gradient, dropout masks) replace stock tfjs's slow ones on webgl.
  if (backend === 'webgl') registerWebGLTrainingKernels();
  // Batch normalisation's backward pass without stock tfjs's full-size tile (every backend).
  registerBatchNormGradient();
  // wasm starts threaded where the page allows it, falling back to one thread rather than hanging.
  const started = wasmBackend ? await wasmBackend.startWasmBackend() : await tf.setBackend(backend);
  if (!started || tf.getBackend() !== backend) {
    throw new BackendUnavailableError(`tfjs could not start the ${backend} backend`);
  }
  await tf.ready();
  const selfTestMs = await runSelfTest(backend);
  const gpu = backend === 'webgl' ? describeWebGL() : null;
  const wasm = wasmBackend ? await wasmBackend.describeWasm() : null;
  return {
    backend,
    host,
    renderer: gpu?.renderer ?? null,
    vendor: gpu?.vendor ?? null,
    webglVersion: gpu ? tf.env().getNumber('WEBGL_VERSION') : null,
    maxTextureSize: gpu ? tf.env().getNumber('WEBGL_MAX_TEXTURE_SIZE') : null,
    floatTextures: gpu ? tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') : null,
    wasmSimd: wasm?.simd ?? null,
    wasmThreads: wasm?.threads ?? null,
    wasmThreadsNote: wasm?.threadsNote ?? null,
    softwareRenderer: gpu ? isSoftwareRenderer(gpu.renderer) : false,
    selfTestMs,
    reason,
  };
}

/**
 * Run a 3×3 convolution on the active backend and read it back, so "ready" means a kernel really
 * executed there (not only that a backend object was created).
 *
 * @returns elapsed milliseconds.
 * @throws BackendUnavailableError when the result is wrong or tfjs switched backends underneath.
 */
async function runSelfTest(expected: BackendName): Promise<number> {
  const startMs = performance.now();
  // Input of ones, 4×4×1; filter of ones, 3×3×1×1, valid padding: every output cell is 9.
  const output = tf.tidy(() => tf.conv2d(tf.ones([1, 4, 4, 1]) as tf.Tensor4D, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'valid'));
  const values = await output.data();
  output.dispose();
  const ranOn = tf.getBackend();
  if (ranOn !== expected) {
    throw new BackendUnavailableError(`self-test ran on ${ranOn}, not ${expected}`);
  }
  if (values.length !== 4 || !values.every((v) => v === 9)) {
    throw new BackendUnavailableError(`self-test on ${expected} computed ${Array.from(values).join(',')}, expected 9,9,9,9`);
  }
  return performance.now() - startMs;
}

interface WebGLDescription {
  readonly renderer: string;
  readonly vendor: string;
  readonly context: WebGLRenderingContext;
}

/** Read the unmasked renderer and vendor from the WebGL context tfjs is using. */
function describeWebGL(): WebGLDescription {
  const webgl = tf.backend() as MathBackendWebGL;
  const gl = webgl.gpgpu.gl;
  const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = debugInfo
    ? String(gl.getParameter(debugInfo.UNMASKED_RENDERER_WEBGL))
    : String(gl.getParameter(gl.RENDERER));
  const vendor = debugInfo
    ? String(gl.getParameter(debugInfo.UNMASKED_VENDOR_WEBGL))
    : String(gl.getParameter(gl.VENDOR));
  return { renderer, vendor, context: gl };
}

/**
 * Call `onLost` when the WebGL context tfjs draws on is lost (driver reset, GPU process crash, tab
 * backgrounded for long on some laptops). Does nothing off WebGL.
 */
export function watchContextLoss(onLost: (message: string) => void): void {
  if (tf.getBackend() !== 'webgl') return;
  const canvas = describeWebGL().context.canvas;
  canvas.addEventListener('webglcontextlost', (event) => {
    event.preventDefault();
    onLost('The WebGL context was lost (the GPU was reset or reclaimed by the system).');
  });
}
