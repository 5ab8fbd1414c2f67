import { useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { CIFAR10_CLASSES } from '../../../core/data/cifar-format';
import { formatPercent, topClasses } from '../../../core/data/classify-hints';
import type { Volume } from '../../../core/lessons/volume';
import { mapForPicture, normaliseMap, scaleTicks, type Map2d, type NormalisedMap } from '../../../core/model/saliency-map';
import { divergingCss } from '../../../render/diverging-scale';
import { drawSaliencyOverlay, OVERLAY_OPACITY } from '../../../render/draw-saliency';
import type { WhyTarget } from '../../../state/slices/why-slice';
import { useAppStore } from '../../../state/store';
import { RgbThumbnail } from '../RgbThumbnail';
import { PlaneCanvas } from '../PlaneCanvas';
import { sentence } from '../../classify/classify-text';
import { flatMapNote, gradCamCaption, gradientCaption, mapsFacts, occlusionCaption, readingSentence } from './why-text';
import './why.css';

/** Side of each picture on screen: 3.75 CSS pixels per input pixel, so four fit side by side in a result card. */
const PICTURE_PX = 120;

/**
 * "Why this class?": a button that opens, under a classified picture, its Grad-CAM, gradient and occlusion maps
 * for a class the user picks (the top answer first), each laid over the picture with its colour scale.
 * One such view is open at a time in the whole app; opening another closes this one.
 */
export function WhyThisClass({ target, pictureName }: { readonly target: WhyTarget; readonly pictureName: string }) {
  const openKey = useAppStore((state) => state.whyTarget?.key ?? null);
  const whyOpen = useAppStore((state) => state.whyOpen);
  const whyClose = useAppStore((state) => state.whyClose);
  const panelId = useId();
  const open = openKey === target.key;
  return (
    <div className="why">
      <button type="button" className="why-toggle" aria-expanded={open} aria-controls={open ? panelId : undefined} onClick={() => (open ? whyClose() : whyOpen(target))}>
        Why this class?
      </button>
      {open && <WhyPanel id={panelId} target={target} pictureName={pictureName} />}
    </div>
  );
}

function WhyPanel({ id, target, pictureName }: { readonly id: string; readonly target: WhyTarget; readonly pictureName: string }) {
  const classIndex = useAppStore((state) => state.whyClass);
  const status = useAppStore((state) => state.whyStatus);
  const maps = useAppStore((state) => state.whyMaps);
  const error = useAppStore((state) => state.whyError);
  const backend = useAppStore((state) => state.backendInfo?.backend ?? null);
  const choose = useAppStore((state) => state.whyChooseClass);
  const [over, setOver] = useState(true);
  const pickerId = useId();
  // A model of your own classes names its outputs with them.
  const classes = target.classNames ?? CIFAR10_CLASSES;
  const className = classes[classIndex] ?? `class ${classIndex}`;
  const ranked = target.probabilities.length === classes.length ? topClasses(target.probabilities, classes.length, classes) : [];
  // The maps on screen may still be the previous class's while the next are computed (dimmed meanwhile).
  const stale = maps !== null && maps.classIndex !== classIndex;
  const shownClass = maps ? (classes[maps.classIndex] ?? className) : className;
  return (
    <section id={id} className="why-panel" aria-label={`Why this class: ${pictureName}`} aria-busy={status === 'working'}>
      <div className="why-controls">
        <label htmlFor={pickerId}>Explain the class</label>
        <select id={pickerId} value={classIndex} onChange={(event) => choose(Number(event.target.value))}>
          {ranked.map((entry) => (
            <option key={entry.classIndex} value={entry.classIndex}>
              {entry.name} ({formatPercent(entry.probability)})
            </option>
          ))}
        </select>
        <label className="why-over">
          <input type="checkbox" checked={over} onChange={(event) => setOver(event.target.checked)} /> Lay the maps over the picture
        </label>
        {status === 'working' && (
          <span role="status" className="why-working">
            Computing the maps for {className}…
          </span>
        )}
      </div>
      {status === 'failed' && error && (
        <p role="alert" className="why-error">
          {sentence(error)}
        </p>
      )}
      {maps && (
        <>
          <div className="why-figures" data-class={shownClass} data-stale={stale ? 'true' : undefined}>
            <figure className="why-figure">
              <div role="img" aria-label={`${pictureName} as the network saw it, 32 × 32 pixels`}>
                <RgbThumbnail pixels={target.pixels} sizePx={PICTURE_PX} />
              </div>
              <figcaption>The picture, 32 × 32</figcaption>
            </figure>
            {maps.gradCam && <MapFigure title="Grad-CAM" detail={`${maps.gradCam.layerName}, ${maps.gradCam.height} × ${maps.gradCam.width}`} map={maps.gradCam} pixels={target.pixels} className={shownClass} over={over} />}
            <MapFigure title="Gradient" detail="per pixel" map={maps.gradient} pixels={target.pixels} className={shownClass} over={over} />
            <MapFigure title="Occlusion" detail={`${maps.occlusion.patch} × ${maps.occlusion.patch} grey square`} map={maps.occlusion} pixels={target.pixels} className={shownClass} over={over} />
          </div>
          <ul className="why-captions">
            <li>{maps.gradCam ? gradCamCaption(shownClass, maps) : maps.gradCamNote}</li>
            <li>{gradientCaption(shownClass)}</li>
            <li>{occlusionCaption(shownClass, maps.occlusion.patch)}</li>
          </ul>
          <p className="why-reading">{readingSentence(shownClass)}</p>
          <p className="why-facts">{mapsFacts(shownClass, maps, backend)}</p>
        </>
      )}
    </section>
  );
}

/** One map, laid over the picture or alone on its own grid, with its colour scale. */
function MapFigure(props: { readonly title: string; readonly detail: string; readonly map: Map2d; readonly pixels: Uint8Array; readonly className: string; readonly over: boolean }) {
  const { title, detail, map, pixels, className, over } = props;
  const overlay = useMemo(() => mapForPicture(map, 32), [map]);
  const volume = useMemo<Volume>(() => ({ height: map.height, width: map.width, channels: 1, data: Float64Array.from(map.values) }), [map]);
  const max = useMemo(() => normaliseMap(map).max, [map]);
  return (
    <figure className="why-figure why-map">
      {over ? (
        <OverlayCanvas pixels={pixels} map={overlay} label={`${title} for ${className}, laid over the picture`} />
      ) : (
        <PlaneCanvas volume={volume} channel={0} scaleMax={max} sizePx={PICTURE_PX} label={`${title} for ${className} alone, ${map.height} × ${map.width}`} />
      )}
      <ScaleBar title={title} max={over ? overlay.max : max} over={over} />
      <figcaption>
        <strong>{title}</strong> ({detail}){overlay.max === 0 ? ` — ${flatMapNote()}` : ''}
      </figcaption>
    </figure>
  );
}

function OverlayCanvas({ pixels, map, label }: { readonly pixels: Uint8Array; readonly map: NormalisedMap; readonly label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    if (canvas.current) drawSaliencyOverlay(canvas.current, pixels, map);
  }, [pixels, map]);
  return <canvas ref={canvas} className="why-overlay" role="img" aria-label={label} style={{ width: PICTURE_PX, height: PICTURE_PX, imageRendering: 'pixelated' }} />;
}

/** The colour scale: white (0) to the heat maps' red (the map's largest value). */
function ScaleBar({ title, max, over }: { readonly title: string; readonly max: number; readonly over: boolean }) {
  const ticks = scaleTicks(max);
  const top = ticks.at(-1)?.label ?? '0';
  const how = over ? `; over the picture, red is laid on at up to ${Math.round(OVERLAY_OPACITY * 100)} %` : '';
  return (
    <div className="why-scale" role="img" aria-label={`${title} colour scale: white is 0, red is ${top}${how}`}>
      <div className="why-scale-bar" style={{ background: `linear-gradient(to right, ${divergingCss(0, 1)}, ${divergingCss(1, 1)})` }} />
      <div className="why-scale-ticks" aria-hidden="true">
        {ticks.map((tick) => (
          <span key={tick.at} className={tick.at === 0 ? 'is-low' : 'is-high'}>
            {tick.label}
          </span>
        ))}
      </div>
    </div>
  );
}
