/**
 * The corpus of bad CIN census files (test/fixtures/cin/bad): each gets its specific message — rule, line,
 * element — and, imported, leaves the database exactly as it was. Every bad file is template.xml with one thing
 * wrong; template.xml's lines: 6 Year, 7 ReferenceDate, 11 <Child>, 12 <ChildIdentifiers>, 15 PersonBirthDate,
 * 16 Sex, 19 Ethnicity, 21 <CINdetails>, 22 CINreferralDate, 24 PrimaryNeedCode, 25 ReferralNFA, 27 </Child>.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { buildAuthority } from '../../../../../test/support/builders';
import { canonicalSnapshot } from '../../../../../test/support/canonical';
import { describeEachEngine } from '../../../../../test/support/databases';
import { importFiles } from '../../service';
import { cinCensusFormat } from './index';
import { FIXTURES, fixture, readCensus } from './testing';

const bad = (name: string) => fixture(path.join('bad', name));

/** [rule, severity, line, element] of each issue. */
async function issuesOf(name: string) {
  const { result, issues } = await readCensus([bad(name)]);
  return {
    result,
    found: issues.map((i) => [i.rule, i.severity, i.row, i.column]),
    messages: issues.map((i) => i.message),
  };
}

describe('CIN census: bad files', () => {
  it('the template they are made from is clean', async () => {
    const { result, found } = await issuesOf('template.xml');
    assert.deepEqual(found, []);
    assert.equal(result?.dataset.rows.children.length, 1);
  });

  it('an empty file is not claimed, and reading it says it is empty', async () => {
    assert.deepEqual(await cinCensusFormat.claim([bad('empty.xml')]), []);
    const { result, found, messages } = await issuesOf('empty.xml');
    assert.equal(result, null);
    assert.deepEqual(found, [['LNT-FILE', 'error', null, null]]);
    assert.deepEqual(messages, ['The file is empty']);
  });

  it('truncated XML: the line where it stops', async () => {
    // Cut just after line 22 (CINreferralDate): line 23 holds only indentation and CINdetails is left open.
    const { result, found, messages } = await issuesOf('truncated.xml');
    assert.equal(result, null);
    assert.deepEqual(found, [['LNT-FILE', 'error', 23, null]]);
    assert.match(messages[0] ?? '', /not well formed at line 23 \(unclosed tag: CINdetails\)/);
  });

  it('declared UTF-8 but written in Windows-1252: refused', async () => {
    const { result, found, messages } = await issuesOf('windows-1252-declared-utf8.xml');
    assert.equal(result, null);
    assert.deepEqual(found, [['LNT-FILE', 'error', 1, null]]);
    assert.match(messages[0] ?? '', /declares its encoding as UTF-8 but is not valid UTF-8/);
  });

  it('Windows-1252 declared as such: read', async () => {
    const { result, found } = await issuesOf('windows-1252-declared.xml');
    assert.deepEqual(found, []);
    assert.equal(result?.dataset.rows.children[0]?.laChildId, 'BAD001');
  });

  it('a missing required element (CINreferralDate): the DfE rule for it (8600) at its CINdetails', async () => {
    const { found } = await issuesOf('missing-referral-date.xml');
    assert.deepEqual(found, [['8600', 'error', 21, 'CINreferralDate']]);
  });

  it('an impossible date (30 February): LNT-TYPE on its line', async () => {
    const { found, messages } = await issuesOf('impossible-date.xml');
    assert.deepEqual(found, [['LNT-TYPE', 'error', 15, 'PersonBirthDate']]);
    assert.deepEqual(messages, ['PersonBirthDate "2022-02-30" is not a real date (expected YYYY-MM-DD)']);
  });

  it('codes from the wrong year: Sex in 2022/23, GenderCurrent in 2025/26, PreProceedings before 2026/27', async () => {
    const sex = await issuesOf('sex-in-2022-23.xml');
    assert.deepEqual(sex.found, [['LNT-CODE', 'error', 16, 'Sex']]);
    assert.equal(sex.result?.periodLabel, '2022/23');
    const gender = await issuesOf('gendercurrent-in-2025-26.xml');
    assert.deepEqual(gender.found, [['LNT-CODE', 'error', 16, 'GenderCurrent']]);
    // The PreProceedingsandFGDM element is inserted after ReferralNFA, on line 26.
    assert.deepEqual((await issuesOf('pre-proceedings-before-2026-27.xml')).found, [
      ['LNT-CODE', 'error', 26, 'PreProceedingsandFGDM'],
    ]);
  });

  it('a code not in the list: the DfE rule for it (8650 for PrimaryNeedCode)', async () => {
    assert.deepEqual((await issuesOf('primary-need-not-a-code.xml')).found, [['8650', 'error', 24, 'PrimaryNeedCode']]);
  });

  it('an element the census does not have', async () => {
    // <Religion> is inserted after Ethnicity, on line 20.
    assert.deepEqual((await issuesOf('unknown-element.xml')).found, [['LNT-COLUMN', 'error', 20, 'Religion']]);
  });

  it('a collection year Lantern does not read', async () => {
    const { result, found } = await issuesOf('year-not-supported.xml');
    assert.equal(result, null);
    assert.deepEqual(found, [['LNT-FILE', 'error', 6, 'Year']]);
  });

  it('100: ReferenceDate not 31 March of Year', async () => {
    assert.deepEqual((await issuesOf('reference-date-wrong.xml')).found, [['100', 'error', 7, 'ReferenceDate']]);
  });

  it('8510: the same LAchildID twice', async () => {
    // The second Child (a copy of lines 11–27) opens on line 28.
    const { found, messages } = await issuesOf('duplicate-child.xml');
    assert.deepEqual(found, [['8510', 'error', 28, 'LAchildID']]);
    assert.match(messages[0] ?? '', /first given at line 11/);
  });

  it('8820: overlapping episodes', async () => {
    // Episode 1 runs 2025-04-07 to 2025-09-01; episode 2 (its CINreferralDate on line 30) is referred 2025-08-04.
    assert.deepEqual((await issuesOf('overlapping-episodes.xml')).found, [['8820', 'error', 30, 'CINreferralDate']]);
  });
});

