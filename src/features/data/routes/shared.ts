/** What the data pages and the API share: the collection years, the query schemas, how imports and jobs are shown. */
import type { Request, Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorities } from '../../../db/schema/index';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { isIsoDate } from '../../../domain/dates';
import { collectionYearOf } from '../../../domain/code-lists';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { WebServices } from '../../../web/services';
import type { ImportJobs, ImportJob } from '../../ingest/jobs';
import { FORMAT_LABELS, SYSTEM_NAME } from '../../ingest/format';
import { importLog, type ImportBatchRow } from '../../ingest/log';
import { effectView } from '../../ingest/effect-words';
import { MAX_WITHDRAW_REASON, type ImportSummary } from '../../ingest/service';
import { prepareExport, EXPORT_KINDS, type ExportKind } from '../exports';

export const ISSUES_PAGE = 100;
/** Collection years Lantern reads and writes: 2022/23 to 2026/27. */
export const COLLECTION_YEARS = [2023, 2024, 2025, 2026, 2027] as const;

export const yearField = z.union([
  z.literal('').transform(() => undefined),
  z.coerce
    .number({ error: 'Choose a collection year' })
    .int()
    .refine(
      (y) => (COLLECTION_YEARS as readonly number[]).includes(y),
      'Choose a collection year from 2022/23 to 2026/27',
    ),
]);
export const dateField = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date in the format YYYY-MM-DD, for example 2026-03-31')
    .refine(isIsoDate, 'Enter a real date'),
]);
/** The case system an SSD extract comes from (optional): letters, digits, spaces, dots, hyphens. */
export const systemField = z.union([
  z.literal('').transform(() => undefined),
  z
    .string()
    .trim()
    .regex(
      SYSTEM_NAME,
      'Enter the case system’s name in letters, digits, spaces, dots or hyphens, at most 40 characters',
    ),
]);
type ImportOptions = { year?: number | undefined; asAt?: string | undefined; system?: string | undefined };

