/**
 * The 903 URN rules through an import (decision 0027): without Ofsted's provider register they are not run and one
 * LNT-URNS query says so; with the authority's own register, a URN it does not hold fails 1008 and one it holds is
 * checked against it.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { sample903Folder } from '../../../test/support/ssda903-sample';
import { writeProviderRows } from '../reference/providers';
import { importFiles } from './service';

const actor = { userId: null, username: 'test:analyst' };

describeEachEngine('the 903 URN rules on import', (ctx) => {
  it('without a register: not run, and one query says so', async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'UR1', gssCode: 'E09000003' });
    const summary = await importFiles(ctx.database, {
      paths: [await sample903Folder()],
      authorityId: la.id,
      actor,
      options: { collectionYear: 2026 },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted');
    assert.deepEqual(
      batch.issues.filter((i) => i.rule === 'LNT-URNS').map((i) => i.severity),
      ['query'],
    );
  });

  it("with the authority's own register: the URN it does not hold fails 1008, the one it holds passes", async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'UR2', gssCode: 'E09000003' });
    // Only C1's setting (episodes.csv line 2: U4, PR1, placement postcode N13 1AB, URN SC000001).
    await ctx.database.db.transaction((tx) =>
      writeProviderRows(tx, 'UR2', 'test', [
        { urn: 'SC000001', placeCodes: 'U4', providerCodes: 'PR1', postcode: 'N13 1AB', closed: null },
      ]),
    );
    const summary = await importFiles(ctx.database, {
      paths: [await sample903Folder()],
      authorityId: la.id,
      actor,
      options: { collectionYear: 2026 },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'rejected');
    // C2 (line 3) has URN SC000002, which the register does not hold: 1008 only.
    assert.deepEqual(
      batch.issues.filter((i) => i.severity === 'error').map((i) => `${i.row} ${i.rule} ${i.column}`),
      ['3 1008 URN'],
    );
    assert.equal(batch.issues.filter((i) => i.rule === 'LNT-URNS').length, 0);
  });
});
