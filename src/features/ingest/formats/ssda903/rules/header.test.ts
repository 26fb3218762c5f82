import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule168, rule209, rule210, rule231, rule232, ruleEPI } from './header';
import { hits } from './testing';

describe('903 header rules', () => {
  it('168: UPN pattern or UN1–UN5', () => {
    const Header = [
      { UPN: 'A123456789012' },
      { UPN: 'UN3' },
      { UPN: 'UN7' },
      { UPN: 'I072272729588' },
      { UPN: 'K06014812931' },
      { UPN: 'A12345678901B' },
    ];
    // UN7 (4), a leading I (5) and 11 digits (6) fail.
    assert.deepEqual(hits(rule168, { Header }), ['Header.csv:4', 'Header.csv:5', 'Header.csv:6']);
  });
  it('210: UN4 for a child looked after more than a week at 31 March', () => {
    const Header = [
      { CHILD: 'A', UPN: 'UN4' },
      { CHILD: 'B', UPN: 'UN4' },
      { CHILD: 'C', UPN: 'UN4' },
    ];
    const Episodes = [
      { CHILD: 'A', RNE: 'S', DECOM: '2026-03-01', DEC: null }, // 30 days at 31 March: fails
      { CHILD: 'B', RNE: 'S', DECOM: '2026-03-28', DEC: null }, // 3 days: passes
      { CHILD: 'C', RNE: 'S', DECOM: '2025-06-01', DEC: '2025-09-01', REC: 'E4A' }, // not looked after at 31 March
    ];
    assert.deepEqual(hits(rule210, { Header, Episodes }), ['Header.csv:2']);
  });
  it('232: SEX U is a query from 2024/25', () => {
    const Header = [{ SEX: 'U' }, { SEX: 'F' }];
    assert.deepEqual(hits(rule232, { Header }, 2025), ['Header.csv:2']);
    assert.equal(rule232.severity, 'query');
  });
  it('EPI: a Header child with no episode and no OC3 row (a query)', () => {
    const Header = [{ CHILD: 'A' }, { CHILD: 'B' }, { CHILD: 'C' }];
    const Episodes = [{ CHILD: 'A', DECOM: '2025-05-01' }];
    const OC3 = [{ CHILD: 'B', IN_TOUCH: 'YES' }];
    // A has an episode, B an OC3 row; C has neither (line 4).
    assert.deepEqual(hits(ruleEPI, { Header, Episodes, OC3 }), ['Header.csv:4']);
    assert.equal(ruleEPI.severity, 'query');
  });
  it('231: a UASC child under 11 at 31 March (a query, from 2024/25)', () => {
    const Header = [
      { CHILD: 'A', DOB: '2015-03-31' }, // 11 on 31 March 2026 (boundary): passes
      { CHILD: 'B', DOB: '2015-04-01' }, // 11 the day after: fails
      { CHILD: 'C', DOB: '2020-01-01' }, // young, but not UASC: passes
    ];
    const UASC = [{ CHILD: 'A' }, { CHILD: 'B' }];
    assert.deepEqual(hits(rule231, { Header, UASC }), ['Header.csv:3']);
    assert.deepEqual(hits(rule231, { Header, UASC }, 2024), []);
    assert.equal(rule231.severity, 'query');
  });
  it('209: no UN1 at school age (2025/26: 4 by 31 August 2024)', () => {
    const Header = [
      { UPN: 'UN1', DOB: '2020-08-31' }, // 2 fails: 4 on 31 August 2024 (boundary)
      { UPN: 'UN1', DOB: '2020-09-01' }, // 3 passes: 4 the day after
      { UPN: 'UN2', DOB: '2015-01-01' }, // 4 passes: another reason
    ];
    assert.deepEqual(hits(rule209, { Header }), ['Header.csv:2']);
  });
});
