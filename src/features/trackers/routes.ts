/**
 * Trackers on the web and the API.
 *
 * Pages: /trackers (every tracker with its counts), /trackers/:tracker (one tracker: filters in a GET form, headings
 * that sort by link, each child linking to their record), /trackers/:tracker.csv (the same filtered list as CSV).
 * API:   /api/trackers (the list with counts), /api/trackers/:tracker (the rows as JSON, same filters).
 * Access: trackers:read. Team managers and social workers see only their own team. Viewing a tracker's rows
 * writes tracker.view (downloading, tracker.download) with the tracker and the filters — never child data.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { childScope } from '../../domain/roles';
import { isIsoDate } from '../../domain/dates';
import { todayInLondon } from '../../domain/today';
import { NotFoundError, ValidationError } from '../../core/errors';
import { paths } from '../../web/paths';
import type { PageContext, RouteBuilder } from '../../web/route';
import type { CurrentUser } from '../../accounts/users/service';
import { isTrackerId, STATUSES, TRACKERS, TRACKER_IDS, type TrackerId } from './definitions';
import { caseloadTable, trackerCsv, trackerTable, type QueryState } from './presenters';
import { CASELOAD_SORT_KEYS, SORT_KEYS, trackersService, viewerOf, type TrackerRequest, type Viewer } from './service';

const PAGE_SIZE = 100;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

function viewer(user: CurrentUser): Viewer {
  return viewerOf(user, childScope(user));
}

interface Parsed {
  request: TrackerRequest;
  state: QueryState;
  page: number;
  errors: Array<{ field: string; message: string }>;
}

const one = (v: unknown): string | undefined => (typeof v === 'string' ? v.trim() : undefined);

/** The page's query: forgiving about empty fields, specific about wrong ones. */
function parsePageQuery(query: Request['query']): Parsed {
  const errors: Array<{ field: string; message: string }> = [];
  const asAt = one(query.asAt) || undefined;
  if (asAt !== undefined && !isIsoDate(asAt))
    errors.push({ field: 'asAt', message: 'Enter the date as YYYY-MM-DD, for example 2026-03-27' });
  const team = one(query.team) || undefined;
  if (team !== undefined && !/^\d{1,9}$/.test(team))
    errors.push({ field: 'team', message: 'Choose a team from the list' });
  const worker = one(query.worker) || undefined;
  if (worker !== undefined && worker !== 'all' && !/^\d{1,9}$/.test(worker))
    errors.push({ field: 'worker', message: 'Choose a worker from the list' });
  const status = one(query.status) || undefined;
  if (status !== undefined && !(STATUSES as readonly string[]).includes(status))
    errors.push({ field: 'status', message: 'Choose a status from the list' });
  const kind = one(query.kind) || undefined;
  const sort = one(query.sort) || undefined;
  const order = one(query.order) === 'desc' ? 'desc' : 'asc';
  const page = Math.max(1, Math.min(100_000, Number.parseInt(one(query.page) ?? '1', 10) || 1));
  const request: TrackerRequest = {
    asAt: errors.some((e) => e.field === 'asAt') ? undefined : asAt,
    teamId: team && /^\d+$/.test(team) ? Number(team) : null,
    workerId:
      worker === undefined ? undefined : worker === 'all' ? null : /^\d+$/.test(worker) ? Number(worker) : undefined,
    kind: kind ?? null,
    status: status && (STATUSES as readonly string[]).includes(status) ? (status as TrackerRequest['status']) : null,
    sort,
    order,
  };
  return { request, state: { asAt, team, worker, kind, status, sort, order: sort ? order : undefined }, page, errors };
}

