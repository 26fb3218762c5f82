/**
 * Audit programmes: setting one up (kind, title, theme, framework version, dates, partner agencies), their progress
 * (cases selected, allocated, started, submitted, moderated), opening and closing them, and allocating their cases
 * to auditors (src/domain/allocation.ts). Every change is written to the access log in its own transaction.
 */
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import {
  auditProgrammeCases,
  auditProgrammes,
  PARTNER_AGENCIES,
  PROGRAMME_KINDS,
  type PartnerAgency,
  type ProgrammeKind,
  type ProgrammeStatus,
} from '../../../db/schema/index';
import { allocate, independentOf } from '../../../domain/allocation';
import { isIsoDate } from '../../../domain/dates';
import { can, ROLES } from '../../../domain/roles';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { formatDate } from '../../../web/views';
import { fieldErrorsFromIssues, formList, formText } from '../../../web/form-input';
import { publishedVersions } from '../frameworks/version';

export const KIND_LABELS: Record<ProgrammeKind, string> = {
  monthly: 'Monthly',
  thematic: 'Thematic',
  'multi-agency': 'Multi-agency',
};
export const STATUS_LABELS: Record<ProgrammeStatus, string> = { planning: 'Planning', open: 'Open', closed: 'Closed' };
export const AGENCY_LABELS: Record<PartnerAgency, string> = {
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  other: 'Other',
};

// ——— framework versions ———

export type PublishedVersion = Awaited<ReturnType<typeof publishedVersions>>[number];

/** The authority's published framework versions (from the frameworks feature). */
export async function publishedVersionChoices(db: Tx, authorityId: number): Promise<PublishedVersion[]> {
  return publishedVersions(db, authorityId);
}

export const versionLabel = (v: { title: string; version: number }) => `${v.title}, version ${v.version}`;

// ——— the programme form ———

export interface ProgrammeInput {
  kind: ProgrammeKind;
  title: string;
  theme: string;
  frameworkVersionId: number;
  startsOn: string;
  dueOn: string;
  partnerAgencies: PartnerAgency[];
}

/** "Monthly audit: March 2026" for a monthly programme starting in March 2026. */
export function monthlyTitle(startsOn: string): string {
  return `Monthly audit: ${formatDate(startsOn).replace(/^\d+ /, '')}`;
}

/**
 * The programme form's rules, against the authority's published versions: what the form posted (dates already made
 * ISO from their three boxes; '' when left empty). All errors at once, in the form's order.
 */
