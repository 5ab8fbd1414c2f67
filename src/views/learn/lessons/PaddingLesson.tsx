import { useCallback, useId } from 'react';
import { convGeometry, type Padding } from '../../../core/lessons/conv-geometry';
import { convSteps } from '../../../core/lessons/conv-steps';
import { matrixFromRows } from '../../../core/lessons/volume';
import { formatNumber, gridTexts, parseField, parseGrid, parseNumber, withCell } from '../format-number';
import { assertLessonGridFits, LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { sizeFormula } from '../formulas';
import { useDraft } from '../use-draft';
import { SIDES, type PaddingDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { FieldError, NumberField } from '../parts/NumberField';
import { WindowStage } from '../parts/WindowStage';
import { WrittenSum } from '../parts/WrittenSum';

type Side = (typeof SIDES)[number];
const SIDE_LABELS: Readonly<Record<Side, string>> = { top: 'Top', bottom: 'Bottom', left: 'Left', right: 'Right' };

function buildPadding(draft: PaddingDraft) {
  const input = matrixFromRows(parseGrid('input', draft.input));
  const mask = matrixFromRows(parseGrid('mask', draft.mask));
  const stride = parseField('Stride', draft.stride, LESSON_RULES.stride);
  const padding: Padding =
    draft.mode === 'explicit'
      ? { top: parseField('Top', draft.sides.top, LESSON_RULES.padding), bottom: parseField('Bottom', draft.sides.bottom, LESSON_RULES.padding), left: parseField('Left', draft.sides.left, LESSON_RULES.padding), right: parseField('Right', draft.sides.right, LESSON_RULES.padding) }
      : draft.mode;
  const geometry = convGeometry(input, mask, stride, padding);
  // Before any cell or step is made: the border is bounded, and so is what it may grow into.
  assertLessonGridFits('The padded input', geometry.rows.paddedSize, geometry.cols.paddedSize);
  return { input, mask, geometry, records: [...convSteps(input, mask, { strides: stride, padding })] };
}

const ones = (size: number): string[][] => gridTexts(Array.from({ length: size }, () => Array.from({ length: size }, () => 1)));

/** Lesson 5: valid, same and explicit padding; the zero border drawn; the output-size formula filled in. */
export function PaddingLesson() {
  const modeId = useId();
  const sizeId = useId();
  const sidesId = useId();
  const { draft, applied, error, edit, replace } = useDraft('padding', buildPadding);
  const player = useLessonPlayer(applied.records.length);
  const index = player.step - 1;
  const record = applied.records[index];
  const { rows, cols } = applied.geometry;
  const onInput = useCallback((row: number, col: number, text: string) => edit('input', withCell(draft.input, row, col, text)), [draft.input, edit]);
  const onMask = useCallback((row: number, col: number, text: string) => edit('mask', withCell(draft.mask, row, col, text)), [draft.mask, edit]);
  const padCells = record?.terms.filter((term) => term.isPadding).length ?? 0;
  const caption = record
    ? `Step ${player.step}: the window covers ${padCells === 0 ? 'no padding' : `${padCells} padding zero${padCells === 1 ? '' : 's'}`}; its sum ${formatNumber(record.output)} is output row ${record.outputRow + 1}, column ${record.outputCol + 1}.`
    : '';
  const fieldError = (field: keyof PaddingDraft) => (error?.field === field ? error.message : null);
  // Each side says under itself what is wrong with it, so the bad one is marked, not only the group.
  const sideError = (side: Side): string | null => {
    const reading = parseNumber(draft.sides[side], LESSON_RULES.padding);
    return 'error' in reading ? `${SIDE_LABELS[side]}: ${reading.error}` : null;
  };
  return (
    <LessonFrame
      lessonId="padding"
      number={5}
      title="Padding"
      player={player}
      caption={caption}
      intro={<p>“Valid” means no padding: the mask only goes where it fits, so the output shrinks. “Same” adds just enough zeros that stride 1 keeps the size; TensorFlow puts an odd extra cell at the bottom and right.</p>}
      settings={
        <>
          <div className="number-field">
            <label htmlFor={modeId}>Padding</label>
            <select
              id={modeId}
              value={draft.mode}
              onChange={(event) => {
                const mode = event.currentTarget.value;
                edit('mode', mode === 'valid' || mode === 'same' ? mode : 'explicit');
              }}
            >
              <option value="valid">valid (none)</option>
              <option value="same">same</option>
              <option value="explicit">explicit (choose each side)</option>
            </select>
            {fieldError('mode') && <FieldError message={fieldError('mode') ?? ''} />}
          </div>
          <div className="number-field">
            <label htmlFor={sizeId}>Mask size</label>
            <select id={sizeId} value={draft.maskSize} onChange={(event) => replace({ maskSize: Number(event.currentTarget.value), mask: ones(Number(event.currentTarget.value)) }, 'maskSize')}>
              {[1, 2, 3, 4, 5].map((size) => (
                <option key={size} value={size}>
                  {size}×{size}
                </option>
              ))}
            </select>
            {fieldError('maskSize') && <FieldError message={fieldError('maskSize') ?? ''} />}
          </div>
          <NumberField label="Stride" value={draft.stride} onChange={(text) => edit('stride', text)} error={fieldError('stride')} />
          {draft.mode === 'explicit' && (
            <fieldset className="sides">
              <legend>Border, in cells</legend>
              {SIDES.map((side) => (
                <NumberField
                  key={side}
                  label={SIDE_LABELS[side]}
                  width={2}
                  value={draft.sides[side]}
                  onChange={(text) => edit('sides', { ...draft.sides, [side]: text })}
                  problemId={sideError(side) ? `${sidesId}-${side}` : null}
                />
              ))}
              {/* Under the row, one line per wrong side, so the four boxes stay where they are. */}
              {SIDES.map((side) => {
                const message = sideError(side);
                return message ? <FieldError key={side} id={`${sidesId}-${side}`} message={message} /> : null;
              })}
              {fieldError('sides') && !SIDES.some((side) => sideError(side)) && <FieldError message={fieldError('sides') ?? ''} />}
            </fieldset>
          )}
        </>
      }
      aside={
        <>
          {record && <WrittenSum step={record} />}
          <section className="formula" aria-label="Output size">
            <p>
              Border: top {rows.padBefore}, bottom {rows.padAfter}, left {cols.padBefore}, right {cols.padAfter}.
            </p>
            <p>Output height = {sizeFormula(rows)}</p>
            <p>Output width = {sizeFormula(cols)}</p>
          </section>
        </>
      }
    >
      <WindowStage
        input={applied.input}
        inputTexts={draft.input}
        onInputEdit={onInput}
        inputError={fieldError('input')}
        mask={applied.mask}
        maskTexts={draft.mask}
        onMaskEdit={onMask}
        maskError={fieldError('mask')}
        geometry={applied.geometry}
        records={applied.records}
        index={index}
        showUnread
      />
    </LessonFrame>
  );
}
