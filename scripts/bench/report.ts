import type { BenchConfig, BenchOutcome } from './bench-types';
import type { MachineDescription } from './machine';

/** One row of the benchmark: a configuration and what it gave. */
export interface BenchRecord {
  readonly config: BenchConfig;
  readonly outcome: BenchOutcome;
  /** 1-minute load average before and after, for configurations measured side by side with others. */
  readonly loadAverage?: { readonly before: number | null; readonly after: number | null };
}

/** The whole of bench/results.json. */
export interface BenchReport {
  readonly generatedAt: string;
  readonly machine: MachineDescription;
  readonly workload: string;
  readonly records: readonly BenchRecord[];
}

const HEADER = ['where', 'loop', 'backend', 'kernels', 'batch', 'images/s', 'per step (min–max)', 'first step', 'timed steps', 'note'] as const;

/** "244–263": the slowest and fastest timed step's images/s, or '—' without timed steps. */
function stepRange(batchSize: number, stepMs: readonly number[]): string {
  if (stepMs.length === 0) return '—';
  const speeds = stepMs.map((ms) => (batchSize * 1000) / ms);
  const digits = Math.max(...speeds) < 10 ? 1 : 0;
  return `${Math.min(...speeds).toFixed(digits)}–${Math.max(...speeds).toFixed(digits)}`;
}

/** The report as a fixed-width text table, one row per record, with the machine above it. */
export function formatReport(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}`,
    `Chromium: ${machine.chromium ?? 'not run'}; WebGL renderer: ${machine.webglRenderer ?? 'not run'}`,
    `Load average (1 min): ${machine.loadAverageBefore?.toFixed(1) ?? '?'} before, ${machine.loadAverageAfter?.toFixed(1) ?? '?'} after (${machine.cores} cores)`,
    `Workload: ${report.workload}`,
    '',
  ];
  const rows = report.records.map(({ config, outcome, loadAverage }) => [
    config.environment === 'node' ? 'Node' : config.environment === 'chromium' ? 'Chromium worker' : 'Chromium worker, COOP/COEP',
    config.loop === 'engine' ? 'our engine (Trainer, 1 worker)' : 'stock trainOnBatch',
    config.backend,
    config.kernels === 'ours' ? 'stock + ours' : 'stock',
    String(config.batchSize),
    outcome.status === 'ok' ? outcome.speed.imagesPerSecond.toFixed(1) : '—',
    outcome.status === 'ok' ? stepRange(config.batchSize, outcome.speed.stepMs) : '—',
    outcome.status === 'ok' ? `${(outcome.speed.firstStepMs / 1000).toFixed(1)} s` : '—',
    outcome.status === 'ok' ? String(outcome.speed.stepMs.length) : '—',
    outcome.status !== 'ok'
      ? `${outcome.status}: ${outcome.reason}`
      : outcome.speed.stepMs.length === 0
        ? `${outcome.backendDetail}; from the warm-up step alone (it took over a minute)`
        : `${outcome.backendDetail}${loadAverage ? `; load average ${loadAverage.before?.toFixed(1) ?? '?'} before, ${loadAverage.after?.toFixed(1) ?? '?'} after` : ''}`,
  ]);
  const widths = HEADER.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const format = (cells: readonly string[]): string => cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd();
  if (rows.length > 0) lines.push(format(HEADER), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format));
  return lines.join('\n');
}
