import { useMemo, useState } from 'react';
import type { FilterBank } from '../../../core/lessons/conv2d';
import { convStepAt, type ConvStep } from '../../../core/lessons/conv-steps';
import { scaledImageVolume } from '../../../core/model/network-internals';
import { volumeFromData, type Volume } from '../../../core/lessons/volume';
import { selectLessonStep } from '../../../state/selectors';
import type { FirstConvLayer, LayerActivations } from '../../../state/slices/inspect-slice';
import { useAppStore } from '../../../state/store';
import { describeInspectedModel } from '../../common/inspected-model-text';
import { useNetworkInternals } from '../../common/use-network-internals';
import { formatNumber } from '../format-number';
import { readPosition, replayPhase, replayStepCount, runningSums } from '../real-network-steps';
import { useLessonPlayer } from '../use-lesson-player';
import { LESSON_DRAFTS } from '../lesson-drafts';
import { LessonFrame } from '../parts/LessonFrame';
import { MarkedCanvas } from '../parts/MarkedCanvas';
import { NumberField } from '../parts/NumberField';
import { RealNetworkMissing } from '../parts/RealNetworkMissing';
import { ReplaySum } from '../parts/ReplaySum';
import { WindowGrids } from '../parts/WindowGrids';
import '../real-network.css';

const CHANNEL_NAMES = ['Red', 'Green', 'Blue'];

type Field = 'filter' | 'row' | 'column';
const ORIGIN: Readonly<Record<Field, number>> = { filter: 0, row: 0, column: 0 };

/** Everything the replay needs, once the engine has answered for an image. */
interface Replay {
  readonly conv: FirstConvLayer;
  readonly maps: LayerActivations;
  readonly mapsVolume: Volume;
  readonly input: Volume;
  readonly pixels: Uint8Array;
  readonly bank: FilterBank;
}


