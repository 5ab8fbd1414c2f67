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

/** A class name with its indefinite article: "an airplane", "an automobile", "a cat". */
export function withArticle(name: string): string {
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

/** What the results' live region says about one answered picture: "cat.jpg: cat, 63.2 %". */
export interface AnsweredPicture {
  readonly name: string;
  readonly best: string;
  /** "63.2 %". */
  readonly percent: string;
}

/**
 * The one sentence a screen reader hears about the results, or '' for nothing new. While pictures are
 * still being worked on it says nothing (a drop of twenty files must not read out twenty answers);
 * once all are settled it gives the newest answer, and how many others settled with it.
 *
 * @param newest the newest answered picture, or null when none has an answer.
 * @param working pictures still being classified.
 * @param settledTogether answers and failures that arrived since the last announcement (at least 1 when there is news).
 */
export function resultsAnnouncement(newest: AnsweredPicture | null, working: number, settledTogether: number): string {
  if (working > 0 || !newest || settledTogether === 0) return '';
  const others = settledTogether - 1;
  const more = others > 0 ? ` ${others} more ${others === 1 ? 'picture' : 'pictures'} finished too; their cards are below.` : '';
  return `${newest.name}: ${newest.best}, ${newest.percent}.${more}`;
}
