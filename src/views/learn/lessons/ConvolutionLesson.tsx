import { useCallback, useMemo } from 'react';
import { convGeometry } from '../../../core/lessons/conv-geometry';
import { convolve2d } from '../../../core/lessons/conv2d';
import { convolveSteps } from '../../../core/lessons/conv-steps';
import { flip2d } from '../../../core/lessons/flip-pad';
import { mapChannels, matrixFromRows, volumeToRows, type Volume } from '../../../core/lessons/volume';
import { formatNumber, gridTexts, parseField, parseGrid, withCell } from '../format-number';
import { LESSON_RULES } from '../../../core/lessons/lesson-bounds';
import { cellKey, convStepReads, inputCells, outputCellsFromRecords, scaleOf, windowCentre } from '../grid-cells';
import { matchingPreset, MASK_PRESETS } from '../presets';
import { useDraft } from '../use-draft';
import type { ConvolutionDraft } from '../lesson-drafts';
import { useLessonPlayer } from '../use-lesson-player';
import { LessonFrame } from '../parts/LessonFrame';
import { NumberGrid } from '../parts/NumberGrid';
import { NumberField } from '../parts/NumberField';
import { RealImagePanel } from '../parts/RealImagePanel';
import { VolumeCanvas } from '../parts/VolumeCanvas';
import { WrittenSum } from '../parts/WrittenSum';

function buildConvolution(draft: ConvolutionDraft) {
  const input = matrixFromRows(parseGrid('input', draft.input));
  const mask = matrixFromRows(parseGrid('mask', draft.mask));
  const divisor = parseField('Divisor', draft.divisor, LESSON_RULES.divisor);
  const records = [...convolveSteps(input, mask, { divisor })];
  return { input, mask, flipped: flip2d(mask), divisor, records, geometry: convGeometry(input, mask, 1, 'valid') };
}

