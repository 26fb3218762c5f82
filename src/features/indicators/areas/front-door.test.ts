import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import { buildAuthority, buildChild, buildContact, buildReferral } from '../../../../test/support/builders';
import { buildPopulation, FY2025, indicatorItems, indicatorValue, MARCH_2026 } from '../../../../test/support/indicators';

describeEachEngine('front door indicators', (ctx) => {
  let la: { id: number };
  let ids: { amy: number; ben: number; cal: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    // 18 × 500 = 9,000 children aged 0–17 at mid-2025 (used for periods ending after 30 June 2025);
    // 18 × 400 = 7,200 at mid-2024.
    await buildPopulation(db, la.id, 2025, 500);
    await buildPopulation(db, la.id, 2024, 400);
    const amy = await buildChild(db, { authorityId: la.id });
    const ben = await buildChild(db, { authorityId: la.id });
    const cal = await buildChild(db, { authorityId: la.id });
    const elsewhere = await buildChild(db, { authorityId: other.id });
    ids = { amy: amy.id, ben: ben.id, cal: cal.id };

    // Contacts: three in March 2026 (two for Amy), one in May 2025, one before the year, one in another authority.
    await buildContact(db, amy, { contactDate: '2026-03-02' });
    await buildContact(db, amy, { contactDate: '2026-03-31' });
    await buildContact(db, ben, { contactDate: '2026-03-15' });
    await buildContact(db, cal, { contactDate: '2025-05-01' });
    await buildContact(db, cal, { contactDate: '2025-03-31' });
    await buildContact(db, elsewhere, { contactDate: '2026-03-10' });

    // Referrals in 2025/26: Amy 2025-06-01 (previous 2024-06-01: exactly 12 months earlier → a re-referral);
    // Ben 2025-09-01 (previous 2024-08-31: 12 months and a day earlier → not); Cal 2025-10-01 and 2026-02-01
    // (the second is a re-referral of the first, the first has no previous one).
    await buildReferral(db, amy, { referralDate: '2024-06-01' });
    await buildReferral(db, amy, { referralDate: '2025-06-01' });
    await buildReferral(db, ben, { referralDate: '2024-08-31' });
    await buildReferral(db, ben, { referralDate: '2025-09-01' });
    await buildReferral(db, cal, { referralDate: '2025-10-01' });
    await buildReferral(db, cal, { referralDate: '2026-02-01', referralNfa: true });
    await buildReferral(db, elsewhere, { referralDate: '2025-12-01' });
  });

  it('contacts per 10,000: March 2026 has 3 contacts over 9,000 children = 3.3; the year has 4 = 4.4', async () => {
    const db = ctx.database.db;
    const march = await indicatorValue(db, 'contacts-per-10k', la.id, MARCH_2026);
    assert.deepEqual([march.numerator, march.denominator, march.value], [3, 9000, 3.3]);
    const year = await indicatorValue(db, 'contacts-per-10k', la.id, FY2025);
    assert.deepEqual([year.numerator, year.denominator, year.value], [4, 9000, 4.4]);
  });

  it('contacts per 10,000 in April 2025 divide by the mid-2024 population (7,200): 0 contacts = 0', async () => {
    const v = await indicatorValue(ctx.database.db, 'contacts-per-10k', la.id, { kind: 'month', start: '2025-04-01', end: '2025-04-30' });
    assert.deepEqual([v.numerator, v.denominator, v.value], [0, 7200, 0]);
  });

  it('re-referrals within 12 months in 2025/26: 2 of 4 referrals = 50%, and the drill-down lists who', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'rereferrals-12-months', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
    const items = await indicatorItems(db, 'rereferrals-12-months', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(ids.amy), [1, 1]);
    assert.deepEqual(byChild.get(ids.ben), [0, 1]);
    assert.deepEqual(byChild.get(ids.cal), [1, 2]);
  });

  it('a period with no referrals has no value (nothing to measure), not 0%', async () => {
    const v = await indicatorValue(ctx.database.db, 'rereferrals-12-months', la.id, { kind: 'month', start: '2025-04-01', end: '2025-04-30' });
    assert.deepEqual([v.numerator, v.denominator, v.value], [0, 0, null]);
  });
});
