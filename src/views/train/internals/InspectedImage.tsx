import type { CurrentImage } from '../../../state/store';
import { RgbThumbnail } from '../../common/RgbThumbnail';
import '../../common/current-image.css';

/** Props of {@link InspectedImage}. */
export interface InspectedImageProps {
  /** The picture the panels below were computed for, or the chosen one while none is. */
  readonly image: CurrentImage;
  readonly classes: readonly string[];
}

/**
 * The picture the network is looking at, with its class and where it came from. It is the dataset
 * browser's current image once the network has answered for it; until then, the one answered for.
 */
export function InspectedImage({ image, classes }: InspectedImageProps) {
  const className = image.label === null ? null : (classes[image.label] ?? `class ${image.label}`);
  const where = image.source.kind === 'user' ? image.source.name : `${image.source.split === 'train' ? 'training' : 'test'} image ${image.source.index}`;
  return (
    <figure className="current-image" aria-label="Inspected image">
      <RgbThumbnail pixels={image.pixels} sizePx={64} />
      <figcaption>
        <span className="current-image-title">The network sees</span>
        <span>{className ? `${className} · ${where}` : where}</span>
      </figcaption>
    </figure>
  );
}
