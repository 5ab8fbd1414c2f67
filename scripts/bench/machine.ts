import { cpus, loadavg, platform, release, totalmem } from 'node:os';

/** The machine a benchmark ran on, as results.json records it. */
export interface MachineDescription {
  readonly cpuModel: string;
  /** Logical cores Node sees. */
  readonly cores: number;
  readonly memoryGiB: number;
  readonly os: string;
  readonly node: string;
  /** Headless Chromium's user agent, or null when no browser ran. */
  chromium: string | null;
  /** WebGL renderer tfjs used in Chromium (e.g. SwiftShader), or null when webgl did not run. */
  webglRenderer: string | null;
  /** 1-minute load average when the run started: above the core count, others compete for the CPU. */
  readonly loadAverageBefore: number | null;
  /** 1-minute load average when it ended. */
  loadAverageAfter: number | null;
}

/** CPU model, cores, memory, OS and Node version of this machine. */
export function describeMachine(): MachineDescription {
  const processors = cpus();
  return {
    cpuModel: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: null,
    webglRenderer: null,
    loadAverageBefore: loadavg()[0] ?? null,
    loadAverageAfter: null,
  };
}
