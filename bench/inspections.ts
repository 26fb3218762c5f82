/**
 * Benchmark: inspections, the Ofsted report reader, the national picture and the improvement plan, as JSON lines.
 *
 *   tsx bench/inspections.ts [childPopulation]      (default 300,000: a large county's children)
 *
 * 1. The report reader: readReportText on the seed report (Ofsted's 2024 report on Barnet, ofsted-barnet-2024.txt) and
 *    on every other fixture in test/fixtures/ofsted-reports/ (median ms per report over many runs); readReportFile on the seed printed to PDF
 *    by Chromium (skipped, with a note, without /usr/bin/chromium or LANTERN_CHROMIUM).
 * 2. Ofsted's published outcomes: importReferenceFolder on the repository's reference-data/la-reference (the authority
 *    lookups the outcomes are resolved against) and then on …/ofsted-ilacs, into a fresh in-memory database.
 * 3. The synthetic authority (seed 1, six years to today) in a temporary PGlite folder: the seconds the inspection
 *    history, audits and improvement plan add (the generator's "inspections and audits" stage); then, with the
 *    reference data loaded and the indicators' monthly values kept (as `serve --demo` does), loadPlan and
 *    actionImpact for every action (median ms), and the XLSX and DOCX exports (ms, bytes).
 * 4. `lantern serve --demo` on that folder: median, p95 and max latency of /inspections, one graded inspection,
 *    /inspections/national, /improvement, each action's page in turn and /improvement/plan.xlsx under 20 concurrent
 *    signed-in users; then the QA pages (issue 6) as 20 heads of service: /quality, /quality/audits, the latest 50
 *    audits' pages in turn, /quality/actions (all and overdue), /quality/moderation and /quality/programmes.
 * Options: LANTERN_BENCH_REQUESTS (default 200 per page kind), LANTERN_BENCH_PORT. Run it on a quiet machine.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client';
import { rows } from '../src/db/query';
import { todayInLondon } from '../src/domain/today';
import { refreshMonthlyValues } from '../src/features/indicators/stored-values';
import { readReportFile, readReportText } from '../src/features/inspections/report-reader/index';
import { actionImpact } from '../src/features/improvement/impact';
import { loadPlan, planActions } from '../src/features/improvement/plan';
import { loadPlanExport } from '../src/features/improvement/export/content';
import { planDocument } from '../src/features/reports/downloads/plan-docx';
import { planWorkbook } from '../src/features/improvement/export/xlsx';
import { loadDemoReferenceData } from '../src/features/reference/demo';
import { importReferenceFolder, type ReferenceImportResult } from '../src/features/reference/import';
import { generateDemoAuthority } from '../src/synth/generate';
import { TestClient } from '../harness/client';
import { measureLatency, quantile, waitFor } from './support/latency';
import { reportPdf } from '../harness/report-pdf';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCE = path.join(root, 'reference-data');
const FIXTURES = path.join(root, 'test', 'fixtures', 'ofsted-reports');
const SEED = path.join(FIXTURES, 'ofsted-barnet-2024.txt');
const CHROMIUM = process.env.LANTERN_CHROMIUM ?? '/usr/bin/chromium';
const childPopulation = Number(process.argv[2] ?? 300_000);
const REQUESTS = Number(process.env.LANTERN_BENCH_REQUESTS ?? 200);
const USERS = 20;
const PORT = Number(process.env.LANTERN_BENCH_PORT ?? 3919);
const BASE = `http://127.0.0.1:${PORT}`;
const PASSWORD = 'bench-password-123';
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-inspections-'));
const today = todayInLondon();

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'inspections', ...o })}\n`);
}

const ms = (x: number) => +x.toFixed(2);

/** Runs `f` `runs` times (after one warm-up run) and gives the sorted times in ms. */
async function timed(runs: number, f: () => unknown): Promise<number[]> {
  await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

// ——— 1. The report reader ———

async function seedPdf(text: string): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  try {
    return await reportPdf(
      browser,
      text,
      "Inspection of Barnet local authority children's services 10 June 2024 – 14 June 2024",
    );
  } finally {
    await browser.close();
  }
}

