/**
 * The audit results pages' period, filters and suppression, worked by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { agreement } from '../../domain/agreement';
import {
  apiPeriod,
  countsRow,
  defaultPeriod,
  monthKeys,
  readResultsQuery,
  showAgreement,
  shownShare,
} from './results-view';

describe('audit results view', () => {
  it('the default period is the 12 complete months before today’s month (22 Nov 2026 → Nov 2025 to Oct 2026; 1 Jan 2026 → Jan 2025 to Dec 2025)', () => {
    assert.deepEqual(defaultPeriod('2026-11-22'), { from: '2025-11', to: '2026-10' });
    assert.deepEqual(defaultPeriod('2026-01-01'), { from: '2025-01', to: '2025-12' });
    assert.equal(monthKeys('2025-11', '2026-10').length, 12);
  });

  it('reads the query: empty fields take the defaults; bad months, a backwards or over-60-month period are errors and the defaults are used', () => {
    assert.deepEqual(readResultsQuery({}, '2026-11-22'), {
      query: { from: '2025-11', to: '2026-10', domainId: null, teamId: null, serviceArea: null, by: 'domain' },
      errors: [],
    });
    assert.deepEqual(
      readResultsQuery(
        { from: '2024-01', to: '2024-03', domain: '7', team: 'x', service: 'cin-cp', by: 'team' },
        '2026-11-22',
      ).query,
      {
        from: '2024-01',
        to: '2024-03',
        domainId: 7,
        teamId: null,
        serviceArea: 'cin-cp',
        by: 'team',
      },
    );
    assert.deepEqual(
      readResultsQuery({ from: '2024-13' }, '2026-11-22').errors.map((e) => e.field),
      ['from'],
    );
    assert.deepEqual(
      readResultsQuery({ from: '2024-03', to: '2024-02' }, '2026-11-22').errors.map((e) => e.field),
      ['to'],
    );
    // January 2021 to December 2025 is 60 months (allowed); to January 2026 is 61.
    assert.deepEqual(readResultsQuery({ from: '2021-01', to: '2025-12' }, '2026-11-22').errors, []);
    const long = readResultsQuery({ from: '2021-01', to: '2026-01' }, '2026-11-22');
    assert.deepEqual([long.errors.length, long.query.from, long.query.to], [1, '2025-11', '2026-10']);
  });

  it('the API’s period: to alone means the 12 months to it; from alone runs to the last complete month', () => {
    assert.deepEqual(apiPeriod({ to: '2024-03' }, '2026-11-22'), { from: '2023-04', to: '2024-03', error: null });
    assert.deepEqual(apiPeriod({ from: '2026-01' }, '2026-11-22'), { from: '2026-01', to: '2026-10', error: null });
    assert.equal(
      apiPeriod({ from: '2026-04', to: '2026-01' }, '2026-11-22').error,
      'to must be the same month as from or after it',
    );
  });

  it('members: a share is "c" when its part or whole is 1–4; 0 and 5 are shown', () => {
    assert.equal(shownShare(3, 10, 'members'), 'c');
    assert.equal(shownShare(5, 6, 'members'), 5 / 6);
    assert.equal(shownShare(5, 10, 'members'), 0.5);
    assert.equal(shownShare(0, 10, 'members'), 0);
    assert.equal(shownShare(0, 0, 'members'), null);
    assert.equal(shownShare(3, 10, 'staff'), 0.3);
  });

  it('a row of counts: "count (share%)" per grade; 5 good, 4 RI of 9 for members: 5 (55.6%), c (c), 55.6%', () => {
    const c = { outstanding: 0, good: 5, requiresImprovement: 4, inadequate: 0, total: 9, goodOrBetter: 5 / 9 };
    assert.deepEqual(countsRow('Team', c, 'members'), {
      label: 'Team',
      cells: ['0 (0%)', '5 (55.6%)', 'c (c)', '0 (0%)'],
      total: '9',
      goodOrBetter: '55.6%',
    });
    assert.deepEqual(countsRow('Team', c, 'staff').cells, ['0 (0%)', '5 (55.6%)', '4 (44.4%)', '0 (0%)']);
  });

  it('agreement for members: fewer than 5 pairs hides exact agreement and kappa too', () => {
    const a = agreement([
      { first: 'good', second: 'good' },
      { first: 'good', second: 'inadequate' },
    ]);
    assert.deepEqual(showAgreement(a, 'members'), {
      pairs: 'c',
      exact: 'c',
      exactShare: 'c',
      weightedKappa: 'c',
      counts: [
        [0, 0, 0, 0],
        [0, 'c', 0, 'c'],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
    });
    assert.equal(showAgreement(a, 'staff').exactShare, 0.5);
  });
});
