import { selectTrainingEpochs } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { EvaluationSection } from '../evaluation/EvaluationSection';
import { EpochTable } from './EpochTable';
import { RunKerasDownload } from './RunKerasDownload';

/** The Train tab with what the shown run achieved: a row per epoch, where it goes wrong, and its model to download. */
export function ResultsTab() {
  const epochs = useAppStore(selectTrainingEpochs);
  return (
    <div className="train-results">
      <EpochTable epochs={epochs} />
      <RunKerasDownload />
      <EvaluationSection />
    </div>
  );
}
