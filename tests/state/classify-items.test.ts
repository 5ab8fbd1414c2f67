import { beforeEach, describe, expect, test } from 'vitest';
import { MAX_CLASSIFY_ITEMS, type ClassifyItem } from '../../src/state/slices/classify-slice';
import { getInitialState, useAppStore } from '../../src/state/store';

const item = (key: number): ClassifyItem => ({ key, name: `photo-${key}.png`, origin: 'file', file: null, sample: null, status: 'working', answer: null, error: null });

describe('classify results kept (issue 16, case 4)', () => {
  beforeEach(() => useAppStore.setState(getInitialState()));

  test('thirty dropped pictures are all kept, newest first', () => {
    for (let key = 1; key <= 30; key += 1) useAppStore.getState().classifyItemAdded(item(key));
    const { classifyItems, classifyItemsDropped } = useAppStore.getState();
    expect(classifyItems.map((kept) => kept.key)).toEqual(Array.from({ length: 30 }, (_, index) => 30 - index));
    expect(classifyItemsDropped).toBe(0);
  });

  test('past the limit the oldest go, and are counted until the list is cleared', () => {
    for (let key = 1; key <= MAX_CLASSIFY_ITEMS + 3; key += 1) useAppStore.getState().classifyItemAdded(item(key));
    expect(useAppStore.getState().classifyItems).toHaveLength(MAX_CLASSIFY_ITEMS);
    expect(useAppStore.getState().classifyItems.at(-1)?.key).toBe(4);
    expect(useAppStore.getState().classifyItemsDropped).toBe(3);
    useAppStore.getState().classifyItemsCleared();
    expect(useAppStore.getState().classifyItemsDropped).toBe(0);
  });
});
