import { useState } from 'react';
import { shareableAddress } from '../../state/lab-url-sync';

type CopyState = { readonly kind: 'idle' } | { readonly kind: 'copied'; readonly length: number; readonly leftOut: readonly string[] } | { readonly kind: 'manual'; readonly href: string };

/**
 * Copy the address of this view — area, lesson and step, and the lab (network, settings,
 * every lesson's example) that the address keeps in step (src/state/lab-url-sync.ts) — to hand out,
 * less presenter mode and a forced backend, which belong to this screen (`shareableAddress`). Where
 * the clipboard is refused, the link is shown selected, to copy by hand.
 */
export function CopyLinkButton() {
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  const copy = async (): Promise<void> => {
    const { href, leftOut } = shareableAddress(window.location.href);
    try {
      await navigator.clipboard.writeText(href);
      setState({ kind: 'copied', length: href.length, leftOut });
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
        {state.kind === 'copied' && `Link copied (${state.length} characters)${state.leftOut.length > 0 ? `, without ${state.leftOut.join(' and ')}: they belong to this screen` : ''}.`}
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
