/**
 * What a run on your own classes trains on: its class set's split, made once when the run starts and
 * kept beside it (ClassSetStore.keepRunData), so a resumed run, its confusion matrix and its held-out
 * pictures stay the same whatever the student does to the set afterwards.
 */
import { classSetProblems, summariseClassSet, type ClassSetSummary } from '../../core/data/class-set';
import { splitClassSet } from '../../core/data/class-set-split';
import type { OwnClassesSource } from '../../core/lab/own-classes-lab';
import type { RunId } from '../../core/training/run-record';
import type { ClassSetStore } from '../classes/class-set-store';
import type { TrainingData } from './trainer-types';

/**
 * The split `runId` trains on: the one kept for it, or — on its first start — a fresh split of the set
 * (seeded by the run's `seed`), which is then kept.
 * @throws Error saying what to do when the set is gone, cannot train (a class with too few pictures),
 *   or no longer has the run's classes.
 */
export async function ownClassesRunData(store: ClassSetStore, runId: RunId, classes: OwnClassesSource, seed: number): Promise<TrainingData> {
  const kept = await store.runData(runId);
  if (kept) {
    if (kept.classNames.length !== classes.classNames.length) throw new Error(`the pictures kept for this run have ${kept.classNames.length} classes, but its network has ${classes.classNames.length}: start a new run`);
    return { train: kept.train, test: kept.test };
  }
  const set = await store.get(classes.setId);
  if (!set) throw new Error(`The class set “${classes.setName}” is not in this browser any more (it may have been deleted, or this run was made in another browser): make or import it again and start a new run.`);
  const problems = classSetProblems(set);
  if (problems.length > 0) throw new Error(`The class set “${set.name}” cannot train yet: ${problems.join(' ')}`);
  const names = set.classes.map((own) => own.name);
  if (names.length !== classes.classNames.length) {
    throw new Error(`The class set “${set.name}” has ${names.length} classes now, but this run was made for ${classes.classNames.length} (${classes.classNames.join(', ')}): start a new run.`);
  }
  const data = splitClassSet(set.classes, classes.heldOutShare, seed);
  await store.keepRunData(runId, data);
  return { train: data.train, test: data.test };
}

/** A class set as a run would see it: its summary and why it cannot train yet (none: it can). */
export interface ClassSetCheck {
  readonly set: ClassSetSummary | null;
  readonly problems: readonly string[];
}

/** Check the set `setId` before a run is made of it: there, and every class with enough pictures. */
export async function checkClassSet(store: ClassSetStore, setId: string): Promise<ClassSetCheck> {
  const set = await store.get(setId);
  if (!set) return { set: null, problems: ['This class set is not in this browser any more: it may have been deleted in another tab.'] };
  return { set: summariseClassSet(set), problems: classSetProblems(set) };
}
