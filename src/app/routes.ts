/**
 * Every feature's routes, in one list. Each feature declares its own routes through the RouteBuilder.
 */
import { accessLogRoutes } from '../features/access-log/routes';
import { apiDocsRoutes } from '../features/api-docs/routes';
import { authRoutes } from '../features/auth/routes';
import { childrenRoutes } from '../features/children/routes';
import { dataRoutes } from '../features/data/routes';
import { homeRoutes } from '../features/home/routes';
import { improvementExportRoutes } from '../features/reports/downloads/plan-routes';
import { qualityReportRoutes } from '../features/reports/downloads/qa-routes';
import { qualityRoutes } from '../features/quality/routes';
import { frameworkRoutes } from '../features/quality/frameworks/routes';
import { programmeRoutes } from '../features/quality/programmes/routes';
import { auditRoutes } from '../features/quality/audits/routes';
import { moderationRoutes } from '../features/quality/moderation/routes';
import { auditActionRoutes } from '../features/quality/actions/routes';
import { improvementRoutes } from '../features/improvement/routes';
import { reportRoutes } from '../features/reports/routes';
import { selfEvaluationRoutes } from '../features/reports/self-evaluation/routes';
import { referenceRoutes } from '../features/reference/routes';
import { nationalRoutes } from '../features/inspections/national/routes';
import { indicatorRoutes } from '../features/indicators/routes';
import { inspectionRoutes } from '../features/inspections/routes';
import { trackersRoutes } from '../features/trackers/routes';
import { usersRoutes } from '../features/users/routes';
import type { RouteBuilder } from '../web/route';
import type { Services } from './services';

/** Every route; the features' own long-lived services are handed to the routes that use them. */
export function registerRoutes(r: RouteBuilder, services: Services): void {
  authRoutes(r);
  homeRoutes(r);
  // Before any /inspections/:inspectionId route, so that /inspections/national is this page.
  nationalRoutes(r);
  childrenRoutes(r, services.children);
  indicatorRoutes(r);
  trackersRoutes(r);
  dataRoutes(r, services.importJobs);
  referenceRoutes(r);
  // After any route under /inspections/ with a fixed name (the national picture): it mounts /inspections/:inspectionId.
  inspectionRoutes(r);
  accessLogRoutes(r);
  usersRoutes(r);
  improvementRoutes(r);
  improvementExportRoutes(r);
  qualityRoutes(r);
  qualityReportRoutes(r);
  frameworkRoutes(r);
  programmeRoutes(r);
  moderationRoutes(r);
  auditRoutes(r);
  auditActionRoutes(r);
  reportRoutes(r, services.reportRunner);
  selfEvaluationRoutes(r);
  apiDocsRoutes(r);
}
