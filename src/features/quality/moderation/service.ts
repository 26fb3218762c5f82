/**
 * Moderation of submitted case audits: the queue, the audit as a moderator reads it, and the moderation itself.
 *
 * - Who: audit:moderate (head of service, team manager, QA). Team managers only for their own team's children
 *   (childInTeam, like every child view: another team's audit is "not found"); never an audit the user conducted
 *   (the queue leaves them out; the form refuses with 403).
 * - Which audits: submitted ones await moderation; moderated ones may be taken to triple lock (an external moderator,
 *   recorded by the QA team or a manager). A draft cannot be moderated (409).
 * - What a moderation does, in one transaction: a case_audit_moderations row with a grade (and a reason when it differs
 *   from the auditor's) for every domain and overall; the agreed grades on case_audit_grades.agreed_grade and
 *   case_audits.agreed_overall_grade become the moderation's (the latest moderation supersedes earlier ones); the audit
 *   becomes 'moderated'; a 'moderated' event records the level and the grades that changed (never narrative); the
 *   access log records 'quality.audit.moderate'.
 */
import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import {
  caseAuditEvents,
  caseAuditModerationGrades,
  caseAuditModerations,
  MODERATION_LEVELS,
  type ModerationLevel,
} from '../../../db/schema/index';
import { isGrade, type Grade } from '../../../domain/ofsted';
import { isTeamScoped } from '../../../domain/roles';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { childInTeam } from '../../children/scope';
import { refreshAuditFigures } from '../audit-figures';
import type { CurrentUser } from '../../../accounts/users/service';
import { pageWindow, type PageWindow } from '../../../web/pagination';
import { fieldErrorsFromIssues } from '../../../web/form-input';

/** Grades as a moderator's reason message names them ("from Good to Requires improvement"). */
export const SHORT_GRADE_LABELS: Record<Grade, string> = {
  outstanding: 'Outstanding',
  good: 'Good',
  'requires-improvement': 'Requires improvement',
  inadequate: 'Inadequate',
};

export const LEVEL_LABELS: Record<ModerationLevel, string> = {
  'double-lock': 'Double lock',
  'triple-lock': 'Triple lock',
};

/** The team scope condition on an audit aliased a, for a team-scoped moderator (fails closed without a team). */
function inScope(user: CurrentUser): SQL {
  if (!isTeamScoped(user.role)) return sql`true`;
  if (user.teamId === null) return sql`false`;
  return childInTeam(sql`a.child_id`, user.teamId);
}

export interface QueueFilter {
  teamId?: number | null;
  programmeId?: number | null;
  /** YYYY-MM: submitted in this month. */
  month?: string | null;
}

export interface QueueRow {
  auditId: number;
  childLanternId: string;
  childName: string;
  team: string | null;
  programme: string | null;
  auditor: string;
  submittedOn: string;
  overallGrade: Grade | null;
  agreedOverallGrade: Grade | null;
  /** Moderated audits: the latest moderation. */
  level: ModerationLevel | null;
  moderator: string | null;
  moderatedOn: string | null;
}

export interface ModerationQueue {
  /** Submitted, not yet moderated: oldest first (the page asked for). */
  awaiting: QueueRow[];
  /** Moderated with a double lock only: may be taken to triple lock. Oldest submission first (the page asked for). */
  forTripleLock: QueueRow[];
  /** How many there are in each list, over every page. */
  awaitingTotal: number;
  forTripleLockTotal: number;
  /** Where the pages shown fall (the page asked for, or the last one when that is past the end). */
  awaitingWindow: PageWindow;
  forTripleLockWindow: PageWindow;
}

/** Rows a page of each list in the queue. */
export const QUEUE_PAGE_SIZE = 50;

/** The audits table a, its child c, and its latest moderation mo, for the queue's queries. */
const QUEUE_FROM = sql`case_audits a
          join children c on c.id = a.child_id
          left join teams t on t.id = a.team_id
          left join audit_programmes p on p.id = a.programme_id
          left join lateral (
            select m.level, m.moderator_name, m.moderated_on from case_audit_moderations m
             where m.audit_id = a.id order by m.moderated_on desc, m.id desc limit 1
          ) mo on true`;

