import type { RgbaFrame } from '../../state/slices/classes-slice';

/**
 * The video's current frame, whole, as RGBA bytes (the engine or the store crops and resamples it, by
 * Classify's rule). `surface` is a canvas kept by the caller, reused between frames. Null while the
 * camera has sent no picture yet.
 */
export function grabFrame(video: HTMLVideoElement, surface: HTMLCanvasElement): RgbaFrame | null {
  if (!hasFrame(video)) return null;
  surface.width = video.videoWidth;
  surface.height = video.videoHeight;
  const context = surface.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0);
  return { width: surface.width, height: surface.height, rgba: context.getImageData(0, 0, surface.width, surface.height).data };
}

/**
 * Whether `video` holds a decoded frame to draw. Its size arrives with the stream's metadata, before
 * the first frame: drawn then, a canvas stays blank, and a blank picture gets classified (a slow
 * machine showed it as "Red disc" for a camera photo).
 */
export function hasFrame(video: HTMLVideoElement): boolean {
  return video.videoWidth > 0 && video.videoHeight > 0 && video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
}

/** Wait until `video` has a frame to draw, at most `timeoutMs`; false when none came. */
export function frameArrived(video: HTMLVideoElement, timeoutMs: number): Promise<boolean> {
  if (hasFrame(video)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (arrived: boolean): void => {
      clearTimeout(timer);
      video.removeEventListener('loadeddata', onData);
      resolve(arrived);
    };
    const onData = (): void => done(hasFrame(video));
    const timer = setTimeout(() => done(hasFrame(video)), timeoutMs);
    video.addEventListener('loadeddata', onData);
  });
}
