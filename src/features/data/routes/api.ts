/**
 * The data API: imports (list, upload, a job's progress, one import with what it did and its issues, withdraw one)
 * and export downloads.
 */
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { discard, receiveBody } from '../../../web/upload';
import type { ImportJobs } from '../../ingest/jobs';
import { importLog } from '../../ingest/log';
import { withdrawImport } from '../../ingest/service';
import {
  batchSchema,
  batchWithEffectSchema,
  dateField,
  download,
  exportParams,
  exportQuery,
  importIdParams,
  ISSUES_PAGE,
  issuesQuery,
  jobParams,
  jobSchema,
  presentBatch,
  presentBatchWithEffect,
  presentJob,
  startImport,
  withdrawReason,
  systemField,
  yearField,
} from './shared';

export function dataApiRoutes(r: RouteBuilder, importJobs: ImportJobs): void {
  r.api({
    method: 'get',
    path: paths.api.imports,
    access: 'data:import',
    audit: null,
    tag: 'Imports',
    summary: 'List imports',
    description:
      'The import log, newest first (50): what was imported, by whom, when, and how many errors and queries the validators found.',
    response: z.object({ imports: z.array(batchSchema) }),
    handler: async ({ services, user }) => ({
      imports: (await importLog(services.db).list(user.authorityId, { limit: 50 })).map(presentBatch),
    }),
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
      system: systemField.optional(),
      wait: z.enum(['true', 'false']).default('false'),
    }),
    requestTypes: [
      'application/zip',
      'text/csv',
      'application/xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/octet-stream',
    ],
    responseTypes: ['application/json'],
    status: 202,
    handler: async ({ req, res, query, services, user, audit }) => {
      const upload = await receiveBody(req, query.filename);
      if (upload.problem || (upload.files[0]?.size ?? 0) === 0) {
        await discard(upload);
        throw new ValidationError([
          { field: 'body', message: upload.problem ?? 'The request body is empty: send the file as the body' },
        ]);
      }
      const job = startImport(
        importJobs,
        upload,
        user,
        { year: query.year, asAt: query.asAt, system: query.system },
        async () => undefined,
      );
      await audit.record(services.db, { recordType: 'import-job', recordId: job.id, detail: { files: 1 } });
      const settled = query.wait === 'true' ? ((await importJobs.settled(job.id)) ?? job) : job;
      res
        .status(202)
        .location(paths.api.importJob({ jobId: job.id }))
        .json(jobSchema.parse(presentJob(settled)));
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
    summary: 'One import, what it did, and its issues by rule',
    description:
      'What an accepted import did (effect: the headline figures before and after, any that moved by more than 10% in words, and by table the records added, merged, unchanged and removed), or for a withdrawn one what withdrawing it did; and its issues counted by rule.',
    params: importIdParams,
    response: batchWithEffectSchema.extend({
      rules: z.array(z.object({ rule: z.string(), severity: z.string(), n: z.number() })),
    }),
    handler: async ({ params, services, user, audit }) => {
      const log = importLog(services.db);
      const batch = await log.get(params.importId, user.authorityId);
      if (!batch) throw new NotFoundError();
      await audit.record(services.db, { recordType: 'import', recordId: String(batch.id) });
      return { ...presentBatchWithEffect(batch), rules: await log.ruleCounts(batch.id) };
    },
  });

  r.api({
    method: 'post',
    path: paths.api.importWithdraw,
    access: 'data:import',
    audit: 'import.withdraw',
    tag: 'Imports',
    summary: 'Withdraw an import',
    description:
      'Takes away what a live (accepted) import gave, leaving every other source’s data as if it had never been loaded (decision 0024), and works the indicators out again. The reason is required and kept with the import. ' +
      'Answers the import, now withdrawn, with what withdrawing it did (effect).',
    conflict: 'The import is not live: already withdrawn, superseded, rejected or unchanged',
    params: importIdParams,
    body: z.strictObject({ reason: withdrawReason }),
    response: batchWithEffectSchema,
    handler: async ({ params, body, services, user, audit }) => {
      await withdrawImport(services.database, {
        authorityId: user.authorityId,
        batchId: params.importId,
        reason: body.reason,
        actor: { userId: user.id, username: user.username },
        refreshIndicators: true,
        audit,
      });
      const batch = await importLog(services.db).get(params.importId, user.authorityId);
      if (!batch) throw new NotFoundError();
      return presentBatchWithEffect(batch);
    },
  });

  r.api({
    method: 'get',
    path: paths.api.importIssues,
    access: 'data:import',
    audit: 'import.report',
    tag: 'Imports',
    summary: 'The issues of an import',
    description:
      'Every issue (file, row, column, rule, severity, message, child ID), 100 to a page, optionally of one rule or severity.',
    params: importIdParams,
    query: issuesQuery,
    response: z.object({
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      issues: z.array(
        z.object({
          file: z.string(),
          row: z.number().nullable(),
          column: z.string().nullable(),
          rule: z.string(),
          severity: z.string(),
          message: z.string(),
          child: z.string().nullable(),
        }),
      ),
    }),
    handler: async ({ params, query, services, user, audit }) => {
      const log = importLog(services.db);
      const batch = await log.get(params.importId, user.authorityId);
      if (!batch) throw new NotFoundError();
      const issues = await log.issues(batch.id, {
        rule: query.rule || null,
        severity: query.severity || null,
        limit: ISSUES_PAGE,
        offset: (query.page - 1) * ISSUES_PAGE,
      });
      await audit.record(services.db, {
        recordType: 'import',
        recordId: String(batch.id),
        detail: { rule: query.rule ?? null },
      });
      return {
        total: issues.total,
        page: query.page,
        pageSize: ISSUES_PAGE,
        issues: issues.rows.map((i) => ({
          file: i.fileName,
          row: i.rowNumber,
          column: i.column,
          rule: i.rule,
          severity: i.severity,
          message: i.message,
          child: i.childRef,
        })),
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
    description:
      'annex-a (?asAt=YYYY-MM-DD&layout=2026|2024) as XLSX; 903 (?year=) as a zip of CSVs; cin (?year=) as XML; ssd as a zip of CSVs.',
    params: exportParams,
    query: exportQuery,
    responseTypes: [
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/zip',
      'application/xml',
    ],
    handler: async ({ params, query, res, services, user, audit }) => {
      await download({ res, services, user, audit }, params.kind, query);
    },
  });
}
