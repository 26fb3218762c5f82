/** The national picture's rules, by hand: one row per inspection by source preference, latest graded, regions. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dedupe, filterLatest, goodOrBetter, gradeCounts, latestGraded, type OutcomeRecord } from './latest';

const base: OutcomeRecord = {
  source: 'ofsted-la-outcomes-history',
  laNumber: '302',
  laName: 'Barnet',
  ofstedRegion: 'London',
  kind: 'ilacs-short',
  startDate: '2024-06-10',
  publishedOn: '2024-07-23',
  overall: 'good',
  leaders: 'good',
  helpAndProtection: 'good',
  childrenInCare: 'outstanding',
  careLeavers: 'good',
  link: null,
};
const r = (over: Partial<OutcomeRecord>): OutcomeRecord => ({ ...base, ...over });

describe('the national picture', () => {
  it('the same inspection from three files is one row: the official table’s, then JT-39’s, then D2I’s', () => {
    const d2i = r({ source: 'd2i-ilacs-overview', overall: 'inadequate' });
    const jt39 = r({ source: 'jt39-ilacs-history', overall: 'requires-improvement' });
    const official = r({ source: 'ofsted-la-outcomes-current' });
    assert.deepEqual(dedupe([d2i, jt39, official]), [official]);
    assert.deepEqual(dedupe([d2i, jt39]), [jt39]);
    // The kept row takes a type the others give: Ofsted's current table has none, its history says short.
    const current = r({ source: 'ofsted-la-outcomes-current', kind: null });
    assert.equal(
      dedupe([current, r({ source: 'ofsted-la-outcomes-history', kind: 'ilacs-short' })])[0]?.kind,
      'ilacs-short',
    );
    assert.deepEqual(dedupe([current, jt39])[0], { ...current, kind: 'ilacs-short' });
    // A different start date is a different inspection.
    assert.equal(dedupe([official, r({ startDate: '2019-05-13' })]).length, 2);
  });

  it('latest graded: a later focused visit (no grades) does not replace the inspection; an April 2026 inspection with no overall does', () => {
    const visit = r({
      kind: 'focused-visit',
      startDate: '2025-03-26',
      overall: null,
      leaders: null,
      helpAndProtection: null,
      childrenInCare: null,
      careLeavers: null,
    });
    assert.equal(latestGraded([base, visit])[0]?.startDate, '2024-06-10');
    const reform = r({ source: 'jt39-ilacs-history', startDate: '2026-04-27', overall: null, ofstedRegion: null });
    const [latest] = latestGraded([base, visit, reform]);
    assert.equal(latest?.startDate, '2026-04-27');
    assert.equal(latest?.overall, null);
    // The JT-39 row has no region: the authority's region from its official row.
    assert.equal(latest?.region, 'London');
  });

  it('region: from the row, else another row of the authority, else the ONS region given; else null', () => {
    const alone = r({ laNumber: '870', laName: 'Reading', ofstedRegion: null, source: 'jt39-ilacs-history' });
    assert.equal(latestGraded([alone], (la) => (la === '870' ? 'South East' : null))[0]?.region, 'South East');
    assert.equal(latestGraded([alone])[0]?.region, null);
  });

  it('filters by region and by grade, of overall (default) or of any judgement; counts each judgement’s grades', () => {
    const rows = latestGraded([
      base, // London: G, G, G, O, G
      r({
        laNumber: '310',
        laName: 'Harrow',
        overall: 'inadequate',
        leaders: 'requires-improvement',
        careLeavers: 'inadequate',
      }),
      r({
        laNumber: '870',
        laName: 'Reading',
        ofstedRegion: 'South East',
        overall: 'requires-improvement',
        childrenInCare: 'inadequate',
        careLeavers: null,
      }),
    ]);
    assert.deepEqual(
      filterLatest(rows, { region: 'London' }).map((x) => x.laNumber),
      ['302', '310'],
    );
    assert.deepEqual(
      filterLatest(rows, { grade: 'inadequate' }).map((x) => x.laNumber),
      ['310'],
    );
    assert.deepEqual(
      filterLatest(rows, { grade: 'inadequate', of: 'any' }).map((x) => x.laNumber),
      ['310', '870'],
    );
    assert.deepEqual(filterLatest(rows, { region: 'South East', grade: 'inadequate', of: 'overall' }), []);
    const counts = gradeCounts(rows);
    assert.deepEqual(counts.find((c) => c.judgement === 'overall')?.counts, {
      outstanding: 0,
      good: 1,
      'requires-improvement': 1,
      inadequate: 1,
    });
    // Care leavers: Barnet good, Harrow inadequate, Reading not graded.
    assert.deepEqual(
      [
        counts.find((c) => c.judgement === 'careLeavers')?.counts.good,
        counts.find((c) => c.judgement === 'careLeavers')?.none,
      ],
      [1, 1],
    );
    // Good or better overall: Barnet only; none without an overall grade.
    assert.deepEqual(goodOrBetter(rows), { good: 1, noOverall: 0, of: 3 });
  });
});
