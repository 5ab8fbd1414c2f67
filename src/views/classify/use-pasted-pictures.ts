import { useEffect } from 'react';

/**
 * Call `onPictures` with the files of every paste on the page while the component is shown (a copied
 * photo or a screenshot). A paste of text into a text field is left alone; a paste elsewhere with no
 * file in it calls `onNothing`, so the page can say what went wrong.
 */
export function usePastedPictures(onPictures: (files: File[]) => void, onNothing: () => void): void {
  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const files = Array.from(event.clipboardData?.files ?? []);
      if (files.length === 0) {
        if (!isEditable(event.target)) onNothing();
        return;
      }
      event.preventDefault();
      // Browsers name every pasted picture "image.png"; say where it came from instead.
      onPictures(files.map((file) => new File([file], `pasted ${file.name || 'picture'}`, { type: file.type })));
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onPictures, onNothing]);
}

function isEditable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA');
}
