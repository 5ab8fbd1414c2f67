import { describe, expect, test } from 'vitest';
import { describeInspectedModel } from '../../src/views/common/inspected-model-text';

describe('naming the inspected model', () => {
  test('pretrained, part of the first epoch, whole epochs and batches past them', () => {
    expect(describeInspectedModel({ kind: 'pretrained' })).toBe('the pretrained tutorial model');
    expect(describeInspectedModel({ kind: 'trained', epochsDone: 0, batch: 1 })).toBe('your network, 1 batch into epoch 1');
    expect(describeInspectedModel({ kind: 'trained', epochsDone: 0, batch: 5 })).toBe('your network, 5 batches into epoch 1');
    expect(describeInspectedModel({ kind: 'trained', epochsDone: 3, batch: 0 })).toBe('your network after epoch 3');
    expect(describeInspectedModel({ kind: 'trained', epochsDone: 3, batch: 2 })).toBe('your network after epoch 3 and 2 batches more');
  });
});
