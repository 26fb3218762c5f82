/**
 * Monthly values kept, so that trends are instant: every indicator for every calendar month of the history,
 * recomputed when the data changes (after the demo is built, after an import, or with `lantern indicators
 * refresh`). A month that has not ended yet is never kept: its value is computed when asked for.
 */
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { indicatorValues } from '../../db/schema/index';
import { computeIndicator, type PeriodValue } from './engine';
import { lastCompleteMonth, monthsBetween, periodContaining, type Period } from './periods';
import { INDICATORS } from './registry';
import { addMonths } from '../../domain/working-days';

export interface RefreshResult {
  readonly indicators: number;
  readonly months: number;
  readonly values: number;
  readonly seconds: number;
}

/** The complete months of the last `months` months before `asAt`'s month. */
export function completeMonths(asAt: string, months: number): Period[] {
  const lastComplete = lastCompleteMonth(asAt).end;
  return monthsBetween(addMonths(periodContaining(lastComplete, 'month').start, -(months - 1)), lastComplete);
}

/** Recomputes and keeps every indicator's monthly values for the `months` complete months before `asAt`. */
export async function refreshMonthlyValues(
  db: Tx,
  authorityId: number,
  asAt: string,
  options: { months?: number; onIndicator?: (done: number, total: number) => void } = {},
): Promise<RefreshResult> {
  const started = performance.now();
  const periods = completeMonths(asAt, options.months ?? 72);
  let values = 0;
  let done = 0;
  for (const def of INDICATORS) {
    const computed = await computeIndicator(db, def, authorityId, periods);
    await db.transaction(async (tx) => {
      await tx
        .delete(indicatorValues)
        .where(
          and(
            eq(indicatorValues.authorityId, authorityId),
            eq(indicatorValues.indicatorId, def.id),
            eq(indicatorValues.periodKind, 'month'),
          ),
        );
      if (computed.length > 0) {
        await tx.insert(indicatorValues).values(
          computed.map((v) => ({
            authorityId,
            indicatorId: def.id,
            periodKind: 'month',
            periodStart: v.period.start,
            periodEnd: v.period.end,
            numerator: v.numerator,
            denominator: v.denominator,
            value: v.value,
          })),
        );
      }
    });
    values += computed.length;
    options.onIndicator?.(++done, INDICATORS.length);
  }
  return {
    indicators: INDICATORS.length,
    months: periods.length,
    values,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Kept monthly values for some indicators between two month ends, oldest first. */
export async function storedMonthlyValues(
  db: Tx,
  authorityId: number,
  indicatorIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, PeriodValue[]>> {
  const out = new Map<string, PeriodValue[]>(indicatorIds.map((id) => [id, []]));
  if (indicatorIds.length === 0) return out;
  const kept = await db
    .select()
    .from(indicatorValues)
    .where(
      and(
        eq(indicatorValues.authorityId, authorityId),
        eq(indicatorValues.periodKind, 'month'),
        inArray(indicatorValues.indicatorId, [...indicatorIds]),
        between(indicatorValues.periodEnd, from, to),
      ),
    )
    .orderBy(asc(indicatorValues.periodEnd));
  for (const v of kept) {
    out.get(v.indicatorId)?.push({
      period: { kind: 'month', start: v.periodStart, end: v.periodEnd },
      numerator: v.numerator ?? 0,
      denominator: v.denominator,
      value: v.value,
    });
  }
  return out;
}

/** When the kept values were last computed, or null when none are kept. */
export async function lastRefreshed(db: Tx, authorityId: number): Promise<Date | null> {
  const [row] = await db
    .select({ at: sql<Date | string | null>`max(${indicatorValues.computedAt})` })
    .from(indicatorValues)
    .where(eq(indicatorValues.authorityId, authorityId));
  return row?.at ? new Date(row.at) : null;
}
