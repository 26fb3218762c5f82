/**
 * The DfE codes the reader reports as it reads (parse-child.ts READER_RULES) for the census rules issue 16 added: a
 * child with no episode (8590), a missing referral date (8600), referral source (8866), CIN plan start (4010) or CP
 * plan start (8720), and a review record with no date (8842Q, through its rule).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { census, child, readCensus, tempFile } from './testing';

const EPISODE = `<CINreferralDate>2025-06-02</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>`;

/** [rule, severity, element] of each issue reading one 2025/26 child with these CINdetails. */
async function issuesOf(name: string, details: string | null) {
  const base = child('R1', 2026, details ?? EPISODE);
  const xml = census(2026, details === null ? base.replace(/<CINdetails>[\s\S]*<\/CINdetails>/, '') : base);
  const { issues } = await readCensus([tempFile(name, xml)]);
  return issues.map((i) => [i.rule, i.severity, i.column]);
}

describe('CIN census reader: DfE codes for what is missing', () => {
  it('the episode they are built on is clean', async () => {
    assert.deepEqual(await issuesOf('clean.xml', EPISODE), []);
  });

  it('8590: a child with no CINdetails', async () => {
    assert.deepEqual(await issuesOf('no-episode.xml', null), [['8590', 'error', 'CINdetails']]);
  });

  it('8600: no CINreferralDate', async () => {
    const found = await issuesOf('no-referral.xml', EPISODE.replace(/<CINreferralDate>[^<]*<\/CINreferralDate>/, ''));
    assert.deepEqual(found, [['8600', 'error', 'CINreferralDate']]);
  });

  it('8866: ReferralSource missing, or not a code', async () => {
    assert.deepEqual(await issuesOf('no-source.xml', EPISODE.replace('<ReferralSource>1A</ReferralSource>', '')), [
      ['8866', 'error', 'ReferralSource'],
    ]);
    assert.deepEqual(
      await issuesOf(
        'bad-source.xml',
        EPISODE.replace('<ReferralSource>1A</ReferralSource>', '<ReferralSource>1Z</ReferralSource>'),
      ),
      [['8866', 'error', 'ReferralSource']],
    );
  });

  it('4010: a CIN plan with no start date', async () => {
    const found = await issuesOf(
      'no-plan-start.xml',
      `${EPISODE}<CINPlanDates><CINPlanEndDate>2025-09-01</CINPlanEndDate></CINPlanDates>`,
    );
    assert.deepEqual(found, [['4010', 'error', 'CINPlanStartDate']]);
  });

  it('8720: a CP plan with no start date', async () => {
    const plan = `<ChildProtectionPlans><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans>`;
    const found = await issuesOf('no-cp-start.xml', `${EPISODE}${plan}`);
    assert.deepEqual(found, [['8720', 'error', 'CPPstartDate']]);
  });

  it('8842Q: a Reviews group with no date, or an empty CPPreviewDate (queries)', async () => {
    // A conference on the episode (a child transferred in) to start the plan (rules 2883, 2885).
    const plan = (reviews: string) =>
      `${EPISODE}<DateOfInitialCPC>2025-07-01</DateOfInitialCPC><ChildProtectionPlans><CPPstartDate>2025-07-01</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP><Reviews>${reviews}</Reviews></ChildProtectionPlans>`;
    assert.deepEqual(await issuesOf('reviews.xml', plan('<CPPreviewDate>2025-10-01</CPPreviewDate>')), []);
    assert.deepEqual(await issuesOf('no-review-date.xml', plan('')), [['8842Q', 'query', 'CPPreviewDate']]);
    assert.deepEqual(
      await issuesOf(
        'empty-review-date.xml',
        plan('<CPPreviewDate>2025-10-01</CPPreviewDate><CPPreviewDate></CPPreviewDate>'),
      ),
      [['8842Q', 'query', 'CPPreviewDate']],
    );
  });
});
