import { z } from 'zod';
import { isIsoDate } from '../../domain/dates';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import type { AccessLogFilter } from '../../accounts/access-log/repository';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date in the format YYYY-MM-DD')
  .refine(isIsoDate, 'Enter a real date');

export const accessLogQuery = z
  .object({
    username: z.string().trim().max(64).optional(),
    action: z.string().trim().max(64).optional(),
    recordId: z.string().trim().max(64).optional(),
    from: z.union([z.literal(''), isoDate]).optional(),
    to: z.union([z.literal(''), isoDate]).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    error: 'The ‘to’ date must be the same as or after the ‘from’ date',
    path: ['to'],
  });

const entry = z.object({
  id: z.number(),
  occurredAt: z.date().transform((d) => d.toISOString()),
  username: z.string().nullable(),
  action: z.string(),
  recordType: z.string().nullable(),
  recordId: z.string().nullable(),
  requestId: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).nullable(),
});

const PAGE_SIZE = 50;

/** The same filter for the page and the API: blank fields mean "any". */
function filterFor(authorityId: number, q: z.output<typeof accessLogQuery>): AccessLogFilter {
  return {
    authorityId,
    username: q.username || undefined,
    action: q.action || undefined,
    recordId: q.recordId || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    page: q.page,
    pageSize: PAGE_SIZE,
  };
}

export function accessLogRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.admin.accessLog,
    access: 'access-log:read',
    audit: 'access-log.search',
    handler: async ({ req, res, user, services, audit }) => {
      const parsed = accessLogQuery.safeParse(req.query);
      const raw = req.query as Record<string, string | undefined>;
      if (!parsed.success) {
        await audit.record(services.db, { recordType: 'access-log', detail: { outcome: 'invalid' } });
        res.status(400).render('access-log/views/index.njk', {
          pageTitle: 'Error: Access log',
          errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'from'), message: i.message })),
          values: raw,
          rows: [],
          actions: [],
        });
        return;
      }
      const q = parsed.data;
      const result = await services.accessLog.search(filterFor(user.authorityId, q), audit);
      const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
      const link = (page: number) =>
        paths.admin.accessLogFor({
          username: q.username,
          action: q.action,
          recordId: q.recordId,
          from: q.from,
          to: q.to,
          page,
        });
      res.render('access-log/views/index.njk', {
        pageTitle: 'Access log',
        values: q,
        rows: result.rows,
        total: result.total,
        actions: result.actions,
        pagination: {
          ...(q.page > 1 ? { previous: { href: link(q.page - 1) } } : {}),
          ...(q.page < pages ? { next: { href: link(q.page + 1) } } : {}),
          items: [],
        },
        page: q.page,
        pages,
      });
    },
  });

  r.api({
    method: 'get',
    path: paths.api.accessLog,
    access: 'access-log:read',
    audit: 'access-log.search',
    tag: 'Access log',
    summary: 'Search the access log',
    description: 'Every view of a child’s record and every change, newest first, 50 to a page.',
    query: accessLogQuery,
    response: z.object({ total: z.number(), page: z.number(), pageSize: z.number(), entries: z.array(entry) }),
    handler: async ({ query: q, user, services, audit }) => {
      const result = await services.accessLog.search(filterFor(user.authorityId, q), audit);
      return { total: result.total, page: q.page, pageSize: PAGE_SIZE, entries: result.rows };
    },
  });
}
