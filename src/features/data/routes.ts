/**
 * Data in and out on the web and the API: upload files to import (a background job with progress), read the
 * validation report (filter by rule and severity, download as CSV), and download exports.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { authorities } from '../../db/schema/index';
import type { Auditor } from '../../accounts/access-log/auditor';
import { isIsoDate } from '../../domain/dates';
import { collectionYearOf } from '../../domain/code-lists';
import { todayInLondon } from '../../domain/today';
import { NotFoundError, ValidationError } from '../../core/errors';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import type { WebServices } from '../../web/services';
import type { ImportJobs } from '../ingest/jobs';
import { FORMAT_LABELS } from '../ingest/format';
import type { ImportJob } from '../ingest/jobs';
import { importLog, issuesCsv, type ImportBatchRow } from '../ingest/log';
import { originalsZip } from '../ingest/originals';
import type { ImportSummary } from '../ingest/service';
import { discard, IMPORT_FILES, receiveBody } from '../../web/upload';
import { formText, str } from '../../web/form-input';
import { buildExport, EXPORT_KINDS, type ExportKind } from './exports';

const ISSUES_PAGE = 100;
/** Collection years Lantern reads and writes: 2022/23 to 2026/27. */
export const COLLECTION_YEARS = [2023, 2024, 2025, 2026, 2027] as const;

const yearField = z.union([
  z.literal('').transform(() => undefined),
  z.coerce
    .number({ error: 'Choose a collection year' })
    .int()
    .refine((y) => (COLLECTION_YEARS as readonly number[]).includes(y), 'Choose a collection year from 2022/23 to 2026/27'),
]);
const dateField = z.union([
  z.literal('').transform(() => undefined),
  z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date in the format YYYY-MM-DD, for example 2026-03-31').refine(isIsoDate, 'Enter a real date'),
]);
/** The import page's form (its files are read beside it). */
const importForm = z.strictObject({ year: z.preprocess(str, yearField), asAt: formText.pipe(dateField) });
type ImportOptions = { year?: number | undefined; asAt?: string | undefined };

const importIdParams = z.object({ importId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });
const jobParams = z.object({ jobId: z.uuid() });
const issuesQuery = z.object({
  rule: z.string().trim().max(40).optional(),
  severity: z.enum(['error', 'query', '']).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
});

const exportQuery = z.object({
  asAt: dateField.optional(),
  layout: z.enum(['2026', '2024']).default('2026'),
  year: yearField.optional(),
});
const exportParams = z.object({ kind: z.enum(EXPORT_KINDS) });

function yearLabel(y: number): string {
  return `${y - 1}/${String(y % 100).padStart(2, '0')}`;
}

/** The last complete collection year (its 31 March has passed), within the years Lantern writes. */
function defaultYear(): number {
  const y = collectionYearOf(todayInLondon()) - 1;
  return Math.min(Math.max(y, COLLECTION_YEARS[0]), COLLECTION_YEARS[COLLECTION_YEARS.length - 1] as number);
}

const batchSchema = z.object({
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
});

function presentBatch(b: ImportBatchRow): z.input<typeof batchSchema> {
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
  };
}

