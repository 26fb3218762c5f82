/**
 * Audit actions tracked to completion: the list (with filters), one action, and recording its completion or reopening
 * it. Who sees an action: audit:read holders; team managers and social workers only for their team's children
 * (childInTeam) plus the actions they own and those on audits they conducted. Who may complete or reopen one: its
 * owner, the audit's auditor, a team manager of the child's team, a head of service, and audit:manage holders who also
 * hold audit:read (the QA team). Every change writes an event on the audit ('action-completed', 'action-reopened')
 * and the access log in the same transaction; bad input changes nothing.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { caseAuditActions, caseAuditEvents } from '../../../db/schema/index';
import { isIsoDate } from '../../../domain/dates';
import { can, isTeamScoped } from '../../../domain/roles';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { fieldErrorsFromIssues } from '../../../web/form-input';
import { childInTeam } from '../../children/scope';
import type { CurrentUser } from '../../../accounts/users/service';
import { actionVisible, daysOverdue, raisedOn, type ActionVisibility } from '../action-themes';

export const ACTION_STATUS_FILTERS = ['open', 'overdue', 'complete'] as const;
export type ActionStatusFilter = (typeof ACTION_STATUS_FILTERS)[number];

export interface ActionListFilter {
  status?: ActionStatusFilter | null;
  domainId?: number | null;
  teamId?: number | null;
  ownerUserId?: number | null;
  programmeId?: number | null;
}

export interface AuditActionRow {
  id: number;
  auditId: number;
  auditStatus: string;
  auditSubmittedOn: string | null;
  auditorUserId: number | null;
  childId: number;
  childLanternId: string;
  childName: string;
  teamId: number | null;
  team: string | null;
  programmeId: number | null;
  programme: string | null;
  domainId: number | null;
  theme: string | null;
  description: string;
  ownerName: string;
  ownerUserId: number | null;
  dueOn: string;
  status: 'open' | 'complete';
  completedOn: string | null;
  completionNote: string;
  raisedOn: string;
  /** Days past due (open and due before today), else 0. */
  overdueDays: number;
}

export function visibilityOf(user: CurrentUser): ActionVisibility {
  return isTeamScoped(user.role) ? { kind: 'team', teamId: user.teamId, userId: user.id } : { kind: 'authority' };
}

const day = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).slice(0, 10));

/** A slice of a list: limit rows after skipping offset. */
export interface Slice {
  limit: number;
  offset: number;
}

