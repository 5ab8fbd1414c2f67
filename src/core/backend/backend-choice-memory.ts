/**
 * Remembering a measured backend choice between visits, so a reload does not measure again. Pure: the
 * key and the checked (de)serialisation; the page keeps the text in localStorage.
 *
 * The key holds the WebGL renderer and the browser's user agent: a new GPU, driver or browser version
 * may change the ranking, and then the choice is measured afresh. The version number changes when the
 * probe itself changes.
 */
import type { BackendChoice } from './backend-choice';
import { PROBE_ORDER, type ComputeBackend, type ProbeOutcome, type ProbePhase, type ProbeRecord } from './backend-probe-rules';

const FORMAT = 'cnn-playground-backend-choice';
const VERSION = 1;

/** The storage key for a renderer (null: no WebGL) and user agent. */
export function rememberedChoiceKey(renderer: string | null, userAgent: string): string {
  return `${FORMAT}:v${VERSION}:${renderer ?? 'no-webgl'}|${userAgent}`;
}

/** The text to store for a measured choice. */
export function serializeChoice(choice: BackendChoice): string {
  return JSON.stringify({ format: FORMAT, version: VERSION, ...choice });
}

/**
 * Read a stored choice back; null for anything that is not one this version wrote (an older format,
 * a hand-edited value, a truncated write), so a bad entry means "measure again", never a crash.
 */
export function parseRememberedChoice(text: string | null): BackendChoice | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value) || value.format !== FORMAT || value.version !== VERSION) return null;
  const { backend, summary, records, measuredAt } = value;
  if (!isBackend(backend) || typeof summary !== 'string' || typeof measuredAt !== 'string' || !Array.isArray(records)) return null;
  const parsed = records.map(parseRecord);
  if (parsed.some((record) => record === null)) return null;
  return { backend, source: 'remembered', summary, records: parsed as ProbeRecord[], measuredAt };
}

function parseRecord(value: unknown): ProbeRecord | null {
  if (!isObject(value)) return null;
  const { backend, renderer, softwareRenderer, batchSize, outcome } = value;
  if (!isBackend(backend) || (renderer !== null && typeof renderer !== 'string') || typeof softwareRenderer !== 'boolean' || !isCount(batchSize)) return null;
  const parsedOutcome = parseOutcome(outcome);
  return parsedOutcome ? { backend, renderer, softwareRenderer, batchSize, outcome: parsedOutcome } : null;
}

function parseOutcome(value: unknown): ProbeOutcome | null {
  if (!isObject(value)) return null;
  if (value.status === 'unavailable') return typeof value.reason === 'string' ? { status: 'unavailable', reason: value.reason } : null;
  if (value.status === 'measured') {
    const { imagesPerSecond, firstStepMs, stepMs } = value;
    if (!isPositive(imagesPerSecond) || !isPositive(firstStepMs) || !Array.isArray(stepMs) || !stepMs.every(isPositive)) return null;
    return { status: 'measured', imagesPerSecond, firstStepMs, stepMs: stepMs as number[] };
  }
  if (value.status === 'stopped') {
    const { phase, afterMs, atMostImagesPerSecond } = value;
    if (!isPhase(phase) || !isPositive(afterMs) || (atMostImagesPerSecond !== null && !isPositive(atMostImagesPerSecond))) return null;
    return { status: 'stopped', phase, afterMs, atMostImagesPerSecond };
  }
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isBackend(value: unknown): value is ComputeBackend {
  return typeof value === 'string' && (PROBE_ORDER as readonly string[]).includes(value);
}

function isPhase(value: unknown): value is ProbePhase {
  return value === 'starting' || value === 'warm-up' || value === 'timed';
}

function isPositive(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}
