/**
 * One import, in its own process so that its peak memory is its own, as the CLI and the web job do it (the
 * indicators' kept monthly values recomputed after it): prints one JSON line with the wall time, this process's CPU
 * time (on PGlite the database's work too, as it runs in the process; on PostgreSQL the server's is not counted), the
 * peak resident memory (maxRSS), the outcome, and the same figures for each phase:
 *
 * - `read`: reading and validating the files (from the start until the service says it is writing);
 * - `write`: writing the dataset, the import's report and effect, and refreshing the planner's statistics;
 * - `indicators`: recomputing the indicators' kept monthly values (none when the import was rejected).
 *
 * The phases follow the import's own progress reports (ingest/service.ts: 'writing', then 'Computing indicators').
 * A phase's peak memory is the process's resident memory at its highest during the phase: maxRSS when it rose
 * during the phase, else the highest resident memory seen at the phase's progress reports.
 *
 *   tsx bench/import-one.ts <authority code> <path …>     (LANTERN_DATA_DIR or DATABASE_URL chooses the database)
 */
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/core/config';
import { authorities } from '../src/db/schema/index';
import { importFiles, rowsWritten } from '../src/features/ingest/service';
import { openRuntime } from '../src/app/runtime';

type Phase = 'read' | 'write' | 'indicators';
const PHASES: readonly Phase[] = ['read', 'write', 'indicators'];

/** Marks where each phase starts and ends: wall time, CPU time and memory. */
function phaseClock() {
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  const maxRssKb = () => process.resourceUsage().maxRSS;
  const mark = () => ({ at: performance.now(), cpu: process.cpuUsage(), maxRss: maxRssKb() });
  const figures: Array<{ phase: Phase; seconds: number; cpuSeconds: number; peakRssMb: number }> = [];
  let current = { phase: 'read' as Phase, start: mark(), seenRss: process.memoryUsage.rss() };
  const close = () => {
    const end = mark();
    const cpu = process.cpuUsage(current.start.cpu);
    const rose = end.maxRss > current.start.maxRss;
    figures.push({
      phase: current.phase,
      seconds: Math.round((end.at - current.start.at) / 10) / 100,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      peakRssMb: rose ? mb(end.maxRss * 1024) : mb(Math.max(current.seenRss, process.memoryUsage.rss())),
    });
  };
  return {
    /** Called on each progress report: moves to a later phase when the stage says so. */
    stage(stage: string) {
      const next: Phase | null = stage === 'writing' ? 'write' : stage === 'Computing indicators' ? 'indicators' : null;
      if (next && PHASES.indexOf(next) > PHASES.indexOf(current.phase)) {
        close();
        current = { phase: next, start: mark(), seenRss: process.memoryUsage.rss() };
      } else current.seenRss = Math.max(current.seenRss, process.memoryUsage.rss());
    },
    finish() {
      close();
      return figures;
    },
  };
}

const [code, ...paths] = process.argv.slice(2);
const config = loadConfig(process.env, { purpose: 'command' });
const rt = await openRuntime(config, { migrate: true, logger: undefined });
try {
  const [authority] = await rt.database.db
    .select()
    .from(authorities)
    .where(eq(authorities.code, code ?? ''));
  if (!authority) throw new Error(`no authority ${code}`);
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const clock = phaseClock();
  const summary = await importFiles(rt.database, {
    paths,
    authorityId: authority.id,
    actor: { userId: null, username: 'bench' },
    refreshIndicators: true,
    onProgress: (p) => {
      clock.stage(p.stage);
    },
  });
  const phases = clock.finish();
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(
    `${JSON.stringify({
      seconds: Math.round(seconds * 100) / 100,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      phases,
      /** How many indicators were recomputed after it (those whose tables it changed, or out of date). */
      indicatorsRecomputed: summary.indicators?.indicators ?? 0,
      batches: summary.batches.map((b) => ({
        format: b.format,
        period: b.period,
        status: b.status,
        errors: b.errors,
        queries: b.queries,
        rows: rowsWritten(b.counts),
        childrenAdded: b.counts.childrenAdded,
        eventsAdded: b.counts.eventsAdded,
        eventsMerged: b.counts.eventsMerged,
        eventsUnchanged: b.counts.eventsUnchanged,
        eventsRemoved: b.counts.replacedRows,
      })),
      firstErrors: summary.batches.flatMap((b) => b.issues.filter((i) => i.severity === 'error').slice(0, 3)),
    })}\n`,
  );
} finally {
  await rt.close();
}
