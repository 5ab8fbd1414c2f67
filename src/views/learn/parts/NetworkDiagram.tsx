import { useMemo } from 'react';
import { largestMagnitude } from '../../../core/model/network-internals';
import { volumeFromData } from '../../../core/lessons/volume';
import type { LayerActivations } from '../../../state/slices/inspect-slice';
import { PlaneCanvas } from '../../common/PlaneCanvas';
import { formatCount } from '../format-number';

/** One block of the diagram: a layer (or the input) with its output shape. */
export interface DiagramBlock {
  /** The lesson step that opens this block's detail (1 is the input). */
  readonly step: number;
  readonly title: string;
  readonly outputShape: readonly number[];
  readonly params: number;
  /** The layer's feature maps for the current picture, when the engine has them and the shapes match. */
  readonly activations: LayerActivations | null;
}

const shapeText = (shape: readonly number[]): string => shape.join(' × ');

/**
 * The whole network as a picture, as CNN Explainer's overview draws it: one block per layer, in order,
 * joined by arrows, each with its output shape and a thumbnail of its strongest feature map for the
 * current picture. A block is a button: it opens that layer's detail (the lesson's step). The table
 * beside it says the same in text.
 */
export function NetworkDiagram({ blocks, currentStep, onOpen }: { readonly blocks: readonly DiagramBlock[]; readonly currentStep: number; readonly onOpen: (step: number) => void }) {
  return (
    <ol className="network-diagram" aria-label="The network as a diagram: each block opens its layer">
      {blocks.map((block) => (
        <li key={block.step} className="network-diagram-item">
          <button
            type="button"
            className={block.step === currentStep ? 'network-block is-current' : 'network-block'}
            aria-pressed={block.step === currentStep}
            onClick={() => onOpen(block.step)}
          >
            {/* The name comes from the visible words (title, shape) plus the hidden parameter count, so
                speech users can say what they see; the picture sits between them only visually (CSS order). */}
            <span className="network-block-title">{block.title} </span>
            <span className="network-block-shape">{shapeText(block.outputShape)}</span>
            <span className="visually-hidden">({formatCount(block.params)} parameters)</span>
            <span className="network-block-picture" aria-hidden="true">
              {block.activations ? <StrongestMap layer={block.activations} /> : <ShapeGlyph shape={block.outputShape} />}
            </span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The feature map with the most activation (the channel that answers this picture most), as a heat map. */
function StrongestMap({ layer }: { readonly layer: LayerActivations }) {
  const [height = 1, width = 1, channels = 1] = layer.shape;
  const volume = useMemo(() => volumeFromData(height, width, channels, layer.values), [height, width, channels, layer.values]);
  const { channel, scaleMax } = useMemo(() => {
    const sums = new Float64Array(channels);
    layer.values.forEach((value, index) => {
      sums[index % channels] = (sums[index % channels] ?? 0) + Math.abs(value);
    });
    let best = 0;
    sums.forEach((sum, index) => {
      if (sum > (sums[best] ?? 0)) best = index;
    });
    return { channel: best, scaleMax: largestMagnitude(layer.values) };
  }, [layer.values, channels]);
  return <PlaneCanvas volume={volume} channel={channel} scaleMax={scaleMax} sizePx={48} label={`${layer.name}: its strongest feature map (${channel + 1} of ${channels}) for this picture`} />;
}

/** For a layer without maps (flat vectors): a bar whose length grows with the number of values. */
function ShapeGlyph({ shape }: { readonly shape: readonly number[] }) {
  const values = shape.reduce((product, size) => product * size, 1);
  const flat = shape.length === 1;
  return (
    <span className={flat ? 'network-glyph network-glyph-flat' : 'network-glyph'} aria-hidden="true" style={flat ? { height: `${Math.max(6, Math.min(48, Math.log2(values) * 4))}px` } : undefined} />
  );
}
