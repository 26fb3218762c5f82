import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rule8530Q, rule8569Q, rule8585Q, rule8772, rule8775Q } from './child-details';
import { check, childModel, episode, rows } from './testing';

describe('CIN rules: child details', () => {
  it('8530Q: an expected birth date from the reference date minus 30 days to plus 9 months (a query)', () => {
    // 2025/26: 31 March 2026 minus 30 days is 1 March 2026; plus 9 months is 31 December 2026.
    const expecting = (expectedBirthDate: string) => childModel({ birthDate: null, expectedBirthDate });
    assert.deepEqual(rows(rule8530Q, expecting('2026-03-01')), []);
    assert.deepEqual(rows(rule8530Q, expecting('2026-12-31')), []);
    assert.deepEqual(rows(rule8530Q, expecting('2026-02-28')), [1]);
    assert.deepEqual(rows(rule8530Q, expecting('2027-01-01')), [1]);
    assert.equal(check(rule8530Q, expecting('2027-01-01'))[0]?.severity, 'query');
    assert.deepEqual(rows(rule8530Q, childModel()), [], 'no expected date');
  });

  it('8569Q: a referral before the last working day before 1 April is not NFA (a query)', () => {
    const referred = (referralDate: string, referralNfa: boolean | null) =>
      childModel({ episodes: [episode({ referralDate, referralNfa })] });
    // 2025/26: 1 April 2025 is a Tuesday, so the cut-off is Monday 31 March 2025.
    assert.deepEqual(rows(rule8569Q, referred('2025-03-31', true)), []);
    assert.deepEqual(rows(rule8569Q, referred('2025-03-30', true)), [10]);
    assert.deepEqual(rows(rule8569Q, referred('2025-03-30', false)), []);
    // 2024/25: 1 April 2024 was Easter Monday; 31 and 30 March a weekend and 29 March Good Friday, so the last
    // working day before the year is Thursday 28 March 2024.
    assert.deepEqual(rows(rule8569Q, referred('2024-03-28', true), 2025), []);
    assert.deepEqual(rows(rule8569Q, referred('2024-03-27', true), 2025), [10]);
  });

  it('8772: UN7 means every episode is a referral with no further action', () => {
    const un7 = (...nfa: Array<boolean | null>) =>
      childModel({ upnUnknown: 'UN7', episodes: nfa.map((referralNfa) => episode({ referralNfa })) });
    assert.deepEqual(rows(rule8772, un7(true, true)), []);
    assert.deepEqual(rows(rule8772, un7(true, false)), [10]);
    assert.deepEqual(rows(rule8772, un7(null)), [10], 'not said to be NFA');
    assert.deepEqual(
      rows(rule8772, childModel({ upnUnknown: 'UN1', episodes: [episode({ referralNfa: false })] })),
      [],
    );
  });

  it('8775Q: over 25 with an episode open after the 25th birthday (a query)', () => {
    // 2025/26: 31 March 2026 minus 25 years is 31 March 2001.
    const person = (birthDate: string, closureDate: string | null) =>
      childModel({
        birthDate,
        episodes: [
          episode({ referralDate: '2025-05-01', closureDate, reasonForClosure: closureDate === null ? null : 'RC7' }),
        ],
      });
    assert.deepEqual(rows(rule8775Q, person('2001-03-31', null)), [], 'exactly 25 on the reference date');
    assert.deepEqual(rows(rule8775Q, person('2001-03-30', null)), [1]);
    // Born 30 March 2001: 25 on 30 March 2026. Closed that day: not open after it; closed the day after: open.
    assert.deepEqual(rows(rule8775Q, person('2001-03-30', '2026-03-30')), []);
    assert.deepEqual(rows(rule8775Q, person('2001-03-30', '2026-03-31')), [1]);
  });

  it('8585Q: RC2 (died) needs a date of death (a query)', () => {
    const died = (deathDate: string | null) =>
      childModel({
        deathDate,
        episodes: [episode({ closureDate: '2025-08-01', reasonForClosure: 'RC2' })],
      });
    assert.deepEqual(rows(rule8585Q, died('2025-08-01')), []);
    assert.deepEqual(rows(rule8585Q, died(null)), [10]);
    assert.deepEqual(
      rows(rule8585Q, childModel({ episodes: [episode({ closureDate: '2025-08-01', reasonForClosure: 'RC7' })] })),
      [],
    );
  });
});
