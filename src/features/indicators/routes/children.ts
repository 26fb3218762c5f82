/**
 * /performance/indicators/:indicatorId/children: the children (or workers) behind an indicator's value, a page at a
 * time (child:search; audited as indicator.children).
 */
import { z } from 'zod';
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { childrenBehind, DRILL_PAGE } from '../drill-down';
import { periodLabel } from '../periods';
import { choosePeriod, periodQuery } from './period-query';
import { definitionOr404, indicatorIdParams } from './indicator-param';

export function childrenPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.performance.children,
    access: 'child:search',
    audit: 'indicator.children',
    handler: async ({ req, res, user, services, audit }) => {
      const def = definitionOr404(indicatorIdParams.parse(req.params).indicatorId);
      const q = periodQuery
        .extend({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) })
        .parse(req.query);
      const period = choosePeriod(q, todayInLondon());
      const list = await childrenBehind(services.db, user, def, period, q.page, audit);
      res.render('indicators/views/children.njk', {
        pageTitle: `Children behind: ${def.title}`,
        def,
        period: { label: periodLabel(period), kind: period.kind, end: period.end },
        list,
        pageSize: DRILL_PAGE,
        backHref: paths.withQuery(paths.performance.indicator({ indicatorId: def.id }), {
          period: period.kind,
          asAt: period.end,
        }),
      });
    },
  });
}
