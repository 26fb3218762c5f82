/**
 * Runs a data-layer suite against every engine Lantern supports: an in-memory PGlite, and a real PostgreSQL
 * when LANTERN_TEST_DATABASE_URL points at a server whose role may create databases (CI starts one).
 * Each suite gets a fresh, migrated database of its own, dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';

export interface EngineContext {
  /** The open, migrated database; valid inside the suite's tests. */
  readonly database: Database;
}

export function engines(): Array<'pglite' | 'postgres'> {
  const url = process.env.LANTERN_TEST_DATABASE_URL;
  if (!url && process.env.CI) {
    throw new Error('LANTERN_TEST_DATABASE_URL must be set in CI so that data-layer tests also run on PostgreSQL');
  }
  return url ? ['pglite', 'postgres'] : ['pglite'];
}

/** Opens a fresh migrated database of the given kind; `drop()` removes it. */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const adminUrl = process.env.LANTERN_TEST_DATABASE_URL as string;
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** A new, empty PostgreSQL database on the test server (not migrated): its URL, and how to drop it. */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.LANTERN_TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('LANTERN_TEST_DATABASE_URL is not set');
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** describe() once per engine, with a fresh database for each. */
export function describeEachEngine(title: string, body: (ctx: EngineContext) => void): void {
  for (const kind of engines()) {
    describe(`${title} [${kind}]`, () => {
      let handle: { database: Database; drop: () => Promise<void> } | undefined;
      const ctx = {
        get database(): Database {
          if (!handle) throw new Error('database not ready');
          return handle.database;
        },
      };
      before(async () => {
        handle = await freshDatabase(kind);
      });
      after(async () => {
        await handle?.drop();
      });
      body(ctx);
    });
  }
}