const REJECTED = [
  'truncated.xml',
  'windows-1252-declared-utf8.xml',
  'missing-referral-date.xml',
  'impossible-date.xml',
  'sex-in-2022-23.xml',
  'gendercurrent-in-2025-26.xml',
  'pre-proceedings-before-2026-27.xml',
  'primary-need-not-a-code.xml',
  'unknown-element.xml',
  'year-not-supported.xml',
  'reference-date-wrong.xml',
  'duplicate-child.xml',
  'overlapping-episodes.xml',
];

describeEachEngine('CIN census: bad files leave the database as it was', (ctx) => {
  let authorityId = 0;
  before(async () => {
    authorityId = (await buildAuthority(ctx.database.db)).id;
    const ok = await importFiles(ctx.database, {
      paths: [path.join(FIXTURES, 'valid-2026.xml')],
      authorityId,
      actor: { userId: null, username: 't' },
      formats: [cinCensusFormat],
    });
    assert.equal(ok.batches[0]?.status, 'accepted');
  });

  it('each bad file is rejected and changes nothing', async () => {
    const spec = {
      children: ['laChildId', 'sex', 'dateOfBirth'],
      cinEpisodes: ['childId', 'referralDate', 'closureDate'],
      cpPlans: ['childId', 'startDate'],
    } as const;
    const before = await canonicalSnapshot(ctx.database.db, authorityId, spec);
    assert.equal(before.children?.length, 4);
    for (const name of REJECTED) {
      const r = await importFiles(ctx.database, {
        paths: [bad(name).path],
        authorityId,
        actor: { userId: null, username: 't' },
        formats: [cinCensusFormat],
      });
      assert.equal(r.batches[0]?.status, 'rejected', name);
      assert.ok((r.batches[0]?.errors ?? 0) > 0, name);
      assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, spec), before, name);
    }
  });
});
