/**
 * Benchmarks of the running server, each against a real `lantern serve --demo` child process, on PGlite and (when
 * LANTERN_BENCH_DATABASE_URL points at a server whose role may create databases) on PostgreSQL, each engine in a new
 * data folder or database made for the run and removed after:
 *
 *   tsx bench/serve.ts [--engine=pglite|postgres|both] [--size=default|300000|both] [--mode=pages|import|both]
 *                      [--pages=team-tracker,child-record,…] [--import-children=100000] [--via=web|cli]
 *                      [--keep] [--data=<PGlite folder or PostgreSQL database built by an earlier --keep run>]
 *
 * For each engine and size (the default demo borough, and a 300,000-child authority built with
 * `--demo-population 300000`), one server is started on an empty database and the demo built in it once:
 *   1. time to first page: process start → GET /health 200 (for a new database, the demo's build) → GET /sign-in 200;
 *   2. (mode pages) page latency under 20 concurrent signed-in demo users, at least 400 requests per page kind
 *      (LANTERN_BENCH_REQUESTS raises it): a team's tracker (the team manager), the authority-wide tracker (head of
 *      service), a service-area dashboard, an indicator page, a child's record, the children list, the moderation
 *      queue and the audit list;
 *   3. (mode import) page latency while a large CIN census is imported: the demo's own 2025/26 census downloaded from
 *      the server and made `--import-children` children long (bench/support/scale-returns.ts), uploaded by the
 *      analyst through /data/imports (or, on PostgreSQL with --via=cli, imported by `lantern import` against the same
 *      database), while four users keep asking for /data/imports, /reports, /children and a tracker. Reports the
 *      pages' median, p95 and max before and during the import, and the import's own time (upload to finished,
 *      indicators included). Last, as it adds the census's children to the authority.
 * Prints JSON lines on stdout and a table at the end on stderr. The machine's load average is in every line: timings
 * on a shared machine are approximate.
 */
import { spawn } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_AREAS } from '../src/features/indicators/definition';
import { INDICATORS } from '../src/features/indicators/registry';
import type { TestClient } from '../harness/client';
import { measureLatency, quantile } from './support/latency';
import { scaleCin } from './support/scale-returns';
import {
  benchDatabase,
  benchEngines,
  option,
  signedIn,
  startBenchServer,
  type BenchServer,
  type Engine,
} from './support/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const PORT = Number(process.env.LANTERN_BENCH_PORT ?? 3917);
const REQUESTS = Math.max(400, Number(process.env.LANTERN_BENCH_REQUESTS ?? 400));
const USERS = 20;
const LARGE = 300_000;
const sizeOption = option(args, 'size') ?? 'both';
const sizes: Array<number | null> = (sizeOption === 'both' ? ['default', String(LARGE)] : sizeOption.split(',')).map(
  (s) => (s === 'default' ? null : Number(s)),
);
const mode = option(args, 'mode') ?? 'both';
const onlyPages = option(args, 'pages')?.split(',');
const importChildren = Number(option(args, 'import-children') ?? 100_000);
const via = option(args, 'via') ?? 'web';
const keep = args.includes('--keep');
const existing = option(args, 'data');
const engines = benchEngines(option(args, 'engine'));
if (existing && (engines.length !== 1 || sizes.length !== 1))
  throw new Error('--data= serves one database: give --engine= and --size= too');
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-serve-'));

interface Row {
  engine: Engine;
  size: string;
  page: string;
  requests: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}
const rows: Row[] = [];

