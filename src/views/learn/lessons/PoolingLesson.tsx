import { useCallback, useId, useMemo } from 'react';
import type { Padding } from '../../../core/lessons/conv-geometry';
import { crossCorrelate2d } from '../../../core/lessons/conv2d';
import { avgPool2d, maxPool2d, poolGeometry, poolSteps, type PoolMode } from '../../../core/lessons/pool2d';
import { matrixFromRows, type Volume } from '../../../core/lessons/volume';
import { formatNumber, parseField, parseGrid, withCell } from '../format-number';
import { LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { cellKey, inputCells, outputCellsFromRecords, poolStepReads, scaleOf } from '../grid-cells';
import { MASK_PRESETS } from '../presets';
import { useDraft } from '../use-draft';
import type { PoolingDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberGrid } from '../parts/NumberGrid';
import { FieldError, NumberField } from '../parts/NumberField';
import { PoolWorking } from '../parts/PoolWorking';
import { RealImagePanel } from '../parts/RealImagePanel';
import { VolumeCanvas } from '../parts/VolumeCanvas';

function buildPooling(draft: PoolingDraft) {
  const input = matrixFromRows(parseGrid('input', draft.input));
  const stride = parseField('Stride', draft.stride, LESSON_RULES.stride);
  const options = { poolSize: draft.poolSize, strides: stride, padding: draft.padding, mode: draft.mode } as const;
  return { input, options, geometry: poolGeometry(input, options), records: [...poolSteps(input, options)] };
}

/** Lesson 6: max and average pooling, 2×2 stride 2 and 3×3; the winning cell; what pooling does to a real feature map. */
export function PoolingLesson() {
  const modeId = useId();
  const sizeId = useId();
  const paddingId = useId();
  const { draft, applied, error, edit, replace } = useDraft('pooling', buildPooling);
  const player = useLessonPlayer(applied.records.length);
  const index = player.step - 1;
  const record = applied.records[index];
  const reads = poolStepReads(record);
  const winner = record?.winner ? cellKey(record.winner.row, record.winner.col) : null;
  const { rows, cols } = applied.geometry;
  const onInput = useCallback((row: number, col: number, text: string) => edit('input', withCell(draft.input, row, col, text)), [draft.input, edit]);
  const caption = record
    ? `Step ${player.step}: ${record.mode === 'max' ? `the largest of the ${record.count} cells is ${formatNumber(record.value)}` : `the average of the ${record.count} cells is ${formatNumber(record.value)}`}; it becomes output row ${record.outputRow + 1}, column ${record.outputCol + 1}.`
    : '';
  return (
    <LessonFrame
      lessonId="pooling"
      number={6}
      title="Pooling"
      player={player}
      caption={caption}
      intro={<p>Pooling sums up each window with one number: the largest (max) or the mean (average). 2×2 windows with stride 2 turn a 32×32 feature map into 16×16, and there is nothing to learn.</p>}
      settings={
        <>
          <div className="number-field">
            <label htmlFor={modeId}>Pooling</label>
            <select id={modeId} value={draft.mode} onChange={(event) => edit('mode', event.currentTarget.value === 'avg' ? 'avg' : 'max')}>
              <option value="max">max</option>
              <option value="avg">average</option>
            </select>
          </div>
          <div className="number-field">
            <label htmlFor={sizeId}>Window</label>
            <select
              id={sizeId}
              value={draft.poolSize}
              onChange={(event) => {
                const poolSize = Number(event.currentTarget.value);
                replace({ poolSize, stride: String(poolSize) }, 'poolSize');
              }}
            >
              {[2, 3].map((size) => (
                <option key={size} value={size}>
                  {size}×{size}
                </option>
              ))}
            </select>
            {error?.field === 'poolSize' && <FieldError message={error.message} />}
          </div>
          <NumberField label="Stride" value={draft.stride} onChange={(text) => edit('stride', text)} error={error?.field === 'stride' ? error.message : null} />
          <div className="number-field">
            <label htmlFor={paddingId}>Padding</label>
            <select id={paddingId} value={draft.padding} onChange={(event) => edit('padding', event.currentTarget.value === 'same' ? 'same' : 'valid')}>
              <option value="valid">valid</option>
              <option value="same">same</option>
            </select>
          </div>
        </>
      }
      aside={record && <PoolWorking step={record} />}
      after={
        <RealImagePanel heading="Pooling a real feature map" colourModes={['gray']}>
          {(picture) => <PooledFeatureMap picture={picture} mode={applied.options.mode} poolSize={applied.options.poolSize} stride={applied.options.strides} padding={applied.options.padding} />}
        </RealImagePanel>
      }
    >
      <div className="stage-row">
        <div>
          <NumberGrid
            caption="Input"
            detail={`${applied.input.height}×${applied.input.width}`}
            scaleMax={scaleOf(applied.input.data)}
            cells={inputCells({
              input: applied.input,
              padding: { top: rows.padBefore, bottom: rows.padAfter, left: cols.padBefore, right: cols.padAfter },
              texts: draft.input,
              onEdit: onInput,
              labelPrefix: 'Input',
              tonesAt: (row, col) => [...(reads.has(cellKey(row, col)) ? (['read'] as const) : []), ...(winner === cellKey(row, col) ? (['winner'] as const) : [])],
            })}
            error={error?.field === 'input' ? error.message : null}
          />
        </div>
        <NumberGrid
          caption="Output"
          detail={`${rows.outputSize}×${cols.outputSize}`}
          scaleMax={scaleOf(applied.input.data)}
          cells={outputCellsFromRecords(rows.outputSize, cols.outputSize, applied.records, index)}
        />
      </div>
    </LessonFrame>
  );
}

const EDGE_MASK = matrixFromRows(MASK_PRESETS.find((preset) => preset.id === 'edges')?.rows ?? [[1]]);

/** Vertical-edge feature map of a real picture (Sobel, ReLU: as a first conv layer might learn), then pooled. */
function PooledFeatureMap({ picture, mode, poolSize, stride, padding }: { picture: Volume; mode: PoolMode; poolSize: number; stride: number; padding: Padding }) {
  const maps = useMemo(() => {
    // "valid", like the tutorial's second Conv2D: zero padding would make false edges along the border.
    const featureMap = crossCorrelate2d(picture, EDGE_MASK, { padding: 'valid', activation: 'relu' });
    const options = { poolSize, strides: stride, padding };
    try {
      return { featureMap, pooled: mode === 'max' ? maxPool2d(featureMap, options).values : avgPool2d(featureMap, options).values };
    } catch {
      // A window larger than a tiny picture: show the feature map alone rather than nothing.
      return { featureMap, pooled: null };
    }
  }, [picture, mode, poolSize, stride, padding]);
  return (
    <>
      <VolumeCanvas
        volume={maps.featureMap}
        mode="heatmap"
        label="Feature map: vertical edges of the picture after ReLU"
        caption={`Feature map (edges, ReLU), ${maps.featureMap.width}×${maps.featureMap.height}`}
      />
      {maps.pooled && (
        <VolumeCanvas
          volume={maps.pooled}
          mode="heatmap"
          label={`The feature map after ${mode === 'max' ? 'max' : 'average'} pooling`}
          caption={`After ${mode === 'max' ? 'max' : 'average'} pooling ${poolSize}×${poolSize}, stride ${stride}: ${maps.pooled.width}×${maps.pooled.height}`}
        />
      )}
    </>
  );
}
