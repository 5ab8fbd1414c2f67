/**
 * The lab in the address: `?lab=<link>` carries the network, the settings and every lesson's example
 * (`encodeLabLink`, src/core/lab/lab-link.ts), `?present` presenter mode; the hash carries the area,
 * lesson, step and Train tab (hash-sync.ts). So the address bar always reproduces the view, and
 * Copy link copies it. A side-effect place of the store, like hash-sync.
 */
import { decodeLabLink, encodeLabLink } from '../core/lab/lab-link';
import { labOfState, type LabSource } from './lab-of-state';
import { getInitialState, useAppStore, type AppState } from './store';

/** The search parameter that holds the lab. */
export const LAB_PARAM = 'lab';
/** The search parameter that turns presenter mode on (`?present`; `?present=0` turns it off). */
export const PRESENT_PARAM = 'present';

/** What the page says about a lab link it could read only in part, or not at all. */
export function labLinkMessages(text: string): { readonly lab: ReturnType<typeof decodeLabLink>; readonly messages: readonly string[] } {
  const lab = decodeLabLink(text);
  if (!lab.ok) return { lab, messages: lab.problems.map((problem) => `This link's lab could not be read — ${problem.message}. The app opened with its own lab instead.`) };
  return { lab, messages: lab.notes.map((note) => `Part of this link's lab could not be read: ${note.message}. Everything else opened as the link says.`) };
}

/**
 * The address with `lab` and `present` set for `state` (other parameters, such as `?backend=`, and
 * the hash kept). The lab is left out while it is the app's own first lab, so a plain address stays plain.
 */
export function addressFor(href: string, lab: string | null, presenting: boolean): string {
  const url = new URL(href);
  if (lab === null) url.searchParams.delete(LAB_PARAM);
  else url.searchParams.set(LAB_PARAM, lab);
  if (presenting) url.searchParams.set(PRESENT_PARAM, '');
  else url.searchParams.delete(PRESENT_PARAM);
  // `?present=` reads better as `?present`.
  return url.href.replace(/([?&]present)=(?=&|#|$)/, '$1');
}

/** The search parameter of the user's backend choice (`?backend=`, read by backend-choice-commands.ts). */
const BACKEND_PARAM = 'backend';

/** A link to hand out: this address less what belongs to this screen, and what was left out, in words. */
export interface ShareableAddress {
  readonly href: string;
  readonly leftOut: readonly string[];
}

/**
 * The address of this view to hand out (Copy link): the lab and the view, without `?present` and
 * `?backend=`. Those belong to the screen they were set on: a projector's large type, or a backend
 * forced for one machine's driver, would otherwise follow the link onto every student's laptop,
 * where the app measures its own backend.
 */
export function shareableAddress(href: string): ShareableAddress {
  const url = new URL(href);
  const leftOut: string[] = [];
  if (url.searchParams.has(PRESENT_PARAM)) leftOut.push('presenter mode');
  if (url.searchParams.has(BACKEND_PARAM)) leftOut.push(`the backend choice (${url.searchParams.get(BACKEND_PARAM) ?? ''})`);
  url.searchParams.delete(PRESENT_PARAM);
  url.searchParams.delete(BACKEND_PARAM);
  return { href: url.href, leftOut };
}

const labParts = (state: AppState): LabSource => state;

function sameParts(a: LabSource, b: LabSource): boolean {
  return a.modelSpec === b.modelSpec && a.hyperparameterForm === b.hyperparameterForm && a.trainingForm === b.trainingForm && a.lessonSettings === b.lessonSettings;
}

/**
 * Read `?lab=` and `?present` once (a lab link opens its lab; what it could not read is said on the
 * page), then keep the address in step with the store.
 *
 * @returns a function that stops syncing.
 */
export function startLabUrlSync(): () => void {
  const params = new URLSearchParams(window.location.search);
  const text = params.get(LAB_PARAM);
  const store = useAppStore.getState();
  if (text !== null) {
    const { lab, messages } = labLinkMessages(text);
    if (lab.ok) store.applyLab(lab.lab);
    store.setLabLinkNotes(messages);
  }
  if (params.has(PRESENT_PARAM)) store.setPresenting(params.get(PRESENT_PARAM) !== '0');
  const firstLab = encodeLabLink(labOfState(getInitialState()));
  const write = (state: AppState): void => {
    const lab = encodeLabLink(labOfState(labParts(state)));
    const next = addressFor(window.location.href, lab === firstLab ? null : lab, state.presenting);
    if (next !== window.location.href) window.history.replaceState(window.history.state, '', next);
  };
  write(useAppStore.getState());
  return useAppStore.subscribe((state, previous) => {
    if (!sameParts(state, previous) || state.presenting !== previous.presenting) write(state);
  });
}
