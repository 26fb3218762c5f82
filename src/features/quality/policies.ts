/**
 * Who may use quality's routes that no single permission describes (src/domain/policies.ts). Checks against the
 * record itself stay in the services: an audit's auditor (audits/service.ts `auditToAddTo`), who reads an audit
 * (audits/access.ts).
 */
import { anyPermissionOf, policy, type Policy } from '../../domain/policies';

/** Audit frameworks are read by whoever runs, conducts or reads audits: not analysts, not members. */
export const readsFrameworks: Policy = anyPermissionOf('audit:manage', 'audit:conduct', 'audit:read');

/**
 * Adding an action or a partner's contribution to an audit: its auditor or the QA lead (audit:manage). Whether the
 * user is this audit's auditor is a fact of the audit, not of a role (an auditor keeps their audits whatever their
 * role becomes), so every signed-in user passes the route and the service decides on the audit: 404 when it is not
 * the authority's, 403 when it is not theirs to add to.
 */
export const addsToAnAudit: Policy = policy('the audit’s auditor or audit:manage (decided on the audit)', () => true);
