/**
 * The child record on the web and the API: find a child, open their record, read their chronology.
 *
 * Pages: /children (search), /children/:childId (the record with the chronology), /children/:childId/chronology.
 * API:   /api/children, /api/children/:childId, /api/children/:childId/chronology — same access and audit.
 * Every child view answers 404 alike for a missing child and one the user may not see (`whenDenied: 'not-found'`
 * for those without child:read; the service's scope check for everyone else).
 */
import { z } from 'zod';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import type { ChildrenService } from './service';
import { AREAS, CHRONOLOGY_KINDS, isArea, selectEntries, type Area } from './chronology';
import {
  allocationRows,
  chronologyModel,
  familyRows,
  fullName,
  identityRows,
  searchModel,
  statusTags,
  type Order,
} from './presenters';
import { MAX_QUERY_LENGTH } from './search-query';
import { STATUSES } from './status';

// ——— request schemas ———

const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `Search must be ${MAX_QUERY_LENGTH} characters or fewer`)
    .optional()
    .default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

const childParams = z.object({ childId: z.string().max(32) });

const chronologyQuery = z.object({
  area: z
    .string()
    .optional()
    .transform((v) => (isArea(v) ? v : null)),
  order: z
    .string()
    .optional()
    .transform((v): Order => (v === 'newest' ? 'newest' : 'oldest')),
});

/** The API is strict where the pages are forgiving: an unknown area or page is a 400, not silently ignored. */
const apiSearchQuery = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH).optional(),
  page: z.coerce.number().int().min(1).max(100_000).optional(),
});

// ——— response schemas: also the presenters' allowlists ———

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const statusSchema = z.object({
  main: z.enum(STATUSES),
  mainLabel: z.string(),
  all: z.array(z.object({ code: z.enum(STATUSES), label: z.string() })),
});

const childSummarySchema = z.object({
  lanternId: z.string(),
  laChildId: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  dateOfBirth: isoDate.nullable(),
  expectedDateOfBirth: isoDate.nullable(),
  age: z.number().int().nullable(),
  status: statusSchema,
  currentTeam: z.string().nullable(),
});

const searchResponse = z.object({
  kind: z.enum(['all', 'lantern-id', 'la-child-id', 'name']),
  scope: z.union([
    z.object({ kind: z.literal('authority') }),
    z.object({ kind: z.literal('team'), teamName: z.string().nullable() }),
    z.object({ kind: z.literal('none') }),
  ]),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
  results: z.array(childSummarySchema),
});

const childResponse = childSummarySchema.extend({
  asAt: isoDate,
  upn: z.string().nullable(),
  upnUnknownReason: z.string().nullable(),
  dateOfDeath: isoDate.nullable(),
  sex: z.string(),
  sexLabel: z.string(),
  gender: z.string().nullable(),
  ethnicity: z.string(),
  ethnicityLabel: z.string(),
  firstLanguage: z.string().nullable(),
  religion: z.string().nullable(),
  postcodeDistrict: z.string().nullable(),
  disabilities: z.array(z.object({ code: z.string(), label: z.string(), recordedDate: isoDate.nullable() })),
  uasc: z.boolean(),
  immigrationStatuses: z.array(
    z.object({ status: z.string(), startDate: isoDate, endDate: isoDate.nullable(), current: z.boolean() }),
  ),
  familyLinks: z.array(
    z.object({
      relationship: z.string(),
      relationshipLabel: z.string(),
      familyRef: z.string().nullable(),
      relatedDateOfBirth: isoDate.nullable(),
      related: z
        .object({ lanternId: z.string(), firstName: z.string().nullable(), lastName: z.string().nullable() })
        .nullable(),
    }),
  ),
  allocations: z.array(
    z.object({
      role: z.string(),
      roleLabel: z.string(),
      worker: z.string().nullable(),
      team: z.string().nullable(),
      startDate: isoDate,
      endDate: isoDate.nullable(),
      isPrimary: z.boolean(),
      current: z.boolean(),
    }),
  ),
});

const kinds = Object.keys(CHRONOLOGY_KINDS) as [keyof typeof CHRONOLOGY_KINDS, ...Array<keyof typeof CHRONOLOGY_KINDS>];
const areas = Object.keys(AREAS) as [Area, ...Area[]];

const apiChronologyQuery = z.object({
  area: z.enum(areas).optional(),
  order: z.enum(['oldest', 'newest']).optional(),
});

