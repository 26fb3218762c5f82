/**
 * The CIN census export of one hand-built child: which children and episodes are in a year, the element order of
 * the census XSD (liia-tools), Sex or GenderCurrent by year, the pre-proceedings block only from 2026/27, and what a
 * past year's census leaves out (anything after its reference date).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import {
  buildAssessment,
  buildAuthority,
  buildCareProceedings,
  buildChild,
  buildCpPlan,
  buildCpReview,
  buildDisability,
  buildIcpc,
  buildPreProceedings,
  buildReferral,
  buildS47,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { exportCinCensus } from './index';

describeEachEngine('CIN census export', (ctx) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-cin-one-'));
  let authorityId = 0;

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db, { laNumber: '302' })).id;
    const child = await buildChild(db, {
      authorityId,
      laChildId: 'K1',
      upn: null,
      upnUnknownReason: 'UN1',
      dateOfBirth: '2020-05-05',
      sex: 'M',
      ethnicity: 'WBRI',
    });
    await buildDisability(db, child, { code: 'VIS', recordedDate: '2024-01-01' });
    // An old episode closed before 2025/26 began: not in the 2026 census.
    await buildReferral(db, child, {
      referralDate: '2023-05-01',
      referralSource: '1A',
      closureDate: '2024-02-01',
      closureReason: 'RC7',
    });
    const ep = await buildReferral(db, child, {
      referralDate: '2025-06-02',
      referralSource: '6',
      primaryNeedCode: 'N1',
    });
    await buildAssessment(db, child, {
      cinEpisodeId: ep.id,
      startDate: '2025-06-03',
      authorisationDate: '2025-07-01',
      factors: ['16A', '3B'],
    });
    const s47 = await buildS47(db, child, { cinEpisodeId: ep.id, startDate: '2025-06-09', icpcNotRequired: false });
    const icpc = await buildIcpc(db, child, {
      cinEpisodeId: ep.id,
      s47EnquiryId: s47.id,
      targetDate: '2025-06-30',
      conferenceDate: '2025-06-27',
    });
    const plan = await buildCpPlan(db, child, {
      cinEpisodeId: ep.id,
      icpcId: icpc.id,
      startDate: '2025-06-27',
      numberOfPreviousPlans: 0,
    });
    await buildCpReview(db, child, { cpPlanId: plan.id, reviewDate: '2025-09-26' });
    await buildCpReview(db, child, { cpPlanId: plan.id, reviewDate: '2026-05-01' }); // after 31 March 2026
    const pre = await buildPreProceedings(db, child, {
      cinEpisodeId: ep.id,
      startDate: '2026-05-04',
      letterBeforeProceedingsDate: '2026-05-05',
      familyGroupDecisionOffered: true,
      reviewMeetings: 2,
      decisionDate: '2026-08-03',
      endDate: '2026-08-03',
      outcome: 'proceedings-issued',
    });
    await buildCareProceedings(db, child, { preProceedingsId: pre.id, issueDate: '2026-08-10' });
    // Another authority's child is never in this one's census.
    const other = await buildAuthority(db);
    const stranger = await buildChild(db, { authorityId: other.id, laChildId: 'K1' });
    await buildReferral(db, stranger, { referralDate: '2025-06-02' });
  });

  async function exported(year: number): Promise<{ summary: { children: number; episodes: number }; xml: string }> {
    const out = path.join(dir, `k1-${year}.xml`);
    const summary = await exportCinCensus(
      ctx.database.db,
      authorityId,
      { year, generatedAt: '2026-04-01T12:00:00' },
      out,
    );
    return { summary, xml: readFileSync(out, 'utf8') };
  }

  it('2025/26: the child, the episode open in the year, everything under it, in the census order', async () => {
    const { summary, xml } = await exported(2026);
    assert.deepEqual(summary, { children: 1, episodes: 1 });
    const child = xml.slice(xml.indexOf('<Child>'), xml.indexOf('</Child>') + '</Child>'.length).replace(/\s+/g, '');
    assert.equal(
      child,
      [
        '<Child>',
        '<ChildIdentifiers><LAchildID>K1</LAchildID><UPNunknown>UN1</UPNunknown><PersonBirthDate>2020-05-05</PersonBirthDate><Sex>M</Sex></ChildIdentifiers>',
        '<ChildCharacteristics><Ethnicity>WBRI</Ethnicity><Disabilities><Disability>VIS</Disability></Disabilities></ChildCharacteristics>',
        '<CINdetails><CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>6</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>',
        '<Assessments><AssessmentActualStartDate>2025-06-03</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-07-01</AssessmentAuthorisationDate>',
        '<FactorsIdentifiedAtAssessment><AssessmentFactors>16A</AssessmentFactors><AssessmentFactors>3B</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>',
        '<Section47><S47ActualStartDate>2025-06-09</S47ActualStartDate><InitialCPCtarget>2025-06-30</InitialCPCtarget><DateOfInitialCPC>2025-06-27</DateOfInitialCPC>',
        '<ICPCnotRequired>false</ICPCnotRequired></Section47>',
        '<ReferralNFA>false</ReferralNFA>',
        '<ChildProtectionPlans><CPPstartDate>2025-06-27</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>',
        '<NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews><CPPreviewDate>2025-09-26</CPPreviewDate></Reviews></ChildProtectionPlans>',
        '</CINdetails>',
        '</Child>',
      ].join(''),
    );
    assert.match(xml, /<Year>2026<\/Year>\s*<ReferenceDate>2026-03-31<\/ReferenceDate>/);
    assert.match(xml, /<LEA>302<\/LEA>/, 'the LA number is the authority’s own when not given');
  });

  it('2026/27: the pre-proceedings block, with the court application', async () => {
    const { xml } = await exported(2027);
    const pp = xml
      .slice(xml.indexOf('<PreProceedingsandFGDM>'), xml.indexOf('</PreProceedingsandFGDM>'))
      .replace(/\s+/g, '');
    assert.equal(
      pp,
      '<PreProceedingsandFGDM><PPStartDate>2026-05-04</PPStartDate><LBPSentDate>2026-05-05</LBPSentDate><FGDMMeetingOffer>true</FGDMMeetingOffer>' +
        '<ReviewMeetingsCount>2</ReviewMeetingsCount><StepDecisionDate>2026-08-03</StepDecisionDate><PPOutcome>A</PPOutcome><CourtAppDate>2026-08-10</CourtAppDate>',
    );
    assert.match(xml, /<CPPreviewDate>2026-05-01<\/CPPreviewDate>/);
  });

  it('2023/24: GenderCurrent, and only what had happened by 31 March 2024', async () => {
    const { summary, xml } = await exported(2024);
    // Only the 2023 episode (closed 1 February 2024) is in 2023/24; the 2025 one had not begun.
    assert.deepEqual(summary, { children: 1, episodes: 1 });
    assert.match(xml, /<GenderCurrent>1<\/GenderCurrent>/);
    assert.doesNotMatch(xml, /<Sex>|2025-06-02|PreProceedingsandFGDM/);
    assert.match(xml, /<CINclosureDate>2024-02-01<\/CINclosureDate>\s*<ReasonForClosure>RC7<\/ReasonForClosure>/);
  });

  it('refuses a year outside 2022/23 to 2026/27', async () => {
    await assert.rejects(
      exportCinCensus(ctx.database.db, authorityId, { year: 2021 }, path.join(dir, 'x.xml')),
      /2023 to 2027/,
    );
  });
});
