import { useEffect, useId, type ReactNode } from 'react';
import {
  selectBackendInfo,
  selectContextLostMessage,
  selectDataError,
  selectDataReady,
  selectDataset,
  selectDataStatus,
  selectEngineStatus,
  selectPreferredBackend,
  selectResumableRun,
  selectTrainingElsewhere,
  selectTrainingEpochs,
  selectTrainingError,
  selectTrainingMessage,
  selectTrainingPhase,
  selectTrainingPosition,
  selectTrainingSizes,
} from '../../../state/selectors';
import { chanceWarning } from '../../../core/training/divergence';
import { runClassNames } from '../../../core/lab/own-classes-lab';
import { useAppStore } from '../../../state/store';
import { batchesPerEpoch } from '../../../core/training/training-record';
import { TrainingCharts } from '../charts/TrainingCharts';
import { DockChoice } from './DockChoice';
import { startBlockedReason } from '../settings/start-reason';
import { dataWaitText } from '../dataset/format-bytes';
import { DatasetError } from '../dataset/DatasetError';
import { DatasetProgress } from '../dataset/DatasetProgress';
import { controlState } from './control-state';
import { AccuracyLine } from './EpochTable';
import { TrainingControls } from './TrainingControls';
import { TrainingProgress } from './TrainingProgress';
import { describePhase, epochAnnouncement } from './training-text';
import { useRunSetup } from './use-run-setup';
import { isActive } from '../../../core/training/training-lifecycle';
import './training-panel.css';

/** Training images of the whole split, before the data set has loaded. */
const CIFAR_TRAIN_IMAGES = 50_000;

/**
 * Train the tutorial's network here, on one screen: start, pause, resume, step, stop or reset it like a
 * media player, and watch each batch and epoch arrive — progress, speed, time left, the live charts
 * and the latest accuracy line side by side. `children` (the tabs with the settings, the network, the
 * results …) follow the dashboard. The engine trains in its worker on the backend the badge names; a
 * checkpoint after every epoch lets a run continue after a reload.
 */
export function TrainingPanel({ children }: { readonly children?: ReactNode }) {
  const headingId = useId();
  const phase = useAppStore(selectTrainingPhase);
  const dataset = useAppStore(selectDataset);
  const dataReady = useAppStore(selectDataReady);
  const engineReady = useAppStore(selectEngineStatus) === 'ready';
  const backend = useAppStore(selectBackendInfo)?.backend ?? null;
  const epochs = useAppStore(selectTrainingEpochs);
  const message = useAppStore(selectTrainingMessage);
  const error = useAppStore(selectTrainingError);
  const resumable = useAppStore(selectResumableRun);
  const elsewhere = useAppStore(selectTrainingElsewhere);
  const contextLost = useAppStore(selectContextLostMessage);
  const preferred = useAppStore(selectPreferredBackend);
  const sizes = useAppStore(selectTrainingSizes);
  const totalEpochs = useAppStore(selectTrainingPosition)?.epochs ?? null;
  useEffect(() => {
    useAppStore.getState().loadDataset();
  }, []);

  // The edited network, the optimiser and the run size: what Start sends, or why it cannot.
  const setup = useRunSetup();
  const plannedSettings = setup.run?.settings;
  const planned = plannedSettings
    ? { epochs: plannedSettings.epochs, batchesPerEpoch: batchesPerEpoch(plannedSettings.trainSubset ?? dataset?.splits.train.count ?? CIFAR_TRAIN_IMAGES, plannedSettings.batchSize) }
    : null;
  const controls = controlState({
    phase,
    engineReady,
    dataReady,
    formValid: setup.run !== null,
    hasCheckpoint: resumable !== null,
    hasRun: epochs.length > 0 || message !== null,
  });
  const editable = !isActive(phase);
  const dataStatus = useAppStore(selectDataStatus);
  const dataFailure = useAppStore(selectDataError);
  const dataWait = useAppStore((state) => (state.dataStatus === 'loading' ? dataWaitText(state.dataProgress) : undefined));
  const startReason = startBlockedReason({ runActive: !editable, engineReady, dataReady, problems: setup.problems, dataWait });
  // A run that diverged says so in its failure message; one that simply has not learnt yet is warned here.
  const classCount = useAppStore((state) => (state.trainingLab ? runClassNames(state.trainingLab).length : undefined));
  const chance = phase === 'failed' ? null : chanceWarning(epochs, sizes?.validationImages ?? 0, classCount);

  return (
    <section className="training" aria-labelledby={headingId}>
      <h3 id={headingId} className="visually-hidden">
        Train the network
      </h3>
      <div className="train-panel train-dashboard">
        <div className="train-dashboard-run">
          <TrainingControls controls={controls} phase={phase} startReason={startReason} />
          <p className="training-status" role="status" aria-label="Training status" data-phase={phase}>
            {describePhase(phase)}
            {backend && phase !== 'idle' ? ` on ${backend}` : ''}
            {!dataReady && phase === 'idle' ? ' — waiting for CIFAR-10 to finish loading' : ''}
          </p>
          <AccuracyLine epochs={epochs} />
          <DockChoice />
          {/* Each finished epoch, said once: the batch numbers above change too often to be read out. */}
          <p className="visually-hidden" role="status" aria-label="Latest epoch">
            {epochAnnouncement(epochs.at(-1), totalEpochs)}
          </p>
        </div>
        <TrainingProgress planned={planned} />
        <TrainingCharts compact />
        <div className="train-dashboard-notes">
          {/* The first visit's download (or a failed one, with Retry) is the first thing to wait for: shown here, not in the Data tab. */}
          {dataStatus === 'failed' && dataFailure ? <DatasetError failure={dataFailure} /> : dataStatus !== 'ready' && <DatasetProgress />}
          {message && (
            <p className={phase === 'failed' ? 'training-message training-message-bad' : 'training-message'} role={phase === 'failed' ? 'alert' : undefined}>
              {message}
            </p>
          )}
          {chance && (
            <p className="training-message training-message-warn" role="status" aria-label="Chance warning">
              {chance}
            </p>
          )}
          {error && (
            <p className="training-message training-message-bad" role="alert">
              {error}
            </p>
          )}
          {contextLost && (
            <p className="training-message training-message-bad">
              {contextLost}{' '}
              <button type="button" onClick={() => void useAppStore.getState().restartEngine(preferred)}>
                Restart the engine
              </button>
            </p>
          )}
          {elsewhere && (
            <div className="training-message training-message-bad" role="alert">
              <p>{elsewhere.message}</p>
              <button type="button" onClick={() => useAppStore.getState().takeOverTraining()}>
                Take over training here
              </button>{' '}
              <button type="button" onClick={() => useAppStore.getState().dismissTrainingElsewhere()}>
                Watch it in the run list
              </button>
            </div>
          )}
          {resumable && phase === 'idle' && (
            <p className="training-checkpoint">
              Saved in this browser: “{resumable.name}” after epoch {resumable.epochsDone} of {resumable.lab.hyperparameters.epochs}
              {resumable.backend ? ` (${resumable.backend}, ${new Date(resumable.updatedAt).toLocaleString()})` : ''}.{' '}
              <button type="button" disabled={!controls.resumeCheckpoint} onClick={() => useAppStore.getState().resumeRun(resumable.id)}>
                Resume from checkpoint
              </button>
            </p>
          )}
        </div>
      </div>
      {children}
    </section>
  );
}