async function renderTracker(ctx: PageContext, id: TrackerId): Promise<void> {
  const { req, res, user, services, audit } = ctx;
  const service = trackersService(services.db);
  const v = viewer(user);
  const parsed = parsePageQuery(req.query);
  const def = TRACKERS[id];
  const options = await service.filterOptions(v, parsed.request.teamId ?? null);
  const common = {
    tracker: def,
    trackerId: id,
    options,
    scopeKind: v.scope.kind,
    formAction: paths.trackers.tracker({ tracker: id }),
    clearUrl: paths.trackers.tracker({ tracker: id }),
    kinds: Object.entries(def.kinds).map(([value, text]) => ({ value, text })),
    statuses: def.statuses.map((s) => ({ value: s, text: def.statusLabels[s] ?? s })),
  };
  let errors = parsed.errors;
  let result: Awaited<ReturnType<typeof service.run>> | undefined;
  if (!errors.length) {
    try {
      result = await service.run(v, id, parsed.request, audit);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors = err.errors;
    }
  }
  if (!result) {
    res.status(400).render('trackers/views/tracker.njk', {
      ...common,
      pageTitle: `Error: ${def.title}`,
      errors,
      values: {
        asAt: one(req.query.asAt) ?? '',
        team: one(req.query.team) ?? '',
        worker: one(req.query.worker) ?? '',
        kind: one(req.query.kind) ?? '',
        status: one(req.query.status) ?? '',
      },
    });
    return;
  }
  const total = result.total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(parsed.page, pages);
  const slice = <T>(list: T[]) => list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const base = paths.trackers.tracker({ tracker: id });
  const link = (p: number) => paths.withQuery(base, { ...parsed.state, page: p });
  const table =
    id === 'caseloads'
      ? caseloadTable(result, slice(result.caseloads), parsed.state)
      : trackerTable(result, slice(result.rows), parsed.state);
  const workerName =
    result.filters.workerId === null
      ? null
      : (options.workers.find((w) => w.id === result.filters.workerId)?.name ?? null);
  const teamName =
    result.filters.teamId === null ? null : (options.teams.find((t) => t.id === result.filters.teamId)?.name ?? null);
  res.render('trackers/views/tracker.njk', {
    ...common,
    pageTitle: def.title,
    result,
    table,
    total,
    page,
    pages,
    teamName,
    workerName,
    pagination:
      pages > 1
        ? {
            ...(page > 1 ? { previous: { href: link(page - 1) } } : {}),
            ...(page < pages ? { next: { href: link(page + 1) } } : {}),
          }
        : null,
    csvUrl: paths.withQuery(paths.trackers.trackerCsv({ tracker: id }), parsed.state),
    values: {
      asAt: parsed.state.asAt ?? '',
      team: result.filters.teamId === null ? '' : String(result.filters.teamId),
      worker: result.filters.workerId === null ? 'all' : String(result.filters.workerId),
      kind: result.filters.kind ?? '',
      status: result.filters.status ?? '',
    },
  });
}

// ——— API schemas ———

const apiQuery = z.object({
  asAt: isoDate.refine(isIsoDate, 'Not a calendar date').optional(),
  team: z.coerce.number().int().positive().optional(),
  worker: z.union([z.literal('all'), z.coerce.number().int().positive()]).optional(),
  kind: z.string().max(40).optional(),
  status: z.enum(STATUSES).optional(),
  sort: z
    .enum([...SORT_KEYS, ...CASELOAD_SORT_KEYS.filter((k) => !(SORT_KEYS as readonly string[]).includes(k))] as [
      string,
      ...string[],
    ])
    .optional(),
  order: z.enum(['asc', 'desc']).optional(),
});

const trackerParams = z.object({ tracker: z.enum(TRACKER_IDS) });

const countsResponse = z.object({
  asAt: isoDate,
  trackers: z.array(
    z.object({
      id: z.enum(TRACKER_IDS),
      title: z.string(),
      description: z.string(),
      total: z.number().int(),
      overdue: z.number().int(),
    }),
  ),
});

const rowSchema = z.object({
  kind: z.string(),
  kindLabel: z.string(),
  lanternId: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  team: z.string().nullable(),
  worker: z.string().nullable(),
  workerRef: z.string().nullable(),
  startDate: isoDate.nullable(),
  lastDate: isoDate.nullable(),
  dueDate: isoDate,
  status: z.enum(STATUSES),
  statusLabel: z.string(),
  workingDays: z.number().int().nullable(),
  daysElapsed: z.number().int().nullable(),
  weeksElapsed: z.number().int().nullable(),
  notes: z.string().nullable(),
});

const caseloadSchema = z.object({
  worker: z.string(),
  workerRef: z.string(),
  role: z.string(),
  agency: z.boolean(),
  team: z.string().nullable(),
  children: z.number().int(),
  cp: z.number().int(),
  cla: z.number().int(),
  careLeavers: z.number().int(),
});

const trackerResponse = z.object({
  tracker: z.enum(TRACKER_IDS),
  title: z.string(),
  asAt: isoDate,
  windowEnd: isoDate,
  scope: z.enum(['authority', 'team', 'none']),
  filters: z.object({
    teamId: z.number().int().nullable(),
    workerId: z.number().int().nullable(),
    kind: z.string().nullable(),
    status: z.enum(STATUSES).nullable(),
    sort: z.string(),
    order: z.enum(['asc', 'desc']),
  }),
  total: z.number().int(),
  overdue: z.number().int(),
  rows: z.array(rowSchema),
  caseloads: z.array(caseloadSchema),
});

