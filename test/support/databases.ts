/**
 * Runs a data-layer suite against every engine Lantern supports: an in-memory PGlite, and a real PostgreSQL
 * when LANTERN_TEST_DATABASE_URL points at a server whose role may create databases (CI starts one).
 * Each suite gets a fresh, migrated database of its own, dropped afterwards: a copy of the one database migrated
 * for the whole run (db-cache.ts), so that no suite runs initdb or the migrations itself.
 */
import { randomBytes } from 'node:crypto';
import { after, before, describe } from 'node:test';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';
import { generateDemoAuthority, type DemoOptions, type DemoSummary } from '../../src/synth/generate';
import {
  buildKey,
  migratedPglite,
  migrationsKey,
  pgliteCopy,
  postgresCopy,
  postgresTemplate,
  testRun,
} from './db-cache';

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
export async function freshDatabase(
  kind: 'pglite' | 'postgres',
): Promise<{ database: Database; drop: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await migratedPglite();
    return { database, drop: () => database.close() };
  }
  const { template } = await postgresTemplate(`migrated-${migrationsKey()}`, async () => null);
  return openPostgresCopy(template);
}

/** Opens a new PostgreSQL database copied from a template; `drop()` removes it. */
export async function openPostgresCopy(template: string): Promise<{ database: Database; drop: () => Promise<void> }> {
  const copy = await postgresCopy(template);
  const database = await openDatabase({ url: copy.url });
  return {
    database,
    drop: async () => {
      await database.close();
      await dropDatabase(adminUrlOrThrow(), copy.name);
    },
  };
}

function adminUrlOrThrow(): string {
  const url = process.env.LANTERN_TEST_DATABASE_URL;
  if (!url) throw new Error('LANTERN_TEST_DATABASE_URL is not set');
  return url;
}

/** A new, empty PostgreSQL database on the test server (not migrated): its URL, and how to drop it. */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = adminUrlOrThrow();
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

/** What a suite's database is built from: an empty migrated database, or one holding a demo authority. */
export type DemoBuild = Omit<DemoOptions, 'onProgress'>;

/**
 * A fresh database holding a demo authority generated with these options, and the generator's summary. In a whole
 * run it is a copy of the one build of it (db-cache.ts: the same rows, ids and sequences as generating it here); a
 * file run on its own generates it into a fresh database.
 */
export async function demoDatabase(
  kind: 'pglite' | 'postgres',
  options: DemoBuild,
): Promise<{ database: Database; demo: DemoSummary; drop: () => Promise<void> }> {
  const build = (database: Database) => generateDemoAuthority(database, options);
  if (!testRun()) {
    const fresh = await freshDatabase(kind);
    return { ...fresh, demo: await build(fresh.database) };
  }
  const key = buildKey('demo', options);
  if (kind === 'pglite') {
    const { database, meta } = await pgliteCopy(key, build);
    return { database, demo: meta, drop: () => database.close() };
  }
  const { template, meta } = await postgresTemplate(key, build);
  return { ...(await openPostgresCopy(template)), demo: meta };
}

export interface DemoEngineContext extends EngineContext {
  /** The demo authority the suite's database was built with. */
  readonly demo: DemoSummary;
}

/** describe() once per engine, with a fresh database for each (holding a demo authority when `demo` is given). */
export function describeEachEngine(title: string, body: (ctx: EngineContext) => void): void;
export function describeEachEngine(
  title: string,
  options: { demo: DemoBuild },
  body: (ctx: DemoEngineContext) => void,
): void;
export function describeEachEngine(
  title: string,
  bodyOrOptions: ((ctx: EngineContext) => void) | { demo: DemoBuild },
  demoBody?: (ctx: DemoEngineContext) => void,
): void {
  const options = typeof bodyOrOptions === 'function' ? undefined : bodyOrOptions;
  const body = (typeof bodyOrOptions === 'function' ? bodyOrOptions : demoBody) as (ctx: DemoEngineContext) => void;
  for (const kind of engines()) {
    describe(`${title} [${kind}]`, () => {
      let handle: { database: Database; demo?: DemoSummary; drop: () => Promise<void> } | undefined;
      const ctx = {
        get database(): Database {
          if (!handle) throw new Error('database not ready');
          return handle.database;
        },
        get demo(): DemoSummary {
          if (!handle?.demo) throw new Error('no demo authority: describeEachEngine(title, { demo }, body)');
          return handle.demo;
        },
      };
      before(async () => {
        handle = options ? await demoDatabase(kind, options.demo) : await freshDatabase(kind);
      });
      after(async () => {
        await handle?.drop();
      });
      body(ctx);
    });
  }
}
