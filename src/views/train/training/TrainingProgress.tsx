import { selectLatestBatch, selectTrainingPosition, selectTrainingSizes } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunSpeed } from '../progress/RunSpeed';
import { formatCount, formatLoss, formatPercent } from './training-text';

/** Where the run is (epoch and batch bars), what the last batch measured, and how fast it goes. */
export function TrainingProgress() {
  const position = useAppStore(selectTrainingPosition);
  const latest = useAppStore(selectLatestBatch);
  const sizes = useAppStore(selectTrainingSizes);
  if (!position) return null;
  const done = position.epoch >= position.epochs;
  // The epoch in progress, counted from 1; after the last epoch, the last one.
  const shownEpoch = Math.min(position.epoch + 1, position.epochs);
  const batchesDone = done ? position.batchesPerEpoch : position.batch;
  return (
    <div className="training-progress">
      <label>
        <span>
          Epoch {shownEpoch} of {position.epochs}
        </span>
        <progress aria-label="Epochs completed" max={position.epochs} value={position.epoch} />
      </label>
      <label>
        <span>
          Batch {batchesDone} of {position.batchesPerEpoch} in this epoch
        </span>
        <progress aria-label="Batches completed in this epoch" max={position.batchesPerEpoch} value={batchesDone} />
      </label>
      <dl className="training-latest" aria-label="Latest batch">
        <div>
          <dt>Loss</dt>
          <dd data-testid="latest-loss">{formatLoss(latest?.loss)}</dd>
        </div>
        <div>
          <dt>Accuracy</dt>
          <dd>{formatPercent(latest?.accuracy)}</dd>
        </div>
        <div>
          <dt>Learning rate</dt>
          <dd>{latest ? latest.learningRate.toPrecision(3) : '—'}</dd>
        </div>
        <div>
          <dt>Steps</dt>
          <dd>{formatCount(position.iteration)}</dd>
        </div>
      </dl>
      <RunSpeed />
      {sizes && (
        <p className="training-sizes">
          {formatCount(sizes.trainImages)} training images per epoch · {formatCount(sizes.validationImages)} validation images
        </p>
      )}
    </div>
  );
}
