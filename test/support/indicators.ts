/**
 * For indicator tests: the value of one indicator for one period, and the subjects behind it, computed by the
 * real engine on the test database; and a child population to divide rates by.
 *
 *   const v = await indicatorValue(db, 'rereferrals-12-months', la.id, { kind: 'year', start: '2025-04-01', end: '2026-03-31' });
 *   assert.equal(v.value, 33.3);
 */
import type { Tx } from '../../src/db/client';
import { childPopulation } from '../../src/db/schema/index';
import { computeIndicator, drillDown, type DrillDownRow, type PeriodValue } from '../../src/features/indicators/engine';
import type { Period } from '../../src/features/indicators/periods';
import { indicatorById } from '../../src/features/indicators/registry';

function definition(id: string) {
  const def = indicatorById(id);
  if (!def) throw new Error(`No indicator ${id}`);
  return def;
}

export async function indicatorValue(db: Tx, id: string, authorityId: number, period: Period): Promise<PeriodValue> {
  const [v] = await computeIndicator(db, definition(id), authorityId, [period]);
  if (!v) throw new Error('no value');
  return v;
}

/** The subject ids behind a period's value, with their numerators and denominators. */
export async function indicatorItems(db: Tx, id: string, authorityId: number, period: Period): Promise<DrillDownRow[]> {
  return drillDown(db, definition(id), authorityId, period);
}

/**
 * A child population for one mid-year: `perAge` children of each single year of age 0–17, all one sex and
 * group, so the total is 18 × perAge (for example perAge 1,000 gives 18,000).
 */
export async function buildPopulation(db: Tx, authorityId: number, year: number, perAge: number): Promise<number> {
  await db.insert(childPopulation).values(
    Array.from({ length: 18 }, (_, age) => ({
      authorityId,
      year,
      age,
      sex: 'F',
      ethnicGroup: 'White',
      count: perAge,
    })),
  );
  return 18 * perAge;
}

export const FY2025: Period = { kind: 'year', start: '2025-04-01', end: '2026-03-31' };
export const MARCH_2026: Period = { kind: 'month', start: '2026-03-01', end: '2026-03-31' };
