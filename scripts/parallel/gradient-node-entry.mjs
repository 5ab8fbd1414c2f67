// A worker thread's entry: load the TypeScript gradient worker through tsx (see node-gradient-workers.ts).
import { tsImport } from 'tsx/esm/api';

await tsImport('./gradient-node-worker.ts', import.meta.url);
