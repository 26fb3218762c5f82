/**
 * The 903 location rules through an import (decision 0027): without a postcode lookup they are not run and one
 * LNT-POSTCODES query says so; with one, the authority's code (its own, or the authority lookup's for its LA number)
 * and the postcodes found decide PL_LA, PL_LOCATION and PL_DISTANCE; and the full postcodes are kept.
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import { periodsOfCare, placements } from '../../db/schema/index';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { sample903Folder } from '../../../test/support/ssda903-sample';
import { writePostcodeRows } from '../reference/postcodes';
import { importFiles } from './service';

const actor = { userId: null, username: 'test:analyst' };

describeEachEngine('the 903 location rules on import', (ctx) => {
  it('without a lookup: not run, one query says so, and the full postcodes are kept', async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'PC1', gssCode: 'E09000003' });
    const summary = await importFiles(ctx.database, {
      paths: [await sample903Folder()],
      authorityId: la.id,
      actor,
      options: { collectionYear: 2026 },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted');
    assert.deepEqual(
      batch.issues.filter((i) => i.rule === 'LNT-POSTCODES').map((i) => i.severity),
      ['query'],
    );
    // C1's period (home N12 0AB) and placement (N13 1AB), as written in the sample.
    const homes = await ctx.database.db
      .select({ home: periodsOfCare.homePostcode, district: periodsOfCare.homePostcodeDistrict })
      .from(periodsOfCare)
      .where(eq(periodsOfCare.authorityId, la.id));
    assert.deepEqual(homes.map((h) => `${h.home} ${h.district}`).sort(), ['E1 6AN E1', 'N12 0AB N12']);
    const places = await ctx.database.db
      .select({ postcode: placements.postcode })
      .from(placements)
      .where(eq(placements.authorityId, la.id));
    assert.deepEqual(places.map((p) => p.postcode).sort(), ['E2 7AB', 'N13 1AB']);
  });

  it("with the authority's own lookup: the episode whose postcodes it does not hold fails 169, 179, 392a and 392c", async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'PC2', gssCode: 'E09000003' });
    // Only C1's two postcodes, in the authority (so C1's U4 placement is IN; 1015 does not apply to foster care).
    await ctx.database.db.transaction((tx) =>
      writePostcodeRows(tx, 'PC2', 'test', [
        { postcode: 'N12 0AB', laCode: 'E09000003', easting: 525000, northing: 192000 },
        { postcode: 'N13 1AB', laCode: 'E09000003', easting: 529000, northing: 192000 },
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
    // C2 (episodes.csv line 3, LS V2, never UASC): PL_POST E2 7AB not found → no PL_LA (169) nor PL_LOCATION (179);
    // no distance (392a); HOME_POST and PL_POST not in the lookup (392c twice). C1 (line 2) passes everything.
    assert.deepEqual(
      batch.issues
        .filter((i) => i.severity === 'error')
        .map((i) => `${i.row} ${i.rule} ${i.column}`)
        .sort(),
      ['3 169 PL_POST', '3 179 PL_POST', '3 392a PL_POST', '3 392c HOME_POST', '3 392c PL_POST'],
    );
    assert.equal(batch.issues.filter((i) => i.rule === 'LNT-POSTCODES').length, 0);
  });
});
