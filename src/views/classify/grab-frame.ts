import type { RgbaFrame } from '../../state/slices/classes-slice';

/**
 * The video's current frame, whole, as RGBA bytes (the engine or the store crops and resamples it, by
 * Classify's rule). `surface` is a canvas kept by the caller, reused between frames. Null while the
 * camera has sent no picture yet.
 */
export function grabFrame(video: HTMLVideoElement, surface: HTMLCanvasElement): RgbaFrame | null {
  if (video.videoWidth === 0 || video.videoHeight === 0) return null;
  surface.width = video.videoWidth;
  surface.height = video.videoHeight;
  const context = surface.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0);
  return { width: surface.width, height: surface.height, rgba: context.getImageData(0, 0, surface.width, surface.height).data };
}
