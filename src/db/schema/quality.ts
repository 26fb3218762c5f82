/**
 * Quality assurance: the authority's practice domains (quality of assessment, voice of the child …) and the case
 * audits graded against them. A domain outlives framework versions so that its grades trend across them. The grade an
 * audit's domain counts with is the moderated (agreed) grade when there is one, else the auditor's.
 */
import { index, integer, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Grade } from '../../domain/ofsted';
import { authorityId, createdAt, day, id, ref } from './columns';

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
    createdAt: createdAt(),
  },
  (t) => [index('case_audits_authority_submitted').on(t.authorityId, t.submittedOn)],
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
