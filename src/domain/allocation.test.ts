import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { allocate, independentOf, NO_AUDITORS, ONLY_OWN_TEAM } from './allocation';

describe('allocating cases to auditors', () => {
  // Auditors: 1 in team 10 with 2 open audits, 2 in team 20 with none, 3 with no team (a QA auditor) with 1.
  const auditors = [
    { userId: 1, teamId: 10, load: 2 },
    { userId: 2, teamId: 20, load: 0 },
    { userId: 3, teamId: null, load: 1 },
  ];
  const cases = [
    { caseId: 101, teamId: 20 },
    { caseId: 102, teamId: 10 },
    { caseId: 103, teamId: 30 },
    { caseId: 104, teamId: null },
    { caseId: 105, teamId: 20 },
  ];

  it('balances load and never gives an auditor their own team: 5 cases worked by hand', () => {
    // 101 (team 20): 1 (load 2) or 3 (load 1) → 3, now 2.
    // 102 (team 10): 2 (0) or 3 (2) → 2, now 1.
    // 103 (team 30): 1 (2), 2 (1), 3 (2) → 2, now 2.
    // 104 (no team): 1 (2), 2 (2), 3 (2) → tie, lowest user id → 1, now 3.
    // 105 (team 20): 1 (3) or 3 (2) → 3, now 3.
    assert.deepEqual(allocate(cases, auditors), {
      allocations: [
        { caseId: 101, userId: 3 },
        { caseId: 102, userId: 2 },
        { caseId: 103, userId: 2 },
        { caseId: 104, userId: 1 },
        { caseId: 105, userId: 3 },
      ],
      unallocated: [],
    });
  });

  it('gives the same answer whatever order cases and auditors arrive in, and does not change the loads it was given', () => {
    const before = JSON.stringify(auditors);
    assert.deepEqual(allocate([...cases].reverse(), [...auditors].reverse()), allocate(cases, auditors));
    assert.equal(JSON.stringify(auditors), before);
  });

  it('leaves a case of the only auditor’s team unallocated, with the reason, and still allocates the others', () => {
    const result = allocate(
      [
        { caseId: 1, teamId: 10 },
        { caseId: 2, teamId: 11 },
      ],
      [{ userId: 7, teamId: 10, load: 0 }],
    );
    assert.deepEqual(result, {
      allocations: [{ caseId: 2, userId: 7 }],
      unallocated: [{ caseId: 1, reason: ONLY_OWN_TEAM }],
    });
  });

  it('breaks ties by the lower user id, then alternates as loads grow', () => {
    // Both at load 0: case 1 → user 4 (lower id); then 4 has 1, 9 has 0: case 2 → 9; both 1: case 3 → 4.
    const result = allocate(
      [
        { caseId: 3, teamId: null },
        { caseId: 1, teamId: null },
        { caseId: 2, teamId: null },
      ],
      [
        { userId: 9, teamId: null, load: 0 },
        { userId: 4, teamId: null, load: 0 },
      ],
    );
    assert.deepEqual(result.allocations, [
      { caseId: 1, userId: 4 },
      { caseId: 2, userId: 9 },
      { caseId: 3, userId: 4 },
    ]);
  });

  it('a heavily loaded auditor gets nothing until the others catch up', () => {
    // User 1 has 5, user 2 has 3: cases 1 and 2 go to 2 (3 → 4 → 5); case 3 is a tie at 5 → user 1.
    const result = allocate(
      [1, 2, 3].map((caseId) => ({ caseId, teamId: null })),
      [
        { userId: 1, teamId: null, load: 5 },
        { userId: 2, teamId: null, load: 3 },
      ],
    );
    assert.deepEqual(
      result.allocations.map((a) => a.userId),
      [2, 2, 1],
    );
  });

  it('with no auditors, every case is unallocated and says why', () => {
    assert.deepEqual(allocate([{ caseId: 5, teamId: 1 }], []), {
      allocations: [],
      unallocated: [{ caseId: 5, reason: NO_AUDITORS }],
    });
  });

  it('independence: only the same team is refused', () => {
    assert.equal(independentOf(10, 10), false);
    assert.equal(independentOf(10, 11), true);
    assert.equal(independentOf(null, 10), true);
    assert.equal(independentOf(10, null), true);
  });
});
