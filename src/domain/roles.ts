/**
 * Roles and what each may do. Pure data and functions; the web, the API and the CLI all ask these.
 *
 * Child-level data is the most sensitive data a council holds, so access is least-privilege:
 * - elected members see aggregates only, never a child;
 * - team managers and social workers see only the children allocated to their own team;
 * - everyone else with child access sees the whole authority.
 */
export const ROLES = [
  'admin',
  'director',
  'head-of-service',
  'team-manager',
  'social-worker',
  'qa-auditor',
  'analyst',
  'member',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  director: 'Director of children’s services',
  'head-of-service': 'Head of service',
  'team-manager': 'Team manager',
  'social-worker': 'Social worker',
  'qa-auditor': 'Quality assurance auditor',
  analyst: 'Performance analyst',
  member: 'Elected member',
};

export const PERMISSIONS = [
  /** Open a child's record and chronology (subject to team scope). */
  'child:read',
  /** Search and list children (subject to team scope). */
  'child:search',
  /** See aggregate figures (dashboards, counts). */
  'aggregate:read',
  /** Read and filter the access log. */
  'access-log:read',
  /** Create and list users. */
  'user:manage',
  /** Load an authority's files (SSD extract, 903, CIN census, Annex A) and read the import log and its reports. */
  'data:import',
  /** Export child-level data in the sector's formats (Annex A, 903, CIN census, SSD). */
  'data:export',
  /** Trackers: work due and overdue by team and worker, PLO, permanence, CIN panel, caseloads (team scope applies). */
  'trackers:read',
  /** Write commentary beside an indicator and a period. */
  'commentary:write',
  /** Change an indicator's target and RAG thresholds for the authority. */
  'indicator:manage',
  /** Load published reference data: bank holidays, DfE benchmarks, statistical neighbours, the authority lookup. */
  'reference:manage',
  /** Read inspections, their judgements and recommendations, the national picture and the improvement plan (no child data). */
  'inspection:read',
  /** Record and correct inspections and visits, and read in Ofsted reports. */
  'inspection:manage',
  /** Build the improvement plan (themes, objectives, actions, links to recommendations and evidence) and record progress. */
  'improvement:manage',
  /** Read what case audits show: grades by domain, team, service and month, moderation agreement, the QA report. */
  'quality:read',
  /** Read individual case audits: grades, narrative, reflections, actions (team scope applies; an auditor or moderator reads the audits they are given). */
  'audit:read',
  /** Be allocated case audits and complete them. */
  'audit:conduct',
  /** Moderate submitted audits (double lock; triple lock recorded for an external moderator). */
  'audit:moderate',
  /** Run the QA programme: audit frameworks and their versions, programmes, case selection, allocation, reopening a submitted audit. */
  'audit:manage',
  /** Open the reports page, generate reports and download them (members: the members' audience only). */
  'report:read',
  /** Generate a report for officers (internal audience, counts as they are). */
  'report:internal',
  /** Write the self-evaluation's text for a service area and year. */
  'self-evaluation:write',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const CHILD_ROLES: readonly Role[] = [
  'admin',
  'director',
  'head-of-service',
  'team-manager',
  'social-worker',
  'qa-auditor',
  'analyst',
];

const GRANTS: Record<Permission, readonly Role[]> = {
  'child:read': CHILD_ROLES,
  'child:search': CHILD_ROLES,
  'aggregate:read': ROLES,
  'access-log:read': ['admin'],
  'user:manage': ['admin'],
  'data:import': ['admin', 'analyst'],
  // Exports are child-level: the people who send returns and prepare for inspection, and the leaders who answer for them.
  'data:export': ['admin', 'analyst', 'director', 'head-of-service'],
  // The people who manage and do the work, and the leaders and analysts who oversee it. Not auditors or members.
  'trackers:read': ['admin', 'director', 'head-of-service', 'team-manager', 'social-worker', 'analyst'],
  'commentary:write': ['director', 'head-of-service'],
  'indicator:manage': ['admin'],
  'reference:manage': ['admin', 'analyst'],
  // Inspection reports are public and the plan carries no child data: everyone reads them, members (the improvement
  // board, scrutiny) included.
  'inspection:read': ROLES,
  // The improvement lead's work, done by leaders and the analysts who load reports.
  'inspection:manage': ['admin', 'director', 'head-of-service', 'analyst'],
  'improvement:manage': ['admin', 'director', 'head-of-service'],
  // Aggregate audit results: leaders, managers, the QA team and analysts; members too (the corporate parenting panel
  // reads practice quality), with counts under 5 suppressed. Not social workers: results by team are for managers.
  'quality:read': ['admin', 'director', 'head-of-service', 'team-manager', 'qa-auditor', 'analyst', 'member'],
  // A case audit is child-level casework judgement: the leaders who answer for practice, the QA team, and team
  // managers and social workers for their own team's children (the worker sees the audit of their case and its
  // actions). Not analysts (they have the aggregates), not administrators, never members.
  'audit:read': ['director', 'head-of-service', 'team-manager', 'social-worker', 'qa-auditor'],
  // Auditors: the QA team, team managers (of other teams' cases) and heads of service.
  'audit:conduct': ['head-of-service', 'team-manager', 'qa-auditor'],
  // Moderators: managers (double lock) and the QA team, who also record an external moderator's triple lock.
  'audit:moderate': ['head-of-service', 'team-manager', 'qa-auditor'],
  // The QA lead's work.
  'audit:manage': ['admin', 'head-of-service', 'qa-auditor'],
  // Reports are aggregate documents: everyone may generate and download the members' version (counts under 5
  // suppressed, nothing about a child), members included.
  'report:read': ROLES,
  // The internal version shows counts as they are: officers only, never members.
  'report:internal': CHILD_ROLES,
  // The self-evaluation is the leaders' account of their services, as commentary is.
  'self-evaluation:write': ['director', 'head-of-service'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[permission].includes(role);
}

/** Roles whose child access is limited to children allocated to their own team. */
export function isTeamScoped(role: Role): boolean {
  return role === 'team-manager' || role === 'social-worker';
}

/** What a signed-in user's child access is: none, the whole authority, or one team. */
export type ChildScope =
  { kind: 'none' } | { kind: 'authority'; authorityId: number } | { kind: 'team'; authorityId: number; teamId: number };

export function childScope(user: { role: Role; authorityId: number; teamId: number | null }): ChildScope {
  if (!can(user.role, 'child:read')) return { kind: 'none' };
  if (isTeamScoped(user.role)) {
    // A team-scoped role without a team sees no child: fail closed.
    return user.teamId === null
      ? { kind: 'none' }
      : { kind: 'team', authorityId: user.authorityId, teamId: user.teamId };
  }
  return { kind: 'authority', authorityId: user.authorityId };
}