async function reader(): Promise<void> {
  const reports = [
    { name: path.basename(SEED), text: readFileSync(SEED, 'utf8') },
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt') && f !== path.basename(SEED))
      .sort()
      .map((f) => ({ name: f, text: readFileSync(path.join(FIXTURES, f), 'utf8') })),
  ];
  const medians: number[] = [];
  for (const r of reports) {
    const read = readReportText(r.text);
    const times = await timed(200, () => readReportText(r.text));
    medians.push(quantile(times, 0.5));
    line({
      step: 'read-report-text',
      report: r.name,
      chars: r.text.length,
      kind: read.kind,
      paragraphs: read.paragraphs.length,
      judgements: read.judgements.length,
      recommendations: read.recommendations.length,
      warnings: read.warnings.length,
      runs: times.length,
      medianMs: ms(quantile(times, 0.5)),
      p95Ms: ms(quantile(times, 0.95)),
    });
  }
  medians.sort((a, b) => a - b);
  line({
    step: 'read-report-text-all',
    reports: reports.length,
    medianOfMediansMs: ms(quantile(medians, 0.5)),
    slowestMedianMs: ms(medians.at(-1) ?? NaN),
  });

  if (!existsSync(CHROMIUM)) {
    line({ step: 'read-report-file-pdf', skipped: `no Chromium at ${CHROMIUM} (set LANTERN_CHROMIUM)` });
    return;
  }
  const text = readFileSync(SEED, 'utf8');
  const bytes = await seedPdf(text);
  const fromPdf = await readReportFile(bytes, 'seed.pdf');
  const times = await timed(20, () => readReportFile(bytes, 'seed.pdf'));
  line({
    step: 'read-report-file-pdf',
    report: path.basename(SEED),
    pdfBytes: bytes.length,
    paragraphs: fromPdf.paragraphs.length,
    judgements: fromPdf.judgements.length,
    recommendations: fromPdf.recommendations.length,
    runs: times.length,
    medianMs: ms(quantile(times, 0.5)),
    p95Ms: ms(quantile(times, 0.95)),
  });
}

// ——— 2. Ofsted's published outcomes ———

function importLine(step: string, folder: string, r: ReferenceImportResult): void {
  line({
    step,
    folder,
    files: r.files.length,
    rows: r.files.reduce((n, f) => n + f.rows, 0),
    skippedRows: r.files.reduce((n, f) => n + (f.skipped ?? 0), 0),
    seconds: +r.seconds.toFixed(2),
    byFile: r.files.map((f) => ({ name: f.name, kind: f.kind, rows: f.rows })),
  });
}

async function outcomes(): Promise<void> {
  const database = await openDatabase({});
  try {
    await database.migrate();
    // The Ofsted tables are resolved against the authorities already known (GSS codes, names): the lookup first.
    importLine(
      'import-la-reference',
      'la-reference',
      await importReferenceFolder(database.db, path.join(REFERENCE, 'la-reference'), 'bench'),
    );
    importLine(
      'import-ofsted-outcomes',
      'ofsted-ilacs',
      await importReferenceFolder(database.db, path.join(REFERENCE, 'ofsted-ilacs'), 'bench'),
    );
    const [n] = await rows<{ n: number }>(database.db, sql`select count(*)::int as n from ofsted_outcomes`);
    line({ step: 'ofsted-outcomes-kept', rows: Number(n?.n) });
  } finally {
    await database.close();
  }
}

// ——— 4. The pages ———

async function latency(clients: TestClient[], kind: string, urls: readonly string[]): Promise<void> {
  const { largestPage, ...figures } = await measureLatency(clients, REQUESTS, urls);
  line({ step: `latency-${kind}`, childPopulation, ...figures, bytes: largestPage });
}

