/**
 * Each authority's targets and RAG thresholds: the registry's defaults until an admin changes them. Every change
 * is written to the access log in the same transaction (by the caller's auditor).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { indicatorSettings } from '../../db/schema/index';
import type { IndicatorDefinition } from './definition';
import { thresholdsProblem, type Thresholds } from './rag';
import { INDICATORS } from './registry';

export interface IndicatorThresholds extends Thresholds {
  /** True when the authority has changed the registry's defaults. */
  readonly changed: boolean;
  readonly updatedBy: string | null;
  readonly updatedAt: Date | null;
}

export function defaultThresholds(def: IndicatorDefinition): Thresholds {
  return { target: def.target ?? null, green: def.green ?? null, amber: def.amber ?? null };
}

/** Every indicator's thresholds for an authority. */
export async function thresholdsFor(db: Tx, authorityId: number): Promise<Map<string, IndicatorThresholds>> {
  const saved = await db.select().from(indicatorSettings).where(eq(indicatorSettings.authorityId, authorityId));
  const byId = new Map(saved.map((s) => [s.indicatorId, s]));
  return new Map(
    INDICATORS.map((def) => {
      const s = byId.get(def.id);
      return [
        def.id,
        s
          ? {
              target: s.target,
              green: s.green,
              amber: s.amber,
              changed: true,
              updatedBy: s.updatedBy,
              updatedAt: s.updatedAt,
            }
          : { ...defaultThresholds(def), changed: false, updatedBy: null, updatedAt: null },
      ];
    }),
  );
}

export interface ThresholdChange {
  readonly target: number | null;
  readonly green: number | null;
  readonly amber: number | null;
}

/** A problem with the thresholds for this indicator, keyed by field, or none. */
export function thresholdProblems(
  def: IndicatorDefinition,
  t: ThresholdChange,
): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  if ((t.green === null) !== (t.amber === null)) {
    problems.push({
      field: t.green === null ? 'green' : 'amber',
      message: 'Enter both the green and the amber thresholds, or neither',
    });
  }
  if (def.polarity === 'neutral' && (t.green !== null || t.amber !== null)) {
    problems.push({
      field: 'green',
      message: 'This indicator describes demand, not performance: it has no RAG thresholds',
    });
  }
  if (t.green !== null && t.amber !== null && def.polarity !== 'neutral') {
    const problem = thresholdsProblem(def.polarity, t.green, t.amber);
    if (problem) problems.push({ field: 'amber', message: problem });
  }
  if (def.unit === 'percent') {
    for (const [field, v] of [
      ['target', t.target],
      ['green', t.green],
      ['amber', t.amber],
    ] as const) {
      if (v !== null && (v < 0 || v > 100)) problems.push({ field, message: 'Enter a percentage from 0 to 100' });
    }
  }
  return problems;
}

export async function saveThresholds(
  db: Tx,
  authorityId: number,
  indicatorId: string,
  t: ThresholdChange,
  updatedBy: string,
): Promise<void> {
  await db
    .insert(indicatorSettings)
    .values({ authorityId, indicatorId, target: t.target, green: t.green, amber: t.amber, updatedBy })
    .onConflictDoUpdate({
      target: [indicatorSettings.authorityId, indicatorSettings.indicatorId],
      set: { target: t.target, green: t.green, amber: t.amber, updatedBy, updatedAt: sql`now()` },
    });
}

/** Back to the registry's defaults. */
export async function resetThresholds(db: Tx, authorityId: number, indicatorId: string): Promise<void> {
  await db
    .delete(indicatorSettings)
    .where(and(eq(indicatorSettings.authorityId, authorityId), eq(indicatorSettings.indicatorId, indicatorId)));
}
