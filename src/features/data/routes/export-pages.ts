/** Exporting on the web: GET /data/exports (the page) and GET /data/exports/:kind (a download). */
import { NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { COLLECTION_YEARS, defaultYear, download, exportParams, exportQuery, yearLabel } from './shared';

export function exportPageRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.data.exports,
    access: 'data:export',
    audit: null,
    handler: async ({ res }) => {
      res.render('data/views/exports.njk', {
        pageTitle: 'Export data',
        today: todayInLondon(),
        years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y), selected: y === defaultYear() })),
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.data.exportFile,
    access: 'data:export',
    audit: 'export.download',
    handler: async ({ req, res, services, user, audit }) => {
      const params = exportParams.safeParse(req.params);
      if (!params.success) throw new NotFoundError();
      const q = exportQuery.safeParse(req.query);
      const refuse = (errors: FieldError[]) => {
        res.status(400).render('data/views/exports.njk', {
          pageTitle: 'Error: Export data',
          today: todayInLondon(),
          years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y), selected: y === defaultYear() })),
          errors: errors.map((e) => ({ field: `${params.data.kind}-${e.field}`, message: e.message })),
          values: req.query,
        });
      };
      if (!q.success) {
        refuse(q.error.issues.map((i) => ({ field: String(i.path[0]), message: i.message })));
        return;
      }
      try {
        await download({ res, services, user, audit }, params.data.kind, q.data);
      } catch (e) {
        // An export the authority's data cannot make (the CIN census without an LA number): said on the page.
        if (!(e instanceof ValidationError) || res.headersSent) throw e;
        refuse(e.errors);
      }
    },
  });
}
