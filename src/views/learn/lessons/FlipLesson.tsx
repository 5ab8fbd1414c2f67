import { useCallback, useMemo } from 'react';
import { convGeometry } from '../../../core/lessons/conv-geometry';
import { convSteps, convolveSteps, type ConvStep } from '../../../core/lessons/conv-steps';
import { flip2d, flipHorizontal, isHalfTurnSymmetric } from '../../../core/lessons/flip-pad';
import { matrixFromRows, volumeToRows, type Volume } from '../../../core/lessons/volume';
import { formatNumber, gridTexts, parseGrid, withCell } from '../format-number';
import { cellKey, convStepReads, inputCells, outputCellsFromRecords, scaleOf } from '../grid-cells';
import { MASK_PRESETS, matchingPreset } from '../presets';
import { useDraft } from '../use-draft';
import type { FlipDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberGrid } from '../parts/NumberGrid';
import { WrittenSum } from '../parts/WrittenSum';

/** Steps before the side-by-side part: the mask as typed, flipped left ↔ right, then top ↔ bottom. */
const FLIP_STEPS = 3;
const CHOICES = MASK_PRESETS.filter((preset) => preset.id === 'noise' || preset.id === 'edges');

function buildFlip(draft: FlipDraft) {
  const input = matrixFromRows(parseGrid('input', draft.input));
  const mask = matrixFromRows(parseGrid('mask', draft.mask));
  return {
    input,
    mask,
    horizontal: flipHorizontal(mask),
    flipped: flip2d(mask),
    correlation: [...convSteps(input, mask)],
    convolution: [...convolveSteps(input, mask)],
    geometry: convGeometry(input, mask, 1, 'valid'),
    symmetric: isHalfTurnSymmetric(mask),
  };
}

/**
 * The lesson's conclusion, decided from the mask (the same after a half-turn or not) and only
 * illustrated by the outputs: a Sobel mask on a flat input gives equal outputs, yet flipping matters.
 */
function verdictText(symmetric: boolean, differing: number, cells: number): string {
  if (symmetric) return 'The mask is the same after a half-turn, so flipping changes nothing: convolution and cross-correlation agree on every input.';
  if (differing > 0) return `The mask changes under a half-turn, so flipping matters: here ${differing} of ${cells} cells differ.`;
  return 'The mask changes under a half-turn, so flipping matters — this input happens to give the same sums both ways, but another one would not.';
}

