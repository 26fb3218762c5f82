/**
 * Benchmark: the SSDA903 and the CIN census imported at several sizes, phase by phase (issue 16): reading and
 * validating, writing, and recomputing the indicators, each with its wall time, CPU seconds and peak memory, so that
 * one can see each phase grow no faster than the data (the 100k/10k ratio of a linear phase is about 10).
 *
 *   tsx bench/import-phases.ts [children …] [--only=903|cin] [--engine=pglite|postgres] [--again] [--after-other]
 *                                 (default 10,000 and 100,000; both formats; every engine there is)
 *
 * 1. Generate the demo authority (seed 1, six years to 31 March 2026, a population of 30,000 children) and export
 *    its 2025/26 SSDA903 and CIN census.
 * 2. Make each return `children` children long by repeating the demo's children under new IDs and UPNs
 *    (bench/support/scale-returns.ts).
 * 3. Import each into an empty authority in an empty database, in its own process (bench/import-one.ts), as the
 *    CLI does (the indicators recomputed after): into PGlite, and into PostgreSQL too when
 *    LANTERN_BENCH_DATABASE_URL points at a server whose role may create databases. On PostgreSQL the CPU seconds
 *    are Lantern's process only (the server's are not counted); on PGlite they include the database's.
 * 4. With --again, import into the same database twice more: the same files (unchanged: nothing is written), then the
 *    same files under other names (read and written again, every row the same), each reported as its own import
 *    ("again" and "renamed"), to show what an import that changes nothing costs.
 * 5. With --after-other, also import each return into a database that already holds the other return of the same
 *    size ("after cin" / "after 903"), as an authority that loads both does: only the indicators whose tables the
 *    second import changed are recomputed.
 *
 * Prints a JSON line per import on stdout, and a table per format and engine on stderr (so that stdout stays JSON
 * lines). Run it on a quiet machine: other work slows it.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDatabase } from '../src/db/client';
import { exportCinCensus } from '../src/features/exports/cin/index';
import { exportSsda903 } from '../src/features/exports/ssda903/index';
import { generateDemoAuthority } from '../src/synth/generate';
import { scale903, scaleCin } from './support/scale-returns';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..');
const args = process.argv.slice(2);
const sizes = args.filter((a) => !a.startsWith('--')).map(Number);
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const onlyEngine = args.find((a) => a.startsWith('--engine='))?.slice('--engine='.length);
const again = args.includes('--again');
const afterOther = args.includes('--after-other');
const YEAR = 2026;
const DEMO_POPULATION = 30_000;
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-phases-'));

interface PhaseFigures {
  phase: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
}
interface Result {
  format: string;
  /** Which import into the database: the first, the same files again, or the same files renamed (--again). */
  run: string;
  engine: string;
  children: number;
  seconds: number;
  cpuSeconds: number;
  maxRssMb: number;
  status: string;
  /** Indicators recomputed after the import. */
  indicatorsRecomputed: number;
  phases: PhaseFigures[];
}

/** An empty database for one import: a PGlite folder, or a new PostgreSQL database (and how to drop it). */
async function emptyDatabase(engine: string): Promise<{ env: NodeJS.ProcessEnv; drop: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = path.join(work, `db-${randomBytes(4).toString('hex')}`);
    return {
      env: { ...process.env, LANTERN_DATA_DIR: dir, DATABASE_URL: '' },
      drop: () => {
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    };
  }
  const adminUrl = process.env.LANTERN_BENCH_DATABASE_URL as string;
  const name = `lantern_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { ...process.env, DATABASE_URL: url.toString() },
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Imports each set of paths in turn into one empty database: a result for each. */
async function importInto(
  engine: string,
  runs: ReadonlyArray<{ run: string; paths: string[] }>,
): Promise<Array<Omit<Result, 'format' | 'children'>>> {
  const target = await emptyDatabase(engine);
  try {
    const env = { ...target.env, LANTERN_LOG_LEVEL: 'silent' };
    const created = spawnSync(
      process.execPath,
      ['bin/lantern.mjs', 'authority', 'create', '--code', 'BEN', '--name', 'Bench Borough'],
      { cwd: root, env, encoding: 'utf8' },
    );
    if (created.status !== 0) throw new Error(created.stderr);
    const results: Array<Omit<Result, 'format' | 'children'>> = [];
    for (const { run, paths } of runs) results.push({ run, ...importOne(env, engine, paths) });
    return results;
  } finally {
    await target.drop();
  }
}

/** One import in its own process (bench/import-one.ts). */
function importOne(
  env: NodeJS.ProcessEnv,
  engine: string,
  paths: string[],
): Omit<Result, 'format' | 'children' | 'run'> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'import-one.ts'), 'BEN', ...paths], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`import failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Omit<Result, 'format' | 'children'> & {
    batches: Array<{ status: string; errors: number }>;
    firstErrors: unknown[];
  };
  const status = out.batches.map((b) => `${b.status}${b.errors ? ` (${b.errors} errors)` : ''}`).join(', ');
  if (out.firstErrors.length) process.stderr.write(`first errors: ${JSON.stringify(out.firstErrors)}\n`);
  return {
    engine,
    seconds: out.seconds,
    cpuSeconds: out.cpuSeconds,
    maxRssMb: out.maxRssMb,
    status,
    indicatorsRecomputed: out.indicatorsRecomputed,
    phases: out.phases,
  };
}

