import { useId, useMemo, useState, type ReactNode } from 'react';
import { toGrayscale } from '../../../core/data/image-volume';
import type { Volume } from '../../../core/lessons/volume';
import { useLessonPicture } from '../use-lesson-picture';
import { ImagePicker } from './ImagePicker';
import { VolumeCanvas } from './VolumeCanvas';

/** Gray (one channel of brightness) or each colour channel separately. */
export type ColourMode = 'gray' | 'rgb';

/** Props of {@link RealImagePanel}. */
export interface RealImagePanelProps {
  readonly heading: string;
  /** Which colour modes make sense here (pooling a feature map needs gray). */
  readonly colourModes?: readonly ColourMode[];
  /** What to show for the picture, already in the chosen colour mode (values 0…255). */
  readonly children: (picture: Volume, colourMode: ColourMode) => ReactNode;
}

/**
 * "Now on a real picture": the dataset browser's current image or the student's own, the original
 * beside whatever the lesson does to it. With no picture yet it says where to get one, and offers the
 * file picker; the lesson above keeps working either way.
 */
export function RealImagePanel({ heading, colourModes = ['gray', 'rgb'], children }: RealImagePanelProps) {
  const headingId = useId();
  const { picture, own, dataset, source, setSource } = useLessonPicture();
  const [colourMode, setColourMode] = useState<ColourMode>(colourModes[0] ?? 'gray');
  const prepared = useMemo(() => (picture ? (colourMode === 'gray' ? toGrayscale(picture.volume) : picture.volume) : null), [picture, colourMode]);
  return (
    <section className="real-image" aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      <div className="real-image-options">
        {own && dataset && (
          <fieldset>
            <legend>Picture</legend>
            <label>
              <input type="radio" name={`${headingId}-source`} checked={source === 'dataset'} onChange={() => setSource('dataset')} /> {dataset.name}
            </label>
            <label>
              <input type="radio" name={`${headingId}-source`} checked={source === 'own'} onChange={() => setSource('own')} /> {own.name}
            </label>
          </fieldset>
        )}
        {colourModes.length > 1 && (
          <fieldset>
            <legend>Colour</legend>
            <label>
              <input type="radio" name={`${headingId}-colour`} checked={colourMode === 'gray'} onChange={() => setColourMode('gray')} /> Grayscale
            </label>
            <label>
              <input type="radio" name={`${headingId}-colour`} checked={colourMode === 'rgb'} onChange={() => setColourMode('rgb')} /> Each colour channel
            </label>
          </fieldset>
        )}
        <ImagePicker />
      </div>
      {picture && prepared ? (
        <div className="real-image-row">
          <VolumeCanvas
            volume={picture.volume}
            mode="picture"
            label={`The picture: ${picture.name}`}
            caption={`${picture.name}, ${picture.volume.width}×${picture.volume.height}`}
          />
          {colourMode === 'gray' && <VolumeCanvas volume={prepared} mode="picture" label="The picture in grayscale" caption="Grayscale: what the mask sees" />}
          {children(prepared, colourMode)}
        </div>
      ) : (
        <p className="no-picture">
          No picture yet. Pick one in the dataset browser (<a href="#/train">Train</a>), or drop a photo of your own on the box above: it
          stays on this computer.
        </p>
      )}
    </section>
  );
}
