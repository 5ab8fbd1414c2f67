import type { FilterBank } from '../../../core/lessons/conv2d';
import type { ConvStep } from '../../../core/lessons/conv-steps';
import { formatNumber } from '../format-number';
import { scaleOf } from '../grid-cells';
import { NumberGrid, type CellTone, type GridCell } from './NumberGrid';

/** Props of {@link WindowGrids}. */
export interface WindowGridsProps {
  readonly record: ConvStep;
  readonly bank: FilterBank;
  /** 0-based index of the product being added, or null once all are in. */
  readonly currentTerm: number | null;
  readonly channelNames: readonly string[];
}

type Grid = GridCell[][];

function emptyGrid(bank: FilterBank): Grid {
  return Array.from({ length: bank.height }, () => Array.from({ length: bank.width }, (): GridCell => ({ text: '', value: null })));
}

/**
 * The window times the filter, one row per colour channel: the input values under the filter (0…1, as
 * the network sees them) beside the filter's weights for that channel. The product being added is
 * framed in both; products already added are outlined.
 */
export function WindowGrids({ record, bank, currentTerm, channelNames }: WindowGridsProps) {
  const inputs = Array.from({ length: bank.inChannels }, () => emptyGrid(bank));
  const weights = Array.from({ length: bank.inChannels }, () => emptyGrid(bank));
  const weightScale = scaleOf(record.terms.map((term) => term.weight));
  record.terms.forEach((term, index) => {
    const tones: CellTone[] = index === currentTerm ? ['current'] : currentTerm === null || index < currentTerm ? ['read'] : [];
    const inputRow = inputs[term.channel]?.[term.kernelRow];
    const weightRow = weights[term.channel]?.[term.kernelRow];
    if (inputRow) inputRow[term.kernelCol] = { text: formatNumber(term.inputValue, 3), value: term.isPadding ? 0 : term.inputValue, tones: term.isPadding ? ['pad', ...tones] : tones };
    if (weightRow) weightRow[term.kernelCol] = { text: formatNumber(term.weight, 3), value: term.weight, tones };
  });
  return (
    <div className="stage-column window-grids">
      {inputs.map((cells, channel) => {
        const name = channelNames[channel] ?? `Channel ${channel + 1}`;
        return (
          <div key={channel} className="window-pair" role="group" aria-label={`${name}: window times weights`}>
            <NumberGrid caption={`${name} window`} size="small" scaleMax={1} cells={cells} />
            <span className="window-times" aria-hidden="true">
              ×
            </span>
            <NumberGrid caption={`${name} weights`} size="small" scaleMax={weightScale} cells={weights[channel] ?? []} />
          </div>
        );
      })}
    </div>
  );
}
