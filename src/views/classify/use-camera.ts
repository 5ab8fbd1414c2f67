import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { frameArrived } from './grab-frame';

/** How long Take photo waits for a camera that is still starting to send its first frame. */
const FIRST_FRAME_WAIT_MS = 5_000;

/** Where the camera stands. */
export type CameraState = { readonly status: 'off' | 'starting' | 'live' } | { readonly status: 'failed'; readonly message: string };

/**
 * The camera, only when the user asks for it: start it (the browser asks for permission), show it in
 * `videoRef`, take a still as a PNG file, stop it. Stopped when the component goes.
 */
export function useCamera(): {
  readonly state: CameraState;
  readonly videoRef: RefObject<HTMLVideoElement | null>;
  start(): Promise<void>;
  stop(): void;
  capture(): Promise<File>;
} {
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);

  const stop = useCallback((): void => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setState({ status: 'off' });
  }, []);

  useEffect(() => () => streamRef.current?.getTracks().forEach((track) => track.stop()), []);
  // The preview element appears only once the camera is live, so the stream is attached after it renders.
  useEffect(() => {
    if (state.status === 'live' && videoRef.current && streamRef.current) videoRef.current.srcObject = streamRef.current;
  }, [state.status]);

  const start = useCallback(async (): Promise<void> => {
    if (!navigator.mediaDevices?.getUserMedia) {
      setState({ status: 'failed', message: 'This browser offers no camera here: the camera needs a secure page (https:// or localhost).' });
      return;
    }
    setState({ status: 'starting' });
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      streamRef.current = stream;
      setState({ status: 'live' });
    } catch (error) {
      setState({ status: 'failed', message: describeCameraError(error) });
    }
  }, []);

  const capture = useCallback(async (): Promise<File> => {
    const video = videoRef.current;
    // A photo taken as the camera starts waits for its first frame rather than drawing a blank one.
    if (!video || !(await frameArrived(video, FIRST_FRAME_WAIT_MS))) throw new Error('the camera has not sent a picture yet: wait a moment and try again');
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth;
    canvas.height = video.videoHeight;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser gave no 2-D canvas context to take the photo with');
    context.drawImage(video, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the photo could not be encoded');
    return new File([blob], `camera photo ${new Date().toLocaleTimeString('en-GB')}.png`, { type: 'image/png' });
  }, []);

  return { state, videoRef, start, stop, capture };
}

/** The camera's refusal in words a student can act on. */
export function describeCameraError(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'Camera access was refused. Allow the camera for this page in the browser’s site settings, then ask for the camera again — or drop a photo instead.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera was found on this computer. Drop or paste a photo instead.';
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is busy or could not start (another program may be using it). Close that program and try again.';
    default:
      return `The camera could not start: ${error instanceof Error ? error.message : String(error)}`;
  }
}
