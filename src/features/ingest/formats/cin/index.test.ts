import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cinCensusFormat, looksLikeCinCensus } from './index';
import { census, child, fixture, readCensus, tempFile } from './testing';

describe('CIN census reader', () => {
  it('claims a CIN census by its content and leaves other XML alone', async () => {
    const cin = fixture('valid-2026.xml');
    const other = tempFile(
      'cla.xml',
      '<?xml version="1.0"?><Message><Header><CollectionDetails><Collection>SSDA903</Collection></CollectionDetails></Header></Message>',
    );
    const notXml = tempFile('notes.xml', 'CHILD,DOB\n1,2020-01-01\n');
    const empty = tempFile('empty.xml', '');
    assert.deepEqual(await cinCensusFormat.claim([cin, other, notXml, empty]), [cin]);
    assert.equal(looksLikeCinCensus('<Message><Children><Child><ChildIdentifiers>'), true);
    assert.equal(looksLikeCinCensus('<Report><CINdetails>'), false);
  });

  it('reads the 2025/26 fixture into canonical rows with no issues', async () => {
    const { result, issues } = await readCensus([fixture('valid-2026.xml')]);
    assert.deepEqual(issues, []);
    assert.ok(result);
    assert.equal(result.period, '2026');
    assert.equal(result.periodLabel, '2025/26');
    assert.equal(result.collectionYear, 2026);
    // Counted from the fixture: 4 children; disabilities AUT and LD of CHILD003 (NONE stores nothing); episodes
    // 1 + 1 + 2 + 1 = 5; assessments 1 (CHILD001) + 2 (CHILD003) = 3; CIN plans 2; one S47; ICPCs: the S47's
    // and CHILD004's transfer-in = 2; CP plans 2; one review.
    assert.deepEqual(result.dataset.counts(), {
      children: 4,
      childDisabilities: 2,
      cinEpisodes: 5,
      assessments: 3,
      s47Enquiries: 1,
      initialCpConferences: 2,
      cinPlans: 2,
      cpPlans: 2,
      cpReviews: 1,
    });
    const rows = result.dataset.rows;
    assert.deepEqual(
      rows.children.map((c) => [
        c.laChildId,
        c.sex,
        c.dateOfBirth,
        c.expectedDateOfBirth,
        c.upn,
        c.upnUnknownReason,
        c.firstName,
      ]),
      [
        ['CHILD001', 'F', '2015-06-10', null, 'T302000000011', null, null],
        ['CHILD002', 'U', null, '2026-05-01', null, 'UN1', null],
        ['CHILD003', 'M', '2010-01-15', null, 'U302000000029', null, null],
        ['CHILD004', 'F', '2012-03-03', null, 'D302000000037', null, null],
      ],
    );
    const [s47Icpc, transferIn] = rows.initialCpConferences;
    assert.deepEqual(
      {
        s47: s47Icpc?.s47EnquiryId,
        transferIn: s47Icpc?.transferIn,
        target: s47Icpc?.targetDate,
        date: s47Icpc?.conferenceDate,
        plan: s47Icpc?.outcomeCpPlan,
      },
      { s47: 1, transferIn: false, target: '2025-06-23', date: '2025-06-20', plan: true },
    );
    assert.deepEqual(
      {
        s47: transferIn?.s47EnquiryId,
        transferIn: transferIn?.transferIn,
        episode: transferIn?.cinEpisodeId,
        date: transferIn?.conferenceDate,
      },
      { s47: null, transferIn: true, episode: 5, date: '2025-08-14' },
    );
    // Each plan is linked to the conference on its start day: plan 1 ↔ ICPC 1, plan 2 ↔ ICPC 2.
    assert.deepEqual(
      rows.cpPlans.map((p) => [p.icpcId, p.numberOfPreviousPlans, p.initialCategory]),
      [
        [1, 0, 'NEG'],
        [2, 1, 'EMO'],
      ],
    );
    assert.deepEqual(
      rows.assessments.map((a) => a.factors),
      [['3A', '16A'], ['21'], ['4B']],
    );
    assert.deepEqual(
      rows.cinEpisodes.map((e) => [e.referralNfa, e.closureReason]),
      [
        [false, null],
        [true, 'RC7'],
        [false, 'RC8'],
        [false, null],
        [false, null],
      ],
    );
  });

  it('takes the year from options when the file has no Header', async () => {
    const f = tempFile('no-header.xml', census(2025, child('A1', 2025), false));
    const { result, issues } = await readCensus([f], { collectionYear: 2025 });
    assert.deepEqual(issues, []);
    assert.equal(result?.periodLabel, '2024/25');
    const none = await readCensus([f]);
    assert.equal(none.result, null);
    assert.equal(none.issues[0]?.rule, 'LNT-FILE');
    assert.match(none.issues[0]?.message ?? '', /collection year/);
  });

  it('reads GenderCurrent before 2024/25 (1→M, 2→F, 0 and 9→U)', async () => {
    const children = ['1', '2', '0', '9']
      .map((g, i) =>
        child(`G${i}`, 2024).replace('<GenderCurrent>2</GenderCurrent>', `<GenderCurrent>${g}</GenderCurrent>`),
      )
      .join('\n');
    const { result, issues } = await readCensus([tempFile('gender.xml', census(2024, children))]);
    assert.deepEqual(issues, []);
    assert.deepEqual(
      result?.dataset.rows.children.map((c) => c.sex),
      ['M', 'F', 'U', 'U'],
    );
  });

  it('reads the 2026/27 pre-proceedings block', async () => {
    const details = `<CINreferralDate>2026-04-06</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
<PreProceedingsandFGDM><PPStartDate>2026-09-09</PPStartDate><LBPSentDate>2026-09-10</LBPSentDate><FGDMMeetingOffer>1</FGDMMeetingOffer><FGDMMeetingFac>1</FGDMMeetingFac>
<InitialPPMeetingDate>2026-09-28</InitialPPMeetingDate><ReviewMeetingsCount>3</ReviewMeetingsCount><StepDecisionDate>2026-12-01</StepDecisionDate><PPOutcome>A</PPOutcome>
<CourtAppDate>2026-12-18</CourtAppDate><LetterInitCPDate>2027-02-05</LetterInitCPDate></PreProceedingsandFGDM>
<PreProceedingsandFGDM><PPStartDate>2027-02-01</PPStartDate></PreProceedingsandFGDM>`;
    const { result, issues } = await readCensus([tempFile('pp.xml', census(2027, child('P1', 2027, details)))]);
    assert.deepEqual(issues, []);
    const rows = result?.dataset.rows;
    assert.deepEqual(
      rows?.preProceedings.map((p) => [
        p.startDate,
        p.letterBeforeProceedingsDate,
        p.familyGroupDecisionOffered,
        p.initialMeetingDate,
        p.reviewMeetings,
        p.decisionDate,
        p.endDate,
        p.outcome,
      ]),
      [
        ['2026-09-09', '2026-09-10', true, '2026-09-28', 3, '2026-12-01', '2026-12-01', 'proceedings-issued'],
        ['2027-02-01', null, null, null, 0, null, null, 'ongoing'],
      ],
    );
    assert.deepEqual(
      rows?.careProceedings.map((c) => [c.preProceedingsId, c.issueDate]),
      [[1, '2026-12-18']],
    );
  });
});
