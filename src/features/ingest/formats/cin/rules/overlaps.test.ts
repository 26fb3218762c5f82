import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule2991Q, rule4003, rule4014, rule8841, rule8842Q, rule8890, rule8896 } from './overlaps';
import { assessment, check, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

describe('CIN rules: overlapping modules', () => {
  it('4014: a CIN plan does not start on or between the start and end of another', () => {
    const plans = (...p: Array<[string, string | null, number]>) =>
      childModel({
        episodes: [episode({ cinPlans: p.map(([startDate, endDate, line]) => cinPlan({ startDate, endDate, line })) })],
      });
    assert.deepEqual(rows(rule4014, plans(['2025-05-01', '2025-06-30', 31], ['2025-07-01', null, 32])), []);
    // Starts on the other's end day: inside [start, end], both ends included.
    assert.deepEqual(rows(rule4014, plans(['2025-05-01', '2025-06-30', 31], ['2025-06-30', null, 32])), [32]);
    // The other has no end: open to the reference date.
    assert.deepEqual(rows(rule4014, plans(['2025-05-01', null, 31], ['2025-12-01', '2026-01-10', 32])), [32]);
    // The same start: each starts within the other.
    assert.deepEqual(
      rows(rule4014, plans(['2025-05-01', '2025-06-01', 31], ['2025-05-01', '2025-06-01', 32])),
      [31, 32],
    );
    // Plans in two episodes of the child are compared too (the validator compares all of a child's plans).
    assert.deepEqual(
      rows(
        rule4014,
        childModel({
          episodes: [
            episode({ cinPlans: [cinPlan({ startDate: '2025-05-01', endDate: '2025-08-01', line: 31 })] }),
            episode({ cinPlans: [cinPlan({ startDate: '2025-07-01', endDate: null, line: 32 })] }),
          ],
        }),
      ),
      [32],
    );
  });

  it('4003: a CP review is not held while a CIN plan is open, except on the day the CP plan ends', () => {
    const withReview = (review: string, plan: { startDate: string; endDate: string | null }, cpEnd: string | null) =>
      childModel({
        episodes: [
          episode({
            cinPlans: [cinPlan(plan)],
            cpPlans: [cpPlan({ startDate: '2025-05-01', endDate: cpEnd, reviews: [{ date: review, line: 55 }] })],
          }),
        ],
      });
    const cin = { startDate: '2025-09-01', endDate: '2025-12-01' };
    assert.deepEqual(rows(rule4003, withReview('2025-08-31', cin, null)), [], 'the day before the CIN plan');
    assert.deepEqual(rows(rule4003, withReview('2025-09-01', cin, null)), [55], 'its first day');
    assert.deepEqual(rows(rule4003, withReview('2025-11-30', cin, null)), [55]);
    assert.deepEqual(rows(rule4003, withReview('2025-12-01', cin, null)), [], 'its end day: ended');
    assert.deepEqual(rows(rule4003, withReview('2025-09-01', cin, '2025-09-01')), [], 'the CP plan ends at it');
    assert.deepEqual(
      rows(rule4003, withReview('2026-01-15', { startDate: '2025-09-01', endDate: null }, null)),
      [55],
      'a CIN plan with no end is open',
    );
  });

  it('8841: a CP review is after the plan started', () => {
    const review = (date: string) =>
      childModel({
        episodes: [episode({ cpPlans: [cpPlan({ startDate: '2025-06-02', reviews: [{ date, line: 55 }] })] })],
      });
    assert.deepEqual(rows(rule8841, review('2025-06-03')), []);
    assert.deepEqual(rows(rule8841, review('2025-06-02')), [55]);
    assert.deepEqual(rows(rule8841, review('2025-06-01')), [55]);
  });

  it('8842Q: a review record has a date (a query)', () => {
    assert.deepEqual(rows(rule8842Q, childModel({ episodes: [episode({ cpPlans: [cpPlan()] })] })), []);
    const hits = check(rule8842Q, childModel({ episodes: [episode({ cpPlans: [cpPlan({ undatedReviews: [56] })] })] }));
    assert.deepEqual(
      hits.map((h) => [h.row, h.severity]),
      [[56, 'query']],
    );
  });

  it('8890: a S47 does not start while another is ongoing (to its conference, or the reference date)', () => {
    const two = (second: string, first: Parameters<typeof s47>[0]) =>
      childModel({
        episodes: [
          episode({
            section47s: [
              s47({ startDate: '2025-05-05', line: 41, ...first }),
              s47({ startDate: second, line: 42, icpcNotRequired: true }),
            ],
          }),
        ],
      });
    const held = { icpcDate: '2025-05-20', icpcNotRequired: false };
    assert.deepEqual(rows(rule8890, two('2025-05-21', held)), []);
    assert.deepEqual(rows(rule8890, two('2025-05-20', held)), [42], 'on the conference day');
    assert.deepEqual(rows(rule8890, two('2025-05-05', held)), [42], 'the same day: the second is inside the first');
    assert.deepEqual(rows(rule8890, two('2026-03-31', { icpcDate: null, icpcNotRequired: false })), [42]);
    assert.deepEqual(rows(rule8890, two('2025-06-01', { icpcDate: null, icpcNotRequired: true })), []);
  });

  it('8896: at most one assessment open in an episode', () => {
    const open = (n: number, closedToo = 0) =>
      childModel({
        episodes: [
          episode({
            assessments: [
              ...Array.from({ length: n }, (_, i) => assessment({ authorisationDate: null, line: 21 + i })),
              ...Array.from({ length: closedToo }, () => assessment()),
            ],
          }),
        ],
      });
    assert.deepEqual(rows(rule8896, open(1, 2)), []);
    assert.deepEqual(rows(rule8896, open(2)), [21, 22]);
  });

  it('2991Q: an episode with a S47 has an assessment (a query, once per episode)', () => {
    assert.deepEqual(
      rows(rule2991Q, childModel({ episodes: [episode({ assessments: [assessment()], section47s: [s47()] })] })),
      [],
    );
    assert.deepEqual(rows(rule2991Q, childModel({ episodes: [episode()] })), []);
    const hits = check(
      rule2991Q,
      childModel({ episodes: [episode({ section47s: [s47({ line: 41 }), s47({ line: 42 })] })] }),
    );
    assert.deepEqual(
      hits.map((h) => [h.row, h.severity]),
      [[41, 'query']],
    );
  });
});
