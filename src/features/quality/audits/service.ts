/**
 * Case audits as an auditor does them: the cases allocated to them, starting an audit, saving a draft, submitting it
 * (after which it is locked), actions and partners' contributions, and reopening a submitted audit (the QA lead).
 *
 * Every change is written to case_audit_events in the same transaction as the change, and to the access log by the
 * route's auditor. An audit is graded against the framework version its programme used (loadFrameworkVersion), so it
 * stays readable after later versions; an audit recorded before frameworks existed (no version) is graded by the
 * authority's practice domains.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Db, Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import {
  caseAuditActions,
  caseAuditContributions,
  caseAuditEvents,
  caseAuditGrades,
  caseAudits,
  PARTNER_AGENCIES,
  auditProgrammeCases,
  type PartnerAgency,
} from '../../../db/schema/index';
import { isIsoDate } from '../../../domain/dates';
import { isGrade, type Grade } from '../../../domain/ofsted';
import { can } from '../../../domain/roles';
import { ConflictError, ForbiddenError, NotFoundError } from '../../../core/errors';
import { formatDate } from '../../../web/views';
import { formText, withDateParts } from '../../../web/form-input';
import type { Auditor } from '../../../accounts/access-log/auditor';
import type { CurrentUser } from '../../../accounts/users/service';
import { loadFrameworkVersion } from '../frameworks/version';
import { refreshAuditFigures } from '../audit-figures';
import { todayInLondon } from '../../../domain/today';
import { auditVisibleTo } from './access';
import { auditForm, changesBetween, MAX_TEXT, type AuditFormValues, type FormDomain } from './form';

type Id = number | string;
const num = (v: Id | null | undefined): number | null => (v === null || v === undefined ? null : Number(v));
const dayText = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

export type AuditStatus = 'draft' | 'submitted' | 'moderated';

/** A domain the audit is graded against, with what the version says about it. */
export interface AuditDomain {
  domainId: number;
  title: string;
  guidance: string;
  questions: string[];
  descriptors: Partial<Record<Grade, string>>;
}

export interface AuditCore {
  id: number;
  childId: number;
  lanternId: string;
  childName: string;
  teamId: number | null;
  teamName: string | null;
  auditorUserId: number | null;
  auditorName: string;
  status: AuditStatus;
  submittedOn: string | null;
  overallGrade: Grade | null;
  agreedOverallGrade: Grade | null;
  frameworkVersionId: number | null;
  programmeId: number | null;
  programmeTitle: string | null;
  programmeKind: string | null;
  partnerAgencies: string[];
  overallNarrative: string;
  workerReflection: string;
  managerReflection: string;
  feedbackFrom: string;
  familyFeedback: string;
}

export interface AuditFramework {
  frameworkId: number;
  title: string;
  version: number;
}

export interface AuditDetail extends AuditCore {
  framework: AuditFramework | null;
  domains: AuditDomain[];
  grades: Map<number, { grade: Grade; agreedGrade: Grade | null; narrative: string }>;
  contributions: Array<{
    id: number;
    agency: string;
    contributorName: string;
    contributorRole: string;
    narrative: string;
    grade: Grade | null;
    contributedOn: string;
    recordedBy: string;
  }>;
  actions: Array<{
    id: number;
    domainId: number | null;
    description: string;
    ownerName: string;
    dueOn: string;
    status: string;
    completedOn: string | null;
  }>;
  moderations: Array<{
    id: number;
    level: string;
    moderatorName: string;
    moderatedOn: string;
    overallGrade: Grade | null;
    overallReason: string;
    grades: Array<{ domainId: number; grade: Grade; reason: string }>;
  }>;
  events: Array<{ at: Date; userName: string; event: string; detail: Record<string, unknown> }>;
}

function childName(first: string | null, last: string | null): string {
  return [first, last].filter(Boolean).join(' ') || 'Name not recorded';
}

const grade = (v: string | null): Grade | null => (v && isGrade(v) ? v : null);

