import { ArchitectureEditor } from './architecture/ArchitectureEditor';
import { CodeView } from './code/CodeView';
import { DatasetSection } from './dataset/DatasetSection';
import { TrainingPanel } from './training/TrainingPanel';
import { RunsPanel } from './runs/RunsPanel';
import { EvaluationSection } from './evaluation/EvaluationSection';
import { NetworkInternals } from './internals/NetworkInternals';
import { OverfittingLab } from './experiments/OverfittingLab';
import { Sweeps } from './experiments/Sweeps';
import { ClassroomTools } from '../common/ClassroomTools';
import './train-view.css';

/** The Train area: train the tutorial's CIFAR-10 CNN on this computer's GPU and watch it learn. */
export function TrainArea() {
  return (
    <section aria-labelledby="train-heading" className="area">
      <ClassroomTools />
      <h2 id="train-heading">Train</h2>
      <p className="lead">
        Train the tutorial's network on CIFAR-10 — 50 000 small photos in ten classes — right here on this
        computer, and watch loss and accuracy move as it learns.
      </p>
      <ArchitectureEditor />
      <CodeView />
      <TrainingPanel />
      <RunsPanel />
      <OverfittingLab />
      <Sweeps />
      <EvaluationSection />
      <NetworkInternals />
      <DatasetSection />
    </section>
  );
}
