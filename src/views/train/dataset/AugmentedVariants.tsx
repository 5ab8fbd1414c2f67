import { useMemo } from 'react';
import { augmentedVariants, type ImageTransform } from '../../../core/data/image-augment';
import { CIFAR_IMAGE_BYTES } from '../../../core/data/cifar-format';
import { DEFAULT_HYPERPARAMETERS } from '../../../core/training/hyperparameters';
import { selectCurrentImage, selectTrainingForm } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { RgbThumbnail } from '../../common/RgbThumbnail';
import './augmented-variants.css';

/** Variants shown: enough to see mirrors and shifts, one row on a projector. */
const VARIANTS = 8;

/** "mirrored, 2 px right, 1 px up", "as it is". */
export function describeTransform(transform: ImageTransform): string {
  const parts = [
    ...(transform.flip ? ['mirrored'] : []),
    ...(transform.dx !== 0 ? [`${Math.abs(transform.dx)} px ${transform.dx > 0 ? 'right' : 'left'}`] : []),
    ...(transform.dy !== 0 ? [`${Math.abs(transform.dy)} px ${transform.dy > 0 ? 'down' : 'up'}`] : []),
  ];
  return parts.length === 0 ? 'as it is' : parts.join(', ');
}

/**
 * With "Augment the training pictures" on: the current picture as training would vary it — mirrored
 * or not, shifted up to 2 px, edges repeated — so the class sees what the network is shown instead.
 * Renders nothing with augmentation off or no current picture.
 */
export function AugmentedVariants() {
  const augment = useAppStore(selectTrainingForm).augment;
  const image = useAppStore(selectCurrentImage);
  const variants = useMemo(() => (augment && image ? augmentedVariants(image.pixels, VARIANTS, DEFAULT_HYPERPARAMETERS.seed) : null), [augment, image]);
  if (!variants) return null;
  return (
    <figure className="augmented-variants" aria-label="What the network sees with augmentation">
      <figcaption>With augmentation on, the network is shown variants of the current picture like these, a new one each time it comes up:</figcaption>
      <ul>
        {variants.transforms.map((transform, index) => (
          <li key={index} role="img" aria-label={`Variant ${index + 1}: ${describeTransform(transform)}`} title={describeTransform(transform)}>
            <RgbThumbnail pixels={variants.pixels} offset={index * CIFAR_IMAGE_BYTES} sizePx={64} />
          </li>
        ))}
      </ul>
    </figure>
  );
}
