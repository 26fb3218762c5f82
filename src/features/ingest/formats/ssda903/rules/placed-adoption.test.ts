/**
 * Decisions to place for adoption (PlacedAdoption), each rule with a row that passes, one that fails and the boundary,
 * worked by hand (collection year 2025/26: 1 April 2025 to 31 March 2026, unless said).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule117,
  rule118,
  rule119,
  rule522,
  rule523,
  rule525,
  rule551,
  rule552,
  rule553,
  rule554,
  rule555,
  rule556,
  rule557,
  rule557From2025,
  rule558,
  rule563,
  rule579,
  rule583,
} from './placed-adoption';
import { hits } from './testing';

describe('903 placed for adoption rules', () => {
  it('117: decisions not after 31 March nor after the child left care', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2024-01-01', REC: 'X1', DEC: '2025-05-01' },
      { CHILD: 'A', DECOM: '2025-05-01', REC: 'E4A', DEC: '2025-09-01' }, // A left care on 1 September
      { CHILD: 'B', DECOM: '2025-05-01', REC: null }, // B still looked after
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-09-01' }, // 2 passes: ceased the day A left
      { CHILD: 'A', DATE_PLACED: '2025-09-02' }, // 3 fails: after A left
      { CHILD: 'B', DATE_PLACED: '2026-03-31' }, // 4 passes: the year's last day
      { CHILD: 'B', DATE_PLACED: '2026-04-01' }, // 5 fails: after 31 March
    ];
    assert.deepEqual(hits(rule117, { Episodes, PlacedAdoption }), ['PlacedAdoption.csv:3', 'PlacedAdoption.csv:5']);
  });

  it('118: a reversal not before 1 April nor before the child was first looked after (V3/V4 aside)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-03-01', LS: 'V3', REC: 'X1', DEC: '2025-05-01' },
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'C2' },
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED_CEASED: '2025-05-01' }, // 2 passes: the day the C2 episode began
      { CHILD: 'A', DATE_PLACED_CEASED: '2025-04-30' }, // 3 fails: before it (the V3 episode does not count)
      { CHILD: 'Z', DATE_PLACED_CEASED: '2025-03-31' }, // 4 fails: before the year
    ];
    assert.deepEqual(hits(rule118, { Episodes, PlacedAdoption }), ['PlacedAdoption.csv:3', 'PlacedAdoption.csv:4']);
  });

  it('119: the reversal’s date and reason together', () => {
    const PlacedAdoption = [
      { DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' },
      { DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: null },
      { DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: null }, // 4 fails
      { DATE_PLACED_CEASED: null, REASON_PLACED_CEASED: 'RD2' }, // 5 fails
    ];
    assert.deepEqual(hits(rule119, { PlacedAdoption }), ['PlacedAdoption.csv:4', 'PlacedAdoption.csv:5']);
  });

  it('522: reversed on or after the decision', () => {
    const PlacedAdoption = [
      { DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-06-01' }, // passes: same day
      { DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-05-31' }, // 3 fails
    ];
    assert.deepEqual(hits(rule522, { PlacedAdoption }), ['PlacedAdoption.csv:3']);
  });

  it('523: the decision to place has the best-interests date of AD1', () => {
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-05-01' },
      { CHILD: 'B', DATE_PLACED: '2025-05-01' }, // 3 fails: AD1 says 2 May
      { CHILD: 'C', DATE_PLACED: '2025-05-01' }, // passes: no AD1 row
    ];
    const AD1 = [
      { CHILD: 'A', DATE_INT: '2025-05-01' },
      { CHILD: 'B', DATE_INT: '2025-05-02' },
    ];
    assert.deepEqual(hits(rule523, { PlacedAdoption, AD1 }), ['PlacedAdoption.csv:3']);
  });

  it('525: a reversed decision and an adoption (AD1 with data) do not go together', () => {
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-08-01' }, // 2 fails
      { CHILD: 'B', DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-08-01' }, // passes: B's AD1 row is blank
      { CHILD: 'C', DATE_PLACED: '2025-05-01' }, // passes: not reversed
    ];
    const AD1 = [{ CHILD: 'A', DATE_INT: '2025-05-01' }, { CHILD: 'B' }, { CHILD: 'C', DATE_INT: '2025-05-01' }];
    assert.deepEqual(hits(rule525, { PlacedAdoption, AD1 }), ['PlacedAdoption.csv:2']);
  });

  it('551: placed for adoption needs a decision date (not run when no PlacedAdoption file is given)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'A6' }, // passes
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'A3' }, // 3 fails: no row
      { CHILD: 'C', DECOM: '2025-06-01', PLACE: 'A4' }, // 4 fails: DATE_PLACED blank
      { CHILD: 'D', DECOM: '2025-06-01', PLACE: 'U4' }, // passes: not placed for adoption
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-05-01' },
      { CHILD: 'C', DATE_PLACED: null },
    ];
    assert.deepEqual(hits(rule551, { Episodes, PlacedAdoption }), ['Episodes.csv:3', 'Episodes.csv:4']);
    assert.deepEqual(hits(rule551, { Episodes }), []);
  });

  it('552: the latest decision is on or before the first placement for adoption', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', PLACE: 'A6' },
      { CHILD: 'B', DECOM: '2025-06-01', PLACE: 'A6' },
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-06-01' }, // passes: same day
      { CHILD: 'B', DATE_PLACED: '2025-04-01', DATE_PLACED_CEASED: '2025-04-20' },
      { CHILD: 'B', DATE_PLACED: '2025-06-02' }, // 4 fails: B's latest decision is after the placement
    ];
    assert.deepEqual(hits(rule552, { Episodes, PlacedAdoption }), ['PlacedAdoption.csv:4']);
  });

  it('553: a placement order (E1) needs a decision, not reversed while the order is open', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', LS: 'E1' }, // open; A's decision is open: passes
      { CHILD: 'B', DECOM: '2025-06-01', LS: 'E1' }, // 3 fails: no decision
      { CHILD: 'C', DECOM: '2025-06-01', LS: 'E1' }, // open, and C's decision is reversed: the PlacedAdoption row fails
      { CHILD: 'D', DECOM: '2025-06-01', LS: 'E1', DEC: '2025-09-01', REC: 'X1' }, // ended: D's reversal passes
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-05-01' },
      { CHILD: 'C', DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' }, // 3
      { CHILD: 'D', DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' },
    ];
    assert.deepEqual(hits(rule553, { Episodes, PlacedAdoption }), ['Episodes.csv:3', 'PlacedAdoption.csv:3']);
  });

  it('555/556: freeing orders (D1), checked only to 2023/24', () => {
    const Episodes = [{ CHILD: 'A', DECOM: '2023-06-01', LS: 'D1' }];
    const PlacedAdoption = [{ CHILD: 'A', DATE_PLACED: '2023-06-02' }]; // after the order: 556 fails
    assert.deepEqual(hits(rule555, { Episodes, PlacedAdoption: [] }, 2024), ['Episodes.csv:2']);
    assert.deepEqual(hits(rule556, { Episodes, PlacedAdoption }, 2024), ['Episodes.csv:2']);
    assert.deepEqual(
      hits(rule556, { Episodes, PlacedAdoption: [{ CHILD: 'A', DATE_PLACED: '2023-06-01' }] }, 2024),
      [],
    );
    assert.deepEqual(hits(rule556, { Episodes, PlacedAdoption }, 2025), []);
  });

  it('554: decided on or before the first placement order episode', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-06-01', LS: 'E1' },
      { CHILD: 'B', DECOM: '2025-06-01', LS: 'E1' },
    ];
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-06-01' }, // passes: the same day
      { CHILD: 'B', DATE_PLACED: '2025-06-02' }, // 3 fails
    ];
    assert.deepEqual(hits(rule554, { Episodes, PlacedAdoption }), ['PlacedAdoption.csv:3']);
  });

  it('557: left care from a placement for adoption or order without being adopted: the reversal is recorded', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'E1', PLACE: 'A6', DEC: '2025-09-01', REC: 'E11' }, // adopted: passes
      { CHILD: 'B', DECOM: '2025-05-01', LS: 'E1', PLACE: 'U4', DEC: '2025-09-01', REC: 'X1' }, // carried on: passes
      { CHILD: 'C', DECOM: '2025-05-01', LS: 'E1', PLACE: 'U4', DEC: '2025-09-01', REC: 'E4A' }, // 4: reversal complete
      { CHILD: 'D', DECOM: '2025-05-01', LS: 'C2', PLACE: 'A6', DEC: '2025-09-01', REC: 'E13' }, // 5 fails: not reversed
      { CHILD: 'E', DECOM: '2023-05-01', LS: 'D1', PLACE: 'U4', DEC: '2023-09-01', REC: 'E4A' }, // D1: only to 2023/24
    ];
    const PlacedAdoption = [
      { CHILD: 'C', DATE_PLACED: '2025-04-01', DATE_PLACED_CEASED: '2025-09-01', REASON_PLACED_CEASED: 'RD1' },
      { CHILD: 'D', DATE_PLACED: '2025-04-01' },
    ];
    assert.deepEqual(hits(rule557From2025, { Episodes, PlacedAdoption }), ['Episodes.csv:5']);
    assert.deepEqual(hits(rule557, { Episodes, PlacedAdoption }, 2024), ['Episodes.csv:5', 'Episodes.csv:6']);
  });

  it('558: adopted, so the latest of several reversed-looking decisions is not reversed', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', REC: 'E11', DEC: '2025-12-01' },
      { CHILD: 'B', DECOM: '2025-05-01', REC: 'E11', DEC: '2025-12-01' },
    ];
    const PlacedAdoption = [
      // A: two reversals, and the latest decision (1 June) reversed too: fails.
      { CHILD: 'A', DATE_PLACED: '2025-04-02', DATE_PLACED_CEASED: '2025-04-20' },
      { CHILD: 'A', DATE_PLACED: '2025-06-01', DATE_PLACED_CEASED: '2025-07-01' },
      // B: two reversals, the latest decision (1 August) open: passes.
      { CHILD: 'B', DATE_PLACED: '2025-04-02', DATE_PLACED_CEASED: '2025-04-20' },
      { CHILD: 'B', DATE_PLACED: '2025-05-02', DATE_PLACED_CEASED: '2025-06-20' },
      { CHILD: 'B', DATE_PLACED: '2025-08-01' },
    ];
    assert.deepEqual(hits(rule558, { Episodes, PlacedAdoption }), ['Episodes.csv:2']);
  });

  it('563: a reversal needs the decision’s own date', () => {
    const PlacedAdoption = [
      { DATE_PLACED: '2025-05-01', DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' },
      { DATE_PLACED: null, DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' }, // 3 fails
    ];
    assert.deepEqual(hits(rule563, { PlacedAdoption }), ['PlacedAdoption.csv:3']);
  });

  it('579 and 583: a new decision only after the previous one was reversed', () => {
    const PlacedAdoption = [
      { CHILD: 'A', DATE_PLACED: '2025-04-10', DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' },
      { CHILD: 'A', DATE_PLACED: '2025-06-01' }, // 3 passes: the day of the reversal (boundary)
      { CHILD: 'B', DATE_PLACED: '2025-04-10', DATE_PLACED_CEASED: '2025-06-01', REASON_PLACED_CEASED: 'RD1' },
      { CHILD: 'B', DATE_PLACED: '2025-05-31' }, // 5: 579 fails (before the reversal)
      { CHILD: 'C', DATE_PLACED: '2025-04-10' }, // 6: 583 fails (an earlier decision never reversed)
      { CHILD: 'C', DATE_PLACED: '2025-09-01' }, // 7: 579 fails (the previous one is open)
    ];
    assert.deepEqual(hits(rule579, { PlacedAdoption }), ['PlacedAdoption.csv:5', 'PlacedAdoption.csv:7']);
    assert.deepEqual(hits(rule583, { PlacedAdoption }), ['PlacedAdoption.csv:6']);
  });
});
