import type { TrainedModelView } from './controller-types';

/** The run's model on loan: read it, never dispose it, and call `giveBack` exactly once when done. */
export interface ModelLoan extends TrainedModelView {
  /** The run's own batch size. */
  readonly batchSize: number;
  /** Aborted when the run needs its model back; `reason` is an Error saying why. */
  readonly signal: AbortSignal;
  giveBack(): void;
}

/**
 * Lends a run's model to one borrower at a time (an "evaluate now") and takes it back when training
 * must go on: `recall` aborts the borrower's signal and waits until it gives the model back, so the
 * weights never change under a reader.
 */
export class ModelLoanDesk {
  private current: { readonly abort: AbortController; readonly returned: Promise<void> } | null = null;

  /** True while a loan is out. */
  get lent(): boolean {
    return this.current !== null;
  }

  /**
   * Lend `view` (the caller checked that the run rests).
   * @throws Error when a loan is out already.
   */
  lend(view: Omit<ModelLoan, 'signal' | 'giveBack'>): ModelLoan {
    if (this.current) throw new Error('the model is lent already');
    let resolve = (): void => undefined;
    const returned = new Promise<void>((done) => {
      resolve = done;
    });
    const entry = { abort: new AbortController(), returned };
    this.current = entry;
    return {
      ...view,
      signal: entry.abort.signal,
      giveBack: () => {
        if (this.current === entry) this.current = null;
        resolve();
      },
    };
  }

  /** Take the model back: abort the borrower's work with an Error saying `reason`, and wait for it. */
  async recall(reason: string): Promise<void> {
    const entry = this.current;
    if (!entry) return;
    entry.abort.abort(new Error(reason));
    await entry.returned;
  }
}
