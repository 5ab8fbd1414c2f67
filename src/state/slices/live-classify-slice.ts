/**
 * Classify live from the camera: the page grabs a frame about twice a second, and the answering model
 * classifies it with the same centre crop and area resampling as a dropped photo. Only the latest
 * answer is kept (no result card per frame); a frame is skipped while the one before is still in the
 * engine, so a slow backend never builds a queue.
 */
import type { StateCreator } from 'zustand';
import { centreSquareToRgb } from '../../core/data/picture-input';
import type { RgbaFrame } from '../../engine/protocol-classes';
import type { ClassifyAnswer } from '../../engine/protocol-classify';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';
import { messageOf } from './classify-commands';

/** The live camera answer. */
export interface LiveClassifyData {
  /** The answer to the latest frame, or null before one (and after the camera stops). */
  readonly liveAnswer: ClassifyAnswer | null;
  readonly liveError: string | null;
  /** True while a frame is in the engine. */
  readonly liveBusy: boolean;
}

/** Live camera actions. */
export interface LiveClassifyActions {
  /** Classify one whole camera frame with the chosen model; skipped (false) while the last one is still being answered. */
  classifyLiveFrame(frame: RgbaFrame): boolean;
  /** Forget the live answer (the camera stopped, or live classifying was turned off). */
  liveClassifyStopped(): void;
}

/** Nothing live. */
export const initialLiveClassifyData = (): LiveClassifyData => ({ liveAnswer: null, liveError: null, liveBusy: false });

/** The live camera slice. */
export const createLiveClassifySlice: StateCreator<AppState, [], [], LiveClassifyData & LiveClassifyActions> = (set, get) => ({
  ...initialLiveClassifyData(),
  classifyLiveFrame: (frame) => {
    if (get().liveBusy) return false;
    set({ liveBusy: true });
    const pixels = centreSquareToRgb(frame.rgba, frame.width, frame.height);
    sessionOf(get())
      .request({ type: 'classify-pixels', pixels, model: get().classifyChoice })
      .then(
        (event) => set(get().liveBusy && event.type === 'classify-answer' ? { liveAnswer: event.answer, liveError: null, liveBusy: false } : { liveBusy: false }),
        (error: unknown) => set(get().liveBusy ? { liveError: messageOf(error), liveBusy: false } : {}),
      );
    return true;
  },
  liveClassifyStopped: () => set(initialLiveClassifyData()),
});
