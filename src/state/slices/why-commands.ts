/**
 * "Why this class"'s commands to the engine: ask for the saliency maps of the open picture and class
 * (a `saliency-maps` request through the engine session), again whenever the class changes.
 */
import type { StateCreator } from 'zustand';
import { topClasses } from '../../core/data/classify-hints';
import { CIFAR10_CLASSES } from '../../core/data/cifar-format';
import { sessionOf } from '../engine-session';
import type { AppState } from '../store';
import { messageOf } from './classify-commands';
import type { WhyTarget } from './why-slice';

/** "Why this class" commands. */
export interface WhyCommands {
  /**
   * Open the view on `target` and ask for the maps of `classIndex` (default: the top answer).
   * Opening the target already open only changes the class.
   */
  whyOpen(target: WhyTarget, classIndex?: number): void;
  /**
   * Explain another class of the open picture.
   * @throws RangeError for a class that is not one of the model's (ten, or its own classes).
   */
  whyChooseClass(classIndex: number): void;
}

/** The class with the highest probability (0 when there is not one probability per class of `classes`). */
export function topClassIndex(probabilities: readonly number[], classes: readonly string[] = CIFAR10_CLASSES): number {
  return probabilities.length === classes.length ? (topClasses(probabilities, 1, classes)[0]?.classIndex ?? 0) : 0;
}

/** The "Why this class" commands, spread into its slice. */
export const createWhyCommands: StateCreator<AppState, [], [], WhyCommands> = (set, get) => {
  const ask = (target: WhyTarget, classIndex: number): void => {
    const asked = get().whyAsked + 1;
    set({ whyTarget: target, whyClass: classIndex, whyStatus: 'working', whyError: null, whyAsked: asked });
    sessionOf(get())
      // A copy: the store keeps its bytes, whatever the message does with the buffer.
      .request({ type: 'saliency-maps', pixels: target.pixels.slice(), model: target.model, classIndex })
      .then(
        (event) => event.type === 'saliency-result' && get().whyReceived(asked, event.maps),
        (error: unknown) => get().whyFailed(asked, messageOf(error)),
      );
  };
  return {
    whyOpen: (target, classIndex) => {
      const open = get().whyTarget;
      const chosen = classIndex ?? (open?.key === target.key ? get().whyClass : topClassIndex(target.probabilities, target.classNames));
      if (open?.key !== target.key) set({ whyMaps: null });
      ask(target, chosen);
    },
    whyChooseClass: (classIndex) => {
      const target = get().whyTarget;
      const count = (target?.classNames ?? CIFAR10_CLASSES).length;
      if (!Number.isInteger(classIndex) || classIndex < 0 || classIndex >= count) throw new RangeError(`a class is 0…${count - 1}, got ${classIndex}`);
      if (target) ask(target, classIndex);
    },
  };
};
