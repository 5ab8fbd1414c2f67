/**
 * Code the app benchmark runs inside the page and the engine worker, as source text: tsx compiles
 * functions with helper calls (`__name`) that do not exist in the browser, and text is also what an
 * init script must be.
 */

/**
 * Init script: record, in `window.__benchMarks`, when the three area links first exist (`navUsable`)
 * and when the badge first names a ready backend (`badgeReady`), in milliseconds since the navigation
 * started (`performance.now()`). A MutationObserver sees each change as it lands.
 */
export const FIRST_VIEW_MARKS_SCRIPT = `(() => {
  const marks = {};
  window.__benchMarks = marks;
  const check = () => {
    if (marks.navUsable === undefined && document.querySelectorAll('nav[aria-label="Areas"] a[href]').length === 3) marks.navUsable = performance.now();
    const badge = document.querySelector('[data-backend]');
    if (marks.badgeReady === undefined && badge && badge.getAttribute('data-backend')) marks.badgeReady = performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/** Start recording requestAnimationFrame intervals in the page (`window.__frameDeltas`). */
export const FRAME_RECORDER_START = `(() => {
  const deltas = [];
  window.__frameDeltas = deltas;
  window.__frameRecording = true;
  let last = null;
  const tick = (time) => {
    if (last !== null) deltas.push(time - last);
    last = time;
    if (window.__frameRecording) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

/** Stop recording and return the intervals, milliseconds. */
export const FRAME_RECORDER_STOP = `(() => {
  window.__frameRecording = false;
  return window.__frameDeltas;
})()`;

/** In the engine worker: tf.memory() through tfjs's global engine, and the wasm backend's heap size. */
export const TF_MEMORY_IN_WORKER = `(() => {
  const engine = globalThis._tfengine;
  const memory = engine.memory();
  const heap = engine.backendName === 'wasm' ? engine.backend.wasm.HEAPU8.length : null;
  return { numTensors: memory.numTensors, numBytes: memory.numBytes, wasmHeapBytes: heap };
})()`;

/**
 * Init script for the first-use timings: record, in `window.__firstUse` (milliseconds since the
 * navigation started), when the first classify card gets its answer (`answered`) and when any card
 * fails (`failed`, with `failures` counting them), and when Train's Start button is first enabled
 * (`startEnabled`).
 */
export const FIRST_USE_MARKS_SCRIPT = `(() => {
  const marks = { failures: 0 };
  window.__firstUse = marks;
  const failedSeen = new Set();
  const check = () => {
    const now = performance.now();
    for (const card of document.querySelectorAll('article[data-status]')) {
      const status = card.getAttribute('data-status');
      if (status === 'done' && marks.answered === undefined) marks.answered = now;
      if (status === 'failed' && !failedSeen.has(card)) {
        failedSeen.add(card);
        marks.failures += 1;
        if (marks.failed === undefined) marks.failed = now;
      }
    }
    const start = [...document.querySelectorAll('[aria-label="Training controls"] button')].find((button) => button.textContent === 'Start');
    if (marks.startEnabled === undefined && start && !start.disabled) marks.startEnabled = now;
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
})();`;
