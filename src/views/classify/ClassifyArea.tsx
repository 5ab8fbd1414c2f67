import { useCallback, useEffect, useState, type DragEvent } from 'react';
import { useDropzone } from 'react-dropzone';
import { MAX_IMAGE_PIXELS, READABLE_FORMATS_TEXT } from '../../core/data/image-header';
import { ClassroomTools } from '../common/ClassroomTools';
import { CameraPanel } from './CameraPanel';
import { ModelLibrary } from './ModelLibrary';
import { ModelPanel } from './ModelPanel';
import { ResultList } from './ResultList';
import { SampleTray } from './SampleTray';
import { sampleFromDrag } from './sample-drag';
import { usePastedPictures } from './use-pasted-pictures';
import { useAppStore } from '../../state/store';
import './classify.css';

/**
 * The Classify area: drop pictures anywhere on it (or model files), choose them, paste them, take one
 * with the camera, or use a sample; see what the network sees and what it answers. Pictures are
 * decoded and classified in the engine's worker, so the page stays responsive with any file.
 */
export function ClassifyArea() {
  const [intakeNote, setIntakeNote] = useState<string | null>(null);
  useEffect(() => {
    useAppStore.getState().prepareClassifier();
  }, []);

  const onDrop = useCallback((files: File[]) => {
    if (files.length > 0) {
      setIntakeNote(null);
      useAppStore.getState().classifyFiles(files, 'file');
    }
  }, []);
  const { getRootProps, getInputProps, isDragActive, open } = useDropzone({ onDrop, noClick: true, noKeyboard: true, multiple: true, useFsAccessApi: false });
  const onPasted = useCallback((files: File[]) => {
    setIntakeNote(null);
    useAppStore.getState().classifyFiles(files, 'paste');
  }, []);
  const onNothingPasted = useCallback(() => setIntakeNote('The clipboard holds no picture: copy the image itself (not its address), then paste again.'), []);
  usePastedPictures(onPasted, onNothingPasted);

  // A sample dragged from the tray carries its position, not a file: handle it before the dropzone does.
  const onSampleDrop = (event: DragEvent<HTMLElement>): void => {
    const position = sampleFromDrag(event.dataTransfer);
    if (position === null) return;
    event.preventDefault();
    event.stopPropagation();
    useAppStore.getState().classifySample(position);
  };

  return (
    <section {...getRootProps({ role: 'region', onDrop: onSampleDrop })} aria-labelledby="classify-heading" className={isDragActive ? 'area classify is-dragging' : 'area classify'}>
      <input {...getInputProps()} aria-label="Pictures to classify" />
      <ClassroomTools />
      <h2 id="classify-heading">Classify</h2>
      <p className="lead">
        Drop photos anywhere here to see which of the ten CIFAR-10 classes the network thinks they show, and how sure it is. Everything happens on this computer.
      </p>
      <div className="classify-layout">
        <div className="classify-main">
          <div className="drop-panel">
            <p className="drop-panel-title">Drop pictures anywhere on this area</p>
            <div className="drop-panel-buttons">
              <button type="button" onClick={open}>
                Choose pictures…
              </button>
              <span>or paste one (Ctrl+V / ⌘V)</span>
            </div>
            <p className="drop-panel-limits">
              {READABLE_FORMATS_TEXT}, up to {MAX_IMAGE_PIXELS / 1e6} megapixels. SVG drawings are refused. The centred square is kept and shrunk to 32 × 32.
            </p>
            {intakeNote && (
              <p role="status" className="drop-panel-note">
                {intakeNote}
              </p>
            )}
          </div>
          <CameraPanel />
          <SampleTray />
          <ResultList />
        </div>
        <aside className="classify-side" aria-label="Models">
          <ModelPanel />
          <ModelLibrary />
        </aside>
      </div>
      {isDragActive && (
        <div className="drop-overlay" aria-hidden="true">
          Drop to classify
        </div>
      )}
    </section>
  );
}
