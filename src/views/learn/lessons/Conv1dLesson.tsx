import { useCallback, useId } from 'react';
import { conv1dSteps, pool1dSteps, signalVolume } from '../../../core/lessons/conv1d';
import { formatNumber, parseField, parseGrid, withCell } from '../format-number';
import { LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { cellKey, convStepReads, inputCells, outputCellsFromRecords, poolStepReads, scaleOf, windowCentre } from '../grid-cells';
import { useDraft } from '../use-draft';
import type { Conv1dDraft } from '../lesson-drafts';
import { conv1dIntro } from '../lesson-text';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberGrid } from '../parts/NumberGrid';
import { FieldError, NumberField } from '../parts/NumberField';
import { PoolWorking } from '../parts/PoolWorking';
import { SeriesChart } from '../parts/SeriesChart';
import { WrittenSum } from '../parts/WrittenSum';

function buildConv1d(draft: Conv1dDraft) {
  const series = parseGrid('series', draft.series)[0] ?? [];
  const mask = parseGrid('mask', draft.mask)[0] ?? [];
  const divisor = parseField('Divisor', draft.divisor, LESSON_RULES.divisor);
  const conv = [...conv1dSteps(series, mask, { padding: draft.padding, divisor: divisor })];
  const convOutput = conv.map((step) => step.output);
  const pool = [...pool1dSteps(convOutput, { poolSize: draft.poolSize, mode: 'max' })];
  // Where each Conv1D output sits on the time axis: under its mask's centre.
  const centres = conv.map((step) => ({ col: windowCentre(step)?.col ?? step.outputCol, value: step.output }));
  return { series, mask, divisor, conv, convOutput, centres, pool };
}

/** Lesson 7: Conv1D and MaxPooling1D on a time series: the same slide-multiply-add, in one direction. */
export function Conv1dLesson() {
  const poolId = useId();
  const paddingId = useId();
  const { draft, applied, error, edit } = useDraft('conv-1d', buildConv1d);
  const player = useLessonPlayer(applied.conv.length + applied.pool.length);
  const inConv = player.step <= applied.conv.length;
  const convIndex = inConv ? player.step - 1 : applied.conv.length;
  const convRecord = inConv ? applied.conv[convIndex] : undefined;
  const poolIndex = inConv ? -1 : player.step - applied.conv.length - 1;
  const poolRecord = applied.pool[poolIndex];
  const reads = convStepReads(convRecord);
  const poolReads = poolStepReads(poolRecord);
  const onSeries = useCallback((_row: number, col: number, text: string) => edit('series', withCell(draft.series, 0, col, text)), [draft.series, edit]);
  const onMask = useCallback((_row: number, col: number, text: string) => edit('mask', withCell(draft.mask, 0, col, text)), [draft.mask, edit]);
  const scaleMax = scaleOf(applied.series, applied.convOutput);
  const caption = convRecord
    ? `Step ${player.step}: Conv1D — the mask covers ${convRecord.terms.filter((term) => !term.isPadding).length} values around day ${convRecord.outputCol + 1}; the result is ${formatNumber(convRecord.output)}.`
    : poolRecord
      ? `Step ${player.step}: MaxPooling1D — the ${draft.poolSize === 2 ? 'larger' : 'largest'} of the window is ${formatNumber(poolRecord.value)}; it becomes pooled value ${poolRecord.outputCol + 1}.`
      : '';
  return (
    <LessonFrame
      lessonId="conv-1d"
      number={7}
      title="1-D convolution and pooling"
      player={player}
      caption={caption}
      intro={<p>{conv1dIntro(applied.mask.length, draft.poolSize, applied.convOutput.length, applied.pool.length)}</p>}
      settings={
        <>
          <NumberField label="Divide the sum by" value={draft.divisor} onChange={(text) => edit('divisor', text)} error={error?.field === 'divisor' ? error.message : null} />
          <div className="number-field">
            <label htmlFor={paddingId}>Padding</label>
            <select id={paddingId} value={draft.padding} onChange={(event) => edit('padding', event.currentTarget.value === 'valid' ? 'valid' : 'same')}>
              <option value="same">same</option>
              <option value="valid">valid</option>
            </select>
          </div>
          <div className="number-field">
            <label htmlFor={poolId}>Pool size</label>
            <select id={poolId} value={draft.poolSize} onChange={(event) => edit('poolSize', Number(event.currentTarget.value))}>
              {[2, 3].map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
            {error?.field === 'poolSize' && <FieldError message={error.message} />}
          </div>
        </>
      }
      aside={
        <>
          <NumberGrid caption="Mask" detail={`kernel_size ${applied.mask.length}`} size="small" scaleMax={scaleOf(applied.mask)} cells={inputCells({ input: signalVolume(applied.mask), texts: draft.mask, onEdit: onMask, labelPrefix: 'Mask' })} error={error?.field === 'mask' ? error.message : null} />
          {convRecord && <WrittenSum step={convRecord} />}
          {poolRecord && <PoolWorking step={poolRecord} oneDimensional />}
        </>
      }
    >
      <SeriesChart
        series={applied.series}
        smoothed={applied.centres.slice(0, convIndex + 1)}
        pooled={applied.pool.slice(0, poolIndex + 1).flatMap((step) => {
          const won = step.winner ? applied.centres[step.winner.col] : undefined;
          return won ? [{ col: won.col, value: step.value }] : [];
        })}
      />
      <div className="stage-column wide">
        <NumberGrid
          caption="Series"
          detail={`${applied.series.length} days`}
          size="small"
          scaleMax={scaleMax}
          cells={inputCells({
            input: signalVolume(applied.series),
            padding: { top: 0, bottom: 0, left: applied.conv[0]?.terms.filter((term) => term.inputCol < 0).length ?? 0, right: applied.conv[applied.conv.length - 1]?.terms.filter((term) => term.inputCol >= applied.series.length).length ?? 0 },
            texts: draft.series,
            onEdit: onSeries,
            labelPrefix: 'Series',
            tonesAt: (row, col) => (reads.has(cellKey(row, col)) ? ['read'] : []),
            noteAt: (row, col) => {
              const weight = reads.get(cellKey(row, col));
              return weight === undefined ? undefined : `×${formatNumber(weight)}`;
            },
          })}
          error={error?.field === 'series' ? error.message : null}
        />
        <NumberGrid
          caption="Conv1D output"
          size="small"
          scaleMax={scaleMax}
          cells={outputCellsFromRecords(1, applied.conv.length, applied.conv.map((step) => ({ ...step, value: step.output })), convIndex, (row, col) => [
            ...(poolReads.has(cellKey(row, col)) ? (['read'] as const) : []),
            ...(poolRecord?.winner?.col === col ? (['winner'] as const) : []),
          ])}
        />
        <NumberGrid caption="MaxPooling1D output" size="small" scaleMax={scaleMax} cells={outputCellsFromRecords(1, applied.pool.length, applied.pool, poolIndex)} />
      </div>
    </LessonFrame>
  );
}
