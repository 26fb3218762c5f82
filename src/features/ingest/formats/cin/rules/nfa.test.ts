import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule4000, rule8831, rule8832 } from './nfa';
import { assessment, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

const nfa = { referralNfa: true, primaryNeedCode: null };

describe('CIN rules: referrals with no further action', () => {
  it('8831: no assessment, S47 or ICPC', () => {
    assert.deepEqual(
      rows(rule8831, childModel({ episodes: [episode(nfa), episode({ assessments: [assessment()] })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8831, childModel({ episodes: [episode({ ...nfa, assessments: [assessment()] })] })),
      [10],
    );
    assert.deepEqual(rows(rule8831, childModel({ episodes: [episode({ ...nfa, section47s: [s47()] })] })), [10]);
    assert.deepEqual(
      rows(rule8831, childModel({ episodes: [episode({ ...nfa, dateOfInitialCpc: '2025-06-02' })] })),
      [10],
    );
  });
  it('8832: no CP plan', () => {
    assert.deepEqual(rows(rule8832, childModel({ episodes: [episode({ cpPlans: [cpPlan()] })] })), []);
    assert.deepEqual(rows(rule8832, childModel({ episodes: [episode({ ...nfa, cpPlans: [cpPlan()] })] })), [10]);
  });
  it('4000: no CIN plan', () => {
    assert.deepEqual(rows(rule4000, childModel({ episodes: [episode({ cinPlans: [cinPlan()] })] })), []);
    assert.deepEqual(rows(rule4000, childModel({ episodes: [episode({ ...nfa, cinPlans: [cinPlan()] })] })), [10]);
  });
});
