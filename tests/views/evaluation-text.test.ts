import { describe, expect, test } from 'vitest';
import { evaluationProgressText, evaluationWhen, isEvaluatedNow, trainedPosition } from '../../src/views/train/evaluation/evaluation-text';

const now = { evaluationId: 4, indices: Uint32Array.of(1), labels: Uint8Array.of(0), predictions: Uint8Array.of(0), loss: 1, accuracy: 1, evaluatedAt: '2026-01-05T14:05:09.000Z', seconds: 2 };

describe('evaluation section words', () => {
  test('which model and when', () => {
    const epoch = { runId: 'r1', epoch: 2, indices: Uint32Array.of(1), labels: Uint8Array.of(0), predictions: Uint8Array.of(0) };
    expect(isEvaluatedNow(epoch)).toBe(false);
    expect(evaluationWhen(epoch)).toBe('after epoch 3');
    const trained = { ...now, model: { kind: 'trained' as const, runId: 'r1', epochsDone: 3, batch: 12, iteration: 60 } };
    expect(isEvaluatedNow(trained)).toBe(true);
    expect(evaluationWhen(trained, 'UTC')).toBe('by your network, evaluated now, after epoch 3, batch 12 (at 14:05:09)');
    expect(evaluationWhen({ ...now, model: { kind: 'pretrained' } }, 'UTC')).toBe('by the pretrained tutorial model, evaluated now (at 14:05:09)');
  });

  test('where a run stands, and the progress line', () => {
    expect(trainedPosition(0, 0)).toBe('before any training');
    expect(trainedPosition(0, 5)).toBe('after batch 5 of epoch 1');
    expect(trainedPosition(2, 0)).toBe('after epoch 2');
    expect(evaluationProgressText('run', 0, null)).toBe('Evaluating your network…');
    expect(evaluationProgressText('pretrained', 1024, 10000)).toBe('Evaluating the pretrained model: 1 024 of 10 000 test images…');
  });
});
