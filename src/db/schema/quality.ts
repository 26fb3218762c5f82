/**
 * Quality assurance: the authority's practice domains (quality of assessment, voice of the child …) and the case
 * audits graded against them. A domain outlives framework versions so that its grades trend across them. The grade an
 * audit's domain counts with is the moderated (agreed) grade when there is one, else the auditor's.
 */
import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Grade } from '../../domain/ofsted';
import { authorityId, createdAt, day, id, instant, ref } from './columns';

export const practiceDomains = pgTable(
  'practice_domains',
  {
    id: id(),
    authorityId: authorityId(),
    /** A stable key, e.g. quality-of-assessment. */
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('practice_domains_key').on(t.authorityId, t.key)],
);

export const caseAudits = pgTable(
  'case_audits',
  {
    id: id(),
    authorityId: authorityId(),
    childId: ref('child_id').notNull(),
    teamId: integer('team_id'),
    auditorUserId: integer('auditor_user_id'),
    auditorName: text('auditor_name').notNull(),
    /** draft, submitted, moderated. */
    status: text('status').notNull().default('draft'),
    /** The day the audit was submitted: it counts in that month. */
    submittedOn: day('submitted_on'),
    overallGrade: text('overall_grade').$type<Grade>(),
    agreedOverallGrade: text('agreed_overall_grade').$type<Grade>(),
    /** The framework version the audit was graded against (null for audits recorded before frameworks existed). */
    frameworkVersionId: ref('framework_version_id'),
    /** The programme and selected case the audit answers (null for an audit outside a programme). */
    programmeId: ref('programme_id'),
    programmeCaseId: ref('programme_case_id'),
    overallNarrative: text('overall_narrative').notNull().default(''),
    workerReflection: text('worker_reflection').notNull().default(''),
    managerReflection: text('manager_reflection').notNull().default(''),
    /** Whose feedback: child, young person, parent, carer, family member (free text, may be empty). */
    feedbackFrom: text('feedback_from').notNull().default(''),
    familyFeedback: text('family_feedback').notNull().default(''),
    updatedAt: instant('updated_at'),
    createdAt: createdAt(),
  },
  (t) => [
    index('case_audits_authority_submitted').on(t.authorityId, t.submittedOn),
    index('case_audits_programme').on(t.programmeId),
    index('case_audits_auditor').on(t.auditorUserId, t.status),
    // A child's audits: the record's chronology and sources, and whether the user is auditing the child.
    index('case_audits_child').on(t.childId),
    // The frameworks page counts each version's audits.
    index('case_audits_framework_version').on(t.frameworkVersionId),
  ],
);

export const caseAuditGrades = pgTable(
  'case_audit_grades',
  {
    auditId: ref('audit_id').notNull(),
    domainId: ref('domain_id').notNull(),
    grade: text('grade').$type<Grade>().notNull(),
    /** The moderated grade, when moderation changed or confirmed it. */
    agreedGrade: text('agreed_grade').$type<Grade>(),
    narrative: text('narrative').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.auditId, t.domainId] }), index('case_audit_grades_domain').on(t.domainId)],
);

export const MODERATION_LEVELS = ['double-lock', 'triple-lock'] as const;
export type ModerationLevel = (typeof MODERATION_LEVELS)[number];

/**
 * A moderation of a submitted audit: "double lock" by a manager, "triple lock" by an external partner. Each domain's
 * grade is confirmed or changed with a reason; the latest moderation's grades are the agreed grades (kept on
 * case_audit_grades.agreed_grade and case_audits.agreed_overall_grade so that counts read one table).
 */
export const caseAuditModerations = pgTable(
  'case_audit_moderations',
  {
    id: id(),
    auditId: ref('audit_id').notNull(),
    level: text('level').$type<ModerationLevel>().notNull(),
    moderatorUserId: integer('moderator_user_id'),
    moderatorName: text('moderator_name').notNull(),
    moderatedOn: day('moderated_on').notNull(),
    overallGrade: text('overall_grade').$type<Grade>(),
    overallReason: text('overall_reason').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('case_audit_moderations_audit').on(t.auditId, t.moderatedOn)],
);

