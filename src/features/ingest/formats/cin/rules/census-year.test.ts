import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  rule4010,
  rule4013,
  rule8600,
  rule8620,
  rule8696,
  rule8715,
  rule8720,
  rule8736,
  rule8740,
  rule8930,
} from './census-year';
import { assessment, childModel, cinPlan, cpPlan, episode, rows, s47 } from './testing';

// Collection year 2025/26 (the helpers' default): the year runs from 1 April 2025 to 31 March 2026, both included.
const BEFORE = '2025-03-31';
const FIRST = '2025-04-01';
const LAST = '2026-03-31';
const AFTER = '2026-04-01';

describe('CIN rules: dates in the census year', () => {
  it('8600: the referral is on or before the reference date', () => {
    const at = (referralDate: string) => rows(rule8600, childModel({ episodes: [episode({ referralDate })] }));
    assert.deepEqual(at('2011-06-01'), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(AFTER), [10]);
  });

  it('8620: a closure date is in the year, both ends included', () => {
    const at = (closureDate: string) =>
      rows(
        rule8620,
        childModel({ episodes: [episode({ referralDate: '2024-01-01', closureDate, reasonForClosure: 'RC7' })] }),
      );
    assert.deepEqual(at(FIRST), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(BEFORE), [10]);
    assert.deepEqual(at(AFTER), [10]);
    assert.deepEqual(rows(rule8620, childModel({ episodes: [episode()] })), [], 'open: nothing to check');
  });

  it('8696: an authorisation date is in the year; none is fine', () => {
    const at = (authorisationDate: string | null) =>
      rows(
        rule8696,
        childModel({
          episodes: [episode({ assessments: [assessment({ startDate: '2025-02-01', authorisationDate })] })],
        }),
      );
    assert.deepEqual(at(FIRST), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(BEFORE), [20]);
    assert.deepEqual(at(AFTER), [20]);
  });

  it('4010: a CIN plan starts on or before the reference date', () => {
    const at = (startDate: string) =>
      rows(rule4010, childModel({ episodes: [episode({ cinPlans: [cinPlan({ startDate })] })] }));
    assert.deepEqual(at('2024-06-01'), [], 'started in an earlier year: fine');
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(AFTER), [30]);
  });

  it('4013: a CIN plan end is in the year', () => {
    const at = (endDate: string | null) =>
      rows(
        rule4013,
        childModel({ episodes: [episode({ cinPlans: [cinPlan({ startDate: '2024-06-01', endDate })] })] }),
      );
    assert.deepEqual(at(FIRST), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(BEFORE), [30]);
    assert.deepEqual(at(AFTER), [30]);
  });

  it('8715: a S47 conference is in the year', () => {
    const at = (icpcDate: string | null) =>
      rows(rule8715, childModel({ episodes: [episode({ section47s: [s47({ startDate: '2025-03-01', icpcDate })] })] }));
    assert.deepEqual(at(FIRST), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(BEFORE), [40]);
    assert.deepEqual(at(AFTER), [40]);
  });

  it('8720: a CP plan starts on or before the reference date', () => {
    const at = (startDate: string) =>
      rows(rule8720, childModel({ episodes: [episode({ cpPlans: [cpPlan({ startDate })] })] }));
    assert.deepEqual(at('2023-01-01'), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(AFTER), [50]);
  });

  it('8930: a CP plan end is in the year', () => {
    const at = (endDate: string | null) =>
      rows(rule8930, childModel({ episodes: [episode({ cpPlans: [cpPlan({ startDate: '2024-06-01', endDate })] })] }));
    assert.deepEqual(at(FIRST), []);
    assert.deepEqual(at(LAST), []);
    assert.deepEqual(at(null), []);
    assert.deepEqual(at(BEFORE), [50]);
    assert.deepEqual(at(AFTER), [50]);
  });

  it('8736: an assessment not authorised started in the year; an authorised one may have started before', () => {
    const at = (startDate: string, authorisationDate: string | null) =>
      rows(
        rule8736,
        childModel({ episodes: [episode({ assessments: [assessment({ startDate, authorisationDate })] })] }),
      );
    assert.deepEqual(at(FIRST, null), []);
    assert.deepEqual(at(LAST, null), []);
    assert.deepEqual(at(BEFORE, null), [20]);
    assert.deepEqual(at(BEFORE, '2025-05-01'), [], 'authorised in the year');
  });

  it('8740: a S47 awaiting a required conference started in the year', () => {
    const at = (over: Parameters<typeof s47>[0]) =>
      rows(rule8740, childModel({ episodes: [episode({ section47s: [s47(over)] })] }));
    assert.deepEqual(at({ startDate: FIRST, icpcNotRequired: false }), []);
    assert.deepEqual(at({ startDate: LAST, icpcNotRequired: false }), []);
    assert.deepEqual(at({ startDate: BEFORE, icpcNotRequired: false }), [40]);
    assert.deepEqual(at({ startDate: BEFORE, icpcNotRequired: true }), [], 'conference not required');
    assert.deepEqual(at({ startDate: BEFORE, icpcNotRequired: false, icpcDate: '2025-04-10' }), [], 'held');
  });

  it('apply in every collection year from 2022/23, each against its own year', () => {
    // 2022/23 runs from 1 April 2022 to 31 March 2023: a closure on 31 March 2023 is in it, 1 April 2023 is not.
    const closed = (closureDate: string) =>
      childModel({ episodes: [episode({ referralDate: '2022-05-01', closureDate, reasonForClosure: 'RC7' })] });
    assert.deepEqual(rows(rule8620, closed('2023-03-31'), 2023), []);
    assert.deepEqual(rows(rule8620, closed('2023-04-01'), 2023), [10]);
    assert.deepEqual(rows(rule8620, closed('2026-04-01'), 2027), []);
  });
});
