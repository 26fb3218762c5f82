/** GET /quality/moderation: the queue of audits awaiting moderation, and those that may be taken to triple lock. */
import { GRADE_LABELS } from '../../../../domain/ofsted';
import { pagination, requestedPage, showingText, withLabel } from '../../../../web/pagination';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { monthLabel } from '../../results-view';
import { formatDay } from '../../actions/service';
import { LEVEL_LABELS, moderationQueue, queueMonths } from '../service';
import { listChoices } from '../../audits/service';
import { idOf } from './shared';

export function moderationQueueRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.moderation,
    access: 'audit:moderate',
    audit: 'quality.moderation.list',
    handler: async ({ req, res, user, services, audit }) => {
      const db = services.db;
      const q = req.query as Record<string, unknown>;
      const filter = {
        teamId: idOf(q.team),
        programmeId: idOf(q.programme),
        month: typeof q.month === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(q.month) ? q.month : null,
      };
      const [queue, months, { teams, programmes }] = await Promise.all([
        moderationQueue(db, user, filter, {
          awaiting: requestedPage(q.page),
          forTripleLock: requestedPage(q.moderatedPage),
        }),
        queueMonths(db, user),
        listChoices(db, user.authorityId),
      ]);
      await audit.record(db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: { awaiting: queue.awaitingTotal, forTripleLock: queue.forTripleLockTotal },
      });
      const aw = queue.awaitingWindow;
      const tl = queue.forTripleLockWindow;
      const link = (awaitingPage: number, moderatedPage: number) =>
        paths.withQuery(paths.quality.moderation({}), {
          team: filter.teamId,
          programme: filter.programmeId,
          month: filter.month,
          page: awaitingPage > 1 ? awaitingPage : undefined,
          moderatedPage: moderatedPage > 1 ? moderatedPage : undefined,
        });
      const select = (list: Array<{ value: string; text: string }>, chosen: string | null, all: string) => [
        { value: '', text: all, selected: chosen === null },
        ...list.map((i) => ({ ...i, selected: i.value === chosen })),
      ];
      const row = (a: (typeof queue.awaiting)[number], action: { text: string; href: string }) => ({
        ...a,
        submittedText: formatDay(a.submittedOn),
        overallText: a.agreedOverallGrade
          ? GRADE_LABELS[a.agreedOverallGrade]
          : a.overallGrade
            ? GRADE_LABELS[a.overallGrade]
            : 'Not given',
        levelText: a.level ? LEVEL_LABELS[a.level] : '',
        moderatedText: a.moderatedOn ? formatDay(a.moderatedOn) : '',
        auditHref: paths.quality.audit({ auditId: a.auditId }),
        childHref: paths.children.show({ childId: a.childLanternId }),
        action,
      });
      res.render('quality/moderation/views/queue.njk', {
        pageTitle: 'Moderation',
        filters: {
          teams: select(
            teams.map((t) => ({ value: String(t.id), text: t.name })),
            filter.teamId === null ? null : String(filter.teamId),
            'All teams',
          ),
          programmes: select(
            programmes.map((p) => ({ value: String(p.id), text: p.title })),
            filter.programmeId === null ? null : String(filter.programmeId),
            'All programmes',
          ),
          months: select(
            months.map((m) => ({ value: m, text: monthLabel(m) })),
            filter.month,
            'Any month',
          ),
        },
        awaiting: queue.awaiting.map((a) =>
          row(a, { text: 'Moderate', href: paths.quality.moderateAudit({ auditId: a.auditId }) }),
        ),
        forTripleLock: queue.forTripleLock.map((a) =>
          row(a, {
            text: 'Record triple lock',
            href: paths.withQuery(paths.quality.moderateAudit({ auditId: a.auditId }), { level: 'triple-lock' }),
          }),
        ),
        awaitingShowing: showingText(aw, queue.awaiting.length, 'audit', 'audits'),
        forTripleLockShowing: showingText(tl, queue.forTripleLock.length, 'audit', 'audits'),
        awaitingPagination: withLabel(
          pagination(aw.page, aw.totalPages, (p) => link(p, tl.page)),
          'Pages of audits awaiting moderation',
        ),
        forTripleLockPagination: withLabel(
          pagination(tl.page, tl.totalPages, (p) => link(aw.page, p)),
          'Pages of moderated audits',
        ),
        saved: typeof q.saved === 'string' ? idOf(q.saved) : null,
      });
    },
  });
}
