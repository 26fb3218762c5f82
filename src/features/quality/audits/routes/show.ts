/** GET /quality/audits/:auditId: the audit, read-only, against its own framework version. */
import { GRADE_LABELS, GRADES, type Grade } from '../../../../domain/ofsted';
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { NotFoundError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { formatDate, formatDateTime } from '../../../../web/views';
import { FEEDBACK_FROM, FEEDBACK_FROM_LABELS, fieldLabel, type FeedbackFrom } from '../form';
import { loadAuditDetail, mayRead } from '../service';
import { AGENCY_LABELS, EVENT_LABELS, gradeView, idParam, LEVEL_LABELS, STATUS_LABELS, STATUS_TAG } from './shared';

function historyLine(
  event: { event: string; detail: Record<string, unknown> },
  titles: ReadonlyMap<number, string>,
): string {
  const d = event.detail;
  if (event.event === 'saved' && Array.isArray(d.fields)) {
    const grades = Array.isArray(d.grades)
      ? (d.grades as Array<{ field?: unknown; from?: unknown; to?: unknown }>)
      : [];
    return (d.fields as unknown[])
      .filter((f): f is string => typeof f === 'string')
      .map((f) => {
        const change = grades.find((g) => g.field === f);
        const label = fieldLabel(f, titles);
        if (!change) return label;
        const from =
          typeof change.from === 'string' && change.from in GRADE_LABELS ? GRADE_LABELS[change.from as Grade] : 'none';
        const to =
          typeof change.to === 'string' && change.to in GRADE_LABELS ? GRADE_LABELS[change.to as Grade] : 'none';
        return `${label} (${from} to ${to})`;
      })
      .join('; ');
  }
  if (event.event === 'saved' && Array.isArray(d.grades)) {
    // Written elsewhere (the demo) without field names: the number of grades given.
    const n = d.grades.length;
    return `${n} ${n === 1 ? 'grade' : 'grades'}`;
  }
  if (event.event === 'moderated') {
    const level = typeof d.level === 'string' ? (LEVEL_LABELS[d.level] ?? d.level) : '';
    const n = Array.isArray(d.domainsChanged) ? d.domainsChanged.length : 0;
    return `${level}${level ? ': ' : ''}${n === 0 ? 'no domain grade changed' : `${n} domain ${n === 1 ? 'grade' : 'grades'} changed`}${d.overall ? ', overall grade changed' : ''}`;
  }
  if (event.event === 'action-completed' && typeof d.completedOn === 'string')
    return `Completed ${formatDate(d.completedOn)}`;
  if (event.event === 'reopened' && typeof d.reason === 'string') return `Reason: ${d.reason}`;
  if (event.event === 'action-added' && typeof d.dueOn === 'string') return `Due ${formatDate(d.dueOn)}`;
  if (event.event === 'contribution-added' && typeof d.agency === 'string') return AGENCY_LABELS[d.agency] ?? d.agency;
  return '';
}

export function auditShowRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.audit,
    access: 'audit:read',
    audit: 'quality.audit.view',
    handler: async (ctx) => {
      const { req, res, user, services } = ctx;
      const auditId = idParam(req, 'auditId');
      await services.db.transaction(async (tx) => {
        if (!(await mayRead(tx, user, auditId))) throw new NotFoundError();
        const a = await loadAuditDetail(tx, user.authorityId, auditId);
        if (!a) throw new NotFoundError();
        await ctx.audit.record(tx, { recordType: 'case-audit', recordId: String(a.id), detail: { status: a.status } });
        const titles = new Map(a.domains.map((d) => [d.domainId, d.title]));
        const today = todayInLondon();
        const isAuditor = a.auditorUserId === user.id;
        const feedbackLabel = (FEEDBACK_FROM as readonly string[]).includes(a.feedbackFrom)
          ? FEEDBACK_FROM_LABELS[a.feedbackFrom as FeedbackFrom]
          : a.feedbackFrom;
        res.render('quality/audits/views/show.njk', {
          pageTitle: `Audit of ${a.childName}`,
          a,
          childHref: paths.children.show({ childId: a.lanternId }),
          frameworkHref: a.framework
            ? paths.quality.frameworkVersion({ frameworkId: a.framework.frameworkId, version: a.framework.version })
            : null,
          programmeHref: a.programmeId ? paths.quality.programme({ programmeId: a.programmeId }) : null,
          statusLabel: STATUS_LABELS[a.status],
          statusTag: STATUS_TAG[a.status],
          overall: gradeView(a.overallGrade),
          agreedOverall:
            a.agreedOverallGrade && a.agreedOverallGrade !== a.overallGrade ? gradeView(a.agreedOverallGrade) : null,
          feedbackLabel,
          domains: a.domains.map((d) => {
            const g = a.grades.get(d.domainId);
            return {
              ...d,
              descriptors: GRADES.filter((x) => d.descriptors[x]).map((x) => ({
                label: GRADE_LABELS[x],
                text: d.descriptors[x] ?? '',
              })),
              grade: gradeView(g?.grade ?? null),
              agreed: g?.agreedGrade ? gradeView(g.agreedGrade) : null,
              agreedChanged: Boolean(g?.agreedGrade && g.agreedGrade !== g.grade),
              narrative: g?.narrative ?? '',
            };
          }),
          contributions: a.contributions.map((c) => ({
            ...c,
            agencyLabel: AGENCY_LABELS[c.agency] ?? c.agency,
            grade: gradeView(c.grade),
          })),
          actions: a.actions.map((x) => ({
            ...x,
            theme: x.domainId !== null ? (titles.get(x.domainId) ?? '') : '',
            href: paths.quality.action({ actionId: x.id }),
            overdue: x.status === 'open' && x.dueOn < today,
            statusLabel: x.status === 'complete' ? 'Complete' : 'Open',
          })),
          moderations: a.moderations.map((m) => ({
            ...m,
            levelLabel: LEVEL_LABELS[m.level] ?? m.level,
            overall: gradeView(m.overallGrade),
            changes: m.grades
              .filter((g) => a.grades.get(g.domainId)?.grade !== g.grade || g.reason !== '')
              .map((g) => ({
                title: titles.get(g.domainId) ?? `Domain ${g.domainId}`,
                from: gradeView(a.grades.get(g.domainId)?.grade ?? null),
                to: gradeView(g.grade),
                reason: g.reason,
              })),
          })),
          history: a.events.map((e) => ({
            at: formatDateTime(e.at),
            who: e.userName,
            what: EVENT_LABELS[e.event] ?? e.event,
            detail: historyLine(e, titles),
          })),
          editHref: isAuditor && a.status === 'draft' ? paths.quality.editAudit({ auditId: a.id }) : null,
          moderateHref:
            can(user.role, 'audit:moderate') && !isAuditor && a.status !== 'draft'
              ? paths.quality.moderateAudit({ auditId: a.id })
              : null,
          addActionHref:
            (isAuditor && a.status !== 'moderated') || can(user.role, 'audit:manage')
              ? paths.quality.auditActions({ auditId: a.id })
              : null,
          addContributionHref:
            (isAuditor || can(user.role, 'audit:manage')) && a.status === 'draft'
              ? paths.quality.auditContribution({ auditId: a.id })
              : null,
          reopenHref:
            can(user.role, 'audit:manage') && a.status === 'submitted'
              ? paths.quality.reopenAudit({ auditId: a.id })
              : null,
        });
      });
    },
  });
}
