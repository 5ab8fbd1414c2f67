/**
 * The run "Train" on a class set starts — the class names, the network (the editor's with its last
 * layer resized, or a trained CIFAR-10 network's convolution part with a new head), settings for a few
 * dozen pictures — or every reason it cannot start. Pure: the store action reads the set from the engine
 * and the runs from the store, and this decides.
 */
import type { ClassSetSummary } from '../core/data/class-set';
import { DEFAULT_HELD_OUT_SHARE, heldOutCount } from '../core/data/class-set-split';
import { ownClassesHyperparameters, specForClasses, transferSpec, type OwnClassesRunRequest, type OwnClassesSource, type TransferSettings } from '../core/lab/own-classes-lab';
import { DEFAULT_MODEL_SPEC, type ModelSpec } from '../core/model/model-spec';
import { analyseModelSpec } from '../core/model/model-spec-validate';
import type { RunLab, RunSummary } from '../core/training/run-record';

/** What the plan reads. */
export interface OwnRunInputs {
  readonly request: OwnClassesRunRequest;
  /** The set as the engine has it (null: not there) and why it cannot train yet. */
  readonly set: ClassSetSummary | null;
  readonly setProblems: readonly string[];
  /** The network in Train's editor ("from scratch" trains it). */
  readonly modelSpec: ModelSpec;
  /** The saved runs (a transfer may start from one). */
  readonly runs: readonly RunSummary[];
}

/** The lab of the run to start, or the sentences saying why there is none. */
export type OwnRunPlan = { readonly ok: true; readonly lab: RunLab & { readonly classes: OwnClassesSource } } | { readonly ok: false; readonly problems: readonly string[] };

/** Plan the run `inputs.request` asks for. */
export function planOwnRun(inputs: OwnRunInputs): OwnRunPlan {
  const { request, set } = inputs;
  if (!set) return { ok: false, problems: inputs.setProblems.length > 0 ? inputs.setProblems : ['This class set is not in this browser any more.'] };
  if (inputs.setProblems.length > 0) return { ok: false, problems: inputs.setProblems };
  const classCount = set.classes.length;
  const network = request.mode === 'transfer' ? transferNetwork(request, classCount, inputs.runs) : scratchNetwork(inputs.modelSpec, classCount);
  if (!network.ok) return network;
  const analysis = analyseModelSpec(network.spec, { classCount });
  if (!analysis.ok) return { ok: false, problems: analysis.issues.map((issue) => `The network: ${issue.message}.`) };
  const share = DEFAULT_HELD_OUT_SHARE;
  const trainingPictures = set.classes.reduce((sum, own) => sum + own.pictures - heldOutCount(own.pictures, share), 0);
  const classes: OwnClassesSource = { setId: set.id, setName: set.name, classNames: set.classes.map((own) => own.name), heldOutShare: share };
  const transfer = network.transfer ? { transfer: network.transfer } : {};
  return { ok: true, lab: { spec: network.spec, hyperparameters: ownClassesHyperparameters(trainingPictures), classes, ...transfer } };
}

type Network = { readonly ok: true; readonly spec: ModelSpec; readonly transfer: TransferSettings | null } | { readonly ok: false; readonly problems: readonly string[] };

function scratchNetwork(modelSpec: ModelSpec, classCount: number): Network {
  try {
    return { ok: true, spec: specForClasses(modelSpec, classCount), transfer: null };
  } catch (error) {
    return { ok: false, problems: [`The network in the editor cannot learn your classes: ${error instanceof Error ? error.message : String(error)}.`] };
  }
}

function transferNetwork(request: OwnClassesRunRequest, classCount: number, runs: readonly RunSummary[]): Network {
  const from = request.from;
  let base: ModelSpec = DEFAULT_MODEL_SPEC;
  if (from.kind === 'run') {
    const run = runs.find((candidate) => candidate.id === from.runId);
    if (!run) return { ok: false, problems: [`The run “${from.name}” to start from is not in the run list any more: choose another network to start from.`] };
    if (run.lab.classes) return { ok: false, problems: [`The run “${run.name}” trained on your own classes: transfer learning starts from a network trained on CIFAR-10.`] };
    if (run.epochsDone === 0) return { ok: false, problems: [`The run “${run.name}” has no saved epoch yet: train it for at least one epoch, or start from the pretrained model.`] };
    base = run.lab.spec;
  }
  try {
    const made = transferSpec(base, classCount);
    return { ok: true, spec: made.spec, transfer: { from, freeze: request.freeze, keptLayers: made.keptLayers } };
  } catch (error) {
    return { ok: false, problems: [`That network cannot be started from: ${error instanceof Error ? error.message : String(error)}.`] };
  }
}
