import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildCareProceedings,
  buildChild,
  buildPeriodOfCare,
  buildPermanenceMilestone,
  buildPlacement,
  buildPreProceedings,
  type ChildRef,
} from '../../../../test/support/builders';
import { FY2025, indicatorItems, indicatorValue } from '../../../../test/support/indicators';

describeEachEngine('permanence: adoption A1, A10 and A2', (ctx) => {
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
    const place = (
      c: ChildRef,
      periodOfCareId: number,
      startDate: string,
      endDate: string | null,
      carerRef: string | null,
      placementType = 'U6',
    ) => buildPlacement(db, c, { periodOfCareId, startDate, endDate, carerRef, placementType });
    const adoption = { orderType: 'adoption' } as const;

    // For 31 March 2026, adoption orders from 1 April 2023 to 31 March 2026 count.
    // ad1: entered care 10 January 2022, placed for adoption 10 January 2023 (365 days); order 1 April 2023, the
    // first day of the 36 months. Placement order 1 October 2022, matched 1 December 2022 → 61 days.
    const ad1 = await child('ad1');
    const p1 = await buildPeriodOfCare(db, ad1, {
      startDate: '2022-01-10',
      endDate: '2023-04-01',
      reasonCeased: 'E11',
    });
    await buildPermanenceMilestone(db, ad1, {
      ...adoption,
      periodOfCareId: p1.id,
      placementOrderDate: '2022-10-01',
      matchedDate: '2022-12-01',
      placedForAdoptionDate: '2023-01-10',
      orderDate: '2023-04-01',
      adoptedByFosterCarer: false,
    });
    // ad2: entered care 1 January 2024; carer X, then carer Y from 1 March 2024 (a change of placement with Y on
    // 1 September), placed for adoption with Y on 1 October 2024 (274 days); adopted by Y, the foster carer: A10
    // stops on 1 March 2024 (60 days). Matched 15 May 2024, before the placement order of 1 June → 0 days.
    // The milestone names no period of care: the one open when placed for adoption is used.
    const ad2 = await child('ad2');
    const p2 = await buildPeriodOfCare(db, ad2, {
      startDate: '2024-01-01',
      endDate: '2025-06-01',
      reasonCeased: 'E11',
    });
    await place(ad2, p2.id, '2024-01-01', '2024-03-01', 'X');
    await place(ad2, p2.id, '2024-03-01', '2024-09-01', 'Y');
    await place(ad2, p2.id, '2024-09-01', '2024-10-01', 'Y');
    await place(ad2, p2.id, '2024-10-01', '2025-06-01', 'Y', 'A5');
    await buildPermanenceMilestone(db, ad2, {
      ...adoption,
      placementOrderDate: '2024-06-01',
      matchedDate: '2024-05-15',
      placedForAdoptionDate: '2024-10-01',
      orderDate: '2025-06-01',
      adoptedByFosterCarer: true,
    });
    // ad6: adopted by the foster carer, but no carer recorded: A10 = A1. Entered care 1 June 2023, placed for
    // adoption 1 June 2024 (366 days); order 31 March 2026, the last day. Placement order 1 January 2024, matched
    // 1 April 2024 → 91 days.
    const ad6 = await child('ad6');
    const p6 = await buildPeriodOfCare(db, ad6, {
      startDate: '2023-06-01',
      endDate: '2026-03-31',
      reasonCeased: 'E12',
    });
    await place(ad6, p6.id, '2023-06-01', '2024-06-01', null);
    await place(ad6, p6.id, '2024-06-01', '2026-03-31', null, 'A5');
    await buildPermanenceMilestone(db, ad6, {
      ...adoption,
      periodOfCareId: p6.id,
      placementOrderDate: '2024-01-01',
      matchedDate: '2024-04-01',
      placedForAdoptionDate: '2024-06-01',
      orderDate: '2026-03-31',
      adoptedByFosterCarer: true,
    });
    // ad3: order 31 March 2023, a day before the 36 months → not counted.
    const ad3 = await child('ad3');
    const p3 = await buildPeriodOfCare(db, ad3, {
      startDate: '2021-01-01',
      endDate: '2023-03-31',
      reasonCeased: 'E11',
    });
    await buildPermanenceMilestone(db, ad3, {
      ...adoption,
      periodOfCareId: p3.id,
      placementOrderDate: '2021-06-01',
      matchedDate: '2022-06-01',
      placedForAdoptionDate: '2022-07-01',
      orderDate: '2023-03-31',
    });
    // ad4: a special guardianship order → not counted.
    const ad4 = await child('ad4');
    const p4 = await buildPeriodOfCare(db, ad4, {
      startDate: '2021-01-01',
      endDate: '2025-03-31',
      reasonCeased: 'E46',
    });
    await buildPermanenceMilestone(db, ad4, {
      periodOfCareId: p4.id,
      orderType: 'sgo',
      orderDate: '2025-03-31',
      placedForAdoptionDate: '2024-01-01',
    });
    // ad5: a period of care whose start is not held (continued_from) → not counted.
    const ad5 = await child('ad5');
    const p5 = await buildPeriodOfCare(db, ad5, {
      startDate: '2025-04-01',
      endDate: '2025-09-01',
      reasonCeased: 'E11',
      continuedFrom: 'P',
    });
    await buildPermanenceMilestone(db, ad5, {
      ...adoption,
      periodOfCareId: p5.id,
      placementOrderDate: '2025-04-01',
      matchedDate: '2025-05-01',
      placedForAdoptionDate: '2025-06-01',
      orderDate: '2025-09-01',
    });
  });

  it('A1 for the 36 months to 31 March 2026: (365 + 274 + 366) ÷ 3 = 335 days', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'adoption-a1-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1005, 3, 335]);
    const items = await indicatorItems(db, 'adoption-a1-days', la.id, FY2025);
    assert.deepEqual(
      items.map((i) => [i.subjectId, i.numerator]),
      [
        [ids.ad6, 366],
        [ids.ad1, 365],
        [ids.ad2, 274],
      ],
    );
  });

  it('A10: ad2’s clock stops when she moved in with her foster carer: (365 + 60 + 366) ÷ 3 = 263.7 days', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'adoption-a10-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [791, 3, 263.7]);
    const items = await indicatorItems(db, 'adoption-a10-days', la.id, FY2025);
    assert.equal(
      items.find((i) => i.subjectId === ids.ad2)?.detail,
      'Entered care 2024-01-01, clock stopped 2024-03-01',
    );
  });

  it('A2: (61 + 0 + 91) ÷ 3 = 50.7 days (a match before the order counts 0)', async () => {
    const v = await indicatorValue(ctx.database.db, 'adoption-a2-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [152, 3, 50.7]);
  });

  it('a year with no adoptions in its 36 months has no value', async () => {
    const v = await indicatorValue(ctx.database.db, 'adoption-a1-days', la.id, {
      kind: 'year',
      start: '2019-04-01',
      end: '2020-03-31',
    });
    assert.deepEqual([v.numerator, v.denominator, v.value], [0, 0, null]);
  });
});

