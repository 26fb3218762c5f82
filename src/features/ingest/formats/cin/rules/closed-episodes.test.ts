import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule8565, rule8867, rule8868, rule8873Q } from './closed-episodes';
import { assessment, check, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

const CLOSED = { referralDate: '2025-05-01', closureDate: '2025-09-30', reasonForClosure: 'RC7' };

describe('CIN rules: closed episodes', () => {
  it('8565: nothing is dated after the closure; the closure day itself is fine', () => {
    const onTheDay = episode({
      ...CLOSED,
      dateOfInitialCpc: null,
      assessments: [assessment({ startDate: '2025-05-02', authorisationDate: '2025-09-30' })],
      section47s: [s47({ startDate: '2025-06-01', icpcDate: '2025-09-30' })],
      cinPlans: [cinPlan({ startDate: '2025-07-01', endDate: '2025-09-30' })],
      cpPlans: [cpPlan({ startDate: '2025-07-01', endDate: '2025-09-30' })],
    });
    assert.deepEqual(rows(rule8565, childModel({ episodes: [onTheDay] })), []);
    // The day after, once in each module: the ICPC after the closure is the "ICPC after the RC7 closure".
    const after = episode({
      ...CLOSED,
      dateOfInitialCpc: '2025-10-01',
      assessments: [assessment({ startDate: '2025-05-02', authorisationDate: '2025-10-01' })],
      section47s: [s47({ startDate: '2025-06-01', icpcDate: '2025-10-01' })],
      cinPlans: [cinPlan({ startDate: '2025-07-01', endDate: '2025-10-01' })],
      cpPlans: [cpPlan({ startDate: '2025-07-01', endDate: '2025-10-01' })],
    });
    assert.deepEqual(
      check(rule8565, childModel({ episodes: [after] })).map((i) => [i.row, i.column]),
      [
        [10, 'DateOfInitialCPC'],
        [20, 'AssessmentAuthorisationDate'],
        [40, 'DateOfInitialCPC'],
        [50, 'CPPendDate'],
        [30, 'CINPlanEndDate'],
      ],
    );
    // An open episode has no closure to compare with.
    assert.deepEqual(
      rows(
        rule8565,
        childModel({ episodes: [episode({ assessments: [assessment({ authorisationDate: '2026-03-01' })] })] }),
      ),
      [],
    );
  });

  it('8867: a closed episode has every assessment authorised', () => {
    const withAssessment = (authorisationDate: string | null, closed = true) =>
      childModel({
        episodes: [episode({ ...(closed ? CLOSED : {}), assessments: [assessment({ authorisationDate })] })],
      });
    assert.deepEqual(rows(rule8867, withAssessment('2025-06-01')), []);
    assert.deepEqual(rows(rule8867, withAssessment(null)), [20]);
    assert.deepEqual(rows(rule8867, withAssessment(null, false)), [], 'open: the assessment may still be going on');
  });

  it('8868: a closed episode has every S47 concluded by a conference or "not required", not both', () => {
    const withS47 = (icpcDate: string | null, icpcNotRequired: boolean | null, closed = true) =>
      childModel({
        episodes: [episode({ ...(closed ? CLOSED : {}), section47s: [s47({ icpcDate, icpcNotRequired })] })],
      });
    assert.deepEqual(rows(rule8868, withS47('2025-05-20', false)), []);
    assert.deepEqual(rows(rule8868, withS47(null, true)), []);
    assert.deepEqual(
      check(rule8868, withS47(null, false)).map((i) => [i.row, i.column]),
      [[40, 'DateOfInitialCPC']],
    );
    assert.deepEqual(
      check(rule8868, withS47('2025-05-20', true)).map((i) => [i.row, i.column]),
      [[40, 'ICPCnotRequired']],
    );
    assert.deepEqual(rows(rule8868, withS47(null, false, false)), [], 'open: the enquiry may still be going on');
  });

  it('8873Q: a closed episode whose only assessment found no factors is closed RC8 or RC9 (a query)', () => {
    const closedWith = (reasonForClosure: string, assessments = [assessment({ factors: ['21'] })]) =>
      childModel({ episodes: [episode({ ...CLOSED, reasonForClosure, assessments })] });
    assert.deepEqual(rows(rule8873Q, closedWith('RC8')), []);
    assert.deepEqual(rows(rule8873Q, closedWith('RC9')), []);
    assert.deepEqual(
      check(rule8873Q, closedWith('RC7')).map((i) => [i.row, i.severity]),
      [[10, 'query']],
    );
    // Two assessments, or factors found: no query.
    assert.deepEqual(
      rows(rule8873Q, closedWith('RC7', [assessment({ factors: ['21'] }), assessment({ factors: ['1A'] })])),
      [],
    );
    assert.deepEqual(rows(rule8873Q, closedWith('RC7', [assessment({ factors: ['1A'] })])), []);
    // Still open: no reason for closure yet.
    assert.deepEqual(
      rows(rule8873Q, childModel({ episodes: [episode({ assessments: [assessment({ factors: ['21'] })] })] })),
      [],
    );
  });
});
