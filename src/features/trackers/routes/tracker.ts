/**
 * /trackers/:tracker: one tracker, its filters in a GET form, headings that sort by link, each child linking to their
 * record, a page at a time (audited as tracker.view with the tracker and the filters, never child data); and
 * /trackers/:tracker.csv, the same filtered list as CSV (tracker.download). Wrong filters (the query's, or a team or
 * worker not in the authority) show the page again with every error at once (400); the CSV answers them with 400.
 */
import { NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import type { FormBody } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { isTrackerId, TRACKERS, type TrackerId } from '../definitions';
import { caseloadTable, trackerCsv, trackerTable } from '../presenters';
import { trackersService } from '../service';
import { filterValues, teamAskedFor, trackerQuery } from './filters';
import { viewer } from './viewer';

const PAGE_SIZE = 100;

type Filters = ReturnType<typeof trackerQuery.parse>;

/** The tracker the path names, or 404. */
function trackerOr404(ctx: PageContext): TrackerId {
  const id = String(ctx.req.params.tracker ?? '');
  if (!isTrackerId(id)) throw new NotFoundError();
  return id;
}

/** What the page shows with or without results: the tracker, its filters' choices and the form. */
async function pageCommon(ctx: PageContext, id: TrackerId, teamId: number | null) {
  const v = viewer(ctx.user);
  const def = TRACKERS[id];
  const options = await trackersService(ctx.services.db).filterOptions(v, teamId);
  return {
    tracker: def,
    trackerId: id,
    options,
    scopeKind: v.scope.kind,
    formAction: paths.trackers.tracker({ tracker: id }),
    clearUrl: paths.trackers.tracker({ tracker: id }),
    kinds: Object.entries(def.kinds).map(([value, text]) => ({ value, text })),
    statuses: def.statuses.map((s) => ({ value: s, text: def.statusLabels[s] ?? s })),
  };
}

async function renderErrors(ctx: PageContext, id: TrackerId, errors: FieldError[], input: FormBody): Promise<void> {
  const common = await pageCommon(ctx, id, teamAskedFor(input));
  ctx.res.status(400).render('trackers/views/tracker.njk', {
    ...common,
    pageTitle: `Error: ${TRACKERS[id].title}`,
    errors,
    values: filterValues(input),
  });
}

async function renderTracker(ctx: PageContext, id: TrackerId, filters: Filters): Promise<void> {
  const { res, user, services, audit } = ctx;
  const common = await pageCommon(ctx, id, filters.request.teamId ?? null);
  const { options } = common;
  // A team or worker not in the authority is a ValidationError: the page is shown again with it (r.page's `invalid`).
  const result = await trackersService(services.db).run(viewer(user), id, filters.request, audit);
  const total = result.total;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(filters.page, pages);
  const slice = <T>(list: T[]) => list.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const base = paths.trackers.tracker({ tracker: id });
  const link = (p: number) => paths.withQuery(base, { ...filters.state, page: p });
  const table =
    id === 'caseloads'
      ? caseloadTable(result, slice(result.caseloads), filters.state)
      : trackerTable(result, slice(result.rows), filters.state);
  const workerName =
    result.filters.workerId === null
      ? null
      : (options.workers.find((w) => w.id === result.filters.workerId)?.name ?? null);
  const teamName =
    result.filters.teamId === null ? null : (options.teams.find((t) => t.id === result.filters.teamId)?.name ?? null);
  res.render('trackers/views/tracker.njk', {
    ...common,
    pageTitle: TRACKERS[id].title,
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
    csvUrl: paths.withQuery(paths.trackers.trackerCsv({ tracker: id }), filters.state),
    values: {
      asAt: filters.state.asAt ?? '',
      team: result.filters.teamId === null ? '' : String(result.filters.teamId),
      worker: result.filters.workerId === null ? 'all' : String(result.filters.workerId),
      kind: result.filters.kind ?? '',
      status: result.filters.status ?? '',
    },
  });
}

export function trackerPages(r: RouteBuilder): void {
  // The CSV first: "/trackers/:tracker" would otherwise also match "due.csv".
  r.page({
    method: 'get',
    path: paths.trackers.trackerCsv,
    access: 'trackers:read',
    audit: 'tracker.download',
    query: trackerQuery,
    invalid: (ctx, form) => {
      trackerOr404(ctx);
      throw new ValidationError(form.errors);
    },
    handler: async (ctx) => {
      const id = trackerOr404(ctx);
      const { res, user, services, audit } = ctx;
      const result = await trackersService(services.db).run(viewer(user), id, ctx.query.request, audit);
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
    query: trackerQuery,
    invalid: async (ctx, form) => {
      await renderErrors(ctx, trackerOr404(ctx), form.errors, form.input);
    },
    handler: async (ctx) => {
      await renderTracker(ctx, trackerOr404(ctx), ctx.query);
    },
  });
}
