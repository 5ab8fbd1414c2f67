/**
 * Why Start is off, in one sentence shown beside it (and given to it as its description), or null
 * when it is on or a run simply holds the engine. Pure.
 */

/** What Start waits for. */
export interface StartInputs {
  /** A run holds the engine (Start is off for the obvious reason). */
  readonly runActive: boolean;
  readonly engineReady: boolean;
  readonly dataReady: boolean;
  /** The setup's problems, network first (`RunSetupReading.problems`). */
  readonly problems: readonly string[];
  /** What the data load is doing while `dataReady` is false ("keeping a copy of train-images.bin…"). */
  readonly dataWait?: string;
}

/** The sentence, or null. Setup problems come first: they are the ones the user can act on. */
export function startBlockedReason(inputs: StartInputs): string | null {
  if (inputs.runActive) return null;
  const [first, ...rest] = inputs.problems;
  if (first !== undefined) {
    const more = rest.length === 0 ? '' : ` (and ${rest.length} more problem${rest.length === 1 ? '' : 's'}, marked above)`;
    return `Start is off until this is fixed: ${first}${more}.`;
  }
  if (!inputs.engineReady) return 'Start waits for the compute engine to start.';
  if (!inputs.dataReady) return inputs.dataWait ? `Start waits for CIFAR-10: ${inputs.dataWait}.` : 'Start waits for CIFAR-10 to finish loading.';
  return null;
}