export const importIdParams = z.object({ importId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
export const jobParams = z.object({ jobId: z.uuid() });
export const issuesQuery = z.object({
  rule: z.string().trim().max(40).optional(),
  severity: z.enum(['error', 'query', '']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});

export const exportQuery = z.object({
  asAt: dateField.optional(),
  layout: z.enum(['2026', '2024']).default('2026'),
  year: yearField.optional(),
});
export const exportParams = z.object({ kind: z.enum(EXPORT_KINDS) });

export function yearLabel(y: number): string {
  return `${y - 1}/${String(y % 100).padStart(2, '0')}`;
}

/** The last complete collection year (its 31 March has passed), within the years Lantern writes. */
export function defaultYear(): number {
  const y = collectionYearOf(todayInLondon()) - 1;
  return Math.min(Math.max(y, COLLECTION_YEARS[0]), COLLECTION_YEARS[COLLECTION_YEARS.length - 1] as number);
}

export const batchSchema = z.object({
  id: z.number(),
  format: z.string(),
  formatLabel: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  status: z.string(),
  files: z.array(z.string()),
  errors: z.number(),
  queries: z.number(),
  counts: z.record(z.string(), z.number()),
  importedBy: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** A withdrawn import: who withdrew it, when and why. */
  withdrawnBy: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawReason: z.string().nullable(),
});

const tableEffectSchema = z.object({
  added: z.number(),
  merged: z.number(),
  unchanged: z.number(),
  removed: z.number(),
});

/** What an accepted import did, or what withdrawing it did (ingest/effect-words.ts). */
export const effectSchema = z.object({
  withdrawal: z.boolean(),
  asAt: z.string(),
  flagged: z.array(z.string()),
  moved: z.boolean(),
  headline: z.array(z.object({ label: z.string(), before: z.number(), after: z.number() })),
  tables: z.array(tableEffectSchema.extend({ label: z.string() })),
  children: tableEffectSchema,
  events: tableEffectSchema,
  disagreements: z.number(),
  ambiguousChildren: z.number(),
});

/** One import with what it did (or what withdrawing it did). */
export const batchWithEffectSchema = batchSchema.extend({ effect: effectSchema.nullable() });

/** Why an import is being withdrawn: the web form and the API body. */
export const withdrawReason = z
  .string()
  .trim()
  .min(1, 'Enter why the import is being withdrawn')
  .max(MAX_WITHDRAW_REASON, `The reason must be ${MAX_WITHDRAW_REASON.toLocaleString('en-GB')} characters or fewer`);

export function presentBatch(b: ImportBatchRow): z.input<typeof batchSchema> {
  return {
    id: b.id,
    format: b.format,
    formatLabel: (FORMAT_LABELS as Partial<Record<string, string>>)[b.format] ?? b.format,
    period: b.period,
    periodLabel: b.periodLabel,
    status: b.status,
    files: b.fileNames,
    errors: b.errors,
    queries: b.queries,
    counts: b.counts ? (JSON.parse(b.counts) as Record<string, number>) : {},
    importedBy: b.importedBy,
    startedAt: b.startedAt.toISOString(),
    finishedAt: b.finishedAt ? b.finishedAt.toISOString() : null,
    withdrawnBy: b.withdrawnBy,
    withdrawnAt: b.withdrawnAt ? b.withdrawnAt.toISOString() : null,
    withdrawReason: b.withdrawReason,
  };
}

export function presentBatchWithEffect(b: ImportBatchRow): z.input<typeof batchWithEffectSchema> {
  return { ...presentBatch(b), effect: effectView(b.effect) };
}

export const jobSchema = z.object({
  id: z.string(),
  /** Importing files, or withdrawing an import (started on its report page). */
  kind: z.enum(['import', 'withdraw']),
  state: z.enum(['running', 'finished', 'failed']),
  stage: z.string(),
  file: z.string().nullable(),
  done: z.number(),
  total: z.number().nullable(),
  error: z.string().nullable(),
  /** The stage as a person reads it, e.g. "Reading episodes.csv: 12.5 MB of 40.0 MB". */
  progressText: z.string(),
  imports: z.array(
    z.object({
      id: z.number(),
      format: z.string(),
      periodLabel: z.string(),
      status: z.string(),
      errors: z.number(),
      queries: z.number(),
      report: z.string(),
    }),
  ),
  unrecognised: z.array(z.string()),
  empty: z.array(z.string()),
  /** A withdrawal: the import, and its report (which says what withdrawing it did once it is done). */
  withdrawal: z
    .object({
      importId: z.number(),
      /** Whether the import is withdrawn (the indicators may still be being worked out again). */
      done: z.boolean(),
      report: z.string(),
    })
    .nullable(),
});

const MB = 1024 * 1024;

/** What a running job is doing, in words: bytes for reading, steps for the rest. */
export function progressText(job: Pick<ImportJob, 'stage' | 'file' | 'done' | 'total'>): string {
  const stage = job.stage.charAt(0).toUpperCase() + job.stage.slice(1);
  const what = job.file ? `${stage} ${job.file}` : stage;
  if (!job.total) return what;
  if (job.stage === 'reading') return `${what}: ${(job.done / MB).toFixed(1)} MB of ${(job.total / MB).toFixed(1)} MB`;
  return `${what} (${job.done.toLocaleString('en-GB')} of ${job.total.toLocaleString('en-GB')})`;
}

export function presentJob(job: ImportJob): z.input<typeof jobSchema> {
  return {
    id: job.id,
    kind: job.kind,
    state: job.state,
    stage: job.stage,
    file: job.file,
    done: job.done,
    total: job.total,
    error: job.error,
    progressText: progressText(job),
    imports: (job.summary?.batches ?? []).map((b) => ({
      id: b.id,
      format: b.format,
      periodLabel: b.periodLabel,
      status: b.status,
      errors: b.errors,
      queries: b.queries,
      report: paths.data.importReport({ importId: b.id }),
    })),
    unrecognised: job.summary?.unrecognised ?? [],
    empty: job.summary?.empty ?? [],
    withdrawal: job.withdrawal
      ? {
          importId: job.withdrawal.importId,
          done: job.withdrawal.summary !== null,
          report: paths.data.importReport({ importId: job.withdrawal.importId }),
        }
      : null,
  };
}

export function startImport(
  importJobs: ImportJobs,
  upload: { dir: string; files: ReadonlyArray<{ path: string; name: string }> },
  user: { id: number; username: string; authorityId: number },
  options: ImportOptions,
  audit: (s: ImportSummary) => Promise<void>,
): ImportJob {
  return importJobs.start({
    paths: upload.files.map((f) => f.path),
    names: upload.files.map((f) => f.name),
    tempDir: upload.dir,
    authorityId: user.authorityId,
    actor: { userId: user.id, username: user.username },
    options: { collectionYear: options.year, asAt: options.asAt, system: options.system },
    whenDone: audit,
  });
}

/** The import a report page asks for (404 if it is not this authority's) and its issue filter. */
export async function reportRequest(req: Request, services: WebServices, user: { authorityId: number }) {
  const params = importIdParams.safeParse(req.params);
  const log = importLog(services.db);
  const batch = params.success ? await log.get(params.data.importId, user.authorityId) : null;
  if (!batch) throw new NotFoundError();
  const q = issuesQuery.safeParse(req.query);
  const filter = q.success ? q.data : { rule: undefined, severity: undefined, page: 1 };
  return { log, batch, filter };
}

/**
 * Streams an export as a download (audited): what the authority's data cannot make is refused before the
 * download starts; then rows go into the response as they are made. An export that fails once the download has
 * started breaks the response off, so the browser reports a failed download rather than keeping a cut-off file.
 */
export async function download(
  ctx: { res: Response; services: WebServices; user: { authorityId: number }; audit: Auditor },
  kind: ExportKind,
  q: z.output<typeof exportQuery>,
) {
  const [authority] = await ctx.services.db
    .select()
    .from(authorities)
    .where(eq(authorities.id, ctx.user.authorityId))
    .limit(1);
  if (!authority) throw new NotFoundError();
  const prepared = await prepareExport(ctx.services.db, authority, {
    kind,
    asAt: q.asAt ?? todayInLondon(),
    layout: Number(q.layout) as 2026 | 2024,
    year: q.year ?? defaultYear(),
  });
  await ctx.audit.record(ctx.services.db, {
    recordType: 'authority',
    recordId: String(authority.id),
    detail: { kind, asAt: q.asAt ?? null, year: q.year ?? null },
  });
  ctx.res.status(200).type(prepared.contentType).attachment(prepared.downloadName);
  ctx.res.flushHeaders();
  try {
    await prepared.write(ctx.res);
  } catch (e) {
    ctx.res.destroy(e instanceof Error ? e : new Error(String(e)));
    throw e;
  }
}
