/**
 * An engine message as a sentence: capital first letter, full stop at the end. A message that starts
 * with a file name ("notes.txt is not a picture") or a quoted name keeps its first word as it is.
 */
export function sentence(message: string): string {
  const firstWord = message.split(/\s/, 1)[0] ?? '';
  const keep = firstWord.includes('.') || /^[“"']/.test(firstWord);
  const text = keep ? message : message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?)]$/.test(text) ? text : `${text}.`;
}

/** Bytes as megabytes with one decimal: 14 808 744 → "14.8 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