/**
 * The same audits as QUEUE_FROM, for counting: the child's existence tested through the children's primary key (the
 * join read every child in the authority to count a few thousand audits); teams and programmes are not needed.
 */
const COUNT_FROM = sql`case_audits a
          left join lateral (
            select m.level from case_audit_moderations m
             where m.audit_id = a.id order by m.moderated_on desc, m.id desc limit 1
          ) mo on true`;
const CHILD_EXISTS = sql`exists (select 1 from children c where c.id = a.child_id)`;

const AWAITING = sql`a.status = 'submitted'`;
const FOR_TRIPLE_LOCK = sql`(a.status = 'moderated' and coalesce(mo.level, '') <> 'triple-lock')`;

function queueWhere(user: CurrentUser, filter: QueueFilter): SQL {
  const month = filter.month && /^\d{4}-(0[1-9]|1[0-2])$/.test(filter.month) ? filter.month : null;
  return sql`a.authority_id = ${user.authorityId}
           and a.submitted_on is not null
           and a.auditor_user_id is distinct from ${user.id}
           and (${filter.teamId ?? null}::integer is null or a.team_id = ${filter.teamId ?? null}::integer)
           and (${filter.programmeId ?? null}::bigint is null or a.programme_id = ${filter.programmeId ?? null}::bigint)
           and (${month}::text is null or to_char(a.submitted_on, 'YYYY-MM') = ${month}::text)
           and ${inScope(user)}`;
}

async function queueRows(db: Tx, where: SQL, list: SQL, window: PageWindow): Promise<QueueRow[]> {
  const found = await rows<Record<string, unknown>>(
    db,
    sql`select a.id, c.lantern_id, c.first_name, c.last_name, t.name as team, p.title as programme, a.auditor_name,
               to_char(a.submitted_on, 'YYYY-MM-DD') as submitted_on, a.overall_grade, a.agreed_overall_grade,
               mo.level, mo.moderator_name, to_char(mo.moderated_on, 'YYYY-MM-DD') as moderated_on
          from ${QUEUE_FROM}
         where ${where} and ${list}
         order by a.submitted_on, a.id
         limit ${window.limit} offset ${window.offset}`,
  );
  const grade = (v: unknown): Grade | null => (isGrade(v) ? v : null);
  return found.map((r) => ({
    auditId: Number(r.id),
    childLanternId: String(r.lantern_id),
    childName: `${String(r.first_name ?? '')} ${String(r.last_name ?? '')}`.trim(),
    team: r.team === null ? null : String(r.team),
    programme: r.programme === null ? null : String(r.programme),
    auditor: String(r.auditor_name),
    submittedOn: String(r.submitted_on),
    overallGrade: grade(r.overall_grade),
    agreedOverallGrade: grade(r.agreed_overall_grade),
    level: r.level === 'double-lock' || r.level === 'triple-lock' ? r.level : null,
    moderator: r.moderator_name === null ? null : String(r.moderator_name),
    moderatedOn: r.moderated_on === null ? null : String(r.moderated_on),
  }));
}

/**
 * The queue: both lists counted in SQL, then the page asked for of each (50 rows; page numbers from 1; a page past
 * the end shows the last page).
 */
export async function moderationQueue(
  db: Tx,
  user: CurrentUser,
  filter: QueueFilter,
  pages: { awaiting?: number; forTripleLock?: number } = {},
): Promise<ModerationQueue> {
  const where = queueWhere(user, filter);
  const [counted] = await rows<{ awaiting: unknown; triple: unknown }>(
    db,
    sql`select count(*) filter (where ${AWAITING}) as awaiting, count(*) filter (where ${FOR_TRIPLE_LOCK}) as triple
          from ${COUNT_FROM}
         where ${CHILD_EXISTS} and ${where}`,
  );
  const awaitingTotal = Number(counted?.awaiting ?? 0);
  const forTripleLockTotal = Number(counted?.triple ?? 0);
  const awaitingWindow = pageWindow(pages.awaiting ?? 1, awaitingTotal, QUEUE_PAGE_SIZE);
  const forTripleLockWindow = pageWindow(pages.forTripleLock ?? 1, forTripleLockTotal, QUEUE_PAGE_SIZE);
  const [awaiting, forTripleLock] = await Promise.all([
    awaitingTotal ? queueRows(db, where, AWAITING, awaitingWindow) : Promise.resolve([]),
    forTripleLockTotal ? queueRows(db, where, FOR_TRIPLE_LOCK, forTripleLockWindow) : Promise.resolve([]),
  ]);
  return { awaiting, forTripleLock, awaitingTotal, forTripleLockTotal, awaitingWindow, forTripleLockWindow };
}

