/**
 * Each SSD rule with a row that passes and a row that fails, on a Dataset built by hand.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Dataset } from '../../dataset';
import { IssueLog } from '../../issues';
import { runRules } from '../../rules';
import {
  birthAndExpectedBirth,
  endBeforeStart,
  futureEvents,
  overlappingPeriodsOfCare,
  type SsdRuleContext,
} from './rules';

const TODAY = '2026-04-20';

function child(
  d: Dataset,
  laChildId: string,
  dob: string | null = '2015-01-01',
  expected: string | null = null,
): number {
  return d.add('children', {
    laChildId,
    upn: null,
    upnUnknownReason: null,
    firstName: null,
    lastName: null,
    dateOfBirth: dob,
    expectedDateOfBirth: expected,
    dateOfDeath: null,
    sex: 'F',
    gender: null,
    ethnicity: 'WBRI',
    firstLanguage: null,
    religion: null,
    postcodeDistrict: null,
    postcode: null,
  });
}

function referral(d: Dataset, childId: number, referralDate: string, closureDate: string | null): number {
  return d.add('cinEpisodes', {
    childId,
    contactId: null,
    referralDate,
    referralSource: '1A',
    primaryNeedCode: 'N1',
    referralNfa: false,
    closureDate,
    closureReason: null,
    teamId: null,
    workerId: null,
  });
}

function period(d: Dataset, childId: number, startDate: string, endDate: string | null): number {
  return d.add('periodsOfCare', {
    childId,
    startDate,
    endDate,
    reasonCeased: null,
    categoryOfNeed: 'N1',
    homePostcodeDistrict: null,
    homePostcode: null,
    permanencePlan: null,
    permanencePlanDate: null,
    previousPermanence: null,
    previousPermanenceDate: null,
    previousPermanenceDatePartial: null,
    previousPermanenceLa: null,
    continuedFrom: null,
  });
}

/** Runs one rule; each hit is "file:line column". */
function hits(rule: Parameters<typeof runRules<SsdRuleContext>>[0][number], d: Dataset): string[] {
  const log = new IssueLog();
  const ctx: SsdRuleContext = {
    dataset: d,
    today: TODAY,
    source: (table, id) => ({ file: table, line: id + 1, child: null }),
  };
  runRules([rule], 2026, ctx, log);
  return log.list().map((i) => `${i.rule} ${i.severity} ${i.file}:${i.row} ${i.column}`);
}

describe('SSD rule LNT-DATES: an end before its start', () => {
  it('passes a referral closed on or after its date and an open one; fails one closed the day before', () => {
    const d = new Dataset();
    const c = child(d, '1');
    referral(d, c, '2025-04-02', '2025-04-02');
    referral(d, c, '2025-05-01', null);
    referral(d, c, '2025-06-10', '2025-06-09');
    assert.deepEqual(hits(endBeforeStart, d), ['LNT-DATES error cinEpisodes:4 cine_close_date']);
  });

  it('compares the times of a missing episode, not only the days', () => {
    const d = new Dataset();
    const c = child(d, '1');
    const m = (startAt: string, endAt: string) =>
      d.add('missingEpisodes', {
        childId: c,
        kind: 'M',
        startAt: new Date(startAt),
        endAt: new Date(endAt),
        rhiOfferedDate: null,
        rhiAcceptedDate: null,
        rhiCompletedAt: null,
      });
    m('2025-07-05T21:30:00Z', '2025-07-05T22:00:00Z');
    m('2025-07-05T21:30:00Z', '2025-07-05T21:00:00Z');
    assert.deepEqual(hits(endBeforeStart, d), ['LNT-DATES error missingEpisodes:3 miss_missing_episode_end_date']);
  });
});

describe('SSD rule LNT-OVERLAP: periods of care of one child overlapping', () => {
  it("passes periods that meet end to start and another child's period; fails one starting inside an open period", () => {
    const d = new Dataset();
    const a = child(d, '1');
    const b = child(d, '2');
    period(d, a, '2024-01-01', '2024-06-01');
    period(d, a, '2024-06-01', null);
    period(d, b, '2024-03-01', null);
    period(d, a, '2025-01-01', '2025-02-01');
    assert.deepEqual(hits(overlappingPeriodsOfCare, d), [
      'LNT-OVERLAP error periodsOfCare:5 clae_cla_episode_start_date',
    ]);
  });
});

describe('SSD rule LNT-DOB: both a birth and an expected birth', () => {
  it('passes a born child and an unborn one; queries a child with both', () => {
    const d = new Dataset();
    child(d, '1', '2015-01-01', null);
    child(d, '2', null, '2026-06-01');
    child(d, '3', '2025-12-30', '2026-01-05');
    assert.deepEqual(hits(birthAndExpectedBirth, d), ['LNT-DOB query children:4 pers_expected_dob']);
  });
});

describe('SSD rule LNT-FUTURE: an event after the day of the import', () => {
  it('passes a referral made today; queries one made tomorrow', () => {
    const d = new Dataset();
    const c = child(d, '1');
    referral(d, c, TODAY, null);
    referral(d, c, '2026-04-21', null);
    assert.deepEqual(hits(futureEvents, d), ['LNT-FUTURE query cinEpisodes:3 cine_referral_date']);
  });
});
