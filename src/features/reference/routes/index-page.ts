/**
 * GET /admin/reference: the admin page, with "loaded" or "saved" confirmed after a form's redirect.
 */
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { render } from './render';

export function indexPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.reference.index,
    access: 'reference:manage',
    audit: null,
    handler: async ({ req, res, services, user }) => {
      const loaded =
        typeof req.query.loaded === 'string' && /^\d{1,4}$/.test(req.query.loaded) ? Number(req.query.loaded) : null;
      await render({ res, services, user }, { loaded, saved: req.query.saved === '1' });
    },
  });
}
