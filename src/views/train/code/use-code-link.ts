import type { FocusEvent } from 'react';
import { selectCodeLink } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';

/** What a control's wrapper spreads to take part in the code view's marking. */
export interface CodeLinkProps {
  readonly 'data-code-control': string;
  readonly className?: string;
  readonly onMouseEnter: () => void;
  readonly onMouseLeave: () => void;
  readonly onFocus: () => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
}

/**
 * Link a control to its lines in the code view (`key` as `codeLinkKey` writes it): hovering or focusing
 * the control marks its lines, and the control is marked (`code-linked`) while its lines are.
 * @returns the props for the control's wrapper and whether it is marked now.
 */
export function useCodeLink(key: string | undefined): { readonly props: CodeLinkProps | Record<string, never>; readonly marked: boolean } {
  const marked = useAppStore((state) => key !== undefined && selectCodeLink(state) === key);
  const setLink = useAppStore((state) => state.setCodeLink);
  if (key === undefined) return { props: {}, marked: false };
  return {
    marked,
    props: {
      'data-code-control': key,
      onMouseEnter: () => setLink(key),
      onMouseLeave: () => setLink(null),
      onFocus: () => setLink(key),
      // Focus moving inside the same control (label to input) keeps the mark.
      onBlur: (event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setLink(null);
      },
    },
  };
}
