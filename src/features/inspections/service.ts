/**
 * Inspection records: every inspection and visit an authority receives, with its judgements, recommendations
 * (and areas for priority action) and the report's numbered paragraphs. Create, update and delete each run in one
 * transaction with their audit entry; input is checked first (validation.ts), so bad input changes nothing.
 *
 * Recommendations keep their ids across edits, because improvement actions link to them and pages cite them
 * (`#recommendation-<id>`): on update, an item whose text is unchanged keeps its id (even if renumbered), then an
 * item at the same number keeps that number's id (a corrected typo); only what is left is removed, and removing a
 * recommendation that an improvement action answers is refused with the action named.
 */
import { and, asc, count, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  improvementActionRecommendations,
  improvementActions,
  improvementObjectives,
  improvementThemes,
  inspectionJudgements,
  inspectionParagraphs,
  inspectionRecommendations,
  inspections,
} from '../../db/schema/index';
import { actionPlanOnTime, inspectionDeadlines, type Deadline } from '../../domain/inspection-deadlines';
import {
  ACTIVITY_LABELS,
  FRAMEWORK_JUDGEMENTS,
  GRADE_LABELS,
  isGraded,
  type ActivityKind,
  type Framework,
  type Grade,
  type JudgementKey,
  type RecommendationKind,
} from '../../domain/ofsted';
import { todayInLondon } from '../../domain/today';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import type { Auditor } from '../../accounts/access-log/auditor';
import { actionReference } from '../../domain/improvement-status';
import { labelOf, type InspectionInput } from './validation';

export const GRADED_KINDS: readonly ActivityKind[] = ['sif', 'ilacs-standard', 'ilacs-short'];

export interface JudgementView {
  key: JudgementKey;
  grade: Grade;
  /** The framework's short name for it, e.g. "Help and protection". */
  label: string;
  gradeLabel: string;
}

export interface InspectionSummary {
  id: number;
  kind: ActivityKind;
  kindLabel: string;
  framework: Framework | null;
  startDate: string;
  endDate: string | null;
  leadInspector: string | null;
  theme: string | null;
  reportReceivedOn: string | null;
  publishedOn: string | null;
  actionPlanSentOn: string | null;
  source: string;
  /** In the framework's order. */
  judgements: JudgementView[];
  recommendationCount: number;
  priorityActionCount: number;
}

export interface AnsweringAction {
  actionId: number;
  /** As the plan numbers it, e.g. 3b.2. */
  reference: string;
  title: string;
  status: string;
}

export interface RecommendationView {
  id: number;
  kind: RecommendationKind;
  number: number;
  text: string;
  answeredBy: AnsweringAction[];
}

export interface InspectionRecord extends InspectionSummary {
  summary: string;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  recommendations: RecommendationView[];
  paragraphs: Array<{ number: number; judgement: JudgementKey | null; heading: string; text: string }>;
  /** The statutory deadlines with their dates and status today. */
  deadlines: Deadline[];
  /** Whether the action plan went on time (null: none due, or not yet sent, or the date received not recorded). */
  actionPlanOnTime: boolean | null;
}

type InspectionRow = typeof inspections.$inferSelect;

function judgementView(framework: Framework | null, key: JudgementKey, grade: Grade): JudgementView {
  return { key, grade, label: labelOf(key, framework), gradeLabel: GRADE_LABELS[grade] };
}

function frameworkOrder(framework: Framework | null, key: JudgementKey): number {
  const i = framework ? FRAMEWORK_JUDGEMENTS[framework].findIndex((j) => j.key === key) : -1;
  return i < 0 ? 100 : i;
}

async function summarise(db: Tx, rows: InspectionRow[]): Promise<InspectionSummary[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const [grades, counts] = await Promise.all([
    db.select().from(inspectionJudgements).where(inArray(inspectionJudgements.inspectionId, ids)),
    db
      .select({
        inspectionId: inspectionRecommendations.inspectionId,
        kind: inspectionRecommendations.kind,
        n: count(),
      })
      .from(inspectionRecommendations)
      .where(inArray(inspectionRecommendations.inspectionId, ids))
      .groupBy(inspectionRecommendations.inspectionId, inspectionRecommendations.kind),
  ]);
  return rows.map((r) => {
    const id = Number(r.id);
    const judgements = grades
      .filter((g) => Number(g.inspectionId) === id)
      .map((g) => judgementView(r.framework, g.judgement, g.grade))
      .sort((a, b) => frameworkOrder(r.framework, a.key) - frameworkOrder(r.framework, b.key));
    const n = (kind: RecommendationKind) =>
      Number(counts.find((c) => Number(c.inspectionId) === id && c.kind === kind)?.n ?? 0);
    return {
      id,
      kind: r.kind,
      kindLabel: (ACTIVITY_LABELS as Partial<Record<string, string>>)[r.kind] ?? r.kind,
      framework: r.framework,
      startDate: r.startDate,
      endDate: r.endDate,
      leadInspector: r.leadInspector,
      theme: r.theme,
      reportReceivedOn: r.reportReceivedOn,
      publishedOn: r.publishedOn,
      actionPlanSentOn: r.actionPlanSentOn,
      source: r.source,
      judgements,
      recommendationCount: n('recommendation'),
      priorityActionCount: n('priority-action'),
    };
  });
}

