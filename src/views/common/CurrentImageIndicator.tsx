import { selectCurrentImage, selectDataset } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { CIFAR10_CLASSES } from '../../core/data/cifar-format';
import { RgbThumbnail } from './RgbThumbnail';
import './current-image.css';

/** Props of {@link CurrentImageIndicator}. */
export interface CurrentImageIndicatorProps {
  /** Displayed side of the image in CSS pixels; 64 by default. */
  readonly sizePx?: number;
}

/**
 * A compact "current image" card: the picture Learn and Train show their views on, its class and
 * where it came from. Any area can embed it; the dataset browser changes it.
 */
export function CurrentImageIndicator({ sizePx = 64 }: CurrentImageIndicatorProps) {
  const image = useAppStore(selectCurrentImage);
  const dataset = useAppStore(selectDataset);
  const classes = dataset?.classes ?? CIFAR10_CLASSES;
  const caption = image ? describeImage(image.label === null ? null : (classes[image.label] ?? `class ${image.label}`), image.source) : 'none chosen yet';
  return (
    <figure className="current-image" aria-label="Current image">
      {image ? <RgbThumbnail pixels={image.pixels} sizePx={sizePx} /> : <div className="current-image-empty" style={{ width: sizePx, height: sizePx }} />}
      <figcaption>
        <span className="current-image-title">Current image</span>
        <span>{caption}</span>
      </figcaption>
    </figure>
  );
}

function describeImage(className: string | null, source: NonNullable<ReturnType<typeof selectCurrentImage>>['source']): string {
  if (source.kind === 'user') return `${source.name}${className ? ` (${className})` : ''}`;
  return `${className ?? 'unlabelled'} · ${source.split === 'train' ? 'training' : 'test'} image ${source.index}`;
}
