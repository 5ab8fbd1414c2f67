import { useId } from 'react';
import { CIFAR10_CLASSES } from '../../../core/data/cifar-format';
import { selectDataset } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { describeInspectedModel } from '../../common/inspected-model-text';
import { useNetworkInternals } from '../../common/use-network-internals';
import { DenseUnits } from './DenseUnits';
import { FeatureMaps } from './FeatureMaps';
import { FirstLayerFilters } from './FirstLayerFilters';
import { InspectedImage } from './InspectedImage';
import { SoftmaxBars } from './SoftmaxBars';
import { WhyThisClass } from '../../common/why/WhyThisClass';
import type { CurrentImage } from '../../../state/store';
import './internals.css';

/**
 * Inside the network, for the current image: the first layer's filters, every conv and pooling
 * layer's feature maps, the dense layer's strongest units and the ten probabilities. Asked again
 * after each epoch and whenever another image is chosen.
 */
export function NetworkInternals() {
  const headingId = useId();
  const { image, status, internals, message, retry } = useNetworkInternals();
  const classes = useAppStore(selectDataset)?.classes ?? CIFAR10_CLASSES;
  const result = internals?.result ?? null;
  // A run on your own classes names its outputs with them; the picture's own label is then a CIFAR-10 class, not one of them.
  const outputClasses = result?.model.kind === 'trained' ? result.model.classNames : undefined;
  const maps = result?.layers.filter((layer) => layer.shape.length === 3) ?? [];
  const vectors = result?.layers.filter((layer) => layer.shape.length === 1) ?? [];
  const output = vectors.at(-1) ?? null;
  const hidden = vectors.slice(0, -1);
  const shownImage = internals?.request.image ?? null;
  const pictured = shownImage ?? image;

  return (
    <section className="train-panel internals" aria-labelledby={headingId}>
      <div className="internals-header">
        <h3 id={headingId}>Inside the network</h3>
        {pictured && <InspectedImage image={pictured} classes={classes} />}
      </div>
      <p className="internals-status" role="status" aria-label="Network internals status">
        {!image
          ? 'Choose an image in the dataset browser below to see what each layer makes of it.'
          : status === 'loading'
            ? 'Asking the network…'
            : result
              ? `What ${describeInspectedModel(result.model)} makes of this picture.`
              : ''}
      </p>
      {!image && (
        <button type="button" className="internals-button" onClick={() => useAppStore.getState().loadDataset()}>
          Load CIFAR-10 and use its first test image
        </button>
      )}
      {status === 'unavailable' && <p className="internals-message">{message}</p>}
      {status === 'failed' && (
        <p className="internals-message internals-message-bad" role="alert">
          {message}{' '}
          <button type="button" className="internals-button" onClick={retry}>
            Try again
          </button>
        </p>
      )}
      {result && (
        <div className="internals-body" aria-busy={status === 'loading'}>
          {/* The answer first, with the dense units that voted for it; then the way there, layer by layer. */}
          <div className="internals-row">
            {output && <SoftmaxBars layer={output} classes={outputClasses ?? classes} label={outputClasses ? null : (shownImage?.label ?? null)} />}
            {hidden.map((layer) => (
              <DenseUnits key={layer.layerIndex} layer={layer} />
            ))}
          </div>
          {output && shownImage && internals && (
            <WhyThisClass
              target={{ key: `internals ${imageName(shownImage)} ${internals.request.modelKey}`, pixels: shownImage.pixels, model: result.model.kind, probabilities: Array.from(output.values), ...(outputClasses ? { classNames: outputClasses } : {}) }}
              pictureName={imageName(shownImage)}
            />
          )}
          {result.firstConv && <FirstLayerFilters conv={result.firstConv} />}
          {maps.map((layer) => (
            <FeatureMaps key={layer.layerIndex} layer={layer} />
          ))}
        </div>
      )}
    </section>
  );
}

/** How "Why this class" names the inspected picture. */
function imageName(image: CurrentImage): string {
  return image.source.kind === 'cifar' ? `${image.source.split} image ${image.source.index}` : image.source.name;
}
