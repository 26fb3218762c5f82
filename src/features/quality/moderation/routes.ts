/**
 * Moderation pages (audit:moderate: head of service, team manager, QA; team managers only for their team's children):
 *   GET  /quality/moderation                     the queue: submitted audits awaiting moderation (oldest first) and
 *                                                moderated audits that may be taken to triple lock; filters team,
 *                                                programme, month submitted. Never an audit the user conducted.
 *                                                Each list 50 a page, counted and sliced in SQL: ?page=N for the
 *                                                first, ?moderatedPage=N for the second (not a number: page 1; past
 *                                                the end: the last page); each list's page links keep the filters and
 *                                                the other list's page.
 *   GET  /quality/audits/:auditId/moderate       the form: level, external moderator, each domain's grade and reason,
 *                                                the overall grade and reason (403 page for the audit's own auditor,
 *                                                409 page for a draft, 404 for another team's child)
 *   POST /quality/audits/:auditId/moderate       records it (access log 'quality.audit.moderate'), then back to the
 *                                                queue; bad input: the form again with an error summary, nothing saved
 * See service.ts for the rules.
 */
import type { Request, Response } from 'express';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/query';
import { MODERATION_LEVELS } from '../../../db/schema/index';
import { GRADES, GRADE_LABELS } from '../../../domain/ofsted';
import { todayInLondon } from '../../../domain/today';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import { pagination, requestedPage, showingText, withLabel } from '../../../web/pagination';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { monthLabel } from '../results-view';
import { formatDay } from '../actions/service';
import {
  auditForModeration,
  LEVEL_LABELS,
  moderate,
  moderationQueue,
  queueMonths,
  refusal,
  type AuditForModeration,
} from './service';

type Body = Record<string, unknown>;

const idOf = (v: unknown): number | null =>
  typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v.trim()) ? Number(v.trim()) : null;

function auditIdFrom(req: Request): number {
  const id = idOf(req.params.auditId);
  if (id === null) throw new NotFoundError();
  return id;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function gradeItems(chosen: string, name: string) {
  return GRADES.map((g, i) => ({
    value: g,
    text: GRADE_LABELS[g],
    checked: g === chosen,
    ...(i === 0 ? { id: name } : {}),
  }));
}

/** The form's model: posted values when re-shown after an error, else the defaults (the current agreed grades). */
function formModel(audit: AuditForModeration, body: Body | null, requestedLevel: string | null) {
  const level = body
    ? str(body.level)
    : requestedLevel && (MODERATION_LEVELS as readonly string[]).includes(requestedLevel)
      ? requestedLevel
      : audit.lastLevel === 'double-lock'
        ? 'triple-lock'
        : '';
  const overall = body ? str(body.overallGrade) : (audit.agreedOverallGrade ?? audit.overallGrade ?? '');
  return {
    level,
    externalModerator: body ? str(body.externalModerator) : '',
    overallGrade: overall,
    overallItems: gradeItems(overall, 'overallGrade'),
    overallReason: body
      ? str(body.overallReason)
      : audit.agreedOverallGrade && audit.agreedOverallGrade !== audit.overallGrade
        ? audit.lastOverallReason
        : '',
    domains: audit.domains.map((d) => {
      const chosen = body ? str(body[`grade-${d.domainId}`]) : (d.agreedGrade ?? d.auditorGrade);
      return {
        domainId: d.domainId,
        title: d.title,
        auditorGrade: GRADE_LABELS[d.auditorGrade],
        agreedGrade: d.agreedGrade ? GRADE_LABELS[d.agreedGrade] : null,
        narrative: d.narrative,
        items: gradeItems(chosen, `grade-${d.domainId}`),
        reason: body
          ? str(body[`reason-${d.domainId}`])
          : d.agreedGrade && d.agreedGrade !== d.auditorGrade
            ? d.lastReason
            : '',
      };
    }),
  };
}

function renderForm(
  res: Response,
  audit: AuditForModeration,
  model: ReturnType<typeof formModel>,
  errors: FieldError[],
  status = 200,
): void {
  res.status(status).render('quality/moderation/views/moderate.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Moderate audit ${audit.auditId}`,
    errors,
    audit: {
      ...audit,
      overallGradeText: audit.overallGrade ? GRADE_LABELS[audit.overallGrade] : 'Not given',
      agreedOverallText: audit.agreedOverallGrade ? GRADE_LABELS[audit.agreedOverallGrade] : null,
      submittedText: audit.submittedOn ? formatDay(audit.submittedOn) : 'Not submitted',
      lastLevelText: audit.lastLevel ? LEVEL_LABELS[audit.lastLevel] : null,
    },
    model,
    auditHref: paths.quality.audit({ auditId: audit.auditId }),
    childHref: paths.children.show({ childId: audit.childLanternId }),
    actionHref: paths.quality.moderateAudit({ auditId: audit.auditId }),
  });
}

