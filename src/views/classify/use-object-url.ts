import { useEffect, useState } from 'react';

/**
 * A `blob:` URL for `blob` while the component shows it, revoked when the blob changes or the
 * component goes, so a long demo does not keep every dropped photo in memory.
 */
export function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return undefined;
    }
    const created = URL.createObjectURL(blob);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [blob]);
  return url;
}