/** Lesson 2: flip horizontally, then vertically; convolution and cross-correlation side by side. */
export function FlipLesson() {
  const { draft, applied, error, edit, replace } = useDraft('flipping', buildFlip);
  const player = useLessonPlayer(FLIP_STEPS + applied.correlation.length);
  const flipStage = Math.min(player.step, FLIP_STEPS);
  const index = player.step - FLIP_STEPS - 1;
  const comparing = index >= 0;
  const correlation = applied.correlation[index];
  const convolution = applied.convolution[index];
  const onInput = useCallback((row: number, col: number, text: string) => edit('input', withCell(draft.input, row, col, text)), [draft.input, edit]);
  const onMask = useCallback((row: number, col: number, text: string) => edit('mask', withCell(draft.mask, row, col, text)), [draft.mask, edit]);
  const preset = matchingPreset(volumeToRows(applied.mask), 1);
  const differing = useMemo(() => applied.correlation.filter((step, at) => step.output !== applied.convolution[at]?.output).length, [applied]);
  const shownMask = [applied.mask, applied.horizontal, applied.flipped][flipStage - 1] ?? applied.flipped;
  const isLast = player.step === player.totalSteps;

  let caption: string;
  if (!comparing) {
    caption = [
      'Step 1: the mask as written.',
      'Step 2: flipped horizontally — the left and right columns swap.',
      'Step 3: then flipped vertically — the top and bottom rows swap. This is the mask convolution slides.',
    ][flipStage - 1] ?? '';
  } else {
    caption = `Step ${player.step}: same position, two masks. Cross-correlation gives ${formatNumber(correlation?.output ?? 0)}, convolution gives ${formatNumber(convolution?.output ?? 0)}.`;
    if (isLast) caption += ` ${verdictText(applied.symmetric, differing, applied.correlation.length)}`;
  }

  return (
    <LessonFrame
      lessonId="flipping"
      number={2}
      title="Flipping"
      player={player}
      caption={caption}
      intro={<p>Convolution flips the mask left ↔ right, then top ↔ bottom, before sliding it. Without the flip it is called cross-correlation — what a Conv2D layer computes. A mask that is the same after a half-turn (flipped both ways) gives the same result both ways, on any input.</p>}
      settings={
        <div className="preset-buttons" role="group" aria-label="Mask presets">
          {CHOICES.map((item) => (
            <button key={item.id} type="button" aria-pressed={preset?.id === item.id} onClick={() => replace({ mask: gridTexts(item.rows) }, 'mask')}>
              {item.id === 'noise' ? 'Symmetric (Gaussian)' : 'Asymmetric (Sobel)'}
            </button>
          ))}
        </div>
      }
      aside={
        isLast && (
          <p className={applied.symmetric ? 'verdict verdict-same' : 'verdict verdict-differ'} role="status">
            {verdictText(applied.symmetric, differing, applied.correlation.length)}
          </p>
        )
      }
    >
      <div className="stage-row">
        {!comparing && (
          <div className="stage-column">
            <NumberGrid caption="Mask" detail="as typed" scaleMax={scaleOf(applied.mask.data)} cells={inputCells({ input: applied.mask, texts: draft.mask, onEdit: onMask, labelPrefix: 'Mask' })} error={error?.field === 'mask' ? error.message : null} />
          </div>
        )}
        {!comparing ? (
          <div key={flipStage} className={`flip-anim flip-stage-${flipStage}`}>
            <NumberGrid
              caption={['As written', 'Flipped horizontally', 'Flipped both ways'][flipStage - 1] ?? ''}
              scaleMax={scaleOf(applied.mask.data)}
              cells={inputCells({ input: shownMask, labelPrefix: 'Flipped mask' })}
            />
          </div>
        ) : (
          <>
            <div>
              <NumberGrid
                caption="Input"
                size="small"
                scaleMax={scaleOf(applied.input.data)}
                cells={inputCells({ input: applied.input, texts: draft.input, onEdit: onInput, labelPrefix: 'Input', tonesAt: readTones(correlation) })}
                error={error?.field === 'input' ? error.message : null}
              />
            </div>
            <Side title="Cross-correlation (a conv layer)" short="Cross-correlation" mask={applied.mask} steps={applied.correlation} index={index} geometry={applied.geometry} />
            <Side title="Convolution (flipped mask)" short="Convolution" mask={applied.flipped} steps={applied.convolution} index={index} geometry={applied.geometry} />
          </>
        )}
      </div>
    </LessonFrame>
  );
}

function readTones(step: ConvStep | undefined) {
  const reads = convStepReads(step);
  return (row: number, col: number) => (reads.has(cellKey(row, col)) ? (['read'] as const) : []);
}

function Side({ title, short, mask, steps, index, geometry }: { title: string; short: string; mask: Volume; steps: ConvStep[]; index: number; geometry: ReturnType<typeof convGeometry> }) {
  const step = steps[index];
  return (
    <div className="stage-column side">
      <h4>{title}</h4>
      <div className="stage-row compact">
        <NumberGrid caption="Mask" label={`${short} mask`} size="small" scaleMax={scaleOf(mask.data)} cells={inputCells({ input: mask, labelPrefix: title })} />
        <NumberGrid
          caption="Output"
          label={`${short} output`}
          size="small"
          scaleMax={scaleOf(steps.map((s) => s.output))}
          cells={outputCellsFromRecords(geometry.rows.outputSize, geometry.cols.outputSize, steps.map((s) => ({ ...s, value: s.output })), index)}
        />
      </div>
      {step && <WrittenSum step={step} label={`${short} sum`} />}
    </div>
  );
}