function renderRefusal(
  res: Response,
  audit: AuditForModeration,
  refused: { status: 403 | 409; message: string },
): void {
  res.status(refused.status).render('quality/moderation/views/refused.njk', {
    pageTitle: refused.status === 403 ? 'You cannot moderate this audit' : 'This audit cannot be moderated yet',
    heading: refused.status === 403 ? 'You cannot moderate this audit' : 'This audit cannot be moderated yet',
    message: refused.message,
    auditHref: paths.quality.audit({ auditId: audit.auditId }),
    queueHref: paths.quality.moderation({}),
  });
}

export function moderationRoutes(r: RouteBuilder): void {
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
      const [queue, months, teams, programmes] = await Promise.all([
        moderationQueue(db, user, filter, {
          awaiting: requestedPage(q.page),
          forTripleLock: requestedPage(q.moderatedPage),
        }),
        queueMonths(db, user),
        rows<{ id: unknown; name: string }>(
          db,
          sql`select id, name from teams where authority_id = ${user.authorityId} order by name`,
        ),
        rows<{ id: unknown; title: string }>(
          db,
          sql`select id, title from audit_programmes where authority_id = ${user.authorityId} order by starts_on desc, id desc`,
        ),
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
            teams.map((t) => ({ value: String(Number(t.id)), text: t.name })),
            filter.teamId === null ? null : String(filter.teamId),
            'All teams',
          ),
          programmes: select(
            programmes.map((p) => ({ value: String(Number(p.id)), text: p.title })),
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

  r.page({
    method: 'get',
    path: paths.quality.moderateAudit,
    access: 'audit:moderate',
    audit: 'quality.audit.moderate.view',
    handler: async ({ req, res, user, services, audit }) => {
      const found = await auditForModeration(services.db, user, auditIdFrom(req));
      const refused = refusal(user, found);
      if (refused) {
        renderRefusal(res, found, refused);
        return;
      }
      await audit.record(services.db, { recordType: 'case-audit', recordId: String(found.auditId) });
      const level = typeof req.query.level === 'string' ? req.query.level : null;
      renderForm(res, found, formModel(found, null, level), []);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.moderateAudit,
    access: 'audit:moderate',
    audit: 'quality.audit.moderate',
    handler: async (ctx: PageContext) => {
      const { req, res, user, services, audit } = ctx;
      const db = services.db;
      const found = await auditForModeration(db, user, auditIdFrom(req));
      const refused = refusal(user, found);
      if (refused) {
        renderRefusal(res, found, refused);
        return;
      }
      const body = (req.body ?? {}) as Body;
      try {
        await moderate(db, user, found.auditId, body, audit, todayInLondon());
      } catch (e) {
        if (e instanceof ValidationError) {
          renderForm(res, found, formModel(found, body, null), e.errors, 400);
          return;
        }
        if (e instanceof ConflictError) {
          renderRefusal(res, found, { status: 409, message: e.message });
          return;
        }
        throw e;
      }
      res.redirect(303, paths.withQuery(paths.quality.moderation({}), { saved: found.auditId }));
    },
  });
}