const jobSchema = z.object({
  id: z.string(),
  state: z.enum(['running', 'finished', 'failed']),
  stage: z.string(),
  file: z.string().nullable(),
  done: z.number(),
  total: z.number().nullable(),
  error: z.string().nullable(),
  /** The stage as a person reads it, e.g. "Reading episodes.csv: 12.5 MB of 40.0 MB". */
  progressText: z.string(),
  imports: z.array(z.object({ id: z.number(), format: z.string(), periodLabel: z.string(), status: z.string(), errors: z.number(), queries: z.number(), report: z.string() })),
  unrecognised: z.array(z.string()),
  empty: z.array(z.string()),
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

function presentJob(job: ImportJob): z.input<typeof jobSchema> {
  return {
    id: job.id,
    state: job.state,
    stage: job.stage,
    file: job.file,
    done: job.done,
    total: job.total,
    error: job.error,
    progressText: progressText(job),
    imports: (job.summary?.batches ?? []).map((b) => ({
      id: b.id, format: b.format, periodLabel: b.periodLabel, status: b.status, errors: b.errors, queries: b.queries, report: paths.data.importReport({ importId: b.id }),
    })),
    unrecognised: job.summary?.unrecognised ?? [],
    empty: job.summary?.empty ?? [],
  };
}

function startImport(importJobs: ImportJobs, upload: { dir: string; files: ReadonlyArray<{ path: string; name: string }> }, user: { id: number; username: string; authorityId: number }, options: ImportOptions, audit: (s: ImportSummary) => Promise<void>): ImportJob {
  return importJobs.start({
    paths: upload.files.map((f) => f.path),
    names: upload.files.map((f) => f.name),
    tempDir: upload.dir,
    authorityId: user.authorityId,
    actor: { userId: user.id, username: user.username },
    options: { collectionYear: options.year, asAt: options.asAt },
    whenDone: audit,
  });
}

/** The import a report page asks for (404 if it is not this authority's) and its issue filter. */
async function reportRequest(req: Request, services: WebServices, user: { authorityId: number }) {
  const params = importIdParams.safeParse(req.params);
  const log = importLog(services.db);
  const batch = params.success ? await log.get(params.data.importId, user.authorityId) : null;
  if (!batch) throw new NotFoundError();
  const q = issuesQuery.safeParse(req.query);
  const filter = q.success ? q.data : { rule: undefined, severity: undefined, page: 1 };
  return { log, batch, filter };
}

async function sendFile(res: Response, file: string, name: string, type: string): Promise<void> {
  res.status(200).type(type).attachment(name);
  await pipeline(createReadStream(file), res);
}

/** The data pages; the import jobs (one queue for the whole app) come from the wiring. */
export function dataRoutes(r: RouteBuilder, importJobs: ImportJobs): void {
  async function renderImports(ctx: { res: Response; services: WebServices; user: { authorityId: number } }, extra: Record<string, unknown>, status = 200) {
    const batches = await importLog(ctx.services.db).list(ctx.user.authorityId, { limit: 50 });
    ctx.res.status(status).render('data/views/imports.njk', {
      pageTitle: `${extra.errors ? 'Error: ' : ''}Import data`,
      batches: batches.map(presentBatch),
      years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y) })),
      values: {},
      ...extra,
    });
  }

  r.page({
    method: 'get',
    path: paths.data.imports,
    access: 'data:import',
    audit: null,
    handler: async ({ res, services, user }) => {
      await renderImports({ res, services, user }, {});
    },
  });

  r.page({
    method: 'post',
    path: paths.data.imports,
    access: 'data:import',
    audit: 'import.start',
    body: importForm,
    files: { files: { ...IMPORT_FILES, required: 'Select the files to import' } },
    invalid: async ({ res, services, user }, form) => {
      await renderImports({ res, services, user }, { errors: form.errors, values: { year: str(form.input.year), asAt: str(form.input.asAt) } }, 400);
    },
    handler: async ({ res, services, user, audit, body, files, keepFiles }) => {
      const job = startImport(importJobs, { dir: keepFiles(), files: files.files }, user, body, async () => undefined);
      await audit.record(services.db, { recordType: 'import-job', recordId: job.id, detail: { files: files.files.length } });
      res.redirect(303, paths.data.importJob({ jobId: job.id }));
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importJob,
    access: 'data:import',
    audit: null,
    handler: async ({ req, res, user }) => {
      const params = jobParams.safeParse(req.params);
      const job = params.success ? importJobs.get(params.data.jobId, { authorityId: user.authorityId, userId: user.id }) : null;
      if (!job) throw new NotFoundError();
      res.render('data/views/import-job.njk', {
        pageTitle: job.state === 'running' ? 'Importing' : 'Import finished',
        job: presentJob(job),
        statusUrl: paths.api.importJob({ jobId: job.id }),
        selfUrl: paths.data.importJob({ jobId: job.id }),
        labels: FORMAT_LABELS,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importReport,
    access: 'data:import',
    audit: 'import.report',
    handler: async ({ req, res, services, user, audit }) => {
      const { log, batch, filter } = await reportRequest(req, services, user);
      const issues = await log.issues(batch.id, { rule: filter.rule || null, severity: filter.severity || null, limit: ISSUES_PAGE, offset: (filter.page - 1) * ISSUES_PAGE });
      const rules = await log.ruleCounts(batch.id);
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id), detail: { rule: filter.rule ?? null } });
      const pages = Math.max(1, Math.ceil(issues.total / ISSUES_PAGE));
      const link = (page: number) => paths.data.importReportFor(batch.id, { rule: filter.rule, severity: filter.severity, page });
      res.render('data/views/import-report.njk', {
        pageTitle: `Import ${batch.id}: ${(FORMAT_LABELS as Partial<Record<string, string>>)[batch.format] ?? batch.format} ${batch.periodLabel}`,
        batch: presentBatch(batch),
        rules,
        issues: issues.rows,
        total: issues.total,
        filter,
        page: filter.page,
        pages,
        pagination: {
          ...(filter.page > 1 ? { previous: { href: link(filter.page - 1) } } : {}),
          ...(filter.page < pages ? { next: { href: link(filter.page + 1) } } : {}),
        },
        csvUrl: paths.data.importIssuesCsvFor(batch.id, { rule: filter.rule, severity: filter.severity }),
        filesUrl: paths.data.importFiles({ importId: batch.id }),
        ruleUrl: (rule: string) => paths.data.importReportFor(batch.id, { rule }),
        allUrl: paths.data.importReport({ importId: batch.id }),
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importIssuesCsv,
    access: 'data:import',
    audit: 'import.report-download',
    handler: async ({ req, res, services, user, audit }) => {
      const { log, batch, filter } = await reportRequest(req, services, user);
      const issues = await log.issues(batch.id, { rule: filter.rule || null, severity: filter.severity || null, limit: null, offset: 0 });
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id), detail: { rule: filter.rule ?? null } });
      res.status(200).type('text/csv; charset=utf-8').attachment(`import-${batch.id}-issues${filter.rule ? `-${filter.rule}` : ''}.csv`).send(`\uFEFF${issuesCsv(issues.rows)}`);
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importFiles,
    access: 'data:import',
    audit: 'import.files-download',
    handler: async ({ req, res, services, user, audit }) => {
      const { batch } = await reportRequest(req, services, user);
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id) });
      res.status(200).type('application/zip').attachment(`import-${batch.id}-files.zip`);
      await pipeline(await originalsZip(services.db, batch.id), res);
    },
  });

  r.page({
    method: 'get',
    path: paths.data.exports,
    access: 'data:export',
    audit: null,
    handler: async ({ res }) => {
      res.render('data/views/exports.njk', {
        pageTitle: 'Export data',
        today: todayInLondon(),
        years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y), selected: y === defaultYear() })),
      });
    },
  });

  async function download(ctx: { res: Response; services: WebServices; user: { authorityId: number }; audit: Auditor }, kind: ExportKind, q: z.output<typeof exportQuery>) {
    const [authority] = await ctx.services.db.select().from(authorities).where(eq(authorities.id, ctx.user.authorityId)).limit(1);
    if (!authority) throw new NotFoundError();
    const built = await buildExport(ctx.services.db, authority, { kind, asAt: q.asAt ?? todayInLondon(), layout: Number(q.layout) as 2026 | 2024, year: q.year ?? defaultYear() });
    try {
      await ctx.audit.record(ctx.services.db, { recordType: 'authority', recordId: String(authority.id), detail: { kind, asAt: q.asAt ?? null, year: q.year ?? null } });
      await sendFile(ctx.res, built.file, built.downloadName, built.contentType);
    } finally {
      await built.cleanup();
    }
  }

  r.page({
    method: 'get',
    path: paths.data.exportFile,
    access: 'data:export',
    audit: 'export.download',
    handler: async ({ req, res, services, user, audit }) => {
      const params = exportParams.safeParse(req.params);
      if (!params.success) throw new NotFoundError();
      const q = exportQuery.safeParse(req.query);
      if (!q.success) {
        res.status(400).render('data/views/exports.njk', {
          pageTitle: 'Error: Export data',
          today: todayInLondon(),
          years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y), selected: y === defaultYear() })),
          errors: q.error.issues.map((i) => ({ field: `${params.data.kind}-${String(i.path[0])}`, message: i.message })),
          values: req.query,
        });
        return;
      }
      await download({ res, services, user, audit }, params.data.kind, q.data);
    },
  });

  // The API.
  r.api({
    method: 'get',
    path: paths.api.imports,
    access: 'data:import',
    audit: null,
    tag: 'Imports',
    summary: 'List imports',
    description: 'The import log, newest first (50): what was imported, by whom, when, and how many errors and queries the validators found.',
    response: z.object({ imports: z.array(batchSchema) }),
    handler: async ({ services, user }) => ({ imports: (await importLog(services.db).list(user.authorityId, { limit: 50 })).map(presentBatch) }),
  });

  r.apiRaw({
    method: 'post',
    path: paths.api.imports,
    access: 'data:import',
    audit: 'import.start',
    tag: 'Imports',
    summary: 'Import a file',
    description:
      'Send one file as the request body (a zip of an SSD extract or of 903 CSVs, a CIN census XML, an Annex A workbook, or one CSV), with its name in ?filename=. ' +
      'Answers 202 with the import job; poll it, or add ?wait=true to get the outcome in the answer.',
    query: z.object({
      filename: z.string().trim().min(1, 'Give the file’s name in ?filename=').max(200),
      year: yearField.optional(),
      asAt: dateField.optional(),
      wait: z.enum(['true', 'false']).default('false'),
    }),
    requestTypes: ['application/zip', 'text/csv', 'application/xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'],
    responseTypes: ['application/json'],
    status: 202,
    handler: async ({ req, res, query, services, user, audit }) => {
      const upload = await receiveBody(req, query.filename);
      if (upload.problem || (upload.files[0]?.size ?? 0) === 0) {
        await discard(upload);
        throw new ValidationError([{ field: 'body', message: upload.problem ?? 'The request body is empty: send the file as the body' }]);
      }
      const job = startImport(importJobs, upload, user, { year: query.year, asAt: query.asAt }, async () => undefined);
      await audit.record(services.db, { recordType: 'import-job', recordId: job.id, detail: { files: 1 } });
      const settled = query.wait === 'true' ? ((await importJobs.settled(job.id)) ?? job) : job;
      res.status(202).location(paths.api.importJob({ jobId: job.id })).json(jobSchema.parse(presentJob(settled)));
    },
  });

  r.api({
    method: 'get',
    path: paths.api.importJob,
    access: 'data:import',
    audit: null,
    tag: 'Imports',
    summary: 'An import job’s progress and outcome',
    params: jobParams,
    response: jobSchema,
    handler: async ({ params, user }) => {
      const job = importJobs.get(params.jobId, { authorityId: user.authorityId, userId: user.id });
      if (!job) throw new NotFoundError();
      return presentJob(job);
    },
  });

  r.api({
    method: 'get',
    path: paths.api.importItem,
    access: 'data:import',
    audit: 'import.report',
    tag: 'Imports',
    summary: 'One import and its issues by rule',
    params: importIdParams,
    response: batchSchema.extend({ rules: z.array(z.object({ rule: z.string(), severity: z.string(), n: z.number() })) }),
    handler: async ({ params, services, user, audit }) => {
      const log = importLog(services.db);
      const batch = await log.get(params.importId, user.authorityId);
      if (!batch) throw new NotFoundError();
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id) });
      return { ...presentBatch(batch), rules: await log.ruleCounts(batch.id) };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.importIssues,
    access: 'data:import',
    audit: 'import.report',
    tag: 'Imports',
    summary: 'The issues of an import',
    description: 'Every issue (file, row, column, rule, severity, message, child ID), 100 to a page, optionally of one rule or severity.',
    params: importIdParams,
    query: issuesQuery,
    response: z.object({
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      issues: z.array(z.object({ file: z.string(), row: z.number().nullable(), column: z.string().nullable(), rule: z.string(), severity: z.string(), message: z.string(), child: z.string().nullable() })),
    }),
    handler: async ({ params, query, services, user, audit }) => {
      const log = importLog(services.db);
      const batch = await log.get(params.importId, user.authorityId);
      if (!batch) throw new NotFoundError();
      const issues = await log.issues(batch.id, { rule: query.rule || null, severity: query.severity || null, limit: ISSUES_PAGE, offset: (query.page - 1) * ISSUES_PAGE });
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id), detail: { rule: query.rule ?? null } });
      return {
        total: issues.total,
        page: query.page,
        pageSize: ISSUES_PAGE,
        issues: issues.rows.map((i) => ({ file: i.fileName, row: i.rowNumber, column: i.column, rule: i.rule, severity: i.severity, message: i.message, child: i.childRef })),
      };
    },
  });

  r.apiRaw({
    method: 'get',
    path: paths.api.exportFile,
    access: 'data:export',
    audit: 'export.download',
    tag: 'Exports',
    summary: 'Download an export',
    description: 'annex-a (?asAt=YYYY-MM-DD&layout=2026|2024) as XLSX; 903 (?year=) as a zip of CSVs; cin (?year=) as XML; ssd as a zip of CSVs.',
    params: exportParams,
    query: exportQuery,
    responseTypes: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/zip', 'application/xml'],
    handler: async ({ params, query, res, services, user, audit }) => {
      await download({ res, services, user, audit }, params.kind, query);
    },
  });
}
