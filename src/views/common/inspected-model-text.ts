/** Words for the model an inspection looked into. Pure. */
import type { InspectedModel } from '../../state/slices/inspect-slice';

/** "your network after epoch 3", "your network, 5 batches into epoch 1", "the pretrained tutorial model". */
export function describeInspectedModel(model: InspectedModel): string {
  if (model.kind === 'pretrained') return 'the pretrained tutorial model';
  const batches = (count: number): string => `${count} ${count === 1 ? 'batch' : 'batches'}`;
  if (model.epochsDone === 0) return `your network, ${batches(model.batch)} into epoch 1`;
  return `your network after epoch ${model.epochsDone}${model.batch > 0 ? ` and ${batches(model.batch)} more` : ''}`;
}