/** The months (YYYY-MM) in which audits the user might moderate were submitted, newest first, for the filter. */
export async function queueMonths(db: Tx, user: CurrentUser): Promise<string[]> {
  const found = await rows<{ m: string }>(
    db,
    sql`select distinct to_char(a.submitted_on, 'YYYY-MM') as m from case_audits a
         where a.authority_id = ${user.authorityId} and a.submitted_on is not null and a.status in ('submitted', 'moderated') and ${inScope(user)}
         order by 1 desc`,
  );
  return found.map((r) => r.m);
}

export interface ModerationDomain {
  domainId: number;
  title: string;
  auditorGrade: Grade;
  narrative: string;
  agreedGrade: Grade | null;
  /** The latest moderation's reason for this domain ('' when none). */
  lastReason: string;
}

export interface AuditForModeration {
  auditId: number;
  status: string;
  childLanternId: string;
  childName: string;
  team: string | null;
  auditorUserId: number | null;
  auditor: string;
  submittedOn: string | null;
  overallGrade: Grade | null;
  agreedOverallGrade: Grade | null;
  overallNarrative: string;
  lastOverallReason: string;
  /** The latest moderation's level, if any. */
  lastLevel: ModerationLevel | null;
  domains: ModerationDomain[];
}

/**
 * The audit as the moderation form shows it, if the user may see it (authority; team scope for team managers), else
 * NotFound. Domains come in the audit's framework version order, else the practice domains' order.
 */
export async function auditForModeration(db: Tx, user: CurrentUser, auditId: number): Promise<AuditForModeration> {
  const [a] = await rows<Record<string, unknown>>(
    db,
    sql`select a.id, a.status, c.lantern_id, c.first_name, c.last_name, t.name as team, a.auditor_user_id, a.auditor_name,
               to_char(a.submitted_on, 'YYYY-MM-DD') as submitted_on, a.overall_grade, a.agreed_overall_grade, a.overall_narrative,
               a.framework_version_id, mo.id as moderation_id, mo.level, mo.overall_reason
          from case_audits a
          join children c on c.id = a.child_id
          left join teams t on t.id = a.team_id
          left join lateral (
            select m.id, m.level, m.overall_reason from case_audit_moderations m
             where m.audit_id = a.id order by m.moderated_on desc, m.id desc limit 1
          ) mo on true
         where a.id = ${auditId} and a.authority_id = ${user.authorityId} and ${inScope(user)}`,
  );
  if (!a) throw new NotFoundError();
  const versionId = a.framework_version_id === null ? null : Number(a.framework_version_id);
  const moderationId = a.moderation_id === null ? null : Number(a.moderation_id);
  const domains = await rows<Record<string, unknown>>(
    db,
    sql`select g.domain_id, d.title, g.grade, g.agreed_grade, g.narrative, coalesce(mg.reason, '') as reason
          from case_audit_grades g
          join practice_domains d on d.id = g.domain_id
          left join audit_framework_domains fd on fd.version_id = ${versionId}::bigint and fd.domain_id = g.domain_id
          left join case_audit_moderation_grades mg on mg.moderation_id = ${moderationId}::bigint and mg.domain_id = g.domain_id
         where g.audit_id = ${auditId}
         order by fd.sort_order nulls last, d.sort_order, d.id`,
  );
  const grade = (v: unknown): Grade | null => (isGrade(v) ? v : null);
  return {
    auditId: Number(a.id),
    status: String(a.status),
    childLanternId: String(a.lantern_id),
    childName: `${String(a.first_name ?? '')} ${String(a.last_name ?? '')}`.trim(),
    team: a.team === null ? null : String(a.team),
    auditorUserId: a.auditor_user_id === null ? null : Number(a.auditor_user_id),
    auditor: String(a.auditor_name),
    submittedOn: a.submitted_on === null ? null : String(a.submitted_on),
    overallGrade: grade(a.overall_grade),
    agreedOverallGrade: grade(a.agreed_overall_grade),
    overallNarrative: String(a.overall_narrative ?? ''),
    lastOverallReason: String(a.overall_reason ?? ''),
    lastLevel: a.level === 'double-lock' || a.level === 'triple-lock' ? a.level : null,
    domains: domains
      .filter((d) => isGrade(d.grade))
      .map((d) => ({
        domainId: Number(d.domain_id),
        title: String(d.title),
        auditorGrade: d.grade as Grade,
        narrative: String(d.narrative ?? ''),
        agreedGrade: grade(d.agreed_grade),
        lastReason: String(d.reason ?? ''),
      })),
  };
}

