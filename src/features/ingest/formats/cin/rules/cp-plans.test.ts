import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule2883, rule2885, rule8840, rule8925, rule8935, rule8940 } from './cp-plans';
import { childModel, cpPlan, episode, rows, s47 } from './testing';

describe('CIN rules: child protection plans', () => {
  it('2883: no more plans starting in the year than conferences in it', () => {
    const one = episode({
      section47s: [s47({ icpcDate: '2025-06-02' })],
      cpPlans: [cpPlan({ startDate: '2025-06-02', endDate: '2025-09-01' })],
    });
    assert.deepEqual(rows(rule2883, childModel({ episodes: [one] })), []);
    const two = episode({ ...one, cpPlans: [...one.cpPlans, cpPlan({ startDate: '2025-10-01' })] });
    assert.deepEqual(rows(rule2883, childModel({ episodes: [two] })), [10]);
    // A plan that started last year needs no conference this year.
    const old = episode({ cpPlans: [cpPlan({ startDate: '2025-03-03' })] });
    assert.deepEqual(rows(rule2883, childModel({ episodes: [old] })), []);
  });

  it('2885: a plan starts on the day of a conference', () => {
    assert.deepEqual(
      rows(
        rule2885,
        childModel({
          episodes: [episode({ dateOfInitialCpc: '2025-06-02', cpPlans: [cpPlan({ startDate: '2025-06-02' })] })],
        }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule2885,
        childModel({
          episodes: [
            episode({ section47s: [s47({ icpcDate: '2025-06-02' })], cpPlans: [cpPlan({ startDate: '2025-06-03' })] }),
          ],
        }),
      ),
      [50],
    );
  });

  it('8840: not start and end on the same day', () => {
    assert.deepEqual(
      rows(rule8840, childModel({ episodes: [episode({ cpPlans: [cpPlan({ endDate: '2025-06-03' })] })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8840, childModel({ episodes: [episode({ cpPlans: [cpPlan({ endDate: '2025-06-02' })] })] })),
      [50],
    );
  });

  it('8925: end not before start', () => {
    assert.deepEqual(
      rows(rule8925, childModel({ episodes: [episode({ cpPlans: [cpPlan({ endDate: '2025-06-03' })] })] })),
      [],
    );
    assert.deepEqual(
      rows(rule8925, childModel({ episodes: [episode({ cpPlans: [cpPlan({ endDate: '2025-06-01' })] })] })),
      [50],
    );
  });

  it('8935: one open plan at most', () => {
    const ended = cpPlan({ line: 50, startDate: '2025-06-02', endDate: '2025-08-01' });
    assert.deepEqual(
      rows(
        rule8935,
        childModel({ episodes: [episode({ cpPlans: [ended, cpPlan({ line: 51, startDate: '2025-09-01' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule8935,
        childModel({
          episodes: [episode({ cpPlans: [cpPlan({ line: 50 }), cpPlan({ line: 51, startDate: '2025-09-01' })] })],
        }),
      ),
      [50, 51],
    );
  });

  it('8940: plans do not overlap (starting on the end day does not)', () => {
    const ended = cpPlan({ line: 50, startDate: '2025-06-02', endDate: '2025-08-01' });
    assert.deepEqual(
      rows(
        rule8940,
        childModel({ episodes: [episode({ cpPlans: [ended, cpPlan({ line: 51, startDate: '2025-08-01' })] })] }),
      ),
      [],
    );
    assert.deepEqual(
      rows(
        rule8940,
        childModel({ episodes: [episode({ cpPlans: [cpPlan({ line: 51, startDate: '2025-07-01' }), ended] })] }),
      ),
      [51],
    );
  });
});