function load(): number {
  return +(os.loadavg()[0] ?? 0).toFixed(2);
}

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'serve', ...o, loadAverage: load() })}\n`);
}

/** Lantern IDs of children on a list page. */
function childIds(html: string): string[] {
  return [...new Set([...html.matchAll(/\/children\/(L\d{7})/g)].map((m) => m[1] as string))];
}

/** The page kinds: who asks, and which URLs in turn. */
async function pageKinds(base: string): Promise<Array<{ kind: string; roles: string[]; urls: (n: number) => string }>> {
  const [probe] = await signedIn(base, ['head-of-service'], 1);
  if (!probe) throw new Error('no user signed in');
  const ids = childIds((await probe.get('/children?q=a')).text);
  if (!ids.length) throw new Error('no children found to open');
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const due = ['/trackers/due', '/trackers/due?status=overdue', '/trackers/due?status=due'];
  const cycle = (urls: readonly string[]) => (n: number) => urls[n % urls.length] as string;
  return [
    { kind: 'team-tracker', roles: ['team-manager'], urls: cycle(due) },
    { kind: 'authority-tracker', roles: ['head-of-service'], urls: cycle(due) },
    {
      kind: 'dashboard',
      roles: ['director', 'head-of-service', 'analyst', 'member'],
      urls: cycle(SERVICE_AREAS.map((a) => `/performance/${a}`)),
    },
    {
      kind: 'indicator',
      roles: ['director', 'head-of-service', 'analyst', 'member'],
      urls: cycle(INDICATORS.map((d) => `/performance/indicators/${d.id}`)),
    },
    {
      kind: 'child-record',
      roles: ['director', 'head-of-service', 'analyst', 'qa-auditor', 'admin'],
      urls: cycle(ids.map((id) => `/children/${id}`)),
    },
    {
      kind: 'children-list',
      roles: ['director', 'head-of-service', 'analyst', 'qa-auditor', 'admin'],
      urls: (n: number) => `/children?q=${letters[n % 26]}&page=${(n % 3) + 1}`,
    },
    { kind: 'moderation-queue', roles: ['head-of-service', 'qa-auditor'], urls: cycle(['/quality/moderation']) },
    { kind: 'audit-list', roles: ['head-of-service', 'qa-auditor'], urls: cycle(['/quality/audits']) },
  ].filter((k) => !onlyPages || onlyPages.includes(k.kind));
}

async function pages(engine: Engine, size: string, server: BenchServer): Promise<void> {
  for (const { kind, roles, urls } of await pageKinds(server.base)) {
    const clients = await signedIn(server.base, roles, USERS);
    const { largestPage: _largest, ...figures } = await measureLatency(clients, REQUESTS, urls);
    line({ bench: `latency-${kind}`, engine, size, ...figures });
    rows.push({ engine, size, page: kind, ...figures });
  }
}

/** Latency of each page kind among `times` (ms), as a row. */
function figures(times: number[]): { requests: number; medianMs: number; p95Ms: number; maxMs: number } {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    medianMs: +quantile(sorted, 0.5).toFixed(1),
    p95Ms: +quantile(sorted, 0.95).toFixed(1),
    maxMs: +(sorted.at(-1) ?? 0).toFixed(1),
  };
}

/** One answer: when it was asked for (ms since the bench started) and how long it took. */
interface Sample {
  at: number;
  ms: number;
}

/** Readers asking for their page in a loop until `until` settles; each page's answers. */
async function readers(base: string, until: Promise<unknown>): Promise<Map<string, Sample[]>> {
  const who: Array<[string, string]> = [
    ['/data/imports', 'analyst'],
    ['/reports', 'analyst'],
    ['/children?q=a', 'head-of-service'],
    ['/trackers/due', 'head-of-service'],
  ];
  const samples = new Map<string, Sample[]>(who.map(([url]) => [url, []]));
  let done = false;
  void until.finally(() => {
    done = true;
  });
  await Promise.all(
    who.map(async ([url, role]) => {
      const [c] = await signedIn(base, [role], 1);
      if (!c) throw new Error('no user signed in');
      while (!done) {
        const t0 = performance.now();
        // A connection reset on a busy machine is said and counted as the time it took, not the end of the run.
        const r = await c.get(url).catch((e: unknown) => {
          process.stderr.write(`${url}: ${(e as Error).message}\n`);
          return null;
        });
        if (r && r.status !== 200) throw new Error(`${url} answered ${r.status}`);
        samples.get(url)?.push({ at: t0, ms: performance.now() - t0 });
      }
    }),
  );
  return samples;
}

/** The import's stages as its job page showed them: each stage's first word and when it was first seen. */
type Stages = Array<{ stage: string; at: number }>;

/**
 * POSTs `file` to the upload form as a browser would (multipart, the CSRF token its first field), streamed from disk
 * with node:http: fetch gives up on an answer after 300 s, and a busy machine can take longer to receive 100 MB.
 */
function upload(client: TestClient, base: string, file: string): Promise<{ status: number; location: string | null }> {
  const boundary = `lantern-bench-${Date.now()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${client.csrfToken ?? ''}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${path.basename(file)}"\r\n` +
      'Content-Type: application/xml\r\n\r\n',
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const url = new URL('/data/imports', base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: {
          cookie: client.cookieHeader(),
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': head.length + statSync(file).size + tail.length,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? null });
        });
      },
    );
    req.on('error', reject);
    req.write(head);
    const stream = createReadStream(file);
    stream.on('error', reject);
    stream.on('end', () => req.end(tail));
    stream.pipe(req, { end: false });
  });
}

