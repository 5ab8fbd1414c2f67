import type { BeginRequest } from '../../src/state/slices/training-slice';
import { TINY_SPEC, tinySettings } from '../engine/training/fixtures';

/** A `train-start` request for run `runId` of the tiny network, as the Start button sends it. */
export function requestRun(runId: string): BeginRequest {
  return { type: 'train-start', runId, name: `Run ${runId}`, spec: TINY_SPEC, hyperparameters: tinySettings(), pauseAfterBatches: null };
}
