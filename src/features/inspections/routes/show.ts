/** GET /inspections/:inspectionId: one record, its judgements, deadlines, recommendations and paragraphs. */
import { can } from '../../../domain/roles';
import { FRAMEWORK_LABELS } from '../../../domain/ofsted';
import { GRADE_TAG } from '../../../web/grade-tags';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { InspectionRecord } from '../service';
import { dateRange, DEADLINE_STATUS_LABELS, DEADLINE_TAG, loadOr404, recordTitle } from './shared';

function recommendationBlocks(record: InspectionRecord) {
  const groups = [
    { kind: 'recommendation', heading: 'What needs to improve', caption: 'recommendations' },
    { kind: 'priority-action', heading: 'Areas for priority action', caption: 'areas for priority action' },
  ];
  return groups
    .map((g) => ({ ...g, items: record.recommendations.filter((r) => r.kind === g.kind) }))
    .filter((g) => g.items.length > 0);
}

function paragraphGroups(record: InspectionRecord) {
  const groups: Array<{ heading: string; paragraphs: Array<{ number: number; lines: string[] }> }> = [];
  for (const p of record.paragraphs) {
    let last = groups[groups.length - 1];
    if (!last || last.heading !== p.heading) {
      last = { heading: p.heading, paragraphs: [] };
      groups.push(last);
    }
    last.paragraphs.push({ number: p.number, lines: p.text.split('\n') });
  }
  return groups;
}

export function inspectionShowRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.show,
    access: 'inspection:read',
    audit: null,
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      const canImprove = can(ctx.user.role, 'improvement:manage');
      ctx.res.render('inspections/views/show.njk', {
        pageTitle: recordTitle(record),
        title: recordTitle(record),
        record,
        saved: ctx.req.query.saved === '1',
        canManage: can(ctx.user.role, 'inspection:manage'),
        canImprove,
        frameworkLabel: record.framework
          ? FRAMEWORK_LABELS[record.framework]
          : 'None (not made under an inspection framework)',
        recommendationBlocks: recommendationBlocks(record),
        paragraphGroups: paragraphGroups(record),
        summaryParagraphs: record.summary
          .split(/\n+/)
          .map((x) => x.trim())
          .filter(Boolean),
        gradeTag: GRADE_TAG,
        deadlineTag: DEADLINE_TAG,
        deadlineStatus: DEADLINE_STATUS_LABELS,
        dateRange,
      });
    },
  });
}
