import { useState } from 'react';

type CopyState = { readonly kind: 'idle' } | { readonly kind: 'copied'; readonly length: number } | { readonly kind: 'manual'; readonly href: string };

/**
 * Copy the address of this view — area, lesson and step, and the lab (network, settings,
 * every lesson's example) that the address keeps in step (src/state/lab-url-sync.ts) — to hand out.
 * Where the clipboard is refused, the link is shown selected, to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async (): Promise<void> => {
    const href = window.location.href;
    try {
      await navigator.clipboard.writeText(href);
      setState({ kind: 'copied', length: href.length });
    } catch {
      setState({ kind: 'manual', href });
    }
  };
  return (
    <span className="copy-link">
      <button type="button" className="copy-link-button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-link-status">
        {state.kind === 'copied' && `Link copied (${state.length} characters).`}
      </span>
      {state.kind === 'manual' && (
        <label className="copy-link-manual">
          The clipboard is not available here; copy the link with Ctrl+C:{' '}
          <input readOnly value={state.href} size={40} ref={(input) => input?.select()} onFocus={(event) => event.currentTarget.select()} />
        </label>
      )}
    </span>
  );
}
