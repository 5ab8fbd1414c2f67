import { parseCheckpointSettings } from '../../core/lab/lab';
import type { RunRecord } from './run-repository';

/**
 * A record as read from storage, its network and settings checked by the lab schema (strict: a run's
 * weights fit only its own network), a run on your own classes with its class set and transfer
 * source. Older records are filled in as the schema fills them (`augment` off); one this version
 * cannot read stays in the list, failed, with every problem named, so it can still be seen and deleted.
 */
export function readRunRecord(record: RunRecord): RunRecord {
  const lab = record.lab as Partial<RunRecord['lab']> | undefined;
  const settings = parseCheckpointSettings({ spec: lab?.spec, hyperparameters: lab?.hyperparameters, classes: lab?.classes, transfer: lab?.transfer });
  if (settings.ok) {
    const { classes, transfer } = settings;
    return { ...record, lab: { spec: settings.architecture, hyperparameters: settings.hyperparameters, ...(classes ? { classes } : {}), ...(transfer ? { transfer } : {}) } };
  }
  const problems = settings.problems.map((problem) => problem.message).join('; ');
  return { ...record, status: 'failed', message: `This saved run cannot be read by this version of the app: ${problems}.` };
}
