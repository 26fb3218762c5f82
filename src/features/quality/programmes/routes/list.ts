/** GET /quality/programmes: every programme with its progress and an overdue flag. */
import { todayInLondon } from '../../../../domain/today';
import { str } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { KIND_LABELS, listProgrammes, STATUS_LABELS } from '../service';

export function programmeListRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.programmes,
    access: 'audit:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const programmes = await listProgrammes(services.db, user.authorityId, today);
      res.render('quality/programmes/views/index.njk', {
        pageTitle: 'Audit programmes',
        saved: str(req.query.saved),
        programmes: programmes.map((p) => ({
          ...p,
          href: paths.quality.programme({ programmeId: p.id }),
          kindLabel: KIND_LABELS[p.kind],
          statusLabel: STATUS_LABELS[p.status],
          statusClass:
            p.status === 'open' ? 'govuk-tag--blue' : p.status === 'closed' ? 'govuk-tag--grey' : 'govuk-tag--yellow',
        })),
      });
    },
  });
}
