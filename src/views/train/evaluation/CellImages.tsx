import { requestTrainTab } from '../train-tab-request';
import { useMemo } from 'react';
import { CIFAR_IMAGE_BYTES } from '../../../core/data/cifar-format';
import { indicesInCell } from '../../../core/training/confusion-matrix';
import type { ConfusionCell } from '../../../state/slices/inspect-slice';
import { useAppStore } from '../../../state/store';
import { RgbThumbnail } from '../../common/RgbThumbnail';
import { imagesText } from './ConfusionMatrix';
import { useTestImages } from './use-test-images';

/** Most thumbnails shown for one cell: enough to see a pattern, few enough to load at once. */
export const MAX_CELL_IMAGES = 60;

/** Props of {@link CellImages}. */
export interface CellImagesProps {
  /** The evaluated test images (indices into the test split), their true and predicted classes. */
  readonly evaluation: { readonly indices: Uint32Array; readonly labels: Uint8Array; readonly predictions: Uint8Array; readonly pictures?: Uint8Array };
  /** When it was evaluated, as the accuracy line says it ("after epoch 3"). */
  readonly when: string;
  readonly cell: ConfusionCell;
  readonly classes: readonly string[];
}

/**
 * The test images behind one confusion-matrix cell. Each is a button that makes it the current
 * image, so "Inside the network" below shows what the network saw in it.
 */
export function CellImages({ evaluation, when, cell, classes }: CellImagesProps) {
  const all = useMemo(
    () => indicesInCell(evaluation.indices, evaluation.labels, evaluation.predictions, cell.trueClass, cell.predictedClass),
    [evaluation, cell],
  );
  const shown = useMemo(() => all.slice(0, MAX_CELL_IMAGES), [all]);
  // A run on your own classes brought its held-out pictures along: they are not in CIFAR-10's test split.
  const pictures = evaluation.pictures;
  const own = useMemo(() => (pictures ? { pictures, indices: evaluation.indices, labels: evaluation.labels } : null), [pictures, evaluation.indices, evaluation.labels]);
  const { page, error } = useTestImages(shown, own);
  const setCurrentImage = useAppStore((state) => state.setCurrentImage);
  const trueName = classes[cell.trueClass] ?? `class ${cell.trueClass}`;
  const predictedName = classes[cell.predictedClass] ?? `class ${cell.predictedClass}`;
  const heading = `True ${trueName}, predicted ${predictedName}: ${imagesText(all.length)}`;
  return (
    <section className="cell-images" aria-label="Images of the chosen square">
      <h4>{heading}</h4>
      {all.length === 0 && <p>No test image landed here {when}.</p>}
      {all.length > shown.length && <p className="cell-images-note">The first {shown.length} are shown.</p>}
      {error && (
        <p className="evaluation-error" role="alert">
          The images could not be fetched: {error}
        </p>
      )}
      {page && (
        <ul className="cell-thumbnails">
          {Array.from(page.indices, (index, position) => (
            <li key={index}>
              <button
                type="button"
                className="cell-thumbnail"
                aria-label={`${own ? 'Held-out picture' : 'Test image'} ${index}: look inside the network`}
                onClick={() => {
                  const pixels = page.pixels.slice(position * CIFAR_IMAGE_BYTES, (position + 1) * CIFAR_IMAGE_BYTES);
                  // A held-out picture of your own is no CIFAR-10 image: its label means another class list.
                  setCurrentImage(own ? { pixels, label: null, source: { kind: 'user', name: `held-out picture ${index + 1} (${trueName})` } } : { pixels, label: page.labels[position] ?? null, source: { kind: 'cifar', split: 'test', index } });
                  requestTrainTab('inside');
                }}
              >
                <RgbThumbnail pixels={page.pixels} offset={position * CIFAR_IMAGE_BYTES} sizePx={64} />
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
