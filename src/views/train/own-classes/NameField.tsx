import { useId, useState } from 'react';

/**
 * A name edited in place: typed freely, saved on Enter or when the field is left (the engine cleans and
 * checks it; a refused name comes back as the view's message and the field shows the stored name again).
 * Key it by `value`, so a name changed elsewhere (another tab, an import) replaces what is shown.
 */
export function NameField({ label, value, onCommit, hideLabel = false }: { readonly label: string; readonly value: string; readonly onCommit: (name: string) => Promise<void> | void; readonly hideLabel?: boolean }) {
  const id = useId();
  const [typed, setTyped] = useState(value);
  const commit = (): void => {
    if (typed.trim() === value) return;
    void Promise.resolve(onCommit(typed)).finally(() => setTyped(value));
  };
  return (
    <span className="own-name-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={typed}
        maxLength={60}
        onChange={(event) => setTyped(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setTyped(value);
        }}
      />
    </span>
  );
}
