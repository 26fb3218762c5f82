/**
 * Who is in OC3 on a birthday and which contact describes them (oc3-cohort.ts), worked by hand for collection year
 * 2025/26 (1 April 2025 to 31 March 2026).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { birthdayIn, nearestContact, oc3Record } from './oc3-cohort';

const open = (eligibility: string, startDate: string, endDate: string | null = null) => ({
  eligibility,
  startDate,
  endDate,
});

describe('the OC3 cohort', () => {
  it('birthdays in the collection year, 29 February as 28 February in a common year', () => {
    assert.equal(birthdayIn('2008-06-15', 2026), '2025-06-15'); // after 1 April: the year's first calendar year
    assert.equal(birthdayIn('2008-01-15', 2026), '2026-01-15');
    assert.equal(birthdayIn('2008-04-01', 2026), '2025-04-01'); // the year's first day
    assert.equal(birthdayIn('2008-02-29', 2026), '2026-02-28');
    assert.equal(birthdayIn('2008-02-29', 2024), '2024-02-29');
  });

  it('a relevant or former relevant care leaver on their 17th–21st birthday is in it', () => {
    // 17 on 15 June 2025, relevant since January, never looked after again: in, with no contact (not in touch).
    assert.deepEqual(oc3Record('2008-06-15', 2026, [open('relevant', '2025-01-10')], [], []), {
      birthday: '2025-06-15',
      age: 17,
      contact: null,
    });
    // 21 on 30 November 2025, former relevant: in; 22 on 15 January 2026: out (not an OC3 age).
    assert.equal(oc3Record('2004-11-30', 2026, [open('former-relevant', '2022-11-30')], [], [])?.age, 21);
    assert.equal(oc3Record('2004-01-15', 2026, [open('former-relevant', '2022-01-15')], [], []), null);
  });

  it('a former relevant young person whose record flips back to "eligible" after leaving care stays in it', () => {
    // 19 on 1 September 2025. Eligible to 1 September 2024 (18, leaving care), former relevant to 1 February 2025,
    // then a record saying eligible from 1 February 2025: open on the birthday and not looked after, so in.
    const leavers = [
      open('eligible', '2022-09-01', '2024-09-01'),
      open('former-relevant', '2024-09-01', '2025-02-01'),
      open('eligible', '2025-02-01'),
    ];
    const periods = [{ startDate: '2019-03-01', endDate: '2024-09-01' }];
    assert.equal(oc3Record('2006-09-01', 2026, leavers, periods, [])?.age, 19);
  });

  it('out of it: looked after on the birthday, looked after again in the year at 17 or 18, qualifying, no open record', () => {
    // 17 on 10 October 2025 and still looked after (eligible): out (rule 1007).
    assert.equal(
      oc3Record('2008-10-10', 2026, [open('eligible', '2024-10-10')], [{ startDate: '2023-01-01', endDate: null }], []),
      null,
    );
    // 17 on 5 May 2025, relevant, back in care from 1 August to 1 December 2025: an episode ends after the birthday
    // (rule 1016): out.
    assert.equal(
      oc3Record(
        '2008-05-05',
        2026,
        [open('relevant', '2025-01-01')],
        [{ startDate: '2025-08-01', endDate: '2025-12-01' }],
        [],
      ),
      null,
    );
    // 18 on 20 July 2025, leaving care that day (the period ends on the birthday): not looked after on it: in.
    assert.equal(
      oc3Record(
        '2007-07-20',
        2026,
        [open('former-relevant', '2025-07-20')],
        [{ startDate: '2020-01-01', endDate: '2025-07-20' }],
        [],
      )?.age,
      18,
    );
    // 20 on 30 November 2025, qualifying: out.
    assert.equal(oc3Record('2005-11-30', 2026, [open('qualifying', '2023-11-30')], [], []), null);
    // 19 on 1 June 2025, former relevant record ended 1 March 2025: no record open on the birthday: out.
    assert.equal(oc3Record('2006-06-01', 2026, [open('former-relevant', '2024-06-01', '2025-03-01')], [], []), null);
  });

  it('the contact: nearest the birthday from 3 months before to 1 month after; the later of two as near; then the last recorded', () => {
    // Birthday 15 June 2025: the window is 15 March to 15 July 2025, both ends included.
    const c = (id: number, contactDate: string) => ({ id, contactDate });
    assert.equal(nearestContact('2025-06-15', [c(1, '2025-06-10'), c(2, '2025-06-20')])?.id, 2); // 5 days each
    assert.equal(nearestContact('2025-06-15', [c(3, '2025-06-20'), c(2, '2025-06-20')])?.id, 3); // same day: id 3
    assert.equal(nearestContact('2025-06-15', [c(1, '2025-06-10'), c(2, '2025-06-21')])?.id, 1); // 5 against 6
    assert.equal(nearestContact('2025-06-15', [c(4, '2025-03-15')])?.id, 4);
    assert.equal(nearestContact('2025-06-15', [c(5, '2025-07-15')])?.id, 5);
    assert.equal(nearestContact('2025-06-15', [c(6, '2025-03-14'), c(7, '2025-07-16')]), null);
  });
});
