import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule225,
  rule226,
  rule233,
  rule234,
  rule336,
  rule364,
  rule377,
  rule383,
  rule383From2026,
  rule432,
  rule504,
} from './placement-changes';
import { hits } from './testing';

// The n-th row is on line n + 1. Each child's episodes are read in DECOM order.
describe('903 rules on how one episode leads to the next', () => {
  it('225: a placement change gives its reason', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', PLACE: 'U1' }, // 2 fails: no reason
      { CHILD: 'A', DECOM: '2025-06-01', RNE: 'P', PLACE: 'U3' },
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', PLACE: 'U1', REASON_PLACE_CHANGE: 'CARPL' },
      { CHILD: 'B', DECOM: '2025-06-01', RNE: 'P', PLACE: 'U3' },
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', PLACE: 'U1' }, // legal status only
      { CHILD: 'C', DECOM: '2025-06-01', RNE: 'L', PLACE: 'U1' },
      { CHILD: 'D', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', PLACE: 'U1' }, // into a temporary placement
      { CHILD: 'D', DECOM: '2025-06-01', RNE: 'P', PLACE: 'T3' },
    ];
    assert.deepEqual(hits(rule225, { Episodes }), ['Episodes.csv:2']);
  });

  it('226: no reason for placement change on a temporary placement or the episode before it', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', PLACE: 'U1', REASON_PLACE_CHANGE: 'CARPL' },
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'T3' }, // 3 fails: the episode before gave a reason
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-01', PLACE: 'U1' },
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'T3', REASON_PLACE_CHANGE: 'OTHER' }, // 5 fails
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'T3' }, // passes: first and no reason
    ];
    assert.deepEqual(hits(rule226, { Episodes }), ['Episodes.csv:3', 'Episodes.csv:5']);
  });

  it('233: no reason for placement change while the episode is open (2025/26 on)', () => {
    const Episodes = [
      { DEC: null, REASON_PLACE_CHANGE: 'CARPL' }, // 2
      { DEC: '2025-06-01', REASON_PLACE_CHANGE: 'CARPL' },
    ];
    assert.deepEqual(hits(rule233, { Episodes }), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule233, { Episodes }, 2025), []);
  });

  it('234: no change to custody before the 10th birthday (2025/26 on)', () => {
    const Header = [{ CHILD: 'A', DOB: '2015-09-01' }];
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-08-31', REASON_PLACE_CHANGE: 'CUSTOD' }, // 2: a day before 10
      { CHILD: 'A', DECOM: '2025-08-31', DEC: '2025-09-01', REASON_PLACE_CHANGE: 'CUSTOD' }, // passes: the birthday
    ];
    assert.deepEqual(hits(rule234, { Header, Episodes }), ['Episodes.csv:2']);
  });

  it('336: placed for adoption with the current foster carer straight from foster care', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', PLACE: 'U3' },
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'A5' }, // passes: fostered before
      { CHILD: 'B', DECOM: '2025-05-01', PLACE: 'K2' },
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'A3' }, // 5 fails
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'K2' },
      { CHILD: 'C', DECOM: '2025-06-01', PLACE: 'A4' }, // passes: not with the foster carer (see the rule)
      { CHILD: 'D', DECOM: '2025-06-01', PLACE: 'A3' }, // passes: the first episode
    ];
    assert.deepEqual(hits(rule336, { Episodes }), ['Episodes.csv:5']);
  });

  it('364: J2 for 21 days at most, joined episodes counted together', () => {
    const Episodes = [
      // A: 1 → 11 May (10 days) then 11 → 22 May (11 days) = 21 days: passes.
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-05-11', LS: 'J2' },
      { CHILD: 'A', DECOM: '2025-05-11', DEC: '2025-05-22', LS: 'J2' },
      // B: 1 → 11 May (10) then 11 → 23 May (12) = 22 days: both fail.
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-05-11', LS: 'J2' }, // 4
      { CHILD: 'B', DECOM: '2025-05-11', DEC: '2025-05-23', LS: 'J2' }, // 5
      // C: two separate stretches of 15 days: pass.
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-05-16', LS: 'J2' },
      { CHILD: 'C', DECOM: '2025-06-01', DEC: '2025-06-16', LS: 'J2' },
      // D: open from 1 March 2026, counted to 31 March = 30 days: fails.
      { CHILD: 'D', DECOM: '2026-03-01', DEC: null, LS: 'J2' }, // 8
    ];
    assert.deepEqual(hits(rule364, { Episodes }), ['Episodes.csv:4', 'Episodes.csv:5', 'Episodes.csv:8']);
  });

  it("377: at most two T3 placements in the child's year", () => {
    const Episodes = [
      { CHILD: 'A', PLACE: 'T3' }, // 2
      { CHILD: 'A', PLACE: 'T3' }, // 3
      { CHILD: 'A', PLACE: 'T3' }, // 4
      { CHILD: 'B', PLACE: 'T3' },
      { CHILD: 'B', PLACE: 'T3' },
    ];
    assert.deepEqual(hits(rule377, { Episodes }), ['Episodes.csv:2', 'Episodes.csv:3', 'Episodes.csv:4']);
  });

  it('383: back to the usual placement after a temporary one (and its postcode from 2025/26)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', PLACE: 'U1', PL_POST: 'N1' },
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'T3' },
      { CHILD: 'A', DECOM: '2025-06-10', PLACE: 'U1', PL_POST: 'N1', RNE: 'P' }, // passes
      { CHILD: 'B', DECOM: '2025-05-01', PLACE: 'U1', PL_POST: 'N1' },
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'T3' },
      { CHILD: 'B', DECOM: '2025-06-10', PLACE: 'U3', PL_POST: 'N1', RNE: 'P' }, // 7 fails: another placement
      { CHILD: 'C', DECOM: '2025-05-01', PLACE: 'U1', PL_POST: 'N1' },
      { CHILD: 'C', DECOM: '2025-06-01', PLACE: 'T3' },
      { CHILD: 'C', DECOM: '2025-06-10', PLACE: 'U1', PL_POST: 'N2', RNE: 'P' }, // 10: another postcode (2025/26)
      { CHILD: 'D', DECOM: '2025-05-01', PLACE: 'U1' },
      { CHILD: 'D', DECOM: '2025-06-01', PLACE: 'T3' },
      { CHILD: 'D', DECOM: '2025-06-10', PLACE: 'U1', RNE: 'B' }, // 13 fails: RNE is not P
    ];
    assert.deepEqual(hits(rule383, { Episodes }, 2025), ['Episodes.csv:7', 'Episodes.csv:13']);
    assert.deepEqual(hits(rule383From2026, { Episodes }, 2026), [
      'Episodes.csv:7',
      'Episodes.csv:10',
      'Episodes.csv:13',
    ]);
  });

  it('432: after care ended, the next episode starts a new period (S)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'E4A' },
      { CHILD: 'A', DECOM: '2025-08-01', RNE: 'P' }, // 3 fails
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'E4A' },
      { CHILD: 'B', DECOM: '2025-08-01', RNE: 'S' }, // passes
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1' },
      { CHILD: 'C', DECOM: '2025-06-01', RNE: 'P' }, // passes: care went on
    ];
    assert.deepEqual(hits(rule432, { Episodes }), ['Episodes.csv:3']);
  });

  it('504: the category of need stays the same through a period of care', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', CIN: 'N1' },
      { CHILD: 'A', DECOM: '2025-06-01', CIN: 'N2' }, // 3 fails
      { CHILD: 'B', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'E4A', CIN: 'N1' },
      { CHILD: 'B', DECOM: '2025-08-01', CIN: 'N2' }, // passes: a new period
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-01', REC: 'X1', CIN: 'N1' },
      { CHILD: 'C', DECOM: '2025-06-01', CIN: 'N1' }, // passes
    ];
    assert.deepEqual(hits(rule504, { Episodes }), ['Episodes.csv:3']);
  });
});