/** One table per format and engine: a row per phase, a column group per size, and the ratio of the largest to the smallest. */
function table(results: Result[]): string {
  const lines: string[] = [];
  const keys = [...new Set(results.map((r) => `${r.format}\u0000${r.engine}\u0000${r.run}`))];
  for (const key of keys) {
    const [format, engine, run] = key.split('\u0000') as [string, string, string];
    const rows = results.filter((r) => r.format === format && r.engine === engine && r.run === run);
    const small = rows[0] as Result;
    const large = rows[rows.length - 1] as Result;
    const ratio = (a: number, b: number) => (b > 0 ? (a / b).toFixed(1) : '-');
    const head = ['phase', ...rows.map((r) => `${r.children / 1000}k: wall s  CPU s  peak MB`)];
    if (rows.length > 1) head.push(`ratio ${large.children / 1000}k/${small.children / 1000}k: CPU  peak`);
    const body = [...small.phases.map((p) => p.phase), 'whole import'].map((phase) => {
      const of = (r: Result) =>
        phase === 'whole import'
          ? { seconds: r.seconds, cpuSeconds: r.cpuSeconds, peakRssMb: r.maxRssMb }
          : (r.phases.find((p) => p.phase === phase) ?? { seconds: 0, cpuSeconds: 0, peakRssMb: 0 });
      const cells = [phase, ...rows.map((r) => `${of(r).seconds}  ${of(r).cpuSeconds}  ${of(r).peakRssMb}`)];
      if (rows.length > 1)
        cells.push(
          `${ratio(of(large).cpuSeconds, of(small).cpuSeconds)}  ${ratio(of(large).peakRssMb, of(small).peakRssMb)}`,
        );
      return cells;
    });
    const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
    const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
    lines.push(
      `${format} on ${engine}${run === 'first' ? '' : `, ${run}`} (${rows.map((r) => `${r.children / 1000}k: ${r.status}, ${r.indicatorsRecomputed} indicators recomputed`).join('; ')})`,
      fmt(head),
      widths.map((w) => '-'.repeat(w)).join('-|-'),
      ...body.map(fmt),
      '',
    );
  }
  return lines.join('\n');
}

/** A copy of a file, or of a folder's files, under other names (so that its digest differs, its content not). */
function renamedCopy(file: string): string {
  const copy = `${file}-renamed${path.extname(file)}`;
  if (statSync(file).isDirectory()) {
    mkdirSync(copy);
    for (const name of readdirSync(file)) copyFileSync(path.join(file, name), path.join(copy, `renamed-${name}`));
  } else copyFileSync(file, copy);
  return copy;
}

try {
  const source = await openDatabase({ dataDir: path.join(work, 'source') });
  await source.migrate();
  const demo = await generateDemoAuthority(source, {
    seed: 1,
    childPopulation: DEMO_POPULATION,
    years: 6,
    asAt: `${YEAR}-03-31`,
  });
  const demo903 = path.join(work, 'demo-903');
  mkdirSync(demo903);
  await exportSsda903(source.db, demo.authorityId, { year: YEAR }, demo903);
  const demoCin = path.join(work, 'demo-cin.xml');
  await exportCinCensus(source.db, demo.authorityId, { year: YEAR }, demoCin);
  await source.close();

  const engines = ['pglite', ...(process.env.LANTERN_BENCH_DATABASE_URL ? ['postgres'] : [])].filter(
    (e) => !onlyEngine || e === onlyEngine,
  );
  const results: Result[] = [];
  for (const format of (['903', 'cin'] as const).filter((f) => !only || f === only)) {
    for (const children of sizes.length > 0 ? sizes : [10_000, 100_000]) {
      let file: string;
      let demoChildren: number;
      if (format === '903') {
        file = path.join(work, `903-${children}`);
        mkdirSync(file);
        ({ demoChildren } = scale903(demo903, file, children));
      } else {
        file = path.join(work, `cin-${children}.xml`);
        ({ demoChildren } = scaleCin(demoCin, file, children));
      }
      const runs = [{ run: 'first', paths: [file] }];
      if (again) runs.push({ run: 'again', paths: [file] }, { run: 'renamed', paths: [renamedCopy(file)] });
      const sequences = [runs];
      let other: string | null = null;
      if (afterOther) {
        other = path.join(work, `other-${format}-${children}${format === '903' ? '.xml' : ''}`);
        if (format === '903') scaleCin(demoCin, other, children);
        else {
          mkdirSync(other);
          scale903(demo903, other, children);
        }
        const otherName = format === '903' ? 'cin' : '903';
        sequences.push([
          { run: `${otherName} first`, paths: [other] },
          { run: `after ${otherName}`, paths: [file] },
        ]);
      }
      for (const engine of engines) {
        for (const sequence of sequences) {
          for (const imported of await importInto(engine, sequence)) {
            const result = { format, children, ...imported };
            results.push(result);
            process.stdout.write(
              `${JSON.stringify({ benchmark: 'import-phases', year: YEAR, demoPopulation: DEMO_POPULATION, demoChildren, ...result })}\n`,
            );
          }
        }
      }
      for (const { paths } of runs) for (const p of paths) rmSync(p, { recursive: true, force: true });
      if (other) rmSync(other, { recursive: true, force: true });
    }
  }
  process.stderr.write(`\n${table(results)}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