async function selectActions(
  db: Tx,
  authorityId: number,
  condition: ReturnType<typeof sql>,
  today: string,
  slice?: Slice,
): Promise<AuditActionRow[]> {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select x.id, x.audit_id, a.status as audit_status, to_char(a.submitted_on, 'YYYY-MM-DD') as submitted_on, a.auditor_user_id,
               c.id as child_id, c.lantern_id, c.first_name, c.last_name, a.team_id, t.name as team, a.programme_id, p.title as programme,
               x.domain_id, d.title as theme, x.description, x.owner_name, x.owner_user_id, to_char(x.due_on, 'YYYY-MM-DD') as due_on,
               x.status, to_char(x.completed_on, 'YYYY-MM-DD') as completed_on, x.completion_note,
               to_char(${raisedOn('x')}, 'YYYY-MM-DD') as raised_on
          from case_audit_actions x
          join case_audits a on a.id = x.audit_id
          join children c on c.id = a.child_id
          left join teams t on t.id = a.team_id
          left join audit_programmes p on p.id = a.programme_id
          left join practice_domains d on d.id = x.domain_id
         where a.authority_id = ${authorityId} and ${condition}
         order by x.due_on, x.id
         ${slice ? sql`limit ${slice.limit} offset ${slice.offset}` : sql``}`,
  );
  return found.map((r) => {
    const status = r.status === 'complete' ? 'complete' : 'open';
    const dueOn = String(day(r.due_on));
    return {
      id: Number(r.id),
      auditId: Number(r.audit_id),
      auditStatus: String(r.audit_status),
      auditSubmittedOn: day(r.submitted_on),
      auditorUserId: r.auditor_user_id === null ? null : Number(r.auditor_user_id),
      childId: Number(r.child_id),
      childLanternId: String(r.lantern_id),
      childName: `${String(r.first_name ?? '')} ${String(r.last_name ?? '')}`.trim(),
      teamId: r.team_id === null ? null : Number(r.team_id),
      team: r.team === null ? null : String(r.team),
      programmeId: r.programme_id === null ? null : Number(r.programme_id),
      programme: r.programme === null ? null : String(r.programme),
      domainId: r.domain_id === null ? null : Number(r.domain_id),
      theme: r.theme === null ? null : String(r.theme),
      description: String(r.description),
      ownerName: String(r.owner_name),
      ownerUserId: r.owner_user_id === null ? null : Number(r.owner_user_id),
      dueOn,
      status,
      completedOn: day(r.completed_on),
      completionNote: String(r.completion_note ?? ''),
      raisedOn: String(day(r.raised_on)),
      overdueDays: status === 'open' ? Math.max(0, daysOverdue(dueOn, today)) : 0,
    };
  });
}

/** The condition (on x, the action, and a, its audit) for the actions a user may see that match the filter. */
function listCondition(user: CurrentUser, filter: ActionListFilter, today: string): SQL {
  const status =
    filter.status === 'open'
      ? sql`x.status = 'open'`
      : filter.status === 'overdue'
        ? sql`x.status = 'open' and x.due_on < ${today}::date`
        : filter.status === 'complete'
          ? sql`x.status = 'complete'`
          : sql`true`;
  return sql`${status}
    and (${filter.domainId ?? null}::bigint is null or x.domain_id = ${filter.domainId ?? null}::bigint)
    and (${filter.teamId ?? null}::integer is null or a.team_id = ${filter.teamId ?? null}::integer)
    and (${filter.ownerUserId ?? null}::integer is null or x.owner_user_id = ${filter.ownerUserId ?? null}::integer)
    and (${filter.programmeId ?? null}::bigint is null or a.programme_id = ${filter.programmeId ?? null}::bigint)
    and ${actionVisible(visibilityOf(user))}`;
}

/** The actions a user may see, filtered, soonest due first (then oldest first); a slice of them when one is given. */
export async function listActions(
  db: Tx,
  user: CurrentUser,
  filter: ActionListFilter,
  today: string,
  slice?: Slice,
): Promise<AuditActionRow[]> {
  return selectActions(db, user.authorityId, listCondition(user, filter, today), today, slice);
}

/** How many actions listActions would return, counted in SQL. */
export async function countActions(
  db: Tx,
  user: CurrentUser,
  filter: ActionListFilter,
  today: string,
): Promise<number> {
  const [r] = await rows<{ n: unknown }>(
    db,
    sql`select count(*) as n
          from case_audit_actions x
          join case_audits a on a.id = x.audit_id
         where a.authority_id = ${user.authorityId} and ${listCondition(user, filter, today)}`,
  );
  return Number(r?.n ?? 0);
}

/** The people with a user account who own actions the user may see (any status), by name: the owner filter's choices. */
export async function actionOwners(db: Tx, user: CurrentUser): Promise<Array<{ id: number; name: string }>> {
  const found = await rows<{ id: unknown; name: string }>(
    db,
    sql`select x.owner_user_id as id, min(x.owner_name) as name
          from case_audit_actions x
          join case_audits a on a.id = x.audit_id
         where a.authority_id = ${user.authorityId} and x.owner_user_id is not null and ${actionVisible(visibilityOf(user))}
         group by x.owner_user_id`,
  );
  return found
    .map((r) => ({ id: Number(r.id), name: String(r.name) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** One action the user may see; a missing one and one they may not see are both NotFound. */
export async function getAction(db: Tx, user: CurrentUser, actionId: number, today: string): Promise<AuditActionRow> {
  const [found] = await selectActions(
    db,
    user.authorityId,
    sql`x.id = ${actionId} and ${actionVisible(visibilityOf(user))}`,
    today,
  );
  if (!found) throw new NotFoundError();
  return found;
}

/** Whether the user may complete or reopen the action (they can already see it). */
export async function mayChangeAction(db: Tx, user: CurrentUser, action: AuditActionRow): Promise<boolean> {
  if (!can(user.role, 'audit:read')) return false;
  if (action.ownerUserId === user.id || action.auditorUserId === user.id) return true;
  if (user.role === 'head-of-service') return true;
  if (can(user.role, 'audit:manage')) return true;
  if (user.role === 'team-manager' && user.teamId !== null) {
    const [r] = await rows<{ ok: boolean }>(
      db,
      sql`select ${childInTeam(sql`${action.childId}::bigint`, user.teamId)} as ok`,
    );
    return Boolean(r?.ok);
  }
  return false;
}

export function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/**
 * The rules of a completion, for this action and today: the day (a real date, not in the future, not before the
 * audit's submission — or, for an audit not yet submitted, the day the action was raised) and a note.
 */
function completionRules(action: AuditActionRow, today: string) {
  const earliest = action.auditSubmittedOn ?? action.raisedOn;
  const why = action.auditSubmittedOn ? 'the day the audit was submitted' : 'the day the action was raised';
  return z
    .object({ completedOn: z.string(), completionNote: z.string() })
    .superRefine(({ completedOn: d, completionNote }, ctx) => {
      const error = (field: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [field], message });
      };
      if (d === '') error('completedOn', 'Enter the date the action was completed');
      else if (!isIsoDate(d))
        error('completedOn', 'The date the action was completed must be a real date, for example 27 3 2026');
      else if (d > today) error('completedOn', 'The date the action was completed must be today or in the past');
      else if (d < earliest)
        error('completedOn', `The date the action was completed must be on or after ${formatDay(earliest)}, ${why}`);
      if (completionNote.trim() === '') error('completionNote', 'Enter what was done to complete the action');
      else if (completionNote.length > 5000) error('completionNote', 'What was done must be 5,000 characters or fewer');
    });
}

/** Checks a completion (`completionRules`): every error, in the form's order; none when it may be recorded. */
export function checkCompletion(
  action: AuditActionRow,
  input: { completedOn: string; completionNote: string },
  today: string,
): FieldError[] {
  const parsed = completionRules(action, today).safeParse(input);
  return parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues);
}

async function guard(db: Tx, user: CurrentUser, actionId: number, today: string): Promise<AuditActionRow> {
  const action = await getAction(db, user, actionId, today);
  if (!(await mayChangeAction(db, user, action)))
    throw new ForbiddenError(
      'Only the action’s owner, the auditor, the child’s team manager, a head of service or the quality assurance team may change this action',
    );
  return action;
}

/** Records the action's completion. */
export async function completeAction(
  db: Tx,
  user: CurrentUser,
  actionId: number,
  input: { completedOn: string; completionNote: string },
  audit: Auditor,
  today: string,
): Promise<void> {
  const action = await guard(db, user, actionId, today);
  if (action.status === 'complete')
    throw new ValidationError([{ field: 'completedOn', message: 'This action is already complete' }]);
  const errors = checkCompletion(action, input, today);
  if (errors.length) throw new ValidationError(errors);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update ${caseAuditActions} set status = 'complete', completed_on = ${input.completedOn}::date, completion_note = ${input.completionNote.trim()} where id = ${actionId}`,
    );
    await tx.insert(caseAuditEvents).values({
      auditId: action.auditId,
      userId: user.id,
      userName: user.displayName,
      event: 'action-completed',
      detail: { actionId, completedOn: input.completedOn, dueOn: action.dueOn, late: input.completedOn > action.dueOn },
    });
    await audit.record(tx, {
      recordType: 'case-audit-action',
      recordId: String(actionId),
      detail: { change: 'complete', auditId: action.auditId },
    });
  });
}

/** Reopens a completed action (its completion date and note are cleared; the event keeps when it had been completed). */
export async function reopenAction(
  db: Tx,
  user: CurrentUser,
  actionId: number,
  audit: Auditor,
  today: string,
): Promise<void> {
  const action = await guard(db, user, actionId, today);
  if (action.status !== 'complete')
    throw new ValidationError([{ field: 'reopen', message: 'This action is already open' }]);
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`update ${caseAuditActions} set status = 'open', completed_on = null, completion_note = '' where id = ${actionId}`,
    );
    await tx.insert(caseAuditEvents).values({
      auditId: action.auditId,
      userId: user.id,
      userName: user.displayName,
      event: 'action-reopened',
      detail: { actionId, wasCompletedOn: action.completedOn },
    });
    await audit.record(tx, {
      recordType: 'case-audit-action',
      recordId: String(actionId),
      detail: { change: 'reopen', auditId: action.auditId },
    });
  });
}