export function programmeSchema(publishedIds: ReadonlySet<number>) {
  const kindOf = (raw: string) =>
    (PROGRAMME_KINDS as readonly string[]).includes(raw) ? (raw as ProgrammeKind) : null;
  const titleOf = (raw: { kind: string; title: string; startsOn: string }) => {
    const title = raw.title.trim();
    return !title && kindOf(raw.kind) === 'monthly' && isIsoDate(raw.startsOn) ? monthlyTitle(raw.startsOn) : title;
  };
  return z
    .strictObject({
      kind: formText,
      title: formText,
      theme: formText,
      frameworkVersionId: formText,
      startsOn: formText,
      dueOn: formText,
      partnerAgencies: formList,
    })
    .superRefine((raw, ctx) => {
      const error = (field: string, message: string) => {
        ctx.addIssue({ code: 'custom', path: [field], message });
      };
      const kind = kindOf(raw.kind);
      if (!kind) error('kind', 'Choose the kind of programme: monthly, thematic or multi-agency');
      const dateError = (field: string, value: string, what: string) => {
        if (!value) error(field, `Enter the date the programme ${what}`);
        else if (!isIsoDate(value))
          error(field, `The date the programme ${what} must be a real date, for example 1 3 2026`);
      };
      const title = titleOf(raw);
      if (!title) error('title', 'Enter a title for the programme');
      else if (title.length > 200) error('title', 'The title must be 200 characters or fewer');
      const theme = raw.theme.trim();
      if ((kind === 'thematic' || kind === 'multi-agency') && !theme) {
        error('theme', `Enter the theme of the ${kind} programme, for example neglect or exploitation`);
      } else if (theme.length > 200) error('theme', 'The theme must be 200 characters or fewer');
      if (!publishedIds.has(versionIdOf(raw.frameworkVersionId))) {
        error('frameworkVersionId', 'Choose the published framework version the audits will use');
      }
      dateError('startsOn', raw.startsOn, 'starts');
      dateError('dueOn', raw.dueOn, 'is due');
      if (isIsoDate(raw.startsOn) && isIsoDate(raw.dueOn) && raw.dueOn < raw.startsOn) {
        error('dueOn', 'The due date must be the same as or after the start date');
      }
      const agencies = [...new Set(raw.partnerAgencies)];
      if (agencies.some((a) => !(PARTNER_AGENCIES as readonly string[]).includes(a)))
        error('partnerAgencies', 'Choose partner agencies from the list');
      else if (kind === 'multi-agency' && agencies.length === 0) {
        error('partnerAgencies', 'Choose at least one partner agency for a multi-agency programme');
      }
    })
    .transform((raw): ProgrammeInput => ({
      kind: raw.kind as ProgrammeKind,
      title: titleOf(raw),
      theme: raw.theme.trim(),
      frameworkVersionId: versionIdOf(raw.frameworkVersionId),
      startsOn: raw.startsOn,
      dueOn: raw.dueOn,
      partnerAgencies: PARTNER_AGENCIES.filter((a) => raw.partnerAgencies.includes(a)),
    }));
}

const versionIdOf = (raw: string) => (/^\d+$/.test(raw) ? Number(raw) : NaN);

/** The programme form's rules as a function: the checked input, or a ValidationError with every error. */
export function validateProgramme(
  raw: {
    kind: string;
    title: string;
    theme: string;
    frameworkVersionId: string;
    startsOn: string;
    dueOn: string;
    partnerAgencies: string[];
  },
  publishedIds: ReadonlySet<number>,
): ProgrammeInput {
  const parsed = programmeSchema(publishedIds).safeParse(raw);
  if (!parsed.success) throw new ValidationError(fieldErrorsFromIssues(parsed.error.issues));
  return parsed.data;
}

export async function createProgramme(
  db: Tx,
  authorityId: number,
  input: ProgrammeInput,
  createdBy: string,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(auditProgrammes)
      .values({ authorityId, ...input, createdBy })
      .returning({ id: auditProgrammes.id });
    if (!row) throw new Error('programme not created');
    await audit.record(tx, { recordType: 'audit-programme', recordId: String(row.id), detail: { kind: input.kind } });
    return Number(row.id);
  });
}

export async function updateProgramme(
  db: Tx,
  authorityId: number,
  programmeId: number,
  input: ProgrammeInput,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await getProgramme(tx, authorityId, programmeId);
    if (input.frameworkVersionId !== programme.frameworkVersionId) {
      const [started] = await rows<{ n: number | string }>(
        tx,
        sql`select count(*) as n from audit_programme_cases where programme_id = ${programmeId} and audit_id is not null`,
      );
      if (Number(started?.n ?? 0) > 0) {
        throw new ValidationError([
          {
            field: 'frameworkVersionId',
            message: 'The framework version cannot change once an audit of the programme has started',
          },
        ]);
      }
    }
    await tx.update(auditProgrammes).set(input).where(eq(auditProgrammes.id, programmeId));
    await audit.record(tx, {
      recordType: 'audit-programme',
      recordId: String(programmeId),
      detail: { kind: input.kind },
    });
  });
}

