/**
 * /children: find a child by name, Lantern id or local id (child:search; audited as child.search).
 */
import { z } from 'zod';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { ChildrenService } from '../service';
import { searchModel } from '../presenters';
import { MAX_QUERY_LENGTH } from '../search-query';

const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `Search must be ${MAX_QUERY_LENGTH} characters or fewer`)
    .optional()
    .default(''),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export function searchPage(r: RouteBuilder, children: ChildrenService): void {
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
}
