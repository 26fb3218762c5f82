/**
 * Databases built once and copied, so that a test run migrates once and builds each standard demo authority
 * once, however many suites use them (decision: "the suite shares built databases").
 *
 * - PGlite: the built database's data directory is dumped to a tar file (`dumpDataDir`) in the cache folder;
 *   every suite that needs it opens its own in-memory PGlite from that file (`loadDataDir`), which skips both
 *   `initdb` and the migrations.
 * - PostgreSQL: the built database is kept on the test server as a template, and each suite gets
 *   `CREATE DATABASE … TEMPLATE` of it.
 *
 * `scripts/run-tests.mjs` names a fresh cache folder and a run id (LANTERN_TEST_CACHE, LANTERN_TEST_RUN) and removes
 * both (folder and templates) when the run ends. A test file run on its own (`node --import tsx --test FILE`) has
 * neither: it keeps only the migrated database, keyed by a hash of the migrations, in the system's temporary folder
 * and in a template named by that hash; anything larger it builds itself, as before.
 *
 * A copy is exactly the database that was built: the same rows, ids and sequences. Keys include a hash of the
 * sources that could change what is built, so a cache is never used for code that would build something else.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { migrationsFolder, openDatabase, type Database } from '../../src/db/client';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The run that owns the cache, when scripts/run-tests.mjs started this process. */
export function testRun(): string | undefined {
  const run = process.env.LANTERN_TEST_RUN;
  return run && /^[a-z0-9]{1,16}$/.test(run) ? run : undefined;
}

export function cacheFolder(): string {
  const dir = process.env.LANTERN_TEST_CACHE || path.join(tmpdir(), 'lantern-test-cache');
  mkdirSync(dir, { recursive: true });
  return dir;
}

function hashFiles(hash: ReturnType<typeof createHash>, dir: string, keep: (name: string) => boolean): void {
  for (const name of readdirSync(dir).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) hashFiles(hash, full, keep);
    else if (keep(name)) hash.update(path.relative(ROOT, full)).update('\0').update(readFileSync(full)).update('\0');
  }
}

let migrationsHash: string | undefined;
/** Changes whenever a migration or the PGlite version does. */
export function migrationsKey(): string {
  if (!migrationsHash) {
    const hash = createHash('sha256');
    hash.update(readFileSync(path.join(ROOT, 'node_modules/@electric-sql/pglite/package.json')));
    hashFiles(hash, migrationsFolder, () => true);
    migrationsHash = hash.digest('hex').slice(0, 16);
  }
  return migrationsHash;
}

let sourcesHash: string | undefined;
/** Changes whenever any source file (not a test) or migration does: the key for anything the generator builds. */
export function sourcesKey(): string {
  if (!sourcesHash) {
    const hash = createHash('sha256').update(migrationsKey());
    hashFiles(hash, path.join(ROOT, 'src'), (name) => !name.endsWith('.test.ts'));
    hashFiles(hash, path.join(ROOT, 'test', 'support'), () => true);
    hashFiles(hash, path.join(ROOT, 'harness'), () => true);
    hashFiles(hash, path.join(ROOT, 'reference-data'), () => true);
    sourcesHash = hash.digest('hex').slice(0, 16);
  }
  return sourcesHash;
}

