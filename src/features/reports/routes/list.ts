/**
 * GET /reports: each kind with its form and the reports generated, newest first; POST /reports: queue one (bad
 * input shows the page again with its errors, 400).
 */
import { z } from 'zod';
import { todayInLondon } from '../../../domain/today';
import type { FieldError } from '../../../core/errors';
import { pagination, requestedPage, showingText, withLabel } from '../../../web/pagination';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import type { ReportRunner } from '../runner';
import { AUDIENCES, type Audience } from '../../../documents/model';
import { audiencesFor, queueReport, reportsPage } from '../queue';
import { REPORT_KINDS } from '../registry';
import { periodsByKind, presentEntry } from './present-entry';
import { mayInternal } from './visible-report';

export const PAGE_SIZE = 50;
const AUDIENCE_LABELS: Record<Audience, string> = {
  internal: 'Internal (counts as they are)',
  members: 'Members and the public (counts under 5 suppressed)',
};

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

/** The list page and the form that queues a report. */
export function listPages(r: RouteBuilder, reportRunner: ReportRunner): void {
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
}
