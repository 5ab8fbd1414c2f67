import type { ComponentType } from 'react';
import { DatasetSection } from './dataset/DatasetSection';
import { OverfittingLab } from './experiments/OverfittingLab';
import { Sweeps } from './experiments/Sweeps';
import { NetworkInternals } from './internals/NetworkInternals';
import { OwnClassesTab } from './own-classes/OwnClassesTab';
import { RunsPanel } from './runs/RunsPanel';
import { ResultsTab } from './training/ResultsTab';
import { SetupTab } from './training/SetupTab';

/** One tab under the Train dashboard: its id (remembered in this browser), its visible name and what it shows. */
export interface TrainTab {
  readonly id: string;
  readonly label: string;
  readonly Panel: ComponentType;
}

/**
 * The Train area's tabs, in order; the first is open on a first visit. To add one, add a line here —
 * `{ id: 'sweeps', label: 'Sweeps', Panel: Sweeps }` — nothing else changes.
 */
export const TRAIN_TABS: readonly TrainTab[] = [
  { id: 'setup', label: 'Network and settings', Panel: SetupTab },
  { id: 'results', label: 'Results', Panel: ResultsTab },
  { id: 'runs', label: 'Runs', Panel: RunsPanel },
  { id: 'overfitting', label: 'Overfitting lab', Panel: OverfittingLab },
  { id: 'sweeps', label: 'Sweeps', Panel: Sweeps },
  { id: 'inside', label: 'Inside the network', Panel: NetworkInternals },
  { id: 'data', label: 'Data', Panel: DatasetSection },
  { id: 'own-classes', label: 'Own classes', Panel: OwnClassesTab },
];
