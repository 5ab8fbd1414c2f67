import { useMemo } from 'react';
import { exponentialMovingAverage } from '../../core/charts/smoothing';
import { formatDuration } from '../../core/charts/throughput';
import { accuracySparklineRange, lossSparklineRange, sparklinePoints } from '../../core/charts/sparkline';
import { selectArea, selectTrainingBatches, selectTrainingEpochs, selectTrainingPhase, selectTrainingPosition } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { describePhase } from '../train/training/training-text';
import { useRunSpeed } from '../train/progress/use-run-speed';
import { useDockChoice } from './dock-choice';
import './training-dock.css';

const SPARK_WIDTH = 160;
const SPARK_HEIGHT = 30;
/** The dock's lines are smoothed like the batch-loss chart's, so one noisy batch does not hide the trend. */
const SMOOTHING = 0.9;

/**
 * The run in training (or the last one), kept in sight in Learn and Classify: where it is, how fast,
 * the batch loss and accuracy as two small lines, and Pause or Resume — so a class can step through the
 * lessons while the network learns. In the page's flow under the header (it covers nothing), and
 * sticky at the top when the page scrolls. Hidden with its button; the Train dashboard shows it again.
 */
export function TrainingDock() {
  const area = useAppStore(selectArea);
  const phase = useAppStore(selectTrainingPhase);
  const position = useAppStore(selectTrainingPosition);
  const batches = useAppStore(selectTrainingBatches);
  const epochs = useAppStore(selectTrainingEpochs);
  const [choice, setChoice] = useDockChoice();
  const hasRun = phase !== 'idle' || batches.length > 0 || epochs.length > 0;
  if (area === 'train' || choice === 'hidden' || !hasRun || !position) return null;
  return <DockBody phase={phase} position={position} onHide={() => setChoice('hidden')} />;
}

function DockBody({ phase, position, onHide }: {
  readonly phase: ReturnType<typeof selectTrainingPhase>;
  readonly position: NonNullable<ReturnType<typeof selectTrainingPosition>>;
  readonly onHide: () => void;
}) {
  const batches = useAppStore(selectTrainingBatches);
  const { imagesPerSecond, secondsLeft } = useRunSpeed();
  const lines = useMemo(() => {
    const loss = exponentialMovingAverage(batches.map((point) => point.loss), SMOOTHING);
    const accuracy = exponentialMovingAverage(batches.map((point) => point.accuracy), SMOOTHING);
    return {
      loss: sparklinePoints(loss, SPARK_WIDTH, SPARK_HEIGHT, lossSparklineRange(loss)),
      accuracy: sparklinePoints(accuracy, SPARK_WIDTH, SPARK_HEIGHT, accuracySparklineRange(accuracy)),
      lastLoss: loss.at(-1)?.toFixed(2) ?? '—',
      lastAccuracy: accuracy.length > 0 ? `${((accuracy.at(-1) ?? 0) * 100).toFixed(1)} %` : '—',
    };
  }, [batches]);
  const totalSteps = position.epochs * position.batchesPerEpoch;
  const done = position.epoch >= position.epochs;
  const shownEpoch = Math.min(position.epoch + 1, position.epochs);
  const store = useAppStore.getState;
  const timeLeft = phase === 'running' && secondsLeft !== null ? ` · about ${formatDuration(secondsLeft)} left` : '';
  const speed = phase === 'running' && imagesPerSecond !== null ? ` · ${imagesPerSecond.toFixed(imagesPerSecond < 10 ? 1 : 0)} images/s` : '';
  return (
    <aside className="training-dock" aria-label="Training dock">
      <div className="training-dock-progress">
        <a href="#/train" className="training-dock-title">
          {describePhase(phase)}
        </a>
        <span className="training-dock-where">
          {done ? `All ${position.epochs} epochs` : `Epoch ${shownEpoch} of ${position.epochs}, batch ${position.batch} of ${position.batchesPerEpoch}`}
          {speed}
          {timeLeft}
        </span>
        <progress aria-label="Run progress" max={Math.max(totalSteps, 1)} value={done ? totalSteps : Math.min(position.iteration, totalSteps)} />
      </div>
      <Spark name="Loss" value={lines.lastLoss} points={lines.loss} className="training-dock-loss" />
      <Spark name="Accuracy" value={lines.lastAccuracy} points={lines.accuracy} className="training-dock-accuracy" />
      <div className="training-dock-buttons">
        {phase === 'running' && (
          <button type="button" onClick={() => store().pauseTraining()}>
            Pause
          </button>
        )}
        {(phase === 'paused' || phase === 'pausing') && (
          <button type="button" onClick={() => store().resumeTraining()}>
            Resume
          </button>
        )}
        <button type="button" className="training-dock-hide" onClick={onHide} title="Show it again from the Train dashboard">
          Hide
        </button>
      </div>
    </aside>
  );
}

/** One small line: its name and latest (smoothed) value above a sparkline, an image to assistive technology. */
function Spark({ name, value, points, className }: { readonly name: string; readonly value: string; readonly points: string; readonly className: string }) {
  return (
    // A div, not a figure: ARIA does not allow role="img" on <figure>, and the line is one picture with one name.
    <div className={`training-dock-spark ${className}`} role="img" aria-label={`${name}, smoothed, per batch: now ${value}`}>
      <span className="training-dock-spark-label" aria-hidden="true">
        {name} <strong>{value}</strong>
      </span>
      <svg viewBox={`0 0 ${SPARK_WIDTH} ${SPARK_HEIGHT}`} width={SPARK_WIDTH} height={SPARK_HEIGHT} aria-hidden="true" preserveAspectRatio="none">
        <polyline points={points} fill="none" strokeWidth="2.5" vectorEffect="non-scaling-stroke" />
      </svg>
    </div>
  );
}
