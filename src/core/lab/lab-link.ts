/**
 * A lab as a short, URL-safe string, for a link that reproduces it. Only what differs from the
 * tutorial's lab is written (field by field in objects; a changed list, such as the layers, whole),
 * as JSON compressed with raw DEFLATE (fflate) and written in base64url; the first character is the
 * link version. The tutorial's lab is the link `1`.
 *
 * A link is read against the defaults of its version: version 1 against `DEFAULT_LAB` as it is now.
 * Changing a default changes what old links mean, so a change to `DEFAULT_LAB` needs a new link
 * version that keeps version 1's defaults (`tests/core/lab-link.test.ts` fails until then). Settings
 * added since version 1 (`SETTINGS_ADDED_SINCE_V1`) are left out of the link base and written only when
 * they differ from what their absence means, so version 1's base, dictionary and links are unchanged.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { DEFAULT_LAB, parseLab, sameData, writeLab, type Lab, type LabParse } from './lab';
import { isRecord } from './lab-notes';

/** The version character every link of this code starts with. */
export const LAB_LINK_VERSION = '1';
/** Longest link text read: a heavily edited lab takes a few hundred characters. */
export const MAX_LAB_LINK_LENGTH = 4096;
/** Most bytes a link may inflate to (a lab's JSON is a few kilobytes at most). */
const MAX_INFLATED_BYTES = 64 * 1024;

/**
 * Training settings added after link version 1, with what a version-1 link means by not naming them
 * (how runs trained before they existed): Keras' decay schedule, no label smoothing. The schema fills
 * the same values in when they are missing.
 */
export const SETTINGS_ADDED_SINCE_V1: Readonly<Record<string, unknown>> = Object.freeze({ learningRateSchedule: 'decay', labelSmoothing: 0 });

/** `lab` written for a link: as `writeLab` writes it, less the added settings that hold their v1 meaning. */
function linkForm(lab: Lab): Record<string, unknown> {
  const written = writeLab(lab);
  const kept = Object.entries(written.hyperparameters).filter(([key, value]) => !(key in SETTINGS_ADDED_SINCE_V1 && sameData(value, SETTINGS_ADDED_SINCE_V1[key])));
  return { ...written, hyperparameters: Object.fromEntries(kept) };
}

/** `lab` as a link string: `1` for the tutorial's lab, `1` + base64url of the compressed changes otherwise. */
export function encodeLabLink(lab: Lab): string {
  const changes = changesFrom(linkForm(DEFAULT_LAB), linkForm(lab));
  if (changes === undefined) return LAB_LINK_VERSION;
  return LAB_LINK_VERSION + toBase64Url(deflateSync(strToU8(JSON.stringify(changes)), { level: 9, dictionary: labLinkDictionary() }));
}

/**
 * Read a link string: the lab it names, repaired where it could be read only in part (as `parseLab`
 * does by default), or the reason it cannot be read at all.
 */
export function decodeLabLink(text: string): LabParse {
  const refuse = (message: string): LabParse => ({ ok: false, problems: [{ path: '', message }] });
  if (text.length > MAX_LAB_LINK_LENGTH) return refuse(`the lab link is ${text.length} characters long; at most ${MAX_LAB_LINK_LENGTH} are read`);
  if (!text.startsWith(LAB_LINK_VERSION)) return refuse(`the lab link starts with '${text.slice(0, 1)}', not a link version this app reads (${LAB_LINK_VERSION})`);
  const body = text.slice(LAB_LINK_VERSION.length);
  if (body === '') return parseLab(linkForm(DEFAULT_LAB));
  let changes: unknown;
  try {
    const inflated = inflateSync(fromBase64Url(body), { dictionary: labLinkDictionary() });
    if (inflated.length > MAX_INFLATED_BYTES) return refuse(`the lab link unpacks to ${inflated.length} bytes; at most ${MAX_INFLATED_BYTES} are read`);
    changes = JSON.parse(strFromU8(inflated));
  } catch {
    return refuse('the lab link is damaged (cut short or mistyped): it does not unpack to a lab');
  }
  return parseLab(withChanges(linkForm(DEFAULT_LAB), changes));
}

/** What `value` changes in `base`: objects field by field, anything else whole; undefined when nothing. */
export function changesFrom(base: unknown, value: unknown): unknown {
  if (sameData(base, value)) return undefined;
  if (!isRecord(base) || !isRecord(value)) return value;
  const changes: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const change = changesFrom(base[key], item);
    if (change !== undefined) changes[key] = change;
  }
  return changes;
}

/** `base` with `changes` laid over it, as `changesFrom` wrote them. */
export function withChanges(base: unknown, changes: unknown): unknown {
  if (!isRecord(base) || !isRecord(changes)) return changes;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, change] of Object.entries(changes)) merged[key] = withChanges(base[key], change);
  return merged;
}

let cachedDictionary: Uint8Array | null = null;

/**
 * DEFLATE's preset dictionary: text a link's JSON is likely to repeat (every field name, layer type and
 * choice, the tutorial's own lab), so a changed list of layers costs a few bytes per layer.
 */
export function labLinkDictionary(): Uint8Array {
  cachedDictionary ??= strToU8(JSON.stringify(withChanges(linkForm(DEFAULT_LAB), { lessons: DEFAULT_LAB.lessons })) + DICTIONARY_WORDS);
  return cachedDictionary;
}

const DICTIONARY_WORDS = '{"type":"AveragePooling2D","activation":"linear"}{"activation":"sigmoid"}{"activation":"tanh"}"optimizer":"adam","monitor":"val_accuracy","enabled":true,"restoreBestWeights":false,"augment":true,"mode":"avg","mode":"explicit","padding":"same","padding":"valid"';

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** @throws when `text` is not base64url. */
function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}
