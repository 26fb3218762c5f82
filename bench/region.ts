/**
 * Benchmark: a pooled region in one PostgreSQL database, as JSON lines (issue 17).
 *
 *   LANTERN_BENCH_DATABASE_URL=postgres://… tsx bench/region.ts [childPopulation] [authorities]
 *     (defaults: 300,000 children each, 10 authorities: 3 million children in all)
 *
 * 1. Two databases: `<name>_one` holds one synthetic authority (seed 1, code DEMO); `<name>` starts as a copy of it
 *    (CREATE DATABASE … TEMPLATE, a file copy) and gets the others generated into it, each from its own seed (2, 3,
 *    …; codes R02, R03, …), so they are ten different authorities, not one copied ten times. Each generation is
 *    timed. Databases that already exist are reused (set LANTERN_REGION_DATABASE to choose `<name>`, default
 *    lantern_region; they are kept for the next run unless LANTERN_REGION_DROP=1).
 * 2. Every indicator for the 72 complete months of every authority (`refreshMonthlyValues`): the one authority
 *    alone; then every authority of the region one after another in one process; then all at once (one process,
 *    one pool), wall time.
 * 3. Page latency for the first authority's pages, served by `lantern serve --demo` from each database in turn
 *    (alone, then in the region): a service-area dashboard, an indicator page, a child's record and the children
 *    list, 20 signed-in users, LANTERN_BENCH_REQUESTS (default 400) requests per page kind; LANTERN_REGION_ROUNDS
 *    (default 1) alternates alone and region that many times.
 * LANTERN_REGION_SKIP_INDICATORS=1 or LANTERN_REGION_SKIP_PAGES=1 leaves out step 2 or 3.
 * Run it on a quiet machine: building ten large authorities takes about a minute each.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/db/client';
import { rows } from '../src/db/query';
import { todayInLondon } from '../src/domain/today';
import { SERVICE_AREAS } from '../src/features/indicators/definition';
import { INDICATORS } from '../src/features/indicators/registry';
import { refreshMonthlyValues } from '../src/features/indicators/stored-values';
import { generateDemoAuthority } from '../src/synth/generate';
import { TestClient } from '../harness/client';
import { measureLatency, waitFor } from './support/latency';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const childPopulation = Number(process.argv[2] ?? 300_000);
const authorities = Number(process.argv[3] ?? 10);
const REQUESTS = Number(process.env.LANTERN_BENCH_REQUESTS ?? 400);
const USERS = 20;
const PORT = Number(process.env.LANTERN_BENCH_PORT ?? 3919);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password-123';
const NAME = process.env.LANTERN_REGION_DATABASE ?? 'lantern_region';
/** Rounds of page measurements, alone then in the region each time (alternating, as the machine's load drifts). */
const ROUNDS = Number(process.env.LANTERN_REGION_ROUNDS ?? 1);
const today = todayInLondon();

