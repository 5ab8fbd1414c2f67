import { useMemo } from 'react';
import { selectDataset, selectHyperparameterForm, selectModelSpec, selectTrainingForm } from '../../../state/selectors';
import { readRunSetup, type RunSetupReading } from '../../../state/run-setup';
import { useAppStore } from '../../../state/store';

/**
 * The edited network, the optimiser and the run size read together: what Start sends, or why it
 * cannot. The dashboard (Start and its reason) and the Settings tab (each field's error) read the same.
 */
export function useRunSetup(): RunSetupReading {
  const form = useAppStore(selectTrainingForm);
  const modelSpec = useAppStore(selectModelSpec);
  const hyperparameterForm = useAppStore(selectHyperparameterForm);
  const dataset = useAppStore(selectDataset);
  return useMemo(
    () => readRunSetup({ trainingForm: form, hyperparameterForm, modelSpec }, dataset ? { trainCount: dataset.splits.train.count, testCount: dataset.splits.test.count } : undefined),
    [form, hyperparameterForm, modelSpec, dataset],
  );
}
