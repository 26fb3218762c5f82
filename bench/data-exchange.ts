/**
 * Benchmark: data in and out for a large authority's six years, as JSON lines.
 *
 *   tsx bench/data-exchange.ts [childPopulation]      (default 300,000: a large county's children)
 *
 * 1. Generate the synthetic authority (seed 1, six years to 31 March 2026) in a temporary PGlite folder.
 * 2. Export it: the SSD extract (all six years), the SSDA903 and CIN census for each collection year Lantern
 *    reads within the history (2022/23 to 2025/26), and Annex A as at 31 March 2026 — each format and year on a
 *    line of its own with its wall time, CPU time (PGlite's work included, as it runs in this process) and the
 *    process's peak memory so far.
 * 3. Import each into an empty database, each import in its own process (bench/import-one.ts) so that its peak
 *    resident memory (maxRSS) is its own: into PGlite, and into PostgreSQL too when LANTERN_BENCH_DATABASE_URL
 *    points at a server whose role may create databases. The SSD extract goes first, so each return after it is
 *    merged into an authority already holding six years (decision 0024: its events match those the extract
 *    gave); then the latest 903 and CIN census again into an empty authority, for the cost of the merge beside it.
 * Run it on a quiet machine: other work slows it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client';
import { exportAnnexA } from '../src/features/exports/annex-a/index';
import { exportCinCensus } from '../src/features/exports/cin/index';
import { exportSsd } from '../src/features/exports/ssd/index';
import { exportSsda903 } from '../src/features/exports/ssda903/index';
import { generateDemoAuthority } from '../src/synth/generate';

const here = path.dirname(fileURLToPath(import.meta.url));
const childPopulation = Number(process.argv[2] ?? 300_000);
const YEARS = [2023, 2024, 2025, 2026];
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-data-'));

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'data-exchange', childPopulation, ...o })}\n`);
}
function bytesOf(p: string): number {
  const s = statSync(p);
  return s.isDirectory() ? readdirSync(p).reduce((n, f) => n + bytesOf(path.join(p, f)), 0) : s.size;
}
async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await fn();
  return [result, Math.round((performance.now() - started) / 10) / 100];
}
/** An export's wall time, this process's CPU time (on PGlite the database's too) and the peak resident memory so far. */
async function timedExport<T>(
  fn: () => Promise<T>,
): Promise<[T, { seconds: number; cpuSeconds: number; maxRssMb: number }]> {
  const cpu = process.cpuUsage();
  const [result, seconds] = await timed(fn);
  const used = process.cpuUsage(cpu);
  return [
    result,
    {
      seconds,
      cpuSeconds: Math.round((used.user + used.system) / 1e4) / 100,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    },
  ];
}

try {
  const source = await openDatabase({ dataDir: path.join(work, 'source') });
  await source.migrate();
  const [demo, genSeconds] = await timed(() =>
    generateDemoAuthority(source, { seed: 1, childPopulation, years: 6, asAt: '2026-03-31' }),
  );
  line({ step: 'generate', seconds: genSeconds, children: demo.children });

  const files: Array<{ label: string; paths: string[] }> = [];
  const ssdDir = path.join(work, 'ssd');
  mkdirSync(ssdDir);
  const [, ssdTimes] = await timedExport(() => exportSsd(source.db, demo.authorityId, ssdDir));
  line({ step: 'export', format: 'ssd', ...ssdTimes, megabytes: Math.round(bytesOf(ssdDir) / 1e5) / 10 });
  files.push({ label: 'ssd', paths: [ssdDir] });
  for (const year of YEARS) {
    const dir = path.join(work, `903-${year}`);
    mkdirSync(dir);
    const [, t903] = await timedExport(() => exportSsda903(source.db, demo.authorityId, { year }, dir));
    line({ step: 'export', format: '903', year, ...t903, megabytes: Math.round(bytesOf(dir) / 1e5) / 10 });
    files.push({ label: `903 ${year}`, paths: [dir] });
  }
  for (const year of YEARS) {
    const file = path.join(work, `cin-${year}.xml`);
    const [, tCin] = await timedExport(() => exportCinCensus(source.db, demo.authorityId, { year }, file));
    line({ step: 'export', format: 'cin', year, ...tCin, megabytes: Math.round(bytesOf(file) / 1e5) / 10 });
    files.push({ label: `cin ${year}`, paths: [file] });
  }
  const annex = path.join(work, 'annex-a.xlsx');
  const [lists, annexTimes] = await timedExport(() =>
    exportAnnexA(source.db, demo.authorityId, { asAt: '2026-03-31' }, annex),
  );
  line({
    step: 'export',
    format: 'annex-a',
    asAt: '2026-03-31',
    ...annexTimes,
    megabytes: Math.round(bytesOf(annex) / 1e5) / 10,
    rows: lists.lists.reduce((n, l) => n + l.rows, 0),
  });
  await source.close();

  const targets: Array<{ engine: string; env: NodeJS.ProcessEnv; drop?: () => Promise<void> }> = [
    { engine: 'pglite', env: { ...process.env, LANTERN_DATA_DIR: path.join(work, 'target'), DATABASE_URL: '' } },
  ];
  const adminUrl = process.env.LANTERN_BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `lantern_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    targets.push({
      engine: 'postgres',
      env: { ...process.env, DATABASE_URL: url.toString() },
      drop: async () => {
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    });
  }
  for (const target of targets) {
    const env = { ...target.env, LANTERN_LOG_LEVEL: 'silent' };
    const created = spawnSync(
      process.execPath,
      ['bin/lantern.mjs', 'authority', 'create', '--code', 'BEN', '--name', 'Bench Borough'],
      { cwd: path.join(here, '..'), env, encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(created.stderr);
    const importOne = (code: string, f: { label: string; paths: string[] }, into: string) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'import-one.ts'), code, ...f.paths], {
        cwd: path.join(here, '..'),
        env,
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (r.status !== 0) throw new Error(`import of ${f.label} failed: ${r.stderr}`);
      line({
        step: 'import',
        engine: target.engine,
        what: f.label,
        into,
        ...(JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Record<string, unknown>),
      });
    };
    for (const f of files) importOne('BEN', f, f.label === 'ssd' ? 'empty authority' : 'authority holding the extract');
    // The latest 903 and CIN census into an empty authority, beside their merge above.
    const empty = spawnSync(
      process.execPath,
      ['bin/lantern.mjs', 'authority', 'create', '--code', 'EMP', '--name', 'Empty Borough'],
      { cwd: path.join(here, '..'), env, encoding: 'utf8' },
    );
    if (empty.status !== 0) throw new Error(empty.stderr);
    const latest = YEARS[YEARS.length - 1];
    for (const f of files.filter((x) => x.label === `903 ${latest}` || x.label === `cin ${latest}`))
      importOne('EMP', f, 'empty authority');
    await target.drop?.();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
