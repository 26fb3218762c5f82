/**
 * The reports page, its progress and download pages, and the API (issue 7).
 *
 * - GET /reports (report:read): each kind in the registry with a form (period, audience, format) and the reports
 *   generated, newest first, 50 to a page. Internal versions are offered and listed only with report:internal.
 * - POST /reports: queues the report (queue.ts) and answers 303 to its page; bad input re-renders the page with a
 *   GOV.UK error summary (400) and queues nothing. A member asking for the internal version is bad input (400).
 * - GET /reports/:reportId: queued (how many are ahead), running (step N of 3, what it is doing, a "Check progress"
 *   link; init.mjs follows it without reloading by hand), done (download, size, sha256), failed (the reason).
 * - GET /reports/:reportId/file: the file as stored; 409 when it is not finished.
 * Another authority's report, or an internal one for someone without report:internal, is 404 everywhere.
 * The API mirrors them: GET/POST /api/reports, GET /api/reports/:reportId, GET /api/reports/:reportId/file.
 */
import type { Response } from 'express';
import { z } from 'zod';
import { can } from '../../domain/roles';
import { todayInLondon } from '../../domain/today';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../core/errors';
import { pagination, requestedPage, showingText, withLabel } from '../../web/pagination';
import { paths } from '../../web/paths';
import type { PageContext, RouteBuilder } from '../../web/route';
import type { WebServices } from '../../web/services';
import type { ReportRunner } from './runner';
import type { CurrentUser } from '../../accounts/users/service';
import type { PeriodChoice } from './kind';
import { AUDIENCES, type Audience } from '../../documents/model';
import {
  audiencesFor,
  CONTENT_TYPES,
  downloadName,
  kindTitle,
  queueReport,
  reportEntry,
  reportFile,
  reportsAhead,
  reportsPage,
  stepText,
  type ReportEntry,
} from './queue';
import { REPORT_KINDS } from './registry';

const PAGE_SIZE = 50;
const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal (counts as they are)',
  members: 'Members and the public (counts under 5 suppressed)',
};
const AUDIENCE_SHORT: Record<Audience, string> = { internal: 'Internal', members: 'Members and public' };
const STATUS_TAGS: Record<string, { text: string; classes: string }> = {
  queued: { text: 'Waiting', classes: 'govuk-tag--grey' },
  running: { text: 'Being written', classes: 'govuk-tag--blue' },
  done: { text: 'Ready', classes: 'govuk-tag--green' },
  failed: { text: 'Failed', classes: 'govuk-tag--red' },
};

const mayInternal = (user: CurrentUser) => can(user.role, 'report:internal');

