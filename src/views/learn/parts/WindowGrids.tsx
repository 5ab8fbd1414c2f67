import type { FilterBank } from '../../../core/conv2d';
import type { ConvStep } from '../../../core/conv-steps';
import { formatNumber } from '../format-number';
import { NumberGrid, type CellTone, type GridCell } from './NumberGrid';

/** Props of {@link WindowGrids}. */
export interface WindowGridsProps {
  readonly record: ConvStep;
  readonly bank: FilterBank;
  /** 0-based index of the product being added, or null once all are in. */
  readonly currentTerm: number | null;
  readonly channelNames: readonly string[];
}

/**
 * The window, one grid per colour channel: the input values under the filter (0…1, as the network
 * sees them), each with the weight it is multiplied by in the corner. The product being added is
 * framed; products already added are outlined.
 */
export function WindowGrids({ record, bank, currentTerm, channelNames }: WindowGridsProps) {
  const grids = Array.from({ length: bank.inChannels }, (): GridCell[][] =>
    Array.from({ length: bank.height }, () => Array.from({ length: bank.width }, (): GridCell => ({ text: '', value: null }))),
  );
  record.terms.forEach((term, index) => {
    const row = grids[term.channel]?.[term.kernelRow];
    if (!row) return;
    const tones: CellTone[] = [];
    if (term.isPadding) tones.push('pad');
    if (index === currentTerm) tones.push('current');
    else if (currentTerm === null || index < currentTerm) tones.push('read');
    row[term.kernelCol] = { text: formatNumber(term.inputValue, 3), value: term.isPadding ? 0 : term.inputValue, tones, note: `×${formatNumber(term.weight, 3)}` };
  });
  return (
    <div className="stage-column window-grids">
      {grids.map((cells, channel) => (
        <NumberGrid
          key={channel}
          caption={`${channelNames[channel] ?? `Channel ${channel + 1}`} under the window`}
          detail="× weight in the corner"
          size="small"
          scaleMax={1}
          cells={cells}
        />
      ))}
    </div>
  );
}