/** Why this user may not moderate this audit, or null when they may. */
export function refusal(user: CurrentUser, audit: AuditForModeration): { status: 403 | 409; message: string } | null {
  if (audit.auditorUserId !== null && audit.auditorUserId === user.id) {
    return {
      status: 403,
      message:
        'You conducted this audit, so you cannot moderate it. Another manager or the quality assurance team must moderate it.',
    };
  }
  if (audit.status !== 'submitted' && audit.status !== 'moderated') {
    return {
      status: 409,
      message: 'This audit has not been submitted, so it cannot be moderated yet. The auditor must submit it first.',
    };
  }
  return null;
}

export interface ModerationInput {
  level: ModerationLevel;
  externalModerator: string;
  grades: Array<{ domainId: number; grade: Grade; reason: string }>;
  overallGrade: Grade | null;
  overallReason: string;
}

type Body = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/**
 * The moderation form's rules for this audit, as a schema of the posted fields (other keys are ignored): a level; for
 * triple lock the external moderator's name and organisation; a grade for every domain, with a reason when it differs
 * from the auditor's; the overall grade (required when the auditor gave one) with a reason likewise. Errors name the
 * field as the form does, in the form's order.
 */
export function moderationForm(audit: AuditForModeration) {
  return z.record(z.string(), z.unknown()).transform((body, ctx): ModerationInput => {
    const error = (field: string, message: string) => {
      ctx.addIssue({ code: 'custom', path: [field], message });
    };
    const levelText = str(body.level);
    const level = (MODERATION_LEVELS as readonly string[]).includes(levelText) ? (levelText as ModerationLevel) : null;
    if (!level) error('level', 'Select the level of moderation');
    const externalModerator = str(body.externalModerator);
    if (level === 'triple-lock' && externalModerator === '')
      error('externalModerator', 'Enter the external moderator’s name and organisation');
    else if (externalModerator.length > 200)
      error('externalModerator', 'The external moderator’s name and organisation must be 200 characters or fewer');
    const grades: ModerationInput['grades'] = [];
    for (const d of audit.domains) {
      const g = str(body[`grade-${d.domainId}`]);
      const reason = str(body[`reason-${d.domainId}`]);
      if (!isGrade(g)) {
        error(`grade-${d.domainId}`, `Select a grade for ${d.title}`);
        continue;
      }
      if (g !== d.auditorGrade && reason === '')
        error(
          `reason-${d.domainId}`,
          `Give the reason for changing ${d.title}’s grade from ${SHORT_GRADE_LABELS[d.auditorGrade]} to ${SHORT_GRADE_LABELS[g]}`,
        );
      if (reason.length > 5000)
        error(`reason-${d.domainId}`, `The reason for ${d.title} must be 5,000 characters or fewer`);
      grades.push({ domainId: d.domainId, grade: g, reason });
    }
    const overallText = str(body.overallGrade);
    const overallReason = str(body.overallReason);
    let overallGrade: Grade | null = null;
    if (isGrade(overallText)) overallGrade = overallText;
    else if (overallText !== '' || audit.overallGrade !== null) error('overallGrade', 'Select the overall grade');
    if (overallGrade && audit.overallGrade && overallGrade !== audit.overallGrade && overallReason === '')
      error(
        'overallReason',
        `Give the reason for changing the overall grade from ${SHORT_GRADE_LABELS[audit.overallGrade]} to ${SHORT_GRADE_LABELS[overallGrade]}`,
      );
    if (overallReason.length > 5000)
      error('overallReason', 'The reason for the overall grade must be 5,000 characters or fewer');
    if (!level) return z.NEVER;
    return { level, externalModerator, grades, overallGrade, overallReason };
  });
}

