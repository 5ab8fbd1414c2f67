import { useMemo, useState } from 'react';
import { CIFAR10_CLASSES } from '../../core/cifar-format';
import { imageBytesToVolume } from '../../core/image-volume';
import type { Volume } from '../../core/volume';
import { selectCurrentImage, selectLearnImage } from '../../state/selectors';
import { useAppStore } from '../../state/store';

/** A picture a lesson can apply its mask to: RGB 0…255, with a name for captions. */
export interface LessonPicture {
  readonly volume: Volume;
  readonly name: string;
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
  const dataset = useMemo<LessonPicture | null>(() => {
    if (!current) return null;
    const className = current.label === null ? 'your image' : (CIFAR10_CLASSES[current.label] ?? 'image');
    const where = current.source.kind === 'cifar' ? `CIFAR-10 ${current.source.split} #${current.source.index}` : current.source.name;
    return { volume: imageBytesToVolume(current.pixels, 32, 32, 3), name: `${className} (${where})` };
  }, [current]);
  const own = useMemo<LessonPicture | null>(() => (learnImage ? { volume: learnImage.volume, name: learnImage.name } : null), [learnImage]);
  const picture = (source === 'own' ? (own ?? dataset) : (dataset ?? own)) ?? null;
  return { picture, own, dataset, source, setSource };
}
