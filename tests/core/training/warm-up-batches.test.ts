import { describe, expect, it } from 'vitest';
import { describeWarmUp, distinctBatchSizes, runBatchSizes } from '../../../src/core/training/warm-up-batches';

describe('distinctBatchSizes', () => {
  it('lists the full batch and the last partial one', () => {
    expect(distinctBatchSizes(50_000, 512)).toEqual([512, 336]);
    expect(distinctBatchSizes(100, 8)).toEqual([8, 4]);
  });

  it('lists one size when the batches divide the images evenly', () => {
    expect(distinctBatchSizes(128, 32)).toEqual([32]);
    expect(distinctBatchSizes(10_000, 500)).toEqual([500]);
  });

  it('lists the image count when it is smaller than a batch', () => {
    expect(distinctBatchSizes(40, 64)).toEqual([40]);
    expect(distinctBatchSizes(0, 64)).toEqual([]);
  });

  it('names the constraint a bad argument breaks', () => {
    expect(() => distinctBatchSizes(10, 0)).toThrow('batch size must be a whole number ≥ 1, got 0');
    expect(() => distinctBatchSizes(-1, 8)).toThrow('image count must be a whole number ≥ 0, got -1');
  });
});

describe('runBatchSizes', () => {
  it('gives the training and the validation sizes of the tutorial run', () => {
    expect(runBatchSizes(50_000, 10_000, 512)).toEqual({ train: [512, 336], validation: [512, 272] });
  });
});

describe('describeWarmUp', () => {
  it('names every batch size it compiles for', () => {
    expect(describeWarmUp({ train: [512, 336], validation: [512, 272] })).toBe(
      'Compiling GPU shaders for training batches of 512 and 336 images and validation batches of 512 and 272, so that no step stalls on them later…',
    );
    expect(describeWarmUp({ train: [32], validation: [] })).toBe('Compiling GPU shaders for training batches of 32 images, so that no step stalls on them later…');
  });
});
