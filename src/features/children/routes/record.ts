/**
 * /children/:childId (the record with its chronology) and /children/:childId/chronology: 404 alike for a missing child
 * and one the user may not see; the chronology's area and order come from the query, forgivingly.
 */
import { z } from 'zod';
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

export function recordPages(r: RouteBuilder, children: ChildrenService): void {
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
}
