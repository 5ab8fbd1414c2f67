import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { codeLinkKey, type CodeLine } from '../../../core/keras/keras-code';
import type { LayerSpec } from '../../../core/model/model-spec';
import { selectCodeLink } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { describeLinkedControl } from './link-labels';

/**
 * Generated code, one element per line. A line that comes from a control is marked, and marks that
 * control, while either is hovered or focused. From the keyboard: focus the code, ↑ and ↓ go from one
 * such line to the next (a status line names its control), Enter moves the focus to the control.
 */
export function CodeLines({ lines, layers, label, commentStart }: {
  readonly lines: readonly CodeLine[];
  readonly layers: readonly LayerSpec[];
  /** The accessible name of the code ("Keras 3 code"). */
  readonly label: string;
  /** How a comment starts in this language (`#`, `//`), so comments can be shown quieter. */
  readonly commentStart: string;
}) {
  const marked = useAppStore(selectCodeLink);
  const setLink = useAppStore((state) => state.setCodeLink);
  const [active, setActive] = useState<number | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const linked = lines.flatMap((line, index) => (line.link ? [index] : []));

  // A control marked from elsewhere: bring its first line into view inside the code box (not the page).
  useEffect(() => {
    const box = scroller.current;
    const line = marked === null ? null : box?.querySelector<HTMLElement>(`[data-code-link="${marked}"]`);
    if (!box || !line) return;
    const top = line.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + line.offsetHeight > box.scrollTop + box.clientHeight) box.scrollTop = Math.max(0, top - box.clientHeight / 3);
  }, [marked]);

  const activate = (index: number | null): void => {
    setActive(index);
    const link = index === null ? null : lines[index]?.link;
    setLink(link ? codeLinkKey(link) : null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const position = active === null ? -1 : linked.indexOf(active);
      const next = event.key === 'ArrowDown' ? linked[Math.min(linked.length - 1, position + 1)] : linked[Math.max(0, position - 1)];
      activate(next ?? null);
    } else if (event.key === 'Enter' && active !== null) {
      const link = lines[active]?.link;
      const control = link ? document.querySelector(`[data-code-control="${codeLinkKey(link)}"]`) : null;
      // The control's own input first (a layer card's fields, not its Move up button).
      (control?.querySelector<HTMLElement>('input:not(:disabled), select:not(:disabled)') ?? control?.querySelector<HTMLElement>('button:not(:disabled)'))?.focus();
    } else if (event.key === 'Escape') {
      activate(null);
    }
  };
  const activeLine = active === null ? null : lines[active];

  return (
    <>
      <div
        ref={scroller}
        className="code-box"
        role="region"
        aria-label={`${label}: ↑ and ↓ go through the lines set by a control, Enter goes to that control`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onBlur={() => activate(null)}
        onMouseLeave={() => setLink(null)}
      >
        <pre className="code-lines">
          <code>
            {lines.map((line, index) => {
              const key = line.link ? codeLinkKey(line.link) : null;
              const classes = ['code-line', key !== null && key === marked ? 'code-line-marked' : '', index === active ? 'code-line-active' : ''].filter(Boolean).join(' ');
              return (
                <span key={index} className={classes} data-code-link={key ?? undefined} onMouseEnter={() => setLink(key)}>
                  <LineText text={line.text} commentStart={commentStart} />
                  {'\n'}
                </span>
              );
            })}
          </code>
        </pre>
      </div>
      <p className="code-line-status" role="status">
        {activeLine?.link ? `Line ${(active ?? 0) + 1}, ${activeLine.text.trim()}: set by ${describeLinkedControl(activeLine.link, layers)}. Enter goes there.` : ''}
      </p>
    </>
  );
}

/** A line with its trailing comment quieter (a `#` or `//` outside quotes). */
function LineText({ text, commentStart }: { readonly text: string; readonly commentStart: string }) {
  const at = commentIndex(text, commentStart);
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="code-comment">{text.slice(at)}</span>
    </>
  );
}

function commentIndex(text: string, start: string): number {
  let quote: string | null = null;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote !== null) {
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (text.startsWith(start, index)) {
      return index;
    }
  }
  return -1;
}
