/**
 * URLs of tfjs-backend-wasm's three binaries as Vite emits them into the build (hashed, under the
 * app's own origin and base path), so the wasm backend never fetches from a CDN or another origin and
 * the Content-Security-Policy's `connect-src 'self'` holds. Browser builds only: Node resolves the
 * files from the package itself.
 */
import plainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';

/** File name (as tfjs-backend-wasm asks for it) → absolute URL it is served from. */
export function wasmBinaryUrls(base: string): Record<string, string> {
  return {
    'tfjs-backend-wasm.wasm': new URL(plainUrl, base).href,
    'tfjs-backend-wasm-simd.wasm': new URL(simdUrl, base).href,
    'tfjs-backend-wasm-threaded-simd.wasm': new URL(threadedSimdUrl, base).href,
  };
}
