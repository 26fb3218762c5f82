/**
 * Who may read a case audit, written once as SQL for the list and the single audit alike:
 * - its auditor always (an auditor reads the audits they are given, whatever their team);
 * - with audit:read and authority-wide child access (director, head of service, QA auditor): every audit in the
 *   authority;
 * - with audit:read and team scope (team manager, social worker): audits of their own team's children
 *   (childInTeam, src/features/children/scope.ts), audits of cases allocated to them, and audits they moderated;
 * - anyone else (administrators, analysts, members): only an audit they conduct, which they never do.
 * The authority check is the caller's.
 */
import { sql, type SQL } from 'drizzle-orm';
import { auditProgrammeCases, caseAuditModerations, caseAudits } from '../../../db/schema/index';
import { can, isTeamScoped } from '../../../domain/roles';
import { childInTeam, qualified } from '../../children/scope';
import type { CurrentUser } from '../../../accounts/users/service';

/** The condition on a case_audits row aliased `a` (use a real alias: the SQL is correlated). */
export function auditVisibleTo(a: string, user: Pick<CurrentUser, 'id' | 'role' | 'teamId'>): SQL {
  const own = sql`${qualified(a, caseAudits.auditorUserId)} = ${user.id}`;
  if (!can(user.role, 'audit:read')) return sql`(${own})`;
  if (!isTeamScoped(user.role)) return sql`true`;
  const m = 'visible_moderation';
  const pc = 'visible_case';
  const parts: SQL[] = [
    own,
    sql`exists (select 1 from ${caseAuditModerations} as ${sql.identifier(m)}
                 where ${qualified(m, caseAuditModerations.auditId)} = ${qualified(a, caseAudits.id)}
                   and ${qualified(m, caseAuditModerations.moderatorUserId)} = ${user.id})`,
    sql`exists (select 1 from ${auditProgrammeCases} as ${sql.identifier(pc)}
                 where ${qualified(pc, auditProgrammeCases.id)} = ${qualified(a, caseAudits.programmeCaseId)}
                   and ${qualified(pc, auditProgrammeCases.auditorUserId)} = ${user.id})`,
  ];
  if (user.teamId !== null) parts.push(childInTeam(qualified(a, caseAudits.childId), user.teamId));
  return sql`(${sql.join(parts, sql` or `)})`;
}
