import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ruleSW01STG1,
  ruleSW01aSTG1,
  ruleSW01bSTG1,
  ruleSW02STG1,
  ruleSW03STG1,
  ruleSW06STG2,
  ruleSW07STG2,
  ruleSW07STG2From2025,
  ruleSW09STG2,
  ruleSW10STG2,
  ruleSW11aSTG2,
  ruleSW11bSTG2,
  ruleSW12STG2,
  ruleSW13STG1,
  ruleSW13STG1From2025,
  ruleSW14STG2,
} from './social-worker-episodes';
import { hits } from './testing';

// Rows are on line n + 1 (the n-th row, under a header line). Year 2026 = 2025/26: 1 April 2025 to 31 March 2026.
describe('903 social worker episode rules', () => {
  it('SW01STG1: a child looked after on 31 March has a complete social worker episode (2023/24 only)', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2023-05-01', LS: 'C2' }, // 2: passes, A's row is complete
      { CHILD: 'B', DECOM: '2023-05-01', LS: 'C2' }, // 3 fails: B's only row has no reason
      { CHILD: 'C', DECOM: '2023-05-01', LS: 'V4' }, // short breaks: exempt
      { CHILD: 'D', DECOM: '2023-05-01', DEC: '2023-06-01', LS: 'C2' }, // not looked after at 31 March
      { CHILD: 'E', DECOM: '2023-05-01', LS: 'C2' }, // 6 fails: no social worker episode
    ];
    const SWEpisodes = [
      { CHILD: 'A', SW_ID: 'SW1', SW_DECOM: '2023-05-01', SW_REASON: 'FCONTA' },
      { CHILD: 'B', SW_ID: 'SW1', SW_DECOM: '2023-05-01' },
    ];
    assert.deepEqual(hits(ruleSW01STG1, { Episodes, SWEpisodes }, 2024), ['Episodes.csv:3', 'Episodes.csv:6']);
    assert.deepEqual(hits(ruleSW01STG1, { Episodes, SWEpisodes }, 2025), []);
  });

  it('SW01aSTG1 and SW01bSTG1: complete episodes, the reason from 1 April 2023 (2024/25 on)', () => {
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2023-03-31', SW_REASON: 'FCONTA' }, // 2: no ID before 1 April 2023 (SW01a)
      { CHILD: 'A', SW_ID: 'SW1', SW_DECOM: '2023-03-31' }, // 3: no reason needed before 1 April 2023
      { CHILD: 'B', SW_ID: 'SW1', SW_DECOM: '2023-04-01' }, // 4: no reason on 1 April 2023 (SW01b)
      { CHILD: 'B', SW_DECOM: '2023-05-01', SW_REASON: 'MANAGE' }, // 5: no ID after (SW01b)
      { CHILD: 'C', SW_ID: 'SW1', SW_REASON: 'MANAGE' }, // 6: no start date (SW01b only)
      { CHILD: 'C', SW_ID: 'SW1', SW_DECOM: '2024-01-01', SW_REASON: 'MANAGE' }, // 7 passes
    ];
    assert.deepEqual(hits(ruleSW01aSTG1, { SWEpisodes }, 2025), ['SWEpisodes.csv:2']);
    assert.deepEqual(hits(ruleSW01bSTG1, { SWEpisodes }, 2025), [
      'SWEpisodes.csv:4',
      'SWEpisodes.csv:5',
      'SWEpisodes.csv:6',
    ]);
    assert.deepEqual(hits(ruleSW01bSTG1, { SWEpisodes }, 2024), []);
  });

  it('SW02STG1: the social worker ID begins SW or XX, in capitals', () => {
    const SWEpisodes = [{ SW_ID: 'SW000' }, { SW_ID: 'XX000' }, { SW_ID: 'aa00' }, { SW_ID: 'xx000' }, { SW_ID: null }];
    assert.deepEqual(hits(ruleSW02STG1, { SWEpisodes }), ['SWEpisodes.csv:4', 'SWEpisodes.csv:5']);
  });

  it('SW03STG1: ID, start and reason on every episode (2023/24 only)', () => {
    const SWEpisodes = [
      { CHILD: 'A', SW_ID: null, SW_DECOM: '2023-05-01', SW_REASON: 'MANAGE' }, // 2
      { CHILD: 'A', SW_ID: 'SW1', SW_DECOM: null, SW_REASON: 'MANAGE' }, // 3
      { CHILD: 'A', SW_ID: 'SW1', SW_DECOM: '2023-05-01', SW_REASON: null }, // 4
      { CHILD: 'A', SW_ID: 'SW1', SW_DECOM: '2023-05-01', SW_DEC: null, SW_REASON: 'MANAGE' }, // 5 passes
    ];
    assert.deepEqual(hits(ruleSW03STG1, { SWEpisodes }, 2024), [
      'SWEpisodes.csv:2',
      'SWEpisodes.csv:3',
      'SWEpisodes.csv:4',
    ]);
    assert.deepEqual(hits(ruleSW03STG1, { SWEpisodes }, 2025), []);
  });

  it('SW06STG2: no episode starts after 31 March', () => {
    const SWEpisodes = [{ SW_DECOM: '2026-04-01' }, { SW_DECOM: '2026-03-31' }, { SW_DECOM: null }];
    assert.deepEqual(hits(ruleSW06STG2, { SWEpisodes }), ['SWEpisodes.csv:2']);
  });

  it('SW07STG2: the end falls in the reporting period (a year earlier from 2024/25)', () => {
    // 2023/24: 1 April 2023 to 31 March 2024. 2024/25: SW_DEC from 1 April 2023 to 31 March 2025.
    const SWEpisodes = [
      { SW_DEC: '2024-04-01' }, // 2: after 31 March 2024
      { SW_DEC: '2023-03-31' }, // 3: before 1 April 2023 (both readings)
      { SW_DEC: '2023-04-01' }, // 4: in 2023/24; a year back in 2024/25
      { SW_DEC: null },
    ];
    assert.deepEqual(hits(ruleSW07STG2, { SWEpisodes }, 2024), ['SWEpisodes.csv:2', 'SWEpisodes.csv:3']);
    // In 2024/25, 1 April 2024 is inside the year; only 31 March 2023 is too early.
    assert.deepEqual(hits(ruleSW07STG2From2025, { SWEpisodes }, 2025), ['SWEpisodes.csv:3']);
  });

  it('SW09STG2: an episode ending the day it began is a query', () => {
    const SWEpisodes = [
      { SW_DECOM: '2025-06-01', SW_DEC: '2025-06-01' }, // 2
      { SW_DECOM: '2025-06-01', SW_DEC: '2025-06-02' },
      { SW_DECOM: null, SW_DEC: null },
    ];
    assert.deepEqual(hits(ruleSW09STG2, { SWEpisodes }), ['SWEpisodes.csv:2']);
    assert.equal(ruleSW09STG2.severity, 'query');
  });

  it('SW10STG2: each episode starts within 7 days of the end of the one before, unless a re-referral', () => {
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2025-05-01', SW_DEC: '2025-06-01', SW_REASON: 'FCONTA' }, // 2 first: no check
      { CHILD: 'A', SW_DECOM: '2025-06-08', SW_DEC: '2025-07-01', SW_REASON: 'LEFTRL' }, // 3: 7 days after: passes
      { CHILD: 'A', SW_DECOM: '2025-07-09', SW_DEC: '2025-08-01', SW_REASON: 'MANAGE' }, // 4: 8 days after: fails
      { CHILD: 'A', SW_DECOM: '2025-12-01', SW_DEC: null, SW_REASON: 'FCONTA' }, // 5: months later, re-referral
      { CHILD: 'B', SW_DECOM: '2025-05-01', SW_DEC: null, SW_REASON: 'FCONTA' }, // 6 open
      { CHILD: 'B', SW_DECOM: '2025-06-01', SW_DEC: null, SW_REASON: 'MANAGE' }, // 7: the one before never ended
      { CHILD: 'C', SW_DECOM: '2025-05-10', SW_DEC: '2025-06-01', SW_REASON: 'MANAGE' }, // 8
      { CHILD: 'C', SW_DECOM: '2025-05-24', SW_DEC: '2025-06-10', SW_REASON: 'MANAGE' }, // 9: 8 days before: fails
    ];
    assert.deepEqual(hits(ruleSW10STG2, { SWEpisodes }), ['SWEpisodes.csv:4', 'SWEpisodes.csv:7', 'SWEpisodes.csv:9']);
  });

  it('SW11aSTG2: after an episode ending by 26 March the next starts within 5 days (2023/24 only)', () => {
    // 2023/24 ends 31 March 2024; the rule looks at episodes ending by 26 March 2024.
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2023-05-01', SW_DEC: '2023-06-01', SW_REASON: 'FCONTA' },
      { CHILD: 'A', SW_DECOM: '2023-06-06', SW_DEC: '2024-03-26', SW_REASON: 'LEFTRL' }, // 3: 5 days: passes
      { CHILD: 'A', SW_DECOM: '2024-03-20', SW_DEC: null, SW_REASON: 'MANAGE' }, // 4: 6 days before 26 March: fails
      { CHILD: 'B', SW_DECOM: '2023-05-01', SW_DEC: '2024-03-27', SW_REASON: 'FCONTA' }, // ended after 26 March
      { CHILD: 'B', SW_DECOM: '2024-03-29', SW_DEC: null, SW_REASON: 'MANAGE' }, // not checked by 11a
    ];
    assert.deepEqual(hits(ruleSW11aSTG2, { SWEpisodes }, 2024), ['SWEpisodes.csv:4']);
    assert.deepEqual(hits(ruleSW11aSTG2, { SWEpisodes }, 2025), []);
  });

  it('SW11bSTG2: a child looked after at 31 March whose episode ended 26–31 March has another after it', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'B', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'C', DECOM: '2025-05-01', LS: 'C2' },
      { CHILD: 'D', DECOM: '2025-05-01', DEC: '2026-03-26', REC: 'E4A', LS: 'C2' }, // left care
    ];
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2025-05-01', SW_DEC: '2026-03-26' }, // 2: 26 March, nothing after: fails
      { CHILD: 'B', SW_DECOM: '2025-05-01', SW_DEC: '2026-03-25' }, // 3: 25 March is before the window
      { CHILD: 'C', SW_DECOM: '2025-05-01', SW_DEC: '2026-03-31' }, // 4: 31 March, followed: passes
      { CHILD: 'C', SW_DECOM: '2026-03-31', SW_DEC: null },
      { CHILD: 'D', SW_DECOM: '2025-05-01', SW_DEC: '2026-03-28' }, // not looked after at 31 March
    ];
    assert.deepEqual(hits(ruleSW11bSTG2, { Episodes, SWEpisodes }), ['SWEpisodes.csv:2']);
  });

  it('SW12STG2: a social worker episode is reported for each start and end of care in the year', () => {
    const Episodes = [
      { CHILD: 'A', DECOM: '2025-07-01', RNE: 'S', LS: 'C2' }, // 2: a worker from 1 February: passes
      { CHILD: 'B', DECOM: '2025-07-01', RNE: 'S', LS: 'C2' }, // 3 fails: worker only from 2 July
      { CHILD: 'C', DECOM: '2025-05-01', DEC: '2025-06-01', RNE: 'S', REC: 'E4A', LS: 'C2' }, // 4 fails: no worker then
      { CHILD: 'C', DECOM: '2025-09-01', RNE: 'S', LS: 'C2' }, // 5: passes
      { CHILD: 'D', DECOM: '2025-07-01', RNE: 'S', LS: 'V4' }, // short breaks: exempt
      { CHILD: 'E', DECOM: '2025-03-01', RNE: 'S', LS: 'C2' }, // started before the year: not checked
    ];
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2025-02-01', SW_DEC: null },
      { CHILD: 'B', SW_DECOM: '2025-07-02', SW_DEC: null },
      { CHILD: 'C', SW_DECOM: '2025-09-01', SW_DEC: null },
    ];
    assert.deepEqual(hits(ruleSW12STG2, { Episodes, SWEpisodes }), ['Episodes.csv:3', 'Episodes.csv:4']);
  });

  it('SW13STG1: the reason is valid, and given (2023/24: always; then from 1 April 2023)', () => {
    const SWEpisodes = [
      { SW_DECOM: '2023-01-01', SW_REASON: 'LAZY' }, // 2 invalid
      { SW_DECOM: '2023-01-01', SW_REASON: 'SWDIED' }, // 3 valid
      { SW_DECOM: '2023-01-01', SW_REASON: null }, // 4 blank before 1 April 2023
      { SW_DECOM: '2023-04-01', SW_REASON: null }, // 5 blank from 1 April 2023
    ];
    assert.deepEqual(hits(ruleSW13STG1, { SWEpisodes }, 2024), [
      'SWEpisodes.csv:2',
      'SWEpisodes.csv:4',
      'SWEpisodes.csv:5',
    ]);
    assert.deepEqual(hits(ruleSW13STG1From2025, { SWEpisodes }, 2025), ['SWEpisodes.csv:2', 'SWEpisodes.csv:5']);
  });

  it("SW14STG2: only the child's latest episode may be open (2023/24 only)", () => {
    const SWEpisodes = [
      { CHILD: 'A', SW_DECOM: '2023-05-01', SW_DEC: null }, // 2 fails: not A's latest
      { CHILD: 'A', SW_DECOM: '2023-06-01', SW_DEC: null }, // latest
      { CHILD: 'B', SW_DECOM: '2023-05-01', SW_DEC: '2023-06-01' },
      { CHILD: 'B', SW_DECOM: '2023-06-01', SW_DEC: null },
    ];
    assert.deepEqual(hits(ruleSW14STG2, { SWEpisodes }, 2024), ['SWEpisodes.csv:2']);
    assert.deepEqual(hits(ruleSW14STG2, { SWEpisodes }, 2025), []);
  });
});
