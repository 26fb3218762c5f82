import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule8608,
  rule8614,
  rule8863Q,
  rule8670Q,
  rule8869,
  rule8897Q,
  rule8898,
  rule8945Q,
  rule8950Q,
} from './assessments';
import { validatorWorkingDaysBefore } from './context';
import { assessment, check, childModel, episode, rows } from './testing';

const withAssessment = (over: Parameters<typeof assessment>[0]) =>
  childModel({ episodes: [episode({ referralDate: '2022-06-01', assessments: [assessment(over)] })] });

describe('CIN rules: assessments', () => {
  it('counts working days as the validator does (the reference date is day 1)', () => {
    // 31 March 2023 (a Friday), 45 working days: March 2023 has 22 working days before the 31st, February 20,
    // no bank holidays in either; 44 steps back = 22 + 20 + 2 (31 and 30 January) → Monday 30 January 2023.
    assert.equal(validatorWorkingDaysBefore('2023-03-31', 45), '2023-01-30');
    // 31 March 2024 was a Sunday and 29 March 2024 Good Friday: 14 steps back from it are 28, 27, 26, 25, 22,
    // 21, 20, 19, 18, 15, 14, 13, 12, 11 March → 11 March 2024.
    assert.equal(validatorWorkingDaysBefore('2024-03-31', 15), '2024-03-11');
  });

  it('8670Q: unauthorised assessment started more than 45 working days before year end (a query)', () => {
    const year = 2023; // reference date 31 March 2023, cut-off 30 January 2023 (above)
    assert.deepEqual(rows(rule8670Q, withAssessment({ startDate: '2023-01-30', authorisationDate: null }), year), []);
    assert.deepEqual(
      rows(rule8670Q, withAssessment({ startDate: '2022-10-15', authorisationDate: '2022-11-20' }), year),
      [],
    );
    const hits = check(rule8670Q, withAssessment({ startDate: '2023-01-27', authorisationDate: null }), year);
    assert.deepEqual(
      hits.map((h) => [h.row, h.severity]),
      [[20, 'query']],
    );
  });

  it('8869: factor 21 stands alone', () => {
    assert.deepEqual(rows(rule8869, withAssessment({ factors: ['21'] })), []);
    assert.deepEqual(rows(rule8869, withAssessment({ factors: ['21', '1A'] })), [20]);
  });

  it('8897Q: an authorised assessment gives its factors (a query)', () => {
    assert.deepEqual(rows(rule8897Q, withAssessment({ factors: ['3A'] })), []);
    assert.deepEqual(rows(rule8897Q, withAssessment({ authorisationDate: null, factors: null })), []);
    assert.deepEqual(rows(rule8897Q, withAssessment({ factors: null })), [20]);
    assert.deepEqual(rows(rule8897Q, withAssessment({ factors: [] })), [20]);
  });

  it('8898: no factor twice', () => {
    assert.deepEqual(rows(rule8898, withAssessment({ factors: ['3A', '3B'] })), []);
    assert.deepEqual(
      check(rule8898, withAssessment({ factors: ['3A', '3B', '3A'] })).map((h) => h.message),
      ['The assessment gives the same factor more than once (3A)'],
    );
  });

  it('8945Q and 8950Q: the retired factors 18A and 19A (queries)', () => {
    assert.deepEqual(rows(rule8945Q, withAssessment({ factors: ['18B'] })), []);
    assert.deepEqual(rows(rule8945Q, withAssessment({ factors: ['18A'] })), [20]);
    assert.deepEqual(rows(rule8950Q, withAssessment({ factors: ['19C'] })), []);
    assert.deepEqual(rows(rule8950Q, withAssessment({ factors: ['19A'] })), [20]);
    // New in the 2024/25 ruleset: not before it.
    assert.deepEqual(rows(rule8945Q, withAssessment({ factors: ['18A'] }), 2024), []);
    assert.deepEqual(rows(rule8950Q, withAssessment({ factors: ['19A'] }), 2024), []);
  });

  it('8608: an assessment is not authorised before it started', () => {
    // assessment() is on line 20 and starts 2 May 2025.
    assert.deepEqual(rows(rule8608, withAssessment({ authorisationDate: '2025-05-01' })), [20]); // the day before
    assert.deepEqual(rows(rule8608, withAssessment({ authorisationDate: '2025-05-02' })), []); // the same day
    assert.deepEqual(rows(rule8608, withAssessment({ authorisationDate: '2025-06-01' })), []);
    assert.deepEqual(rows(rule8608, withAssessment({ authorisationDate: null })), []); // still open
  });

  it('8614: factors only for an authorised assessment', () => {
    assert.deepEqual(rows(rule8614, withAssessment({ authorisationDate: null, factors: ['1A'] })), [20]);
    assert.deepEqual(rows(rule8614, withAssessment({ authorisationDate: null, factors: null })), []);
    assert.deepEqual(rows(rule8614, withAssessment({ authorisationDate: null, factors: [] })), []);
    assert.deepEqual(rows(rule8614, withAssessment({ factors: ['1A'] })), []); // authorised 1 June 2025
  });

  it('8863Q: an assessment does not start while another in the episode is ongoing (a query)', () => {
    const two = (second: Parameters<typeof assessment>[0], first: Parameters<typeof assessment>[0] = {}) =>
      childModel({ episodes: [episode({ assessments: [assessment(first), assessment({ line: 21, ...second })] })] });
    // The first runs 2 May to 1 June 2025 (line 20).
    assert.deepEqual(rows(rule8863Q, two({ startDate: '2025-06-01', authorisationDate: null })), [21]); // its last day
    assert.deepEqual(rows(rule8863Q, two({ startDate: '2025-06-02', authorisationDate: null })), []); // the day after
    // Not authorised: it runs to the reference date, so one starting later in the year is during it; and the
    // first (2 May) is not within the second (from 1 July).
    assert.deepEqual(
      rows(rule8863Q, two({ startDate: '2025-07-01', authorisationDate: null }, { authorisationDate: null })),
      [21],
    );
    assert.equal(rule8863Q.severity, 'query');
  });
});
