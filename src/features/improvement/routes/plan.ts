/** The whole improvement plan for the improvement board, with filters (/improvement). */
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { filterPlan, planFilterSchema, planPageModel } from '../view-model';
import { loadPlan } from '../plan';

export function planRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.improvement.plan,
    access: 'inspection:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const filter = planFilterSchema.parse(req.query);
      const plan = await loadPlan(services.db, user.authorityId, today);
      res.render('improvement/views/plan.njk', {
        pageTitle: 'Improvement plan',
        ...planPageModel(plan, filterPlan(plan, filter), filter),
        canManage: can(user.role, 'improvement:manage'),
        saved: typeof req.query.saved === 'string' ? req.query.saved : null,
      });
    },
  });
}
