/**
 * The monthly performance pack, "Performance Matters" (issue 7): for a chosen calendar month, by service area, each
 * indicator's value, RAG, previous month, benchmarks, 12-month trend chart and the commentary written beside it;
 * an executive summary of the indicators that moved most and those off target. The layout is
 * performance-pack/document.ts (pure); this module reads the data the performance pages read — indicatorResults
 * (src/features/indicators/results.ts: kept monthly values, the authority's targets, benchmarks) and
 * latestCommentary (commentary.ts) for the same period — so the pack's figures are the pages' figures.
 *
 * Period: a month as YYYY-MM (the calendar month; the pages' "month" as at its last day), or latest (the last
 * complete month). A month not yet complete on `today` is refused.
 */
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { authorities } from '../../../db/schema/index';
import { ValidationError } from '../../../core/errors';
import { latestCommentary } from '../../indicators/commentary';
import { lastCompleteMonth, periodLabel, periodsEnding } from '../../indicators/periods';
import { INDICATORS } from '../../indicators/registry';
import { indicatorResults } from '../../indicators/results';
import type { ReportKind } from '../kind';
import { monthPeriod, packDocument, TREND_MONTHS, type PackData } from './performance-pack/document';

const PERIOD_HELP = 'a month as YYYY-MM (for example 2026-10), or latest (the last complete month)';

/** Resolves the --period to a complete month (YYYY-MM), or refuses it with a message naming --period. */
export function packMonth(period: string, today: string): string {
  const latest = lastCompleteMonth(today).start.slice(0, 7);
  if (period === 'latest') return latest;
  const m = /^(\d{4})-(\d{2})$/.exec(period.trim());
  const month = m ? Number(m[2]) : 0;
  if (!m || month < 1 || month > 12) {
    throw new ValidationError([
      { field: '--period', message: `Give a month as YYYY-MM (for example ${latest}) or latest, not "${period}"` },
    ]);
  }
  const value = `${m[1]}-${m[2]}`;
  if (value > latest) {
    throw new ValidationError([
      {
        field: '--period',
        message: `${periodLabel(monthPeriod(value))} is not complete yet: the latest complete month is ${latest} (${periodLabel(monthPeriod(latest))})`,
      },
    ]);
  }
  return value;
}

export async function loadPackData(db: Tx, authorityId: number, period: string, today: string): Promise<PackData> {
  const month = packMonth(period, today);
  const p = monthPeriod(month);
  const [[authority], results, commentary] = await Promise.all([
    db.select({ name: authorities.name }).from(authorities).where(eq(authorities.id, authorityId)).limit(1),
    indicatorResults(db, authorityId, INDICATORS, p, today, { trendLength: TREND_MONTHS }),
    latestCommentary(
      db,
      authorityId,
      INDICATORS.map((d) => d.id),
      p,
    ),
  ]);
  return { authorityName: authority?.name ?? 'Unknown authority', month, results, commentary };
}

export const performancePack: ReportKind = {
  key: 'performance-pack',
  title: 'Monthly performance pack',
  describe:
    '“Performance Matters”: for a month, by service area: each indicator’s value, RAG, previous month, benchmarks, 12-month trend and commentary; an executive summary of the indicators that moved most and those off target.',
  periodHelp: PERIOD_HELP,
  async periods(_db, _authorityId, today) {
    return periodsEnding(lastCompleteMonth(today).end, 'month', 12)
      .reverse()
      .map((p) => ({ value: p.start.slice(0, 7), label: periodLabel(p) }));
  },
  async build(db, authorityId, options) {
    const data = await loadPackData(db, authorityId, options.period, options.today);
    return packDocument(data, options.audience, options.today);
  },
};