/** Lesson 3: the mask slides, each sum is written out, the output fills in; then the same mask on a real picture. */
export function ConvolutionLesson() {
  const { draft, applied, error, edit, replace } = useDraft('convolution', buildConvolution);
  const player = useLessonPlayer(applied.records.length);
  const record = applied.records[player.step - 1];
  const reads = convStepReads(record);
  const centreCell = windowCentre(record);
  const centre = centreCell ? cellKey(centreCell.row, centreCell.col) : '';
  const scaleMax = scaleOf(applied.input.data);
  const outputScale = scaleOf(applied.records.map((r) => r.output));
  const onInput = useCallback((row: number, col: number, text: string) => edit('input', withCell(draft.input, row, col, text)), [draft.input, edit]);
  const onMask = useCallback((row: number, col: number, text: string) => edit('mask', withCell(draft.mask, row, col, text)), [draft.mask, edit]);
  const preset = matchingPreset(volumeToRows(applied.mask), applied.divisor);
  const caption = record
    ? `Step ${player.step}: the mask's centre sits on input row ${(centreCell?.row ?? 0) + 1}, column ${(centreCell?.col ?? 0) + 1}. The ${record.terms.length} products add up to ${formatNumber(record.sum)}${applied.divisor !== 1 ? `, divided by ${formatNumber(applied.divisor)}` : ''}, and ${formatNumber(record.output)} goes into output row ${record.outputRow + 1}, column ${record.outputCol + 1}.`
    : '';

  return (
    <LessonFrame
      lessonId="convolution"
      number={3}
      title="Convolution"
      player={player}
      caption={caption}
      intro={<p>Flip the mask once, then slide it over the picture. At each position, multiply every number under the mask by the weight on top of it and add the products: that sum is one pixel of the new picture.</p>}
      settings={
        <>
          <div className="preset-buttons" role="group" aria-label="Mask presets">
            {MASK_PRESETS.map((item) => (
              <button
                key={item.id}
                type="button"
                aria-pressed={preset?.id === item.id}
                onClick={() => replace({ mask: gridTexts(item.rows), divisor: String(item.divisor) }, 'mask')}
              >
                {item.name}
              </button>
            ))}
          </div>
          <NumberField label="Divide the sum by" value={draft.divisor} onChange={(text) => edit('divisor', text)} error={error?.field === 'divisor' ? error.message : null} />
        </>
      }
      aside={
        <>
          {record && <WrittenSum step={record} />}
          {preset && <p className="preset-effect">{preset.name}: {preset.effect}</p>}
        </>
      }
      after={
        <RealImagePanel heading="The same mask on a real picture">
          {(picture, colourMode) => <MaskedPicture picture={picture} mask={applied.mask} divisor={applied.divisor} colourMode={colourMode} />}
        </RealImagePanel>
      }
    >
      <div className="stage-row">
        <div>
          <NumberGrid
            caption="Input"
            detail={`${applied.input.height}×${applied.input.width}`}
            scaleMax={scaleMax}
            cells={inputCells({
              input: applied.input,
              texts: draft.input,
              onEdit: onInput,
              labelPrefix: 'Input',
              tonesAt: (row, col) => [...(reads.has(cellKey(row, col)) ? (['read'] as const) : []), ...(cellKey(row, col) === centre ? (['centre'] as const) : [])],
              noteAt: (row, col) => {
                const weight = reads.get(cellKey(row, col));
                return weight === undefined ? undefined : `×${formatNumber(weight)}`;
              },
            })}
            error={error?.field === 'input' ? error.message : null}
          />
        </div>
        <div className="stage-column">
          <NumberGrid
            caption="Mask"
            detail="as typed"
            size="small"
            scaleMax={scaleOf(applied.mask.data)}
            cells={inputCells({ input: applied.mask, texts: draft.mask, onEdit: onMask, labelPrefix: 'Mask' })}
            error={error?.field === 'mask' ? error.message : null}
          />
          <NumberGrid caption="Flipped" detail="(slides)" size="small" scaleMax={scaleOf(applied.flipped.data)} cells={inputCells({ input: applied.flipped, labelPrefix: 'Flipped mask' })} />
        </div>
        <NumberGrid
          caption="Output"
          detail={`${applied.geometry.rows.outputSize}×${applied.geometry.cols.outputSize}`}
          scaleMax={outputScale}
          cells={outputCellsFromRecords(applied.geometry.rows.outputSize, applied.geometry.cols.outputSize, applied.records.map((r) => ({ ...r, value: r.output })), player.step - 1)}
        />
      </div>
    </LessonFrame>
  );
}

/** The lesson's mask convolved over a whole picture ("valid": the result is 2 pixels smaller for a 3×3 mask). */
function MaskedPicture({ picture, mask, divisor, colourMode }: { picture: Volume; mask: Volume; divisor: number; colourMode: 'gray' | 'rgb' }) {
  // "valid": zero padding would invent a dark frame around the photo, and the mask would find edges there.
  const result = useMemo(() => {
    try {
      return mapChannels(picture, (plane) => convolve2d(plane, mask, { padding: 'valid', divisor }));
    } catch {
      return null;
    }
  }, [picture, mask, divisor]);
  if (!result) return <p className="no-picture">This picture is smaller than the mask.</p>;
  const size = `${result.width}×${result.height}`;
  // A mask whose weights add up to the divisor keeps overall brightness, so its result is a picture;
  // any other (Sobel adds up to 0) makes signed values, best read as a heat map.
  const keepsBrightness = mask.data.reduce((sum, weight) => sum + weight, 0) === divisor;
  if (keepsBrightness || colourMode === 'rgb') {
    return (
      <VolumeCanvas
        volume={result}
        mode="picture"
        label="The picture after the mask"
        caption={keepsBrightness ? `After the mask, ${size}` : `After the mask, ${size} (values below 0 or above 255 clipped)`}
      />
    );
  }
  return <VolumeCanvas volume={result} mode="heatmap" label="The picture after the mask, as a heat map" caption={`After the mask, ${size}: red +, blue −`} />;
}