export const caseAuditModerationGrades = pgTable(
  'case_audit_moderation_grades',
  {
    moderationId: ref('moderation_id').notNull(),
    domainId: ref('domain_id').notNull(),
    grade: text('grade').$type<Grade>().notNull(),
    /** Why the moderator changed the auditor's grade (empty when confirmed). */
    reason: text('reason').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.moderationId, t.domainId] })],
);

// ---------------------------------------------------------------------------------------------------------------
// Audit frameworks: what an audit asks. A framework (say "Practice standards audit") has numbered versions; a draft
// version is edited, a published one is fixed for ever so that an audit stays readable against the version it used.
// Editing a published framework makes the next draft from it. Each version picks practice domains (which outlive
// versions, so grades trend across them) and gives each its questions and a descriptor for each grade.

export const FRAMEWORK_VERSION_STATUSES = ['draft', 'published', 'retired'] as const;
export type FrameworkVersionStatus = (typeof FRAMEWORK_VERSION_STATUSES)[number];

export const auditFrameworks = pgTable(
  'audit_frameworks',
  {
    id: id(),
    authorityId: authorityId(),
    /** A stable key, e.g. practice-standards. */
    key: text('key').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('audit_frameworks_key').on(t.authorityId, t.key)],
);

export const auditFrameworkVersions = pgTable(
  'audit_framework_versions',
  {
    id: id(),
    frameworkId: ref('framework_id').notNull(),
    /** 1, 2, 3 … within the framework. */
    version: integer('version').notNull(),
    status: text('status').$type<FrameworkVersionStatus>().notNull().default('draft'),
    /** What changed from the previous version. */
    notes: text('notes').notNull().default(''),
    publishedOn: day('published_on'),
    publishedBy: text('published_by'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('audit_framework_versions_number').on(t.frameworkId, t.version)],
);

export const auditFrameworkDomains = pgTable(
  'audit_framework_domains',
  {
    id: id(),
    versionId: ref('version_id').notNull(),
    domainId: ref('domain_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    /** What the auditor looks for under this domain in this version. */
    guidance: text('guidance').notNull().default(''),
  },
  (t) => [uniqueIndex('audit_framework_domains_version_domain').on(t.versionId, t.domainId)],
);

export const auditFrameworkQuestions = pgTable(
  'audit_framework_questions',
  {
    id: id(),
    frameworkDomainId: ref('framework_domain_id').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    text: text('text').notNull(),
  },
  (t) => [index('audit_framework_questions_domain').on(t.frameworkDomainId, t.sortOrder)],
);

/** What practice at each grade looks like for a domain in a version. */
export const auditGradeDescriptors = pgTable(
  'audit_grade_descriptors',
  {
    frameworkDomainId: ref('framework_domain_id').notNull(),
    grade: text('grade').$type<Grade>().notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.frameworkDomainId, t.grade] })],
);

// ---------------------------------------------------------------------------------------------------------------
// Programmes: monthly, thematic or multi-agency rounds of audits, each with its cases chosen by a recorded,
// reproducible selection and allocated to auditors.

