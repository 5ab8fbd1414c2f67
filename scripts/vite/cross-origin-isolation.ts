/**
 * The two headers that make a page cross-origin isolated (`crossOriginIsolated === true`), which is
 * what browsers require before they hand out SharedArrayBuffer, and so what tfjs's threaded wasm
 * build needs. COOP puts the page in its own browsing-context group; COEP `require-corp` lets it load
 * only same-origin resources or ones that opt in — the app loads nothing from elsewhere anyway (its
 * Content-Security-Policy allows its own origin only).
 */
export const CROSS_ORIGIN_ISOLATION_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};
