/**
 * The SSD reader on a hand-built extract of four children (test/fixtures/ssd/small): every table it loads, the
 * values as the canonical model holds them, and exactly the issues a person reading the files would raise.
 * Every expected number is counted from the fixture files by hand; the comments say how.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import type { ReadResult } from '../../format';
import type { Issue } from '../../issues';
import { brief, FIXTURES, readFolder, sourceFiles } from './testing';
import { ssdFormat } from './index';

const SMALL = path.join(FIXTURES, 'small');

describe('SSD reader: a small hand-built extract', () => {
  let result: ReadResult;
  let issues: readonly Issue[];

  before(async () => {
    const read = await readFolder(SMALL);
    assert.ok(read.result);
    result = read.result;
    issues = read.issues;
  });

  it('claims every SSD file by its columns (26 files, ssd_send included to be reported)', async () => {
    const claimed = await ssdFormat.claim(sourceFiles(SMALL));
    assert.equal(claimed.length, 26);
  });

  it('finds no error and exactly four queries: a bad postcode, a legal status outside care, an optician check, the SEND table', () => {
    assert.deepEqual(brief(issues), [
      'query LNT-UNKNOWN ssd_send.csv:- -',
      'query LNT-TYPE ssd_address.csv:4 addr_address_postcode',
      'query LNT-REFERENCE ssd_legal_status.csv:4 lega_legal_status_start_date',
      'query LNT-CODE ssd_cla_health.csv:4 clah_health_check_type',
    ]);
  });

  it('keys the extract as one period labelled by its latest recorded date (the CP review of 20 July 2025; due and expected dates do not count)', () => {
    assert.equal(result.period, 'extract');
    assert.equal(result.periodLabel, 'extract with records to 20 July 2025');
    assert.equal(result.collectionYear, null);
  });

  it('reads the rows of every table (counted from the fixture files)', () => {
    // 4 people; 1 disability (D2 is NONE); 2 involvements; 2 contacts; 3 referrals; 2 assessments; 1 S47, ICPC,
    // CP plan, CP review and CIN plan; 3 visits (one per visit file); 2 episodes of CLA1 → 1 period; 2 legal
    // statuses (LS3 is outside care); 2 placements; 1 review (RV2 cancelled); 1 initial health assessment and 1
    // dental check (H3 optician, H4 refused); 1 missing episode; 2 teams (T1, T2); 3 workers (SW3 unreferenced).
    assert.deepEqual(result.dataset.counts(), {
      children: 4,
      childDisabilities: 1,
      allocations: 2,
      contacts: 2,
      cinEpisodes: 3,
      assessments: 2,
      s47Enquiries: 1,
      initialCpConferences: 1,
      cinPlans: 1,
      cpPlans: 1,
      cpReviews: 1,
      visits: 3,
      periodsOfCare: 1,
      legalStatuses: 2,
      placements: 2,
      claReviews: 1,
      healthAssessments: 1,
      dentalChecks: 1,
      missingEpisodes: 1,
      teams: 2,
      workers: 3,
    });
  });

  it('reads people: IDs without Excel decimals, codes normalised, UPN from linked identifiers, district from the open address', () => {
    const c = result.dataset.rows.children;
    assert.deepEqual(
      c.map((x) => [
        x.laChildId,
        x.sex,
        x.ethnicity,
        x.dateOfBirth,
        x.expectedDateOfBirth,
        x.upn,
        x.upnUnknownReason,
        x.postcodeDistrict,
        x.gender,
        x.firstName,
      ]),
      [
        ['1001', 'F', 'WBRI', '2012-05-15', null, 'A123456789012', null, 'E1', '02', null],
        ['1002', 'M', 'BAFR', '2015-09-03', null, null, 'UN2', null, '01', null],
        ['1003', 'U', 'NOBT', null, '2026-06-01', null, 'UN1', null, null, null],
        ['1004', 'F', 'CHNE', '2008-01-20', null, null, null, null, null, null],
      ],
    );
  });

  it('reads the front door and referrals with their outcome flags, teams and workers', () => {
    const d = result.dataset;
    assert.deepEqual(
      d.rows.contacts.map((x) => [x.childId, x.source, x.mashDecision]),
      [
        [1, '1A', 'referral'],
        [2, '5D', 'nfa'],
      ],
    );
    assert.deepEqual(
      d.rows.cinEpisodes.map((x) => [
        x.childId,
        x.referralDate,
        x.primaryNeedCode,
        x.referralSource,
        x.closureReason,
        d.teams[(x.teamId as number) - 1]?.name,
        d.workers[(x.workerId as number) - 1]?.workerRef,
      ]),
      [
        [1, '2025-04-02', 'N1', '1A', null, 'Assessment Team North', 'SW1'],
        [2, '2025-05-11', 'N3', '5D', 'RC8', 'Assessment Team North', 'SW1'],
        [4, '2024-11-01', 'N4', '2A', null, 'Children in Care', 'SW2'],
      ],
    );
    // AS1 is not NFA (further services); AS2 is NFA; factors from a list and from an object of Yes/No flags.
    assert.deepEqual(
      d.rows.assessments.map((x) => [x.childId, x.cinEpisodeId, x.childSeen, x.furtherServices, x.factors]),
      [
        [1, 1, true, true, ['1A', '2B']],
        [2, 2, true, false, ['3A']],
      ],
    );
    assert.deepEqual(
      d.rows.allocations.map((x) => [
        d.teams[x.teamId - 1]?.name,
        d.workers[(x.workerId as number) - 1]?.workerRef,
        x.role,
        x.endDate,
        x.changeReason,
      ]),
      [
        ['Assessment Team North', 'SW1', 'social-worker', '2025-06-30', 'MANAGE'],
        // No team on I2: the professional's department (T2).
        ['Children in Care', 'SW2', 'social-worker', null, null],
      ],
    );
    assert.deepEqual(
      d.workers.map((w) => [w.workerRef, w.name, w.role, w.startDate]),
      [
        ['SW1', 'Worker One', 'social-worker', '2025-04-02'],
        ['SW2', 'Worker Two', 'senior-practitioner', '2024-11-01'],
        // Named by no row: the extract's latest date.
        ['SW3', 'Worker Three', 'team-manager', '2025-07-20'],
      ],
    );
  });

  it('links child protection: S47 → ICPC → plan (filed under the referral open on its start, R1) → review', () => {
    const d = result.dataset;
    assert.deepEqual(
      d.rows.s47Enquiries.map((x) => [x.cinEpisodeId, x.outcome, x.icpcNotRequired]),
      [[1, 'icpc', false]],
    );
    assert.deepEqual(
      d.rows.initialCpConferences.map((x) => [x.cinEpisodeId, x.s47EnquiryId, x.outcomeCpPlan, x.transferIn]),
      [[1, 1, true, false]],
    );
    assert.deepEqual(
      d.rows.cpPlans.map((x) => [x.cinEpisodeId, x.icpcId, x.initialCategory, x.latestCategory]),
      [[1, 1, 'NEG', 'NEG']],
    );
    assert.deepEqual(
      d.rows.cpReviews.map((x) => [x.cpPlanId, x.dueDate, x.reviewDate, x.quorate, x.participation]),
      [[1, '2025-07-24', '2025-07-20', true, 'attended']],
    );
    assert.deepEqual(
      d.rows.visits.map((x) => [x.childId, x.kind, x.seen, x.seenAlone]),
      [
        [4, 'cin', true, false],
        [1, 'cp', true, true],
        [4, 'cla', false, null],
      ],
    );
  });

  it('groups the two episodes of CLA1 (given out of order) into one open period with its statuses, placements and review', () => {
    const d = result.dataset;
    assert.deepEqual(
      d.rows.periodsOfCare.map((x) => [x.childId, x.startDate, x.endDate, x.reasonCeased, x.categoryOfNeed]),
      [[4, '2025-02-10', null, null, 'N4']],
    );
    assert.deepEqual(
      d.rows.legalStatuses.map((x) => [x.periodOfCareId, x.legalStatus, x.startDate, x.endDate]),
      [
        [1, 'V2', '2025-02-10', '2025-06-01'],
        [1, 'C2', '2025-06-01', null],
      ],
    );
    assert.deepEqual(
      d.rows.placements.map((x) => [
        x.childId,
        x.placementType,
        x.provider,
        x.postcodeDistrict,
        x.distanceMiles,
        x.changeReason,
      ]),
      [
        [4, 'U1', 'PR1', 'N12', 3.5, 'CARPL'],
        [4, 'K2', 'PR3', 'M1', 12, null],
      ],
    );
    assert.deepEqual(
      d.rows.claReviews.map((x) => [x.reviewDate, x.participation]),
      [['2025-03-07', 'PN1']],
    );
    assert.deepEqual(
      d.rows.healthAssessments.map((x) => [x.kind, x.assessmentDate]),
      [['initial', '2025-03-01']],
    );
    assert.deepEqual(
      d.rows.dentalChecks.map((x) => x.checkDate),
      ['2025-04-01'],
    );
  });

  it("reads a missing episode from an older extract's column names, its times as London time (BST: one hour ahead of UTC)", () => {
    const [m] = result.dataset.rows.missingEpisodes;
    assert.ok(m);
    assert.equal(m.kind, 'M');
    assert.equal(m.startAt.toISOString(), '2025-07-05T21:30:00.000Z');
    assert.equal(m.endAt?.toISOString(), '2025-07-06T08:15:00.000Z');
    // Offered (Y): the return day stands in for the date; not accepted (N).
    assert.equal(m.rhiOfferedDate, '2025-07-06');
    assert.equal(m.rhiAcceptedDate, null);
  });
});
