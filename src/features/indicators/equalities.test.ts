import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { childPopulation } from '../../db/schema/index';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildCpPlan,
  buildPeriodOfCare,
  buildReferral,
} from '../../../test/support/builders';
import { ageBand, equalitiesAt, percentDifference, type Equalities } from './equalities';

describe('equalities arithmetic', () => {
  it('matches the seed committee report: 40% of children in care White against 53% of the population is 25% lower', () => {
    // (40 − 53) ÷ 53 = −24.5% → −25 (Barnet's report to its Children, Education and Safeguarding Committee, 1 July 2019, paragraph 5.6.3: "White 40 53 lower -25%").
    assert.equal(percentDifference(40, 53), -25);
    // Mixed 20 against 11: (20 − 11) ÷ 11 = 81.8% → 82 (the report prints 87% from unrounded shares).
    assert.equal(percentDifference(20, 11), 82);
    assert.equal(percentDifference(5, 0), null);
    // Halves round away from zero: −37.5 → −38.
    assert.equal(percentDifference(25, 40), -38);
  });

  it('bands ages as the report does', () => {
    assert.deepEqual([0, 1, 4, 5, 9, 10, 15, 16, 17].map(ageBand), [
      'Under 1',
      '1 to 4',
      '1 to 4',
      '5 to 9',
      '5 to 9',
      '10 to 15',
      '10 to 15',
      '16 and over',
      '16 and over',
    ]);
  });
});

describeEachEngine('equalities view', (ctx) => {
  let result: Equalities;

  before(async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db);
    // Mid-2025 population, 100 children: White 50 (10 aged 0 F, 40 aged 12 F), Black 30 (aged 3 M), Asian 20 (aged 16 M).
    await db.insert(childPopulation).values([
      { authorityId: la.id, year: 2025, age: 0, sex: 'F', ethnicGroup: 'White', count: 10 },
      { authorityId: la.id, year: 2025, age: 3, sex: 'M', ethnicGroup: 'Black', count: 30 },
      { authorityId: la.id, year: 2025, age: 12, sex: 'F', ethnicGroup: 'White', count: 40 },
      { authorityId: la.id, year: 2025, age: 16, sex: 'M', ethnicGroup: 'Asian', count: 20 },
    ]);
    const c1 = await buildChild(db, { authorityId: la.id, ethnicity: 'WBRI', sex: 'M', dateOfBirth: '2010-01-01' }); // 16
    const c2 = await buildChild(db, { authorityId: la.id, ethnicity: 'BAFR', sex: 'F', dateOfBirth: '2013-05-01' }); // 12
    const c3 = await buildChild(db, { authorityId: la.id, ethnicity: 'BCRB', sex: 'M', dateOfBirth: '2023-06-01' }); // 2
    const c4 = await buildChild(db, { authorityId: la.id, ethnicity: 'NOBT', sex: 'F', dateOfBirth: '2020-01-01' }); // 6, ethnicity not obtained
    const c5 = await buildChild(db, { authorityId: la.id, ethnicity: 'WBRI', sex: 'F', dateOfBirth: '2015-01-01' });
    for (const c of [c1, c2, c3, c4]) await buildPeriodOfCare(db, c, { startDate: '2025-01-01' });
    await buildPeriodOfCare(db, c5, { startDate: '2025-01-01', endDate: '2026-03-30' }); // left care the day before
    const r2 = await buildReferral(db, c2, { referralDate: '2025-06-01' });
    await buildCpPlan(db, c2, { cinEpisodeId: r2.id, startDate: '2025-07-01' });
    await buildReferral(db, c3, { referralDate: '2025-06-01' });
    await buildReferral(db, c4, { referralDate: '2025-06-01' });
    await buildReferral(db, c1, { referralDate: '2026-03-01', referralNfa: true }); // NFA: not a child in need
    result = await equalitiesAt(db, la.id, '2026-03-31');
  });

  const table = (d: string) => {
    const t = result.tables.find((x) => x.dimension === d);
    if (!t) throw new Error(d);
    return t;
  };
  const row = (d: string, category: string) => {
    const r = table(d).rows.find((x) => x.category === category);
    if (!r) throw new Error(category);
    return r;
  };

  it('uses the mid-2025 population for 31 March 2026', () => {
    assert.equal(result.populationYear, 2025);
  });

  it('children in care by ethnic group: White 1 of 3 (33.3%, 33% lower than 50%), Black 2 of 3 (66.7%, 122% higher than 30%), one not recorded', () => {
    assert.deepEqual(row('ethnicity', 'White').cohorts.cla, { count: 1, share: 33.3, difference: -33 });
    assert.deepEqual(row('ethnicity', 'Black').cohorts.cla, { count: 2, share: 66.7, difference: 122 });
    // Asian: none in care against 20% of the population: 100% lower.
    assert.deepEqual(row('ethnicity', 'Asian').cohorts.cla, { count: 0, share: 0, difference: -100 });
    assert.deepEqual(row('ethnicity', 'White').population, { count: 50, share: 50 });
    assert.equal(table('ethnicity').unknown.cla, 1);
    assert.equal(table('ethnicity').totals.cla, 3);
  });

  it('children in care by age: one in each of 1–4, 5–9, 10–15 and 16+ (25% each)', () => {
    // 16+: (25 − 20) ÷ 20 = +25%; 10–15: (25 − 40) ÷ 40 = −37.5% → −38; 1–4: (25 − 30) ÷ 30 = −16.7% → −17;
    // 5–9 has no population (no difference); under 1: 0 against 10%: −100%.
    assert.deepEqual(row('age', '16 and over').cohorts.cla, { count: 1, share: 25, difference: 25 });
    assert.deepEqual(row('age', '10 to 15').cohorts.cla, { count: 1, share: 25, difference: -38 });
    assert.deepEqual(row('age', '1 to 4').cohorts.cla, { count: 1, share: 25, difference: -17 });
    assert.deepEqual(row('age', '5 to 9').cohorts.cla, { count: 1, share: 25, difference: null });
    assert.deepEqual(row('age', 'Under 1').cohorts.cla, { count: 0, share: 0, difference: -100 });
  });

  it('by sex, and the other cohorts: CP (one Black girl) and CIN (open, not NFA: c2, c3 and c4)', () => {
    assert.deepEqual(row('sex', 'Male').cohorts.cla, { count: 2, share: 50, difference: 0 });
    // CP: Black 1 of 1 = 100% against 30%: (100 − 30) ÷ 30 = +233%.
    assert.deepEqual(row('ethnicity', 'Black').cohorts.cp, { count: 1, share: 100, difference: 233 });
    assert.equal(table('sex').totals.cin, 3);
    // CIN with a known ethnic group: c2 and c3 (Black); c4 not recorded.
    assert.deepEqual(row('ethnicity', 'Black').cohorts.cin, { count: 2, share: 100, difference: 233 });
    assert.equal(table('ethnicity').unknown.cin, 1);
  });
});
