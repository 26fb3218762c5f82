import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildClaReview,
  buildDentalCheck,
  buildHealthAssessment,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  type ChildRef,
} from '../../../../test/support/builders';
import { FY2025, indicatorItems, indicatorValue } from '../../../../test/support/indicators';
import type { Tx } from '../../../db/client';

async function inCare(
  db: Tx,
  child: ChildRef,
  start: string,
  end: string | null,
  opts: { ls?: string; continuedFrom?: string } = {},
) {
  const poc = await buildPeriodOfCare(db, child, {
    startDate: start,
    endDate: end,
    continuedFrom: opts.continuedFrom ?? null,
  });
  await buildLegalStatus(db, child, {
    periodOfCareId: poc.id,
    legalStatus: opts.ls ?? 'C2',
    startDate: start,
    endDate: end,
  });
  return poc;
}

describeEachEngine('children in care: long-term stability', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    // At 31 March 2026: in care 2½ years means since 30 September 2023 or earlier; 2 years in a placement means
    // since 31 March 2024 or earlier. Children are born 15 June 2012 (13) unless said.
    const child = async (name: string, dateOfBirth = '2012-06-15') => {
      const c = await buildChild(db, { authorityId: la.id, dateOfBirth });
      ids[name] = c.id;
      return c;
    };
    const place = async (c: ChildRef, pocId: number, startDate: string, endDate: string | null, placementType = 'U4') =>
      buildPlacement(db, c, { periodOfCareId: pocId, startDate, endDate, placementType });

    // s1: in care exactly 2½ years, in the placement exactly 2 years → counted, stable.
    const s1 = await child('s1');
    const p1 = await inCare(db, s1, '2023-09-30', null);
    await place(s1, p1.id, '2023-09-30', '2024-03-31');
    await place(s1, p1.id, '2024-03-31', null);
    // s2: in care a day short of 2½ years → not counted.
    const s2 = await child('s2');
    const p2 = await inCare(db, s2, '2023-10-01', null);
    await place(s2, p2.id, '2023-10-01', null);
    // s3: in the placement a day short of 2 years → counted, not stable.
    const s3 = await child('s3');
    const p3 = await inCare(db, s3, '2020-01-01', null);
    await place(s3, p3.id, '2020-01-01', '2024-04-01');
    await place(s3, p3.id, '2024-04-01', null);
    // s4: 16 on 31 March 2026 → not counted. s5: 15 (16 on 1 April 2026) → counted, stable.
    const s4 = await child('s4', '2010-03-31');
    const p4 = await inCare(db, s4, '2020-01-01', null);
    await place(s4, p4.id, '2020-01-01', null);
    const s5 = await child('s5', '2010-04-01');
    const p5 = await inCare(db, s5, '2020-01-01', null);
    await place(s5, p5.id, '2020-01-01', null);
    // s6: placed for adoption (A5) in January 2025 after a placement from 2021: together over 2 years → stable.
    const s6 = await child('s6');
    const p6 = await inCare(db, s6, '2021-01-01', null);
    await place(s6, p6.id, '2021-01-01', '2025-01-10');
    await place(s6, p6.id, '2025-01-10', null, 'A5');
    // s7: placed for adoption (A6) after a placement from 1 June 2024: together under 2 years → not stable.
    const s7 = await child('s7');
    const p7 = await inCare(db, s7, '2021-01-01', null);
    await place(s7, p7.id, '2021-01-01', '2024-06-01');
    await place(s7, p7.id, '2024-06-01', '2025-06-01');
    await place(s7, p7.id, '2025-06-01', null, 'A6');
    // s8: short breaks only → not counted.
    const s8 = await child('s8');
    const p8 = await inCare(db, s8, '2020-01-01', null, { ls: 'V4' });
    await place(s8, p8.id, '2020-01-01', null);
  });

  it('long-term stability at 31 March 2026: s1, s5, s6 of s1, s3, s5, s6, s7 = 3 of 5 = 60%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-long-term-stability', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 5, 60]);
    const items = await indicatorItems(db, 'cla-long-term-stability', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, i.numerator]));
    assert.deepEqual(
      ['s1', 's3', 's5', 's6', 's7'].map((n) => byChild.get(ids[n] as number)),
      [1, 0, 1, 1, 0],
    );
    assert.equal(
      byChild.has(ids.s2 as number) || byChild.has(ids.s4 as number) || byChild.has(ids.s8 as number),
      false,
    );
  });
});