export const PROGRAMME_KINDS = ['monthly', 'thematic', 'multi-agency'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];
export const PROGRAMME_STATUSES = ['planning', 'open', 'closed'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/** How a programme's cases were chosen; enough to choose them again identically. */
export interface ProgrammeSelection {
  method: 'random' | 'stratified' | 'filter';
  /** The day the population was taken (children open that day). */
  asAt: string;
  seed: number;
  /** Cases wanted (random and stratified). */
  size: number | null;
  /** random: the whole authority, one team or one service area. */
  scope: { kind: 'authority' } | { kind: 'team'; teamId: number } | { kind: 'service'; serviceArea: string };
  /** stratified: strata by team or by service area. */
  strata: 'team' | 'service' | null;
  /** filter: a named filter (second-cp-plan, missing-last-month, care-leaver-no-pathway-plan …). */
  filter: string | null;
  /** How many children were in the population. */
  population: number;
}

export const auditProgrammes = pgTable(
  'audit_programmes',
  {
    id: id(),
    authorityId: authorityId(),
    kind: text('kind').$type<ProgrammeKind>().notNull(),
    title: text('title').notNull(),
    /** For thematic and multi-agency programmes: what the programme looks at (e.g. neglect, exploitation). */
    theme: text('theme').notNull().default(''),
    frameworkVersionId: ref('framework_version_id').notNull(),
    startsOn: day('starts_on').notNull(),
    dueOn: day('due_on').notNull(),
    status: text('status').$type<ProgrammeStatus>().notNull().default('planning'),
    /** For multi-agency programmes: the agencies asked to contribute (police, health, education …). */
    partnerAgencies: jsonb('partner_agencies').$type<string[]>().notNull().default([]),
    /** Null until cases are selected. */
    selection: jsonb('selection').$type<ProgrammeSelection>(),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('audit_programmes_authority').on(t.authorityId, t.startsOn)],
);

export const auditProgrammeCases = pgTable(
  'audit_programme_cases',
  {
    id: id(),
    programmeId: ref('programme_id').notNull(),
    childId: ref('child_id').notNull(),
    /** The child's team and service area when selected (allocation avoids the auditor's own team). */
    teamId: integer('team_id'),
    serviceArea: text('service_area'),
    /** The stratum the case was drawn from (stratified selection), else empty. */
    stratum: text('stratum').notNull().default(''),
    auditorUserId: integer('auditor_user_id'),
    allocatedOn: day('allocated_on'),
    /** The audit, once the auditor starts it. */
    auditId: ref('audit_id'),
  },
  (t) => [
    uniqueIndex('audit_programme_cases_child').on(t.programmeId, t.childId),
    index('audit_programme_cases_auditor').on(t.auditorUserId),
    // Whether a child's case is allocated to the user (opening the record of a child being audited).
    index('audit_programme_cases_by_child').on(t.childId),
  ],
);

// ---------------------------------------------------------------------------------------------------------------
// What an audit adds beyond its grades: partners' contributions (multi-agency audits), actions tracked to
// completion, and the audit's own history of changes.

export const PARTNER_AGENCIES = ['police', 'health', 'education', 'probation', 'housing', 'other'] as const;
export type PartnerAgency = (typeof PARTNER_AGENCIES)[number];

export const caseAuditContributions = pgTable(
  'case_audit_contributions',
  {
    id: id(),
    auditId: ref('audit_id').notNull(),
    agency: text('agency').$type<PartnerAgency>().notNull(),
    contributorName: text('contributor_name').notNull(),
    contributorRole: text('contributor_role').notNull().default(''),
    narrative: text('narrative').notNull(),
    /** The partner's view of their own agency's practice, when they give one. */
    grade: text('grade').$type<Grade>(),
    contributedOn: day('contributed_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_audit_contributions_audit').on(t.auditId)],
);

export const AUDIT_ACTION_STATUSES = ['open', 'complete'] as const;
export type AuditActionStatus = (typeof AUDIT_ACTION_STATUSES)[number];

export const caseAuditActions = pgTable(
  'case_audit_actions',
  {
    id: id(),
    auditId: ref('audit_id').notNull(),
    /** The practice domain the action answers: the theme leaders see actions grouped by. */
    domainId: ref('domain_id'),
    description: text('description').notNull(),
    ownerName: text('owner_name').notNull(),
    ownerUserId: integer('owner_user_id'),
    dueOn: day('due_on').notNull(),
    status: text('status').$type<AuditActionStatus>().notNull().default('open'),
    completedOn: day('completed_on'),
    completionNote: text('completion_note').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('case_audit_actions_audit').on(t.auditId), index('case_audit_actions_due').on(t.status, t.dueOn)],
);

/** Every change to an audit: created, saved, submitted, reopened, moderated, actions and contributions. */
export const caseAuditEvents = pgTable(
  'case_audit_events',
  {
    id: id(),
    auditId: ref('audit_id').notNull(),
    at: instant('at').notNull().defaultNow(),
    userId: integer('user_id'),
    userName: text('user_name').notNull(),
    event: text('event').notNull(),
    /** What changed: field names and, for grades, from and to. Never copied narrative. */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('case_audit_events_audit').on(t.auditId, t.at)],
);