/** A key for a named build: its name, its options and the sources it depends on. */
export function buildKey(name: string, options: unknown): string {
  return createHash('sha256')
    .update(sourcesKey())
    .update(name)
    .update(JSON.stringify(options))
    .digest('hex')
    .slice(0, 16);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` holding a lock (a folder) that other test processes respect; a lock whose process died is broken. */
export async function withFileLock<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(cacheFolder(), `${name}.lock`);
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      let owner = NaN;
      try {
        owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
      } catch {
        // Being created this moment: wait.
      }
      if (Number.isInteger(owner) && owner > 0 && !alive(owner)) rmSync(lock, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The PGlite client under a Database (for dumping its data directory). */
function pgliteOf(database: Database): PGlite {
  return (database.db as unknown as { $client: PGlite }).$client;
}

/**
 * Opens an in-memory PGlite from a dumped data directory. PGlite reads the tarball it is given with `arrayBuffer()`
 * (and its `type`, for gzip); a Blob made from the file's bytes would copy them in and then out again in small
 * chunks, about a tenth of a second of CPU per open for the migrated database and more for a demo. So it is given
 * the bytes as they were read, behind the two members it uses.
 */
async function loadPglite(file: string): Promise<Database> {
  const bytes = readFileSync(file);
  const tarball: Pick<Blob, 'type' | 'arrayBuffer'> = {
    type: 'application/x-tar',
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer),
  };
  return openDatabase({ loadDataDir: tarball as Blob });
}

async function dumpPglite(database: Database, file: string): Promise<void> {
  const dump = await pgliteOf(database).dumpDataDir('none');
  const partial = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
}

/**
 * An in-memory PGlite copied from the build `key` (building it first if no process has yet). `build` receives a
 * migrated database and returns what the suite needs to know about it (JSON), kept beside the dump.
 */
export async function pgliteCopy<T>(
  key: string,
  build: (database: Database) => Promise<T>,
): Promise<{ database: Database; meta: T }> {
  const file = path.join(cacheFolder(), `pglite-${key}.tar`);
  const metaFile = `${file}.json`;
  const cached = async () => ({
    database: await loadPglite(file),
    meta: JSON.parse(readFileSync(metaFile, 'utf8')) as T,
  });
  if (existsSync(metaFile)) return cached();
  return withFileLock(`pglite-${key}`, async () => {
    if (existsSync(metaFile)) return cached();
    const database = await migratedPglite(key);
    const meta = await build(database);
    await dumpPglite(database, file);
    writeFileSync(metaFile, JSON.stringify(meta ?? null));
    return { database, meta };
  });
}

/**
 * PGlite's template databases dropped from the migrated database every copy starts from. PGlite works in its
 * `postgres` database and never creates another, so `template0` and `template1` are never read; but each is a third
 * of the data directory's files, and every copy unpacks every file. Without them a copy opens with about a fifth less
 * CPU (0.47 s rather than 0.60 s for the migrated database, measured over 20 opens), on each of the suite's few
 * hundred opens. Each statement on its own: DROP DATABASE cannot run in a transaction. What the suites see (the `postgres` database: schema, rows, ids) is the same.
 */
const WITHOUT_TEMPLATE_DATABASES = [
  'ALTER DATABASE template0 IS_TEMPLATE false',
  'DROP DATABASE template0',
  'ALTER DATABASE template1 IS_TEMPLATE false',
  'DROP DATABASE template1',
  'CHECKPOINT',
];

/** A fresh, migrated in-memory PGlite: a copy of the one migrated database of this run. */
export async function migratedPglite(buildingKey?: string): Promise<Database> {
  const key = `migrated-${migrationsKey()}`;
  if (buildingKey === key) {
    const database = await openDatabase({});
    await database.migrate();
    for (const statement of WITHOUT_TEMPLATE_DATABASES) await database.exec(statement);
    return database;
  }
  return (await pgliteCopy(key, async () => null)).database;
}

// ——— PostgreSQL ———

function adminUrl(): string {
  const url = process.env.LANTERN_TEST_DATABASE_URL;
  if (!url) throw new Error('LANTERN_TEST_DATABASE_URL is not set');
  return url;
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Template names: lantern_tpl_<run>_<key> for a run's builds, lantern_tpl_<key> for the shared migrated one. */
export function templateName(key: string): string {
  const run = testRun();
  return `lantern_tpl_${run ? `${run}_` : ''}${key.replace(/[^a-z0-9]/g, '_')}`.slice(0, 63);
}

/**
 * Makes sure the template database `key` exists on the test server (building it under an advisory lock if no
 * process has yet) and returns its name and what `build` said about it (kept as the database's comment).
 */
export async function postgresTemplate<T>(
  key: string,
  build: (database: Database) => Promise<T>,
): Promise<{ template: string; meta: T }> {
  const template = templateName(key);
  const lockId = Number.parseInt(createHash('sha256').update(template).digest('hex').slice(0, 12), 16);
  const comment = (client: pg.Client) =>
    client.query<{ c: string | null }>(
      `select shobj_description(oid, 'pg_database') as c from pg_database where datname = $1`,
      [template],
    );
  const found = await withAdmin(comment);
  if (found.rows[0]) return { template, meta: JSON.parse(found.rows[0].c ?? 'null') as T };
  return withAdmin(async (admin) => {
    await admin.query('select pg_advisory_lock($1)', [lockId]);
    try {
      const again = await comment(admin);
      if (again.rows[0]) return { template, meta: JSON.parse(again.rows[0].c ?? 'null') as T };
      const building = `lantern_bld_${randomBytes(6).toString('hex')}`;
      await admin.query(`create database ${building}`);
      let meta: T;
      const database = await openDatabase({ url: databaseUrl(building) });
      try {
        await database.migrate();
        meta = await build(database);
      } finally {
        await database.close();
      }
      await admin.query(`comment on database ${building} is ${pg.escapeLiteral(JSON.stringify(meta ?? null))}`);
      await waitForNoConnections(admin, building);
      await admin.query(`alter database ${building} rename to ${template}`);
      return { template, meta };
    } finally {
      await admin.query('select pg_advisory_unlock($1)', [lockId]);
    }
  });
}

async function waitForNoConnections(admin: pg.Client, name: string): Promise<void> {
  for (let wait = 0; wait < 100; wait++) {
    const { rows } = await admin.query<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = $1`,
      [name],
    );
    if (Number(rows[0]?.n ?? 0) === 0) return;
    await sleep(100);
  }
}

/** A new database on the test server copied from a template; its URL and name. */
export async function postgresCopy(template: string): Promise<{ url: string; name: string }> {
  const name = `lantern_test_${randomBytes(6).toString('hex')}`;
  await withAdmin(async (admin) => {
    // CREATE DATABASE … TEMPLATE refuses while another session is connected to the template; no test connects
    // to one, but a build that just finished may still be saying goodbye.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${template}`);
        return;
      } catch (e) {
        if (attempt >= 50 || !String(e).includes('being accessed by other users')) throw e;
        await sleep(200);
      }
    }
  });
  return { url: databaseUrl(name), name };
}
