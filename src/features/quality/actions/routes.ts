/**
 * Audit actions (audit:read; team managers and social workers see their team's children's actions plus those they
 * own or set):
 *   GET  /quality/actions              every action the user may see, with filters (status open / overdue / complete,
 *                                      theme, team, owner, programme), "Overdue by N days" tags, 50 a page (?page=N,
 *                                      counted and sliced in SQL; not a number: page 1, past the end: the last page),
 *                                      and the summary table "Themes from actions" over every matching action
 *                                      (action-themes.ts)
 *   GET  /quality/actions/:actionId    the action, and a form to record its completion (completedOn, completionNote)
 *                                      or to reopen it, for those who may (service.ts mayChangeAction)
 *   POST /quality/actions/:actionId    records completion or reopening ('quality.action.update'); bad input shows the
 *                                      form again with an error summary and changes nothing; 403 for a reader who may
 *                                      not change it
 */
import type { Request, Response } from 'express';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/query';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import { pagination, pageWindow, requestedPage, showingText, withLabel } from '../../../web/pagination';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { CurrentUser } from '../../../accounts/users/service';
import { actionThemes, themeTotals } from '../action-themes';
import {
  ACTION_STATUS_FILTERS,
  completeAction,
  formatDay,
  getAction,
  actionOwners,
  countActions,
  listActions,
  mayChangeAction,
  reopenAction,
  visibilityOf,
  type ActionStatusFilter,
  type AuditActionRow,
} from './service';
import { dateFromParts, dateParts, str } from '../../../web/form-input';

type Body = Record<string, unknown>;

const idOf = (v: unknown): number | null =>
  typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v.trim()) ? Number(v.trim()) : null;

function actionIdFrom(req: Request): number {
  const id = idOf(req.params.actionId);
  if (id === null) throw new NotFoundError();
  return id;
}

/** Rows a page of the list. */
export const ACTIONS_PAGE_SIZE = 50;

const STATUS_LABELS: Record<ActionStatusFilter, string> = { open: 'Open', overdue: 'Overdue', complete: 'Complete' };

export function overdueText(days: number): string {
  return `Overdue by ${days} day${days === 1 ? '' : 's'}`;
}

/** The tag an action shows: overdue (red, with days), open, or complete (on time or late). */
function statusTag(a: AuditActionRow): { text: string; classes: string } {
  if (a.status === 'complete')
    return {
      text: a.completedOn && a.completedOn > a.dueOn ? 'Completed late' : 'Completed',
      classes: 'govuk-tag--green',
    };
  if (a.overdueDays > 0) return { text: overdueText(a.overdueDays), classes: 'govuk-tag--red' };
  return { text: 'Open', classes: 'govuk-tag--blue' };
}

async function renderAction(
  res: Response,
  user: CurrentUser,
  action: AuditActionRow,
  mayChange: boolean,
  body: Body | null,
  errors: FieldError[],
  status = 200,
  saved: string | null = null,
): Promise<void> {
  const tag = statusTag(action);
  res.status(status).render('quality/actions/views/action.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Audit action ${action.id}`,
    errors,
    action: {
      ...action,
      tag,
      dueText: formatDay(action.dueOn),
      raisedText: formatDay(action.raisedOn),
      completedText: action.completedOn ? formatDay(action.completedOn) : null,
    },
    mayChange,
    completedOn: dateParts(body, 'completedOn', null),
    completionNote: body ? str(body.completionNote) : '',
    auditHref: paths.quality.audit({ auditId: action.auditId }),
    childHref: paths.children.show({ childId: action.childLanternId }),
    formAction: paths.quality.action({ actionId: action.id }),
    listHref: paths.quality.actions({}),
    isOwner: action.ownerUserId === user.id,
    saved,
  });
}

