import { useCallback, useId } from 'react';
import { maskCellOffsets, maskCentre } from '../../../core/lessons/mask-centre';
import { maskedArraySteps, maskedMean } from '../../../core/lessons/masked-array';
import { matrixFromRows, volumeFromData } from '../../../core/lessons/volume';
import { formatNumber, gridTexts, parseGrid, withCell } from '../format-number';
import { inputCells, scaleOf } from '../grid-cells';
import { useDraft } from '../use-draft';
import type { MaskDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberGrid } from '../parts/NumberGrid';

const MASK_SIZES = [1, 2, 3, 4, 5] as const;

function buildMask(draft: MaskDraft) {
  const weights = matrixFromRows(parseGrid('mask', draft.weights));
  const values = parseGrid('array', draft.values)[0] ?? [];
  const arraySteps = maskedArraySteps(values, draft.hidden);
  return { weights, offsets: maskCellOffsets(weights.height, weights.width), centre: maskCentre(weights.height, weights.width), values, arraySteps, mean: maskedMean(arraySteps) };
}

const offsetText = (offset: number): string => (offset === 0 ? '0' : offset > 0 ? `+${formatNumber(offset)}` : formatNumber(offset));

/** Lesson 1: a mask is a small grid of weights with a centre; a masked array hides values without deleting them. */
export function MaskLesson() {
  const sizeId = useId();
  const { draft, applied, error, edit, replace } = useDraft('mask', buildMask);
  const cellSteps = applied.offsets.length;
  const player = useLessonPlayer(cellSteps + applied.arraySteps.length);
  const inMask = player.step <= cellSteps;
  const visited = inMask ? applied.offsets[player.step - 1] : undefined;
  const arrayStep = inMask ? undefined : applied.arraySteps[player.step - cellSteps - 1];
  const { centre } = applied;
  const nearCentre = (row: number, col: number) => Math.abs(row - centre.row) < 1 && Math.abs(col - centre.col) < 1;
  const onWeight = useCallback((row: number, col: number, text: string) => edit('weights', withCell(draft.weights, row, col, text)), [draft.weights, edit]);
  const onValue = useCallback((_row: number, col: number, text: string) => edit('values', withCell(draft.values, 0, col, text)), [draft.values, edit]);

  let caption = '';
  if (visited) {
    caption = visited.isCentre
      ? `Step ${player.step}: this is the centre cell. The output of the mask is written at the picture cell under it.`
      : `Step ${player.step}: mask row ${visited.row + 1}, column ${visited.col + 1} sits ${offsetText(visited.rowOffset)} rows and ${offsetText(visited.colOffset)} columns from the centre.`;
    if (!centre.hasCentreCell && player.step === 1) caption += ` An even size has no middle cell: the centre is at row ${formatNumber(centre.row + 1)}, column ${formatNumber(centre.col + 1)}, between cells.`;
  } else if (arrayStep) {
    caption = arrayStep.hidden
      ? `Step ${player.step}: value ${arrayStep.index + 1} (${formatNumber(arrayStep.value)}) is masked: it stays in the array but is skipped. Sum so far ${formatNumber(arrayStep.runningSum)} over ${arrayStep.runningCount} values.`
      : `Step ${player.step}: value ${arrayStep.index + 1} (${formatNumber(arrayStep.value)}) is used. Sum so far ${formatNumber(arrayStep.runningSum)} over ${arrayStep.runningCount} values.`;
    if (arrayStep.index === applied.arraySteps.length - 1) {
      caption += applied.mean === null ? ' Every value is masked, so there is no mean.' : ` Mean of the visible values: ${formatNumber(arrayStep.runningSum)} ÷ ${arrayStep.runningCount} = ${formatNumber(applied.mean)}.`;
    }
  }

  return (
    <LessonFrame
      lessonId="mask"
      number={1}
      title="The mask"
      player={player}
      caption={caption}
      intro={<p>A mask is a small grid of weights laid over the picture; its result is written at the cell under its centre. Odd sizes have a middle cell, even sizes do not. The simplest mask only says “use” or “skip”.</p>}
      settings={
        <div className="number-field">
          <label htmlFor={sizeId}>Mask size</label>
          <select
            id={sizeId}
            value={draft.size}
            onChange={(event) => {
              const size = Number(event.currentTarget.value);
              replace({ size, weights: gridTexts(Array.from({ length: size }, () => Array.from({ length: size }, () => 1))) }, 'size');
            }}
          >
            {MASK_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}×{size}
              </option>
            ))}
          </select>
        </div>
      }
    >
      <div className="stage-row">
        <div className={inMask ? 'stage-part is-active' : 'stage-part'}>
          <NumberGrid
            caption="Mask"
            detail={centre.hasCentreCell ? `centre (${centre.row + 1}, ${centre.col + 1})` : 'no centre cell'}
            scaleMax={scaleOf(applied.weights.data)}
            cells={inputCells({
              input: applied.weights,
              texts: draft.weights,
              onEdit: onWeight,
              labelPrefix: 'Mask',
              tonesAt: (row, col) => [
                ...(nearCentre(row, col) ? (['centre'] as const) : []),
                ...(visited && visited.row === row && visited.col === col ? (['read'] as const) : []),
              ],
              noteAt: (row, col) => {
                const cell = applied.offsets.find((offset) => offset.row === row && offset.col === col);
                if (!cell || !visited || cell.index > visited.index) return undefined;
                return `${offsetText(cell.rowOffset)},${offsetText(cell.colOffset)}`;
              },
            })}
            error={error?.field === 'weights' ? error.message : null}
          />
        </div>
        <div className={inMask ? 'stage-part' : 'stage-part is-active'}>
          <NumberGrid
            caption="Array"
            detail="the masked-array idea"
            scaleMax={scaleOf(applied.values)}
            cells={inputCells({
              input: volumeFromData(1, applied.values.length, 1, applied.values),
              texts: draft.values,
              onEdit: onValue,
              labelPrefix: 'Array value',
              tonesAt: (_row, col) => [
                ...(draft.hidden[col] ? (['hidden'] as const) : []),
                ...(arrayStep?.index === col ? (['read'] as const) : []),
                ...(arrayStep && col < arrayStep.index ? (['done'] as const) : []),
              ],
            })}
            error={error?.field === 'values' ? error.message : null}
          />
          <fieldset className="mask-flags">
            <legend>Masked (skipped)</legend>
            {draft.hidden.map((hidden, index) => (
              <label key={index}>
                <input
                  type="checkbox"
                  checked={hidden}
                  onChange={(event) => edit('hidden', draft.hidden.map((flag, at) => (at === index ? event.currentTarget.checked : flag)))}
                />
                value {index + 1}
              </label>
            ))}
          </fieldset>
          <p className="array-summary" aria-label="Masked array">
            [{applied.arraySteps.map((step) => (step.hidden ? '--' : formatNumber(step.value))).join(', ')}] · mean of the visible values ={' '}
            {applied.mean === null ? '--' : formatNumber(applied.mean)}
          </p>
        </div>
      </div>
    </LessonFrame>
  );
}