/** Opens a programme (from planning, or again once closed) or closes an open one. */
export async function setProgrammeStatus(
  db: Tx,
  authorityId: number,
  programmeId: number,
  to: 'open' | 'closed',
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const programme = await getProgramme(tx, authorityId, programmeId);
    if (to === 'closed' && programme.status !== 'open')
      throw new ConflictError('Only an open programme can be closed.');
    if (to === 'open' && programme.status === 'open') throw new ConflictError('The programme is already open.');
    await tx.update(auditProgrammes).set({ status: to }).where(eq(auditProgrammes.id, programmeId));
    await audit.record(tx, {
      recordType: 'audit-programme',
      recordId: String(programmeId),
      detail: { from: programme.status, to },
    });
  });
}

export type ProgrammeRow = typeof auditProgrammes.$inferSelect;

export async function getProgramme(db: Tx, authorityId: number, programmeId: number): Promise<ProgrammeRow> {
  const [programme] = await db
    .select()
    .from(auditProgrammes)
    .where(and(eq(auditProgrammes.id, programmeId), eq(auditProgrammes.authorityId, authorityId)));
  if (!programme) throw new NotFoundError();
  return programme;
}

// ——— progress ———

export interface ProgrammeSummary {
  id: number;
  kind: ProgrammeKind;
  title: string;
  theme: string;
  framework: string;
  startsOn: string;
  dueOn: string;
  status: ProgrammeStatus;
  selected: number;
  allocated: number;
  started: number;
  submitted: number;
  moderated: number;
  overdue: boolean;
}

/**
 * Every programme of the authority with its counts, latest start first. Overdue: past its due date (today is not
 * past it), not closed, and not every selected case submitted (a programme with no cases past its due date is too).
 */
export async function listProgrammes(
  db: Tx,
  authorityId: number,
  today: string,
  programmeId?: number,
): Promise<ProgrammeSummary[]> {
  const found = await rows<{
    id: number | string;
    kind: ProgrammeKind;
    title: string;
    theme: string;
    framework_title: string | null;
    version: number | string | null;
    starts_on: string;
    due_on: string;
    status: ProgrammeStatus;
    selected: number | string;
    allocated: number | string;
    started: number | string;
    submitted: number | string;
    moderated: number | string;
  }>(
    db,
    sql`select p.id, p.kind, p.title, p.theme, f.title as framework_title, v.version, p.starts_on::text as starts_on, p.due_on::text as due_on, p.status,
        count(pc.id) as selected,
        count(pc.auditor_user_id) as allocated,
        count(pc.audit_id) as started,
        count(a.submitted_on) as submitted,
        count(*) filter (where a.status = 'moderated') as moderated
      from audit_programmes p
      left join audit_framework_versions v on v.id = p.framework_version_id
      left join audit_frameworks f on f.id = v.framework_id
      left join audit_programme_cases pc on pc.programme_id = p.id
      left join case_audits a on a.id = pc.audit_id
      where p.authority_id = ${authorityId} and (${programmeId ?? null}::bigint is null or p.id = ${programmeId ?? null}::bigint)
      group by p.id, f.title, v.version
      order by p.starts_on desc, p.id desc`,
  );
  return found.map((r) => {
    const selected = Number(r.selected);
    const submitted = Number(r.submitted);
    return {
      id: Number(r.id),
      kind: r.kind,
      title: r.title,
      theme: r.theme,
      framework: r.framework_title ? versionLabel({ title: r.framework_title, version: Number(r.version) }) : '',
      startsOn: r.starts_on,
      dueOn: r.due_on,
      status: r.status,
      selected,
      allocated: Number(r.allocated),
      started: Number(r.started),
      submitted,
      moderated: Number(r.moderated),
      overdue: r.due_on < today && r.status !== 'closed' && (selected === 0 || submitted < selected),
    };
  });
}

export interface ProgrammeCaseRow {
  caseId: number;
  childId: number;
  lanternId: string;
  childName: string;
  teamId: number | null;
  teamName: string | null;
  serviceArea: string | null;
  stratum: string;
  auditorUserId: number | null;
  auditorName: string | null;
  allocatedOn: string | null;
  auditId: number | null;
  auditStatus: string | null;
  submittedOn: string | null;
}