export function auditActionRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.actions,
    access: 'audit:read',
    audit: 'quality.actions.list',
    handler: async ({ req, res, user, services, audit }) => {
      const db = services.db;
      const today = todayInLondon();
      const q = req.query as Record<string, unknown>;
      const status = ACTION_STATUS_FILTERS.find((s) => s === q.status) ?? null;
      const filter = {
        status,
        domainId: idOf(q.theme),
        teamId: idOf(q.team),
        ownerUserId: idOf(q.owner),
        programmeId: idOf(q.programme),
      };
      const [total, owners, themes, domains, teams, programmes] = await Promise.all([
        countActions(db, user, filter, today),
        actionOwners(db, user),
        actionThemes(
          db,
          user.authorityId,
          {
            teamId: filter.teamId,
            ownerUserId: filter.ownerUserId,
            programmeId: filter.programmeId,
            visibility: visibilityOf(user),
          },
          today,
        ),
        rows<{ id: unknown; title: string }>(
          db,
          sql`select id, title from practice_domains where authority_id = ${user.authorityId} order by sort_order, id`,
        ),
        rows<{ id: unknown; name: string }>(
          db,
          sql`select id, name from teams where authority_id = ${user.authorityId} order by name`,
        ),
        rows<{ id: unknown; title: string }>(
          db,
          sql`select id, title from audit_programmes where authority_id = ${user.authorityId} order by starts_on desc, id desc`,
        ),
      ]);
      const window = pageWindow(requestedPage(q.page), total, ACTIONS_PAGE_SIZE);
      const found = await listActions(db, user, filter, today, window);
      await audit.record(db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: { shown: found.length, total, page: window.page, status },
      });
      const link = (page: number) =>
        paths.quality.actionsFor({
          status,
          theme: filter.domainId,
          team: filter.teamId,
          owner: filter.ownerUserId,
          programme: filter.programmeId,
          page: page > 1 ? page : undefined,
        });
      const select = (list: Array<{ value: string; text: string }>, chosen: string | null, all: string) => [
        { value: '', text: all, selected: chosen === null },
        ...list.map((i) => ({ ...i, selected: i.value === chosen })),
      ];
      const idText = (n: number | null) => (n === null ? null : String(n));
      const totals = themeTotals(themes);
      res.render('quality/actions/views/list.njk', {
        pageTitle: 'Audit actions',
        filters: {
          status: select(
            ACTION_STATUS_FILTERS.map((s) => ({ value: s, text: STATUS_LABELS[s] })),
            status,
            'Any status',
          ),
          themes: select(
            domains.map((d) => ({ value: String(Number(d.id)), text: d.title })),
            idText(filter.domainId),
            'All themes',
          ),
          teams: select(
            teams.map((t) => ({ value: String(Number(t.id)), text: t.name })),
            idText(filter.teamId),
            'All teams',
          ),
          owners: select(
            owners.map((o) => ({ value: String(o.id), text: o.name })),
            idText(filter.ownerUserId),
            'Anyone',
          ),
          programmes: select(
            programmes.map((p) => ({ value: String(Number(p.id)), text: p.title })),
            idText(filter.programmeId),
            'All programmes',
          ),
        },
        actions: found.map((a) => ({
          ...a,
          tag: statusTag(a),
          dueText: formatDay(a.dueOn),
          href: paths.quality.action({ actionId: a.id }),
          auditHref: paths.quality.audit({ auditId: a.auditId }),
          childHref: paths.children.show({ childId: a.childLanternId }),
        })),
        showing: showingText(window, found.length, 'action', 'actions'),
        pagination: withLabel(pagination(window.page, window.totalPages, link), 'Pages of actions'),
        themes: [...themes, { domainId: -1, label: 'All themes', ...totals }],
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.action,
    access: 'audit:read',
    audit: 'quality.action.view',
    handler: async ({ req, res, user, services, audit }) => {
      const today = todayInLondon();
      const action = await getAction(services.db, user, actionIdFrom(req), today);
      const mayChange = await mayChangeAction(services.db, user, action);
      await audit.record(services.db, { recordType: 'case-audit-action', recordId: String(action.id) });
      const saved =
        req.query.saved === 'completed'
          ? 'The action has been recorded as complete.'
          : req.query.saved === 'reopened'
            ? 'The action has been reopened.'
            : null;
      await renderAction(res, user, action, mayChange, null, [], 200, saved);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.action,
    access: 'audit:read',
    audit: 'quality.action.update',
    handler: async ({ req, res, user, services, audit }) => {
      const db = services.db;
      const today = todayInLondon();
      const actionId = actionIdFrom(req);
      const body = (req.body ?? {}) as Body;
      try {
        if (body.reopen === 'yes') await reopenAction(db, user, actionId, audit, today);
        else
          await completeAction(
            db,
            user,
            actionId,
            { completedOn: dateFromParts(body, 'completedOn'), completionNote: str(body.completionNote) },
            audit,
            today,
          );
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        const action = await getAction(db, user, actionId, today);
        return renderAction(res, user, action, true, body, e.errors, 400);
      }
      res.redirect(
        303,
        paths.withQuery(paths.quality.action({ actionId }), {
          saved: body.reopen === 'yes' ? 'reopened' : 'completed',
        }),
      );
    },
  });
}
