import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule1104, rule2884, rule8615, rule8675Q, rule8839, rule8870Q, rule8875 } from './section47';
import { check, childModel, episode, rows, s47 } from './testing';

const withS47 = (over: Parameters<typeof s47>[0]) => childModel({ episodes: [episode({ section47s: [s47(over)] })] });

describe('CIN rules: Section47', () => {
  it('8675Q: S47 started more than 15 working days before year end with no ICPC (a query)', () => {
    // 31 March 2026 (Tuesday), no bank holidays in March 2026: 14 working days back are 30, 27, 26, 25, 24, 23,
    // 20, 19, 18, 17, 16, 13, 12, 11 March → cut-off Wednesday 11 March 2026.
    assert.deepEqual(rows(rule8675Q, withS47({ startDate: '2026-03-11' })), []);
    assert.deepEqual(rows(rule8675Q, withS47({ startDate: '2026-03-10', icpcNotRequired: true })), []);
    assert.deepEqual(rows(rule8675Q, withS47({ startDate: '2026-03-10', icpcDate: '2026-03-30' })), []);
    assert.deepEqual(
      check(rule8675Q, withS47({ startDate: '2026-03-10' })).map((h) => [h.row, h.severity]),
      [[40, 'query']],
    );
  });

  it('8875: the ICPC is not on a weekend', () => {
    // 20 June 2025 was a Friday, 21 June a Saturday.
    assert.deepEqual(rows(rule8875, withS47({ icpcDate: '2025-06-20' })), []);
    assert.deepEqual(rows(rule8875, withS47({ icpcDate: '2025-06-21' })), [40]);
    assert.deepEqual(rows(rule8875, childModel({ episodes: [episode({ dateOfInitialCpc: '2025-06-22' })] })), [10]);
  });

  it('8870Q: the ICPC target date is not on a weekend (a query)', () => {
    assert.deepEqual(rows(rule8870Q, withS47({ icpcTarget: '2025-06-23' })), []);
    assert.deepEqual(
      check(rule8870Q, withS47({ icpcTarget: '2025-06-22' })).map((h) => [h.row, h.severity]),
      [[40, 'query']],
    );
  });

  it('1104: an S47 conference is not before the referral', () => {
    // The episode is referred 1 May 2025; s47() is on line 40.
    assert.deepEqual(rows(rule1104, withS47({ icpcDate: '2025-04-30' })), [40]); // the day before
    assert.deepEqual(rows(rule1104, withS47({ icpcDate: '2025-05-01' })), []); // the same day
    assert.deepEqual(rows(rule1104, withS47({ icpcDate: null })), []);
  });

  it('8615: an S47 with a conference starts on or before it', () => {
    // s47() starts 5 May 2025, on line 40.
    assert.deepEqual(rows(rule8615, withS47({ icpcDate: '2025-05-04' })), [40]); // the day before it started
    assert.deepEqual(rows(rule8615, withS47({ icpcDate: '2025-05-05' })), []); // the same day
    assert.deepEqual(rows(rule8615, withS47({ icpcDate: '2025-05-20', startDate: null })), [40]);
    assert.deepEqual(rows(rule8615, withS47({ icpcDate: null, startDate: null })), []);
  });

  it('8839: at most one S47 awaiting its conference in an episode', () => {
    const child = (...s: Array<Parameters<typeof s47>[0]>) =>
      childModel({ episodes: [episode({ section47s: s.map((over, i) => s47({ line: 40 + i, ...over })) })] });
    assert.deepEqual(rows(rule8839, child({}, {})), [40, 41]); // both open: both reported
    assert.deepEqual(rows(rule8839, child({}, { icpcNotRequired: true })), []);
    assert.deepEqual(rows(rule8839, child({}, { icpcDate: '2025-05-20' })), []);
  });

  it('2884: a conference on the S47 and on the episode, not both', () => {
    const child = (dateOfInitialCpc: string | null, icpcDate: string | null) =>
      childModel({ episodes: [episode({ dateOfInitialCpc, section47s: [s47({ icpcDate })] })] });
    assert.deepEqual(rows(rule2884, child('2025-05-20', '2025-05-20')), [10]); // the episode, line 10
    assert.deepEqual(rows(rule2884, child('2025-05-20', null)), []); // a transfer in: the episode only
    assert.deepEqual(rows(rule2884, child(null, '2025-05-20')), []);
  });
});
