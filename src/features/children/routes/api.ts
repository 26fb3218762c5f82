/**
 * The children API: /api/children, /api/children/:childId and /api/children/:childId/chronology, with the same access
 * and audit as the pages; its response schemas are also the presenters' allowlists.
 */
import { z } from 'zod';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { ChildrenService } from '../service';
import { AREAS, CHRONOLOGY_KINDS, selectEntries, type Area } from '../chronology';
import { MAX_QUERY_LENGTH } from '../search-query';
import { STATUSES } from '../status';
import { childParams } from './child-param';

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

export function childrenApi(r: RouteBuilder, children: ChildrenService): void {
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
