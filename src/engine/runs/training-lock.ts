/**
 * One trainer per browser: a tab trains only while it holds the Web Lock `cnn-playground-training`, so
 * two tabs never write the same run. A second tab is told training runs elsewhere, and may take the
 * lock over (`steal`), which ends the first tab's hold at once.
 */

/** A held lock. */
export interface HeldLock {
  /** Give the lock back (idempotent). */
  release(): void;
  /** Resolves if another tab takes the lock over while it is held. */
  readonly lost: Promise<void>;
}

/** Where the lock comes from: Web Locks in browsers, nothing to share in Node. */
export interface TrainingLock {
  /**
   * Take the lock: null when another tab holds it (unless `takeOver`, which takes it from that tab).
   */
  acquire(takeOver: boolean): Promise<HeldLock | null>;
  /**
   * Run `task` while holding the lock, waiting as long as another tab holds it (a tab that is closing
   * or reloading gives it back when its engine ends). Resolves when the task is done.
   */
  whenFree(task: () => Promise<void>): Promise<void>;
}

/** The lock's name, shared by every tab of the app's origin. */
export const TRAINING_LOCK_NAME = 'cnn-playground-training';

/** Web Locks (`navigator.locks`, also in workers) when the host has them; otherwise a lock only this engine uses. */
export function createTrainingLock(): TrainingLock {
  const locks = typeof navigator === 'undefined' ? undefined : (navigator as Navigator & { locks?: LockManager }).locks;
  return locks ? webLock(locks) : localLock();
}

function webLock(locks: LockManager): TrainingLock {
  return {
    acquire: (takeOver) =>
      new Promise((resolve) => {
        let release = (): void => undefined;
        const released = new Promise<void>((done) => {
          release = done;
        });
        let markLost = (): void => undefined;
        const lost = new Promise<void>((done) => {
          markLost = done;
        });
        const options: LockOptions = takeOver ? { steal: true } : { ifAvailable: true };
        locks
          .request(TRAINING_LOCK_NAME, options, async (lock) => {
            if (!lock) {
              resolve(null);
              return;
            }
            resolve({ release, lost });
            await released;
          })
          // A stolen lock rejects its request with an AbortError: this tab no longer trains.
          .catch(() => markLost());
      }),
    whenFree: async (task) => {
      await locks.request(TRAINING_LOCK_NAME, task);
    },
  };
}

/** A lock within one engine (Node tests, the CLI): never held by anyone else. */
export function localLock(): TrainingLock {
  let held = false;
  return {
    acquire: async () => {
      held = true;
      let released = false;
      return {
        release: () => {
          if (!released) held = false;
          released = true;
        },
        lost: new Promise<void>(() => undefined),
      };
    },
    whenFree: async (task) => {
      if (!held) await task();
    },
  };
}
