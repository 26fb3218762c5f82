/**
 * /performance/equalities: the cohorts by ethnic group, age and sex against the population (members: small counts as
 * "c").
 */
import { todayInLondon } from '../../../domain/today';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { COHORT_LABELS, COHORTS, equalitiesAt } from '../equalities';
import { periodQuery } from './period-query';
import { audienceOf } from './audience';

export function equalitiesPage(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.performance.equalities,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const q = periodQuery.parse(req.query);
      const asAt = q.asAt ?? todayInLondon();
      const audience = audienceOf(user);
      const data = await equalitiesAt(services.db, user.authorityId, asAt);
      const show = (n: number) => (audience === 'members' && n > 0 && n < 5 ? 'c' : n.toLocaleString('en-GB'));
      const tables = data.tables.map((t) => ({
        dimension: t.dimension,
        caption: t.dimension === 'ethnicity' ? 'By ethnic group' : t.dimension === 'age' ? 'By age' : 'By sex',
        rows: t.rows.map((row) => ({
          category: row.category,
          population: row.population.share,
          cohorts: COHORTS.map((c) => {
            const cell = row.cohorts[c];
            const hidden = audience === 'members' && cell.count > 0 && cell.count < 5;
            return {
              count: show(cell.count),
              share: hidden ? 'c' : cell.share,
              difference: hidden ? null : cell.difference,
            };
          }),
        })),
        totals: COHORTS.map((c) => show(t.totals[c])),
        unknown: COHORTS.map((c) => show(t.unknown[c])),
      }));
      res.render('indicators/views/equalities.njk', {
        pageTitle: 'Equalities',
        asAt,
        populationYear: data.populationYear,
        cohorts: COHORTS.map((c) => COHORT_LABELS[c]),
        tables,
        audience,
      });
    },
  });
}
