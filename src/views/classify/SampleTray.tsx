import { useEffect } from 'react';
import { CIFAR10_CLASSES, CIFAR_IMAGE_BYTES } from '../../core/data/cifar-format';
import { selectClassifySamples, selectClassifySamplesError, selectDataStatus } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { RgbThumbnail } from '../common/RgbThumbnail';
import { SAMPLE_DRAG_TYPE } from './sample-drag';
import { withArticle } from './classify-text';

/**
 * Real CIFAR-10 test photos to try without files at hand: press one, or drag it onto the drop area.
 * On request the engine reads just these twenty from the start of the test files (about 0.1 MB, not
 * the 184 MB set); they show at once when the Train area already loaded the whole set.
 */
export function SampleTray() {
  const samples = useAppStore(selectClassifySamples);
  const samplesError = useAppStore(selectClassifySamplesError);
  const dataStatus = useAppStore(selectDataStatus);
  const wanted = useAppStore((state) => state.classifySamplesWanted);
  useEffect(() => {
    if (dataStatus === 'ready' && !samples) useAppStore.getState().loadClassifySamples();
  }, [dataStatus, samples]);

  return (
    <section className="sample-tray" aria-labelledby="classify-samples-heading">
      <h3 id="classify-samples-heading">Sample test images</h3>
      {samples ? (
        <>
          <p className="sample-tray-help">Press one to classify it, or drag it onto the drop area. The network never trained on these.</p>
          <ul className="sample-tray-list" aria-label="Sample test images">
            {Array.from(samples.indices, (index, position) => {
              const name = CIFAR10_CLASSES[samples.labels[position] ?? 0] ?? 'image';
              return (
                <li key={index}>
                  <button
                    type="button"
                    className="sample-tray-item"
                    draggable
                    aria-label={`Classify test image ${index}, ${withArticle(name)}`}
                    onClick={() => useAppStore.getState().classifySample(position)}
                    onDragStart={(event) => {
                      event.dataTransfer.setData(SAMPLE_DRAG_TYPE, String(position));
                      event.dataTransfer.effectAllowed = 'copy';
                    }}
                  >
                    <RgbThumbnail pixels={samples.pixels} offset={position * CIFAR_IMAGE_BYTES} sizePx={64} />
                    <span className="sample-tray-name">{name}</span>
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : wanted && !samplesError ? (
        <p role="status">Loading twenty photos of the test set…</p>
      ) : (
        <>
          <p className="sample-tray-help">Twenty photos from CIFAR-10’s test set, two of each class: about 0.1 MB of it, not the whole 184 MB data set.</p>
          {samplesError && (
            <p role="alert" className="field-error">
              The samples could not be loaded: {samplesError}
            </p>
          )}
          <button type="button" onClick={() => useAppStore.getState().loadClassifySamples()}>
            {samplesError ? 'Try again' : 'Show sample images'}
          </button>
        </>
      )}
    </section>
  );
}
