/**
 * After an import (or a withdrawal) only the indicators that read a table it changed are recomputed, and the kept
 * values are then exactly those a full recompute gives, value by value: an import of a return, the same return
 * again (byte for byte, and under other file names), a CIN census that touches none of the care tables, and the
 * withdrawal of the return.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { indicatorValues } from '../../db/schema/index';
import type { Tx } from '../../db/client';
import { todayInLondon } from '../../domain/today';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903, SAMPLE_903_2025 } from '../../../test/support/ssda903-sample';
import { FIXTURES } from './formats/cin/testing';
import { INDICATORS } from '../indicators/registry';
import { refreshMonthlyValues } from '../indicators/stored-values';
import { tablesRead } from '../indicators/tables';
import { importFiles, withdrawImport } from './service';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-touched-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

/** Every kept value of the authority: indicator, month, numerator, denominator, value (and when computed). */
async function kept(db: Tx, authorityId: number) {
  const rows = await db
    .select()
    .from(indicatorValues)
    .where(eq(indicatorValues.authorityId, authorityId))
    .orderBy(asc(indicatorValues.indicatorId), asc(indicatorValues.periodEnd));
  return rows.map((r) => ({
    key: `${r.indicatorId} ${r.periodEnd}`,
    values: [r.numerator, r.denominator, r.value],
    at: new Date(r.computedAt).getTime(),
  }));
}

/** The indicators that read one of the tables (the registry's order). */
function reading(tables: readonly string[]): string[] {
  return INDICATORS.filter((d) => tablesRead(d).some((t) => tables.includes(t))).map((d) => d.id);
}

