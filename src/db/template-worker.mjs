// Builds an empty, migrated PGlite database in memory (initdb, then every migration) and posts its data directory
// back as a tar, for a new data folder to start from (src/db/template.ts). Plain JavaScript, so that the worker
// starts without tsx: it needs only PGlite and Drizzle's migrator.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';

const pg = new PGlite();
try {
  await pg.waitReady;
  await migrate(drizzle(pg), { migrationsFolder: workerData.migrationsFolder });
  const tar = await (await pg.dumpDataDir('none')).arrayBuffer();
  parentPort.postMessage(tar, [tar]);
} finally {
  await pg.close();
}
