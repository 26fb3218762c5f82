/**
 * The improvement plan as one read model: themes → objectives → actions, each action with its state (status, RAG,
 * overdue, off track), its latest progress update, the recommendations it answers and the evidence it names; the
 * recommendations no action answers; and summary counts. The plan page, the API and the XLSX/DOCX exports all
 * read exactly this.
 *
 * Which recommendations must be answered ("current"): those of the authority's latest graded inspection (SIF,
 * ILACS standard or short) and of every inspection or visit since it (a focused visit's areas for priority action,
 * a JTAI's recommendations …). A later graded inspection supersedes the recommendations of everything before it:
 * an inspection that found the authority good has judged the earlier inadequate inspection's nineteen
 * recommendations, and the plan answers the new findings. With no graded inspection recorded, every
 * recommendation is current. Recommendations of earlier inspections that an action answers still show on that
 * action.
 */
import { asc, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  improvementActionDomains,
  improvementActionIndicators,
  improvementActionRecommendations,
  improvementActions,
  improvementObjectives,
  improvementProgressUpdates,
  improvementThemes,
  inspectionRecommendations,
  inspections,
  practiceDomains,
} from '../../db/schema/index';
import { ACTIVITY_LABELS, isGraded, type ActivityKind, type RecommendationKind } from '../../domain/ofsted';
import { indicatorById } from '../indicators/registry';
import {
  ACTION_STATUSES,
  actionReference,
  isOffTrack,
  isOverdue,
  RAGS,
  type ActionStatus,
  type Rag,
} from '../../domain/improvement-status';

export interface PlanRecommendation {
  readonly id: number;
  readonly inspectionId: number;
  /** The inspection's (or visit's) first day. */
  readonly inspectionDate: string;
  readonly inspectionKind: ActivityKind;
  readonly inspectionLabel: string;
  readonly kind: RecommendationKind;
  readonly number: number;
  readonly text: string;
}

export interface PlanProgressUpdate {
  readonly id: number;
  readonly updatedOn: string;
  readonly status: ActionStatus;
  readonly rag: Rag;
  readonly note: string;
  readonly authorName: string;
}

export interface PlanEvidenceIndicator {
  readonly id: string;
  readonly title: string;
  /** The value that would show success, in the indicator's own unit; null when none was set. */
  readonly target: number | null;
}

export interface PlanEvidenceDomain {
  readonly id: number;
  readonly key: string;
  readonly title: string;
}

export interface PlanAction {
  readonly id: number;
  readonly objectiveId: number;
  readonly number: number;
  /** e.g. "3b.2": theme number, objective code, action number. */
  readonly reference: string;
  readonly title: string;
  readonly successMeasure: string;
  readonly owner: string;
  readonly startDate: string;
  readonly dueDate: string;
  readonly completedOn: string | null;
  readonly status: ActionStatus;
  readonly rag: Rag;
  /** Due before today and not complete (status.ts). */
  readonly overdue: boolean;
  /** Not complete and red, blocked, or amber within 20 working days of its due date (status.ts). */
  readonly offTrack: boolean;
  readonly latestUpdate: PlanProgressUpdate | null;
  readonly recommendations: readonly PlanRecommendation[];
  readonly indicators: readonly PlanEvidenceIndicator[];
  readonly domains: readonly PlanEvidenceDomain[];
}

export interface PlanObjective {
  readonly id: number;
  readonly themeId: number;
  readonly code: string;
  readonly title: string;
  readonly actions: readonly PlanAction[];
}

export interface PlanTheme {
  readonly id: number;
  readonly number: number;
  readonly title: string;
  readonly description: string;
  readonly objectives: readonly PlanObjective[];
}

export interface PlanSummary {
  readonly actions: number;
  readonly byStatus: Readonly<Record<ActionStatus, number>>;
  readonly byRag: Readonly<Record<Rag, number>>;
  readonly overdue: number;
  readonly offTrack: number;
  /** Current recommendations (see the header) and how many no action answers. */
  readonly currentRecommendations: number;
  readonly unansweredRecommendations: number;
}

export interface PlanView {
  /** The day overdue and off track were judged against. */
  readonly today: string;
  readonly themes: readonly PlanTheme[];
  /** Current recommendations that no action answers, oldest inspection first, then areas for priority action before recommendations, then by number. */
  readonly unansweredRecommendations: readonly PlanRecommendation[];
  /** The inspections whose recommendations are current (latest graded and everything since), oldest first. */
  readonly currentInspectionIds: readonly number[];
  readonly summary: PlanSummary;
}

