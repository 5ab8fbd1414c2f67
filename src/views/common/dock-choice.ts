import { useRememberedChoice } from './use-remembered-choice';

const DOCK_KEY = 'cnn-playground-training-dock';
const DOCK_CHOICES = ['shown', 'hidden'] as const;

/** Whether the training dock shows in Learn and Classify ('shown' unless hidden), remembered in this browser. */
export function useDockChoice(): readonly ['shown' | 'hidden', (value: 'shown' | 'hidden') => void] {
  return useRememberedChoice(DOCK_KEY, DOCK_CHOICES, 'shown');
}