/** Every inspection and visit of the authority, oldest first. */
export async function listInspections(db: Tx, authorityId: number): Promise<InspectionSummary[]> {
  const rows = await db
    .select()
    .from(inspections)
    .where(eq(inspections.authorityId, authorityId))
    .orderBy(asc(inspections.startDate), asc(inspections.id));
  return summarise(db, rows);
}

/** The authority's latest graded inspection (SIF, ILACS standard or short), by start date. */
export async function latestGraded(db: Tx, authorityId: number): Promise<InspectionSummary | null> {
  const rows = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.authorityId, authorityId), inArray(inspections.kind, [...GRADED_KINDS])))
    .orderBy(desc(inspections.startDate), desc(inspections.id))
    .limit(1);
  return (await summarise(db, rows))[0] ?? null;
}

/** The improvement actions that answer each of some recommendations (this authority's actions only). */
async function answeringActions(
  db: Tx,
  authorityId: number,
  recommendationIds: number[],
): Promise<Map<number, AnsweringAction[]>> {
  const out = new Map<number, AnsweringAction[]>();
  if (recommendationIds.length === 0) return out;
  const links = await db
    .select({
      recommendationId: improvementActionRecommendations.recommendationId,
      actionId: improvementActions.id,
      number: improvementActions.number,
      title: improvementActions.title,
      status: improvementActions.status,
      objectiveCode: improvementObjectives.code,
      themeNumber: improvementThemes.number,
    })
    .from(improvementActionRecommendations)
    .innerJoin(improvementActions, eq(improvementActions.id, improvementActionRecommendations.actionId))
    .innerJoin(improvementObjectives, eq(improvementObjectives.id, improvementActions.objectiveId))
    .innerJoin(improvementThemes, eq(improvementThemes.id, improvementObjectives.themeId))
    .where(
      and(
        inArray(improvementActionRecommendations.recommendationId, recommendationIds),
        eq(improvementActions.authorityId, authorityId),
      ),
    )
    .orderBy(asc(improvementThemes.number), asc(improvementObjectives.code), asc(improvementActions.number));
  for (const l of links) {
    const key = Number(l.recommendationId);
    const list = out.get(key) ?? [];
    list.push({
      actionId: Number(l.actionId),
      reference: actionReference(l.themeNumber, l.objectiveCode, l.number),
      title: l.title,
      status: l.status,
    });
    out.set(key, list);
  }
  return out;
}

/**
 * One inspection with everything on its page: judgements, recommendations (each with the actions that answer it),
 * paragraphs, the statutory deadlines as at `today` and whether the action plan went on time. Null when the
 * authority has no such inspection.
 */
export async function getInspection(
  db: Tx,
  authorityId: number,
  id: number,
  today: string = todayInLondon(),
): Promise<InspectionRecord | null> {
  const [row] = await db
    .select()
    .from(inspections)
    .where(and(eq(inspections.id, id), eq(inspections.authorityId, authorityId)))
    .limit(1);
  if (!row) return null;
  const [summary] = await summarise(db, [row]);
  if (!summary) return null;
  const [recs, paragraphs] = await Promise.all([
    db
      .select()
      .from(inspectionRecommendations)
      .where(eq(inspectionRecommendations.inspectionId, id))
      .orderBy(asc(inspectionRecommendations.kind), asc(inspectionRecommendations.number)),
    db
      .select()
      .from(inspectionParagraphs)
      .where(eq(inspectionParagraphs.inspectionId, id))
      .orderBy(asc(inspectionParagraphs.number)),
  ]);
  const answered = await answeringActions(
    db,
    authorityId,
    recs.map((r) => Number(r.id)),
  );
  const recommendations = recs
    .map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      number: r.number,
      text: r.text,
      answeredBy: answered.get(Number(r.id)) ?? [],
    }))
    // Recommendations first, then areas for priority action, each in the report's order.
    .sort((a, b) => (a.kind === b.kind ? a.number - b.number : a.kind === 'recommendation' ? -1 : 1));
  const deadlineInput = {
    kind: row.kind,
    reportReceivedOn: row.reportReceivedOn,
    hasPriorityActions: summary.priorityActionCount > 0,
    publishedOn: row.publishedOn,
    actionPlanSentOn: row.actionPlanSentOn,
  };
  return {
    ...summary,
    summary: row.summary,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    recommendations,
    paragraphs: paragraphs.map((p) => ({ number: p.number, judgement: p.judgement, heading: p.heading, text: p.text })),
    deadlines: inspectionDeadlines(deadlineInput, today),
    actionPlanOnTime: actionPlanOnTime(deadlineInput),
  };
}