/** Every recommendation of the authority's inspections, oldest inspection first, then areas for priority action before recommendations, then by number. */
export async function authorityRecommendations(db: Tx, authorityId: number): Promise<PlanRecommendation[]> {
  const found = await db
    .select({
      id: inspectionRecommendations.id,
      inspectionId: inspections.id,
      inspectionDate: inspections.startDate,
      inspectionKind: inspections.kind,
      kind: inspectionRecommendations.kind,
      number: inspectionRecommendations.number,
      text: inspectionRecommendations.text,
    })
    .from(inspectionRecommendations)
    .innerJoin(inspections, eq(inspections.id, inspectionRecommendations.inspectionId))
    .where(eq(inspections.authorityId, authorityId))
    .orderBy(
      asc(inspections.startDate),
      asc(inspections.id),
      asc(inspectionRecommendations.kind),
      asc(inspectionRecommendations.number),
    );
  return found.map((r) => ({
    ...r,
    id: Number(r.id),
    inspectionId: Number(r.inspectionId),
    inspectionLabel: ACTIVITY_LABELS[r.inspectionKind],
  }));
}

/**
 * The inspections whose recommendations are current: the latest graded inspection and every activity that started
 * on or after its start (or all, with no graded inspection).
 */
export async function currentInspectionIds(db: Tx, authorityId: number): Promise<number[]> {
  const all = await db
    .select({ id: inspections.id, kind: inspections.kind, startDate: inspections.startDate })
    .from(inspections)
    .where(eq(inspections.authorityId, authorityId))
    .orderBy(asc(inspections.startDate), asc(inspections.id));
  let from = 0;
  all.forEach((i, index) => {
    if (isGraded(i.kind)) from = index;
  });
  return all.slice(from).map((i) => Number(i.id));
}

