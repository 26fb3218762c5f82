// Lantern runs its TypeScript through tsx; a worker thread does not inherit tsx's loader, so it registers it
// before importing the worker's own module (decision 0020).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