export async function programmeCases(db: Tx, programmeId: number): Promise<ProgrammeCaseRow[]> {
  const found = await rows<{
    id: number | string;
    child_id: number | string;
    lantern_id: string;
    first_name: string | null;
    last_name: string | null;
    team_id: number | string | null;
    team_name: string | null;
    service_area: string | null;
    stratum: string;
    auditor_user_id: number | string | null;
    auditor_name: string | null;
    allocated_on: string | null;
    audit_id: number | string | null;
    audit_status: string | null;
    submitted_on: string | null;
  }>(
    db,
    sql`select pc.id, pc.child_id, c.lantern_id, c.first_name, c.last_name, pc.team_id, t.name as team_name, pc.service_area, pc.stratum,
        pc.auditor_user_id, u.display_name as auditor_name, pc.allocated_on::text as allocated_on, pc.audit_id, a.status as audit_status,
        a.submitted_on::text as submitted_on
      from audit_programme_cases pc
      join children c on c.id = pc.child_id
      left join teams t on t.id = pc.team_id
      left join users u on u.id = pc.auditor_user_id
      left join case_audits a on a.id = pc.audit_id
      where pc.programme_id = ${programmeId}
      order by t.name nulls last, c.lantern_id`,
  );
  return found.map((r) => ({
    caseId: Number(r.id),
    childId: Number(r.child_id),
    lanternId: r.lantern_id,
    childName: [r.first_name, r.last_name].filter(Boolean).join(' ') || r.lantern_id,
    teamId: r.team_id === null ? null : Number(r.team_id),
    teamName: r.team_name,
    serviceArea: r.service_area,
    stratum: r.stratum,
    auditorUserId: r.auditor_user_id === null ? null : Number(r.auditor_user_id),
    auditorName: r.auditor_name,
    allocatedOn: r.allocated_on,
    auditId: r.audit_id === null ? null : Number(r.audit_id),
    auditStatus: r.audit_status,
    submittedOn: r.submitted_on,
  }));
}

/** The audit's progress in words. */
export function auditStatusText(c: Pick<ProgrammeCaseRow, 'auditId' | 'auditStatus'>): string {
  if (c.auditId === null) return 'Not started';
  if (c.auditStatus === 'moderated') return 'Moderated';
  if (c.auditStatus === 'submitted') return 'Submitted';
  return 'In progress';
}

// ——— auditors and allocation ———

export interface AuditorChoice {
  userId: number;
  name: string;
  teamId: number | null;
  teamName: string | null;
  load: number;
}

const CONDUCTING_ROLES = ROLES.filter((r) => can(r, 'audit:conduct'));

/**
 * The authority's active users who may conduct audits, with their load: their unsubmitted audits plus the cases
 * allocated to them in programmes that are not closed and not yet started (a started case is its audit).
 */
export async function auditorsWithLoad(db: Tx, authorityId: number): Promise<AuditorChoice[]> {
  const found = await rows<{
    id: number | string;
    display_name: string;
    team_id: number | string | null;
    team_name: string | null;
    load: number | string;
  }>(
    db,
    sql`select u.id, u.display_name, u.team_id, t.name as team_name,
        (select count(*) from case_audits a where a.auditor_user_id = u.id and a.authority_id = ${authorityId} and a.submitted_on is null)
        + (select count(*) from audit_programme_cases pc join audit_programmes p on p.id = pc.programme_id
            where pc.auditor_user_id = u.id and pc.audit_id is null and p.status <> 'closed') as load
      from users u left join teams t on t.id = u.team_id
      where u.authority_id = ${authorityId} and u.active and u.role in (${sql.join(
        CONDUCTING_ROLES.map((r) => sql`${r}`),
        sql`, `,
      )})
      order by u.display_name, u.id`,
  );
  return found.map((r) => ({
    userId: Number(r.id),
    name: r.display_name,
    teamId: r.team_id === null ? null : Number(r.team_id),
    teamName: r.team_name,
    load: Number(r.load),
  }));
}

