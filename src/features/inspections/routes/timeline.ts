/** GET /inspections: the timeline of inspections and visits, with their grades and statutory deadlines. */
import { can } from '../../../domain/roles';
import { isGraded } from '../../../domain/ofsted';
import { todayInLondon } from '../../../domain/today';
import { GRADE_TAG } from '../../../web/grade-tags';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { listInspections } from '../service';
import { buildTimeline } from '../timeline';
import { dateRange, DEADLINE_STATUS_LABELS, DEADLINE_TAG } from './shared';

export function inspectionTimelineRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.index,
    access: 'inspection:read',
    audit: null,
    handler: async ({ req, res, services, user }) => {
      const today = todayInLondon();
      const timeline = buildTimeline(await listInspections(services.db, user.authorityId), today);
      res.render('inspections/views/index.njk', {
        pageTitle: 'Inspections',
        timeline,
        today,
        canManage: can(user.role, 'inspection:manage'),
        deleted: req.query.deleted === '1',
        gradeTag: GRADE_TAG,
        deadlineTag: DEADLINE_TAG,
        deadlineStatus: DEADLINE_STATUS_LABELS,
        dateRange,
        isGraded,
      });
    },
  });
}
