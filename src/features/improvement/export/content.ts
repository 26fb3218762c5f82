/**
 * What the plan's XLSX and DOCX exports say, worked out once from loadPlan's PlanView so that both files (and the
 * plan page, which reads the same view) agree: the authority, the recommendations to show, and each action's cells
 * in words.
 */
import { eq } from 'drizzle-orm';
import { longDate } from '../../../domain/dates';
import type { Tx } from '../../../db/client';
import { authorities } from '../../../db/schema/organisation';
import { indicatorById } from '../../indicators/registry';
import {
  authorityRecommendations,
  loadPlan,
  planActions,
  type PlanAction,
  type PlanRecommendation,
  type PlanView,
} from '../plan';
import { RAG_LABELS, STATUS_LABELS } from '../../../domain/improvement-status';

export interface PlanExport {
  authorityName: string;
  plan: PlanView;
  /**
   * The recommendations the exports list: every current one (the latest graded inspection's and everything since,
   * plan.ts) and any older one an action still answers, oldest inspection first, in report order.
   */
  recommendations: readonly PlanRecommendation[];
}

export async function loadPlanExport(db: Tx, authorityId: number, today: string): Promise<PlanExport> {
  const [authority] = await db
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId));
  const plan = await loadPlan(db, authorityId, today);
  const current = new Set(plan.currentInspectionIds);
  const answered = new Set(planActions(plan).flatMap((a) => a.recommendations.map((r) => r.id)));
  const recommendations = (await authorityRecommendations(db, authorityId)).filter(
    (r) => current.has(r.inspectionId) || answered.has(r.id),
  );
  return { authorityName: authority?.name ?? '', plan, recommendations };
}

/** The inspection a recommendation came from, e.g. "ILACS short inspection, 17 June 2024". */
export function inspectionName(r: PlanRecommendation): string {
  return `${r.inspectionLabel}, ${longDate(r.inspectionDate)}`;
}

/** A recommendation as a cell cites it: its number in the report and its text. */
export function recommendationCitation(r: PlanRecommendation): string {
  const prefix = r.kind === 'priority-action' ? 'Area for priority action' : 'Recommendation';
  return `${prefix} ${r.number} (${inspectionName(r)}): ${r.text}`;
}

/** An indicator's target in its unit: "90%" for percentages, the number otherwise. */
export function targetText(indicatorId: string, target: number | null): string {
  if (target === null) return 'no target set';
  const unit = indicatorById(indicatorId)?.unit;
  return unit === 'percent' ? `${target}%` : String(target);
}

/** The evidence of impact in words: each indicator with its target, then the audit domains. */
export function evidenceLines(a: PlanAction): string[] {
  return [
    ...a.indicators.map((i) => `Indicator: ${i.title} (target ${targetText(i.id, i.target)})`),
    ...a.domains.map((d) => `Audit domain: ${d.title}`),
  ];
}

/** "Overdue", "Off track", both, or "" — the flags the plan page shows, in words. */
export function flagText(a: PlanAction): string {
  return [a.overdue ? 'Overdue' : '', a.offTrack ? 'Off track' : ''].filter(Boolean).join(', ');
}

export function statusText(a: PlanAction): string {
  return STATUS_LABELS[a.status];
}

export function ragText(a: PlanAction): string {
  return RAG_LABELS[a.rag];
}

/** The latest progress update in words: its date, note and author; "No update yet" without one. */
export function latestProgressText(a: PlanAction): string {
  const u = a.latestUpdate;
  return u ? `${longDate(u.updatedOn)}: ${u.note} (${u.authorName})` : 'No update yet';
}

/** The actions answering each recommendation, by recommendation id, as references ("1a.1"). */
export function answeringActions(plan: PlanView): Map<number, PlanAction[]> {
  const out = new Map<number, PlanAction[]>();
  for (const a of planActions(plan)) {
    for (const r of a.recommendations) {
      const list = out.get(r.id) ?? [];
      list.push(a);
      out.set(r.id, list);
    }
  }
  return out;
}

/** The recommendations grouped by the inspection they came from, oldest first. */
export function byInspection(
  recommendations: readonly PlanRecommendation[],
): Array<{ name: string; recommendations: PlanRecommendation[] }> {
  const groups = new Map<number, { name: string; recommendations: PlanRecommendation[] }>();
  for (const r of recommendations) {
    const g = groups.get(r.inspectionId) ?? { name: inspectionName(r), recommendations: [] };
    g.recommendations.push(r);
    groups.set(r.inspectionId, g);
  }
  return [...groups.values()];
}

/** A safe file name part from an authority name: "Lantern Borough (demo)" → "lantern-borough-demo". */
export function fileStem(authorityName: string, today: string): string {
  const slug = authorityName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `improvement-plan-${slug || 'authority'}-${today}`;
}
