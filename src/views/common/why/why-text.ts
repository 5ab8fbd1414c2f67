/**
 * The sentences of "Why this class", kept apart from the components so they can be tested and read
 * in one place.
 */
import { formatValue } from '../../../core/model/saliency-map';
import type { SaliencyMaps } from '../../../state/slices/why-slice';
import { withArticle } from '../../classify/classify-text';

/** How to read both maps, and what they do not prove: one sentence. */
export function readingSentence(className: string): string {
  return `The redder a spot, the more the ${className} score depends on it for this picture and this model; this does not prove the network “sees” ${withArticle(className)} there, nor that it looks there in other pictures — red on the background means it leans on the background.`;
}

/** Caption of the Grad-CAM map. */
export function gradCamCaption(className: string, maps: SaliencyMaps): string {
  const cam = maps.gradCam;
  if (!cam) return maps.gradCamNote ?? 'No Grad-CAM map for this network.';
  return `Grad-CAM: where the feature maps of ${cam.layerName} (the last convolution layer) that raise the ${className} score fire — its ${cam.height} × ${cam.width} grid stretched over the picture.`;
}

/** Caption of the gradient map. */
export function gradientCaption(className: string): string {
  return `Gradient: how strongly nudging each single pixel would change the ${className} score (the largest of its red, green and blue slopes).`;
}

/** Caption of the occlusion map. */
export function occlusionCaption(className: string, patch: number): string {
  return `Occlusion: how much the ${className} score drops when a ${patch} × ${patch} grey square covers each spot (the mean over the squares covering it) — what the network answers for a changed picture, not a slope; where covering raises the score, the map alone shows blue.`;
}

/** What was explained, by which model, and how long it took. */
export function mapsFacts(className: string, maps: SaliencyMaps, backend: string | null): string {
  const score = maps.score === 'logit' ? `the ${className} logit (its score before softmax)` : `the ${className} probability`;
  const where = backend ? ` on ${backend}` : '';
  return `Explains ${score}, ${formatValue(maps.scoreValue)}, of ${maps.model.label}; the maps took ${Math.round(maps.ms)} ms${where}.`;
}

/** A map that is 0 everywhere: the score does not depend on what this map can show. */
export function flatMapNote(): string {
  return 'all zero: the score does not change with what this map measures.';
}
