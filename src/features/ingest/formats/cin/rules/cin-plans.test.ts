import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule4001, rule4004, rule4011, rule4012Q, rule4016, rule4017 } from './cin-plans';
import { childModel, cinPlan, cpPlan, episode, rows } from './testing';

const child = (cin: Parameters<typeof cinPlan>[0], cp: Parameters<typeof cpPlan>[0]) =>
  childModel({ episodes: [episode({ cinPlans: [cinPlan(cin)], cpPlans: [cpPlan(cp)] })] });

describe('CIN rules: CIN plans and CP plans', () => {
  it('4001: not both open', () => {
    assert.deepEqual(
      rows(rule4001, child({ startDate: '2025-05-02', endDate: '2025-06-02' }, { startDate: '2025-06-02' })),
      [],
    );
    assert.deepEqual(rows(rule4001, child({ startDate: '2025-09-01' }, { startDate: '2025-06-02' })), [30]);
  });

  it('4016: a CIN plan does not start during a CP plan (it may start on the CP plan end day)', () => {
    assert.deepEqual(
      rows(rule4016, child({ startDate: '2025-09-01' }, { startDate: '2025-06-02', endDate: '2025-09-01' })),
      [],
    );
    assert.deepEqual(
      rows(rule4016, child({ startDate: '2025-08-31' }, { startDate: '2025-06-02', endDate: '2025-09-01' })),
      [30],
    );
    assert.deepEqual(
      rows(rule4016, child({ startDate: '2025-06-02' }, { startDate: '2025-06-02' })),
      [30],
      'open CP plan, same start day',
    );
  });

  it('4017: a CP plan does not start during a CIN plan (it may start on the CIN plan end day)', () => {
    assert.deepEqual(
      rows(rule4017, child({ startDate: '2025-05-02', endDate: '2025-06-02' }, { startDate: '2025-06-02' })),
      [],
    );
    assert.deepEqual(
      rows(rule4017, child({ startDate: '2025-05-02', endDate: '2025-06-03' }, { startDate: '2025-06-02' })),
      [50],
    );
    assert.deepEqual(
      rows(rule4017, child({ startDate: '2025-05-02' }, { startDate: '2026-03-31' })),
      [50],
      'open CIN plan, CP plan on the reference date',
    );
  });

  it('4011: a CIN plan does not end before it starts', () => {
    // cinPlan() is on line 30; each child below has that one CIN plan, starting 2 June 2025.
    const plan = (endDate: string | null) => childModel({ episodes: [episode({ cinPlans: [cinPlan({ endDate })] })] });
    assert.deepEqual(rows(rule4011, plan('2025-06-01')), [30]); // the day before
    assert.deepEqual(rows(rule4011, plan('2025-06-02')), []); // the same day
    assert.deepEqual(rows(rule4011, plan('2025-09-01')), []);
    assert.deepEqual(rows(rule4011, plan(null)), []); // open
  });

  it('4012Q: a CIN plan starting and ending on the same day (a query)', () => {
    const plan = (endDate: string | null) => childModel({ episodes: [episode({ cinPlans: [cinPlan({ endDate })] })] });
    assert.deepEqual(rows(rule4012Q, plan('2025-06-02')), [30]);
    assert.deepEqual(rows(rule4012Q, plan('2025-06-03')), []);
    assert.deepEqual(rows(rule4012Q, plan(null)), []);
    assert.equal(rule4012Q.severity, 'query');
  });

  it('4004: at most one open CIN plan in an episode', () => {
    const plans = (...ends: Array<string | null>) =>
      childModel({ episodes: [episode({ cinPlans: ends.map((endDate, i) => cinPlan({ line: 30 + i, endDate })) })] });
    assert.deepEqual(rows(rule4004, plans(null, null)), [30, 31]); // two open: both reported
    assert.deepEqual(rows(rule4004, plans('2025-07-01', null)), []); // one open
    // One open plan in each of two episodes passes.
    const twoEpisodes = childModel({
      episodes: [episode({ cinPlans: [cinPlan()] }), episode({ line: 60, cinPlans: [cinPlan({ line: 70 })] })],
    });
    assert.deepEqual(rows(rule4004, twoEpisodes), []);
  });
});