/**
 * Uploads `file` to the demo authority's import page as the analyst, before the readers start: without a worker,
 * PGlite's queries for four busy readers held the server's thread so long that the upload itself crawled (a 57 MB
 * census was not received in Node's 300 s request timeout). Answers the job page and when the upload began.
 */
async function uploadImport(base: string, file: string): Promise<{ analyst: TestClient; job: string; t0: number }> {
  const [analyst] = await signedIn(base, ['analyst'], 1);
  if (!analyst) throw new Error('no analyst signed in');
  await analyst.get('/data/imports');
  const t0 = performance.now();
  const posted = await upload(analyst, base, file);
  if (posted.status !== 303 || !posted.location) throw new Error(`the upload answered ${posted.status}`);
  return { analyst, job: posted.location, t0 };
}

/** Follows an import's job page until it is done, noting each stage it shows; the seconds since the upload began. */
async function importDone(
  { analyst, job, t0 }: { analyst: TestClient; job: string; t0: number },
  stages: Stages,
): Promise<{ seconds: number; outcome: string }> {
  for (;;) {
    const page = await analyst.get(job);
    const stage = /id="import-stage"[^>]*>\s*(\w+)/.exec(page.text)?.[1];
    if (stage && stages.at(-1)?.stage !== stage) stages.push({ stage, at: performance.now() });
    if (!/<h1[^>]*>\s*Importing\s*</.test(page.text)) {
      const seconds = +((performance.now() - t0) / 1000).toFixed(1);
      const accepted = /accepted/i.test(page.text) ? 'accepted' : 'see the job page';
      return { seconds, outcome: /<h1[^>]*>\s*Import finished/.test(page.text) ? accepted : 'failed' };
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Imports `file` with `lantern import` in its own process against the same (PostgreSQL) database. */
function importByCli(env: NodeJS.ProcessEnv, file: string): Promise<{ seconds: number; outcome: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/lantern.mjs', 'import', file], {
      cwd: root,
      env: { ...process.env, ...env, LANTERN_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      resolve({
        seconds: +((performance.now() - t0) / 1000).toFixed(1),
        outcome: code === 0 ? 'accepted' : `exit ${code}`,
      });
    });
  });
}

