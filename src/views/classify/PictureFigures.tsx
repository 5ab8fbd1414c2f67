import type { ClassifyItem, PictureFacts } from '../../state/slices/classify-slice';
import { CIFAR10_CLASSES } from '../../core/data/cifar-format';
import { RgbThumbnail } from '../common/RgbThumbnail';
import { useObjectUrl } from './use-object-url';

/** Side of the enlarged network input on screen: 6 CSS pixels per input pixel, so each one is visible. */
const INPUT_DISPLAY_PX = 192;
/** Longer side of the original on screen, in CSS pixels (small pictures are enlarged with square pixels). */
const ORIGINAL_DISPLAY_PX = 192;

const FORMAT_NAMES: Record<PictureFacts['format'], string> = { png: 'PNG', jpeg: 'JPEG', gif: 'GIF', webp: 'WebP', bmp: 'BMP', avif: 'AVIF' };

/**
 * The picture as given (with the centred square that was kept outlined) next to the exact 32 × 32
 * input the network saw, enlarged with square pixels. A CIFAR-10 sample is already 32 × 32: one figure.
 */
export function PictureFigures({ item }: { readonly item: ClassifyItem }) {
  const url = useObjectUrl(item.status === 'done' ? item.file : null);
  const answer = item.answer;
  const picture = answer?.picture ?? null;
  return (
    <div className="picture-figures">
      {url && picture && (
        <figure className="picture-original">
          <div className="picture-original-frame" style={frameSize(picture.width, picture.height)}>
            <img src={url} alt={`${item.name}, as given`} className={Math.max(picture.width, picture.height) < ORIGINAL_DISPLAY_PX ? 'is-enlarged' : undefined} />
            <div
              className="picture-crop"
              aria-hidden="true"
              style={{
                left: `${(100 * picture.crop.x) / picture.width}%`,
                top: `${(100 * picture.crop.y) / picture.height}%`,
                width: `${(100 * picture.crop.size) / picture.width}%`,
                height: `${(100 * picture.crop.size) / picture.height}%`,
              }}
            />
          </div>
          <figcaption>
            {picture.width.toLocaleString('en-US')} × {picture.height.toLocaleString('en-US')} {FORMAT_NAMES[picture.format]}
            {picture.width === picture.height ? '' : `; the centre ${picture.crop.size.toLocaleString('en-US')} × ${picture.crop.size.toLocaleString('en-US')} square is used`}
          </figcaption>
        </figure>
      )}
      {answer && (
        <figure className="picture-input">
          <div role="img" aria-label={`What the network sees: ${item.name} as 32 × 32 pixels`}>
            <RgbThumbnail pixels={answer.input} sizePx={INPUT_DISPLAY_PX} />
          </div>
          <figcaption>{item.sample ? `Already 32 × 32: a ${CIFAR10_CLASSES[item.sample.label] ?? 'photo'} from the test set` : 'What the network sees: 32 × 32 pixels'}</figcaption>
        </figure>
      )}
    </div>
  );
}

/** The original's box: its longer side ORIGINAL_DISPLAY_PX, its shape the picture's, so the crop outline lands on the right pixels. */
function frameSize(width: number, height: number): { width: number; height: number } {
  const scale = ORIGINAL_DISPLAY_PX / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
