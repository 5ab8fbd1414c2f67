/**
 * Which backend the engine trains on, and the sentence that tells the user why. Pure: the page reads
 * the WebGL renderer and the remembered choice, the engine measures, and these functions decide.
 *
 * Order of precedence: the user's `?backend=` always wins; a hardware GPU keeps WebGL without a
 * measurement (tfjs's WebGL backend is its fastest path on a real GPU, and a probe there would only
 * cost start-up time); otherwise a choice measured earlier on this browser and renderer is reused, or
 * every backend is measured (backend-probe-rules.ts) and the fastest wins.
 */
import { fastestMeasured, isSoftwareRenderer, type ComputeBackend, type ProbeRecord } from './backend-probe-rules';

/** What the user asked for: a backend named in the address, or the app's choice. */
export type BackendRequest = { readonly kind: 'user'; readonly backend: ComputeBackend } | { readonly kind: 'auto' };

/** How the backend was chosen. */
export type ChoiceSource = 'user' | 'hardware-gpu' | 'measured' | 'remembered' | 'fallback';

/** The chosen backend and why. */
export interface BackendChoice {
  readonly backend: ComputeBackend;
  readonly source: ChoiceSource;
  /** One sentence for the badge, e.g. "no hardware GPU found: training on WebAssembly, 25× faster here than software WebGL". */
  readonly summary: string;
  /** The measurements behind a measured or remembered choice; empty otherwise. */
  readonly records: readonly ProbeRecord[];
  /** When the measurement was made (ISO 8601), or null. */
  readonly measuredAt: string | null;
}

/** What to do at start-up. */
export type BackendPlan = { readonly kind: 'use'; readonly choice: BackendChoice } | { readonly kind: 'measure' };

/** Names of the backends in the badge's words. */
export function backendLabel(backend: ComputeBackend, softwareRenderer = false): string {
  if (backend === 'webgl') return softwareRenderer ? 'software WebGL' : 'WebGL';
  return backend === 'wasm' ? 'WebAssembly' : 'the cpu backend (plain JavaScript)';
}

/**
 * Decide without measuring when possible.
 * @param pageRenderer the WebGL renderer the page sees, or null when it has no WebGL at all.
 * @param remembered a choice measured before for this browser and renderer, or null.
 */
export function planBackendChoice(request: BackendRequest, pageRenderer: string | null, remembered: BackendChoice | null): BackendPlan {
  if (request.kind === 'user') {
    const summary = `you chose ${backendLabel(request.backend)} with ?backend=${request.backend} in the address, so it was not measured`;
    return { kind: 'use', choice: { backend: request.backend, source: 'user', summary, records: [], measuredAt: null } };
  }
  if (pageRenderer !== null && !isSoftwareRenderer(pageRenderer)) {
    const summary = `hardware GPU found (${pageRenderer}): training on WebGL, without measuring`;
    return { kind: 'use', choice: { backend: 'webgl', source: 'hardware-gpu', summary, records: [], measuredAt: null } };
  }
  if (remembered) return { kind: 'use', choice: { ...remembered, source: 'remembered' } };
  return { kind: 'measure' };
}

/**
 * Choose from measurements: the most images per second wins. When nothing finished a timed step,
 * the first backend that started, in tfjs's own order (webgl, wasm, cpu), is the fallback.
 *
 * @throws Error when no backend could start at all.
 */
export function chooseFromProbes(records: readonly ProbeRecord[], measuredAt: Date): BackendChoice {
  const at = measuredAt.toISOString();
  const best = fastestMeasured(records);
  if (best) return { backend: best.backend, source: 'measured', summary: describeWinner(best, records), records, measuredAt: at };
  const started = (['webgl', 'wasm', 'cpu'] as const).find((backend) => records.some((r) => r.backend === backend && r.outcome.status === 'stopped'));
  if (!started) {
    const reasons = records.map((r) => `${r.backend}: ${r.outcome.status === 'unavailable' ? r.outcome.reason : r.outcome.status}`);
    throw new Error(`no compute backend could start (${reasons.join('; ')})`);
  }
  const summary = `no backend finished a measured training step within its time limit: training on ${backendLabel(started)}, tfjs's first choice`;
  return { backend: started, source: 'fallback', summary, records, measuredAt: at };
}