export function trackersRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.trackers.index,
    access: 'trackers:read',
    // Counts only: no child is listed, so nothing to audit.
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const asAt = one(req.query.asAt);
      const valid = asAt && isIsoDate(asAt) ? asAt : undefined;
      const service = trackersService(services.db);
      const v = viewer(user);
      const counts = await service.counts(v, valid);
      // Authority-wide users also get each team's own list of work due, the page a team manager works from.
      const teamLinks =
        v.scope.kind === 'authority'
          ? (await service.filterOptions(v, null)).teams.map((t) => ({
              text: t.name,
              href: paths.withQuery(paths.trackers.tracker({ tracker: 'due' }), { team: t.id, asAt: valid }),
            }))
          : [];
      res.render('trackers/views/index.njk', {
        pageTitle: 'Trackers',
        teamLinks,
        scopeKind: v.scope.kind,
        rows: counts.map((c) => [
          {
            html: `<a class="govuk-link" href="${paths.trackers.tracker({ tracker: c.id })}">${c.title}</a><br><span class="govuk-hint govuk-!-font-size-16">${c.description}</span>`,
          },
          { text: c.total.toLocaleString('en-GB'), format: 'numeric' },
          { text: c.id === 'caseloads' ? '' : c.overdue.toLocaleString('en-GB'), format: 'numeric' },
        ]),
      });
    },
  });

  // The CSV first: "/trackers/:tracker" would otherwise also match "due.csv".
  r.page({
    method: 'get',
    path: paths.trackers.trackerCsv,
    access: 'trackers:read',
    audit: 'tracker.download',
    handler: async ({ req, res, user, services, audit }) => {
      const id = String(req.params.tracker ?? '');
      if (!isTrackerId(id)) throw new NotFoundError();
      const parsed = parsePageQuery(req.query);
      if (parsed.errors.length) throw new ValidationError(parsed.errors);
      const result = await trackersService(services.db).run(viewer(user), id, parsed.request, audit);
      res
        .status(200)
        .type('text/csv; charset=utf-8')
        .attachment(`tracker-${id}-${result.asAt}.csv`)
        .send(`\uFEFF${trackerCsv(result)}`);
    },
  });

  r.page({
    method: 'get',
    path: paths.trackers.tracker,
    access: 'trackers:read',
    audit: 'tracker.view',
    handler: async (ctx) => {
      const id = String(ctx.req.params.tracker ?? '');
      if (!isTrackerId(id)) throw new NotFoundError();
      await renderTracker(ctx, id);
    },
  });

  r.api({
    method: 'get',
    path: paths.api.trackers,
    access: 'trackers:read',
    audit: null,
    tag: 'Trackers',
    summary: 'Trackers and their counts',
    description:
      'Every tracker with how many rows it has and how many are overdue, for your default view (team managers and social workers: their own team; a social worker: their own caseload).',
    query: z.object({ asAt: isoDate.refine(isIsoDate, 'Not a calendar date').optional() }),
    response: countsResponse,
    handler: async ({ query, user, services }) => {
      const service = trackersService(services.db);
      const counts = await service.counts(viewer(user), query.asAt);
      return { asAt: query.asAt ?? todayInLondon(), trackers: counts };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.tracker,
    access: 'trackers:read',
    audit: 'tracker.view',
    tag: 'Trackers',
    summary: 'One tracker’s rows',
    description:
      'due: everything overdue or due within 10 working days, per timescale. plo: pre-proceedings and care proceedings. permanence: no permanence plan by the second review, adoption against A1/A2. ' +
      'cin-panel: CIN plans open 6 months or more. rhi: return home interviews. care-leavers: no personal adviser or pathway plan out of date. caseloads: open allocations per worker. ' +
      'Filters: team (authority-wide users), worker (an id, or "all"), kind, status; sort and order. Team managers and social workers see only their own team.',
    params: trackerParams,
    query: apiQuery,
    response: trackerResponse,
    handler: async ({ params, query, user, services, audit }) =>
      trackersService(services.db).run(
        viewer(user),
        params.tracker,
        {
          asAt: query.asAt,
          teamId: query.team ?? null,
          workerId: query.worker === undefined ? undefined : query.worker === 'all' ? null : query.worker,
          kind: query.kind ?? null,
          status: query.status ?? null,
          sort: query.sort,
          order: query.order,
        },
        audit,
      ),
  });
}
