import { useEffect, useRef, useState } from 'react';
import { imagesPerSecond, secondsLeft, trainingImagesDone, type ProgressSample } from '../../../core/charts/throughput';
import { selectShownRunSettings, selectTrainingEpochs, selectTrainingPhase, selectTrainingPosition, selectTrainingRunId, selectTrainingSizes } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/** The run's measured speed and the time it still needs; null where not known yet. */
export interface RunSpeed {
  readonly imagesPerSecond: number | null;
  readonly secondsLeft: number | null;
}

/**
 * Measure the shown run's training speed from when its progress arrives (this page's clock), over the
 * last 20 seconds of training, and estimate the time left from it. Samples start over for a new run
 * and after every pause, so waiting never counts as slow training. Before two samples exist, the last
 * finished epoch's speed (measured by the engine) stands in.
 */
export function useRunSpeed(): RunSpeed {
  const position = useAppStore(selectTrainingPosition);
  const phase = useAppStore(selectTrainingPhase);
  const runId = useAppStore(selectTrainingRunId);
  const sizes = useAppStore(selectTrainingSizes);
  const epochs = useAppStore(selectTrainingEpochs);
  const settings = useAppStore(selectShownRunSettings);
  const samples = useRef<{ runId: string | null; list: ProgressSample[] }>({ runId: null, list: [] });
  const [measured, setMeasured] = useState<number | null>(null);

  useEffect(() => {
    const batchSize = settings?.batchSize;
    if (samples.current.runId !== runId) {
      samples.current = { runId, list: [] };
      setMeasured(null);
    }
    if (phase !== 'running' || !position || !sizes || batchSize === undefined) {
      samples.current.list = [];
      return;
    }
    const list = samples.current.list;
    list.push({ timeMs: performance.now(), epoch: position.epoch, imagesDone: trainingImagesDone(position, sizes.trainImages, batchSize) });
    // Two minutes of samples is far more than the 20-second window needs.
    while (list.length > 2 && (list.at(-1)?.timeMs ?? 0) - (list[0]?.timeMs ?? 0) > 120_000) list.shift();
    const speed = imagesPerSecond(list);
    if (speed !== null) setMeasured(speed);
  }, [position, phase, runId, sizes, settings]);

  const speed = measured ?? epochs.at(-1)?.imagesPerSecond ?? null;
  const left =
    speed !== null && position && sizes && settings
      ? secondsLeft({ position, trainImages: sizes.trainImages, validationImages: sizes.validationImages, batchSize: settings.batchSize, imagesPerSecond: speed, epochs })
      : null;
  return { imagesPerSecond: speed, secondsLeft: left };
}
