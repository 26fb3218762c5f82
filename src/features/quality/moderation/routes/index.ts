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
 * One module a page: queue, moderate (the form and the refusal pages).
 */
import type { RouteBuilder } from '../../../../web/route';
import { moderateRoutes } from './moderate';
import { moderationQueueRoutes } from './queue';

export function moderationRoutes(r: RouteBuilder): void {
  moderationQueueRoutes(r);
  moderateRoutes(r);
}
