/**
 * The 903 reader on hand-built files (test/fixtures/ssda903): the canonical rows of a small good return, worked
 * out by hand; and the bad-file corpus, each file with exactly its own issues (file, row, column, rule), rejected
 * by the import runner with the database unchanged.
 */
import assert from 'node:assert/strict';
import { mkdtemp, copyFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { canonicalSnapshot, type SnapshotSpec } from '../../../../../test/support/canonical';
import { buildAuthority } from '../../../../../test/support/builders';
import { describeEachEngine } from '../../../../../test/support/databases';
import type { ImportContext, SourceFile } from '../../format';
import { IssueLog } from '../../issues';
import { importFiles } from '../../service';
import { ssda903Format } from './index';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../test/fixtures/ssda903');

async function source(relative: string): Promise<SourceFile> {
  const p = path.join(FIXTURES, relative);
  return { name: path.basename(p), path: p, size: (await stat(p)).size };
}

function context(issues: IssueLog, collectionYear?: number): ImportContext {
  return {
    authority: { id: 1, code: 'T', name: 'Test', laNumber: null },
    issues,
    progress: () => undefined,
    options: { collectionYear },
    today: '2026-06-01',
  };
}

const GOOD = [
  'episodes.csv',
  'header.csv',
  'missing.csv',
  'oc3.csv',
  'prevperm.csv',
  'reviews.csv',
  'sw.csv',
  'uasc.csv',
];

describe('SSDA903 reader: a good 2025/26 return', () => {
  let result: Awaited<ReturnType<typeof ssda903Format.read>>;
  const issues = new IssueLog();

  before(async () => {
    const files = await Promise.all(GOOD.map((f) => source(`good-2026/${f}`)));
    assert.equal((await ssda903Format.claim(files)).length, 8, 'every table is recognised by its columns');
    result = await ssda903Format.read(files, context(issues));
  });

  it('works out the year from the latest date (15/01/2026 → 2025/26) and says so as a query; nothing else is wrong', () => {
    assert.ok(result);
    assert.equal(result.period, '2026');
    assert.equal(result.periodLabel, '2025/26');
    assert.deepEqual(
      issues.list().map((i) => [i.severity, i.rule]),
      [['query', 'LNT-FILE']],
    );
    assert.match(issues.list()[0]?.message ?? '', /2025\/26.*2026-01-15/);
  });

  it('counts: 3 children, 3 periods, 5 legal statuses, 4 placements, 3 reviews, 2 missing, 1 care leaver, 3 allocations, 2 workers', () => {
    assert.deepEqual(result?.dataset.counts(), {
      children: 3,
      immigrationStatuses: 1,
      familyLinks: 1,
      allocations: 3,
      periodsOfCare: 3,
      legalStatuses: 5,
      placements: 4,
      claReviews: 3,
      missingEpisodes: 2,
      careLeaverContacts: 1,
      careLeavers: 1,
      teams: 1,
      workers: 2,
    });
  });

  it('reads the Header: IDs without ".0", codes tidied, UPN or its unknown reason, a mother and her child', () => {
    const rows = result?.dataset.rows;
    assert.deepEqual(
      rows?.children.map((c) => [
        c.laChildId,
        c.sex,
        c.dateOfBirth,
        c.ethnicity,
        c.upn,
        c.upnUnknownReason,
        c.firstName,
        c.postcodeDistrict,
      ]),
      [
        ['1001', 'M', '2012-06-15', 'WBRI', 'A123456789012', null, null, 'N12'],
        ['1002', 'F', '2009-02-03', 'BAFR', null, 'UN2', null, 'E1'],
        // UN3, not UN1: a 17-year-old is of school age (rule 209).
        ['1003', 'F', '2008-07-20', 'MWBC', null, 'UN3', null, 'SE1'],
      ],
    );
    assert.deepEqual(
      rows?.familyLinks.map((f) => [f.childId, f.relationship, f.relatedDateOfBirth]),
      [[2, 'child', '2025-12-01']],
    );
  });

  it('makes periods, legal statuses and placements from the episodes', () => {
    const rows = result?.dataset.rows;
    assert.deepEqual(
      rows?.periodsOfCare.map((p) => [
        p.childId,
        p.startDate,
        p.endDate,
        p.reasonCeased,
        p.categoryOfNeed,
        p.homePostcodeDistrict,
        p.previousPermanence,
        p.previousPermanenceLa,
        p.previousPermanenceDate,
        p.previousPermanenceDatePartial,
      ]),
      [
        [1, '2025-05-01', null, null, 'N1', 'N12', 'Z1', null, null, null],
        // 1002's first episode in the file is a P (the period began before it): the period starts there.
        [2, '2024-03-12', '2025-12-20', 'E4A', 'N4', 'E1', null, null, null, null],
        // 1003: a residence or child arrangements order (P3) made in Cambridgeshire (873) in March 2019, day unknown.
        [3, '2025-06-01', null, null, 'N5', 'SE1', 'P3', '873', null, 'ZZ/03/2019'],
      ],
    );
    // 1001: V2 for 9 days, C1 from 10 May, C2 from 15 January (two RNE L episodes).
    assert.deepEqual(
      rows?.legalStatuses.map((l) => [l.periodOfCareId, l.legalStatus, l.startDate, l.endDate]),
      [
        [1, 'V2', '2025-05-01', '2025-05-10'],
        [1, 'C1', '2025-05-10', '2026-01-15'],
        [1, 'C2', '2026-01-15', null],
        [2, 'V2', '2024-03-12', '2025-12-20'],
        [3, 'V2', '2025-06-01', null],
      ],
    );
    // 1001: U6 until the T move on 1 September (same carer: the carer reference carries over), whose reason CARPL
    // is on the episode that ended it.
    assert.deepEqual(
      rows?.placements.map((p) => [
        p.periodOfCareId,
        p.placementType,
        p.provider,
        p.startDate,
        p.endDate,
        p.postcodeDistrict,
        p.urn,
        p.carerRef,
        p.changeReason,
      ]),
      [
        [1, 'U6', 'PR4', '2025-05-01', '2025-09-01', 'N13', 'SC000001', '903/1001/2025-05-01', 'CARPL'],
        [1, 'U5', 'PR4', '2025-09-01', null, 'N13', 'SC000001', '903/1001/2025-05-01', null],
        [2, 'K2', 'PR4', '2024-03-12', '2025-12-20', 'E2', 'SC000002', '903/1002/2024-03-12', null],
        // XXXXXXX (URN due but not known) is held as no URN.
        [3, 'K3', 'PR5', '2025-06-01', null, 'SE5', null, '903/1003/2025-06-01', null],
      ],
    );
  });

  it('files reviews under their period, and reads missing, social worker, UASC and OC3 rows', () => {
    const rows = result?.dataset.rows;
    assert.deepEqual(
      rows?.claReviews.map((r) => [r.periodOfCareId, r.reviewDate, r.participation]),
      [
        [1, '2025-05-28', 'PN1'],
        [1, '2025-08-20', 'PN3'],
        [2, '2025-06-01', 'PN4'],
      ],
    );
    // 14 July is in British Summer Time: 00:00 in London is 23:00 UTC the day before; 1 January is GMT.
    assert.deepEqual(
      rows?.missingEpisodes.map((m) => [m.childId, m.kind, m.startAt.toISOString(), m.endAt?.toISOString() ?? null]),
      [
        [2, 'M', '2025-07-13T23:00:00.000Z', '2025-07-14T23:00:00.000Z'],
        [3, 'A', '2026-01-01T00:00:00.000Z', null],
      ],
    );
    assert.deepEqual(
      // SW_REASON is why the social worker took the child on (the change that began the episode), on every row.
      rows?.allocations.map((a) => [
        a.childId,
        a.workerId,
        a.role,
        a.startDate,
        a.endDate,
        a.changeReason,
        a.endReason,
      ]),
      [
        [1, 1, 'social-worker', '2025-05-01', null, 'FCONTA', null],
        [2, 2, 'social-worker', '2024-03-12', '2025-12-20', 'CHCHAN', null],
        [3, null, 'social-worker', '2025-06-01', null, 'FCONTA', null],
      ],
    );
    assert.deepEqual(
      result?.dataset.workers.map((w) => [w.workerRef, w.startDate]),
      [
        ['SW1001', '2025-05-01'],
        ['SW1002', '2024-03-12'],
      ],
    );
    // DUC 20/07/2026, the 18th birthday, after the year's end (31 March 2026): when the status is due to end, so it
    // is held as open.
    assert.deepEqual(
      rows?.immigrationStatuses.map((u) => [u.childId, u.status, u.startDate, u.endDate]),
      [[3, 'UASC', '2025-06-01', null]],
    );
    // Born 3 February 2009: the 17th birthday in 2025/26 is 3 February 2026. S2 = S, unsuitable.
    assert.deepEqual(
      rows?.careLeaverContacts.map((c) => [
        c.childId,
        c.contactDate,
        c.inTouch,
        c.activity,
        c.accommodation,
        c.accommodationSuitable,
      ]),
      [[2, '2026-02-03', 'YES', 'F2', 'S', false]],
    );
    // In OC3 at her 17th birthday, so a relevant care leaver then (the record held open that day, else one from it).
    assert.deepEqual(
      rows?.careLeavers.map((c) => [c.childId, c.eligibility, c.startDate, c.endDate]),
      [[2, 'relevant', '2026-02-03', null]],
    );
  });
});

describe('SSDA903 reader: files it cannot read', () => {
  it('an empty file: LNT-FILE, and no format claims it', async () => {
    const issues = new IssueLog();
    const empty = await source('bad/empty.csv');
    assert.deepEqual(await ssda903Format.claim([empty]), []);
    assert.equal(await ssda903Format.read([empty], context(issues, 2026)), null);
    assert.deepEqual(
      issues.list().map((i) => [i.file, i.row, i.rule]),
      [['empty.csv', null, 'LNT-FILE']],
    );
  });

  it('a Windows-1252 file is read (an extra column is ignored)', async () => {
    const issues = new IssueLog();
    const result = await ssda903Format.read([await source('bad/header-windows-1252.csv')], context(issues, 2026));
    assert.equal(issues.errors, 0);
    assert.deepEqual(
      result?.dataset.rows.children.map((c) => c.laChildId),
      ['2001'],
    );
  });

  it('a year Lantern does not know is refused', async () => {
    const issues = new IssueLog();
    assert.equal(await ssda903Format.read([await source('bad/header-2001.csv')], context(issues, 2021)), null);
    assert.match(issues.list()[0]?.message ?? '', /2022\/23 to 2026\/27/);
  });
});

/** [file, row, column, rule] of every error, sorted. */
const errorsOf = (
  issues: ReadonlyArray<{ severity: string; file: string; row: number | null; column: string | null; rule: string }>,
) =>
  issues
    .filter((i) => i.severity === 'error')
    .map((i) => [i.file, i.row, i.column, i.rule] as const)
    .sort((a, b) => `${a[3]}${a[1]}`.localeCompare(`${b[3]}${b[1]}`));

const CORPUS: Array<{
  title: string;
  files: string[];
  year: number;
  errors: Array<readonly [string, number | null, string | null, string]>;
}> = [
  {
    title: 'a missing required column',
    files: ['header-2001.csv', 'episodes-missing-urn.csv'],
    year: 2026,
    errors: [['episodes-missing-urn.csv', 1, 'URN', 'LNT-COLUMN']],
  },
  {
    title: 'an impossible date (31/02/2025)',
    files: ['header-2001.csv', 'episodes-impossible-date.csv', 'sw-2001.csv'],
    year: 2026,
    errors: [['episodes-impossible-date.csv', 2, 'DECOM', '141']],
  },
  // K3 did not exist in 2022/23 (the header uses that year's SEX 1).
  {
    title: 'K3 in 2022/23',
    files: ['header-sex-1.csv', 'episodes-k3-2023.csv'],
    year: 2023,
    errors: [['episodes-k3-2023.csv', 2, 'PLACE', '146']],
  },
  // Z1 was split into Z11–Z14 in 2025/26; as Z1 is no longer a no-URN type, its missing URN is reported too.
  {
    title: 'Z1 in 2025/26',
    files: ['header-2001.csv', 'episodes-z1-2026.csv', 'sw-2001.csv'],
    year: 2026,
    errors: [
      ['episodes-z1-2026.csv', 2, 'PLACE', '146'],
      ['episodes-z1-2026.csv', 2, 'URN', '218'],
    ],
  },
  {
    title: 'SEX 1 in 2025/26',
    files: ['header-sex-1.csv'],
    year: 2026,
    errors: [['header-sex-1.csv', 2, 'SEX', '101']],
  },
  // INT32 (the validator's rule for a child twice in the Header) reports every row of the child, the first too.
  {
    title: 'a child twice in the Header',
    files: ['header-duplicate.csv'],
    year: 2026,
    errors: [
      ['header-duplicate.csv', 2, 'CHILD', 'INT32'],
      ['header-duplicate.csv', 4, 'CHILD', 'INT32'],
    ],
  },
  // The second episode starts on 1 June, before the first ended on 1 July: 501, and 433 (a continuation that
  // does not start the day the last one ended); and 388 on the first (X1, but the next episode does not start the
  // day it ended).
  {
    title: 'overlapping episodes',
    files: ['header-2001.csv', 'episodes-overlapping.csv', 'sw-2001.csv'],
    year: 2026,
    errors: [
      ['episodes-overlapping.csv', 2, 'REC', '388'],
      ['episodes-overlapping.csv', 3, 'DECOM', '433'],
      ['episodes-overlapping.csv', 3, 'DECOM', '501'],
    ],
  },
  // Child 9999 has an episode but no Header row (INT03); looked after at 31 March with no social worker (SW17STG2),
  // and none on the day care began, 1 May 2025 (SW12STG2).
  {
    title: 'an episode for a child with no Header row',
    files: ['header-2001.csv', 'episodes-no-header.csv', 'sw-2001.csv'],
    year: 2026,
    errors: [
      ['episodes-no-header.csv', 3, 'CHILD', 'INT03'],
      ['episodes-no-header.csv', 3, 'CHILD', 'SW17STG2'],
      ['episodes-no-header.csv', 3, 'DECOM', 'SW12STG2'],
    ],
  },
];

describeEachEngine('SSDA903 bad-file corpus', (ctx) => {
  let authorityId: number;
  const spec: SnapshotSpec = {
    children: ['laChildId', 'sex', 'dateOfBirth'],
    periodsOfCare: ['childId', 'startDate', 'endDate'],
    placements: ['childId', 'startDate', 'placementType'],
    allocations: ['childId', 'startDate', 'workerId'],
  };
  before(async () => {
    authorityId = (await buildAuthority(ctx.database.db, { code: 'BAD903' })).id;
    // Something already there, which a rejected import must leave alone.
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-good-'));
    for (const f of GOOD) await copyFile(path.join(FIXTURES, 'good-2026', f), path.join(dir, f));
    const summary = await importFiles(ctx.database, {
      paths: [dir],
      authorityId,
      actor: { userId: null, username: 'test' },
      options: { collectionYear: 2026 },
    });
    assert.equal(summary.batches[0]?.status, 'accepted');
  });

  for (const c of CORPUS) {
    it(`${c.title}: exactly its own errors, rejected, nothing changed`, async () => {
      const before = await canonicalSnapshot(ctx.database.db, authorityId, spec);
      const paths = c.files.map((f) => path.join(FIXTURES, 'bad', f));
      const summary = await importFiles(ctx.database, {
        paths,
        authorityId,
        actor: { userId: null, username: 'test' },
        options: { collectionYear: c.year },
      });
      assert.equal(summary.batches.length, 1);
      assert.equal(summary.batches[0]?.status, 'rejected');
      assert.deepEqual(
        errorsOf(summary.batches[0]?.issues ?? []),
        errorsOf(c.errors.map(([file, row, column, rule]) => ({ severity: 'error', file, row, column, rule }))),
      );
      assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, spec), before);
    });
  }
});
