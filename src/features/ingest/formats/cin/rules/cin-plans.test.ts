import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule4001, rule4016, rule4017 } from './cin-plans';
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
});
