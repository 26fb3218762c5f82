/** GET /quality/audits (your allocated cases and drafts, then every audit you may read) and POST start an audit. */
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import { allocatedTo, listAudits, listChoices, startAudit, type AuditFilter } from '../service';
import { str } from '../../../../web/form-input';
import { conflictsAsPage, gradeView, idParam, STATUS_LABELS, STATUS_TAG, LIST_LIMIT } from './shared';

function readFilter(query: Record<string, unknown>): { filter: AuditFilter; values: Record<string, string> } {
  const status = str(query.status);
  const programme = str(query.programme);
  const team = str(query.team);
  const month = str(query.month);
  return {
    filter: {
      status: status === 'draft' || status === 'submitted' || status === 'moderated' ? status : null,
      programmeId: /^\d{1,9}$/.test(programme) ? Number(programme) : null,
      teamId: /^\d{1,9}$/.test(team) ? Number(team) : null,
      month: /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : null,
    },
    values: { status, programme, team, month },
  };
}
export function auditListRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.audits,
    access: 'audit:read',
    audit: 'quality.audit.list',
    handler: async (ctx) => {
      const { req, res, user, services } = ctx;
      const { filter, values } = readFilter(req.query);
      const conducts = can(user.role, 'audit:conduct');
      await services.db.transaction(async (tx) => {
        const allocated = conducts ? await allocatedTo(tx, user) : [];
        const drafts = conducts
          ? await listAudits(
              tx,
              user,
              { status: 'draft', programmeId: null, teamId: null, month: null, mine: true },
              200,
            )
          : { rows: [], total: 0 };
        const all = await listAudits(tx, user, filter, LIST_LIMIT);
        const choices = await listChoices(tx, user.authorityId);
        await ctx.audit.record(tx, {
          recordType: 'case-audit',
          detail: { allocated: allocated.length, drafts: drafts.total, listed: all.rows.length, total: all.total },
        });
        const today = todayInLondon();
        res.render('quality/audits/views/index.njk', {
          pageTitle: 'Audits',
          conducts,
          allocated: allocated.map((a) => ({
            ...a,
            childHref: paths.children.show({ childId: a.lanternId }),
            startAction: paths.quality.startAudit({ caseId: a.caseId }),
            overdue: a.dueOn < today,
          })),
          drafts: drafts.rows.map((a) => ({
            ...a,
            editHref: paths.quality.editAudit({ auditId: a.id }),
            auditHref: paths.quality.audit({ auditId: a.id }),
          })),
          audits: all.rows.map((a) => ({
            ...a,
            href: paths.quality.audit({ auditId: a.id }),
            statusLabel: STATUS_LABELS[a.status],
            statusTag: STATUS_TAG[a.status],
            grade: gradeView(a.overallGrade),
          })),
          total: all.total,
          limit: LIST_LIMIT,
          filterValues: values,
          statusItems: [
            { value: '', text: 'Any status' },
            ...(['draft', 'submitted', 'moderated'] as const).map((s) => ({ value: s, text: STATUS_LABELS[s] })),
          ].map((i) => ({ ...i, selected: values.status === i.value })),
          programmeItems: [
            { value: '', text: 'Any programme' },
            ...choices.programmes.map((p) => ({ value: String(p.id), text: p.title })),
          ].map((i) => ({ ...i, selected: values.programme === i.value })),
          teamItems: [
            { value: '', text: 'Any team' },
            ...choices.teams.map((t) => ({ value: String(t.id), text: t.name })),
          ].map((i) => ({ ...i, selected: values.team === i.value })),
          monthError:
            values.month && !filter.month ? { text: 'Enter the month as YYYY-MM, for example 2026-03' } : undefined,
        });
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.startAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.start',
    handler: async (ctx) => {
      const caseId = idParam(ctx.req, 'caseId');
      await conflictsAsPage(ctx, null, async () => {
        const auditId = await startAudit(ctx.services.db, ctx.user, caseId, ctx.audit);
        ctx.res.redirect(303, paths.quality.editAudit({ auditId }));
      });
    },
  });
}