describeEachEngine('permanence: pre-proceedings and care proceedings', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };
    const plo = (c: ChildRef, startDate: string, endDate: string | null = null) =>
      buildPreProceedings(db, c, { startDate, endDate });
    const proceedings = (c: ChildRef, issueDate: string, endDate: string | null) =>
      buildCareProceedings(db, c, { issueDate, endDate });

    // At 31 March 2026. Kim: two open pre-proceedings, from 6 January 2026 (84 days = 12 weeks) and 3 March 2026
    // (28 days = 4 weeks). Lee: open since 20 November 2025 (131 days = 18.71 weeks). Mo: started 1 December 2025,
    // ended 31 March 2026 (120 days: over 16 weeks) → not open at the end. Ned: 1 June to 21 September 2025
    // (112 days: exactly 16 weeks). Oli: starts 1 April 2026.
    const kim = await child('kim');
    await plo(kim, '2026-01-06');
    await plo(kim, '2026-03-03');
    await plo(await child('lee'), '2025-11-20');
    await plo(await child('mo'), '2025-12-01', '2026-03-31');
    await plo(await child('ned'), '2025-06-01', '2025-09-21');
    await plo(await child('oli'), '2026-04-01');
    await plo(await buildChild(db, { authorityId: other.id }), '2026-01-01');

    // Care proceedings concluded in 2025/26: issued 1 January 2025, ended 2 July 2025 (182 days = 26 weeks, on
    // time); ended 3 July 2025 (183 days, late); issued 1 September 2025, ended 31 March 2026 (211 days, late).
    // Not counted: ended 31 March 2025; still open.
    const pa = await child('pa');
    await proceedings(pa, '2025-01-01', '2025-07-02');
    await proceedings(await child('pb'), '2025-01-01', '2025-07-03');
    await proceedings(await child('pc'), '2025-09-01', '2026-03-31');
    await proceedings(await child('pd'), '2024-10-01', '2025-03-31');
    await proceedings(await child('pe'), '2025-10-01', null);
  });

  it('children in pre-proceedings at 31 March 2026: Kim (twice, once) and Lee = 2 (not Mo, ended that day)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'plo-children', la.id, FY2025);
    assert.equal(v.value, 2);
    const items = await indicatorItems(db, 'plo-children', la.id, FY2025);
    assert.deepEqual(
      items.map((i) => i.subjectId).sort((a, b) => a - b),
      [ids.kim, ids.lee],
    );
  });

  it('average weeks in pre-proceedings at 31 March 2026: (84 + 28 + 131) days ÷ 7 ÷ 3 = 11.6 weeks', async () => {
    const v = await indicatorValue(ctx.database.db, 'plo-weeks', la.id, FY2025);
    assert.equal(v.denominator, 3);
    assert.equal(v.value, 11.6);
  });

  it('pre-proceedings ended in 2025/26 within 16 weeks: Ned (112 days) of Ned and Mo (120 days) = 50%', async () => {
    const v = await indicatorValue(ctx.database.db, 'plo-16-weeks', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 2, 50]);
  });

  it('care proceedings concluded within 26 weeks in 2025/26: 1 of 3 = 33.3%', async () => {
    const v = await indicatorValue(ctx.database.db, 'care-proceedings-26-weeks', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 3, 33.3]);
  });

  it('average weeks to conclude care proceedings in 2025/26: (182 + 183 + 211) ÷ 7 ÷ 3 = 27.4 weeks', async () => {
    const v = await indicatorValue(ctx.database.db, 'care-proceedings-average-weeks', la.id, FY2025);
    assert.deepEqual([v.denominator, v.value], [3, 27.4]);
  });
});
