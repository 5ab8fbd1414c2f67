import { CIFAR_IMAGE_BYTES, type CifarSplit } from '../../../core/data/cifar-format';
import { selectCurrentImage } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import type { DataPage } from '../../../state/slices/data-slice';
import { RgbThumbnail } from '../../common/RgbThumbnail';

/** Props of {@link DatasetGrid}. */
export interface DatasetGridProps {
  readonly page: DataPage;
  readonly classes: readonly string[];
  /** Images per class in the whole split, in class order. */
  readonly perClass: readonly number[];
}

/** Displayed side of a thumbnail: 2× the 32-pixel image. */
const THUMBNAIL_PX = 64;

/**
 * One row per class: its name and count, then the page's images of that class as buttons. Pressing
 * one makes it the current image, which Learn and Train show their views on.
 */
export function DatasetGrid({ page, classes, perClass }: DatasetGridProps) {
  const current = useAppStore(selectCurrentImage);
  const setCurrentImage = useAppStore((state) => state.setCurrentImage);
  const splitWord = page.split === 'train' ? 'training' : 'test';

  const choose = (position: number): void => {
    const index = page.indices[position] ?? 0;
    const pixels = page.pixels.slice(position * CIFAR_IMAGE_BYTES, (position + 1) * CIFAR_IMAGE_BYTES);
    setCurrentImage({ pixels, label: page.labels[position] ?? null, source: { kind: 'cifar', split: page.split, index } });
  };
  const isCurrent = (split: CifarSplit, index: number): boolean =>
    current?.source.kind === 'cifar' && current.source.split === split && current.source.index === index;

  return (
    <div className="dataset-grid">
      {classes.map((name, classIndex) => {
        const positions = positionsOfClass(page.labels, classIndex);
        return (
          <div key={name} className="dataset-row">
            <div className="dataset-row-label">
              <span className="dataset-class-name">{name}</span>
              <span className="dataset-class-count">
                {(perClass[classIndex] ?? 0).toLocaleString('en-US')} {splitWord} images
              </span>
            </div>
            <ul className="dataset-thumbnails" aria-label={`${name} images`}>
              {positions.map((position) => {
                const index = page.indices[position] ?? 0;
                return (
                  <li key={index}>
                    <button
                      type="button"
                      className="dataset-thumbnail"
                      aria-label={`${name}, ${splitWord} image ${index}`}
                      aria-pressed={isCurrent(page.split, index)}
                      onClick={() => choose(position)}
                    >
                      <RgbThumbnail pixels={page.pixels} offset={position * CIFAR_IMAGE_BYTES} sizePx={THUMBNAIL_PX} />
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </div>
  );
}

function positionsOfClass(labels: Uint8Array, classIndex: number): number[] {
  const positions: number[] = [];
  labels.forEach((label, position) => {
    if (label === classIndex) positions.push(position);
  });
  return positions;
}
