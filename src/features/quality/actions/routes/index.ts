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
 * One module a page: list, action (show, complete or reopen).
 */
import type { RouteBuilder } from '../../../../web/route';
import { actionPageRoutes } from './action';
import { actionListRoutes } from './list';

export function auditActionRoutes(r: RouteBuilder): void {
  actionListRoutes(r);
  actionPageRoutes(r);
}
