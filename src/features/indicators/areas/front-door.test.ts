import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildContact,
  buildEarlyHelp,
  buildReferral,
} from '../../../../test/support/builders';
import {
  buildPopulation,
  FY2025,
  indicatorItems,
  indicatorValue,
  MARCH_2026,
} from '../../../../test/support/indicators';

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
    const v = await indicatorValue(ctx.database.db, 'contacts-per-10k', la.id, {
      kind: 'month',
      start: '2025-04-01',
      end: '2025-04-30',
    });
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
    const v = await indicatorValue(ctx.database.db, 'rereferrals-12-months', la.id, {
      kind: 'month',
      start: '2025-04-01',
      end: '2025-04-30',
    });
    assert.deepEqual([v.numerator, v.denominator, v.value], [0, 0, null]);
  });
});

const APRIL_2026 = { kind: 'month', start: '2026-04-01', end: '2026-04-30' } as const;

describeEachEngine('front door timeliness, referrals and early help', (ctx) => {
  let la: { id: number };
  let ids: { dan: number; eve: number; fay: number; gus: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    await buildPopulation(db, la.id, 2025, 500); // 18 × 500 = 9,000 children aged 0–17 at mid-2025
    const dan = await buildChild(db, { authorityId: la.id });
    const eve = await buildChild(db, { authorityId: la.id });
    const fay = await buildChild(db, { authorityId: la.id });
    const gus = await buildChild(db, { authorityId: la.id });
    const elsewhere = await buildChild(db, { authorityId: other.id });
    ids = { dan: dan.id, eve: eve.id, fay: fay.id, gus: gus.id };

    // Contacts in March 2026 (2 March is a Monday, 13 March a Friday):
    await buildContact(db, dan, { contactDate: '2026-03-13', decisionDate: '2026-03-16' }); // Fri → Mon: 1 working day, in time
    await buildContact(db, eve, { contactDate: '2026-03-13', decisionDate: '2026-03-17' }); // Fri → Tue: 2, late
    await buildContact(db, fay, { contactDate: '2026-03-02', decisionDate: '2026-03-02' }); // same day: 0, in time
    await buildContact(db, gus, { contactDate: '2026-03-31' }); // undecided: not in time
    await buildContact(db, gus, { contactDate: '2026-03-18', decisionDate: '2026-03-17' }); // decided before the contact: not in time
    await buildContact(db, elsewhere, { contactDate: '2026-03-10', decisionDate: '2026-03-10' }); // another authority
    // April 2026, over Easter (Good Friday 3 April, Easter Monday 6 April are bank holidays):
    await buildContact(db, dan, { contactDate: '2026-04-02', decisionDate: '2026-04-07' }); // Thu → Tue: 1 working day, in time
    await buildContact(db, eve, { contactDate: '2026-04-02', decisionDate: '2026-04-08' }); // Thu → Wed: 2, late

    // Referrals: four in 2025/26 (two NFA, two on the year's first and last days), two just outside it.
    await buildReferral(db, dan, { referralDate: '2025-03-31' }); // before the year
    await buildReferral(db, dan, { referralDate: '2025-04-01' });
    await buildReferral(db, eve, { referralDate: '2025-10-10', referralNfa: true });
    await buildReferral(db, eve, { referralDate: '2025-11-01' });
    await buildReferral(db, fay, { referralDate: '2026-03-31', referralNfa: true });
    await buildReferral(db, fay, { referralDate: '2026-04-01' }); // after the year
    await buildReferral(db, elsewhere, { referralDate: '2025-12-01', referralNfa: true });

    // Early help requests:
    await buildEarlyHelp(db, dan, { requestDate: '2026-03-02', allocationDate: '2026-03-16' }); // Mon → Mon two weeks on: 10 working days, in time
    await buildEarlyHelp(db, eve, { requestDate: '2026-03-02', allocationDate: '2026-03-17' }); // 11 working days: late
    await buildEarlyHelp(db, fay, { requestDate: '2026-03-20' }); // never allocated: not in time
    // Fri 27 March → Mon 13 April: 11 weekdays, but 3 and 6 April are bank holidays, so 9 working days: in time.
    await buildEarlyHelp(db, gus, { requestDate: '2026-03-27', allocationDate: '2026-04-13' });
    await buildEarlyHelp(db, gus, { requestDate: '2026-02-27', allocationDate: '2026-02-27' });
    await buildEarlyHelp(db, dan, { requestDate: '2025-04-01', allocationDate: '2025-05-01' });
    await buildEarlyHelp(db, dan, { requestDate: '2025-03-31' }); // before the year
    await buildEarlyHelp(db, elsewhere, { requestDate: '2026-03-05' });
  });

  it('contacts decided within 1 working day, March 2026: 2 of 5 = 40% (Fri→Mon and same day in time; Fri→Tue, undecided, decided before the contact not)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'contacts-decision-1-working-day', la.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 5, 40]);
    const items = await indicatorItems(db, 'contacts-decision-1-working-day', la.id, MARCH_2026);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(ids.dan), [1, 1]);
    assert.deepEqual(byChild.get(ids.eve), [0, 1]);
    assert.deepEqual(byChild.get(ids.fay), [1, 1]);
    assert.deepEqual(byChild.get(ids.gus), [0, 2]);
    assert.match(items.find((i) => i.subjectId === ids.gus)?.detail ?? '', /no decision/);
  });

  it('contacts decided within 1 working day, April 2026: Easter bank holidays are skipped: Thu→Tue in time, Thu→Wed late = 50%', async () => {
    const v = await indicatorValue(ctx.database.db, 'contacts-decision-1-working-day', la.id, APRIL_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 2, 50]);
  });

  it('referrals per 10,000 in 2025/26: 4 referrals (1 April and 31 March included, NFA included) over 9,000 = 4.4', async () => {
    const v = await indicatorValue(ctx.database.db, 'referrals-per-10k', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 9000, 4.4]);
  });

  it('referrals with NFA in 2025/26: 2 of 4 = 50%; March 2026: 1 of 1 = 100%', async () => {
    const db = ctx.database.db;
    const year = await indicatorValue(db, 'referrals-nfa', la.id, FY2025);
    assert.deepEqual([year.numerator, year.denominator, year.value], [2, 4, 50]);
    const march = await indicatorValue(db, 'referrals-nfa', la.id, MARCH_2026);
    assert.deepEqual([march.numerator, march.denominator, march.value], [1, 1, 100]);
  });

  it('early help requests: 4 in March 2026; 6 in 2025/26 (27 Feb and 1 April 2025 added; 31 March 2025 and the other authority not)', async () => {
    const db = ctx.database.db;
    const march = await indicatorValue(db, 'early-help-requests', la.id, MARCH_2026);
    assert.deepEqual([march.numerator, march.denominator, march.value], [4, null, 4]);
    const year = await indicatorValue(db, 'early-help-requests', la.id, FY2025);
    assert.equal(year.value, 6);
  });

  it('early help allocated within 10 working days, March 2026: 2 of 4 = 50% (exactly 10 in time, 11 late, unallocated late, 9 over Easter in time)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'early-help-allocated-10-working-days', la.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
    const items = await indicatorItems(db, 'early-help-allocated-10-working-days', la.id, MARCH_2026);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(ids.dan), [1, 1]);
    assert.deepEqual(byChild.get(ids.eve), [0, 1]);
    assert.deepEqual(byChild.get(ids.fay), [0, 1]);
    assert.deepEqual(byChild.get(ids.gus), [1, 1]);
  });

  it('early help allocated within 10 working days, 2025/26: 3 of 6 = 50%', async () => {
    // In time: 2 March (10 days), 27 March (9 over Easter), 27 February (same day). Late: 11 days, unallocated, and
    // 1 April → 1 May 2025: 22 weekdays less Good Friday 18 and Easter Monday 21 April = 20 working days.
    const v = await indicatorValue(ctx.database.db, 'early-help-allocated-10-working-days', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
  });
});
