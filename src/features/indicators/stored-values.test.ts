import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { indicatorValues } from '../../db/schema/index';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority, buildChild, buildReferral } from '../../../test/support/builders';
import { indicatorById, INDICATORS } from './registry';
import { valuesFor } from './results';
import { completeMonths, lastRefreshed, refreshInBackground, refreshMonthlyValues } from './stored-values';

describeEachEngine('kept monthly values', (ctx) => {
  let la: { id: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const child = await buildChild(db, { authorityId: la.id });
    // Referrals on 10 January, 10 February and 10 March 2026: February's and March's are re-referrals.
    for (const d of ['2026-01-10', '2026-02-10', '2026-03-10']) await buildReferral(db, child, { referralDate: d });
  });

  it('keeps the complete months before the as-at month: 3 months to 15 April 2026 are January to March', async () => {
    assert.deepEqual(
      completeMonths('2026-04-15', 3).map((p) => p.end),
      ['2026-01-31', '2026-02-28', '2026-03-31'],
    );
    const db = ctx.database.db;
    assert.equal(await lastRefreshed(db, la.id), null);
    const r = await refreshMonthlyValues(db, la.id, '2026-04-15', { months: 3 });
    assert.equal(r.values, INDICATORS.length * 3);
    assert.notEqual(await lastRefreshed(db, la.id), null);
    const kept = await db
      .select()
      .from(indicatorValues)
      .where(and(eq(indicatorValues.authorityId, la.id), eq(indicatorValues.indicatorId, 'rereferrals-12-months')))
      .orderBy(indicatorValues.periodEnd);
    // January: 1 referral, no earlier one (0%); February and March: 1 of 1 (100%).
    assert.deepEqual(
      kept.map((k) => [k.periodEnd, k.numerator, k.denominator, k.value]),
      [
        ['2026-01-31', 0, 1, 0],
        ['2026-02-28', 1, 1, 100],
        ['2026-03-31', 1, 1, 100],
      ],
    );
  });

  it('reads kept values for complete months, and computes anything else', async () => {
    const db = ctx.database.db;
    const def = indicatorById('rereferrals-12-months');
    if (!def) throw new Error('no indicator');
    // Mark March's kept value so that reading it (not recomputing it) shows.
    await db
      .update(indicatorValues)
      .set({ value: 42 })
      .where(
        and(
          eq(indicatorValues.authorityId, la.id),
          eq(indicatorValues.indicatorId, def.id),
          eq(indicatorValues.periodEnd, '2026-03-31'),
        ),
      );
    const months = completeMonths('2026-04-15', 3);
    const kept = await valuesFor(db, la.id, [def], months, '2026-04-15');
    assert.deepEqual(
      kept.get(def.id)?.map((v) => v.value),
      [0, 100, 42],
    );
    // A quarter is never kept: computed from the data (Q4 2025/26: 2 of 3 referrals are re-referrals = 66.7%).
    const quarter = await valuesFor(
      db,
      la.id,
      [def],
      [{ kind: 'quarter', start: '2026-01-01', end: '2026-03-31' }],
      '2026-04-15',
    );
    assert.deepEqual(
      quarter.get(def.id)?.map((v) => v.value),
      [66.7],
    );
    // A month completed since the last refresh (not kept) is computed on its own; the kept months are still read:
    // January to April 2026 as at 15 May, with April not kept (no referrals in April: no value).
    const withApril = completeMonths('2026-05-15', 4);
    const mixed = await valuesFor(db, la.id, [def], withApril, '2026-05-15');
    assert.deepEqual(
      mixed.get(def.id)?.map((v) => [v.period.end, v.value]),
      [
        ['2026-01-31', 0],
        ['2026-02-28', 100],
        ['2026-03-31', 42],
        ['2026-04-30', null],
      ],
    );
    // Refreshing again replaces the kept values (no duplicates, the marked value recomputed).
    await refreshMonthlyValues(db, la.id, '2026-04-15', { months: 3 });
    const again = await valuesFor(db, la.id, [def], months, '2026-04-15');
    assert.deepEqual(
      again.get(def.id)?.map((v) => v.value),
      [0, 100, 100],
    );
  });

  it('recomputes only the indicators that read a changed table, and any whose kept values are out of date', async () => {
    const db = ctx.database.db;
    const asAt = '2026-04-15';
    await refreshMonthlyValues(db, la.id, asAt, { months: 3 });
    // Nothing changed, every value kept for these months today: nothing to do.
    const none = await refreshMonthlyValues(db, la.id, asAt, { months: 3, tables: [] });
    assert.deepEqual([none.indicators, none.values], [0, 0]);
    // cin_episodes changed: the four indicators whose SQL names it (by reading areas/front-door.ts and
    // areas/assessment-protection.ts: referrals, referrals NFA, re-referrals, and assessments timed from the referral).
    const referrals = await refreshMonthlyValues(db, la.id, asAt, { months: 3, tables: ['cin_episodes'] });
    assert.deepEqual(referrals.recomputed, [
      'referrals-per-10k',
      'referrals-nfa',
      'rereferrals-12-months',
      'assessments-45-working-days-from-referral',
    ]);
    assert.equal(referrals.values, 4 * 3);
    // Values computed before today: only the indicators whose SQL reads the clock are out of date (the two initial
    // health assessment measures, whose "not yet due" is today's date: areas/children-in-care.ts).
    await db.update(indicatorValues).set({ computedAt: new Date('2000-01-01T12:00:00Z') });
    const clock = await refreshMonthlyValues(db, la.id, asAt, { months: 3, tables: [] });
    assert.deepEqual(clock.recomputed, ['cla-iha-20-working-days', 'cla-iha-28-days']);
    // A month has ended since (as at 15 May the months wanted are February to April): every indicator again.
    const later = await refreshMonthlyValues(db, la.id, '2026-05-15', { months: 3, tables: [] });
    assert.equal(later.indicators, INDICATORS.length);
    // So does an indicator with no kept values at all.
    await db
      .delete(indicatorValues)
      .where(and(eq(indicatorValues.authorityId, la.id), eq(indicatorValues.indicatorId, 'contacts-per-10k')));
    const missing = await refreshMonthlyValues(db, la.id, '2026-05-15', { months: 3, tables: [] });
    assert.deepEqual(missing.recomputed, ['contacts-per-10k']);
  });

  it('keeps in the background what a refresh keeps, and readers of kept values wait for it', async () => {
    const db = ctx.database.db;
    const lb = await buildAuthority(db);
    const child = await buildChild(db, { authorityId: lb.id });
    for (const d of ['2026-01-10', '2026-02-10', '2026-03-10']) await buildReferral(db, child, { referralDate: d });
    const def = indicatorById('rereferrals-12-months');
    if (!def) throw new Error('no indicator');
    const kept = async () =>
      (await db.select().from(indicatorValues).where(eq(indicatorValues.authorityId, lb.id)))
        .map((k) => `${k.indicatorId} ${k.periodEnd} ${k.numerator} ${String(k.denominator)} ${String(k.value)}`)
        .sort();

    const work = refreshInBackground(db, lb.id, '2026-04-15');
    // Read at once: valuesFor waits for the refresh, so every indicator's 72 months are kept when it answers.
    const values = await valuesFor(db, lb.id, [def], completeMonths('2026-04-15', 3), '2026-04-15');
    assert.equal((await kept()).length, INDICATORS.length * 72);
    // As in the first test: January 0 of 1 referrals is a re-referral (0%), February and March 1 of 1 (100%).
    assert.deepEqual(
      values.get(def.id)?.map((v) => v.value),
      [0, 100, 100],
    );
    assert.equal((await work).values, INDICATORS.length * 72);
    // The same values as a refresh that computes each indicator before its transaction.
    const inBackground = await kept();
    await refreshMonthlyValues(db, lb.id, '2026-04-15');
    assert.deepEqual(await kept(), inBackground);
  });
});