/** Allocates every case of the programme with no auditor and no audit; returns what was left and why. */
export async function allocateUnallocated(
  db: Tx,
  authorityId: number,
  programmeId: number,
  today: string,
  audit: Auditor,
): Promise<{ allocated: number; unallocated: Array<{ caseId: number; reason: string }> }> {
  return db.transaction(async (tx) => {
    const programme = await getProgramme(tx, authorityId, programmeId);
    if (programme.status === 'closed')
      throw new ConflictError('The programme is closed: open it again before allocating its cases.');
    const cases = (await programmeCases(tx, programmeId)).filter((c) => c.auditorUserId === null && c.auditId === null);
    const auditors = await auditorsWithLoad(tx, authorityId);
    const result = allocate(
      cases.map((c) => ({ caseId: c.caseId, teamId: c.teamId })),
      auditors.map((a) => ({ userId: a.userId, teamId: a.teamId, load: a.load })),
    );
    for (const a of result.allocations) {
      await tx
        .update(auditProgrammeCases)
        .set({ auditorUserId: a.userId, allocatedOn: today })
        .where(and(eq(auditProgrammeCases.id, a.caseId), eq(auditProgrammeCases.programmeId, programmeId)));
    }
    await audit.record(tx, {
      recordType: 'audit-programme',
      recordId: String(programmeId),
      detail: { mode: 'automatic', allocated: result.allocations.length, unallocated: result.unallocated.length },
    });
    return { allocated: result.allocations.length, unallocated: result.unallocated };
  });
}

/**
 * Allocates or changes cases' auditors by hand: `chosen` maps a case id to a user id (null to take the auditor off).
 * Refused, with every reason at once and nothing saved: an auditor of the child's own team, a user who may not
 * conduct audits, or a change to a case whose audit has started. Cases whose auditor does not change are left alone.
 */
export async function allocateByHand(
  db: Tx,
  authorityId: number,
  programmeId: number,
  chosen: ReadonlyMap<number, number | null>,
  today: string,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const programme = await getProgramme(tx, authorityId, programmeId);
    if (programme.status === 'closed')
      throw new ConflictError('The programme is closed: open it again before allocating its cases.');
    const cases = new Map((await programmeCases(tx, programmeId)).map((c) => [c.caseId, c]));
    const auditors = new Map((await auditorsWithLoad(tx, authorityId)).map((a) => [a.userId, a]));
    const errors: FieldError[] = [];
    const changes: Array<{ caseId: number; userId: number | null }> = [];
    for (const [caseId, userId] of chosen) {
      const c = cases.get(caseId);
      if (!c) continue;
      if (c.auditorUserId === userId) continue;
      const field = `auditor-${caseId}`;
      if (c.auditId !== null) {
        errors.push({ field, message: `The audit of ${c.lanternId} has started, so its auditor cannot change` });
        continue;
      }
      if (userId === null) {
        changes.push({ caseId, userId });
        continue;
      }
      const auditor = auditors.get(userId);
      if (!auditor) {
        errors.push({ field, message: `Choose an auditor from the list for ${c.lanternId}` });
        continue;
      }
      if (!independentOf(auditor.teamId, c.teamId)) {
        errors.push({
          field,
          message: `${auditor.name} is in ${auditor.teamName ?? 'the same team'}, the team of ${c.lanternId}: choose an auditor from another team`,
        });
        continue;
      }
      changes.push({ caseId, userId });
    }
    if (errors.length) throw new ValidationError(errors);
    for (const change of changes) {
      await tx
        .update(auditProgrammeCases)
        .set({ auditorUserId: change.userId, allocatedOn: change.userId === null ? null : today })
        .where(and(eq(auditProgrammeCases.id, change.caseId), eq(auditProgrammeCases.programmeId, programmeId)));
    }
    await audit.record(tx, {
      recordType: 'audit-programme',
      recordId: String(programmeId),
      detail: { mode: 'by-hand', changed: changes.length },
    });
    return changes.length;
  });
}