async function duringImport(engine: Engine, size: string, server: BenchServer, env: NodeJS.ProcessEnv): Promise<void> {
  const [analyst] = await signedIn(server.base, ['analyst'], 1);
  if (!analyst) throw new Error('no analyst signed in');
  const census = await analyst.download('/data/exports/cin?year=2026');
  if (census.status !== 200) throw new Error(`the CIN census export answered ${census.status}`);
  const demoCin = path.join(work, 'demo-cin.xml');
  writeFileSync(demoCin, census.body);
  const file = path.join(work, `cin-${importChildren}.xml`);
  scaleCin(demoCin, file, importChildren);

  // Before: the same readers for ten seconds with nothing else running.
  const before = await readers(server.base, new Promise((r) => setTimeout(r, 10_000)));
  const stages: Stages = [{ stage: 'Uploading', at: performance.now() }];
  let started: Promise<{ seconds: number; outcome: string }>;
  if (via === 'cli' && engine === 'postgres') started = importByCli(env, file);
  else {
    const uploaded = await uploadImport(server.base, file);
    stages.push({ stage: 'Uploaded', at: performance.now() });
    started = importDone(uploaded, stages);
  }
  // The readers stop when the import ends, however it ends; a failed import fails the benchmark after them.
  const during = await readers(
    server.base,
    started.catch(() => undefined),
  );
  const imported = await started;
  line({
    bench: 'import-cin',
    engine,
    size,
    via,
    children: importChildren,
    ...imported,
    stages: stages.map((s, i) => ({
      stage: s.stage,
      seconds: +(((stages[i + 1]?.at ?? performance.now()) - s.at) / 1000).toFixed(1),
    })),
  });
  for (const [url, samples] of during) {
    const idle = figures((before.get(url) ?? []).map((s) => s.ms));
    const busy = figures(samples.map((s) => s.ms));
    // The same answers by the import's stage when they were asked for.
    const byStage = Object.fromEntries(
      stages.map((s, i) => [
        s.stage,
        figures(samples.filter((x) => x.at >= s.at && x.at < (stages[i + 1]?.at ?? Infinity)).map((x) => x.ms)),
      ]),
    );
    line({ bench: 'latency-during-import', engine, size, via, page: url, before: idle, during: busy, byStage });
    rows.push({ engine, size, page: `${url} during import (idle p95 ${idle.p95Ms})`, ...busy });
  }
  rows.push({
    engine,
    size,
    page: `import of ${importChildren / 1000}k-child CIN census (${via}), ${imported.outcome}`,
    requests: 1,
    medianMs: imported.seconds * 1000,
    p95Ms: imported.seconds * 1000,
    maxMs: imported.seconds * 1000,
  });
}

function table(): string {
  const head = ['engine', 'size', 'page', 'requests', 'median ms', 'p95 ms', 'max ms'];
  const body = rows.map((r) => [
    r.engine,
    r.size,
    r.page,
    String(r.requests),
    String(r.medianMs),
    String(r.p95Ms),
    String(r.maxMs),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ');
  return [fmt(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(fmt), ''].join('\n');
}

try {
  for (const engine of engines) {
    for (const population of sizes) {
      const size = population === null ? 'default' : `${population / 1000}k`;
      // A database built by an earlier --keep run is served as it is, or copied when the import would change it.
      const source = existing ? await benchDatabase(engine, work, { existing }) : null;
      const database = source
        ? mode === 'pages'
          ? source
          : await benchDatabase(engine, work, { copyOf: source })
        : await benchDatabase(engine, keep ? mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-kept-')) : work, {
            keep,
          });
      try {
        const server = await startBenchServer(database, { port: PORT, population: population ?? undefined });
        try {
          line({
            bench: 'time-to-first-page',
            engine,
            size,
            newDatabase: !source,
            healthSeconds: server.healthSeconds,
            firstPageSeconds: server.firstPageSeconds,
          });
          if (mode !== 'import') await pages(engine, size, server);
          if (mode !== 'pages') await duringImport(engine, size, server, database.env);
        } finally {
          await server.stop();
        }
        if (keep && !source) process.stderr.write(`kept ${engine} ${size}: --data=${database.location}\n`);
      } finally {
        await database.drop();
      }
    }
  }
  process.stderr.write(`\n${table()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
