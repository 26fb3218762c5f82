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

/**
 * Drops a test database. The suite's own connections have been closed, but on a busy machine their server
 * processes may take a moment to exit: wait for them (so that FORCE never cuts a connection that is still
 * saying goodbye), then drop WITH (FORCE) for whatever is left (an autovacuum worker), retrying briefly.
 */
async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const a = new pg.Client({ connectionString: adminUrl });
    await a.connect();
    try {
      for (let wait = 0; wait < 50; wait++) {
        const { rows } = await a.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity where datname = $1 and backend_type = 'client backend'`,
          [name],
        );
        if (Number(rows[0]?.n ?? 0) === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await a.query(`drop database if exists ${name} with (force)`);
      return;
    } catch (e) {
      if (attempt >= 10) throw e;
      await new Promise((r) => setTimeout(r, 500));
    } finally {
      await a.end();
    }
  }
}

/** Opens a fresh migrated database of the given kind; `drop()` removes it. */
export async function freshDatabase(kind: 'pglite' | 'postgres'): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const server = await freshPostgresUrl();
  const database = await openDatabase({ url: server.url });
  await database.migrate();
  return {
    database,
    drop: async () => {
      await database.close();
      await server.drop();
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
    drop: () => dropDatabase(adminUrl, name),
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
