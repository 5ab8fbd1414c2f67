import { describe, expect, it } from 'vitest';
import { byteTextureLayout, TEXELS_PER_IMAGE } from '../../../src/core/backend/byte-texture-layout';
import { CIFAR_IMAGE_BYTES } from '../../../src/core/data/cifar-format';

describe('byteTextureLayout', () => {
  it('fits a CIFAR picture in 768 RGBA texels exactly', () => {
    expect(TEXELS_PER_IMAGE * 4).toBe(CIFAR_IMAGE_BYTES);
    expect(TEXELS_PER_IMAGE).toBe(768);
  });

  it('puts one picture per row while the rows fit: no padding', () => {
    expect(byteTextureLayout(512, 4096)).toEqual({ imagesPerRow: 1, width: 768, height: 512, slots: 512 });
    expect(byteTextureLayout(1, 4096)).toEqual({ imagesPerRow: 1, width: 768, height: 1, slots: 1 });
    expect(byteTextureLayout(4096, 4096)).toEqual({ imagesPerRow: 1, width: 768, height: 4096, slots: 4096 });
  });

  it('puts as few pictures per row as keep the height within the limit, padding the last row', () => {
    expect(byteTextureLayout(4097, 4096)).toEqual({ imagesPerRow: 2, width: 1536, height: 2049, slots: 4098 });
    // WebGL 2's guaranteed minimum (2048): the largest batch the settings allow still fits.
    expect(byteTextureLayout(4096, 2048)).toEqual({ imagesPerRow: 2, width: 1536, height: 2048, slots: 4096 });
  });

  it('says no when the batch is empty or needs a row wider than the limit', () => {
    expect(byteTextureLayout(0, 4096)).toBeNull();
    expect(byteTextureLayout(2.5, 4096)).toBeNull();
    expect(byteTextureLayout(4097, 2048)).toBeNull();
    expect(byteTextureLayout(1, 512)).toBeNull();
  });

  it('never exceeds the limit on either side and always has room for the batch', () => {
    for (const limit of [1024, 2048, 4096, 16384]) {
      for (const count of [1, 7, 511, 512, 1023, 1025, 3000, 4096, 9999]) {
        const layout = byteTextureLayout(count, limit);
        if (!layout) continue;
        expect(layout.width).toBeLessThanOrEqual(limit);
        expect(layout.height).toBeLessThanOrEqual(limit);
        expect(layout.slots).toBeGreaterThanOrEqual(count);
        expect(layout.slots - count).toBeLessThan(layout.imagesPerRow);
      }
    }
  });
});