function fields(input: InspectionInput) {
  return {
    kind: input.kind,
    framework: input.framework,
    startDate: input.startDate,
    endDate: input.endDate,
    leadInspector: input.leadInspector,
    theme: input.theme,
    reportReceivedOn: input.reportReceivedOn,
    publishedOn: input.publishedOn,
    actionPlanSentOn: input.actionPlanSentOn,
    summary: input.summary,
    source: input.source,
  };
}

async function insertItems(
  tx: Tx,
  inspectionId: number,
  input: InspectionInput,
  withRecommendations: boolean,
): Promise<void> {
  if (input.judgements.length) {
    await tx
      .insert(inspectionJudgements)
      .values(input.judgements.map((j) => ({ inspectionId, judgement: j.key, grade: j.grade })));
  }
  if (withRecommendations && input.recommendations.length) {
    await tx
      .insert(inspectionRecommendations)
      .values(input.recommendations.map((r) => ({ inspectionId, kind: r.kind, number: r.number, text: r.text })));
  }
  // In slices: a long report has hundreds of paragraphs, and one statement has a limit on its parameters.
  for (let i = 0; i < input.paragraphs.length; i += 200) {
    await tx
      .insert(inspectionParagraphs)
      .values(
        input.paragraphs
          .slice(i, i + 200)
          .map((p) => ({ inspectionId, number: p.number, judgement: p.judgement, heading: p.heading, text: p.text })),
      );
  }
}

function auditDetail(input: InspectionInput): Record<string, string | number | boolean | null> {
  return {
    kind: input.kind,
    framework: input.framework,
    judgements: input.judgements.length,
    recommendations: input.recommendations.filter((r) => r.kind === 'recommendation').length,
    priorityActions: input.recommendations.filter((r) => r.kind === 'priority-action').length,
    paragraphs: input.paragraphs.length,
  };
}

/** Records an inspection or visit with everything in it; returns its id. */
export async function createInspection(
  db: Tx,
  authorityId: number,
  input: InspectionInput,
  createdBy: string,
  audit: Auditor,
): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(inspections)
      .values({ authorityId, ...fields(input), createdBy })
      .returning({ id: inspections.id });
    if (!row) throw new Error('inspection not saved');
    const id = Number(row.id);
    await insertItems(tx, id, input, true);
    await audit.record(tx, { recordType: 'inspection', recordId: String(id), detail: auditDetail(input) });
    return id;
  });
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function describe(kind: RecommendationKind, number: number, text: string): string {
  const short = text.length > 80 ? `${text.slice(0, 77)}…` : text;
  return `${kind === 'recommendation' ? 'Recommendation' : 'Area for priority action'} ${number} (“${short}”)`;
}

/**
 * Replaces an inspection's record. Recommendations keep their ids where they can (see the module comment);
 * removing one an improvement action answers is refused (ValidationError on the recommendations field) and
 * nothing changes.
 */
