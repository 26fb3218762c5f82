import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ageAt, isOpenAt, statusAt, type Episode } from './status';

describe('isOpenAt', () => {
  const plan = { start: '2024-03-01', end: '2024-09-01' };
  it('is open from its first day', () => {
    assert.equal(isOpenAt(plan, '2024-03-01'), true);
  });
  it('is not open the day before it starts', () => {
    assert.equal(isOpenAt(plan, '2024-02-29'), false);
  });
  it('is open the day before it ends', () => {
    assert.equal(isOpenAt(plan, '2024-08-31'), true);
  });
  it('is closed on its end date', () => {
    assert.equal(isOpenAt(plan, '2024-09-01'), false);
  });
  it('stays open without an end date', () => {
    assert.equal(isOpenAt({ start: '2020-01-01', end: null }, '2099-12-31'), true);
  });
});

describe('statusAt', () => {
  // One child's journey, worked by hand:
  //   early help                       2022-01-10 → 2022-05-01
  //   referral 1 (CIN episode #1)      2022-05-01 → 2025-06-30
  //     assessment                     2022-05-02 → authorised 2022-06-10
  //   CP plan                          2022-06-20 → 2023-01-15
  //   CIN plan                         2023-01-15 → 2023-04-01
  //   period of care                   2023-04-01 → 2025-06-30
  //   care leaver                      2025-06-30 → (open)
  //   referral 2 (CIN episode #2)      2025-09-01 → (open), no assessment yet
  const journey: Episode[] = [
    { kind: 'early-help', start: '2022-01-10', end: '2022-05-01' },
    { kind: 'referral', start: '2022-05-01', end: '2025-06-30', referralId: 1 },
    { kind: 'assessment', start: '2022-05-02', end: '2022-06-10', referralId: 1 },
    { kind: 'cp-plan', start: '2022-06-20', end: '2023-01-15' },
    { kind: 'cin-plan', start: '2023-01-15', end: '2023-04-01' },
    { kind: 'care', start: '2023-04-01', end: '2025-06-30' },
    { kind: 'care-leaver', start: '2025-06-30', end: null },
    { kind: 'referral', start: '2025-09-01', end: null, referralId: 2 },
  ];

  it('is closed before anything happened', () => {
    assert.deepEqual(statusAt(journey, '2021-12-31'), { main: 'closed', all: ['closed'] });
  });
  it('is early help while the early help episode is open', () => {
    assert.deepEqual(statusAt(journey, '2022-04-30'), { main: 'early-help', all: ['early-help'] });
  });
  it('is an open referral on the day of referral (early help ended that day)', () => {
    assert.deepEqual(statusAt(journey, '2022-05-01'), { main: 'referral', all: ['referral'] });
  });
  it('is an open referral while the assessment is under way', () => {
    assert.deepEqual(statusAt(journey, '2022-06-09'), { main: 'referral', all: ['referral'] });
  });
  it('is a child in need once the assessment is authorised and the episode stays open', () => {
    assert.deepEqual(statusAt(journey, '2022-06-10'), { main: 'cin', all: ['cin'] });
  });
  it('puts the CP plan first, and still counts the child as in need', () => {
    assert.deepEqual(statusAt(journey, '2022-06-20'), { main: 'cp-plan', all: ['cp-plan', 'cin'] });
  });
  it('is a child in need on a CIN plan the day the CP plan ends', () => {
    assert.deepEqual(statusAt(journey, '2023-01-15'), { main: 'cin', all: ['cin'] });
  });
  it('is in care from the first day of the period of care', () => {
    assert.deepEqual(statusAt(journey, '2023-04-01'), { main: 'in-care', all: ['in-care', 'cin'] });
  });
  it('is a care leaver the day care ends', () => {
    assert.deepEqual(statusAt(journey, '2025-06-30'), { main: 'care-leaver', all: ['care-leaver'] });
  });
  it('is a care leaver with an open referral when re-referred', () => {
    assert.deepEqual(statusAt(journey, '2025-10-01'), { main: 'care-leaver', all: ['care-leaver', 'referral'] });
  });
  it('treats a second assessment under way on the same referral as the referral stage', () => {
    const episodes: Episode[] = [
      { kind: 'referral', start: '2024-01-01', end: null, referralId: 7 },
      { kind: 'assessment', start: '2024-01-02', end: '2024-02-01', referralId: 7 },
      { kind: 'assessment', start: '2024-05-01', end: null, referralId: 7 },
    ];
    assert.deepEqual(statusAt(episodes, '2024-03-01').main, 'cin');
    assert.deepEqual(statusAt(episodes, '2024-05-01').main, 'referral');
  });
  it('ignores another referral’s assessment', () => {
    const episodes: Episode[] = [
      { kind: 'referral', start: '2024-01-01', end: null, referralId: 1 },
      { kind: 'assessment', start: '2023-01-02', end: '2023-02-01', referralId: 99 },
    ];
    assert.equal(statusAt(episodes, '2024-03-01').main, 'referral');
  });
});

describe('ageAt', () => {
  it('counts whole years at the last birthday', () => {
    assert.equal(ageAt('2010-06-15', '2026-06-14'), 15);
    assert.equal(ageAt('2010-06-15', '2026-06-15'), 16);
    assert.equal(ageAt('2010-06-15', '2026-12-31'), 16);
  });
  it('is 0 on the day of birth and null before it', () => {
    assert.equal(ageAt('2026-01-20', '2026-01-20'), 0);
    assert.equal(ageAt('2026-01-20', '2026-01-19'), null);
  });
  it('is null without a date of birth (an unborn child)', () => {
    assert.equal(ageAt(null, '2026-01-01'), null);
  });
  it('gives a 29 February birthday on 1 March in a common year', () => {
    // Born 29 Feb 2008. 2026 is not a leap year: still 17 on 28 Feb, 18 on 1 Mar.
    assert.equal(ageAt('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageAt('2008-02-29', '2026-03-01'), 18);
    // 2028 is a leap year: 20 on 29 Feb 2028, 19 the day before.
    assert.equal(ageAt('2008-02-29', '2028-02-28'), 19);
    assert.equal(ageAt('2008-02-29', '2028-02-29'), 20);
  });
  it('handles the year end', () => {
    assert.equal(ageAt('2009-12-31', '2026-12-30'), 16);
    assert.equal(ageAt('2009-12-31', '2026-12-31'), 17);
    assert.equal(ageAt('2010-01-01', '2026-12-31'), 16);
  });
});
