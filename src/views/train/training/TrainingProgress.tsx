import { selectLatestBatch, selectTrainingPosition, selectTrainingSizes } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RunSpeed } from '../progress/RunSpeed';
import { formatCount, formatLoss, formatPercent } from './training-text';

/** The length of the run Start would make, shown as empty bars before any run. */
export interface PlannedRun {
  readonly epochs: number;
  readonly batchesPerEpoch: number;
}

/**
 * Where the run is (epoch and batch bars), what the last batch measured, and how fast it goes. Before
 * any run the bars stand empty at the planned run's length (`planned`), so the dashboard keeps its
 * shape and the teacher sees how long the run will be.
 */
export function TrainingProgress({ planned = null }: { readonly planned?: PlannedRun | null }) {
  const shown = useAppStore(selectTrainingPosition);
  const latest = useAppStore(selectLatestBatch);
  const sizes = useAppStore(selectTrainingSizes);
  const position = shown ?? { epoch: 0, epochs: planned?.epochs ?? 0, batch: 0, batchesPerEpoch: planned?.batchesPerEpoch ?? 0, iteration: 0 };
  const done = shown !== null && position.epoch >= position.epochs;
  // The epoch in progress, counted from 1; after the last epoch, the last one.
  const shownEpoch = shown ? Math.min(position.epoch + 1, position.epochs) : 0;
  const batchesDone = done ? position.batchesPerEpoch : position.batch;
  return (
    <div className="training-progress">
      <div className="training-progress-bars">
        <label>
          <span>
            Epoch {shownEpoch} of {position.epochs}
          </span>
          <progress aria-label="Epochs completed" max={Math.max(position.epochs, 1)} value={position.epoch} />
        </label>
        <label>
          <span>
            Batch {batchesDone} of {position.batchesPerEpoch} in this epoch
          </span>
          <progress aria-label="Batches completed in this epoch" max={Math.max(position.batchesPerEpoch, 1)} value={batchesDone} />
        </label>
        {sizes && (
          <p className="training-sizes">
            {/* No-break spaces keep "images" from sitting alone on a line, while the rest may still wrap on a narrow window. */}
            {formatCount(sizes.trainImages)} training images per{'\u00a0'}epoch · {formatCount(sizes.validationImages)} validation{'\u00a0'}images
          </p>
        )}
      </div>
      <div className="training-progress-numbers">
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
      </div>
    </div>
  );
}
