/**
 * Every timescale with a worked example, counted by hand on a calendar. Bank holidays used (England and Wales):
 * 25, 26 Dec 2025; 1 Jan 2026; 3 Apr (Good Friday) and 6 Apr (Easter Monday) 2026; 4 May and 25 May 2026;
 * 25 Dec 2026 and 28 Dec 2026 (Boxing Day substitute). Working-day counts start at day 0 (the event's own day).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  TIMESCALES,
  adoptionMatchDue,
  adoptionPlacedDue,
  assessmentDue,
  careLeaverContactDue,
  careProceedingsDue,
  cinVisitDue,
  claVisitDue,
  contactDecisionDue,
  cpVisitDue,
  dentalCheckDue,
  earlyHelpAllocationDue,
  icpcDue,
  ihaDue,
  ladoInitialConsiderationDue,
  nextCinPlanReviewDue,
  nextClaReviewDue,
  nextCpReviewDue,
  paLinkDue,
  pathwayPlanReviewDue,
  pepDue,
  permanencePlanDue,
  preProceedingsDecisionDue,
  rhaDue,
  rhiDue,
  sdqApplies,
  sdqDue,
  termOf,
} from './timescales';

describe('timescales', () => {
  test('every timescale names its source', () => {
    for (const t of Object.values(TIMESCALES)) assert.ok(t.source.length > 10, t.id);
    assert.equal(new Set(Object.values(TIMESCALES).map((t) => t.id)).size, Object.keys(TIMESCALES).length);
  });

  test('assessment: 45 working days from Mon 2 Mar 2026 is Thu 7 May 2026 (Good Friday, Easter Monday and 4 May skipped)', () => {
    // 3–6 Mar 4, to 13 Mar 9, 20 Mar 14, 27 Mar 19, 30 Mar–2 Apr 23, (3 and 6 Apr holidays) 7–10 Apr 27,
    // 17 Apr 32, 24 Apr 37, 1 May 42, (4 May holiday) 5, 6, 7 May = 45.
    assert.equal(assessmentDue('2026-03-02'), '2026-05-07');
  });

  test('ICPC: 15 working days from Wed 17 Dec 2025 is Mon 12 Jan 2026 (Christmas, Boxing Day, New Year skipped)', () => {
    // 18, 19 Dec = 2; 22, 23, 24 = 5; 29, 30, 31 = 8; 2 Jan = 9; 5–9 Jan = 14; 12 Jan = 15.
    assert.equal(icpcDue('2025-12-17'), '2026-01-12');
  });

  test('contact decision and LADO: 1 working day; Thu 24 Dec 2026 → Tue 29 Dec (25th, weekend, substitute 28th)', () => {
    assert.equal(ladoInitialConsiderationDue('2026-12-24'), '2026-12-29');
    assert.equal(contactDecisionDue('2026-03-06'), '2026-03-09'); // a Friday → the Monday
  });

  test('CP visits every 10 working days: from Fri 27 Mar 2026 → Tue 14 Apr (Easter)', () => {
    // 30, 31 Mar, 1, 2 Apr = 4; 7–10 Apr = 8; 13, 14 Apr = 10.
    assert.equal(cpVisitDue('2026-03-01', '2026-03-27'), '2026-04-14');
    assert.equal(cpVisitDue('2026-03-27', null), '2026-04-14');
  });

  test('CIN visits every 20 working days (Lantern default): from Mon 2 Mar 2026 → Mon 30 Mar', () => {
    assert.equal(cinVisitDue('2026-03-02', null), '2026-03-30');
  });

  test('CP reviews: 3 months after the plan (30 Nov → 28 Feb, clamped), then 6 months after the last', () => {
    assert.equal(nextCpReviewDue('2025-11-30', null), '2026-02-28');
    assert.equal(nextCpReviewDue('2025-11-30', '2026-02-27'), '2026-08-27');
  });

  test('CIN plan reviews: the next 3-monthly date from the plan start on or after the as-at date', () => {
    // 31 Aug 2025 + 3 = 30 Nov, + 6 = 28 Feb 2026, + 9 = 31 May 2026.
    assert.equal(nextCinPlanReviewDue('2025-08-31', '2026-03-01'), '2026-05-31');
    assert.equal(nextCinPlanReviewDue('2025-08-31', '2026-02-28'), '2026-02-28');
    assert.equal(nextCinPlanReviewDue('2025-08-31', '2025-08-31'), '2025-11-30');
  });

  test('CLA reviews: 20 working days (Wed 1 Apr 2026 → Fri 1 May), then 3 months, then 6 months', () => {
    // 2 Apr = 1; (3, 6 Apr holidays) 7–10 Apr = 5; 17 Apr = 10; 24 Apr = 15; 27 Apr–1 May = 20.
    assert.equal(nextClaReviewDue('2026-04-01', 0, null), '2026-05-01');
    assert.equal(nextClaReviewDue('2026-04-01', 1, '2026-04-30'), '2026-07-30');
    assert.equal(nextClaReviewDue('2026-04-01', 2, '2026-07-30'), '2027-01-30');
    assert.equal(ihaDue('2026-04-01'), '2026-05-01');
  });

  test('CLA visits: 1 week after the placement, 6 weeks after each visit, 3 months once long-term after the first year', () => {
    assert.equal(claVisitDue('2026-01-05', null, false), '2026-01-12');
    assert.equal(claVisitDue('2026-01-05', '2026-01-10', false), '2026-02-21'); // 10 Jan + 42 days
    assert.equal(claVisitDue('2026-01-05', '2025-12-20', false), '2026-01-12'); // a visit before the placement does not count
    assert.equal(claVisitDue('2026-01-05', '2027-01-05', true), '2027-04-05'); // long-term, a year in: 3 months
    assert.equal(claVisitDue('2026-01-05', '2027-01-04', true), '2027-02-15'); // still the first year: 6 weeks
    assert.equal(claVisitDue('2026-01-05', '2027-01-05', false), '2027-02-16'); // not long-term: 6 weeks
  });

  test('health: RHA 6-monthly under 5, 12-monthly from 5; dental 12-monthly', () => {
    assert.equal(rhaDue('2026-01-31', 4), '2026-07-31');
    assert.equal(rhaDue('2026-01-31', 5), '2027-01-31');
    assert.equal(rhaDue('2025-08-31', 4), '2026-02-28');
    assert.equal(dentalCheckDue('2025-02-28', '2020-01-01'), '2026-02-28');
    assert.equal(dentalCheckDue(null, '2026-01-15'), '2027-01-15');
  });

  test('PEPs: by the first review, then by the end of the following term', () => {
    assert.equal(termOf('2026-09-01'), 'autumn');
    assert.equal(termOf('2026-03-31'), 'spring');
    assert.equal(termOf('2026-08-31'), 'summer');
    assert.equal(pepDue('2026-04-01', null), '2026-05-01');
    assert.equal(pepDue('2026-04-01', '2026-03-20'), '2026-05-01'); // before this period of care
    assert.equal(pepDue('2025-01-01', '2025-10-15'), '2026-03-31');
    assert.equal(pepDue('2025-01-01', '2026-02-10'), '2026-07-31');
    assert.equal(pepDue('2025-01-01', '2026-08-20'), '2026-12-31');
  });

  test('SDQ: 12-monthly, ages 4 to 16', () => {
    assert.equal(sdqDue('2025-06-30', '2024-01-01'), '2026-06-30');
    assert.equal(sdqDue(null, '2025-06-30'), '2026-06-30');
    assert.deepEqual([3, 4, 16, 17].map(sdqApplies), [false, true, true, false]);
  });

  test('RHI: 72 hours after the return, across a year end', () => {
    assert.equal(rhiDue('2026-12-30'), '2027-01-02');
  });

  test('care leavers: pathway plan 6 months, contact 8 weeks, PA by 17½', () => {
    assert.equal(pathwayPlanReviewDue('2025-08-31', '2024-01-01'), '2026-02-28');
    assert.equal(pathwayPlanReviewDue(null, '2026-01-10'), '2026-07-10');
    assert.equal(careLeaverContactDue('2026-01-01', '2025-01-01'), '2026-02-26');
    assert.equal(paLinkDue('2008-08-31'), '2026-02-28'); // 17 years 6 months, clamped to February
    assert.equal(paLinkDue('2009-01-15'), '2026-07-15');
  });

  test('early help allocation: 10 working days from Fri 22 May 2026 → Mon 8 Jun (spring bank holiday)', () => {
    // (25 May holiday) 26–29 May = 4; 1–5 Jun = 9; 8 Jun = 10.
    assert.equal(earlyHelpAllocationDue('2026-05-22'), '2026-06-08');
  });

  test('courts: pre-proceedings 16 weeks (112 days), care proceedings 26 weeks (182 days)', () => {
    assert.equal(preProceedingsDecisionDue('2026-01-05'), '2026-04-27'); // 26 + 28 + 31 + 27 = 112
    assert.equal(careProceedingsDue('2026-01-05'), '2026-07-06'); // 27 Apr + 70
  });

  test('permanence: plan by the second review; adoption A1 426 days, A2 121 days', () => {
    assert.equal(permanencePlanDue('2026-04-01', null, null), '2026-08-01'); // first review due 1 May + 3 months
    assert.equal(permanencePlanDue('2026-04-01', '2026-04-28', null), '2026-07-28');
    assert.equal(permanencePlanDue('2026-04-01', '2026-04-28', '2026-07-20'), '2026-07-20');
    assert.equal(adoptionPlacedDue('2025-01-01'), '2026-03-03'); // 365 + 31 + 28 + 2
    assert.equal(adoptionMatchDue('2026-01-01'), '2026-05-02'); // 31 + 28 + 31 + 30 + 1
  });
});
