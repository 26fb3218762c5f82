/**
 * Benchmark: generating the synthetic demo authority, as JSON lines (one per run).
 *
 *   tsx bench/demo-generation.ts [population …]
 *
 * Defaults to 99,000 children (the default borough) and 300,000, each into a fresh temporary PGlite folder
 * (removed afterwards), and into a fresh PostgreSQL database too when LANTERN_BENCH_DATABASE_URL points at a server
 * whose role may create databases. `seconds` is the whole of generateDemoAuthority (simulation and load in one
 * transaction); migrations are not counted. Other work on the machine slows it; run it on a quiet machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { generateDemoAuthority } from '../src/synth/generate';

const populations = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isFinite(n) && n > 0);
const sizes = populations.length > 0 ? populations : [99_000, 300_000];
const options = { seed: 1, years: 6, asAt: '2026-03-31' };

async function run(engine: 'pglite' | 'postgres', childPopulation: number, database: Database): Promise<void> {
  await database.migrate();
  const started = performance.now();
  const summary = await generateDemoAuthority(database, { ...options, childPopulation });
  const seconds = (performance.now() - started) / 1000;
  const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'demo-generation',
      engine,
      childPopulation,
      years: options.years,
      seconds: Math.round(seconds * 100) / 100,
      rows,
      rowsPerSecond: Math.round(rows / seconds),
      children: summary.children,
      rowsByTable: summary.rows,
    })}\n`,
  );
}

for (const size of sizes) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    await run('pglite', size, database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const url = process.env.LANTERN_BENCH_DATABASE_URL;
if (url) {
  for (const size of sizes) {
    const name = `lantern_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const target = new URL(url);
    target.pathname = `/${name}`;
    const database = await openDatabase({ url: target.toString() });
    try {
      await run('postgres', size, database);
    } finally {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    }
  }
}