try {
  await reader();
  await outcomes();

  // ——— 3. A large authority ———
  const dataDir = path.join(work, 'pglite');
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const stages = new Map<string, number>();
  const t0 = performance.now();
  const demo = await generateDemoAuthority(database, {
    seed: 1,
    childPopulation,
    years: 6,
    asAt: today,
    onProgress: (p) => {
      if (p.stage === 'inspections and audits') stages.set(`${p.stage}:${p.done}`, performance.now());
    },
  });
  const historyStart = stages.get('inspections and audits:0') ?? NaN;
  const historyEnd = stages.get('inspections and audits:1') ?? NaN;
  line({
    step: 'generate',
    childPopulation,
    seconds: +((performance.now() - t0) / 1000).toFixed(1),
    historySeconds: +((historyEnd - historyStart) / 1000).toFixed(2),
    children: demo.children,
    inspections: demo.rows.inspections,
    caseAudits: demo.rows.case_audits,
    improvementActions: demo.rows.improvement_actions,
  });

  // As `serve --demo` does on first start: the published reference data and the indicators' kept monthly values.
  const r0 = performance.now();
  await loadDemoReferenceData(database.db, { LANTERN_REFERENCE_DIR: REFERENCE });
  const referenceSeconds = (performance.now() - r0) / 1000;
  const refresh = await refreshMonthlyValues(database.db, demo.authorityId, today);
  line({
    step: 'prepare',
    childPopulation,
    referenceSeconds: +referenceSeconds.toFixed(1),
    indicatorValues: refresh.values,
    indicatorSeconds: +refresh.seconds.toFixed(1),
  });

  const plan = await loadPlan(database.db, demo.authorityId, today);
  const actions = planActions(plan);
  const planTimes = await timed(30, () => loadPlan(database.db, demo.authorityId, today));
  line({
    step: 'load-plan',
    childPopulation,
    themes: plan.themes.length,
    actions: actions.length,
    runs: planTimes.length,
    medianMs: ms(quantile(planTimes, 0.5)),
    p95Ms: ms(quantile(planTimes, 0.95)),
  });

  const perAction: Array<{ reference: string; indicators: number; domains: number; medianMs: number }> = [];
  const all: number[] = [];
  for (const a of actions) {
    const times = await timed(5, () => actionImpact(database.db, demo.authorityId, a, today, 'staff'));
    all.push(...times);
    perAction.push({
      reference: a.reference,
      indicators: a.indicators.length,
      domains: a.domains.length,
      medianMs: ms(quantile(times, 0.5)),
    });
  }
  all.sort((x, y) => x - y);
  perAction.sort((x, y) => y.medianMs - x.medianMs);
  line({
    step: 'action-impact',
    childPopulation,
    actions: actions.length,
    runs: all.length,
    medianMs: ms(quantile(all, 0.5)),
    p95Ms: ms(quantile(all, 0.95)),
    maxMs: ms(all.at(-1) ?? NaN),
    slowest: perAction.slice(0, 3),
  });

  for (const format of ['xlsx', 'docx'] as const) {
    let size = 0;
    const times = await timed(5, async () => {
      const content = await loadPlanExport(database.db, demo.authorityId, today);
      size = (format === 'xlsx' ? await planWorkbook(content) : await planDocument(content)).length;
    });
    line({
      step: `export-${format}`,
      childPopulation,
      runs: times.length,
      medianMs: ms(quantile(times, 0.5)),
      maxMs: ms(times.at(-1) ?? NaN),
      bytes: size,
    });
  }

  const [graded] = await rows<{ id: number }>(
    database.db,
    sql`select i.id from inspections i where i.authority_id = ${demo.authorityId}
        and exists (select 1 from inspection_judgements j where j.inspection_id = i.id) order by i.start_date desc limit 1`,
  );
  if (!graded) throw new Error('the demo authority has no graded inspection');
  const actionIds = actions.map((a) => a.id);
  // Case audits to open (the QA pages): the latest 50 submitted.
  const audits = await rows<{ id: number }>(
    database.db,
    sql`select id from case_audits where authority_id = ${demo.authorityId} and submitted_on is not null order by submitted_on desc, id desc limit 50`,
  );
  await database.close();

  // ——— 4. The pages, served from the PGlite folder ———
  const s0 = performance.now();
  const child = spawn(process.execPath, ['bin/lantern.mjs', 'serve', '--demo', '--port', String(PORT)], {
    cwd: root,
    env: {
      ...process.env,
      LANTERN_DATA_DIR: dataDir,
      LANTERN_DEMO_PASSWORD: PASSWORD,
      LANTERN_LOG_LEVEL: 'warn',
      LANTERN_REFERENCE_DIR: REFERENCE,
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitFor(`${BASE}/health`, 600_000);
    line({ step: 'serve-ready', childPopulation, seconds: +((performance.now() - s0) / 1000).toFixed(1) });
    const roles = ['director', 'head-of-service', 'analyst', 'member', 'admin'];
    const clients = await Promise.all(
      Array.from({ length: USERS }, async (_, i) => {
        const c = new TestClient(BASE);
        await c.signIn(roles[i % roles.length] as string, PASSWORD);
        return c;
      }),
    );
    await latency(clients, 'inspections', ['/inspections']);
    await latency(clients, 'inspection', [`/inspections/${Number(graded.id)}`]);
    await latency(clients, 'national', ['/inspections/national']);
    await latency(clients, 'improvement-plan', ['/improvement']);
    await latency(
      clients,
      'improvement-action',
      actionIds.map((id) => `/improvement/actions/${id}`),
    );
    await latency(clients, 'improvement-xlsx', ['/improvement/plan.xlsx']);

    // The QA pages, as heads of service (who may read, moderate and run the programme).
    const qa = await Promise.all(
      Array.from({ length: USERS }, async () => {
        const c = new TestClient(BASE);
        await c.signIn('head-of-service', PASSWORD);
        return c;
      }),
    );
    await latency(qa, 'quality-results', ['/quality']);
    await latency(qa, 'quality-audits', ['/quality/audits']);
    await latency(
      qa,
      'quality-audit',
      audits.map((a) => `/quality/audits/${Number(a.id)}`),
    );
    await latency(qa, 'quality-actions', ['/quality/actions', '/quality/actions?status=overdue']);
    await latency(qa, 'quality-moderation', ['/quality/moderation']);
    await latency(qa, 'quality-programmes', ['/quality/programmes']);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
