import type { ConvGeometry } from '../../../core/lessons/conv-geometry';
import { paddingOf } from '../../../core/lessons/conv-geometry';
import type { ConvStep } from '../../../core/lessons/conv-steps';
import type { Volume } from '../../../core/lessons/volume';
import { formatNumber } from '../format-number';
import { cellKey, convStepReads, inputCells, outputCellsFromRecords, scaleOf, windowCentre } from '../grid-cells';
import type { CellTone } from './NumberGrid';
import { NumberGrid } from './NumberGrid';

/** Props of {@link WindowStage}. */
export interface WindowStageProps {
  readonly input: Volume;
  readonly inputTexts: string[][];
  onInputEdit(row: number, col: number, text: string): void;
  readonly inputError: string | null;
  readonly mask: Volume;
  readonly maskTexts?: string[][];
  onMaskEdit?(row: number, col: number, text: string): void;
  readonly maskError?: string | null;
  readonly geometry: ConvGeometry;
  readonly records: readonly ConvStep[];
  /** 0-based index of the current record. */
  readonly index: number;
  /** Mark the cells no window reads (the stride jumped past them). */
  readonly showUnread?: boolean;
}

/**
 * The padded input with the mask's window on it (each read cell shows its weight), every window
 * visited so far numbered at its centre, the mask, and the output filling in from the records.
 */
export function WindowStage(props: WindowStageProps) {
  const { input, geometry, records, index } = props;
  const padding = paddingOf(geometry);
  const reads = convStepReads(records[index]);
  // Where each visited window's centre lands (input coordinates), numbered by step.
  const visited = new Map<string, number>();
  records.slice(0, index + 1).forEach((record, at) => {
    const centre = windowCentre(record);
    if (centre) visited.set(cellKey(centre.row, centre.col), at + 1);
  });
  // The last `unreadCells` rows/columns of the padded input are never under any window.
  const lastRow = input.height + padding.bottom;
  const lastCol = input.width + padding.right;
  const isUnread = (row: number, col: number): boolean =>
    Boolean(props.showUnread) && (row >= lastRow - geometry.rows.unreadCells || col >= lastCol - geometry.cols.unreadCells);
  const tonesAt = (row: number, col: number): CellTone[] => [
    ...(reads.has(cellKey(row, col)) ? (['read'] as const) : []),
    ...(visited.has(cellKey(row, col)) ? (['centre'] as const) : []),
    ...(isUnread(row, col) ? (['unread'] as const) : []),
  ];
  return (
    <div className="stage-row">
      <div>
        <NumberGrid
          caption="Input"
          detail={`${input.height}×${input.width}${padding.top + padding.bottom + padding.left + padding.right > 0 ? ` + border = ${geometry.rows.paddedSize}×${geometry.cols.paddedSize}` : ''}`}
          scaleMax={scaleOf(input.data)}
          cells={inputCells({
            input,
            padding,
            texts: props.inputTexts,
            onEdit: props.onInputEdit,
            labelPrefix: 'Input',
            tonesAt,
            noteAt: (row, col) => {
              const weight = reads.get(cellKey(row, col));
              if (weight !== undefined) return `×${formatNumber(weight)}`;
              const step = visited.get(cellKey(row, col));
              return step === undefined ? undefined : `#${step}`;
            },
          })}
          error={props.inputError}
        />
      </div>
      <div className="stage-column">
        <NumberGrid
          caption="Mask"
          size="small"
          scaleMax={scaleOf(props.mask.data)}
          cells={inputCells({ input: props.mask, texts: props.maskTexts, onEdit: props.onMaskEdit, labelPrefix: 'Mask' })}
          error={props.maskError}
        />
      </div>
      <NumberGrid
        caption="Output"
        detail={`${geometry.rows.outputSize}×${geometry.cols.outputSize}`}
        scaleMax={scaleOf(records.map((record) => record.output))}
        cells={outputCellsFromRecords(geometry.rows.outputSize, geometry.cols.outputSize, records.map((record) => ({ ...record, value: record.output })), index)}
      />
    </div>
  );
}
