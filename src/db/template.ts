/**
 * A new PGlite data folder starts from an empty, migrated database built in a worker thread: `initdb` and the
 * migrations are the slowest part of a first start after the demo itself, and in a worker they run on the other core
 * while the main thread loads the app and simulates the demo authority. The worker posts the database as a tar,
 * which PGlite unpacks into the folder (`loadDataDir`, what PGlite itself does after running `initdb` in memory for a
 * folder on disk). The result is the database the migrations would have made in the folder: same catalog, same
 * `drizzle.__drizzle_migrations` rows.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** Lantern's migrations (drizzle-kit's folder). */
export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

const WORKER = new URL('./template-worker.mjs', import.meta.url);

let started: Promise<Blob> | undefined;

/** Whether a PGlite data folder holds no database yet (it is missing, empty, or was never initialised). */
export function isNewDataDir(dataDir: string): boolean {
  return !existsSync(path.join(dataDir, 'PG_VERSION'));
}

/**
 * Starts building the migrated database now, in a worker thread, unless it has started already: call it as early as
 * possible; `takeMigratedTemplate` collects it. The worker is started before this returns, so it keeps running while
 * the caller holds the main thread.
 */
export function startMigratedTemplate(): void {
  if (started) return;
  const worker = new Worker(WORKER, { workerData: { migrationsFolder } });
  const tar = new Promise<Blob>((resolve, reject) => {
    worker.once('message', (bytes: ArrayBuffer) => {
      resolve(new Blob([bytes]));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      reject(new Error(`The database template worker stopped (exit code ${code})`));
    });
  });
  // Collected later (or never, if the folder turns out not to be new): a failure is handled where it is awaited.
  tar.catch(() => undefined);
  started = tar;
}

/**
 * The migrated database as a tar, from the worker started earlier or from a new one; null when no worker could build
 * it (the caller then runs initdb and the migrations itself). Each build is handed out once.
 */
export async function takeMigratedTemplate(): Promise<Blob | null> {
  startMigratedTemplate();
  const mine = started;
  started = undefined;
  return (await mine?.catch(() => null)) ?? null;
}