/** Lesson 9: click a cell of a first-layer feature map and replay the convolution that made it, with the trained weights. */
export function RealNetworkLesson() {
  const { status, internals, message } = useNetworkInternals();
  // The last filter, row and column that read well are the lab's (a link opens the same cell): what the
  // step-through shows while a field is wrong. The typing itself stays here.
  const stored = useAppStore((state) => state.lessonSettings['real-network']);
  const goodTexts = useMemo(() => LESSON_DRAFTS['real-network'].toDraft(stored), [stored]);
  const [texts, setTexts] = useState(goodTexts);
  const [shownFrom, setShownFrom] = useState(stored);
  if (shownFrom !== stored) {
    // The lab's cell changed from elsewhere (a link, "Back to the lesson's own example"): show it.
    setShownFrom(stored);
    setTexts(goodTexts);
  }
  const replay = useMemo((): Replay | string | null => {
    const result = internals?.result;
    if (!result || !internals) return null;
    const conv = result.firstConv;
    const maps = conv ? result.layers.find((layer) => layer.layerIndex === conv.layerIndex) : undefined;
    if (!conv || !maps) return 'This network has no convolution layer, so there is no feature map to replay.';
    if (!conv.seesImage) return `The first convolution (${conv.name}) does not see the picture itself: other layers come before it. Put a Conv2D first in Train to replay it here.`;
    if (conv.activation !== 'relu' && conv.activation !== 'linear') return `The first convolution uses ${conv.activation}; this lesson replays ReLU (or no activation) only.`;
    const [height = 1, width = 1, channels = 1] = maps.shape;
    const [kh, kw, inChannels, outChannels] = conv.kernelShape;
    const pixels = internals.request.image.pixels;
    return {
      conv,
      maps,
      mapsVolume: volumeFromData(height, width, channels, maps.values),
      input: scaledImageVolume(pixels, 32, 32, 3),
      pixels,
      bank: { height: kh, width: kw, inChannels, outChannels, data: Float64Array.from(conv.kernel) },
    };
  }, [internals]);
  const ready = replay !== null && typeof replay !== 'string' ? replay : null;

  const typed = useMemo(() => (ready ? readCell(ready, texts) : null), [ready, texts]);
  const errors = typed && 'errors' in typed ? typed.errors : {};
  const position = useMemo(() => {
    if (!ready) return ORIGIN;
    const good = readCell(ready, goodTexts);
    return 'position' in good ? good.position : ORIGIN;
  }, [ready, goodTexts]);
  const record = useMemo(() => (ready ? recordAt(ready, position) : null), [ready, position]);
  const sums = useMemo(() => (record ? runningSums(record) : []), [record]);
  // Until the network has answered, keep the linked step (a link to step 28 must survive loading the data).
  const linkedStep = useAppStore(selectLessonStep);
  const player = useLessonPlayer(record ? replayStepCount(record) : linkedStep);
  const phase = record ? replayPhase(record, player.step, sums) : null;
  const networkValue = ready ? (ready.maps.values[(position.row * (ready.maps.shape[1] ?? 1) + position.column) * (ready.maps.shape[2] ?? 1) + position.filter] ?? Number.NaN) : Number.NaN;
  const term = phase?.kind === 'product' && record ? record.terms[phase.termIndex] : undefined;
  const caption = !record || !phase
    ? 'Step 1: waiting for the network.'
    : phase.kind === 'product' && term
      ? term.isPadding
        ? `Step ${player.step}: ${CHANNEL_NAMES[term.channel]} at row ${term.inputRow + 1}, column ${term.inputCol + 1} lies outside the picture — padding, 0 — so its product adds nothing.`
        : `Step ${player.step}: ${CHANNEL_NAMES[term.channel]} at row ${term.inputRow + 1}, column ${term.inputCol + 1} is ${formatNumber(term.inputValue, 4)}; times the weight ${formatNumber(term.weight, 4)} makes ${formatNumber(term.product, 4)}.`
      : phase.kind === 'bias'
        ? `Step ${player.step}: the ${record.terms.length} products add up to ${formatNumber(record.sum, 4)}; the filter's bias ${formatNumber(record.bias, 4)} is added.`
        : `Step ${player.step}: ${record.activation === 'relu' ? (record.preActivation < 0 ? 'ReLU turns the negative sum into 0' : 'ReLU keeps the positive sum') : 'no activation'}: ${formatNumber(record.output, 4)}, the value the network itself put in this cell.`;
  const choose = (next: Readonly<Record<Field, string>>): void => {
    setTexts(next);
    if (!ready || !('position' in readCell(ready, next))) return;
    const settings = LESSON_DRAFTS['real-network'].fromDraft(next);
    setShownFrom(settings);
    useAppStore.getState().setLessonSettings('real-network', settings);
  };
  const setField = (field: Field) => (text: string) => choose({ ...texts, [field]: text });
  const first = record?.terms[0];
  const last = record?.terms.at(-1);

  return (
    <LessonFrame
      lessonId="real-network"
      number={9}
      title="The real network, step by step"
      player={player}
      caption={caption}
      intro={
        <p>
          A trained network does the multiply-and-add of lesson 3 without its flip: a Conv2D layer slides its filter as stored — cross-correlation, lesson 2 —
          and adds a bias, over all three colour channels at once. Pick one of its first-layer filters, click a cell of that filter’s feature
          map, and replay the {record ? record.terms.length : 27} multiplications that made it — with the network’s own weights — then the bias and ReLU.
          {internals?.result ? ` The weights are those of ${describeInspectedModel(internals.result.model)}.` : ''}
        </p>
      }
      settings={
        ready && (
          <>
            <NumberField label="Filter" value={texts.filter} onChange={setField('filter')} error={errors.filter ?? null} />
            <NumberField label="Row" value={texts.row} onChange={setField('row')} error={errors.row ?? null} />
            <NumberField label="Column" value={texts.column} onChange={setField('column')} error={errors.column ?? null} />
          </>
        )
      }
      aside={record && phase && <ReplaySum record={record} phase={phase} networkValue={networkValue} channelNames={CHANNEL_NAMES} />}
    >
      {!ready ? (
        <RealNetworkMissing status={status} message={typeof replay === 'string' ? replay : message} />
      ) : (
        <div className="stage-row real-network-stage">
          <div className="real-figures">
            <figure className="real-figure">
              <MarkedCanvas
                image={{ kind: 'rgb', pixels: ready.pixels, height: 32, width: 32 }}
                sizePx={208}
                label="The picture the network sees, with the filter's window"
                box={first && last ? { top: first.inputRow, left: first.inputCol, height: last.inputRow - first.inputRow + 1, width: last.inputCol - first.inputCol + 1 } : null}
              />
              <figcaption>The picture, and the window</figcaption>
            </figure>
            <figure className="real-figure">
              <MarkedCanvas
                image={{ kind: 'heatmap', volume: ready.mapsVolume, channel: position.filter }}
                sizePx={208}
                label={`Feature map of filter ${position.filter + 1} (${ready.conv.name}): click a cell to replay it`}
                box={record ? { top: record.outputRow, left: record.outputCol, height: 1, width: 1 } : null}
                onPick={(row, column) => choose({ ...texts, row: String(row + 1), column: String(column + 1) })}
              />
              <figcaption>
                Feature map {position.filter + 1} of {ready.conv.name}: click a cell
              </figcaption>
            </figure>
          </div>
          {record && <WindowGrids record={record} bank={ready.bank} currentTerm={phase?.kind === 'product' ? phase.termIndex : null} channelNames={CHANNEL_NAMES} />}
        </div>
      )}
    </LessonFrame>
  );
}

/** The chosen cell's filter, row and column from the typed texts (0-based), or what is wrong with each field that is. */
function readCell(ready: Replay, texts: Readonly<Record<Field, string>>): { position: Record<Field, number> } | { errors: Partial<Record<Field, string>> } {
  const [rows = 1, cols = 1, filters = 1] = ready.maps.shape;
  const position: Record<Field, number> = { ...ORIGIN };
  const errors: Partial<Record<Field, string>> = {};
  for (const [field, name, count] of [['filter', 'Filter', filters], ['row', 'Row', rows], ['column', 'Column', cols]] as const) {
    try {
      position[field] = readPosition(name, texts[field], count);
    } catch (problem) {
      errors[field] = problem instanceof Error ? problem.message : String(problem);
    }
  }
  return Object.keys(errors).length > 0 ? { errors } : { position };
}

/** The record of one output cell of the first convolution. */
function recordAt(ready: Replay, position: Readonly<Record<Field, number>>): ConvStep {
  const { conv } = ready;
  const options = { strides: conv.strides, padding: conv.padding, bias: conv.bias ?? 0, activation: conv.activation === 'relu' ? ('relu' as const) : ('linear' as const) };
  return convStepAt(ready.input, ready.bank, options, position.row, position.column, position.filter);
}
