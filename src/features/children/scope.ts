/**
 * Which children a user may see, written once as SQL so every query that lists or opens a child applies the same
 * rule (children search and record here; trackers and drill-downs elsewhere can import `childInScope`).
 *
 * Authority scope: the child's authority_id is the user's authority.
 *
 * Team scope — "the child's current allocation is to the team". A child belongs to team T when
 *   (a) the child has an open allocation (end_date is null) to T — any open allocation counts, so a child held
 *       jointly (say a social worker in one team and a personal adviser in another) is in both teams; or
 *   (b) the child has no open allocation at all (the case is closed) and their most recent allocation was to T.
 *       "Most recent" is the allocation that ended last; ties go to the primary allocation, then the later start
 *       date, then the later-created row.
 * A child who has never been allocated belongs to no team, so team-scoped users do not see them.
 * The rule looks only at the allocations table: a future-dated open allocation already counts (the team has
 * accepted the case). The authority check always applies as well.
 *
 * The SQL is written with explicit aliases and qualified column names, because Drizzle prints columns
 * unqualified inside `sql` templates in single-table selects, which would silently bind a correlated subquery's
 * columns to the wrong table.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { allocations, auditProgrammeCases, auditProgrammes, caseAudits, teams } from '../../db/schema/index';
import type { ChildScope } from '../../domain/roles';

/** A scope that can see something (`none` is handled before any query runs). */
export type VisibleScope = Exclude<ChildScope, { kind: 'none' }>;

/** `"alias"."column"`, using the Drizzle column's own name so a rename in the schema follows through. */
export function qualified(tableAlias: string, column: AnyPgColumn): SQL {
  return sql`${sql.identifier(tableAlias)}.${sql.identifier(column.name)}`;
}

/** Order of a child's allocations, "current" first: open ones (primary first, latest start), then by end date. */
function currentFirst(a: string): SQL {
  return sql`${qualified(a, allocations.endDate)} desc nulls first, ${qualified(a, allocations.isPrimary)} desc, ${qualified(a, allocations.startDate)} desc, ${qualified(a, allocations.id)} desc`;
}

/**
 * True when the child whose id is `childIdRef` (a fully qualified column, see `qualified`) belongs to team
 * `teamId` under the rule above.
 */
export function childInTeam(childIdRef: SQL, teamId: number): SQL {
  const open = 'scope_open';
  const anyOpen = 'scope_any_open';
  const last = 'scope_last';
  const any = 'scope_candidate';
  // The first condition is implied by the rule (a child in team T has some allocation to T); it lets PostgreSQL
  // start from the team's allocations instead of testing every child in the authority. (Measured: a team with
  // 5,000 children among 100,000, about 120 ms per query on PostgreSQL; an index on allocations (team_id, child_id)
  // would remove the scan of allocations that remains.)
  return sql`(
    ${childIdRef} in (
      select ${qualified(any, allocations.childId)} from ${allocations} as ${sql.identifier(any)}
      where ${qualified(any, allocations.teamId)} = ${teamId}
    )
    and (
      exists (
        select 1 from ${allocations} as ${sql.identifier(open)}
        where ${qualified(open, allocations.childId)} = ${childIdRef}
          and ${qualified(open, allocations.teamId)} = ${teamId}
          and ${qualified(open, allocations.endDate)} is null
      )
      or (
        not exists (
          select 1 from ${allocations} as ${sql.identifier(anyOpen)}
          where ${qualified(anyOpen, allocations.childId)} = ${childIdRef}
            and ${qualified(anyOpen, allocations.endDate)} is null
        )
        and ${teamId} = (
          select ${qualified(last, allocations.teamId)} from ${allocations} as ${sql.identifier(last)}
          where ${qualified(last, allocations.childId)} = ${childIdRef}
          order by ${currentFirst(last)}
          limit 1
        )
      )
    )
  )`;
}

/**
 * True when user `userId` is the auditor of an unfinished audit of the child whose id is `childIdRef`: an audit of
 * theirs still in draft (started, or reopened), or a programme case allocated to them and not yet started. Team
 * managers audit other teams' children, so the record of a child being audited by them opens for them for as long as
 * the audit is open, and no longer once it is submitted. It widens opening a record (and its chronology) only:
 * search lists, family links and every other query keep to `childInScope`. The authority check is the caller's.
 */
export function childAuditedBy(childIdRef: SQL, userId: number): SQL {
  const audit = 'auditing_audit';
  const pc = 'auditing_case';
  const prog = 'auditing_programme';
  return sql`(
    exists (
      select 1 from ${caseAudits} as ${sql.identifier(audit)}
      where ${qualified(audit, caseAudits.childId)} = ${childIdRef}
        and ${qualified(audit, caseAudits.auditorUserId)} = ${userId}
        and ${qualified(audit, caseAudits.status)} = 'draft'
    )
    or exists (
      select 1 from ${auditProgrammeCases} as ${sql.identifier(pc)}
      join ${auditProgrammes} as ${sql.identifier(prog)} on ${qualified(prog, auditProgrammes.id)} = ${qualified(pc, auditProgrammeCases.programmeId)}
      where ${qualified(pc, auditProgrammeCases.childId)} = ${childIdRef}
        and ${qualified(pc, auditProgrammeCases.auditorUserId)} = ${userId}
        and ${qualified(pc, auditProgrammeCases.auditId)} is null
        and ${qualified(prog, auditProgrammes.status)} <> 'closed'
    )
  )`;
}

/**
 * The scope condition for a children row aliased `childAlias` (use "children" for the table itself).
 */
export function childInScope(
  scope: VisibleScope,
  childAlias: string,
  columns: { id: AnyPgColumn; authorityId: AnyPgColumn },
): SQL {
  const inAuthority = sql`${qualified(childAlias, columns.authorityId)} = ${scope.authorityId}`;
  if (scope.kind === 'authority') return inAuthority;
  return sql`(${inAuthority} and ${childInTeam(qualified(childAlias, columns.id), scope.teamId)})`;
}

/**
 * The name of the child's current team, chosen with the same ordering as the scope rule: an open allocation if
 * there is one (the primary one first), otherwise the allocation that ended last. Null when never allocated.
 */
export function currentTeamName(childIdRef: SQL): SQL<string | null> {
  const a = 'current_alloc';
  const t = 'current_team';
  return sql<string | null>`(
    select ${qualified(t, teams.name)}
    from ${allocations} as ${sql.identifier(a)}
    join ${teams} as ${sql.identifier(t)} on ${qualified(t, teams.id)} = ${qualified(a, allocations.teamId)}
    where ${qualified(a, allocations.childId)} = ${childIdRef}
    order by ${currentFirst(a)}
    limit 1
  )`;
}