const chronologyResponse = z.object({
  child: z.object({
    lanternId: z.string(),
    laChildId: z.string(),
    firstName: z.string().nullable(),
    lastName: z.string().nullable(),
    dateOfBirth: isoDate.nullable(),
  }),
  area: z.enum(areas).nullable(),
  total: z.number().int(),
  entries: z.array(
    z.object({
      date: isoDate,
      time: z.string().nullable(),
      kind: z.enum(kinds),
      area: z.enum(areas),
      areaLabel: z.string(),
      title: z.string(),
      detail: z.string(),
      worker: z.string().nullable(),
      team: z.string().nullable(),
    }),
  ),
});

// ——— routes ———

/** The children pages and API; the children service comes from the wiring. */
export function childrenRoutes(r: RouteBuilder, children: ChildrenService): void {
  r.page({
    method: 'get',
    path: paths.children.search,
    access: 'child:search',
    audit: 'child.search',
    handler: async ({ req, res, user, audit }) => {
      const parsed = searchQuery.safeParse(req.query);
      if (!parsed.success) {
        // Nothing was searched, so nothing is audited; the 400 keeps the form and says what is wrong.
        res.status(400).render('children/views/search.njk', {
          pageTitle: 'Error: Find a child',
          errors: parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'q'), message: i.message })),
          q: typeof req.query.q === 'string' ? req.query.q.slice(0, 500) : '',
        });
        return;
      }
      const { q, page } = parsed.data;
      const result = await children.search(user, q, page, audit);
      const model = searchModel(result, q);
      res.render('children/views/search.njk', {
        pageTitle: q ? 'Search results – Find a child' : 'Find a child',
        q,
        searched: result.kind !== 'all',
        ...model,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.children.show,
    access: 'child:read',
    whenDenied: 'not-found',
    audit: 'child.view',
    handler: async ({ req, res, user, audit }) => {
      const { childId } = childParams.parse(req.params);
      const { area, order } = chronologyQuery.parse(req.query);
      const record = await children.view(user, childId, audit);
      res.render('children/views/show.njk', {
        pageTitle: fullName(record),
        child: record,
        name: fullName(record),
        statusHtml: statusTags(record.status),
        identityRows: identityRows(record),
        familyRows: familyRows(record),
        allocationRows: allocationRows(record),
        chronology: chronologyModel(record.chronology, area, order),
        chronologyAction: `${paths.children.show({ childId: record.lanternId })}#chronology`,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.children.chronology,
    access: 'child:read',
    whenDenied: 'not-found',
    audit: 'child.view',
    handler: async ({ req, res, user, audit }) => {
      const { childId } = childParams.parse(req.params);
      const { area, order } = chronologyQuery.parse(req.query);
      const { child, entries } = await children.chronology(user, childId, audit);
      res.render('children/views/chronology.njk', {
        pageTitle: `Chronology – ${fullName(child)}`,
        child,
        name: fullName(child),
        chronology: chronologyModel(entries, area, order),
        chronologyAction: paths.children.chronology({ childId: child.lanternId }),
      });
    },
  });

  r.api({
    method: 'get',
    path: paths.api.children,
    access: 'child:search',
    audit: 'child.search',
    tag: 'Children',
    summary: 'Find children',
    description:
      'Search by Lantern ID (L0000123, any case), LA child ID, or name (every word must appear in the first or last name). ' +
      'An empty query lists every child in scope. Team managers and social workers see only children allocated to their team. 20 to a page.',
    query: apiSearchQuery,
    response: searchResponse,
    handler: async ({ query, user, audit }) => children.search(user, query.q ?? '', query.page ?? 1, audit),
  });

  r.api({
    method: 'get',
    path: paths.api.child,
    access: 'child:read',
    whenDenied: 'not-found',
    audit: 'child.view',
    tag: 'Children',
    summary: 'A child’s record',
    description:
      'Who the child is, their current status, family links and allocations. A child that does not exist and one you may not see both answer 404.',
    params: childParams,
    response: childResponse,
    handler: async ({ params, user, audit }) => children.view(user, params.childId, audit, { chronology: false }),
  });

  r.api({
    method: 'get',
    path: paths.api.chronology,
    access: 'child:read',
    whenDenied: 'not-found',
    audit: 'child.view',
    tag: 'Children',
    summary: 'A child’s chronology',
    description:
      'Every dated event recorded about the child, oldest first, optionally for one area (for example child-protection or in-care).',
    params: childParams,
    query: apiChronologyQuery,
    response: chronologyResponse,
    handler: async ({ params, query, user, audit }) => {
      const { child, entries } = await children.chronology(user, params.childId, audit);
      const area = query.area ?? null;
      return { child, area, total: entries.length, entries: selectEntries(entries, area, query.order ?? 'oldest') };
    },
  });
}