/** The audit, if it is the authority's; no access check (see mayRead). */
export async function loadAuditCore(db: Tx, authorityId: number, auditId: number): Promise<AuditCore | null> {
  const [r] = await rows<{
    id: Id;
    child_id: Id;
    lantern_id: string;
    first_name: string | null;
    last_name: string | null;
    team_id: Id | null;
    team_name: string | null;
    auditor_user_id: Id | null;
    auditor_name: string;
    status: string;
    submitted_on: string | null;
    overall_grade: string | null;
    agreed_overall_grade: string | null;
    framework_version_id: Id | null;
    programme_id: Id | null;
    programme_title: string | null;
    programme_kind: string | null;
    partner_agencies: unknown;
    overall_narrative: string;
    worker_reflection: string;
    manager_reflection: string;
    feedback_from: string;
    family_feedback: string;
  }>(
    db,
    sql`select a.id, a.child_id, c.lantern_id, c.first_name, c.last_name, a.team_id, t.name as team_name, a.auditor_user_id,
               a.auditor_name, a.status, a.submitted_on::text as submitted_on, a.overall_grade, a.agreed_overall_grade,
               a.framework_version_id, a.programme_id, p.title as programme_title, p.kind as programme_kind, p.partner_agencies,
               a.overall_narrative, a.worker_reflection, a.manager_reflection, a.feedback_from, a.family_feedback
          from case_audits a
          join children c on c.id = a.child_id
          left join teams t on t.id = a.team_id
          left join audit_programmes p on p.id = a.programme_id
         where a.id = ${auditId} and a.authority_id = ${authorityId}`,
  );
  if (!r) return null;
  const agencies = Array.isArray(r.partner_agencies)
    ? r.partner_agencies.filter((x): x is string => typeof x === 'string')
    : [];
  return {
    id: Number(r.id),
    childId: Number(r.child_id),
    lanternId: r.lantern_id,
    childName: childName(r.first_name, r.last_name),
    teamId: num(r.team_id),
    teamName: r.team_name,
    auditorUserId: num(r.auditor_user_id),
    auditorName: r.auditor_name,
    status: (['draft', 'submitted', 'moderated'].includes(r.status) ? r.status : 'submitted') as AuditStatus,
    submittedOn: dayText(r.submitted_on),
    overallGrade: grade(r.overall_grade),
    agreedOverallGrade: grade(r.agreed_overall_grade),
    frameworkVersionId: num(r.framework_version_id),
    programmeId: num(r.programme_id),
    programmeTitle: r.programme_title,
    programmeKind: r.programme_kind,
    partnerAgencies: agencies,
    overallNarrative: r.overall_narrative,
    workerReflection: r.worker_reflection,
    managerReflection: r.manager_reflection,
    feedbackFrom: r.feedback_from,
    familyFeedback: r.family_feedback,
  };
}

/** Whether the user may read this audit (src/features/quality/audits/access.ts). */
export async function mayRead(db: Tx, user: CurrentUser, auditId: number): Promise<boolean> {
  const [r] = await rows<{ ok: boolean }>(
    db,
    sql`select exists (select 1 from case_audits a where a.id = ${auditId} and a.authority_id = ${user.authorityId} and ${auditVisibleTo('a', user)}) as ok`,
  );
  return r?.ok === true;
}

/**
 * The domains the audit is graded against, in the version's order. Without a version: the authority's practice
 * domains (all of them while a draft, else those graded).
 */
export async function auditDomains(
  db: Tx,
  authorityId: number,
  audit: Pick<AuditCore, 'id' | 'frameworkVersionId' | 'status'>,
): Promise<{ framework: AuditFramework | null; domains: AuditDomain[] }> {
  if (audit.frameworkVersionId !== null) {
    const version = await loadFrameworkVersion(db, authorityId, audit.frameworkVersionId);
    if (version) {
      return {
        framework: { frameworkId: version.frameworkId, title: version.title, version: version.version },
        domains: version.domains.map((d) => ({
          domainId: d.domainId,
          title: d.title,
          guidance: d.guidance,
          questions: d.questions.map((q) => q.text),
          descriptors: d.descriptors,
        })),
      };
    }
  }
  const found = await rows<{ id: Id; title: string }>(
    db,
    sql`select d.id, d.title from practice_domains d
         where d.authority_id = ${authorityId}
           and (${audit.status === 'draft'} or exists (select 1 from case_audit_grades g where g.audit_id = ${audit.id} and g.domain_id = d.id))
         order by d.sort_order, d.id`,
  );
  return {
    framework: null,
    domains: found.map((d) => ({
      domainId: Number(d.id),
      title: d.title,
      guidance: '',
      questions: [],
      descriptors: {},
    })),
  };
}

async function gradesOf(db: Tx, auditId: number): Promise<AuditDetail['grades']> {
  const found = await rows<{ domain_id: Id; grade: string; agreed_grade: string | null; narrative: string }>(
    db,
    sql`select domain_id, grade, agreed_grade, narrative from case_audit_grades where audit_id = ${auditId}`,
  );
  const out: AuditDetail['grades'] = new Map();
  for (const g of found) {
    const value = grade(g.grade);
    if (value)
      out.set(Number(g.domain_id), { grade: value, agreedGrade: grade(g.agreed_grade), narrative: g.narrative });
  }
  return out;
}

