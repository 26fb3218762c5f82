import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule1103, rule1105, rule2889, rule4015, rule8568, rule8606, rule8610 } from './referral';
import { assessment, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

describe('CIN rules: referrals', () => {
  it('8606: referral no more than 40 weeks (280 days) before birth', () => {
    // Born 2026-01-01: from 27 March 2025 to 1 January 2026 is 4 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 30 + 31 + 1 = 280 days.
    const born = { birthDate: '2026-01-01' };
    assert.deepEqual(rows(rule8606, childModel({ ...born, episodes: [episode({ referralDate: '2025-03-27' })] })), []);
    assert.deepEqual(
      rows(rule8606, childModel({ ...born, episodes: [episode({ referralDate: '2025-03-26' })] })),
      [10],
    );
    assert.deepEqual(
      rows(
        rule8606,
        childModel({
          birthDate: null,
          expectedBirthDate: '2026-01-01',
          episodes: [episode({ referralDate: '2025-03-26' })],
        }),
      ),
      [10],
    );
  });

  const before = { referralDate: '2025-05-01' };
  it('1103: assessment not before the referral', () => {
    assert.deepEqual(
      rows(
        rule1103,
        childModel({ episodes: [episode({ ...before, assessments: [assessment({ startDate: '2025-05-01' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule1103,
        childModel({ episodes: [episode({ ...before, assessments: [assessment({ startDate: '2025-04-30' })] })] }),
      ),
      [20],
    );
  });
  it('2889: S47 not before the referral', () => {
    assert.deepEqual(
      rows(
        rule2889,
        childModel({ episodes: [episode({ ...before, section47s: [s47({ startDate: '2025-05-01' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule2889,
        childModel({ episodes: [episode({ ...before, section47s: [s47({ startDate: '2025-04-30' })] })] }),
      ),
      [40],
    );
  });
  it('4015: CIN plan not before the referral', () => {
    assert.deepEqual(
      rows(
        rule4015,
        childModel({ episodes: [episode({ ...before, cinPlans: [cinPlan({ startDate: '2025-05-02' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule4015,
        childModel({ episodes: [episode({ ...before, cinPlans: [cinPlan({ startDate: '2025-04-01' })] })] }),
      ),
      [30],
    );
  });
  it('1105: CP plan not before the referral', () => {
    assert.deepEqual(
      rows(
        rule1105,
        childModel({ episodes: [episode({ ...before, cpPlans: [cpPlan({ startDate: '2025-05-02' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule1105,
        childModel({ episodes: [episode({ ...before, cpPlans: [cpPlan({ startDate: '2025-04-01' })] })] }),
      ),
      [50],
    );
  });

  it('8568: ReferralNFA present and yes/no', () => {
    assert.deepEqual(
      rows(rule8568, childModel({ episodes: [episode({ referralNfa: true }), episode({ referralNfa: false })] })),
      [],
    );
    assert.deepEqual(rows(rule8568, childModel({ episodes: [episode({ referralNfa: null })] })), [10]);
  });

  it('8610: PrimaryNeedCode required unless NFA', () => {
    assert.deepEqual(
      rows(rule8610, childModel({ episodes: [episode({ referralNfa: true, primaryNeedCode: null })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8610, childModel({ episodes: [episode({ referralNfa: false, primaryNeedCode: 'N4' })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8610, childModel({ episodes: [episode({ referralNfa: false, primaryNeedCode: null })] })),
      [10],
    );
  });
});
