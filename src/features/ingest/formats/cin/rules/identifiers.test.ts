import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule1510,
  rule1520,
  rule1530,
  rule1540,
  rule1550,
  rule1570,
  rule1580,
  rule4180,
  rule8500,
  rule8525Q,
  rule8750,
  rule8770Q,
  rule8770Q2025,
  rule8520,
  rule1560Q,
} from './identifiers';
import { check, childModel, episode, rows } from './testing';

// A valid UPN: T302000000011. Check letter by hand: digits 3,0,2,0,0,0,0,0,0,0,1,1 weighted 2–13 give
// 3×2 + 2×4 + 1×12 + 1×13 = 39; 39 mod 23 = 16; ABCDEFGHJKLMNPQRTUVWXYZ[16] = T.
const VALID_UPN = 'T302000000011';

describe('CIN rules: ChildIdentifiers', () => {
  it('8500: LAchildID must be present', () => {
    assert.deepEqual(rows(rule8500, childModel()), []);
    const hits = check(rule8500, childModel({ laChildId: null }));
    assert.deepEqual(
      hits.map((h) => [h.rule, h.severity, h.column]),
      [['8500', 'error', 'LAchildID']],
    );
  });

  it('1570: LAchildID at most 20 characters, from 2024/25 only', () => {
    assert.deepEqual(rows(rule1570, childModel({ laChildId: 'A'.repeat(20) })), []);
    assert.equal(rows(rule1570, childModel({ laChildId: 'A'.repeat(21) })).length, 1);
    assert.deepEqual(rows(rule1570, childModel({ laChildId: 'A'.repeat(21) }), 2024), [], 'not a rule in 2023/24');
  });

  it('1580: LAchildID letters and digits only, from 2024/25', () => {
    assert.deepEqual(rows(rule1580, childModel({ laChildId: 'Abc123' })), []);
    assert.equal(rows(rule1580, childModel({ laChildId: 'ABC-123' })).length, 1);
    assert.deepEqual(rows(rule1580, childModel({ laChildId: 'ABC-123' }), 2024), []);
  });

  it('1520: a UPN has 13 characters', () => {
    assert.deepEqual(rows(rule1520, childModel({ upn: VALID_UPN })), []);
    assert.equal(rows(rule1520, childModel({ upn: 'T30200000001' })).length, 1);
  });

  it('1510: the check letter', () => {
    assert.deepEqual(rows(rule1510, childModel({ upn: VALID_UPN })), []);
    assert.equal(rows(rule1510, childModel({ upn: 'A302000000011' })).length, 1);
    // A temporary UPN, letter in position 13: A counts 0, so the sum is 3×2 + 2×4 + 1×12 = 26; 26 mod 23 = 3 → D.
    assert.deepEqual(rows(rule1510, childModel({ upn: 'D30200000001A' })), []);
    assert.equal(rows(rule1510, childModel({ upn: 'E30200000001A' })).length, 1);
  });

  it('1530: characters 2–4 an LA code (201–938)', () => {
    assert.deepEqual(rows(rule1530, childModel({ upn: VALID_UPN })), []);
    assert.equal(rows(rule1530, childModel({ upn: 'T102000000011' })).length, 1);
    assert.equal(rows(rule1530, childModel({ upn: 'TA02000000011' })).length, 1);
  });

  it('1540: characters 5–12 numeric', () => {
    assert.deepEqual(rows(rule1540, childModel({ upn: VALID_UPN })), []);
    assert.equal(rows(rule1540, childModel({ upn: 'T3020000X0011' })).length, 1);
  });

  it('1550: character 13 a digit or a check-alphabet letter (not I, O or S)', () => {
    assert.deepEqual(rows(rule1550, childModel({ upn: VALID_UPN })), []);
    assert.deepEqual(rows(rule1550, childModel({ upn: 'D30200000001A' })), []);
    assert.equal(rows(rule1550, childModel({ upn: 'T30200000001I' })).length, 1);
  });

  it('4180: Sex M, F or U (2024/25 on)', () => {
    assert.deepEqual(rows(rule4180, childModel({ sexCode: 'U' })), []);
    assert.equal(rows(rule4180, childModel({ sexCode: '1' })).length, 1);
    assert.equal(rows(rule4180, childModel({ sexCode: null, sexElement: null })).length, 1);
    assert.deepEqual(rows(rule4180, childModel({ sexCode: '1', sexElement: 'GenderCurrent' }), 2024), []);
  });

  it('8750: an unborn child has Sex U (GenderCurrent 0 before 2024/25)', () => {
    const unborn = { birthDate: null, expectedBirthDate: '2026-05-01' };
    assert.deepEqual(rows(rule8750, childModel({ ...unborn, sexCode: 'U', sex: 'U' })), []);
    assert.equal(rows(rule8750, childModel({ ...unborn, sexCode: 'F' })).length, 1);
    assert.deepEqual(rows(rule8750, childModel({ sexCode: 'F' })), [], 'a born child may be F');
    assert.deepEqual(rows(rule8750, childModel({ ...unborn, sexCode: '0', sexElement: 'GenderCurrent' }), 2024), []);
    assert.equal(rows(rule8750, childModel({ ...unborn, sexCode: '2', sexElement: 'GenderCurrent' }), 2024).length, 1);
  });

  it('8525Q: one of date of birth and expected date of birth, not both (a query)', () => {
    assert.deepEqual(rows(rule8525Q, childModel()), []);
    const both = check(rule8525Q, childModel({ expectedBirthDate: '2020-02-01' }));
    assert.deepEqual(
      both.map((h) => [h.rule, h.severity]),
      [['8525Q', 'query']],
    );
    assert.equal(rows(rule8525Q, childModel({ birthDate: null })).length, 1);
  });

  it('8770Q: a child of school age with an open referral has a UPN or a reason other than UN1', () => {
    // childModel is on line 1, with no UPN and UPNunknown UN1; episode() has ReferralNFA false.
    const child = (over: Parameters<typeof childModel>[0]) => childModel({ episodes: [episode()], ...over });
    // 2025/26: school age = born on or before 31 August 2020 (six years before 2026, 31 August).
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2020-08-31' })), [1]); // the boundary: school age
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2020-09-01' })), []); // a day younger: not yet
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2015-01-01', upnUnknown: null })), [1]);
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2015-01-01', upnUnknown: 'UN2' })), []);
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2015-01-01', upn: VALID_UPN, upnUnknown: null })), []);
    assert.deepEqual(
      rows(rule8770Q2025, childModel({ birthDate: '2015-01-01', episodes: [episode({ referralNfa: true })] })),
      [],
    ); // a referral with no further action
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: null, expectedBirthDate: '2026-06-01' })), []);
    assert.equal(check(rule8770Q2025, child({ birthDate: '2015-01-01' }))[0]?.severity, 'query');
    // 2023/24: born on or before 31 March 2018 (the reference date six years earlier).
    assert.deepEqual(rows(rule8770Q, child({ birthDate: '2018-03-31' }), 2024), [1]);
    assert.deepEqual(rows(rule8770Q, child({ birthDate: '2018-04-01' }), 2024), []);
    // Each version only in its own years.
    assert.deepEqual(rows(rule8770Q, child({ birthDate: '2015-01-01' }), 2026), []);
    assert.deepEqual(rows(rule8770Q2025, child({ birthDate: '2015-01-01' }), 2024), []);
  });

  it('8520: the date of birth is not after the reference date', () => {
    assert.deepEqual(rows(rule8520, childModel({ birthDate: '2026-03-31' })), []); // the reference date itself
    assert.deepEqual(rows(rule8520, childModel({ birthDate: '2026-04-01' })), [1]);
    assert.deepEqual(rows(rule8520, childModel({ birthDate: null, expectedBirthDate: '2026-05-01' })), []);
  });

  it('1560Q: a former UPN is a letter and 12 digits (a query)', () => {
    assert.deepEqual(rows(rule1560Q, childModel({ formerUpn: VALID_UPN })), []);
    assert.deepEqual(rows(rule1560Q, childModel({ formerUpn: 'T30200000001' })), [1]); // 12 characters
    assert.deepEqual(rows(rule1560Q, childModel({ formerUpn: '1302000000011' })), [1]); // no letter first
    assert.deepEqual(rows(rule1560Q, childModel({ formerUpn: 'T30200000001A' })), [1]); // a temporary UPN
    assert.deepEqual(rows(rule1560Q, childModel({ formerUpn: null })), []);
    assert.equal(rule1560Q.severity, 'query');
  });
});
