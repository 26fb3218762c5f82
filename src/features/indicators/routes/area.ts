/**
 * /performance/:area: one service area's indicator cards, with their latest commentary.
 */
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { latestCommentary } from '../commentary';
import { SERVICE_AREAS, SERVICE_AREA_LABELS, type ServiceArea } from '../definition';
import { periodLabel } from '../periods';
import { indicatorsIn } from '../registry';
import { indicatorResults } from '../results';
import { indicatorCard } from '../view-model';
import { choosePeriod, periodForm, periodQuery } from './period-query';
import { audienceOf } from './audience';

const areaParams = z.object({ area: z.string().max(40) });

export function areaPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.performance.area,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const { area } = areaParams.parse(req.params);
      if (!(SERVICE_AREAS as readonly string[]).includes(area)) throw new NotFoundError();
      const today = todayInLondon();
      const period = choosePeriod(periodQuery.parse(req.query), today);
      const audience = audienceOf(user);
      const defs = indicatorsIn(area as ServiceArea);
      const [results, commentary] = await Promise.all([
        indicatorResults(services.db, user.authorityId, defs, period, today),
        latestCommentary(
          services.db,
          user.authorityId,
          defs.map((d) => d.id),
          period,
        ),
      ]);
      const canDrill = can(user.role, 'child:search');
      res.render('indicators/views/area.njk', {
        pageTitle: SERVICE_AREA_LABELS[area as ServiceArea],
        areaLabel: SERVICE_AREA_LABELS[area as ServiceArea],
        period: { label: periodLabel(period), ...periodForm(period, paths.performance.area({ area })) },
        periodQuery: { period: period.kind, asAt: period.end },
        cards: results.map((x) =>
          indicatorCard(x, audience, {
            canDrill,
            commentary: commentary.get(x.definition.id),
            chartId: `chart-${x.definition.id}`,
          }),
        ),
        audience,
        canComment: can(user.role, 'commentary:write'),
      });
    },
  });
}
