/**
 * Every inspection and visit an authority receives, its judgements, its recommendations (each a citable item) and
 * the numbered paragraphs of its report; and the improvement plan that answers them: themes → objectives → actions,
 * each action linked to the recommendations it answers and to the evidence (indicators, audit domains) that shows
 * its impact, with dated progress updates.
 *
 * Vocabulary (kinds, frameworks, judgement keys, grades) is src/domain/ofsted.ts.
 */
import { index, integer, numeric, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { ActionStatus, Rag } from '../../domain/improvement-status';
import type { ActivityKind, Framework, Grade, JudgementKey, RecommendationKind } from '../../domain/ofsted';
import { authorityId, createdAt, day, id, instant, ref } from './columns';

export const inspections = pgTable(
  'inspections',
  {
    id: id(),
    authorityId: authorityId(),
    kind: text('kind').$type<ActivityKind>().notNull(),
    /** Null for activities no framework grades (engagement meetings, self-evaluations). */
    framework: text('framework').$type<Framework>(),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    leadInspector: text('lead_inspector'),
    /** The theme of a focused or monitoring visit or a JTAI. */
    theme: text('theme'),
    /** When the authority received the final report or letter: the statutory clocks start here. */
    reportReceivedOn: day('report_received_on'),
    publishedOn: day('published_on'),
    /** When the authority sent its action plan (statement of action) to Ofsted. */
    actionPlanSentOn: day('action_plan_sent_on'),
    /** The report's opening summary. */
    summary: text('summary').notNull().default(''),
    /** Where the record came from: entered, or read from a report (with the file or "pasted text"). */
    source: text('source').notNull().default('entered'),
    createdBy: text('created_by').notNull(),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [index('inspections_authority_start').on(t.authorityId, t.startDate)],
);

export const inspectionJudgements = pgTable(
  'inspection_judgements',
  {
    inspectionId: ref('inspection_id').notNull(),
    judgement: text('judgement').$type<JudgementKey>().notNull(),
    grade: text('grade').$type<Grade>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.judgement] })],
);

/** A recommendation or area for priority action: the item an improvement action answers. */
export const inspectionRecommendations = pgTable(
  'inspection_recommendations',
  {
    id: id(),
    inspectionId: ref('inspection_id').notNull(),
    kind: text('kind').$type<RecommendationKind>().notNull().default('recommendation'),
    /** Its number in the report (1-based, in the order the report lists them). */
    number: integer('number').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('inspection_recommendations_number').on(t.inspectionId, t.kind, t.number)],
);

/** A numbered paragraph of the report, under the judgement heading it sits beneath (null before the first heading). */
export const inspectionParagraphs = pgTable(
  'inspection_paragraphs',
  {
    inspectionId: ref('inspection_id').notNull(),
    number: integer('number').notNull(),
    judgement: text('judgement').$type<JudgementKey>(),
    heading: text('heading').notNull().default(''),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.inspectionId, t.number] })],
);

export const improvementThemes = pgTable(
  'improvement_themes',
  {
    id: id(),
    authorityId: authorityId(),
    /** 1, 2, 3 … as the plan numbers them. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('improvement_themes_number').on(t.authorityId, t.number)],
);

export const improvementObjectives = pgTable(
  'improvement_objectives',
  {
    id: id(),
    themeId: ref('theme_id').notNull(),
    /** a, b, c … within the theme. */
    code: text('code').notNull(),
    title: text('title').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('improvement_objectives_code').on(t.themeId, t.code)],
);

export const improvementActions = pgTable(
  'improvement_actions',
  {
    id: id(),
    authorityId: authorityId(),
    objectiveId: ref('objective_id').notNull(),
    /** 1, 2, 3 … within the objective; shown as theme.objective.number, e.g. 3b.2. */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    /** What success looks like, in words. */
    successMeasure: text('success_measure').notNull().default(''),
    owner: text('owner').notNull(),
    startDate: day('start_date').notNull(),
    dueDate: day('due_date').notNull(),
    completedOn: day('completed_on'),
    status: text('status').$type<ActionStatus>().notNull().default('not-started'),
    /** The owner's rating of whether the action is on track. */
    rag: text('rag').$type<Rag>().notNull().default('green'),
    createdAt: createdAt(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('improvement_actions_number').on(t.objectiveId, t.number),
    index('improvement_actions_authority').on(t.authorityId),
  ],
);

/** Which recommendations an action answers (an action may answer several; each recommendation needs at least one). */
export const improvementActionRecommendations = pgTable(
  'improvement_action_recommendations',
  {
    actionId: ref('action_id').notNull(),
    recommendationId: ref('recommendation_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actionId, t.recommendationId] }),
    index('improvement_action_recommendations_rec').on(t.recommendationId),
  ],
);

/** An indicator from the catalogue that evidences an action, with the value that would show success. */
export const improvementActionIndicators = pgTable(
  'improvement_action_indicators',
  {
    actionId: ref('action_id').notNull(),
    indicatorId: text('indicator_id').notNull(),
    target: numeric('target', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.indicatorId] })],
);

/** A practice domain whose audit grades evidence an action. */
export const improvementActionDomains = pgTable(
  'improvement_action_domains',
  {
    actionId: ref('action_id').notNull(),
    domainId: ref('domain_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.domainId] })],
);

export const improvementProgressUpdates = pgTable(
  'improvement_progress_updates',
  {
    id: id(),
    actionId: ref('action_id').notNull(),
    /** The date the update speaks for. */
    updatedOn: day('updated_on').notNull(),
    status: text('status').$type<ActionStatus>().notNull(),
    rag: text('rag').$type<Rag>().notNull(),
    note: text('note').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('improvement_progress_updates_action').on(t.actionId, t.updatedOn)],
);
