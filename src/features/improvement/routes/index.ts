/**
 * The improvement plan on the web and the API.
 *
 * Pages (read: inspection:read, every role, members included — the plan holds no child data; change:
 * improvement:manage):
 *   /improvement                                   the whole plan for the improvement board, with filters
 *   /improvement/themes/new, /themes/:id/edit      a theme (edit also deletes an empty theme)
 *   /improvement/themes/:id/objectives/new, /objectives/:id/edit
 *   /improvement/actions/new[?recommendation=&objective=]
 *   /improvement/actions/:id                       the action and its impact view
 *   /improvement/actions/:id/edit, /evidence, /progress
 * API: GET /api/improvement-plan (the plan), GET /api/improvement-plan/actions/:actionId (one action, with impact).
 * The XLSX and DOCX downloads (paths.improvement.xlsx / docx) are mounted by src/features/improvement/export/.
 * One module per page or sub-journey in this folder; this one mounts them all.
 */
import type { RouteBuilder } from '../../../web/route';
import { actionRoutes } from './actions';
import { improvementApiRoutes } from './api';
import { evidenceRoutes } from './evidence';
import { objectiveRoutes } from './objectives';
import { planRoutes } from './plan';
import { progressRoutes } from './progress';
import { themeRoutes } from './themes';

export function improvementRoutes(r: RouteBuilder): void {
  planRoutes(r);
  themeRoutes(r);
  objectiveRoutes(r);
  actionRoutes(r);
  evidenceRoutes(r);
  progressRoutes(r);
  improvementApiRoutes(r);
}
