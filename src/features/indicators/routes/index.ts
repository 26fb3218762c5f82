/**
 * Performance on the web and the API: dashboards by service area, an indicator's page with its trend,
 * benchmarks and commentary, the children behind a number, the equalities view, and the admin page for targets.
 *
 * Pages: /performance, /performance/:area, /performance/indicators/:indicatorId (+ /children, /commentary),
 *        /performance/equalities, /admin/indicators, /admin/indicators/:indicatorId.
 * API:   /api/indicators, /api/indicators/:indicatorId, /api/indicators/:indicatorId/children.
 * Members (aggregate:read without child:read) see counts under 5 as "c" and no drill-down.
 *
 * One module per page or sub-journey; they are mounted in this order (/performance/equalities before
 * /performance/:area, which would otherwise take it).
 */
import type { RouteBuilder } from '../../../web/route';
import { dashboardsPage } from './dashboards';
import { equalitiesPage } from './equalities';
import { areaPage } from './area';
import { indicatorPages } from './indicator';
import { childrenPage } from './children';
import { targetPages } from './targets';
import { indicatorApi } from './api';

export function indicatorRoutes(r: RouteBuilder): void {
  dashboardsPage(r);
  equalitiesPage(r);
  areaPage(r);
  indicatorPages(r);
  childrenPage(r);
  targetPages(r);
  indicatorApi(r);
}