export async function loadPlan(db: Tx, authorityId: number, today: string): Promise<PlanView> {
  const themes = await db
    .select()
    .from(improvementThemes)
    .where(eq(improvementThemes.authorityId, authorityId))
    .orderBy(asc(improvementThemes.number));
  const themeIds = themes.map((t) => t.id);
  const objectives = themeIds.length
    ? await db
        .select()
        .from(improvementObjectives)
        .where(inArray(improvementObjectives.themeId, themeIds))
        .orderBy(asc(improvementObjectives.code))
    : [];
  const actions = await db
    .select()
    .from(improvementActions)
    .where(eq(improvementActions.authorityId, authorityId))
    .orderBy(asc(improvementActions.number), asc(improvementActions.id));
  const actionIds = actions.map((a) => a.id);

  const [links, indicatorLinks, domainLinks, updates, recommendations, currentIds] = await Promise.all([
    actionIds.length
      ? db
          .select()
          .from(improvementActionRecommendations)
          .where(inArray(improvementActionRecommendations.actionId, actionIds))
      : Promise.resolve([]),
    actionIds.length
      ? db
          .select()
          .from(improvementActionIndicators)
          .where(inArray(improvementActionIndicators.actionId, actionIds))
          .orderBy(asc(improvementActionIndicators.indicatorId))
      : Promise.resolve([]),
    actionIds.length
      ? db
          .select({
            actionId: improvementActionDomains.actionId,
            id: practiceDomains.id,
            key: practiceDomains.key,
            title: practiceDomains.title,
          })
          .from(improvementActionDomains)
          .innerJoin(practiceDomains, eq(practiceDomains.id, improvementActionDomains.domainId))
          .where(inArray(improvementActionDomains.actionId, actionIds))
          .orderBy(asc(practiceDomains.sortOrder), asc(practiceDomains.title))
      : Promise.resolve([]),
    actionIds.length
      ? db
          .select()
          .from(improvementProgressUpdates)
          .where(inArray(improvementProgressUpdates.actionId, actionIds))
          .orderBy(desc(improvementProgressUpdates.updatedOn), desc(improvementProgressUpdates.id))
      : Promise.resolve([]),
    authorityRecommendations(db, authorityId),
    currentInspectionIds(db, authorityId),
  ]);

  const recommendationById = new Map(recommendations.map((r) => [r.id, r]));
  const recommendationOrder = new Map(recommendations.map((r, i) => [r.id, i]));
  const answered = new Set<number>();
  const recsByAction = groupBy(
    links.flatMap((l) => {
      const rec = recommendationById.get(Number(l.recommendationId));
      if (!rec) return [];
      answered.add(rec.id);
      return [{ actionId: Number(l.actionId), rec }];
    }),
    (l) => l.actionId,
  );
  const latestByAction = new Map<number, PlanProgressUpdate>();
  for (const u of updates) {
    const actionId = Number(u.actionId);
    if (!latestByAction.has(actionId)) {
      latestByAction.set(actionId, {
        id: Number(u.id),
        updatedOn: u.updatedOn,
        status: u.status,
        rag: u.rag,
        note: u.note,
        authorName: u.authorName,
      });
    }
  }
  const indicatorsByAction = groupBy(indicatorLinks, (l) => Number(l.actionId));
  const domainsByAction = groupBy(domainLinks, (l) => Number(l.actionId));

  const themeById = new Map(themes.map((t) => [t.id, t]));
  const objectiveById = new Map(objectives.map((o) => [o.id, o]));
  const planActions: PlanAction[] = actions.flatMap((a) => {
    const objective = objectiveById.get(a.objectiveId);
    const theme = objective ? themeById.get(objective.themeId) : undefined;
    if (!objective || !theme) return [];
    const state = { status: a.status, rag: a.rag, dueDate: a.dueDate };
    return [
      {
        id: Number(a.id),
        objectiveId: Number(a.objectiveId),
        number: a.number,
        reference: actionReference(theme.number, objective.code, a.number),
        title: a.title,
        successMeasure: a.successMeasure,
        owner: a.owner,
        startDate: a.startDate,
        dueDate: a.dueDate,
        completedOn: a.completedOn,
        status: a.status,
        rag: a.rag,
        overdue: isOverdue(state, today),
        offTrack: isOffTrack(state, today),
        latestUpdate: latestByAction.get(Number(a.id)) ?? null,
        recommendations: (recsByAction.get(Number(a.id)) ?? [])
          .map((l) => l.rec)
          .sort((x, y) => (recommendationOrder.get(x.id) ?? 0) - (recommendationOrder.get(y.id) ?? 0)),
        indicators: (indicatorsByAction.get(Number(a.id)) ?? []).map((l) => ({
          id: l.indicatorId,
          title: indicatorById(l.indicatorId)?.title ?? l.indicatorId,
          target: l.target == null ? null : Number(l.target),
        })),
        domains: (domainsByAction.get(Number(a.id)) ?? []).map((d) => ({
          id: Number(d.id),
          key: d.key,
          title: d.title,
        })),
      },
    ];
  });
  const actionsByObjective = groupBy(planActions, (a) => a.objectiveId);
  const objectivesByTheme = groupBy(objectives, (o) => Number(o.themeId));

  const planThemes: PlanTheme[] = themes.map((t) => ({
    id: Number(t.id),
    number: t.number,
    title: t.title,
    description: t.description,
    objectives: (objectivesByTheme.get(Number(t.id)) ?? []).map((o) => ({
      id: Number(o.id),
      themeId: Number(o.themeId),
      code: o.code,
      title: o.title,
      actions: actionsByObjective.get(Number(o.id)) ?? [],
    })),
  }));

  const current = new Set(currentIds);
  const currentRecommendations = recommendations.filter((r) => current.has(r.inspectionId));
  const unanswered = currentRecommendations.filter((r) => !answered.has(r.id));

  const byStatus = Object.fromEntries(ACTION_STATUSES.map((s) => [s, 0])) as Record<ActionStatus, number>;
  const byRag = Object.fromEntries(RAGS.map((s) => [s, 0])) as Record<Rag, number>;
  for (const a of planActions) {
    byStatus[a.status] += 1;
    byRag[a.rag] += 1;
  }
  return {
    today,
    themes: planThemes,
    unansweredRecommendations: unanswered,
    currentInspectionIds: currentIds,
    summary: {
      actions: planActions.length,
      byStatus,
      byRag,
      overdue: planActions.filter((a) => a.overdue).length,
      offTrack: planActions.filter((a) => a.offTrack).length,
      currentRecommendations: currentRecommendations.length,
      unansweredRecommendations: unanswered.length,
    },
  };
}

/** Every action of the plan, in plan order. */
export function planActions(plan: PlanView): PlanAction[] {
  return plan.themes.flatMap((t) => t.objectives.flatMap((o) => o.actions));
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
