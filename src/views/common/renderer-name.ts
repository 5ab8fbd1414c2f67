/**
 * Shorten a WebGL renderer string for the badge.
 * "ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)"
 * becomes "SwiftShader"; "ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 ...)" becomes
 * "NVIDIA GeForce RTX 3060 Direct3D11".
 */
export function shortRendererName(renderer: string): string {
  if (/swiftshader/i.test(renderer)) return 'SwiftShader';
  if (/llvmpipe/i.test(renderer)) return 'llvmpipe';
  const angle = /^ANGLE \(([^,]+),\s*(.+)\)$/.exec(renderer.trim());
  const inner = angle?.[2] ?? renderer.trim();
  // Drop trailing driver / API detail in parentheses and keep it short enough for a badge.
  const withoutDetail = inner.replace(/\s*\(0x[0-9a-f]+\)/gi, '').replace(/,\s*[^,]*driver.*$/i, '')
    .replace(/\s+vs_\d_\d.*$/, '');
  return withoutDetail.length > 48 ? `${withoutDetail.slice(0, 47)}…` : withoutDetail;
}
