/**
 * The audit itself, on the web:
 *   GET  /quality/audits                      your allocated cases and drafts, then every audit you may read (filters)
 *   POST /quality/cases/:caseId/start         start the audit of a case allocated to you
 *   GET  /quality/audits/:auditId             the audit, read-only, against its own framework version
 *   GET  /quality/audits/:auditId/edit        the form (its auditor, while a draft)
 *   POST /quality/audits/:auditId/edit        "Save draft"
 *   POST /quality/audits/:auditId/submit      "Submit audit": checked complete, then locked
 *   GET|POST /quality/audits/:auditId/actions        add an action (auditor, or audit:manage)
 *   GET|POST /quality/audits/:auditId/contributions  record a partner's contribution (auditor, or audit:manage; draft)
 *   GET|POST /quality/audits/:auditId/reopen         send a submitted audit back to draft (audit:manage), with a reason
 * Who reads an audit: src/features/quality/audits/access.ts. A locked audit answers 409 with the date it was submitted.
 * One module a page or sub-journey: list, show, edit, actions, contribution, reopen.
 */
import type { RouteBuilder } from '../../../../web/route';
import { auditActionRoutes } from './actions';
import { auditContributionRoutes } from './contribution';
import { auditEditRoutes } from './edit';
import { auditListRoutes } from './list';
import { auditReopenRoutes } from './reopen';
import { auditShowRoutes } from './show';
export function auditRoutes(r: RouteBuilder): void {
  auditListRoutes(r);
  auditShowRoutes(r);
  auditEditRoutes(r);
  auditActionRoutes(r);
  auditContributionRoutes(r);
  auditReopenRoutes(r);
}
