import { useMemo, useRef } from 'react';
import { DEFAULT_HYPERPARAMETERS, type TrainingHyperparameters } from '../../../core/training/hyperparameters';
import type { KerasLab } from '../../../core/keras/keras-code';
import { readHyperparameterForm } from '../../../state/hyperparameter-form';
import { selectHyperparameterForm, selectModelSpec, selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { readTrainingForm } from '../../../state/training-form';

/**
 * The lab on screen, for the code view: the network as edited and the settings as typed. While a
 * setting is wrong (its field says why) the code keeps the last settings that read, and says so.
 */
export function useCodeLab(): { readonly lab: KerasLab; readonly staleBecause: string | null } {
  const modelSpec = useAppStore(selectModelSpec);
  const hyperparameterForm = useAppStore(selectHyperparameterForm);
  const trainingForm = useAppStore(selectTrainingForm);
  const lastGood = useRef<TrainingHyperparameters>(DEFAULT_HYPERPARAMETERS);
  return useMemo(() => {
    const optimiser = readHyperparameterForm(hyperparameterForm);
    const run = readTrainingForm(trainingForm, undefined, optimiser.ok ? { ...DEFAULT_HYPERPARAMETERS, ...optimiser.settings } : lastGood.current);
    if (optimiser.ok && run.ok) lastGood.current = run.settings;
    const problems = [...(optimiser.ok ? [] : Object.values(optimiser.errors)), ...(run.ok ? [] : Object.values(run.errors))];
    return { lab: { modelSpec, settings: lastGood.current }, staleBecause: problems.length > 0 ? problems.join('; ') : null };
  }, [modelSpec, hyperparameterForm, trainingForm]);
}
