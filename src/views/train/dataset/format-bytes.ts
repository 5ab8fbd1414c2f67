/** "184.4 MB": decimal megabytes with one decimal, as download dialogs show them. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}

/** Where a load stands, as the store holds it (see DataLoadProgress). */
export interface LoadStanding {
  readonly loadedBytes: number;
  readonly totalBytes: number;
  readonly file: string;
  readonly fromCache: boolean;
  readonly stage?: 'receiving' | 'saving' | 'checking';
  readonly fromLocalCopy?: boolean;
}

/**
 * What the load is doing now, in words, for the line under the progress bar — including the waits
 * after every byte has arrived, which a bar at 100 % cannot show: "Every byte arrived and checked
 * out; keeping a copy of train-images.bin in this browser’s cache for next time…".
 */
export function loadingDetail(progress: LoadStanding): string {
  if (progress.stage === 'saving') return `${progress.file} arrived and checked out; keeping a copy in this browser’s cache for next time (a few seconds for a large file)…`;
  if (progress.stage === 'checking') return 'Every file arrived; checking the whole set against the manifest…';
  if (progress.loadedBytes >= progress.totalBytes) return `Every byte arrived; checking ${progress.file}…`;
  return `${progress.fromLocalCopy ? 'Reading your local copy' : progress.fromCache ? 'Reading from this browser’s cache' : 'Downloading'}: ${progress.file}`;
}

/** What Start waits for while CIFAR-10 loads, said beside Start: "keeping a copy of train-images.bin…". */
export function dataWaitText(progress: LoadStanding | null): string {
  if (!progress) return 'reading the data set’s manifest';
  if (progress.stage === 'saving') return `keeping a copy of ${progress.file} in this browser’s cache (every byte has arrived)`;
  if (progress.stage === 'checking') return 'checking the whole set (every byte has arrived)';
  if (progress.loadedBytes >= progress.totalBytes) return `checking ${progress.file} (every byte has arrived)`;
  const percent = progress.totalBytes > 0 ? Math.floor((100 * progress.loadedBytes) / progress.totalBytes) : 0;
  return `${progress.fromLocalCopy ? 'reading your local copy' : progress.fromCache ? 'reading it from this browser’s cache' : 'downloading it'}, ${percent} %`;
}