/** "123 KB", "1.4 MB". */
export function fileSize(bytes: number | null): string {
  if (bytes === null) return '';
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Every kind's periods, for the forms and to show a stored period as it reads. */
async function periodsByKind(
  services: WebServices,
  authorityId: number,
  today: string,
): Promise<Map<string, PeriodChoice[]>> {
  const out = new Map<string, PeriodChoice[]>();
  for (const kind of REPORT_KINDS) out.set(kind.key, await kind.periods(services.db, authorityId, today));
  return out;
}

const periodLabel = (periods: Map<string, PeriodChoice[]>, entry: Pick<ReportEntry, 'kind' | 'period'>) =>
  periods.get(entry.kind)?.find((p) => p.value === entry.period)?.label ?? entry.period;

function presentEntry(entry: ReportEntry, periods: Map<string, PeriodChoice[]>) {
  return {
    id: entry.id,
    kind: entry.kind,
    title: kindTitle(entry.kind),
    period: entry.period,
    periodLabel: periodLabel(periods, entry),
    audience: entry.audience,
    audienceLabel: AUDIENCE_SHORT[entry.audience],
    format: entry.format,
    formatLabel: entry.format.toUpperCase(),
    generatedBy: entry.generatedBy,
    createdAt: entry.createdAt,
    generatedAt: entry.generatedAt,
    status: entry.status,
    tag: STATUS_TAGS[entry.status] ?? { text: entry.status, classes: 'govuk-tag--grey' },
    size: fileSize(entry.bytes),
    bytes: entry.bytes,
    sha256: entry.sha256,
    error: entry.error,
    stepText: stepText(entry),
    stepsDone: entry.stepsDone,
    stepsTotal: entry.stepsTotal,
    href: paths.reports.report({ reportId: entry.id }),
    fileHref: paths.reports.file({ reportId: entry.id }),
  };
}

interface FormState {
  kind: string;
  values: Record<string, string>;
  errors: FieldError[];
}

async function renderList(
  ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
  form: FormState | null,
  status = 200,
): Promise<void> {
  const { req, res, user, services } = ctx;
  const today = todayInLondon();
  const periods = await periodsByKind(services, user.authorityId, today);
  const internal = mayInternal(user);
  const { entries, window } = await reportsPage(
    services.db,
    user.authorityId,
    audiencesFor(internal),
    requestedPage(req.query.page),
    PAGE_SIZE,
  );
  const kinds = REPORT_KINDS.map((kind) => {
    const mine = form && form.kind === kind.key ? form : null;
    const chosen = (field: string) => mine?.values[field];
    const choices = periods.get(kind.key) ?? [];
    const audience = chosen('audience') ?? (internal ? 'internal' : 'members');
    const format = chosen('format') ?? 'docx';
    return {
      key: kind.key,
      title: kind.title,
      describe: kind.describe,
      periodHelp: kind.periodHelp,
      periods: choices.map((p, i) => ({
        value: p.value,
        text: p.label,
        selected: chosen('period') ? chosen('period') === p.value : i === 0,
      })),
      audiences: AUDIENCES.filter((a) => internal || a === 'members').map((a) => ({
        value: a,
        text: AUDIENCE_LABELS[a],
        checked: a === audience,
      })),
      formats: (['docx', 'pdf'] as const).map((f) => ({
        value: f,
        text: f === 'docx' ? 'Word (DOCX)' : 'PDF',
        checked: f === format,
      })),
      errors: (mine?.errors ?? []).map((e) => ({ field: `${kind.key}-${e.field}`, message: e.message })),
      selfEvaluation: kind.key === 'self-evaluation' ? paths.selfEvaluation.index({}) : null,
    };
  });
  const errors = form ? (kinds.find((k) => k.key === form.kind)?.errors ?? form.errors) : [];
  res.status(status).render('reports/views/list.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Reports`,
    kinds,
    errors,
    entries: entries.map((e) => presentEntry(e, periods)),
    showing: showingText(window, entries.length, 'report', 'reports'),
    pagination: withLabel(
      pagination(window.page, window.totalPages, (page) => paths.withQuery(paths.reports.list({}), { page })),
      'Pages of reports',
    ),
  });
}

const formBody = z.object({
  kind: z.string().trim().max(100).default(''),
  period: z.string().trim().max(100).default(''),
  audience: z.string().trim().max(40).default(''),
  format: z.string().trim().max(40).default(''),
});

/** A report someone may see, or 404. */
async function entryOr404(services: WebServices, user: CurrentUser, rawId: unknown): Promise<ReportEntry> {
  const id = typeof rawId === 'string' && /^\d{1,15}$/.test(rawId) ? Number(rawId) : null;
  const entry =
    id === null ? null : await reportEntry(services.db, user.authorityId, id, audiencesFor(mayInternal(user)));
  if (!entry) throw new NotFoundError();
  return entry;
}

async function sendFile(
  services: WebServices,
  user: CurrentUser,
  id: number,
  res: Response,
  audit: PageContext['audit'],
): Promise<void> {
  const found = await reportFile(services.db, user.authorityId, id, audiencesFor(mayInternal(user)));
  if (!found) throw new NotFoundError();
  if (found.entry.status !== 'done' || !found.bytes)
    throw new ConflictError('This report is not ready yet: its page says how far it has got');
  await audit.record(services.db, {
    recordType: 'generated-report',
    recordId: String(id),
    detail: { kind: found.entry.kind, audience: found.entry.audience, format: found.entry.format },
  });
  res
    .status(200)
    .type(CONTENT_TYPES[found.entry.format])
    .attachment(downloadName(found.entry))
    .setHeader('Cache-Control', 'no-store')
    .send(found.bytes);
}

// ——— the API's shapes ———