describeEachEngine('children in care: reviews in timescale', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };
    const review = (c: ChildRef, pocId: number, reviewDate: string) =>
      buildClaReview(db, c, { periodOfCareId: pocId, reviewDate });

    // Entering care on Monday 2 June 2025: the first review is due on the 20th working day, Monday 30 June.
    // r1: 30 June (on time, the last day), 30 September (due 30 June + 3 months = 30 September: on time),
    // 31 March 2026 (due 30 September + 6 months = 30 March: a day late).
    const r1 = await child('r1');
    const p1 = await inCare(db, r1, '2025-06-02', null);
    await review(r1, p1.id, '2025-06-30');
    await review(r1, p1.id, '2025-09-30');
    await review(r1, p1.id, '2026-03-31');
    // r2: first review 1 July 2025, a day late.
    const r2 = await child('r2');
    const p2 = await inCare(db, r2, '2025-06-02', null);
    await review(r2, p2.id, '2025-07-01');
    // r3: a period of care held only from 1 April 2025 (began earlier): its first review held is not counted; the
    // next, 1 November 2025, is due 6 months after 1 May: on time.
    const r3 = await child('r3');
    const p3 = await inCare(db, r3, '2025-04-01', null, { continuedFrom: 'P' });
    await review(r3, p3.id, '2025-05-01');
    await review(r3, p3.id, '2025-11-01');
    // r4: reviews of 20 December 2024 and 20 March 2025 before the year, then 20 September 2025: due 6 months
    // after 20 March, on the day → on time.
    const r4 = await child('r4');
    const p4 = await inCare(db, r4, '2024-12-02', null);
    await review(r4, p4.id, '2024-12-20');
    await review(r4, p4.id, '2025-03-20');
    await review(r4, p4.id, '2025-09-20');
    // r5: short breaks only, a late review → not counted.
    const r5 = await child('r5');
    const p5 = await inCare(db, r5, '2025-06-02', null, { ls: 'V3' });
    await review(r5, p5.id, '2025-09-01');
  });

  it('reviews in 2025/26: r1 2 of 3, r2 0 of 1, r3 1 of 1, r4 1 of 1 = 4 of 6 = 66.7%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-reviews-in-timescale', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 6, 66.7]);
    const items = await indicatorItems(db, 'cla-reviews-in-timescale', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(ids.r1 as number), [2, 3]);
    assert.deepEqual(byChild.get(ids.r2 as number), [0, 1]);
    assert.deepEqual(byChild.get(ids.r3 as number), [1, 1]);
    assert.deepEqual(byChild.get(ids.r4 as number), [1, 1]);
    assert.equal(byChild.has(ids.r5 as number), false);
    const r2 = items.find((i) => i.subjectId === ids.r2);
    assert.equal(r2?.detail, 'Review 2025-07-01, due 2025-06-30');
  });
});

