/**
 * Benchmark: writing every report for a large authority, as JSON lines.
 *
 *   tsx bench/reports.ts [childPopulation]      (default 60,000)
 *
 * 1. Generate the synthetic authority (seed 1, six years to today) in a temporary PGlite folder, load the reference
 *    data when a folder is at hand (as the demo does), and keep every indicator's monthly values (the trends the
 *    performance pack draws).
 * 2. For every kind in REPORT_KINDS whose periods() offers something, its newest period, for the internal and the
 *    members' audience: the median of 3 of the build (kind.build), of the DOCX writer and of the PDF writer, and the
 *    files' sizes. A kind with no period (a placeholder, or nothing to report on) is a "skipped" line with the reason.
 * 3. The event loop's delay while a report is generated as the server does it (build in the server's thread, the
 *    writer in a worker thread: write-in-worker.ts) against the writers in the same thread (as the command line
 *    does): p99 of perf_hooks.monitorEventLoopDelay and the longest gap a 5 ms interval timer saw — what a web
 *    request arriving meanwhile would wait (decision 0020).
 * Run it on a quiet machine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { openDatabase } from '../src/db/client';
import type { ReportFormat } from '../src/db/schema/index';
import { todayInLondon } from '../src/domain/today';
import { refreshMonthlyValues } from '../src/features/indicators/stored-values';
import { loadDemoReferenceData } from '../src/features/reference/demo';
import type { Audience, ReportDocument } from '../src/documents/model';
import { REPORT_KINDS } from '../src/features/reports/registry';
import { writeReport } from '../src/features/reports/service';
import { writeInWorker } from '../src/documents/write-in-worker';
import { generateDemoAuthority } from '../src/synth/generate';

const childPopulation = Number(process.argv[2] ?? 60_000);
const RUNS = 3;
const work = mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-reports-'));
const today = todayInLondon();

function line(o: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ benchmark: 'reports', childPopulation, ...o })}\n`);
}

const seconds = (ms: number) => +(ms / 1000).toFixed(2);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

async function timed<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await run();
  return { ms: performance.now() - t0, value };
}

/** Runs `work` while watching the event loop: p99 of its delay and the longest gap between 5 ms ticks, in ms. */
async function watchingTheLoop<T>(work: () => Promise<T>): Promise<{ p99: number; maxGap: number; value: T }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 5);
  try {
    const value = await work();
    await new Promise((r) => setTimeout(r, 20)); // let the last delay be recorded
    return { p99: histogram.count > 0 ? histogram.percentile(99) / 1e6 : 0, maxGap, value };
  } finally {
    clearInterval(ticker);
    histogram.disable();
  }
}

try {
  const database = await openDatabase({ dataDir: path.join(work, 'pglite') });
  await database.migrate();
  const generated = await timed(() =>
    generateDemoAuthority(database, { seed: 1, childPopulation, years: 6, asAt: today }),
  );
  const authorityId = generated.value.authorityId;
  line({ step: 'generate', seconds: seconds(generated.ms), children: generated.value.children });
  const reference = await loadDemoReferenceData(database.db).catch(() => null);
  const refreshed = await timed(() => refreshMonthlyValues(database.db, authorityId, today));
  line({ step: 'indicator-values', seconds: seconds(refreshed.ms), referenceData: reference !== null });

  const db = database.db;
  for (const kind of REPORT_KINDS) {
    const periods = await kind.periods(db, authorityId, today);
    if (periods.length === 0) {
      let reason = 'no period to report on';
      try {
        await kind.build(db, authorityId, { period: 'latest', audience: 'members', today });
      } catch (e) {
        reason = e instanceof Error ? e.message : String(e);
      }
      line({ kind: kind.key, skipped: true, reason });
      continue;
    }
    const period = periods[0]?.value ?? '';
    for (const audience of ['internal', 'members'] as Audience[]) {
      try {
        const builds: number[] = [];
        let document: ReportDocument | null = null;
        for (let i = 0; i < RUNS; i++) {
          const b = await timed(() => kind.build(db, authorityId, { period, audience, today }));
          builds.push(b.ms);
          document = b.value;
        }
        if (!document) throw new Error('no document');
        const doc = document;
        const out: Record<string, unknown> = {
          kind: kind.key,
          period,
          audience,
          blocks: doc.blocks.length,
          charts: doc.blocks.filter((b) => b.type === 'chart').length,
          buildSeconds: seconds(median(builds)),
        };
        for (const format of ['docx', 'pdf'] as ReportFormat[]) {
          const writes: number[] = [];
          let bytes = 0;
          for (let i = 0; i < RUNS; i++) {
            const w = await timed(() => writeReport(doc, format));
            writes.push(w.ms);
            bytes = w.value.length;
          }
          out[`${format}Seconds`] = seconds(median(writes));
          out[`${format}Bytes`] = bytes;
          // The event loop while the report is generated: writer in this thread (the CLI), then as the server does it.
          const inThread = await watchingTheLoop(async () =>
            writeReport(await kind.build(db, authorityId, { period, audience, today }), format),
          );
          const inWorker = await watchingTheLoop(async () =>
            writeInWorker(await kind.build(db, authorityId, { period, audience, today }), format),
          );
          out[`${format}LoopDelayP99Ms`] = {
            writerInThread: Math.round(inThread.p99),
            writerInWorker: Math.round(inWorker.p99),
          };
          out[`${format}LongestStallMs`] = {
            writerInThread: Math.round(inThread.maxGap),
            writerInWorker: Math.round(inWorker.maxGap),
          };
        }
        line(out);
      } catch (e) {
        line({ kind: kind.key, period, audience, failed: true, reason: e instanceof Error ? e.message : String(e) });
      }
    }
  }
  await database.close();
} finally {
  rmSync(work, { recursive: true, force: true });
}
