import { useMemo, useState } from 'react';
import { CIFAR10_CLASSES, CIFAR_CHANNELS, CIFAR_IMAGE_SIZE } from '../../core/data/cifar-format';
import { imageBytesToVolume } from '../../core/data/image-volume';
import type { Volume } from '../../core/lessons/volume';
import { selectCurrentImage, selectLearnImage } from '../../state/selectors';
import { useAppStore, type CurrentImage } from '../../state/store';

/** A picture a lesson can apply its mask to: RGB 0…255, with a name for captions. */
export interface LessonPicture {
  readonly volume: Volume;
  readonly name: string;
}

/**
 * The dataset browser's current image (32×32×3 uint8 NHWC) as a lesson picture, named by its class and
 * where it came from: "cat (CIFAR-10 test #12)".
 */
export function pictureFromCurrentImage(current: CurrentImage): LessonPicture {
  const className = current.label === null ? 'your image' : (CIFAR10_CLASSES[current.label] ?? 'image');
  const where = current.source.kind === 'cifar' ? `CIFAR-10 ${current.source.split} #${current.source.index}` : current.source.name;
  return { volume: imageBytesToVolume(current.pixels, CIFAR_IMAGE_SIZE, CIFAR_IMAGE_SIZE, CIFAR_CHANNELS), name: `${className} (${where})` };
}

/** Which picture is in use when both exist. */
export type PictureSource = 'own' | 'dataset';

/**
 * The pictures a lesson can use: the dataset browser's current CIFAR-10 image (32×32×3) and the
 * student's own (≤128 px). Both may be missing; then `picture` is null and the lesson says how to get one.
 */
export function useLessonPicture(): {
  picture: LessonPicture | null;
  own: LessonPicture | null;
  dataset: LessonPicture | null;
  source: PictureSource;
  setSource(source: PictureSource): void;
} {
  const current = useAppStore(selectCurrentImage);
  const learnImage = useAppStore(selectLearnImage);
  const [source, setSource] = useState<PictureSource>('own');
  const dataset = useMemo(() => (current ? pictureFromCurrentImage(current) : null), [current]);
  const own = useMemo<LessonPicture | null>(() => (learnImage ? { volume: learnImage.volume, name: learnImage.name } : null), [learnImage]);
  const picture = (source === 'own' ? (own ?? dataset) : (dataset ?? own)) ?? null;
  return { picture, own, dataset, source, setSource };
}
