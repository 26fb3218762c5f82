/**
 * /performance: every service area's indicators for a period, with their RAG counts.
 */
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../definition';
import { periodLabel } from '../periods';
import { INDICATORS } from '../registry';
import { indicatorResults } from '../results';
import { indicatorCard } from '../view-model';
import { choosePeriod, periodForm, periodQuery } from './period-query';
import { audienceOf } from './audience';

export function dashboardsPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.performance.dashboards,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const period = choosePeriod(periodQuery.parse(req.query), today);
      const audience = audienceOf(user);
      const results = await indicatorResults(services.db, user.authorityId, INDICATORS, period, today, {
        trendLength: 1,
      });
      const areas = SERVICE_AREAS.map((area) => {
        const inArea = results.filter((x) => x.definition.area === area);
        const rows = inArea.map((x) => {
          const card = indicatorCard(x, audience, { canDrill: false, chartId: `c-${x.definition.id}` });
          return {
            id: card.id,
            title: card.title,
            value: card.value,
            ragText: card.ragText,
            ragClass: card.ragClass,
            target: card.target,
            england: card.benchmark?.england ?? null,
          };
        });
        const count = (rag: string) => inArea.filter((x) => x.rag === rag).length;
        return {
          area,
          label: SERVICE_AREA_LABELS[area],
          rows,
          red: count('red'),
          amber: count('amber'),
          green: count('green'),
        };
      }).filter((a) => a.rows.length > 0);
      res.render('indicators/views/dashboards.njk', {
        pageTitle: 'Performance',
        period: { label: periodLabel(period), ...periodForm(period, paths.performance.dashboards({})) },
        areas,
        audience,
        canEquality: true,
      });
    },
  });
}
