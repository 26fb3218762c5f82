/** The improvement plan in the API: GET /api/improvement-plan and GET /api/improvement-plan/actions/:actionId. */
import { z } from 'zod';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { actionImpact } from '../impact';
import { loadPlan } from '../plan';
import { actionResponse, asResponse, planResponse } from '../api';
import { progressHistory } from '../service';
import { audienceOf, findAction } from './shared';

export function improvementApiRoutes(r: RouteBuilder): void {
  r.api({
    method: 'get',
    path: paths.api.improvementPlan,
    access: 'inspection:read',
    audit: null,
    tag: 'Improvement plan',
    summary: 'The improvement plan',
    description:
      'Themes → objectives → actions, each action with its status, RAG, overdue and off-track flags, latest progress update, the recommendations it answers and its evidence; the current recommendations no action answers; summary counts. Overdue: due before today and not complete. Off track: not complete and red, blocked, or amber within 20 working days of its due date.',
    response: planResponse,
    handler: async ({ user, services }) => asResponse(await loadPlan(services.db, user.authorityId, todayInLondon())),
  });

  r.api({
    method: 'get',
    path: paths.api.improvementAction,
    access: 'inspection:read',
    audit: null,
    tag: 'Improvement plan',
    summary: 'One improvement action with its impact series',
    description:
      'The action, and for each evidence indicator its kept monthly values from 12 months before the action started to the latest complete month, the value before it started, the latest, whether the success target is met and the latest benchmark; for each audit domain the grades by month. For members, counts from 1 to 4 (and figures made from them) are "c".',
    params: z.object({ actionId: z.coerce.number().int().positive() }),
    response: actionResponse,
    handler: async (ctx) => {
      const today = todayInLondon();
      const found = await findAction(ctx, ctx.params.actionId, today);
      const [impact, history] = await Promise.all([
        actionImpact(ctx.services.db, ctx.user.authorityId, found.action, today, audienceOf(ctx.user)),
        progressHistory(ctx.services.db, found.action.id),
      ]);
      return asResponse({
        action: found.action,
        progressUpdates: history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
        impact,
      });
    },
  });
}