export async function updateInspection(
  db: Tx,
  authorityId: number,
  id: number,
  input: InspectionInput,
  audit: Auditor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: inspections.id })
      .from(inspections)
      .where(and(eq(inspections.id, id), eq(inspections.authorityId, authorityId)))
      .limit(1);
    if (!row) throw new NotFoundError();
    const existing = await tx
      .select()
      .from(inspectionRecommendations)
      .where(eq(inspectionRecommendations.inspectionId, id));

    // Match the new list to the old: same text first, then same number.
    const keep = new Map<number, { existingId: number; number: number; text: string; kind: RecommendationKind }>();
    const used = new Set<number>();
    const unmatched: InspectionInput['recommendations'] = [];
    for (const r of input.recommendations) {
      const same = existing.find(
        (e) => !used.has(Number(e.id)) && e.kind === r.kind && normalise(e.text) === normalise(r.text),
      );
      if (same) {
        used.add(Number(same.id));
        keep.set(Number(same.id), { existingId: Number(same.id), number: r.number, text: r.text, kind: r.kind });
      } else unmatched.push(r);
    }
    const toInsert: InspectionInput['recommendations'] = [];
    for (const r of unmatched) {
      const same = existing.find((e) => !used.has(Number(e.id)) && e.kind === r.kind && e.number === r.number);
      if (same) {
        used.add(Number(same.id));
        keep.set(Number(same.id), { existingId: Number(same.id), number: r.number, text: r.text, kind: r.kind });
      } else toInsert.push(r);
    }
    const removed = existing.filter((e) => !used.has(Number(e.id)));
    if (removed.length) {
      const answered = await answeringActions(
        tx,
        authorityId,
        removed.map((e) => Number(e.id)),
      );
      // Any link at all (even from another authority's action, which cannot happen) blocks the removal.
      const linked = await tx
        .select({ recommendationId: improvementActionRecommendations.recommendationId })
        .from(improvementActionRecommendations)
        .where(
          inArray(
            improvementActionRecommendations.recommendationId,
            removed.map((e) => Number(e.id)),
          ),
        );
      const blocked = removed.filter((e) => linked.some((l) => Number(l.recommendationId) === Number(e.id)));
      if (blocked.length) {
        throw new ValidationError(
          blocked.map((e) => {
            const actions = (answered.get(Number(e.id)) ?? []).map((a) => a.reference);
            const by = actions.length
              ? `improvement action${actions.length > 1 ? 's' : ''} ${actions.join(', ')}`
              : 'an improvement action';
            return {
              field: e.kind === 'recommendation' ? 'recommendations' : 'priorityActions',
              message: `${describe(e.kind, e.number, e.text)} is answered by ${by}, so it cannot be removed: keep it, or first take it off the action in the improvement plan`,
            };
          }),
        );
      }
      await tx.delete(inspectionRecommendations).where(
        inArray(
          inspectionRecommendations.id,
          removed.map((e) => Number(e.id)),
        ),
      );
    }
    // Renumber in two steps so that no two rows ever share a number (the unique index holds at every statement).
    let temporary = 0;
    for (const k of keep.values()) {
      temporary -= 1;
      await tx
        .update(inspectionRecommendations)
        .set({ number: temporary })
        .where(eq(inspectionRecommendations.id, k.existingId));
    }
    for (const k of keep.values()) {
      await tx
        .update(inspectionRecommendations)
        .set({ number: k.number, text: k.text })
        .where(eq(inspectionRecommendations.id, k.existingId));
    }
    if (toInsert.length)
      await tx
        .insert(inspectionRecommendations)
        .values(toInsert.map((r) => ({ inspectionId: id, kind: r.kind, number: r.number, text: r.text })));

    await tx
      .update(inspections)
      .set({ ...fields(input), updatedAt: new Date() })
      .where(eq(inspections.id, id));
    await tx.delete(inspectionJudgements).where(eq(inspectionJudgements.inspectionId, id));
    await tx.delete(inspectionParagraphs).where(eq(inspectionParagraphs.inspectionId, id));
    await insertItems(tx, id, input, false);
    await audit.record(tx, {
      recordType: 'inspection',
      recordId: String(id),
      detail: { ...auditDetail(input), recommendationsRemoved: removed.length, recommendationsAdded: toInsert.length },
    });
  });
}

/**
 * Deletes an inspection and everything in it. Refused (ConflictError, nothing changes) while an improvement action
 * answers any of its recommendations.
 */
export async function deleteInspection(db: Tx, authorityId: number, id: number, audit: Auditor): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(inspections)
      .where(and(eq(inspections.id, id), eq(inspections.authorityId, authorityId)))
      .limit(1);
    if (!row) throw new NotFoundError();
    const recs = await tx
      .select()
      .from(inspectionRecommendations)
      .where(eq(inspectionRecommendations.inspectionId, id));
    const recIds = recs.map((r) => Number(r.id));
    if (recIds.length) {
      const linked = await tx
        .select({ recommendationId: improvementActionRecommendations.recommendationId })
        .from(improvementActionRecommendations)
        .where(inArray(improvementActionRecommendations.recommendationId, recIds));
      if (linked.length) {
        const answered = await answeringActions(tx, authorityId, recIds);
        const refs = [...new Set([...answered.values()].flat().map((a) => a.reference))];
        const which = recs
          .filter((r) => linked.some((l) => Number(l.recommendationId) === Number(r.id)))
          .map((r) => `${r.kind === 'recommendation' ? 'recommendation' : 'area for priority action'} ${r.number}`);
        throw new ConflictError(
          `This ${lowerFirst(ACTIVITY_LABELS[row.kind])} cannot be deleted: improvement plan action${refs.length === 1 ? '' : 's'} ${refs.join(', ') || '(unknown)'} answer${refs.length === 1 ? 's' : ''} its ${which.join(', ')}. Take those recommendations off the actions first.`,
        );
      }
      await tx.delete(inspectionRecommendations).where(eq(inspectionRecommendations.inspectionId, id));
    }
    await tx.delete(inspectionJudgements).where(eq(inspectionJudgements.inspectionId, id));
    await tx.delete(inspectionParagraphs).where(eq(inspectionParagraphs.inspectionId, id));
    await tx.delete(inspections).where(eq(inspections.id, id));
    await audit.record(tx, {
      recordType: 'inspection',
      recordId: String(id),
      detail: { kind: row.kind, graded: isGraded(row.kind) },
    });
  });
}
