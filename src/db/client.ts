/**
 * One database interface over two engines: PGlite (PostgreSQL compiled to WebAssembly, data in a local folder)
 * for the embedded default, and a server PostgreSQL through node-postgres when DATABASE_URL is set.
 * Every query is written once, with Drizzle, and runs unchanged on both.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { pgliteAssets } from './pglite-assets';
import { isNewDataDir, migrationsFolder, takeMigratedTemplate } from './template';
import * as schema from './schema/index';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Where the data lives, without credentials. */
  readonly location: string;
  /** Applies every pending migration. Safe to run again. */
  migrate(): Promise<void>;
  /** Loads rows fast with COPY … FROM (CSV); values are written as CSV fields, null as an unquoted empty field. */
  copyRows(table: string, columns: readonly string[], rows: Iterable<readonly unknown[]>): Promise<void>;
  /** Runs raw SQL statements (no parameters), e.g. for TRUNCATE or sequence maintenance. */
  exec(sqlText: string): Promise<void>;
  /**
   * Runs `fn` in one transaction on one connection (BEGIN … COMMIT; ROLLBACK if `fn` throws), so that a bulk
   * load either lands whole or leaves nothing behind. `load` copies and executes on that connection only.
   */
  bulkLoad<T>(fn: (load: BulkLoader) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** What a bulk load may do inside its transaction. */
export interface BulkLoader {
  copyRows: Database['copyRows'];
  exec: Database['exec'];
  /** A query without parameters, returning its rows (e.g. to read the largest id before loading). */
  query<R extends Record<string, unknown>>(sqlText: string): Promise<R[]>;
  /** COPY … FROM CSV the caller has already encoded (whole lines, in chunks of text or UTF-8 bytes): the fast path for millions of rows. */
  copyCsv(table: string, columns: readonly string[], csv: Iterable<string | Uint8Array>): Promise<void>;
}

export { migrationsFolder };

export interface DatabaseOptions {
  /** postgres://… — when given, a server PostgreSQL is used. */
  url?: string | undefined;
  /** Folder for PGlite's data; omitted means an in-memory PGlite (tests). */
  dataDir?: string | undefined;
  /** A PGlite data directory dumped by `dumpDataDir()` to start from (tests copy one built database this way). */
  loadDataDir?: Blob | undefined;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPglite(options.dataDir, options.loadDataDir);
}

async function openPglite(dataDir: string | undefined, given: Blob | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A new folder starts from the migrated database a worker builds (template.ts); if none could be built, PGlite
  // runs initdb here and migrate() applies every migration, as before.
  const loadDataDir = given ?? (dataDir && isNewDataDir(dataDir) ? await takeMigratedTemplate() : null);
  const options = { ...(await pgliteAssets()), ...(loadDataDir ? { loadDataDir } : {}) };
  const client = dataDir ? new PGlite(dataDir, options) : new PGlite(options);
  await client.waitReady;
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    location: dataDir ? path.resolve(dataDir) : 'memory',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    async copyRows(table, columns, rows) {
      const blob = new Blob([...csvChunks(rows)], { type: 'text/csv' });
      await client.query(
        `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
        [],
        {
          blob,
        },
      );
    },
    exec: async (sqlText) => {
      await client.exec(sqlText);
    },
    // PGlite has one connection; its transaction() holds it exclusively for the callback.
    bulkLoad: (fn) =>
      client.transaction(async (tx) =>
        fn({
          copyRows: async (table, columns, rows) => {
            const blob = new Blob([...csvChunks(rows)], { type: 'text/csv' });
            await tx.query(
              `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
              [],
              { blob },
            );
          },
          copyCsv: async (table, columns, csv) => {
            const blob = new Blob([...csv], { type: 'text/csv' });
            await tx.query(
              `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`,
              [],
              { blob },
            );
          },
          exec: async (sqlText) => {
            await tx.exec(sqlText);
          },
          query: async <R extends Record<string, unknown>>(sqlText: string) => (await tx.query<R>(sqlText)).rows,
        }),
      ),
    close: () => client.close(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  // JIT off: Lantern's reporting queries (indicators over 72 months, trackers) are planned as costly enough to
  // compile, and compiling took longer than running them (775 ms of compiling for 60 ms of work, measured).
  const pool = new pg.Pool({ connectionString: url, max: 10, options: '-c jit=off' });
  const probe = await pool.connect();
  probe.release();
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  const parsed = new URL(url);
  return {
    db,
    kind: 'postgres',
    location: `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
    migrate: () => migratePg(db as never, { migrationsFolder }),
    async copyRows(table, columns, rows) {
      const conn = await pool.connect();
      try {
        const stream = conn.query(
          copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from(csvChunks(rows)), stream);
      } finally {
        conn.release();
      }
    },
    exec: async (sqlText) => {
      await pool.query(sqlText);
    },
    async bulkLoad(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          copyRows: async (table, columns, rows) => {
            const stream = conn.query(
              copyFrom(
                `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
              ),
            );
            await pipeline(Readable.from(csvChunks(rows)), stream);
          },
          copyCsv: async (table, columns, csv) => {
            const stream = conn.query(
              copyFrom(
                `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`,
              ),
            );
            await pipeline(Readable.from(csv), stream);
          },
          exec: async (sqlText) => {
            await conn.query(sqlText);
          },
          query: async <R extends Record<string, unknown>>(sqlText: string) => (await conn.query<R>(sqlText)).rows,
        });
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe SQL identifier: ${name}`);
  return `"${name}"`;
}

/** Yields CSV text in chunks of about 1,000 rows. */
function* csvChunks(rows: Iterable<readonly unknown[]>): Generator<string> {
  let chunk = '';
  let n = 0;
  for (const row of rows) {
    chunk += row.map(csvField).join(',') + '\n';
    if (++n % 1000 === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value))
    return csvField(`{${value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  const s = String(value);
  return s === '' || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
