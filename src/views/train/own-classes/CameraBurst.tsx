import { useCallback, useEffect, type KeyboardEvent } from 'react';
import type { OwnClass, RgbaFrame } from '../../../state/slices/classes-slice';
import { useAppStore } from '../../../state/store';
import { useCamera } from '../../classify/use-camera';
import { BURST_MAX_FRAMES, useBurst } from './use-burst';

/** Keys that hold the capture button down, as Space and Enter press any button. */
const HOLD_KEYS = new Set([' ', 'Enter']);

/**
 * The camera for one class: a live preview and a button to hold — with the pointer, or Space or Enter
 * held on the keyboard — that takes a burst of frames into the class. The camera starts when this
 * opens (the browser asks first) and stops when it closes; the video never leaves the page.
 */
export function CameraBurst({ target, onClose }: { readonly target: OwnClass; readonly onClose: () => void }) {
  const camera = useCamera();
  const { start, stop } = camera;
  const deliver = useCallback((frames: RgbaFrame[]) => void useAppStore.getState().classesAddFrames(target.id, frames), [target.id]);
  const burst = useBurst(camera.videoRef, deliver);
  useEffect(() => {
    void start();
    return stop;
  }, [start, stop]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (!HOLD_KEYS.has(event.key)) return;
    // A held key repeats; the burst is already running. The button's own click is not wanted either.
    event.preventDefault();
    if (!event.repeat) burst.begin();
  };
  const onKeyUp = (event: KeyboardEvent<HTMLButtonElement>): void => {
    if (!HOLD_KEYS.has(event.key)) return;
    event.preventDefault();
    burst.end();
  };
  const { state } = camera;
  return (
    <section className="own-camera" aria-label={`Camera for “${target.name}”`}>
      {state.status === 'live' ? (
        <>
          <video ref={camera.videoRef} className="own-camera-preview" aria-label="Camera preview" autoPlay muted playsInline />
          <div className="own-camera-controls">
            <button
              type="button"
              className={burst.holding ? 'own-hold is-holding' : 'own-hold'}
              aria-pressed={burst.holding}
              onPointerDown={(event) => {
                event.currentTarget.setPointerCapture(event.pointerId);
                burst.begin();
              }}
              onPointerUp={burst.end}
              onPointerCancel={burst.end}
              onKeyDown={onKeyDown}
              onKeyUp={onKeyUp}
              onBlur={burst.end}
              onContextMenu={(event) => event.preventDefault()}
            >
              Hold to capture into “{target.name}”
            </button>
            <p className="own-camera-note" aria-live="polite">
              {burst.holding ? `Capturing… ${burst.taken} ${burst.taken === 1 ? 'picture' : 'pictures'}` : burst.taken > 0 ? `Took ${burst.taken} ${burst.taken === 1 ? 'picture' : 'pictures'}.` : `Hold the button (or Space) and move the object a little; up to ${BURST_MAX_FRAMES} pictures a hold.`}
            </p>
            <button type="button" onClick={onClose}>
              Turn the camera off
            </button>
          </div>
        </>
      ) : state.status === 'failed' ? (
        <div className="own-camera-controls">
          <p role="alert" className="field-error">
            {state.message}
          </p>
          <button type="button" onClick={onClose}>
            Close the camera
          </button>
        </div>
      ) : (
        <p className="own-camera-note">Asking for the camera…</p>
      )}
    </section>
  );
}