/** Reads and checks a posted moderation against the audit (`moderationForm`): the input, or every error. */
export function readModeration(
  audit: AuditForModeration,
  body: Body,
): { input: ModerationInput | null; errors: FieldError[] } {
  const parsed = moderationForm(audit).safeParse(body);
  if (parsed.success) return { input: parsed.data, errors: [] };
  return { input: null, errors: fieldErrorsFromIssues(parsed.error.issues) };
}

/** Records a moderation (see the module comment). Returns the new moderation's id. */
export async function moderate(
  db: Tx,
  user: CurrentUser,
  auditId: number,
  body: Body,
  audit: Auditor,
  today: string,
): Promise<number> {
  const found = await auditForModeration(db, user, auditId);
  const refused = refusal(user, found);
  if (refused?.status === 409) throw new ConflictError(refused.message);
  if (refused) throw new ForbiddenError(refused.message);
  const { input, errors } = readModeration(found, body);
  if (!input) throw new ValidationError(errors);
  const moderatorName = input.level === 'triple-lock' ? input.externalModerator : user.displayName;
  const id = await db.transaction(async (tx) => {
    const [m] = await tx
      .insert(caseAuditModerations)
      .values({
        auditId,
        level: input.level,
        moderatorUserId: user.id,
        moderatorName,
        moderatedOn: today,
        overallGrade: input.overallGrade,
        overallReason: input.overallReason,
      })
      .returning({ id: caseAuditModerations.id });
    if (!m) throw new Error('no moderation row');
    if (input.grades.length) {
      await tx
        .insert(caseAuditModerationGrades)
        .values(
          input.grades.map((g) => ({ moderationId: m.id, domainId: g.domainId, grade: g.grade, reason: g.reason })),
        );
    }
    for (const g of input.grades) {
      await tx.execute(
        sql`update case_audit_grades set agreed_grade = ${g.grade} where audit_id = ${auditId} and domain_id = ${g.domainId}`,
      );
    }
    await tx.execute(
      sql`update case_audits set agreed_overall_grade = ${input.overallGrade}, status = 'moderated', updated_at = now() where id = ${auditId}`,
    );
    // Domains whose moderated grade differs from the auditor's: from the auditor's grade to the moderated one, with
    // the grade that counted before (an earlier moderation's) beside it.
    const changes = input.grades.flatMap((g) => {
      const d = found.domains.find((x) => x.domainId === g.domainId);
      if (!d || d.auditorGrade === g.grade) return [];
      return [
        { domainId: g.domainId, domain: d.title, from: d.auditorGrade, to: g.grade, previouslyAgreed: d.agreedGrade },
      ];
    });
    const overallFrom = found.overallGrade;
    await tx.insert(caseAuditEvents).values({
      auditId,
      userId: user.id,
      userName: user.displayName,
      event: 'moderated',
      detail: {
        moderationId: m.id,
        level: input.level,
        domainsChanged: changes,
        overall: overallFrom !== input.overallGrade ? { from: overallFrom, to: input.overallGrade } : null,
      },
    });
    await audit.record(tx, {
      recordType: 'case-audit',
      recordId: String(auditId),
      detail: { level: input.level, domainsChanged: changes.length },
    });
    return m.id;
  });
  // The agreed grades count in the month the audit was submitted, which may be a month whose figures are kept.
  await refreshAuditFigures(db, user.authorityId, today);
  return id;
}
