import { useId } from 'react';
import { isActive } from '../../../core/training/training-lifecycle';
import { selectTrainingPhase } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { ArchitectureEditor } from '../architecture/ArchitectureEditor';
import { CodeView } from '../code/CodeView';
import { RunSettings } from '../settings/RunSettings';
import { StepEstimate } from './StepEstimate';
import { useRunSetup } from './use-run-setup';

/**
 * The Train tab with what the next run is made of: the settings with each field's error and the
 * estimate of one batch's cost, the network (with its recipes), and both as Keras code — together, so
 * pointing at a line of code outlines the control that sets it.
 */
export function SetupTab() {
  const headingId = useId();
  const setup = useRunSetup();
  const editable = !isActive(useAppStore(selectTrainingPhase));
  return (
    <div className="train-setup">
      <section className="train-panel training-settings" aria-labelledby={headingId}>
        <h3 id={headingId}>Settings for the next run</h3>
        <RunSettings errors={{ ...(setup.form.ok ? {} : setup.form.errors), ...(setup.hyperparameters.ok ? {} : setup.hyperparameters.errors) }} disabled={!editable} />
        {editable && setup.run && <StepEstimate run={setup.run} />}
      </section>
      <ArchitectureEditor />
      <CodeView />
    </div>
  );
}
