import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RgbaFrame } from '../../../state/slices/classes-slice';
import { grabFrame } from '../../classify/grab-frame';

/** Milliseconds between the frames of a burst: about 7 a second, different enough to be worth keeping. */
export const BURST_INTERVAL_MS = 150;
/** Frames sent to the engine together while the button is held (each batch is one storage write). */
export const BURST_BATCH = 5;
/** Most frames one hold takes (about 9 s), so a stuck key cannot fill a class. */
export const BURST_MAX_FRAMES = 60;

/**
 * A burst of camera frames while a button is held: `begin` starts grabbing whole frames from the video
 * every BURST_INTERVAL_MS, `end` stops; frames go to `deliver` in batches of BURST_BATCH (and the rest
 * at the end). The crop and resampling happen in the engine, as for a picture file.
 */
export function useBurst(videoRef: RefObject<HTMLVideoElement | null>, deliver: (frames: RgbaFrame[]) => void): { readonly taken: number; readonly holding: boolean; begin(): void; end(): void } {
  const [taken, setTaken] = useState(0);
  const [holding, setHolding] = useState(false);
  const timer = useRef<number | null>(null);
  const pending = useRef<RgbaFrame[]>([]);
  const count = useRef(0);
  const canvas = useRef<HTMLCanvasElement | null>(null);

  const flush = useCallback(() => {
    if (pending.current.length > 0) deliver(pending.current.splice(0));
  }, [deliver]);

  const end = useCallback(() => {
    if (timer.current !== null) window.clearInterval(timer.current);
    timer.current = null;
    setHolding(false);
    flush();
  }, [flush]);

  const grab = useCallback(() => {
    const video = videoRef.current;
    canvas.current ??= document.createElement('canvas');
    const frame = video ? grabFrame(video, canvas.current) : null;
    if (!frame) return;
    pending.current.push(frame);
    count.current += 1;
    setTaken(count.current);
    if (pending.current.length >= BURST_BATCH) flush();
    if (count.current >= BURST_MAX_FRAMES) end();
  }, [videoRef, flush, end]);

  const begin = useCallback(() => {
    if (timer.current !== null) return;
    count.current = 0;
    setTaken(0);
    setHolding(true);
    grab();
    timer.current = window.setInterval(grab, BURST_INTERVAL_MS);
  }, [grab]);

  useEffect(() => () => {
    if (timer.current !== null) window.clearInterval(timer.current);
  }, []);
  return { taken, holding, begin, end };
}
