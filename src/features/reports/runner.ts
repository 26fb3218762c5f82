/**
 * The server's report runner (issue 7, decision 0020): takes queued reports one at a time, oldest first, and runs
 * the three steps — 1 "Reading the figures" (the kind's build: database work, async), 2 "Writing the DOCX/PDF" (the
 * writer, in a worker thread so that the web server keeps answering), 3 "Keeping the file" (bytes, size, sha256) —
 * recording each on the row for the progress page. A ValidationError (e.g. the inspection was deleted since) fails
 * the report with its own message; anything else fails it with a general message, and the log gets the error's
 * name and stack frames only (never its message, which might quote data).
 *
 * At server start, `recoverInterruptedReports` marks failed the rows a previous server process left queued or
 * running (its runner died with it): the person asks again. Rows the command line is writing (cli:…) are left alone.
 */
import { and, inArray, like, not, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { generatedReports, type ReportFormat } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { ValidationError } from '../../core/errors';
import type { Logger } from '../../core/logger';
import { isAudience, type ReportDocument } from '../../documents/model';
import { reportKind } from './registry';
import {
  failReport,
  isReportFormat,
  keepReport,
  reportProgress,
  stepWriting,
  STEP_KEEPING,
  STEP_READING,
} from './service';
import { writeInWorker } from '../../documents/write-in-worker';

export const INTERRUPTED = 'Lantern stopped while this report was being written: generate it again';
export const FAILED =
  'The report could not be written: generate it again, and tell your administrator if it fails again';

export type Writer = (document: ReportDocument, format: ReportFormat) => Promise<Buffer>;

interface Claimed {
  id: number;
  authorityId: number;
  kind: string;
  period: string;
  audience: string;
  format: string;
}

/** Takes the oldest queued report, marking it running; null when none is queued. */
export async function claimNextReport(db: Tx): Promise<Claimed | null> {
  const [row] = await rows<{
    id: number | string;
    authority_id: number | string;
    kind: string;
    period: string;
    audience: string;
    format: string;
  }>(
    db,
    // A conditional update (and skip locked): a report is claimed once even if two runners looked at the same moment.
    sql`update generated_reports set status = 'running', started_at = now(), steps_done = 0, progress = ${STEP_READING}
      where id = (select id from generated_reports where status = 'queued' order by created_at, id limit 1 for update skip locked)
        and status = 'queued'
      returning id, authority_id, kind, period, audience, format`,
  );
  if (!row) return null;
  return {
    id: Number(row.id),
    authorityId: Number(row.authority_id),
    kind: row.kind,
    period: row.period,
    audience: row.audience,
    format: row.format,
  };
}

/** Runs a claimed report's three steps; it ends done or failed, never throws. */
export async function runReport(
  db: Tx,
  claimed: Claimed,
  options: { logger: Logger; write: Writer; today?: string },
): Promise<void> {
  try {
    const kind = reportKind(claimed.kind);
    if (!kind)
      throw new ValidationError([{ field: 'kind', message: `Lantern no longer writes the report "${claimed.kind}"` }]);
    if (!isAudience(claimed.audience) || !isReportFormat(claimed.format))
      throw new ValidationError([
        { field: 'format', message: 'The report’s audience or format is not one Lantern writes' },
      ]);
    const format = claimed.format;
    const document = await kind.build(db, claimed.authorityId, {
      period: claimed.period,
      audience: claimed.audience,
      today: options.today ?? todayInLondon(),
    });
    await reportProgress(db, claimed.id, 1, stepWriting(format));
    const bytes = await options.write(document, format);
    await reportProgress(db, claimed.id, 2, STEP_KEEPING);
    await keepReport(db, claimed.id, bytes);
  } catch (err) {
    const reason = err instanceof ValidationError ? err.errors.map((e) => e.message).join('. ') : FAILED;
    if (!(err instanceof ValidationError)) {
      const e = err instanceof Error ? err : new Error('non-Error thrown');
      // The stack's frames without its first line (the message), and the error's name: never data.
      options.logger.error(
        {
          reportId: claimed.id,
          kind: claimed.kind,
          error: e.name,
          frames: (e.stack ?? '').split('\n').slice(1, 8).join('\n'),
        },
        'report failed',
      );
    }
    try {
      await failReport(db, claimed.id, reason);
    } catch {
      options.logger.error({ reportId: claimed.id }, 'report failed and could not be marked failed');
    }
  }
}

/** Marks failed the reports a previous server process left queued or running; answers how many. */
export async function recoverInterruptedReports(db: Tx): Promise<number> {
  const found = await db
    .update(generatedReports)
    .set({ status: 'failed', error: INTERRUPTED, progress: null })
    .where(
      and(inArray(generatedReports.status, ['queued', 'running']), not(like(generatedReports.generatedBy, 'cli:%'))),
    )
    .returning({ id: generatedReports.id });
  return found.length;
}

/**
 * The runner: `kick()` after queueing a report (it starts working through the queue if it is not already);
 * `idle()` waits until the queue is empty; `stop()` takes no more reports and waits for the one running.
 */
export function reportRunner(db: Tx, logger: Logger, write: Writer = writeInWorker) {
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      again = false;
      const claimed = await claimNextReport(db);
      if (!claimed) {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
        if (again) continue;
        return;
      }
      await runReport(db, claimed, { logger, write });
    }
  }

  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((err: unknown) => {
        logger.error({ error: err instanceof Error ? err.name : 'unknown' }, 'report runner stopped on an error');
      })
      .finally(() => {
        running = null;
        if (again) kick();
      });
  }

  async function idle(): Promise<void> {
    while (running) await running;
  }

  return {
    kick,
    idle,
    async stop(): Promise<void> {
      stopped = true;
      await idle();
    },
  };
}
export type ReportRunner = ReturnType<typeof reportRunner>;