describeEachEngine('recomputing only the indicators an import touched', (ctx) => {
  let authorityId: number;
  let batchId: number;
  const actor = { userId: null, username: 'test:analyst' };
  const files2025 = {
    'header.csv': SAMPLE_903_2025.header,
    'episodes.csv': SAMPLE_903_2025.episodes,
    'sw.csv': SAMPLE_903_2025.socialWorkers,
  };

  /** Checks the kept values against a full recompute on the same data, value by value; returns them. */
  async function sameAsFull() {
    const partial = await kept(ctx.database.db, authorityId);
    await refreshMonthlyValues(ctx.database.db, authorityId, todayInLondon());
    const full = await kept(ctx.database.db, authorityId);
    assert.equal(partial.length, INDICATORS.length * 72);
    assert.deepEqual(
      partial.map((k) => [k.key, ...k.values]),
      full.map((k) => [k.key, ...k.values]),
    );
    return full;
  }

  before(async () => {
    authorityId = (await buildAuthority(ctx.database.db, { code: 'TCH' })).id;
    // The 2025/26 sample (C1, C2), into an authority with no values kept yet: every indicator is computed.
    const first = await importFiles(ctx.database, {
      paths: [
        await folder({
          'header.csv': SAMPLE_903.header,
          'episodes.csv': SAMPLE_903.episodes,
          'sw.csv': SAMPLE_903.socialWorkers,
        }),
      ],
      authorityId,
      actor,
      options: { collectionYear: 2026 },
      refreshIndicators: true,
    });
    assert.equal(first.batches[0]?.status, 'accepted', JSON.stringify(first.batches[0]?.issues));
    assert.equal(first.indicators?.indicators, INDICATORS.length);
  });

  it('recomputes the indicators that read a table the import changed, as a full recompute would', async () => {
    const before = await kept(ctx.database.db, authorityId);
    const summary = await importFiles(ctx.database, {
      paths: [await folder(files2025)],
      authorityId,
      actor,
      options: { collectionYear: 2025 },
      refreshIndicators: true,
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    batchId = batch.id;
    // W1 and W2 are new (withdraw.test.ts works out the same effect): 2 children, 1 allocation (W1's social
    // worker, SW1001, already held from the first return: no worker added), 2 periods of care, 2 legal statuses,
    // 2 placements.
    const changed = ['allocations', 'children', 'legal_statuses', 'periods_of_care', 'placements'];
    assert.deepEqual(batch.tablesChanged, changed);
    const recomputed = summary.indicators?.recomputed ?? [];
    assert.deepEqual(recomputed, reading(changed));
    // Some but not all: every children-in-care measure and the caseload (allocations), no front-door measure.
    assert.ok(recomputed.includes('cla-per-10k') && recomputed.includes('sw-caseload'));
    assert.ok(!recomputed.includes('contacts-per-10k') && !recomputed.includes('referrals-per-10k'));
    // The indicators not recomputed kept their values as they were (not even computed again).
    const after = await kept(ctx.database.db, authorityId);
    const untouched = (rows: typeof before) =>
      rows.filter((k) => !recomputed.includes(k.key.split(' ')[0] ?? '')).map((k) => [k.key, ...k.values, k.at]);
    assert.deepEqual(untouched(after), untouched(before));
    // W1 in care from 1 May 2024: 31 May 2024 is the first month with a child looked after at its end that the
    // first return did not give (C1 came in 1 May 2025), so cla-per-10k's numerator there went from 0 to 1.
    const claMay2024 = (rows: typeof before) => rows.find((k) => k.key === 'cla-per-10k 2024-05-31')?.values[0];
    assert.deepEqual([claMay2024(before), claMay2024(after)], [0, 1]);
    await sameAsFull();
  });

  it('recomputes nothing when the same return comes again, byte for byte or under other names', async () => {
    const before = await kept(ctx.database.db, authorityId);
    const same = await importFiles(ctx.database, {
      paths: [await folder(files2025)],
      authorityId,
      actor,
      options: { collectionYear: 2025 },
      refreshIndicators: true,
    });
    // The same bytes: nothing is written, so nothing to recompute.
    assert.equal(same.batches[0]?.status, 'unchanged');
    assert.equal(same.indicators, null);
    // The same rows in files of other names: read and written again (accepted, replacing the last), every row
    // unchanged, so no table changed and no indicator is recomputed.
    const renamed = await importFiles(ctx.database, {
      paths: [
        await folder(Object.fromEntries(Object.entries(files2025).map(([name, text]) => [`again-${name}`, text]))),
      ],
      authorityId,
      actor,
      options: { collectionYear: 2025 },
      refreshIndicators: true,
    });
    const batch = renamed.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    batchId = batch.id;
    assert.deepEqual(batch.tablesChanged, []);
    assert.equal(renamed.indicators?.indicators, 0);
    assert.deepEqual(await kept(ctx.database.db, authorityId), before);
  });

  it('leaves the indicators that read only care tables alone after a CIN census, and right', async () => {
    const before = await kept(ctx.database.db, authorityId);
    const summary = await importFiles(ctx.database, {
      paths: [path.join(FIXTURES, 'valid-2026.xml')],
      authorityId,
      actor,
      refreshIndicators: true,
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    const changed = batch.tablesChanged ?? [];
    // A CIN census writes no table of the SSDA903's care episodes.
    const care = ['periods_of_care', 'legal_statuses', 'placements', 'cla_reviews', 'missing_episodes'];
    assert.deepEqual(
      changed.filter((t) => care.includes(t)),
      [],
    );
    assert.ok(changed.includes('cin_episodes'));
    const recomputed = summary.indicators?.recomputed ?? [];
    assert.ok(recomputed.includes('referrals-per-10k'));
    // Those that read only care tables (and the population, reference and calendar tables no import writes):
    // not recomputed, kept as they were.
    const careOnly = INDICATORS.filter((d) => tablesRead(d).every((t) => !changed.includes(t))).map((d) => d.id);
    for (const id of ['cla-per-10k', 'cla-3-plus-placements', 'cla-placed-out-of-area', 'missing-episodes'])
      assert.ok(careOnly.includes(id) && !recomputed.includes(id), id);
    const of = (rows: typeof before) =>
      rows.filter((k) => careOnly.includes(k.key.split(' ')[0] ?? '')).map((k) => [k.key, ...k.values, k.at]);
    assert.deepEqual(of(await kept(ctx.database.db, authorityId)), of(before));
    await sameAsFull();
  });

  it('recomputes only what a withdrawal touched, as a full recompute would', async () => {
    const summary = await withdrawImport(ctx.database, {
      authorityId,
      batchId,
      reason: 'Loaded the wrong year',
      actor,
      refreshIndicators: true,
    });
    // W1 and W2 and their events go (the allocation's worker stays: the first return's C1 has SW1001 too).
    const changed = ['allocations', 'children', 'legal_statuses', 'periods_of_care', 'placements'];
    assert.deepEqual(summary.tablesChanged, changed);
    assert.deepEqual(summary.indicators?.recomputed, reading(changed));
    const after = await sameAsFull();
    // W1's month in care is gone again.
    assert.equal(after.find((k) => k.key === 'cla-per-10k 2024-05-31')?.values[0], 0);
  });
});