/** "no hardware GPU found: training on WebAssembly, 25× faster here than software WebGL". */
function describeWinner(best: ProbeRecord, records: readonly ProbeRecord[]): string {
  const webgl = records.find((r) => r.backend === 'webgl');
  const premise =
    webgl === undefined ? 'measured here'
    : webgl.outcome.status === 'unavailable' ? 'WebGL is unavailable here'
    : webgl.softwareRenderer ? 'no hardware GPU found'
    : 'measured here';
  const winner = `training on ${backendLabel(best.backend, best.softwareRenderer)}`;
  const reference = best.backend !== 'webgl' && webgl && webgl.outcome.status !== 'unavailable' ? webgl : runnerUp(best, records);
  return reference ? `${premise}: ${winner}, ${compare(best, reference)}` : `${premise}: ${winner}, the only backend that works`;
}

/** The next-best backend that started, measured ones first. */
function runnerUp(best: ProbeRecord, records: readonly ProbeRecord[]): ProbeRecord | null {
  const others = records.filter((r) => r !== best && r.outcome.status !== 'unavailable');
  return fastestMeasured(others) ?? others[0] ?? null;
}

/** How much faster `best` was than `other`, as far as the measurement shows. */
function compare(best: ProbeRecord, other: ProbeRecord): string {
  if (best.outcome.status !== 'measured') return '';
  const name = backendLabel(other.backend, other.softwareRenderer);
  const speed = best.outcome.imagesPerSecond;
  const outcome = other.outcome;
  if (outcome.status === 'measured') {
    const ratio = speed / outcome.imagesPerSecond;
    return ratio >= 1.05 ? `${formatRatio(ratio)} faster here than ${name}` : `as fast here as ${name}`;
  }
  if (outcome.status === 'stopped' && outcome.atMostImagesPerSecond !== null) {
    return `more than ${formatRatio(speed / outcome.atMostImagesPerSecond)} faster here than ${name}`;
  }
  if (outcome.status === 'stopped') {
    const what = outcome.phase === 'starting' ? 'had not started' : 'had not finished its first training step';
    return `while ${name} ${what} after ${(outcome.afterMs / 1000).toFixed(1)} s`;
  }
  return '';
}

/** 25× for large ratios, 3.4× for small ones. */
export function formatRatio(ratio: number): string {
  return ratio >= 10 ? `${Math.floor(ratio)}×` : `${(Math.floor(ratio * 10) / 10).toFixed(1)}×`;
}

/** A record in the badge's words: "WebAssembly: 138 images/s", "software WebGL: stopped after 1.2 s of a timed step (under 13 images/s)". */
export function describeRecord(record: ProbeRecord): string {
  const name = backendLabel(record.backend, record.softwareRenderer);
  const outcome = record.outcome;
  if (outcome.status === 'unavailable') return `${name}: unavailable (${outcome.reason})`;
  if (outcome.status === 'measured') {
    const speed = outcome.imagesPerSecond >= 10 ? outcome.imagesPerSecond.toFixed(0) : outcome.imagesPerSecond.toFixed(1);
    return `${name}: ${speed} images/s (${record.batchSize}-image steps, first step ${(outcome.firstStepMs / 1000).toFixed(1)} s)`;
  }
  const seconds = (outcome.afterMs / 1000).toFixed(1);
  if (outcome.phase === 'starting') return `${name}: stopped, not started after ${seconds} s`;
  if (outcome.phase === 'warm-up') return `${name}: stopped, first step unfinished after ${seconds} s`;
  const bound = outcome.atMostImagesPerSecond === null ? '' : ` (under ${outcome.atMostImagesPerSecond.toFixed(1)} images/s)`;
  return `${name}: stopped, a timed step unfinished after ${seconds} s${bound}`;
}
