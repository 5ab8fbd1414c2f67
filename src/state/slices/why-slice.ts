/**
 * "Why this class": the one picture whose saliency maps are shown, the class they explain, and the
 * engine's answer. One view at a time: opening it on another picture replaces it.
 */
import type { StateCreator } from 'zustand';
import type { ClassifierKind } from '../../engine/protocol-classify';
import type { SaliencyMaps } from '../../engine/protocol-saliency';
import type { AppState } from '../store';
import { createWhyCommands, type WhyCommands } from './why-commands';

export type { GradCamMap, Map2d, SaliencyMaps } from '../../engine/protocol-saliency';

/** What the maps are asked for: a picture, the model kind that answered it, and where it was opened. */
export interface WhyTarget {
  /** Names the place the view was opened from (a Classify card: "classify-<key>"), so only that place shows it. */
  readonly key: string;
  /** 32 × 32 × 3 uint8 RGB: the input the network saw. */
  readonly pixels: Uint8Array;
  readonly model: ClassifierKind;
  /** The model's probabilities for the picture: the class picker lists classes by them, best first. */
  readonly probabilities: readonly number[];
  /** What the probabilities stand for, in order, for a model of your own classes (absent: CIFAR-10's). */
  readonly classNames?: readonly string[];
}

/** Where the maps stand. `working` keeps the last maps on screen until the next arrive. */
export type WhyStatus = 'idle' | 'working' | 'ready' | 'failed';

/** The "Why this class" state. */
export interface WhyData {
  readonly whyTarget: WhyTarget | null;
  /** The class explained (0…9, or 0…N − 1 for a model of N own classes), by default the top answer. */
  readonly whyClass: number;
  readonly whyStatus: WhyStatus;
  /** The latest answer for the open target, or null. */
  readonly whyMaps: SaliencyMaps | null;
  /** Why the maps could not be made, a sentence for the user. */
  readonly whyError: string | null;
  /** Requests sent so far: only the answer to the latest one is shown. */
  readonly whyAsked: number;
}

/** "Why this class" actions; `whyReceived` / `whyFailed` are called by the commands. */
export interface WhyActions extends WhyCommands {
  whyReceived(ask: number, maps: SaliencyMaps): void;
  whyFailed(ask: number, message: string): void;
  /** Close the view. */
  whyClose(): void;
}

/** Initial "Why this class" state. */
export const initialWhyData = (): WhyData => ({ whyTarget: null, whyClass: 0, whyStatus: 'idle', whyMaps: null, whyError: null, whyAsked: 0 });

/** "Why this class" slice. */
export const createWhySlice: StateCreator<AppState, [], [], WhyData & WhyActions> = (set, get, store) => ({
  ...createWhyCommands(set, get, store),
  ...initialWhyData(),
  whyReceived: (ask, maps) => set((state) => (state.whyAsked === ask ? { whyStatus: 'ready', whyMaps: maps, whyError: null } : {})),
  whyFailed: (ask, message) => set((state) => (state.whyAsked === ask ? { whyStatus: 'failed', whyError: message } : {})),
  whyClose: () => set((state) => ({ ...initialWhyData(), whyAsked: state.whyAsked })),
});
