/**
 * /children/:childId (the record with its chronology) and /children/:childId/chronology: 404 alike for a missing child
 * and one the user may not see; the chronology's area and order come from the query, forgivingly.
 *
 * The record says where it came from ("Sources of this record"), and with ?sources=1 the chronology has a Sources
 * column: each event's imports, linked to their reports for the roles that may read them (data:import). The record's
 * query goes through the kernel's strict `query` (decision 0023): a parameter it does not have is a 400.
 */
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { filterQuery } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { ChildrenService } from '../service';
import { isArea } from '../chronology';
import {
  allocationRows,
  chronologyModel,
  familyRows,
  fullName,
  identityRows,
  sourcesSummary,
  statusTags,
  type Order,
} from '../presenters';
import { childParams } from './child-param';

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

/** The record's query: the chronology's area and order (forgiving, as the form sends them) and `sources=1`. */
const recordQuery = filterQuery({
  area: z
    .unknown()
    .optional()
    .transform((v) => (isArea(v) ? v : null)),
  order: z
    .unknown()
    .optional()
    .transform((v): Order => (v === 'newest' ? 'newest' : 'oldest')),
  sources: z
    .unknown()
    .optional()
    .transform((v) => v === '1'),
});

export function recordPages(r: RouteBuilder, children: ChildrenService): void {
  r.page({
    method: 'get',
    path: paths.children.show,
    access: 'child:read',
    whenDenied: 'not-found',
    audit: 'child.view',
    query: recordQuery,
    // Nothing about the child is read: the same 400 whichever child the path names.
    invalid: ({ res }, form) => {
      res.render('errors/400.njk', { message: form.errors.map((e) => e.message).join('. ') });
    },
    handler: async ({ req, res, user, audit, query }) => {
      const { childId } = childParams.parse(req.params);
      const { area, order } = query;
      const record = await children.view(user, childId, audit, { sources: true });
      const linkImports = can(user.role, 'data:import');
      const here = paths.children.show({ childId: record.lanternId });
      const withSources = query.sources && record.sources ? { sources: record.sources, linkImports } : null;
      res.render('children/views/show.njk', {
        pageTitle: fullName(record),
        child: record,
        name: fullName(record),
        statusHtml: statusTags(record.status),
        identityRows: identityRows(record),
        familyRows: familyRows(record),
        allocationRows: allocationRows(record),
        chronology: chronologyModel(record.chronology, area, order, withSources),
        chronologyAction: `${here}#chronology`,
        sourcesSummary: sourcesSummary(record, linkImports),
        sourcesToggle: withSources
          ? {
              text: 'Hide sources',
              href: `${paths.withQuery(here, { area, order: order === 'newest' ? order : null })}#chronology`,
            }
          : {
              text: 'Show where each event came from',
              href: `${paths.withQuery(here, { area, order: order === 'newest' ? order : null, sources: 1 })}#chronology`,
            },
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
}
