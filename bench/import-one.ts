/**
 * One import, in its own process so that its peak memory is its own: prints one JSON line with the wall time,
 * this process's CPU time (on PGlite the database's work too, as it runs in the process; on PostgreSQL the server's
 * is not counted), the peak resident memory (maxRSS) and the outcome.
 *
 *   tsx bench/import-one.ts <authority code> <path …>     (LANTERN_DATA_DIR or DATABASE_URL chooses the database)
 */
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/core/config';
import { authorities } from '../src/db/schema/index';
import { importFiles, rowsWritten } from '../src/features/ingest/service';
import { openRuntime } from '../src/app/runtime';

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
  const summary = await importFiles(rt.database, {
    paths,
    authorityId: authority.id,
    actor: { userId: null, username: 'bench' },
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  process.stdout.write(
    `${JSON.stringify({
      seconds: Math.round(seconds * 100) / 100,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
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
