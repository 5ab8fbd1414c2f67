import { describe, expect, test } from 'vitest';
import { shortRendererName } from '../../src/views/common/renderer-name';

describe('shortRendererName', () => {
  test.each([
    ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', 'SwiftShader'],
    ['llvmpipe (LLVM 15.0.6, 256 bits)', 'llvmpipe'],
    ['ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 (0x00002504) Direct3D11 vs_5_0 ps_5_0, D3D11)', 'NVIDIA GeForce RTX 3060 Direct3D11'],
    ['Apple M2', 'Apple M2'],
  ])('%s → %s', (renderer, short) => {
    expect(shortRendererName(renderer)).toBe(short);
  });
});
