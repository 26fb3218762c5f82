/**
 * The trackers API: /api/trackers (the list with counts) and /api/trackers/:tracker (the rows as JSON, with the page's
 * filters; bad input is a 400, problem+json).
 */
import { z } from 'zod';
import { isIsoDate } from '../../../domain/dates';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { STATUSES, TRACKER_IDS } from '../definitions';
import { CASELOAD_SORT_KEYS, SORT_KEYS, trackersService } from '../service';
import { viewer } from './viewer';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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

export function trackersApi(r: RouteBuilder): void {
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