const stepsSchema = z.array(
  z.object({ number: z.number(), label: z.string(), state: z.enum(['done', 'current', 'to do']) }),
);
const statusSchema = z.object({
  id: z.number(),
  kind: z.string(),
  title: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  audience: z.enum(AUDIENCES),
  format: z.enum(['docx', 'pdf']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  progress: z
    .string()
    .nullable()
    .describe('What it is doing now, e.g. "Step 2 of 3: Writing the PDF"; null when not running'),
  stepsDone: z.number(),
  stepsTotal: z.number(),
  steps: stepsSchema,
  ahead: z.number().nullable().describe('Reports ahead of it in the queue, while queued'),
  error: z.string().nullable(),
  generatedBy: z.string(),
  createdAt: z.string(),
  generatedAt: z.string().nullable(),
  bytes: z.number().nullable(),
  sha256: z.string().nullable(),
  href: z.string().describe('This status'),
  file: z.string().nullable().describe('The file, once done'),
});
type StatusBody = z.input<typeof statusSchema>;

function stepLabels(format: string): string[] {
  return ['Reading the figures', `Writing the ${format.toUpperCase()}`, 'Keeping the file'];
}

async function statusBody(
  services: WebServices,
  entry: ReportEntry,
  periods: Map<string, PeriodChoice[]> | null,
): Promise<StatusBody> {
  const labels = stepLabels(entry.format);
  return {
    id: entry.id,
    kind: entry.kind,
    title: kindTitle(entry.kind),
    period: entry.period,
    periodLabel: periods ? periodLabel(periods, entry) : entry.period,
    audience: entry.audience,
    format: entry.format,
    status: entry.status,
    progress: entry.status === 'running' ? stepText(entry) : null,
    stepsDone: entry.stepsDone,
    stepsTotal: entry.stepsTotal,
    steps: labels.map((label, i) => ({
      number: i + 1,
      label,
      state:
        entry.status === 'done' || i < entry.stepsDone
          ? 'done'
          : entry.status === 'running' && i === entry.stepsDone
            ? 'current'
            : 'to do',
    })),
    ahead: entry.status === 'queued' ? await reportsAhead(services.db, entry.id) : null,
    error: entry.error,
    generatedBy: entry.generatedBy,
    createdAt: entry.createdAt.toISOString(),
    generatedAt: entry.generatedAt ? entry.generatedAt.toISOString() : null,
    bytes: entry.bytes,
    sha256: entry.sha256,
    href: paths.api.report({ reportId: entry.id }),
    file: entry.status === 'done' ? paths.api.reportFile({ reportId: entry.id }) : null,
  };
}

const reportParams = z.object({
  reportId: z.coerce.number({ error: 'The report id is a number' }).int().min(1).max(Number.MAX_SAFE_INTEGER),
});

/** The reports pages; the runner that writes queued reports in the background comes from the wiring. */
export function reportRoutes(r: RouteBuilder, reportRunner: ReportRunner): void {
  r.page({
    method: 'get',
    path: paths.reports.list,
    access: 'report:read',
    audit: null,
    handler: async (ctx) => {
      await renderList(ctx, null);
    },
  });

  r.page({
    method: 'post',
    path: paths.reports.generate,
    access: 'report:read',
    audit: 'reports.queue',
    body: formBody,
    invalid: async (ctx, form) => {
      const posted = (name: string) => {
        const v = form.input[name];
        return typeof v === 'string' ? v.trim() : '';
      };
      await renderList(
        ctx,
        {
          kind: posted('kind'),
          values: { period: posted('period'), audience: posted('audience'), format: posted('format') },
          errors: form.errors,
        },
        400,
      );
    },
    handler: async (ctx) => {
      const { body, res, user, services, audit } = ctx;
      const id = await queueReport(services.db, user.authorityId, body, {
        name: user.displayName,
        mayInternal: mayInternal(user),
      });
      await audit.record(services.db, {
        recordType: 'generated-report',
        recordId: String(id),
        detail: { kind: body.kind, period: body.period, audience: body.audience, format: body.format },
      });
      reportRunner.kick();
      res.redirect(303, paths.reports.report({ reportId: id }));
    },
  });

  r.page({
    method: 'get',
    path: paths.reports.report,
    access: 'report:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const entry = await entryOr404(services, user, req.params.reportId);
      const periods = await periodsByKind(services, user.authorityId, todayInLondon());
      const status = await statusBody(services, entry, periods);
      const titles: Record<string, string> = {
        queued: 'Waiting to be written',
        running: 'Being written',
        done: 'Your report is ready',
        failed: 'The report could not be written',
      };
      res.render('reports/views/report.njk', {
        pageTitle: `${titles[entry.status] ?? 'Report'}: ${kindTitle(entry.kind)}`,
        heading: titles[entry.status] ?? 'Report',
        report: presentEntry(entry, periods),
        status,
        selfHref: paths.reports.report({ reportId: entry.id }),
        statusUrl: paths.api.report({ reportId: entry.id }),
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.reports.file,
    access: 'report:read',
    audit: 'reports.download',
    handler: async ({ req, res, user, services, audit }) => {
      const entry = await entryOr404(services, user, req.params.reportId);
      await sendFile(services, user, entry.id, res, audit);
    },
  });

  // ——— the API ———

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
