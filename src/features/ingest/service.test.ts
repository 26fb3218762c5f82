/**
 * The import runner on a real database, with the real SSDA903 format and small hand-written files:
 * accepted files are written with their batch; the same files again change nothing; a newer file for the same
 * period replaces that period's rows; a rejected file changes no canonical row; zips are read like folders; the
 * original files are kept; who imported what, when is recorded.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { before, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import yazl from 'yazl';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { importBatches, importFiles as importFilesTable, importIssues } from '../../db/schema/index';
import { canonicalSnapshot, type SnapshotSpec } from '../../../test/support/canonical';
import { buildAuthority, buildChild } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903, SAMPLE_903_BAD_EPISODES } from '../../../test/support/ssda903-sample';
import { importFiles } from './service';

const { header: HEADER, episodes: EPISODES, socialWorkers: SW } = SAMPLE_903;
// The newer file for the same year: C2's episode now ends a month later (20/01/2026).
const EPISODES_V2 = EPISODES.replace('20/12/2025,E4A', '20/01/2026,E4A');
const EPISODES_BAD = SAMPLE_903_BAD_EPISODES;

const SPEC: SnapshotSpec = {
  children: ['laChildId', 'firstName', 'lastName', 'sex', 'ethnicity', 'dateOfBirth'],
  periodsOfCare: ['childId', 'startDate', 'endDate', 'reasonCeased', 'categoryOfNeed'],
  placements: ['childId', 'periodOfCareId', 'startDate', 'endDate', 'placementType', 'provider', 'postcodeDistrict'],
  legalStatuses: ['childId', 'periodOfCareId', 'legalStatus', 'startDate', 'endDate'],
  allocations: ['childId', 'workerId', 'role', 'startDate', 'endDate'],
};

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describeEachEngine('importing files', (ctx) => {
  let authorityId: number;
  const actor = { userId: null, username: 'test:analyst' };

  before(async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'IMP' });
    authorityId = la.id;
    // C1 is already known to Lantern (say from the SSD): the 903 must update, not duplicate, and keep the name.
    await buildChild(ctx.database.db, {
      authorityId,
      laChildId: 'C1',
      firstName: 'Ada',
      lastName: 'Known',
      sex: 'M',
      ethnicity: 'WBRI',
    });
  });

  it('writes accepted files, matching known children by LA ID and keeping what the 903 does not carry', async () => {
    const dir = await folder({ 'header.csv': HEADER, 'episodes.csv': EPISODES, 'sw.csv': SW });
    const summary = await importFiles(ctx.database, { paths: [dir], authorityId, actor });
    assert.equal(summary.batches.length, 1);
    const [batch] = summary.batches;
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    assert.equal(batch?.format, '903');
    assert.equal(batch?.period, '2026');
    // Two children in the Header: C1 known (updated: date of birth added), C2 new.
    assert.equal(batch?.counts.childrenAdded, 1);
    assert.equal(batch?.counts.childrenUpdated, 1);
    const snap = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    assert.deepEqual(snap.children, [
      JSON.stringify({
        laChildId: 'C1',
        firstName: 'Ada',
        lastName: 'Known',
        sex: 'M',
        ethnicity: 'WBRI',
        dateOfBirth: '2012-06-15',
      }),
      JSON.stringify({
        laChildId: 'C2',
        firstName: null,
        lastName: null,
        sex: 'F',
        ethnicity: 'BAFR',
        dateOfBirth: '2010-02-03',
      }),
    ]);
    assert.deepEqual(snap.periodsOfCare, [
      JSON.stringify({
        childId: 'C1',
        startDate: '2025-05-01',
        endDate: null,
        reasonCeased: null,
        categoryOfNeed: 'N1',
      }),
      JSON.stringify({
        childId: 'C2',
        startDate: '2025-06-10',
        endDate: '2025-12-20',
        reasonCeased: 'E4A',
        categoryOfNeed: 'N4',
      }),
    ]);
    // Pages show postcode districts (the full postcode is kept beside it for the returns: decision 0027).
    assert.ok(snap.placements?.some((p) => p.includes('"postcodeDistrict":"N13"')));
    assert.equal(snap.allocations?.length, 1);

    // Who imported what, when; and the original files, byte for byte.
    const [row] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batch.id));
    assert.equal(row?.importedBy, 'test:analyst');
    assert.deepEqual([...(row?.fileNames ?? [])].sort(), [
      `${path.basename(dir)}/episodes.csv`,
      `${path.basename(dir)}/header.csv`,
      `${path.basename(dir)}/sw.csv`,
    ]);
    const kept = await ctx.database.db
      .select()
      .from(importFilesTable)
      .where(eq(importFilesTable.batchId, batch.id))
      .orderBy(asc(importFilesTable.fileName), asc(importFilesTable.chunk));
    const header = kept.filter((k) => k.fileName.endsWith('header.csv'));
    assert.equal(gunzipSync(Buffer.concat(header.map((k) => Buffer.from(k.content)))).toString('utf8'), HEADER);
  });

  it('changes nothing when the same files come again', async () => {
    const before = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    const dir = await folder({ 'header.csv': HEADER, 'episodes.csv': EPISODES, 'sw.csv': SW });
    const summary = await importFiles(ctx.database, { paths: [dir], authorityId, actor });
    assert.equal(summary.batches[0]?.status, 'unchanged');
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), before);
  });

  it('rejects a file with errors and leaves every canonical row as it was', async () => {
    const before = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    const dir = await folder({ 'header.csv': HEADER, 'episodes.csv': EPISODES_BAD, 'sw.csv': SW });
    const summary = await importFiles(ctx.database, { paths: [dir], authorityId, actor });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'rejected');
    assert.ok((batch?.errors ?? 0) >= 1);
    // The impossible date is reported where it is: the episodes file, row 2 (the first data row), column DEC.
    const issue = batch?.issues.find((i) => i.column === 'DEC' && i.severity === 'error');
    assert.ok(issue, JSON.stringify(batch?.issues));
    assert.equal(issue.row, 2);
    assert.match(issue.file, /episodes\.csv$/);
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), before);
    // The report is kept with the rejected attempt.
    const kept = await ctx.database.db.select().from(importIssues).where(eq(importIssues.batchId, batch.id));
    assert.equal(kept.length, batch?.issues.length);
  });

  it('replaces the period’s rows when a newer file for the same year comes, from a zip', async () => {
    const dir = await folder({});
    const zipPath = path.join(dir, 'return.zip');
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(HEADER), '903/header.csv');
    zip.addBuffer(Buffer.from(EPISODES_V2), '903/episodes.csv');
    zip.addBuffer(Buffer.from(SW), '903/sw.csv');
    zip.end();
    await pipeline(zip.outputStream, createWriteStream(zipPath));
    const summary = await importFiles(ctx.database, { paths: [zipPath], authorityId, actor });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    // The first import wrote 2 periods, 2 legal statuses, 2 placements and 1 allocation: the new file gives the same
    // 7 events (the same starts), so it takes their place (decision 0024): C2's period of care, legal status and
    // placement take the new end date (3 merged), the other 4 are unchanged, and nothing is added or removed.
    assert.deepEqual(
      [
        batch?.counts.eventsAdded,
        batch?.counts.eventsMerged,
        batch?.counts.eventsUnchanged,
        batch?.counts.replacedRows,
      ],
      [0, 3, 4, 0],
    );
    const snap = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    assert.deepEqual(snap.periodsOfCare, [
      JSON.stringify({
        childId: 'C1',
        startDate: '2025-05-01',
        endDate: null,
        reasonCeased: null,
        categoryOfNeed: 'N1',
      }),
      JSON.stringify({
        childId: 'C2',
        startDate: '2025-06-10',
        endDate: '2026-01-20',
        reasonCeased: 'E4A',
        categoryOfNeed: 'N4',
      }),
    ]);
    assert.equal(snap.children?.length, 2);
    const statuses = await ctx.database.db
      .select({ id: importBatches.id, status: importBatches.status })
      .from(importBatches)
      .where(eq(importBatches.authorityId, authorityId))
      .orderBy(asc(importBatches.id));
    assert.deepEqual(
      statuses.map((s) => s.status),
      ['superseded', 'unchanged', 'rejected', 'accepted'],
    );
  });

  it('lists files no format recognises, and empty files, and reads nothing from them', async () => {
    const dir = await folder({
      'notes.txt': 'Minutes of the meeting\n',
      'empty.csv': '',
      'header.csv': HEADER,
      'episodes.csv': EPISODES_V2,
      'sw.csv': SW,
    });
    const summary = await importFiles(ctx.database, { paths: [dir], authorityId, actor });
    assert.deepEqual(summary.unrecognised, [`${path.basename(dir)}/notes.txt`]);
    assert.deepEqual(summary.empty, [`${path.basename(dir)}/empty.csv`]);
  });

  it('imports each CIN census file as a return of its own, even in one upload', async () => {
    const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/cin');
    const summary = await importFiles(ctx.database, {
      paths: [path.join(fixtures, 'valid-2026.xml'), path.join(fixtures, 'bad', 'sex-in-2022-23.xml')],
      authorityId,
      actor,
    });
    assert.deepEqual(
      summary.batches.map((b) => [b.format, b.files, b.period, b.status]),
      [
        ['cin', ['valid-2026.xml'], '2026', 'accepted'],
        // Sex (not GenderCurrent) in a 2022/23 census: that year's file is rejected on its own.
        ['cin', ['sex-in-2022-23.xml'], '2023', 'rejected'],
      ],
    );
  });
});