describeEachEngine('children in care: initial health assessments', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };
    const iha = (c: ChildRef, assessmentDate: string) =>
      buildHealthAssessment(db, c, { kind: 'initial', assessmentDate });

    // Entering care on Monday 2 June 2025: 20 working days → 30 June; 28 days → 30 June.
    // i1: IHA 30 June → on time for both. i2: 1 July → late for both.
    const i1 = await child('i1');
    await inCare(db, i1, '2025-06-02', null);
    await iha(i1, '2025-06-30');
    const i2 = await child('i2');
    await inCare(db, i2, '2025-06-02', null);
    await iha(i2, '2025-07-01');
    // i8: entering care on Monday 4 August 2025: 20 working days (with the 25 August bank holiday) → Tuesday
    // 2 September; 28 days → Monday 1 September. IHA on 2 September: on time for 20 working days, late for 28 days.
    const i8 = await child('i8');
    await inCare(db, i8, '2025-08-04', null);
    await iha(i8, '2025-09-02');
    await buildHealthAssessment(db, i8, { kind: 'review', assessmentDate: '2025-08-10' });
    // Entering care on Monday 7 July 2025 (due 4 August / 4 August): i3 left on 20 July with no IHA → not counted;
    // i4 left on 20 July after an IHA on 15 July → on time; i5 still in care, no IHA → late.
    const i3 = await child('i3');
    await inCare(db, i3, '2025-07-07', '2025-07-20');
    const i4 = await child('i4');
    await inCare(db, i4, '2025-07-07', '2025-07-20');
    await iha(i4, '2025-07-15');
    const i5 = await child('i5');
    await inCare(db, i5, '2025-07-07', null);
    // i6: period of care held only from 1 May 2025 (began earlier) → not an entry. i7: short breaks → not counted.
    const i6 = await child('i6');
    await inCare(db, i6, '2025-05-01', null, { continuedFrom: 'L' });
    const i7 = await child('i7');
    await inCare(db, i7, '2025-06-02', null, { ls: 'V3' });
  });

  it('IHAs within 20 working days in 2025/26: i1, i8, i4 of i1, i2, i8, i4, i5 = 3 of 5 = 60%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-iha-20-working-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 5, 60]);
    const items = await indicatorItems(db, 'cla-iha-20-working-days', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, i.numerator]));
    assert.deepEqual(
      ['i1', 'i2', 'i8', 'i4', 'i5'].map((n) => byChild.get(ids[n] as number)),
      [1, 0, 1, 1, 0],
    );
    assert.equal(
      items.find((i) => i.subjectId === ids.i8)?.detail,
      'Entered care 2025-08-04, due 2025-09-02, held 2025-09-02',
    );
  });

  it('IHAs within 28 days in 2025/26: i1, i4 of the same 5 = 40% (i8, a day past 28 days, is late)', async () => {
    const v = await indicatorValue(ctx.database.db, 'cla-iha-28-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 5, 40]);
  });
});

describeEachEngine('children in care: health and dental checks up to date', (ctx) => {
  let la: { id: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    // At 31 March 2026: in care 12 months or more means since 31 March 2025 or earlier; the 6 months run from
    // 1 October 2025, the 12 months from 1 April 2025.
    // h1: 4 years old, in care exactly 12 months; health assessment 1 October 2025 (first day of 6 months) → yes;
    // dental check 1 April 2025 (first day of 12 months) → yes.
    const h1 = await buildChild(db, { authorityId: la.id, dateOfBirth: '2022-01-01' });
    await inCare(db, h1, '2025-03-31', null);
    await buildHealthAssessment(db, h1, { kind: 'review', assessmentDate: '2025-10-01' });
    await buildDentalCheck(db, h1, { checkDate: '2025-04-01' });
    // h2: 4 years old; health assessment 30 September 2025 (a day before the 6 months) → no; dental 31 March 2025 → no.
    const h2 = await buildChild(db, { authorityId: la.id, dateOfBirth: '2022-01-01' });
    await inCare(db, h2, '2024-01-01', null);
    await buildHealthAssessment(db, h2, { kind: 'review', assessmentDate: '2025-09-30' });
    await buildDentalCheck(db, h2, { checkDate: '2025-03-31' });
    // h3: 11 years old; health assessment 1 April 2025 (within 12 months) → yes; no dental check → no.
    const h3 = await buildChild(db, { authorityId: la.id, dateOfBirth: '2015-01-01' });
    await inCare(db, h3, '2024-01-01', null);
    await buildHealthAssessment(db, h3, { kind: 'review', assessmentDate: '2025-04-01' });
    // h4: in care a day short of 12 months → not counted.
    const h4 = await buildChild(db, { authorityId: la.id, dateOfBirth: '2015-01-01' });
    await inCare(db, h4, '2025-04-01', null);
    // h5: 5 on 31 March 2026 → 12 months apply; health assessment 1 May 2025 → yes; dental 31 March 2026 → yes.
    const h5 = await buildChild(db, { authorityId: la.id, dateOfBirth: '2021-03-31' });
    await inCare(db, h5, '2023-01-01', null);
    await buildHealthAssessment(db, h5, { kind: 'review', assessmentDate: '2025-05-01' });
    await buildDentalCheck(db, h5, { checkDate: '2026-03-31' });
  });

  it('health assessments up to date at 31 March 2026: h1, h3, h5 of h1, h2, h3, h5 = 75%', async () => {
    const v = await indicatorValue(ctx.database.db, 'cla-health-checks-up-to-date', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 4, 75]);
  });

  it('dental checks up to date at 31 March 2026: h1, h5 of 4 = 50%', async () => {
    const v = await indicatorValue(ctx.database.db, 'cla-dental-checks-up-to-date', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
  });
});
