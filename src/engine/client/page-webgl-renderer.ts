/**
 * The page's WebGL renderer, read without tfjs from a throwaway canvas: enough to know at once
 * whether the machine has a hardware GPU (then WebGL is used without a probe) and to key the
 * remembered backend choice. The context is released straight away, so it never counts against
 * the browser's limit on live WebGL contexts.
 *
 * @returns the unmasked renderer ("ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 …)", "… SwiftShader …"),
 *   the masked one when the browser hides it, or null when the page gets no WebGL at all.
 */
export function readPageWebGLRenderer(): string | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return null;
  try {
    const debugInfo = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(debugInfo ? debugInfo.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  } finally {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
}
