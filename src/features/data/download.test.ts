/**
 * A download is streamed into the response as the export is made: what arrives is what the same export writes to
 * a file (the CLI's and buildExport's path), for a small fixed authority — the test world's, with a whole journey
 * (a child in care who left care in March 2026) and a child in need in 2025/26. The CIN census byte for byte but for
 * its header's DateTime (the time it was made); the 903 zip and the Annex A workbook file for file, in the same
 * order, byte for byte (the workbook's docProps/core.xml, which holds the time it was made, aside).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { buildChild, buildJourney, buildReferral } from '../../../test/support/builders';
import { unzip } from '../../../test/support/office';
import { TestClient } from '../../../harness/client';
import { authorities } from '../../db/schema/index';
import { buildExport, type ExportRequest } from './exports';

const withoutDateTime = (xml: string) => xml.replace(/<DateTime>[^<]*<\/DateTime>/, '<DateTime/>');

describe('a streamed download is the export as a file', () => {
  let world: TestWorld;
  let analyst: TestClient;

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    await db.update(authorities).set({ laNumber: '999' }).where(eq(authorities.id, world.authorityId));
    const journey = await buildChild(db, { authorityId: world.authorityId, laChildId: 'J1' });
    await buildJourney(db, journey, { teamId: world.teamA });
    const inNeed = await buildChild(db, { authorityId: world.authorityId, laChildId: 'N1' });
    await buildReferral(db, inNeed, { referralDate: '2025-06-02', referralSource: '6', primaryNeedCode: 'N1' });
    analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
  });
  after(async () => {
    await world?.close();
  });

  async function asFile(req: ExportRequest): Promise<Buffer> {
    const built = await buildExport(world.database.db, { id: world.authorityId, code: 'TST', laNumber: '999' }, req);
    try {
      return await readFile(built.file);
    } finally {
      await built.cleanup();
    }
  }

  it('the CIN census', async () => {
    const got = await analyst.download('/data/exports/cin?year=2026');
    assert.equal(got.status, 200);
    assert.match(got.headers.get('content-disposition') ?? '', /TST-cin-census-2025-26\.xml/);
    const file = await asFile({ kind: 'cin', asAt: '2026-03-31', layout: 2026, year: 2026 });
    assert.match(file.toString('utf8'), /<LAchildID>N1<\/LAchildID>/);
    assert.equal(withoutDateTime(got.body.toString('utf8')), withoutDateTime(file.toString('utf8')));
  });

  it('the SSDA903 as a zip', async () => {
    const got = await analyst.download('/data/exports/903?year=2026');
    assert.equal(got.status, 200);
    assert.equal(got.headers.get('content-type'), 'application/zip');
    const [streamed, file] = await Promise.all([
      unzip(got.body),
      asFile({ kind: '903', asAt: '2026-03-31', layout: 2026, year: 2026 }).then(unzip),
    ]);
    assert.deepEqual([...streamed.keys()], [...file.keys()]);
    // The journey's child left care on 1 March 2026 (worked out in buildJourney): in the header with their episodes.
    assert.match(streamed.get('header.csv')?.toString('utf8') ?? '', /^J1,/m);
    for (const [name, bytes] of file) assert.ok(streamed.get(name)?.equals(bytes), name);
  });

  it('Annex A as a workbook', async () => {
    const got = await analyst.download('/data/exports/annex-a?asAt=2026-03-31&layout=2026');
    assert.equal(got.status, 200);
    const [streamed, file] = await Promise.all([
      unzip(got.body),
      asFile({ kind: 'annex-a', asAt: '2026-03-31', layout: 2026, year: 2026 }).then(unzip),
    ]);
    assert.deepEqual([...streamed.keys()], [...file.keys()]);
    for (const [name, bytes] of file)
      if (name !== 'docProps/core.xml') assert.ok(streamed.get(name)?.equals(bytes), name);
  });
});
