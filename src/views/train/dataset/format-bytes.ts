/** "184.4 MB": decimal megabytes with one decimal, as download dialogs show them. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
