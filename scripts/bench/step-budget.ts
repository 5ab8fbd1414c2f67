import type { BenchOutcome } from './bench-types';

/** A step predicted to take longer than this is skipped, to keep a full run to a few minutes. */
export const STEP_BUDGET_MS = 60_000;

/**
 * Why a configuration at `batchSize` should be skipped, predicted from the same configuration at a
 * smaller batch (`measured`), or null to run it. Only a measured speed predicts: a failed or skipped
 * small batch says nothing about the time of a large one, so that one runs (and fails fast).
 */
export function skipReason(measured: BenchOutcome, measuredBatchSize: number, batchSize: number, budgetMs = STEP_BUDGET_MS): string | null {
  if (measured.status !== 'ok') return null;
  const imagesPerSecond = measured.speed.imagesPerSecond;
  const predictedMs = (batchSize / imagesPerSecond) * 1000;
  if (predictedMs <= budgetMs) return null;
  return `one step would take about ${Math.round(predictedMs / 1000)} s (${imagesPerSecond.toFixed(1)} images/s at batch ${measuredBatchSize}), over the ${budgetMs / 1000} s budget per step`;
}

/**
 * Why a configuration should be skipped, predicted from another one that runs the same kernels
 * (`proxy`, measured at the same batch size): our engine on the cpu backend, for instance, spends its
 * step in the very tfjs cpu kernels that stock `trainOnBatch` uses. Null to run it (or when the proxy
 * was not measured).
 */
export function proxySkipReason(proxy: BenchOutcome | undefined, proxyName: string, batchSize: number, budgetMs = STEP_BUDGET_MS): string | null {
  if (proxy?.status !== 'ok') return null;
  const reason = skipReason(proxy, batchSize, batchSize, budgetMs);
  return reason === null ? null : `same kernels as ${proxyName}: ${reason}`;
}
