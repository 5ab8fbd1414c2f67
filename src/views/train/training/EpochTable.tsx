import { formatAccuracyLine, type EpochSummary } from '../../../core/training/training-record';
import { formatLoss, formatPercent } from './training-text';

/**
 * One row per finished epoch, in Keras' metric names. The table scrolls sideways inside its own box
 * on a narrow window instead of widening the page.
 */
export function EpochTable({ epochs }: { readonly epochs: readonly EpochSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="training-epochs">
        <caption>Results per epoch</caption>
        <thead>
          <tr>
            <th scope="col">Epoch</th>
            <th scope="col">loss</th>
            <th scope="col">accuracy</th>
            <th scope="col">val_loss</th>
            <th scope="col">val_accuracy</th>
            <th scope="col">Seconds</th>
            <th scope="col">Images/s</th>
          </tr>
        </thead>
        <tbody>
          {epochs.map((epoch) => (
            <tr key={epoch.epoch}>
              <th scope="row">{epoch.epoch + 1}</th>
              <td>{formatLoss(epoch.loss)}</td>
              <td>{formatPercent(epoch.accuracy)}</td>
              <td>{formatLoss(epoch.valLoss)}</td>
              <td>{formatPercent(epoch.valAccuracy)}</td>
              <td>{epoch.seconds.toFixed(1)}</td>
              <td>{epoch.imagesPerSecond.toFixed(1)}</td>
            </tr>
          ))}
          {epochs.length === 0 && (
            <tr>
              <td colSpan={7}>No epoch has finished yet.</td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The tutorial's closing line for the last epoch's validation accuracy ("Accuracy: 67.42%"), once an epoch ended. */
export function AccuracyLine({ epochs }: { readonly epochs: readonly EpochSummary[] }) {
  const last = epochs.at(-1);
  return last ? <p className="training-accuracy-line">{formatAccuracyLine(last.valAccuracy)}</p> : null;
}
