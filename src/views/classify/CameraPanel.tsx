import { useState } from 'react';
import { LiveAnswer } from './LiveAnswer';
import { useCamera } from './use-camera';
import { sentence } from './classify-text';
import { useAppStore } from '../../state/store';

/**
 * The camera, opt-in: nothing asks for it until "Use the camera" is pressed. A still is classified
 * like a dropped photo; "Classify live" answers for the moving picture about twice a second. The video
 * never leaves the page.
 */
export function CameraPanel() {
  const camera = useCamera();
  const [captureError, setCaptureError] = useState<string | null>(null);
  const [live, setLive] = useState(false);
  const { state } = camera;
  const take = async (): Promise<void> => {
    try {
      useAppStore.getState().classifyFiles([await camera.capture()], 'camera');
      setCaptureError(null);
    } catch (error) {
      setCaptureError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <section className="camera-panel" aria-labelledby="classify-camera-heading">
      <h3 id="classify-camera-heading">Camera</h3>
      {state.status === 'live' ? (
        <>
          <video ref={camera.videoRef} className="camera-preview" aria-label="Camera preview" autoPlay muted playsInline />
          <div className="camera-buttons">
            <button type="button" onClick={() => void take()}>
              Take photo
            </button>
            <button type="button" aria-pressed={live} onClick={() => setLive(!live)}>
              Classify live
            </button>
            <button type="button" onClick={camera.stop}>
              Turn the camera off
            </button>
          </div>
          {live && <LiveAnswer videoRef={camera.videoRef} />}
          {captureError && (
            <p role="alert" className="field-error">
              {sentence(captureError)}
            </p>
          )}
        </>
      ) : (
        <>
          <button type="button" disabled={state.status === 'starting'} onClick={() => void camera.start()}>
            {state.status === 'starting' ? 'Asking for the camera…' : 'Use the camera'}
          </button>
          <p className="camera-note">Only when you press it; the video stays on this computer.</p>
          {state.status === 'failed' && (
            <p role="alert" className="field-error">
              {state.message}
            </p>
          )}
        </>
      )}
    </section>
  );
}
