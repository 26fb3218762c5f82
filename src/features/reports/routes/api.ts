/**
 * The reports API: GET/POST /api/reports, GET /api/reports/:reportId and its file.
 */
import { z } from 'zod';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { ReportRunner } from '../runner';
import { AUDIENCES } from '../../../documents/model';
import { audiencesFor, CONTENT_TYPES, queueReport, reportEntry, reportsPage } from '../queue';
import { REPORT_KINDS } from '../registry';
import { PAGE_SIZE } from './list';
import { periodsByKind } from './present-entry';
import { mayInternal } from './visible-report';
import { sendFile } from './send-file';
import { statusBody, statusSchema, type StatusBody } from './status';

const reportParams = z.object({
  reportId: z.coerce.number({ error: 'The report id is a number' }).int().min(1).max(Number.MAX_SAFE_INTEGER),
});

export function reportApi(r: RouteBuilder, reportRunner: ReportRunner): void {
  r.api({
    method: 'get',
    path: paths.api.reports,
    access: 'report:read',
    audit: null,
    tag: 'Reports',
    summary: 'The reports Lantern writes, and the reports generated',
    description:
      'Each kind with its key, title, description, what its period means and the periods it offers (newest first); then the reports generated for the authority, newest first, 50 to a page (?page=). ' +
      'Without report:internal, only the members’ versions are listed.',
    query: z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) }),
    response: z.object({
      kinds: z.array(
        z.object({
          key: z.string(),
          title: z.string(),
          description: z.string(),
          periodHelp: z.string(),
          periods: z.array(z.object({ value: z.string(), label: z.string() })),
        }),
      ),
      audiences: z.array(z.enum(AUDIENCES)).describe('The audiences you may ask for'),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      reports: z.array(statusSchema),
    }),
    handler: async ({ query, services, user }) => {
      const periods = await periodsByKind(services, user.authorityId, todayInLondon());
      const audiences = audiencesFor(mayInternal(user));
      const { entries, window } = await reportsPage(services.db, user.authorityId, audiences, query.page, PAGE_SIZE);
      const reports: StatusBody[] = [];
      for (const e of entries) reports.push(await statusBody(services, e, periods));
      return {
        kinds: REPORT_KINDS.map((k) => ({
          key: k.key,
          title: k.title,
          description: k.describe,
          periodHelp: k.periodHelp,
          periods: (periods.get(k.key) ?? []).map((p) => ({ value: p.value, label: p.label })),
        })),
        audiences: [...audiences],
        total: window.total,
        page: window.page,
        pageSize: PAGE_SIZE,
        reports,
      };
    },
  });

  r.apiRaw({
    method: 'post',
    path: paths.api.reports,
    access: 'report:read',
    audit: 'reports.queue',
    tag: 'Reports',
    summary: 'Generate a report',
    description:
      'JSON {kind, period, audience, format}: kind and period as GET /api/reports lists them, audience internal (needs report:internal) or members, format docx or pdf. ' +
      'Answers 202 with the report’s status and Location /api/reports/{reportId}: poll it until status is done (then GET its file) or failed (error says why).',
    requestTypes: ['application/json'],
    responseTypes: ['application/json'],
    status: 202,
    handler: async ({ req, res, services, user, audit }) => {
      const parsed = z
        .object({
          kind: z.string().max(100),
          period: z.string().max(100),
          audience: z.string().max(40),
          format: z.string().max(40),
        })
        .safeParse(req.body ?? {});
      if (!parsed.success)
        throw new ValidationError(
          parsed.error.issues.map((i) => ({ field: i.path.length ? i.path.join('.') : 'body', message: i.message })),
        );
      const id = await queueReport(services.db, user.authorityId, parsed.data, {
        name: user.displayName,
        mayInternal: mayInternal(user),
      });
      await audit.record(services.db, {
        recordType: 'generated-report',
        recordId: String(id),
        detail: {
          kind: parsed.data.kind,
          period: parsed.data.period,
          audience: parsed.data.audience,
          format: parsed.data.format,
        },
      });
      reportRunner.kick();
      const entry = await reportEntry(services.db, user.authorityId, id, audiencesFor(mayInternal(user)));
      if (!entry) throw new Error('queued report not found');
      res
        .status(202)
        .location(paths.api.report({ reportId: id }))
        .json(statusSchema.parse(await statusBody(services, entry, null)));
    },
  });

  r.api({
    method: 'get',
    path: paths.api.report,
    access: 'report:read',
    audit: null,
    tag: 'Reports',
    summary: 'A report’s status and progress',
    description:
      'queued (ahead: how many reports are before it), running (progress and the three steps), done (bytes, sha256, file) or failed (error).',
    params: reportParams,
    response: statusSchema,
    handler: async ({ params, services, user }) => {
      const entry = await reportEntry(services.db, user.authorityId, params.reportId, audiencesFor(mayInternal(user)));
      if (!entry) throw new NotFoundError();
      return statusBody(services, entry, await periodsByKind(services, user.authorityId, todayInLondon()));
    },
  });

  r.apiRaw({
    method: 'get',
    path: paths.api.reportFile,
    access: 'report:read',
    audit: 'reports.download',
    tag: 'Reports',
    summary: 'A generated report’s file',
    description: 'The DOCX or PDF exactly as stored (its sha256 is in the status). 409 while it is not done.',
    params: reportParams,
    responseTypes: [CONTENT_TYPES.docx, CONTENT_TYPES.pdf],
    handler: async ({ params, res, services, user, audit }) => {
      await sendFile(services, user, params.reportId, res, audit);
    },
  });
}
