import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildCinPlan,
  buildCpPlan,
  buildCpReview,
  buildReferral,
  buildVisit,
} from '../../../../test/support/builders';
import {
  buildPopulation,
  FY2025,
  indicatorItems,
  indicatorValue,
  MARCH_2026,
} from '../../../../test/support/indicators';

const FEBRUARY_2026 = { kind: 'month', start: '2026-02-01', end: '2026-02-28' } as const;

// Both FY2025 and March 2026 end on Tuesday 31 March 2026: the snapshot date for plans and visits.
describeEachEngine('assessment and protection indicators: CP plans, reviews, visits and CIN plans', (ctx) => {
  // One authority per group of indicators, so that one group's rows cannot change another's figures.
  let snapshotLa: { id: number };
  let endedLa: { id: number };
  let subsequentLa: { id: number };
  let reviewLa: { id: number };
  let visitLa: { id: number };
  let cinLa: { id: number };
  const kids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    snapshotLa = await buildAuthority(db);
    endedLa = await buildAuthority(db);
    subsequentLa = await buildAuthority(db);
    reviewLa = await buildAuthority(db);
    visitLa = await buildAuthority(db);
    cinLa = await buildAuthority(db);
    // A child with one CIN episode; returns the child and the episode id.
    const child = async (name: string, la: { id: number }) => {
      const c = await buildChild(db, { authorityId: la.id });
      kids[name] = c.id;
      const ep = await buildReferral(db, c, { referralDate: '2019-01-02' });
      return { c, ep: ep.id };
    };
    const plan = async (
      name: string,
      la: { id: number },
      startDate: string,
      endDate: string | null,
      numberOfPreviousPlans = 0,
    ) => {
      const { c, ep } = await child(name, la);
      return { c, ep, plan: await buildCpPlan(db, c, { cinEpisodeId: ep, startDate, endDate, numberOfPreviousPlans }) };
    };

    // ——— open at 31 March 2026 (population 9,000) ———
    await buildPopulation(db, snapshotLa.id, 2025, 500);
    await plan('p1', snapshotLa, '2024-03-31', null); // open exactly 2 years
    await plan('p2', snapshotLa, '2024-04-01', null); // a day short of 2 years
    await plan('p3', snapshotLa, '2025-06-01', '2026-03-31'); // ends on the snapshot day: not open at its end (DfE's 31 March convention)
    await plan('p4', snapshotLa, '2025-01-10', '2026-03-30'); // ended the day before: not open

    // ——— ending in 2025/26 ———
    await plan('e1', endedLa, '2025-01-10', '2026-03-30'); // about 14 months
    await plan('e2', endedLa, '2023-05-10', '2025-05-10'); // exactly 2 years: counts
    await plan('e3', endedLa, '2023-05-11', '2025-05-10'); // a day short of 2 years
    await plan('e4', endedLa, '2025-06-01', '2026-03-31'); // ends on the year's last day, 10 months
    await plan('e5', endedLa, '2022-01-01', '2025-03-31'); // ended the day before the year: not counted

    // ——— starting in 2025/26: first or subsequent ———
    await plan('q1', subsequentLa, '2025-04-01', null); // a first plan
    const q2 = await plan('q2', subsequentLa, '2020-01-01', '2021-01-01');
    await buildCpPlan(db, q2.c, { cinEpisodeId: q2.ep, startDate: '2025-09-01' }); // earlier plan in Lantern, previous plans recorded as 0: subsequent
    await plan('q3', subsequentLa, '2025-10-01', null, 1); // one previous plan elsewhere: subsequent
    await plan('q4', subsequentLa, '2026-04-01', null, 2); // starts after the year
    const q5 = await plan('q5', subsequentLa, '2025-05-01', '2025-08-01'); // first
    await buildCpPlan(db, q5.c, { cinEpisodeId: q5.ep, startDate: '2026-03-31' }); // second, on the year's last day: subsequent

    // ——— review conferences ———
    const reviews = async (name: string, startDate: string, dates: string[]) => {
      const { plan: p, c } = await plan(name, reviewLa, startDate, null);
      for (const reviewDate of dates) await buildCpReview(db, c, { cpPlanId: p.id, reviewDate });
    };
    await reviews('r1', '2025-01-15', ['2025-04-15', '2025-10-15']); // exactly 3 months, then exactly 6: both in time
    await reviews('r2', '2025-05-10', ['2025-08-11', '2026-02-10']); // a day late (due 10 Aug); the next is due 6 months after the late one (11 Feb): in time
    await reviews('r3', '2025-11-30', ['2026-03-01']); // due 28 February 2026 (no 30 February): late
    await reviews('r4', '2024-10-01', ['2025-01-01', '2025-07-01', '2026-01-02']); // before the year; in time; due 1 January, a day late

    // ——— CP visits: 17 March 2026 is exactly 10 working days before Tuesday 31 March, 16 March is 11 ———
    const visited = async (
      name: string,
      startDate: string,
      endDate: string | null,
      visits: Array<{ visitDate: string; seen?: boolean; seenAlone?: boolean | null; kind?: string }>,
    ) => {
      const { c } = await plan(name, visitLa, startDate, endDate);
      for (const v of visits) await buildVisit(db, c, v);
    };
    await visited('v1', '2026-01-05', null, [{ visitDate: '2026-03-17', seenAlone: true }]); // seen exactly 10 working days before, alone
    await visited('v2', '2026-01-05', null, [{ visitDate: '2026-03-16' }, { visitDate: '2026-03-25', seen: false }]); // seen 11 before; the later visit did not see the child
    await visited('v3', '2026-01-05', null, [
      { visitDate: '2026-03-20', seenAlone: true },
      { visitDate: '2026-03-31', seenAlone: false },
    ]); // seen; the latest visit not alone
    await visited('v4', '2026-03-17', null, []); // plan open exactly 10 working days, never seen: counts against
    await visited('v5', '2026-03-18', null, [{ visitDate: '2026-03-20' }]); // plan open 9 working days: not counted
    await visited('v6', '2026-01-05', null, [{ visitDate: '2026-03-30', kind: 'cin' }]); // a CIN visit, not a CP one
    await visited('v7', '2026-01-05', null, [{ visitDate: '2026-03-24', seenAlone: null }]); // seen; alone not recorded
    await visited('v8', '2025-10-01', '2026-03-20', [{ visitDate: '2026-03-19' }]); // plan ended: not counted

    // ——— CIN plans: 6 months before 31 March 2026 is 30 September 2025 ———
    const cinPlan = async (name: string, startDate: string, endDate: string | null) => {
      const { c, ep } = await child(name, cinLa);
      await buildCinPlan(db, c, { cinEpisodeId: ep, startDate, endDate });
    };
    await cinPlan('n1', '2025-09-30', null); // exactly 6 months
    await cinPlan('n2', '2025-10-01', null); // a day short
    await cinPlan('n3', '2024-01-01', '2026-03-31'); // ends on the snapshot day: not open at its end
    await cinPlan('n4', '2024-01-01', '2026-03-30'); // ended the day before
    await cinPlan('n5', '2025-01-01', null);
  });

  const byChild = async (id: string, laId: number, period = FY2025) =>
    new Map(
      (await indicatorItems(ctx.database.db, id, laId, period)).map((i) => [i.subjectId, [i.numerator, i.denominator]]),
    );

  it('CP plans per 10,000 at 31 March 2026: 2 children (not the one ending that day) over 9,000 = 2.2', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-plans-per-10k', snapshotLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 9000, 2.2]);
  });

  it('CP plans open 2 years or more at 31 March 2026: 1 (started 31 March 2024) of 2 = 50%; the one started 1 April 2024 is a day short, the one ending that day is not open', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-plans-open-2-years-plus', snapshotLa.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 2, 50]);
    const items = await byChild('cp-plans-open-2-years-plus', snapshotLa.id);
    assert.deepEqual(items.get(kids.p1 ?? 0), [1, 1]);
    assert.deepEqual(items.get(kids.p2 ?? 0), [0, 1]);
    assert.equal(items.has(kids.p4 ?? 0), false);
  });

  it('CP plans ending in 2025/26 after 2 years or more: 1 (exactly 2 years) of 4 = 25%; the plan ended 31 March 2025 not counted', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-plans-ended-2-years-plus', endedLa.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 4, 25]);
    const items = await byChild('cp-plans-ended-2-years-plus', endedLa.id);
    assert.deepEqual(items.get(kids.e2 ?? 0), [1, 1]);
    assert.deepEqual(items.get(kids.e3 ?? 0), [0, 1]);
  });

  it('second or subsequent CP plans starting in 2025/26: 3 of 5 = 60% (earlier plan in Lantern, previous plans recorded, second plan of the year)', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-plans-subsequent', subsequentLa.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 5, 60]);
    const items = await byChild('cp-plans-subsequent', subsequentLa.id);
    assert.deepEqual(items.get(kids.q1 ?? 0), [0, 1]);
    assert.deepEqual(items.get(kids.q2 ?? 0), [1, 1]);
    assert.deepEqual(items.get(kids.q3 ?? 0), [1, 1]);
    assert.equal(items.has(kids.q4 ?? 0), false);
    assert.deepEqual(items.get(kids.q5 ?? 0), [1, 2]);
  });

  it('CP reviews in timescale in 2025/26: 4 of 7 = 57.1% (3 months, 6 months, 6 months from a late review in time; a day late ×2 and 28 February late)', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-reviews-in-timescale', reviewLa.id, FY2025);
    // 4 × 100 ÷ 7 = 57.14
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 7, 57.1]);
    const items = await byChild('cp-reviews-in-timescale', reviewLa.id);
    assert.deepEqual(items.get(kids.r1 ?? 0), [2, 2]);
    assert.deepEqual(items.get(kids.r2 ?? 0), [1, 2]);
    assert.deepEqual(items.get(kids.r3 ?? 0), [0, 1]);
    assert.deepEqual(items.get(kids.r4 ?? 0), [1, 2]);
  });

  it('CP reviews in March 2026: the one review (due 28 February) is late = 0%', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-reviews-in-timescale', reviewLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [0, 1, 0]);
  });

  it('CP children seen within 10 working days at 31 March 2026: 3 of 6 = 50% (plans open under 10 working days or ended excluded)', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-visits-10-working-days', visitLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
    const items = await byChild('cp-visits-10-working-days', visitLa.id, MARCH_2026);
    assert.deepEqual(
      ['v1', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8'].map((k) => items.get(kids[k] ?? 0) ?? null),
      [[1, 1], [0, 1], [1, 1], [0, 1], null, [0, 1], [1, 1], null],
    );
  });

  it('CP children seen alone at their latest visit: 1 of the 3 seen = 33.3% (latest visit not alone; alone not recorded)', async () => {
    const v = await indicatorValue(ctx.database.db, 'cp-visits-seen-alone', visitLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 3, 33.3]);
    const items = await byChild('cp-visits-seen-alone', visitLa.id, MARCH_2026);
    assert.deepEqual(items.get(kids.v1 ?? 0), [1, 1]);
    assert.deepEqual(items.get(kids.v3 ?? 0), [0, 1]);
    assert.deepEqual(items.get(kids.v7 ?? 0), [0, 1]);
  });

  it('CIN plans open 6 months or more at 31 March 2026: 2 (exactly 6 months, 15 months; not the one ending that day); at 28 February 2026: 3 (the 30 September plan not yet, the one ended 30 March still open)', async () => {
    const db = ctx.database.db;
    const march = await indicatorValue(db, 'cin-plans-open-6-months', cinLa.id, MARCH_2026);
    assert.deepEqual([march.numerator, march.value], [2, 2]);
    const marchItems = await byChild('cin-plans-open-6-months', cinLa.id, MARCH_2026);
    assert.deepEqual(
      ['n1', 'n2', 'n3', 'n4', 'n5'].map((k) => marchItems.has(kids[k] ?? 0)),
      [true, false, false, false, true],
    );
    const february = await indicatorValue(db, 'cin-plans-open-6-months', cinLa.id, FEBRUARY_2026);
    assert.equal(february.value, 3);
    const febItems = await byChild('cin-plans-open-6-months', cinLa.id, FEBRUARY_2026);
    assert.deepEqual(
      ['n1', 'n2', 'n3', 'n4', 'n5'].map((k) => febItems.has(kids[k] ?? 0)),
      [false, false, true, true, true],
    );
  });
});
