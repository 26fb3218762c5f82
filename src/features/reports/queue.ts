/**
 * Reports asked for on the web or the API (issue 7) are queued, not written while the person waits: `queueReport`
 * checks the request — the kind, the audience (the internal version needs report:internal; members and anyone else
 * get the members' version only), the format, and a period the kind offers on the reports page — and writes a
 * generated_reports row with status queued, answering its id at once. The server's runner (runner.ts) takes queued
 * rows one at a time. The rest of this module reads the log for the pages and the API: a page of reports, one
 * report's status (with how many are ahead of it in the queue), and its file. Anyone without report:internal sees
 * only the members' versions: an internal report is "not found" for them, as another authority's is.
 */
import { and, count as countRows, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { generatedReports, type ReportFormat, type ReportStatus } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { ValidationError } from '../../core/errors';
import { pageWindow, type PageWindow } from '../../web/pagination';
import type { Audience } from '../../documents/model';
import { reportKind } from './registry';
import { checkRequest, REPORT_STEPS, STEP_READING } from './service';

export interface QueueRequest {
  kind: string;
  period: string;
  audience: string;
  format: string;
}

export interface Requester {
  /** Who asked, as the log shows it (the user's name). */
  name: string;
  /** Whether they may have the internal version (report:internal). */
  mayInternal: boolean;
}

/** The audiences someone may see and ask for. */
export const audiencesFor = (mayInternal: boolean): readonly Audience[] =>
  mayInternal ? ['internal', 'members'] : ['members'];

/** Checks the request and queues it; answers the report's id. Bad input is a ValidationError naming the field (kind, period, audience, format); nothing is queued. */
export async function queueReport(
  db: Tx,
  authorityId: number,
  request: QueueRequest,
  requester: Requester,
  today = todayInLondon(),
): Promise<number> {
  const { kind, audience, format } = checkRequest(request, { audience: 'audience' });
  if (audience === 'internal' && !requester.mayInternal) {
    throw new ValidationError([
      { field: 'audience', message: 'You can generate the version for members and the public only' },
    ]);
  }
  const periods = await kind.periods(db, authorityId, today);
  if (periods.length === 0)
    throw new ValidationError([
      { field: 'period', message: `There is nothing to report on yet for the ${kind.title.toLowerCase()}` },
    ]);
  if (!periods.some((p) => p.value === request.period))
    throw new ValidationError([{ field: 'period', message: 'Choose a period from the list' }]);
  const [row] = await db
    .insert(generatedReports)
    .values({
      authorityId,
      kind: kind.key,
      period: request.period,
      audience,
      format,
      status: 'queued',
      generatedBy: requester.name,
      stepsTotal: REPORT_STEPS,
      stepsDone: 0,
      progress: null,
    })
    .returning({ id: generatedReports.id });
  if (!row) throw new Error('generated_reports insert returned no row');
  return Number(row.id);
}

export interface ReportEntry {
  id: number;
  kind: string;
  period: string;
  audience: Audience;
  format: ReportFormat;
  status: ReportStatus;
  progress: string | null;
  stepsDone: number;
  stepsTotal: number;
  error: string | null;
  generatedBy: string;
  createdAt: Date;
  startedAt: Date | null;
  generatedAt: Date | null;
  bytes: number | null;
  sha256: string | null;
}

const entryColumns = {
  id: generatedReports.id,
  kind: generatedReports.kind,
  period: generatedReports.period,
  audience: generatedReports.audience,
  format: generatedReports.format,
  status: generatedReports.status,
  progress: generatedReports.progress,
  stepsDone: generatedReports.stepsDone,
  stepsTotal: generatedReports.stepsTotal,
  error: generatedReports.error,
  generatedBy: generatedReports.generatedBy,
  createdAt: generatedReports.createdAt,
  startedAt: generatedReports.startedAt,
  generatedAt: generatedReports.generatedAt,
  bytes: generatedReports.bytes,
  sha256: generatedReports.sha256,
};

type EntryRow = { [K in keyof ReportEntry]: unknown } & Pick<
  ReportEntry,
  | 'kind'
  | 'period'
  | 'audience'
  | 'format'
  | 'status'
  | 'progress'
  | 'error'
  | 'generatedBy'
  | 'createdAt'
  | 'startedAt'
  | 'generatedAt'
  | 'sha256'
>;

const toEntry = (r: EntryRow): ReportEntry => ({
  ...r,
  id: Number(r.id),
  stepsDone: Number(r.stepsDone),
  stepsTotal: Number(r.stepsTotal),
  bytes: r.bytes === null || r.bytes === undefined ? null : Number(r.bytes),
});

/** One page (newest first) of the reports someone may see. */
export async function reportsPage(
  db: Tx,
  authorityId: number,
  audiences: readonly Audience[],
  page: number,
  size = 50,
): Promise<{ entries: ReportEntry[]; window: PageWindow }> {
  const where = and(eq(generatedReports.authorityId, authorityId), inArray(generatedReports.audience, [...audiences]));
  const [total] = await db.select({ n: countRows() }).from(generatedReports).where(where);
  const window = pageWindow(page, Number(total?.n ?? 0), size);
  const found = await db
    .select(entryColumns)
    .from(generatedReports)
    .where(where)
    .orderBy(desc(generatedReports.createdAt), desc(generatedReports.id))
    .limit(window.limit)
    .offset(window.offset);
  return { entries: found.map(toEntry), window };
}

/** One report someone may see (null when it is another authority's, or internal and they may not see that). */
export async function reportEntry(
  db: Tx,
  authorityId: number,
  id: number,
  audiences: readonly Audience[],
): Promise<ReportEntry | null> {
  const [found] = await db
    .select(entryColumns)
    .from(generatedReports)
    .where(
      and(
        eq(generatedReports.id, id),
        eq(generatedReports.authorityId, authorityId),
        inArray(generatedReports.audience, [...audiences]),
      ),
    )
    .limit(1);
  return found ? toEntry(found) : null;
}

/** How many reports (of any authority: the runner takes them in turn) are queued or running ahead of a queued one. */
export async function reportsAhead(db: Tx, id: number): Promise<number> {
  const [found] = await rows<{ n: number | string }>(
    db,
    sql`select count(*) as n from generated_reports g, generated_reports me
        where me.id = ${id} and g.status in ('queued', 'running') and g.id <> me.id
          and (g.status = 'running' or g.created_at < me.created_at or (g.created_at = me.created_at and g.id < me.id))`,
  );
  return Number(found?.n ?? 0);
}

/** A finished report's file as stored (null when someone may not see it; status tells the caller when it is not done yet). */
export async function reportFile(
  db: Tx,
  authorityId: number,
  id: number,
  audiences: readonly Audience[],
): Promise<{ entry: ReportEntry; bytes: Buffer | null } | null> {
  const entry = await reportEntry(db, authorityId, id, audiences);
  if (!entry) return null;
  if (entry.status !== 'done') return { entry, bytes: null };
  const [row] = await db
    .select({ content: generatedReports.content })
    .from(generatedReports)
    .where(eq(generatedReports.id, id))
    .limit(1);
  return { entry, bytes: row?.content ? Buffer.from(row.content) : null };
}

export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/** The file's name for downloading: lantern-<kind>-<period>-<audience>.<format>, e.g. lantern-performance-pack-2026-10-members.docx. */
export function downloadName(entry: Pick<ReportEntry, 'kind' | 'period' | 'audience' | 'format'>): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'report';
  return `lantern-${safe(entry.kind)}-${safe(entry.period)}-${entry.audience}.${entry.format}`;
}

/** "Step 2 of 3: Writing the PDF" for a running report; what it is about to do when it has not started a step yet. */
export function stepText(entry: Pick<ReportEntry, 'stepsDone' | 'stepsTotal' | 'progress'>): string {
  const total = entry.stepsTotal || REPORT_STEPS;
  return `Step ${Math.min(entry.stepsDone + 1, total)} of ${total}: ${entry.progress ?? STEP_READING}`;
}

/** The kind's title, or its key when the registry no longer has it. */
export const kindTitle = (key: string): string => reportKind(key)?.title ?? key;
