/**
 * Monthly values kept, so that trends are instant: every indicator for every calendar month of the history,
 * recomputed when the data changes (after the demo is built, after an import, or with `lantern indicators
 * refresh`). A month that has not ended yet is never kept: its value is computed when asked for.
 *
 * After an import (or its withdrawal) only the indicators that read a table it changed are recomputed (tables.ts
 * works out which tables each reads from its SQL), with those whose kept values are out of date however the data
 * stands: none kept, or not for exactly the months wanted now (a month has ended since), or computed on an earlier
 * day by an indicator that reads the clock. Each indicator recomputed is recomputed for every month: a month's value
 * can depend on events after it (a visit due within ten working days of a plan starting late in the month), so the
 * months an import touched do not bound the months whose values it can change.
 */
import { and, asc, between, eq, inArray, sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/client';
import { indicatorValues } from '../../db/schema/index';
import { computeIndicator, type PeriodValue } from './engine';
import { lastCompleteMonth, monthsBetween, periodContaining, type Period } from './periods';
import { INDICATORS } from './registry';
import { readsClock, tablesRead } from './tables';
import { addMonths } from '../../domain/working-days';
import { ensureWorkingDayCalendar } from '../reference/calendar';
import type { IndicatorDefinition } from './definition';

export interface RefreshResult {
  /** How many indicators were recomputed. */
  readonly indicators: number;
  /** Their ids, in the registry's order. */
  readonly recomputed: readonly string[];
  readonly months: number;
  readonly values: number;
  readonly seconds: number;
}

/** How many indicators a refresh computes at once (see refreshMonthlyValues). */
const CONCURRENT_INDICATORS = 3;

/**
 * Replaces one indicator's kept monthly values with those computed (or computed by `values` inside the same
 * transaction), in one transaction; returns how many it kept.
 */
async function keepMonthlyValues(
  db: Tx,
  authorityId: number,
  def: IndicatorDefinition,
  values: readonly PeriodValue[] | ((tx: Tx) => Promise<readonly PeriodValue[]>),
): Promise<number> {
  return db.transaction(async (tx) => {
    const computed = typeof values === 'function' ? await values(tx) : values;
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
    return computed.length;
  });
}

/** The complete months of the last `months` months before `asAt`'s month. */
export function completeMonths(asAt: string, months: number): Period[] {
  const lastComplete = lastCompleteMonth(asAt).end;
  return monthsBetween(addMonths(periodContaining(lastComplete, 'month').start, -(months - 1)), lastComplete);
}

/** Each indicator's tables (SQL names) and whether it reads the clock, worked out once. */
const READS = new Map(INDICATORS.map((def) => [def.id, { tables: tablesRead(def), clock: readsClock(def) }]));

/**
 * Recomputes and keeps indicators' monthly values for the `months` complete months before `asAt`: every indicator,
 * or with `tables` only those that read one of them (SQL names: the tables an import changed) and those whose kept
 * values are out of date (see above). An empty `tables` recomputes only what is out of date.
 */
export async function refreshMonthlyValues(
  db: Tx,
  authorityId: number,
  asAt: string,
  options: {
    months?: number;
    tables?: Iterable<string>;
    onIndicator?: (done: number, total: number) => void;
    /**
     * Compute each indicator in the transaction that keeps its values, so that no change committed by others can
     * fall between the two, and let other work in between indicators (a refresh that runs while people work:
     * `refreshInBackground`).
     */
    atomic?: boolean;
  } = {},
): Promise<RefreshResult> {
  const started = performance.now();
  const periods = completeMonths(asAt, options.months ?? 72);
  const chosen = options.tables === undefined ? INDICATORS : await touched(db, authorityId, periods, options.tables);
  let values = 0;
  let done = 0;
  await ensureWorkingDayCalendar(db);
  if (options.atomic) {
    for (const def of chosen) {
      // PGlite runs a query on this thread and answers through promises alone: without a turn of the event loop
      // between indicators, requests that arrive meanwhile would wait for the whole refresh.
      await new Promise((resolve) => setImmediate(resolve));
      values += await keepMonthlyValues(db, authorityId, def, (tx) => computeIndicator(tx, def, authorityId, periods));
      options.onIndicator?.(++done, chosen.length);
    }
  } else {
    // A few indicators computed at once (on PostgreSQL each query has a connection of the pool and a core of the
    // server; PGlite and a transaction run them one after another anyway), each kept as soon as it is computed, one
    // write after another. After a failure no indicator is started, and the refresh fails once every worker has
    // stopped.
    let next = 0;
    let failed = false;
    let writes: Promise<void> = Promise.resolve();
    const worker = async (): Promise<void> => {
      try {
        for (let def = chosen[next++]; def !== undefined && !failed; def = chosen[next++]) {
          const computed = await computeIndicator(db, def, authorityId, periods);
          const keep = def;
          writes = writes.then(async () => {
            values += await keepMonthlyValues(db, authorityId, keep, computed);
            options.onIndicator?.(++done, chosen.length);
          });
          await writes;
        }
      } catch (error) {
        failed = true;
        throw error;
      }
    };
    const settled = await Promise.allSettled(
      Array.from({ length: Math.min(CONCURRENT_INDICATORS, chosen.length) }, worker),
    );
    const failure = settled.find((r) => r.status === 'rejected');
    if (failure) throw failure.reason;
  }
  return {
    indicators: chosen.length,
    recomputed: chosen.map((d) => d.id),
    months: periods.length,
    values,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Refreshes running in the background in this process, by authority (`refreshInBackground`). */
const background = new Map<number, Promise<unknown>>();

/**
 * Keeps every indicator's monthly values in the background, while the app already answers (a demo's first start:
 * src/app/demo/bootstrap.ts). Each indicator is computed and kept in one transaction (`atomic`). Until it ends, the
 * kept values are incomplete: readers that would show a missing month as a gap wait for it (`keptValuesSettled`);
 * the indicator pages compute any month not kept, as they always have.
 */
export function refreshInBackground(
  db: Tx,
  authorityId: number,
  asAt: string,
  options: { onIndicator?: (done: number, total: number) => void } = {},
): Promise<RefreshResult> {
  const work = refreshMonthlyValues(db, authorityId, asAt, { ...options, atomic: true });
  const settled = work.then(
    () => undefined,
    () => undefined,
  );
  background.set(authorityId, settled);
  void settled.then(() => {
    if (background.get(authorityId) === settled) background.delete(authorityId);
  });
  return work;
}

/**
 * Resolves once no background refresh of the authority's kept values is running in this process. Inside a
 * transaction it does not wait: on PGlite the refresh needs the one connection the transaction holds.
 */
export async function keptValuesSettled(db: Tx, authorityId: number): Promise<void> {
  const running = background.get(authorityId);
  if (running && !(db instanceof PgTransaction)) await running;
}

/**
 * After a change made in Lantern itself rather than by an import (an audit moderated or reopened): recomputes the
 * indicators that read `tables` (and any out of date), if the authority keeps monthly values at all. With none kept
 * there is nothing to correct: pages compute the months they show.
 */
export async function refreshKeptValues(
  db: Tx,
  authorityId: number,
  asAt: string,
  tables: Iterable<string>,
): Promise<RefreshResult | null> {
  const [any] = await db
    .select({ one: sql<number>`1` })
    .from(indicatorValues)
    .where(eq(indicatorValues.authorityId, authorityId))
    .limit(1);
  return any ? refreshMonthlyValues(db, authorityId, asAt, { tables }) : null;
}

/** The indicators that read one of `tables`, or whose kept values are out of date, in the registry's order. */
async function touched(
  db: Tx,
  authorityId: number,
  periods: readonly Period[],
  tables: Iterable<string>,
): Promise<IndicatorDefinition[]> {
  const changed = new Set(tables);
  const kept = await keptMonths(db, authorityId);
  const first = periods[0]?.end ?? null;
  const last = periods[periods.length - 1]?.end ?? null;
  return INDICATORS.filter((def) => {
    const reads = READS.get(def.id);
    if (!reads || reads.tables.some((t) => changed.has(t))) return true;
    const k = kept.get(def.id);
    if (!k) return periods.length > 0;
    return k.months !== periods.length || k.first !== first || k.last !== last || (reads.clock && !k.today);
  });
}

/**
 * For each indicator with kept monthly values: how many months, the first and last month ends, and whether all were
 * computed today (by the database's clock, the one an indicator's SQL reads).
 */
async function keptMonths(
  db: Tx,
  authorityId: number,
): Promise<Map<string, { months: number; first: string; last: string; today: boolean }>> {
  const kept = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      months: sql<number>`count(*)::int`,
      first: sql<string>`min(${indicatorValues.periodEnd})::text`,
      last: sql<string>`max(${indicatorValues.periodEnd})::text`,
      today: sql<boolean>`min(${indicatorValues.computedAt}) >= current_date`,
    })
    .from(indicatorValues)
    .where(and(eq(indicatorValues.authorityId, authorityId), eq(indicatorValues.periodKind, 'month')))
    .groupBy(indicatorValues.indicatorId);
  return new Map(kept.map((k) => [k.indicatorId, { ...k, months: Number(k.months) }]));
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
