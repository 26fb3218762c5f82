import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule2990, rule8630, rule8805, rule8810, rule8825Q } from './closure';
import { assessment, check, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

describe('CIN rules: closure', () => {
  it('8805: a closure date needs a reason', () => {
    assert.deepEqual(
      rows(rule8805, childModel({ episodes: [episode({ closureDate: '2025-09-01', reasonForClosure: 'RC7' })] })),
      [],
    );
    assert.deepEqual(rows(rule8805, childModel({ episodes: [episode({ closureDate: '2025-09-01' })] })), [10]);
  });
  it('8810: a reason needs a closure date', () => {
    assert.deepEqual(rows(rule8810, childModel({ episodes: [episode()] })), []);
    assert.deepEqual(rows(rule8810, childModel({ episodes: [episode({ reasonForClosure: 'RC7' })] })), [10]);
  });
  it('8630: closure not before referral', () => {
    assert.deepEqual(
      rows(rule8630, childModel({ episodes: [episode({ closureDate: '2025-05-01', reasonForClosure: 'RC7' })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8630, childModel({ episodes: [episode({ closureDate: '2025-04-30', reasonForClosure: 'RC7' })] })),
      [10],
    );
  });
  it('2990: RC8/RC9 closures have no CIN or CP plan', () => {
    const closed = { closureDate: '2025-07-01', reasonForClosure: 'RC8', assessments: [assessment()] };
    assert.deepEqual(rows(rule2990, childModel({ episodes: [episode(closed)] })), []);
    assert.deepEqual(
      rows(
        rule2990,
        childModel({ episodes: [episode({ ...closed, reasonForClosure: 'RC7', cinPlans: [cinPlan()] })] }),
      ),
      [],
    );
    assert.deepEqual(rows(rule2990, childModel({ episodes: [episode({ ...closed, cinPlans: [cinPlan()] })] })), [10]);
    assert.deepEqual(
      rows(rule2990, childModel({ episodes: [episode({ ...closed, reasonForClosure: 'RC9', cpPlans: [cpPlan()] })] })),
      [10],
    );
  });
  it('8825Q: RC8/RC9 closures had an assessment (a query)', () => {
    assert.deepEqual(
      rows(
        rule8825Q,
        childModel({
          episodes: [episode({ closureDate: '2025-07-01', reasonForClosure: 'RC9', assessments: [assessment()] })],
        }),
      ),
      [],
    );
    const hits = check(
      rule8825Q,
      childModel({ episodes: [episode({ closureDate: '2025-07-01', reasonForClosure: 'RC8' })] }),
    );
    assert.deepEqual(
      hits.map((h) => [h.row, h.severity]),
      [[10, 'query']],
    );
  });

  it('2990: RC8/RC9 closures have no S47 enquiry or initial conference either', () => {
    const closed = { closureDate: '2025-07-01', reasonForClosure: 'RC8', assessments: [assessment()] };
    // The episode is on line 10; one hit per episode, whatever it holds.
    assert.deepEqual(rows(rule2990, childModel({ episodes: [episode({ ...closed, section47s: [s47()] })] })), [10]);
    assert.deepEqual(
      rows(rule2990, childModel({ episodes: [episode({ ...closed, dateOfInitialCpc: '2025-06-01' })] })),
      [10],
    );
    assert.deepEqual(
      rows(
        rule2990,
        childModel({
          episodes: [episode({ ...closed, section47s: [s47()], cpPlans: [cpPlan()], cinPlans: [cinPlan()] })],
        }),
      ),
      [10],
    );
    // RC7 (closed after S47) may hold a S47.
    assert.deepEqual(
      rows(rule2990, childModel({ episodes: [episode({ ...closed, reasonForClosure: 'RC7', section47s: [s47()] })] })),
      [],
    );
  });
});
