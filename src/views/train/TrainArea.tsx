import { ClassroomTools } from '../common/ClassroomTools';
import { TrainingPanel } from './training/TrainingPanel';
import { TrainTabs } from './TrainTabs';
import './train-view.css';

/**
 * The Train area: train the tutorial's CIFAR-10 CNN on this computer's GPU and watch it learn. The
 * dashboard (controls, progress, speed, live charts) fills the first screen; the settings, the network,
 * the results, the runs, the experiments, the network's insides and the data are tabs under it.
 */
export function TrainArea() {
  return (
    <section aria-labelledby="train-heading" className="area train-area">
      <div className="train-head">
        <h2 id="train-heading">Train</h2>
        <p className="lead">Train the tutorial's network on CIFAR-10 on this computer and watch it learn.</p>
        <ClassroomTools />
      </div>
      <TrainingPanel>
        <TrainTabs />
      </TrainingPanel>
    </section>
  );
}
