/** Exporting on the web: GET /data/exports (the page) and GET /data/exports/:kind (a download). */
import { NotFoundError } from '../../../core/errors';
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
      if (!q.success) {
        res.status(400).render('data/views/exports.njk', {
          pageTitle: 'Error: Export data',
          today: todayInLondon(),
          years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y), selected: y === defaultYear() })),
          errors: q.error.issues.map((i) => ({
            field: `${params.data.kind}-${String(i.path[0])}`,
            message: i.message,
          })),
          values: req.query,
        });
        return;
      }
      await download({ res, services, user, audit }, params.data.kind, q.data);
    },
  });
}
