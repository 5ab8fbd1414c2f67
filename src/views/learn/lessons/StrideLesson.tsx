import { useCallback, useId } from 'react';
import { convSteps } from '../../../core/lessons/conv-steps';
import { convGeometry } from '../../../core/lessons/conv-geometry';
import { matrixFromRows } from '../../../core/lessons/volume';
import { formatNumber, parseField, parseGrid, withCell } from '../format-number';
import { LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { windowCentre } from '../grid-cells';
import { sizeFormula, strideBorderText } from '../formulas';
import { useDraft } from '../use-draft';
import type { StrideDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberField } from '../parts/NumberField';
import { WindowStage } from '../parts/WindowStage';

function buildStride(draft: StrideDraft) {
  const input = matrixFromRows(parseGrid('input', draft.input));
  const mask = matrixFromRows(parseGrid('mask', draft.mask));
  const stride = parseField('Stride', draft.stride, LESSON_RULES.stride);
  const geometry = convGeometry(input, mask, stride, draft.padding);
  return { input, mask, stride, padding: draft.padding, geometry, records: [...convSteps(input, mask, { strides: stride, padding: draft.padding })] };
}

/** Lesson 4: the same 5×5 input and 3×3 mask with stride 1, 2 and 3; where the mask goes, and where it cannot. */
export function StrideLesson() {
  const paddingId = useId();
  const { draft, applied, error, edit } = useDraft('stride', buildStride);
  const player = useLessonPlayer(applied.records.length);
  const index = player.step - 1;
  const record = applied.records[index];
  const centre = windowCentre(record);
  const { rows, cols } = applied.geometry;
  const onInput = useCallback((row: number, col: number, text: string) => edit('input', withCell(draft.input, row, col, text)), [draft.input, edit]);
  const onMask = useCallback((row: number, col: number, text: string) => edit('mask', withCell(draft.mask, row, col, text)), [draft.mask, edit]);
  const unread = rows.unreadCells + cols.unreadCells > 0;
  const caption = record
    ? `Step ${player.step}: window ${player.step} of ${applied.records.length}, centred on input row ${(centre?.row ?? 0) + 1}, column ${(centre?.col ?? 0) + 1}. Its sum, ${formatNumber(record.output)}, is output row ${record.outputRow + 1}, column ${record.outputCol + 1}.`
    : '';
  return (
    <LessonFrame
      lessonId="stride"
      number={4}
      title="Stride"
      player={player}
      caption={caption}
      intro={<p>The stride is how far the mask jumps. Stride 1 visits every position, stride 2 every other one. Try stride 3 on this 5×5 input: the mask fits once, and the next jump would hang off the edge.</p>}
      settings={
        <>
          <div className="preset-buttons" role="group" aria-label="Stride presets">
            {[1, 2, 3].map((stride) => (
              <button key={stride} type="button" aria-pressed={applied.stride === stride && draft.stride === String(stride)} onClick={() => edit('stride', String(stride))}>
                Stride {stride}
              </button>
            ))}
          </div>
          <NumberField label="Stride" value={draft.stride} onChange={(text) => edit('stride', text)} error={error?.field === 'stride' ? error.message : null} />
          <div className="number-field">
            <label htmlFor={paddingId}>Padding</label>
            <select id={paddingId} value={draft.padding} onChange={(event) => edit('padding', event.currentTarget.value === 'same' ? 'same' : 'valid')}>
              <option value="valid">valid (none)</option>
              <option value="same">same (zero border)</option>
            </select>
          </div>
        </>
      }
      aside={
        <section className="formula" aria-label="Output size">
          <p>Output height = {sizeFormula(rows)}</p>
          <p>Output width = {sizeFormula(cols)}</p>
          {unread ? (
            <p className="warning-text">
              The stride does not land on the last {rows.unreadCells === cols.unreadCells ? `${rows.unreadCells} rows and columns` : `${rows.unreadCells} row(s) and ${cols.unreadCells} column(s)`}{' '}
              (striped): the mask would need cells that are not there, so they are never read. {strideBorderText(rows, cols, applied.padding)}
            </p>
          ) : (
            <p>
              Every row and column is read: the jumps fit the {applied.padding === 'same' ? 'padded ' : ''}input exactly.
              {applied.padding === 'same' ? ` ${strideBorderText(rows, cols, 'same')}` : ''}
            </p>
          )}
        </section>
      }
    >
      <WindowStage
        input={applied.input}
        inputTexts={draft.input}
        onInputEdit={onInput}
        inputError={error?.field === 'input' ? error.message : null}
        mask={applied.mask}
        maskTexts={draft.mask}
        onMaskEdit={onMask}
        maskError={error?.field === 'mask' ? error.message : null}
        geometry={applied.geometry}
        records={applied.records}
        index={index}
        showUnread
      />
    </LessonFrame>
  );
}
