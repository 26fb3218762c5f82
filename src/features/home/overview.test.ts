/**
 * The home page's headline figures and an import's report count the same thing (decision 0024): the report's
 * figures before and after are the home page's figures for the same date, and a move of more than 10% is flagged.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import { importBatches } from '../../db/schema/index';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903 } from '../../../test/support/ssda903-sample';
import { flaggedChanges, parseEffect } from '../ingest/effect';
import { importFiles } from '../ingest/service';
import { authorityOverview } from './overview';

describeEachEngine('headline figures before and after an import', (ctx) => {
  it('are the home page’s figures at the period’s end, and a move of more than 10% is flagged in words', async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'HDL' });
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-headline-'));
    await writeFile(path.join(dir, 'header.csv'), SAMPLE_903.header);
    await writeFile(path.join(dir, 'episodes.csv'), SAMPLE_903.episodes);
    await writeFile(path.join(dir, 'sw.csv'), SAMPLE_903.socialWorkers);
    // The 2025/26 return: counted at 31 March 2026.
    const before = await authorityOverview(ctx.database.db, la.id, '2026-03-31');
    const summary = await importFiles(ctx.database, {
      paths: [dir],
      authorityId: la.id,
      actor: { userId: null, username: 'test:analyst' },
    });
    const [row] = await ctx.database.db
      .select({ effect: importBatches.effect })
      .from(importBatches)
      .where(eq(importBatches.id, summary.batches[0]?.id ?? 0));
    const effect = parseEffect(row?.effect ?? null);
    assert.equal(effect?.asAt, '2026-03-31');
    assert.deepEqual(effect.before, before);
    assert.deepEqual(effect.after, await authorityOverview(ctx.database.db, la.id, '2026-03-31'));
    // C1 is in care on 31 March 2026 (since 1 May 2025, not ended); C2's period ended on 20 December 2025.
    assert.deepEqual(effect.after, { childrenInNeed: 0, childProtection: 0, inCare: 1, careLeavers: 0 });
    assert.deepEqual(
      flaggedChanges(effect.before, effect.after).map((f) => f.words),
      ['In care went from 0 to 1'],
    );
  });
});

it('flags a move of more than a tenth, not one of a tenth or less', () => {
  const base = { childrenInNeed: 2126, childProtection: 260, inCare: 381, careLeavers: 100 };
  // 2,126 → 4,179 is up 96.6%, shown as 97%; 260 → 286 is exactly 10%: not flagged; 381 → 343 is down 10.0% (38 of
  // 381 = 9.97%): not flagged; 100 → 89 is down 11%: flagged.
  assert.deepEqual(
    flaggedChanges(base, { childrenInNeed: 4179, childProtection: 286, inCare: 343, careLeavers: 89 }).map(
      (f) => f.words,
    ),
    ['Children in need went from 2,126 to 4,179 (up 97%)', 'Care leavers went from 100 to 89 (down 11%)'],
  );
});
