/**
 * What the CIN census of a year holds of an episode open for years, worked by hand (issue 16): only the modules of
 * the collection year (the census guide; rules 8696, 4013, 8715, 8930), never a factor code retired in the year
 * (18A, 19A from 2021/22), and no census at all without the authority's LA number (the header's <LEA>).
 *
 * The child L1 was referred on 1 March 2011 and the episode is still open on 31 March 2026. For 2025/26 (1 April
 * 2025 to 31 March 2026) its modules are, each marked in or out of the year:
 * - assessment 2011-03-02, authorised 2011-04-10: out (authorised before the year, 8696);
 * - assessment 2025-03-20, authorised 2025-04-15, factors 18A and 2A: in, with 2A only (18A retired);
 * - assessment 2026-03-10, not authorised, factor 19A: in, with no factors (its only code is retired);
 * - CIN plan 2011-04-11 to 2011-06-30: out (ended before the year, 4013);
 * - CIN plan 2025-01-06 to 2025-04-07: in (ended in the year);
 * - S47 2011-06-20 with its conference 2011-07-05: out (conference before the year, 8715), and so is the CP plan
 *   from it, 2011-07-05 to 2012-09-01 (ended before the year, 8930);
 * - a conference 2011-05-01 under no S47 (after a transfer in): out (before the year), so no CINdetails conference;
 * - S47 2024-11-01, no conference needed, ended 2025-03-31: out (ended the day before the year began);
 * - S47 2025-02-10, no conference needed, ended 2025-04-01: in (still open on the year's first day);
 * - S47 2025-03-25 with its conference 2025-04-08: in (conference in the year), and the CP plan from it, open, with
 *   its review of 2025-07-01.
 * Before this fix the 2025/26 census held all 12 of these modules (and the 2011 conference as the CINdetails one);
 * now it holds the 6 marked in.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { ValidationError } from '../../../core/errors';
import {
  buildAssessment,
  buildAuthority,
  buildChild,
  buildCinPlan,
  buildCpPlan,
  buildCpReview,
  buildIcpc,
  buildReferral,
  buildS47,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { exportCinCensus } from './index';

describeEachEngine('CIN census export: the modules of the year', (ctx) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lantern-cin-year-'));
  let authorityId = 0;
  let noNumber = 0;

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db, { laNumber: '302' })).id;
    const child = await buildChild(db, {
      authorityId,
      laChildId: 'L1',
      upn: null,
      upnUnknownReason: 'UN5',
      dateOfBirth: '2010-02-01',
      sex: 'F',
      ethnicity: 'WBRI',
    });
    const ep = await buildReferral(db, child, {
      referralDate: '2011-03-01',
      referralSource: '1A',
      primaryNeedCode: 'N2',
    });
    const cinEpisodeId = ep.id;
    await buildAssessment(db, child, {
      cinEpisodeId,
      startDate: '2011-03-02',
      authorisationDate: '2011-04-10',
      factors: ['12A'],
    });
    await buildAssessment(db, child, {
      cinEpisodeId,
      startDate: '2025-03-20',
      authorisationDate: '2025-04-15',
      factors: ['18A', '2A'],
    });
    await buildAssessment(db, child, { cinEpisodeId, startDate: '2026-03-10', factors: ['19A'] });
    await buildCinPlan(db, child, { cinEpisodeId, startDate: '2011-04-11', endDate: '2011-06-30' });
    await buildCinPlan(db, child, { cinEpisodeId, startDate: '2025-01-06', endDate: '2025-04-07' });
    const old = await buildS47(db, child, { cinEpisodeId, startDate: '2011-06-20', icpcNotRequired: false });
    const oldIcpc = await buildIcpc(db, child, {
      cinEpisodeId,
      s47EnquiryId: old.id,
      targetDate: '2011-07-11',
      conferenceDate: '2011-07-05',
    });
    await buildCpPlan(db, child, {
      cinEpisodeId,
      icpcId: oldIcpc.id,
      startDate: '2011-07-05',
      endDate: '2012-09-01',
      numberOfPreviousPlans: 0,
    });
    await buildIcpc(db, child, { cinEpisodeId, s47EnquiryId: null, conferenceDate: '2011-05-01' });
    await buildS47(db, child, {
      cinEpisodeId,
      startDate: '2024-11-01',
      endDate: '2025-03-31',
      icpcNotRequired: true,
    });
    await buildS47(db, child, {
      cinEpisodeId,
      startDate: '2025-02-10',
      endDate: '2025-04-01',
      icpcNotRequired: true,
    });
    const s47 = await buildS47(db, child, { cinEpisodeId, startDate: '2025-03-25', icpcNotRequired: false });
    const icpc = await buildIcpc(db, child, {
      cinEpisodeId,
      s47EnquiryId: s47.id,
      targetDate: '2025-04-14',
      conferenceDate: '2025-04-08',
    });
    const plan = await buildCpPlan(db, child, {
      cinEpisodeId,
      icpcId: icpc.id,
      startDate: '2025-04-08',
      numberOfPreviousPlans: 1,
    });
    await buildCpReview(db, child, { cpPlanId: plan.id, reviewDate: '2025-07-01' });

    noNumber = (await buildAuthority(db, { name: 'Nowhere', laNumber: null })).id;
    const other = await buildChild(db, { authorityId: noNumber, laChildId: 'N1' });
    await buildReferral(db, other, { referralDate: '2025-06-02' });
  });

  it('2025/26 holds only the modules of the year, and no retired factor code', async () => {
    const out = path.join(dir, 'l1-2026.xml');
    await exportCinCensus(ctx.database.db, authorityId, { year: 2026, generatedAt: '2026-04-01T12:00:00' }, out);
    const xml = readFileSync(out, 'utf8');
    const details = xml
      .slice(xml.indexOf('<CINdetails>'), xml.indexOf('</CINdetails>') + '</CINdetails>'.length)
      .replace(/\s+/g, '');
    assert.equal(
      details,
      [
        '<CINdetails><CINreferralDate>2011-03-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N2</PrimaryNeedCode>',
        '<Assessments><AssessmentActualStartDate>2025-03-20</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-04-15</AssessmentAuthorisationDate>',
        '<FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>',
        '<Assessments><AssessmentActualStartDate>2026-03-10</AssessmentActualStartDate></Assessments>',
        '<CINPlanDates><CINPlanStartDate>2025-01-06</CINPlanStartDate><CINPlanEndDate>2025-04-07</CINPlanEndDate></CINPlanDates>',
        '<Section47><S47ActualStartDate>2025-02-10</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47>',
        '<Section47><S47ActualStartDate>2025-03-25</S47ActualStartDate><InitialCPCtarget>2025-04-14</InitialCPCtarget><DateOfInitialCPC>2025-04-08</DateOfInitialCPC>',
        '<ICPCnotRequired>false</ICPCnotRequired></Section47>',
        '<ReferralNFA>false</ReferralNFA>',
        '<ChildProtectionPlans><CPPstartDate>2025-04-08</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse>',
        '<NumberOfPreviousCPP>1</NumberOfPreviousCPP><Reviews><CPPreviewDate>2025-07-01</CPPreviewDate></Reviews></ChildProtectionPlans>',
        '</CINdetails>',
      ].join(''),
    );
    // Nothing dated before the year is left anywhere in the file.
    assert.doesNotMatch(xml.replace('2011-03-01', ''), /2011-|2012-|2024-/);
    assert.doesNotMatch(xml, /18A|19A/);
  });

  it('refuses the census of an authority with no LA number, and writes no file', async () => {
    const out = path.join(dir, 'none.xml');
    await assert.rejects(
      exportCinCensus(ctx.database.db, noNumber, { year: 2026 }, out),
      (e: unknown) =>
        e instanceof ValidationError &&
        e.errors.length === 1 &&
        e.errors[0]?.field === 'laNumber' &&
        e.errors[0].message.includes('Nowhere’s DfE LA number'),
    );
    assert.equal(existsSync(out), false);
  });
});
