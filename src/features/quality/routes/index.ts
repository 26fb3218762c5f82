/**
 * What case audits tell leaders, on the web and the API (quality:read; members see counts from 1 to 4 as "c"):
 *   /quality             grade distribution by domain, team, service area and month for a period (default the last
 *                        12 complete months) with filters, the share good or better over time, moderation agreement
 *   /quality/agreement   auditor against moderator: exact agreement and weighted kappa, overall, by auditor and domain
 * API: GET /api/audit-results?from=&to=&by=&domain=&team=&service=, GET /api/audit-results/agreement?from=&to=.
 * Aggregates only (no child is named): not written to the access log.
 *
 * One module per page or sub-journey, mounted in this order.
 */
import type { RouteBuilder } from '../../../web/route';
import { resultsPage } from './results';
import { agreementPage } from './agreement';
import { resultsApi } from './api';

export function qualityRoutes(r: RouteBuilder): void {
  resultsPage(r);
  agreementPage(r);
  resultsApi(r);
}