const adminUrl = process.env.LANTERN_BENCH_DATABASE_URL;
if (!adminUrl) {
  process.stderr.write(
    'bench/region.ts needs LANTERN_BENCH_DATABASE_URL (a PostgreSQL role that may create databases)\n',
  );
  process.exit(2);
}
if (!/^[a-z_][a-z0-9_]*$/.test(NAME)) throw new Error(`LANTERN_REGION_DATABASE must be a plain name: ${NAME}`);

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'region', childPopulation, authorities, ...o })}\n`);
}

function urlOf(database: string): string {
  const url = new URL(adminUrl as string);
  url.pathname = `/${database}`;
  return url.toString();
}

const seconds = (since: number): number => +((performance.now() - since) / 1000).toFixed(1);

async function withAdmin<T>(fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const exists = (name: string): Promise<boolean> =>
  withAdmin(
    async (admin) => ((await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount ?? 0) > 0,
  );

async function authorityIds(database: Database): Promise<number[]> {
  const found = await rows<{ id: number | string }>(database.db, sql`select id from authorities order by id`);
  return found.map((r) => Number(r.id));
}

async function generate(database: Database, seed: number, code: string): Promise<void> {
  const t0 = performance.now();
  const g = await generateDemoAuthority(database, { seed, childPopulation, years: 6, asAt: today, code });
  line({ step: 'generate', seed, code, children: g.children, seconds: seconds(t0) });
}

/** The two databases, built where missing. */
async function build(): Promise<void> {
  const one = `${NAME}_one`;
  if (!(await exists(one))) {
    await withAdmin((admin) => admin.query(`create database ${one}`));
    const database = await openDatabase({ url: urlOf(one) });
    await database.migrate();
    await generate(database, 1, 'DEMO');
    await database.close();
  }
  if (!(await exists(NAME))) {
    const t0 = performance.now();
    await withAdmin((admin) => admin.query(`create database ${NAME} template ${one}`));
    line({ step: 'copy-first-authority', seconds: seconds(t0) });
  }
  const database = await openDatabase({ url: urlOf(NAME) });
  try {
    await database.migrate();
    for (let seed = (await authorityIds(database)).length + 1; seed <= authorities; seed++) {
      await generate(database, seed, `R${String(seed).padStart(2, '0')}`);
    }
  } finally {
    await database.close();
  }
}

/** Every indicator for 72 months for each authority: one after another, then all at once. */
async function indicators(): Promise<void> {
  const alone = await openDatabase({ url: urlOf(`${NAME}_one`) });
  try {
    const [first] = await authorityIds(alone);
    if (first === undefined) throw new Error('no authority');
    const r = await refreshMonthlyValues(alone.db, first, today, { months: 72 });
    line({ step: 'indicators-alone', indicators: r.indicators, values: r.values, seconds: +r.seconds.toFixed(1) });
  } finally {
    await alone.close();
  }
  const region = await openDatabase({ url: urlOf(NAME) });
  try {
    const ids = await authorityIds(region);
    let t0 = performance.now();
    const each: number[] = [];
    for (const id of ids)
      each.push(+(await refreshMonthlyValues(region.db, id, today, { months: 72 })).seconds.toFixed(1));
    line({ step: 'indicators-region-one-by-one', authorities: ids.length, seconds: seconds(t0), each });
    t0 = performance.now();
    const together = await Promise.all(ids.map((id) => refreshMonthlyValues(region.db, id, today, { months: 72 })));
    line({
      step: 'indicators-region-all-at-once',
      authorities: ids.length,
      indicators: INDICATORS.length,
      values: together.reduce((n, r) => n + r.values, 0),
      seconds: seconds(t0),
    });
  } finally {
    await region.close();
  }
}

/** The first authority's pages under 20 users, served from one database. */
async function pages(database: string, label: string, round: number): Promise<void> {
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve', '--demo', '--port', String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: urlOf(database),
      LANTERN_DEMO_PASSWORD: PASSWORD,
      LANTERN_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/health`, 600_000);
    const roles = ['director', 'head-of-service', 'analyst', 'qa-auditor', 'admin'];
    const clients = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const c = new TestClient(BASE);
        await c.signIn(roles[i % roles.length] as string, PASSWORD);
        return c;
      }),
    );
    const [client] = clients;
    if (!client) throw new Error('no client signed in');
    const list = await client.get('/children?q=a');
    const ids = [...new Set([...list.text.matchAll(/\/children\/(L\d{7})/g)].map((m) => m[1] as string))];
    if (!ids.length) throw new Error('no children found to open');
    const kinds: Array<[string, (n: number) => string]> = [
      ['dashboard', (n) => `/performance/${SERVICE_AREAS[n % SERVICE_AREAS.length] as string}`],
      ['indicator', (n) => `/performance/indicators/${(INDICATORS[(n * 7) % INDICATORS.length] as { id: string }).id}`],
      ['child-record', (n) => `/children/${ids[n % ids.length] as string}`],
      ['children-list', (n) => `/children?q=${'abcdefghijklmnopqrstuvwxyz'[n % 26] as string}&page=${(n % 3) + 1}`],
    ];
    for (const [kind, urlFor] of kinds) {
      const { largestPage: _largest, ...figures } = await measureLatency(clients, REQUESTS, urlFor);
      line({ step: `latency-${kind}`, database: label, round, ...figures });
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

try {
  await build();
  if (process.env.LANTERN_REGION_SKIP_INDICATORS !== '1') await indicators();
  if (process.env.LANTERN_REGION_SKIP_PAGES !== '1') {
    for (let round = 1; round <= ROUNDS; round++) {
      await pages(`${NAME}_one`, 'alone', round);
      await pages(NAME, 'region', round);
    }
  }
} finally {
  if (process.env.LANTERN_REGION_DROP === '1') {
    await withAdmin(async (admin) => {
      await admin.query(`drop database if exists ${NAME} with (force)`);
      await admin.query(`drop database if exists ${NAME}_one with (force)`);
    });
  }
}