/** Everything the audit page shows. */
export async function loadAuditDetail(db: Tx, authorityId: number, auditId: number): Promise<AuditDetail | null> {
  const core = await loadAuditCore(db, authorityId, auditId);
  if (!core) return null;
  const { framework, domains } = await auditDomains(db, authorityId, core);
  const grades = await gradesOf(db, auditId);
  // A grade for a domain the version does not list (data from elsewhere) is still shown.
  const missing = [...grades.keys()].filter((id) => !domains.some((d) => d.domainId === id));
  if (missing.length > 0) {
    const extra = await rows<{ id: Id; title: string }>(
      db,
      sql`select id, title from practice_domains where id in ${sql`(${sql.join(
        missing.map((m) => sql`${m}`),
        sql`, `,
      )})`} order by sort_order, id`,
    );
    for (const d of extra)
      domains.push({ domainId: Number(d.id), title: d.title, guidance: '', questions: [], descriptors: {} });
  }
  const contributions = await rows<{
    id: Id;
    agency: string;
    contributor_name: string;
    contributor_role: string;
    narrative: string;
    grade: string | null;
    contributed_on: string;
    recorded_by: string;
  }>(
    db,
    sql`select id, agency, contributor_name, contributor_role, narrative, grade, contributed_on::text as contributed_on, recorded_by
          from case_audit_contributions where audit_id = ${auditId} order by contributed_on, id`,
  );
  const actions = await rows<{
    id: Id;
    domain_id: Id | null;
    description: string;
    owner_name: string;
    due_on: string;
    status: string;
    completed_on: string | null;
  }>(
    db,
    sql`select id, domain_id, description, owner_name, due_on::text as due_on, status, completed_on::text as completed_on
          from case_audit_actions where audit_id = ${auditId} order by due_on, id`,
  );
  const moderations = await rows<{
    id: Id;
    level: string;
    moderator_name: string;
    moderated_on: string;
    overall_grade: string | null;
    overall_reason: string;
  }>(
    db,
    sql`select id, level, moderator_name, moderated_on::text as moderated_on, overall_grade, overall_reason
          from case_audit_moderations where audit_id = ${auditId} order by moderated_on, id`,
  );
  const moderationGrades = await rows<{ moderation_id: Id; domain_id: Id; grade: string; reason: string }>(
    db,
    sql`select mg.moderation_id, mg.domain_id, mg.grade, mg.reason
          from case_audit_moderation_grades mg join case_audit_moderations m on m.id = mg.moderation_id
         where m.audit_id = ${auditId}`,
  );
  const events = await rows<{ at: Date | string; user_name: string; event: string; detail: unknown }>(
    db,
    sql`select at, user_name, event, detail from case_audit_events where audit_id = ${auditId} order by at, id`,
  );
  return {
    ...core,
    framework,
    domains,
    grades,
    contributions: contributions.map((c) => ({
      id: Number(c.id),
      agency: c.agency,
      contributorName: c.contributor_name,
      contributorRole: c.contributor_role,
      narrative: c.narrative,
      grade: grade(c.grade),
      contributedOn: dayText(c.contributed_on) ?? '',
      recordedBy: c.recorded_by,
    })),
    actions: actions.map((x) => ({
      id: Number(x.id),
      domainId: num(x.domain_id),
      description: x.description,
      ownerName: x.owner_name,
      dueOn: dayText(x.due_on) ?? '',
      status: x.status,
      completedOn: dayText(x.completed_on),
    })),
    moderations: moderations.map((m) => ({
      id: Number(m.id),
      level: m.level,
      moderatorName: m.moderator_name,
      moderatedOn: dayText(m.moderated_on) ?? '',
      overallGrade: grade(m.overall_grade),
      overallReason: m.overall_reason,
      grades: moderationGrades
        .filter((g) => Number(g.moderation_id) === Number(m.id))
        .flatMap((g) => {
          const value = grade(g.grade);
          return value ? [{ domainId: Number(g.domain_id), grade: value, reason: g.reason }] : [];
        }),
    })),
    events: events.map((e) => ({
      at: e.at instanceof Date ? e.at : new Date(e.at),
      userName: e.user_name,
      event: e.event,
      detail: e.detail && typeof e.detail === 'object' ? (e.detail as Record<string, unknown>) : {},
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Lists

export interface AllocatedCase {
  caseId: number;
  lanternId: string;
  childName: string;
  teamName: string | null;
  programmeId: number;
  programmeTitle: string;
  dueOn: string;
}

/** The user's programme cases not yet started, in programmes not closed, soonest due first. */
export async function allocatedTo(db: Tx, user: CurrentUser): Promise<AllocatedCase[]> {
  const found = await rows<{
    case_id: Id;
    lantern_id: string;
    first_name: string | null;
    last_name: string | null;
    team_name: string | null;
    programme_id: Id;
    title: string;
    due_on: string;
  }>(
    db,
    sql`select pc.id as case_id, c.lantern_id, c.first_name, c.last_name, t.name as team_name, p.id as programme_id, p.title, p.due_on::text as due_on
          from audit_programme_cases pc
          join audit_programmes p on p.id = pc.programme_id
          join children c on c.id = pc.child_id
          left join teams t on t.id = pc.team_id
         where pc.auditor_user_id = ${user.id} and pc.audit_id is null and p.authority_id = ${user.authorityId} and p.status <> 'closed'
         order by p.due_on, c.last_name, c.first_name, pc.id`,
  );
  return found.map((r) => ({
    caseId: Number(r.case_id),
    lanternId: r.lantern_id,
    childName: childName(r.first_name, r.last_name),
    teamName: r.team_name,
    programmeId: Number(r.programme_id),
    programmeTitle: r.title,
    dueOn: dayText(r.due_on) ?? '',
  }));
}

export interface AuditListRow {
  id: number;
  lanternId: string;
  childName: string;
  teamName: string | null;
  programmeTitle: string | null;
  dueOn: string | null;
  auditorName: string;
  status: AuditStatus;
  submittedOn: string | null;
  overallGrade: Grade | null;
}

export interface AuditFilter {
  status: AuditStatus | null;
  programmeId: number | null;
  teamId: number | null;
  /** YYYY-MM: submitted in that month. */
  month: string | null;
  /** Only the user's own audits (as auditor). */
  mine?: boolean;
  statuses?: AuditStatus[];
}

/** The audits the user may read, filtered, newest first; at most `limit`, with the total. */
export async function listAudits(
  db: Tx,
  user: CurrentUser,
  filter: AuditFilter,
  limit: number,
): Promise<{ rows: AuditListRow[]; total: number }> {
  const conditions: SQL[] = [sql`a.authority_id = ${user.authorityId}`, auditVisibleTo('a', user)];
  if (filter.mine) conditions.push(sql`a.auditor_user_id = ${user.id}`);
  if (filter.status) conditions.push(sql`a.status = ${filter.status}`);
  if (filter.statuses)
    conditions.push(
      sql`a.status in (${sql.join(
        filter.statuses.map((s) => sql`${s}`),
        sql`, `,
      )})`,
    );
  if (filter.programmeId !== null) conditions.push(sql`a.programme_id = ${filter.programmeId}`);
  if (filter.teamId !== null) conditions.push(sql`a.team_id = ${filter.teamId}`);
  if (filter.month) {
    const [y, m] = filter.month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    conditions.push(sql`a.submitted_on >= ${`${filter.month}-01`}::date and a.submitted_on < ${next}::date`);
  }
  const where = sql.join(conditions, sql` and `);
  const found = await rows<{
    id: Id;
    lantern_id: string;
    first_name: string | null;
    last_name: string | null;
    team_name: string | null;
    programme_title: string | null;
    due_on: string | null;
    auditor_name: string;
    status: string;
    submitted_on: string | null;
    overall_grade: string | null;
    agreed_overall_grade: string | null;
  }>(
    db,
    sql`select a.id, c.lantern_id, c.first_name, c.last_name, t.name as team_name, p.title as programme_title, p.due_on::text as due_on,
               a.auditor_name, a.status, a.submitted_on::text as submitted_on, a.overall_grade, a.agreed_overall_grade
          from case_audits a
          join children c on c.id = a.child_id
          left join teams t on t.id = a.team_id
          left join audit_programmes p on p.id = a.programme_id
         where ${where}
         order by a.submitted_on desc nulls first, a.id desc
         limit ${limit}`,
  );
  const [counted] = await rows<{ n: Id }>(db, sql`select count(*) as n from case_audits a where ${where}`);
  return {
    total: Number(counted?.n ?? 0),
    rows: found.map((r) => ({
      id: Number(r.id),
      lanternId: r.lantern_id,
      childName: childName(r.first_name, r.last_name),
      teamName: r.team_name,
      programmeTitle: r.programme_title,
      dueOn: dayText(r.due_on),
      auditorName: r.auditor_name,
      status: r.status as AuditStatus,
      submittedOn: dayText(r.submitted_on),
      overallGrade: grade(r.agreed_overall_grade) ?? grade(r.overall_grade),
    })),
  };
}

/** Programmes and teams to filter the list by. */
export async function listChoices(
  db: Tx,
  authorityId: number,
): Promise<{ programmes: Array<{ id: number; title: string }>; teams: Array<{ id: number; name: string }> }> {
  const programmes = await rows<{ id: Id; title: string }>(
    db,
    sql`select id, title from audit_programmes where authority_id = ${authorityId} order by starts_on desc, id desc`,
  );
  const teams = await rows<{ id: Id; name: string }>(
    db,
    sql`select id, name from teams where authority_id = ${authorityId} order by name, id`,
  );
  return {
    programmes: programmes.map((p) => ({ id: Number(p.id), title: p.title })),
    teams: teams.map((t) => ({ id: Number(t.id), name: t.name })),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Changes

async function writeEvent(
  tx: Tx,
  auditId: number,
  user: CurrentUser,
  event: string,
  detail: Record<string, unknown>,
): Promise<void> {
  await tx.insert(caseAuditEvents).values({ auditId, userId: user.id, userName: user.displayName, event, detail });
}

/** "This audit was submitted on 3 March 2026 and is locked". */
export function lockedMessage(audit: Pick<AuditCore, 'submittedOn' | 'status'>): string {
  const moderated = audit.status === 'moderated' ? ', has been moderated,' : '';
  return audit.submittedOn
    ? `This audit was submitted on ${formatDate(audit.submittedOn)}${moderated} and is locked`
    : 'This audit is locked';
}

/**
 * Starts the audit of an allocated case: only its allocated auditor may, once. Returns the audit's id (the existing
 * one when the case was already started by them).
 */
export async function startAudit(db: Db, user: CurrentUser, caseId: number, audit: Auditor): Promise<number> {
  return db.transaction(async (tx) => {
    const [c] = await rows<{
      id: Id;
      child_id: Id;
      team_id: Id | null;
      auditor_user_id: Id | null;
      audit_id: Id | null;
      programme_id: Id;
      framework_version_id: Id;
      status: string;
    }>(
      tx,
      sql`select pc.id, pc.child_id, pc.team_id, pc.auditor_user_id, pc.audit_id, p.id as programme_id, p.framework_version_id, p.status
            from audit_programme_cases pc join audit_programmes p on p.id = pc.programme_id
           where pc.id = ${caseId} and p.authority_id = ${user.authorityId}`,
    );
    if (!c) throw new NotFoundError();
    if (num(c.auditor_user_id) !== user.id)
      throw new ForbiddenError('Only the auditor this case is allocated to may start its audit');
    if (c.audit_id !== null) return Number(c.audit_id);
    if (c.status === 'closed') throw new ConflictError('This programme is closed: its audits can no longer be started');
    const [created] = await tx
      .insert(caseAudits)
      .values({
        authorityId: user.authorityId,
        childId: Number(c.child_id),
        teamId: num(c.team_id),
        auditorUserId: user.id,
        auditorName: user.displayName,
        status: 'draft',
        frameworkVersionId: Number(c.framework_version_id),
        programmeId: Number(c.programme_id),
        programmeCaseId: Number(c.id),
        updatedAt: new Date(),
      })
      .returning({ id: caseAudits.id });
    if (!created) throw new Error('audit not created');
    const auditId = Number(created.id);
    // Only if still not started: two clicks at once make one audit (the second rolls back).
    const claimed = await tx
      .update(auditProgrammeCases)
      .set({ auditId })
      .where(and(eq(auditProgrammeCases.id, caseId), sql`${auditProgrammeCases.auditId} is null`))
      .returning({ id: auditProgrammeCases.id });
    if (claimed.length === 0) throw new ConflictError('This case’s audit has just been started');
    await writeEvent(tx, auditId, user, 'created', { programmeId: Number(c.programme_id), caseId });
    await audit.record(tx, {
      recordType: 'case-audit',
      recordId: String(auditId),
      detail: { programmeId: Number(c.programme_id) },
    });
    return auditId;
  });
}

/** The audit's current answers, as the form holds them. */
export async function currentValues(
  db: Tx,
  audit: AuditCore,
  domains: readonly FormDomain[],
): Promise<AuditFormValues> {
  const grades = await gradesOf(db, audit.id);
  const values: AuditFormValues = {
    grades: {},
    narratives: {},
    overallGrade: audit.overallGrade ?? '',
    overallNarrative: audit.overallNarrative,
    workerReflection: audit.workerReflection,
    managerReflection: audit.managerReflection,
    feedbackFrom: audit.feedbackFrom,
    familyFeedback: audit.familyFeedback,
  };
  for (const d of domains) {
    const g = grades.get(d.domainId);
    values.grades[d.domainId] = g?.grade ?? '';
    values.narratives[d.domainId] = g?.narrative ?? '';
  }
  return values;
}

/** The audit its auditor may edit, whether or not it is still a draft: 404 when not the authority's, 403 when not theirs. */
async function ownAudit(db: Tx, user: CurrentUser, auditId: number): Promise<AuditCore> {
  const audit = await loadAuditCore(db, user.authorityId, auditId);
  if (!audit) throw new NotFoundError();
  if (audit.auditorUserId !== user.id) throw new ForbiddenError('Only the audit’s auditor may change it');
  return audit;
}

/** The audit its auditor may edit: theirs and a draft; else 403 / 409 (locked), 404 when not the authority's. */
export async function editableAudit(db: Tx, user: CurrentUser, auditId: number): Promise<AuditCore> {
  const audit = await ownAudit(db, user, auditId);
  if (audit.status !== 'draft') throw new ConflictError(lockedMessage(audit));
  return audit;
}

/**
 * The audit form's schema (`auditForm`) for the domains of the user's audit: to save a draft, or to submit it. A
 * locked audit gets its schema too: it answers 409 whether or not the input is good (see the edit routes).
 */
export async function auditFormFor(db: Tx, user: CurrentUser, auditId: number, submit: boolean) {
  const audit = await ownAudit(db, user, auditId);
  const { domains } = await auditDomains(db, user.authorityId, audit);
  return auditForm(domains, submit);
}

/**
 * Saves the checked form (`auditForm`) as a draft, or submits it (`submit`: then status submitted, submitted on
 * `today`, locked). 409 and nothing written when the audit is no longer a draft.
 */
export async function saveAudit(
  db: Db,
  user: CurrentUser,
  auditId: number,
  values: AuditFormValues,
  options: { submit: boolean; today: string },
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await editableAudit(tx, user, auditId);
    const { domains } = await auditDomains(tx, user.authorityId, current);

    const before = await currentValues(tx, current, domains);
    const changes = changesBetween(before, values, domains);
    const updated = await tx
      .update(caseAudits)
      .set({
        overallGrade: isGrade(values.overallGrade) ? values.overallGrade : null,
        overallNarrative: values.overallNarrative,
        workerReflection: values.workerReflection,
        managerReflection: values.managerReflection,
        feedbackFrom: values.feedbackFrom,
        familyFeedback: values.familyFeedback,
        updatedAt: new Date(),
        ...(options.submit ? { status: 'submitted', submittedOn: options.today } : {}),
      })
      .where(and(eq(caseAudits.id, auditId), eq(caseAudits.status, 'draft')))
      .returning({ id: caseAudits.id });
    if (updated.length === 0) throw new ConflictError('This audit has just been submitted and is locked');
    for (const d of domains) {
      const g = values.grades[d.domainId] ?? '';
      const narrative = values.narratives[d.domainId] ?? '';
      if (!isGrade(g)) {
        await tx
          .delete(caseAuditGrades)
          .where(and(eq(caseAuditGrades.auditId, auditId), eq(caseAuditGrades.domainId, d.domainId)));
        continue;
      }
      await tx
        .insert(caseAuditGrades)
        .values({ auditId, domainId: d.domainId, grade: g, narrative })
        .onConflictDoUpdate({
          target: [caseAuditGrades.auditId, caseAuditGrades.domainId],
          set: { grade: g, narrative },
        });
    }
    if (changes.fields.length > 0)
      await writeEvent(tx, auditId, user, 'saved', { fields: changes.fields, grades: changes.grades });
    if (options.submit) await writeEvent(tx, auditId, user, 'submitted', { submittedOn: options.today });
    await audit.record(tx, {
      recordType: 'case-audit',
      recordId: String(auditId),
      detail: { fields: changes.fields.length, submitted: options.submit },
    });
  });
}

/** The reopen form: why the audit goes back to draft (trimmed). */
export const reopenForm = z.strictObject({
  reason: formText.pipe(
    z
      .string()
      .trim()
      .min(1, 'Enter why the audit is being reopened')
      .max(2000, 'The reason must be 2,000 characters or fewer'),
  ),
});

/** Sends a submitted (not moderated) audit back to draft, with the reason (checked by `reopenForm`) kept in its history. */
export async function reopenAudit(
  db: Db,
  user: CurrentUser,
  auditId: number,
  why: string,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await loadAuditCore(tx, user.authorityId, auditId);
    if (!current) throw new NotFoundError();
    if (current.status === 'draft') throw new ConflictError('This audit is a draft: there is nothing to reopen');
    const [moderated] = await rows<{ n: Id }>(
      tx,
      sql`select count(*) as n from case_audit_moderations where audit_id = ${auditId}`,
    );
    if (current.status === 'moderated' || Number(moderated?.n ?? 0) > 0) {
      throw new ConflictError('This audit has been moderated and cannot be reopened: its agreed grades stand');
    }
    const updated = await tx
      .update(caseAudits)
      .set({ status: 'draft', submittedOn: null, updatedAt: new Date() })
      .where(and(eq(caseAudits.id, auditId), eq(caseAudits.status, 'submitted')))
      .returning({ id: caseAudits.id });
    if (updated.length === 0) throw new ConflictError('This audit has just changed: look at it again');
    await writeEvent(tx, auditId, user, 'reopened', { reason: why, wasSubmittedOn: current.submittedOn });
    await audit.record(tx, { recordType: 'case-audit', recordId: String(auditId) });
  });
  // A reopened audit no longer counts in the month it was submitted in, which may be a month whose figures are kept.
  await refreshAuditFigures(db, user.authorityId, todayInLondon());
}

/** Who may add actions and contributions: the auditor, or the QA lead (audit:manage). */
function mayAddTo(user: CurrentUser, audit: AuditCore): boolean {
  return audit.auditorUserId === user.id || can(user.role, 'audit:manage');
}

/**
 * The "add an action" form against the audit's themes (its domains), the authority's active users and today: a theme
 * from the list or none; what needs to be done; the owner chosen from the list (their name kept) or a name typed; the
 * day due (three boxes), today or later. Every error at once, in the form's order.
 */
export function actionForm(choices: {
  domains: ReadonlyArray<{ domainId: number }>;
  users: ReadonlyArray<{ id: number; name: string }>;
  today: string;
}) {
  return withDateParts(
    ['dueOn'],
    z
      .strictObject({
        domainId: formText,
        description: formText,
        ownerUserId: formText,
        ownerName: formText,
        dueOn: formText,
      })
      .transform((input, ctx): ActionInput => {
        const error = (field: string, message: string) => {
          ctx.addIssue({ code: 'custom', path: [field], message });
        };
        let domainId: number | null = null;
        if (input.domainId.trim() !== '') {
          const d = choices.domains.find((x) => String(x.domainId) === input.domainId.trim());
          if (!d) error('domainId', 'Choose a theme from the list');
          else domainId = d.domainId;
        }
        const description = input.description.trim();
        if (description === '') error('description', 'Enter what needs to be done');
        else if (description.length > 2000) error('description', 'The action must be 2,000 characters or fewer');
        let ownerUserId: number | null = null;
        let ownerName = input.ownerName.trim();
        if (input.ownerUserId.trim() !== '') {
          const owner = choices.users.find((u) => String(u.id) === input.ownerUserId.trim());
          if (!owner) error('ownerUserId', 'Choose the owner from the list');
          else {
            ownerUserId = owner.id;
            ownerName = owner.name;
          }
        } else if (ownerName === '') error('ownerUserId', 'Choose who owns the action, or enter their name');
        else if (ownerName.length > 200) error('ownerName', 'The owner’s name must be 200 characters or fewer');
        if (input.dueOn === '') error('dueOn', 'Enter the date the action is due');
        else if (!isIsoDate(input.dueOn)) error('dueOn', 'The due date must be a real date, for example 27 3 2026');
        else if (input.dueOn < choices.today)
          error('dueOn', `The due date must be today or later (today is ${formatDate(choices.today)})`);
        return { domainId, description, ownerUserId, ownerName, dueOn: input.dueOn };
      }),
  );
}

/** A checked action (`actionForm`). */
export interface ActionInput {
  domainId: number | null;
  description: string;
  ownerUserId: number | null;
  ownerName: string;
  dueOn: string;
}

/** Active users of the authority, to own an action. */
export async function activeUsers(db: Tx, authorityId: number): Promise<Array<{ id: number; name: string }>> {
  const found = await rows<{ id: Id; display_name: string }>(
    db,
    sql`select id, display_name from users where authority_id = ${authorityId} and active order by display_name, id`,
  );
  return found.map((u) => ({ id: Number(u.id), name: u.display_name }));
}

/** The audit to add an action or contribution to; 404 when not the authority's, 403 when not the user's to add to. */
export async function auditToAddTo(db: Tx, user: CurrentUser, auditId: number): Promise<AuditCore> {
  const audit = await loadAuditCore(db, user.authorityId, auditId);
  if (!audit) throw new NotFoundError();
  if (!mayAddTo(user, audit))
    throw new ForbiddenError('Only the audit’s auditor or the quality assurance lead may add to it');
  return audit;
}

/** The audit to add an action to: also 409 when it is moderated, unless the user is the QA lead (audit:manage). */
export async function auditToAddActionTo(db: Tx, user: CurrentUser, auditId: number): Promise<AuditCore> {
  const audit = await auditToAddTo(db, user, auditId);
  if (audit.status === 'moderated' && !can(user.role, 'audit:manage')) throw new ConflictError(lockedMessage(audit));
  return audit;
}

/** The audit to record a contribution to: also 409 when it is no longer a draft. */
export async function auditToAddContributionTo(db: Tx, user: CurrentUser, auditId: number): Promise<AuditCore> {
  const audit = await auditToAddTo(db, user, auditId);
  if (audit.status !== 'draft')
    throw new ConflictError(`${lockedMessage(audit)}: partners’ contributions are recorded while it is a draft`);
  return audit;
}

/** Adds a checked action (`actionForm`) to the audit; returns its id. */
export async function addAction(
  db: Db,
  user: CurrentUser,
  auditId: number,
  input: ActionInput,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    await auditToAddActionTo(tx, user, auditId);
    const { domainId, description, ownerName, ownerUserId, dueOn } = input;
    const [row] = await tx
      .insert(caseAuditActions)
      .values({ auditId, domainId, description, ownerName, ownerUserId, dueOn })
      .returning({ id: caseAuditActions.id });
    if (!row) throw new Error('action not saved');
    await writeEvent(tx, auditId, user, 'action-added', { actionId: Number(row.id), domainId, dueOn });
    await audit.record(tx, {
      recordType: 'case-audit',
      recordId: String(auditId),
      detail: { actionId: Number(row.id) },
    });
    return Number(row.id);
  });
}

/**
 * The partner's contribution form: the agency from the list; the contributor's name (and role); what the partner said;
 * a grade from the four or none; the day contributed (three boxes), today or before. Every error at once, in order.
 */
export function contributionForm(today: string) {
  return withDateParts(
    ['contributedOn'],
    z
      .strictObject({
        agency: formText,
        contributorName: formText,
        contributorRole: formText,
        narrative: formText,
        grade: formText,
        contributedOn: formText,
      })
      .transform((input, ctx): ContributionInput => {
        const error = (field: string, message: string) => {
          ctx.addIssue({ code: 'custom', path: [field], message });
        };
        const agency = PARTNER_AGENCIES.find((a) => a === input.agency);
        if (!agency) error('agency', 'Choose the partner agency');
        const name = input.contributorName.trim();
        if (name === '') error('contributorName', 'Enter the contributor’s name');
        else if (name.length > 200) error('contributorName', 'The contributor’s name must be 200 characters or fewer');
        const role = input.contributorRole.trim();
        if (role.length > 200) error('contributorRole', 'The contributor’s role must be 200 characters or fewer');
        const narrative = input.narrative.replace(/\r\n/g, '\n').trim();
        if (narrative === '') error('narrative', 'Enter the partner’s contribution');
        else if (narrative.length > MAX_TEXT)
          error('narrative', `The contribution must be ${MAX_TEXT.toLocaleString('en-GB')} characters or fewer`);
        const g = input.grade.trim();
        if (g !== '' && !isGrade(g)) error('grade', 'Choose a grade from the four given, or none');
        if (input.contributedOn === '') error('contributedOn', 'Enter the date the partner contributed');
        else if (!isIsoDate(input.contributedOn))
          error('contributedOn', 'The date contributed must be a real date, for example 27 3 2026');
        else if (input.contributedOn > today)
          error('contributedOn', 'The date contributed must be today or in the past');
        return {
          agency: agency ?? 'other',
          contributorName: name,
          contributorRole: role,
          narrative,
          grade: isGrade(g) ? g : null,
          contributedOn: input.contributedOn,
        };
      }),
  );
}

/** A checked contribution (`contributionForm`). */
export interface ContributionInput {
  agency: PartnerAgency;
  contributorName: string;
  contributorRole: string;
  narrative: string;
  grade: Grade | null;
  contributedOn: string;
}

/** Records a checked contribution (`contributionForm`) on the draft audit; returns its id. */
export async function addContribution(
  db: Db,
  user: CurrentUser,
  auditId: number,
  input: ContributionInput,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    await auditToAddContributionTo(tx, user, auditId);
    const [row] = await tx
      .insert(caseAuditContributions)
      .values({
        auditId,
        ...input,
        recordedBy: user.displayName,
      })
      .returning({ id: caseAuditContributions.id });
    if (!row) throw new Error('contribution not saved');
    await writeEvent(tx, auditId, user, 'contribution-added', { contributionId: Number(row.id), agency: input.agency });
    await audit.record(tx, { recordType: 'case-audit', recordId: String(auditId), detail: { agency: input.agency } });
    return Number(row.id);
  });
}
