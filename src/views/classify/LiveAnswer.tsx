import { useEffect, useRef, type RefObject } from 'react';
import { formatPercent, topClasses } from '../../core/data/classify-hints';
import { classNamesOf } from '../../core/model/classifier-model';
import { useAppStore } from '../../state/store';
import { grabFrame } from './grab-frame';

/** Milliseconds between live frames: twice a second follows a hand moving an object, and leaves the engine time. */
export const LIVE_INTERVAL_MS = 500;

/**
 * While mounted, classify the camera's frame about every LIVE_INTERVAL_MS with the answering model, and
 * show the latest answer's top three. Not announced on every change (twice a second would drown a
 * screen reader); its label names it, so it can be read on demand.
 */
export function LiveAnswer({ videoRef }: { readonly videoRef: RefObject<HTMLVideoElement | null> }) {
  const answer = useAppStore((state) => state.liveAnswer);
  const error = useAppStore((state) => state.liveError);
  const surface = useRef<HTMLCanvasElement | null>(null);
  useEffect(() => {
    const timer = window.setInterval(() => {
      const video = videoRef.current;
      surface.current ??= document.createElement('canvas');
      const frame = video ? grabFrame(video, surface.current) : null;
      if (frame) useAppStore.getState().classifyLiveFrame(frame);
    }, LIVE_INTERVAL_MS);
    return () => {
      window.clearInterval(timer);
      useAppStore.getState().liveClassifyStopped();
    };
  }, [videoRef]);
  const top = answer ? topClasses(answer.probabilities, 3, classNamesOf(answer.model)) : [];
  return (
    <div className="live-answer" role="group" aria-label="Live answer">
      {error ? (
        <p className="field-error">{error}</p>
      ) : top.length === 0 ? (
        <p className="camera-note">Classifying the first frame…</p>
      ) : (
        <ol aria-label={`Live answer of the ${answer?.model.label ?? 'model'}`}>
          {top.map((entry, rank) => (
            <li key={entry.name} className={rank === 0 ? 'live-best' : undefined}>
              <span>{entry.name}</span> <span className="live-percent">{formatPercent(entry.probability)}</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
