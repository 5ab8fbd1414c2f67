import type { ReactNode } from 'react';
import { useCodeLink } from './use-code-link';

/** A `div` around a control (a checkbox, a layer) that takes part in the code view's marking under `linkKey`. */
export function CodeLinked({ linkKey, className, children }: { readonly linkKey: string; readonly className: string; readonly children: ReactNode }) {
  const code = useCodeLink(linkKey);
  return (
    <div className={code.marked ? `${className} code-linked` : className} {...code.props}>
      {children}
    </div>
  );
}
