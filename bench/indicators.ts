/**
 * Benchmark: performance indicators and trackers for a large authority, as JSON lines.
 *
 *   tsx bench/indicators.ts [childPopulation]      (default 300,000: a large county's children)
 *
 * 1. Generate the synthetic authority (seed 1, six years to today) in a temporary PGlite folder.
 * 2. Compute every indicator for the 72 complete months to today and keep them (`refreshMonthlyValues`): total
 *    seconds and the five slowest indicators.
 * 3. Serve that folder (`lantern serve --demo`, which finds the authority and its kept values) and measure the
 *    median and 95th-percentile latency of a dashboard page (each service area in turn) and a tracker page (each
 *    team's due-and-overdue list in turn) under 20 concurrent signed-in users.
 * With LANTERN_BENCH_DATABASE_URL (a server whose role may create databases), step 2 is repeated on PostgreSQL.
 * Options: LANTERN_BENCH_REQUESTS (default 400 per page kind). Run it on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { todayInLondon } from '../src/domain/today';
import { computeIndicator } from '../src/features/indicators/engine';
import { INDICATORS } from '../src/features/indicators/registry';
import { completeMonths, refreshMonthlyValues } from '../src/features/indicators/stored-values';
import { ensureWorkingDayCalendar } from '../src/features/reference/calendar';
import { SERVICE_AREAS } from '../src/features/indicators/definition';
import { generateDemoAuthority } from '../src/synth/generate';
import { TestClient } from '../harness/client';
import { measureLatency, waitFor } from './support/latency';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const childPopulation = Number(process.argv[2] ?? 300_000);
const REQUESTS = Number(process.env.LANTERN_BENCH_REQUESTS ?? 400);
const USERS = 20;
const PORT = Number(process.env.LANTERN_BENCH_PORT ?? 3918);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password-123';
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-indicators-'));
const today = todayInLondon();

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'indicators', childPopulation, ...o })}\n`);
}

/** Every indicator over 72 months, timed one by one, then the kept-values refresh as a whole. */
async function computeAll(database: Database, authorityId: number, engine: string): Promise<void> {
  await ensureWorkingDayCalendar(database.db);
  const months = completeMonths(today, 72);
  const each: Array<{ id: string; seconds: number }> = [];
  for (const def of INDICATORS) {
    const t0 = performance.now();
    await computeIndicator(database.db, def, authorityId, months);
    each.push({ id: def.id, seconds: +((performance.now() - t0) / 1000).toFixed(2) });
  }
  each.sort((a, b) => b.seconds - a.seconds);
  const refresh = await refreshMonthlyValues(database.db, authorityId, today, { months: 72 });
  line({
    engine,
    step: 'compute-72-months',
    indicators: refresh.indicators,
    months: refresh.months,
    values: refresh.values,
    seconds: +refresh.seconds.toFixed(1),
    slowest: each.slice(0, 5),
  });
}

async function latency(clients: TestClient[], kind: string, urls: string[]): Promise<void> {
  const { largestPage: _largest, ...figures } = await measureLatency(clients, REQUESTS, urls);
  line({ step: `latency-${kind}`, ...figures });
}

try {
  const dataDir = path.join(work, 'pglite');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const t0 = performance.now();
  const demo = await generateDemoAuthority(database, { seed: 1, childPopulation, years: 6, asAt: today });
  line({ step: 'generate', seconds: +((performance.now() - t0) / 1000).toFixed(1), children: demo.children });
  await computeAll(database, demo.authorityId, 'pglite');
  await database.close();

  const adminUrl = process.env.LANTERN_BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `lantern_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const server = await openDatabase({ url: url.toString() });
      await server.migrate();
      const g = await generateDemoAuthority(server, { seed: 1, childPopulation, years: 6, asAt: today });
      await computeAll(server, g.authorityId, 'postgres');
      await server.close();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }

  // The pages, served from the PGlite folder.
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve', '--demo', '--port', String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: PASSWORD,
      LANTERN_LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/health`, 600_000);
    const clients = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const c = new TestClient(BASE);
        await c.signIn(['director', 'head-of-service', 'analyst', 'member'][i % 4] as string, PASSWORD);
        return c;
      }),
    );
    await latency(
      clients,
      'dashboard',
      SERVICE_AREAS.map((a) => `/performance/${a}`),
    );
    const managers = await Promise.all(
      Array.from({ length: USERS }, async () => {
        const c = new TestClient(BASE);
        await c.signIn('head-of-service', PASSWORD);
        return c;
      }),
    );
    const [manager] = managers;
    if (!manager) throw new Error('no team manager signed in');
    const trackers = await manager.get('/trackers');
    const teamLinks = [
      ...new Set(
        [...trackers.text.matchAll(/href="(\/trackers\/due[^"]*)"/g)].map((m) =>
          (m[1] as string).replace(/&amp;/g, '&'),
        ),
      ),
    ];
    await latency(managers, 'tracker', teamLinks.length ? teamLinks : ['/trackers/due']);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
