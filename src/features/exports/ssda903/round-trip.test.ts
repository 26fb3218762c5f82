/**
 * Round trips of the SSDA903 on both engines, with the demo authority (15,000 children, three years to 31 March
 * 2026: about 110 children in the return; smaller demos have no adoption or UASC rows to check):
 * (a) export 2025/26, import into an empty authority, export again: the files are the same, byte for byte —
 *     including the RNE of the first episode of a period that began before the year (kept as
 *     periodsOfCare.continuedFrom).
 * (b) the canonical data the 903 carries comes back field by field: children in the return (ID, UPN, date of
 *     birth, sex, ethnicity); periods of care starting in the year with their legal statuses, placements and
 *     reviews; missing episodes (as dates).
 * And the export of 2023/24 (SEX 1/2, H5 supported accommodation, no DoLo) imports with no error: in particular no
 * missing episodes overlap (rule 574), which the demo generator once drew.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { canonicalSnapshot, type SnapshotSpec } from '../../../../test/support/canonical';
import { buildAuthority } from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { generateDemoAuthority } from '../../../synth/generate';
import { importFiles, type ImportSummary } from '../../ingest/service';
import { exportSsda903 } from './index';

const actor = { userId: null, username: 'test:903-round-trip' };

function problems(summary: ImportSummary): string {
  const counts = new Map<string, number>();
  for (const b of summary.batches)
    for (const i of b.issues)
      if (i.severity === 'error')
        counts.set(
          `${i.rule} ${i.column ?? ''}: ${i.message}`,
          (counts.get(`${i.rule} ${i.column ?? ''}: ${i.message}`) ?? 0) + 1,
        );
  return [...counts]
    .slice(0, 20)
    .map(([k, n]) => `${n} × ${k}`)
    .join('\n');
}

async function readAll(dir: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const name of (await readdir(dir)).sort())
    out[name] = (await readFile(path.join(dir, name), 'utf8')).split('\n');
  return out;
}

describeEachEngine('SSDA903 round trip', (ctx) => {
  let demoId: number;
  let copyId: number;
  let first: Record<string, string[]>;
  let second: Record<string, string[]>;

  before(async () => {
    const demo = await generateDemoAuthority(ctx.database, {
      seed: 1,
      childPopulation: 15000,
      years: 3,
      asAt: '2026-03-31',
    });
    demoId = demo.authorityId;
    const dir1 = await mkdtemp(path.join(tmpdir(), 'lantern-903-a-'));
    await exportSsda903(ctx.database.db, demoId, { year: 2026 }, dir1);
    first = await readAll(dir1);
    copyId = (await buildAuthority(ctx.database.db, { code: 'RT903' })).id;
    const summary = await importFiles(ctx.database, {
      paths: [dir1],
      authorityId: copyId,
      actor,
      options: { collectionYear: 2026 },
    });
    assert.equal(summary.unrecognised.length, 0, `unrecognised: ${summary.unrecognised.join(', ')}`);
    assert.equal(summary.batches.length, 1);
    assert.equal(summary.batches[0]?.status, 'accepted', problems(summary));
    const dir2 = await mkdtemp(path.join(tmpdir(), 'lantern-903-b-'));
    await exportSsda903(ctx.database.db, copyId, { year: 2026 }, dir2);
    second = await readAll(dir2);
  });

  it('writes every table of 2025/26 with rows in the main ones', () => {
    assert.deepEqual(Object.keys(first), [
      'ad1.csv',
      'episodes.csv',
      'header.csv',
      'missing.csv',
      'oc2.csv',
      'oc3.csv',
      'placed_for_adoption.csv',
      'prev_perm.csv',
      'reviews.csv',
      'sw_episodes.csv',
      'uasc.csv',
    ]);
    for (const name of [
      'header.csv',
      'episodes.csv',
      'reviews.csv',
      'oc2.csv',
      'oc3.csv',
      'missing.csv',
      'sw_episodes.csv',
      'prev_perm.csv',
    ]) {
      assert.ok((first[name]?.length ?? 0) > 10, `${name} has rows`);
    }
    // A header line, at least one row, and the final newline.
    for (const name of ['ad1.csv', 'placed_for_adoption.csv', 'uasc.csv'])
      assert.ok((first[name]?.length ?? 0) >= 3, `${name} has rows`);
  });

  it('gives back the same files, byte for byte', () => {
    for (const name of Object.keys(first)) assert.deepEqual(second[name], first[name], name);
    // Periods that began before 2025/26 start the file with an episode that is not RNE S; the importer keeps that
    // RNE (periodsOfCare.continuedFrom), so the second export writes it again rather than a new start.
    let continued = 0;
    let previous: string[] | null = null;
    for (const line of (first['episodes.csv'] ?? []).slice(1)) {
      if (line === '') continue;
      const cells = line.split(',');
      const startsPeriod =
        previous === null || previous[0] !== cells[0] || (previous[8] !== 'X1' && previous[8] !== '');
      if (startsPeriod && cells[2] !== 'S') continued++;
      previous = cells;
    }
    assert.ok(continued > 0, 'the demo has periods that began before 2025/26');
  });

  it('gives back the canonical data the 903 carries, field by field', async () => {
    const spec: SnapshotSpec = {
      children: ['laChildId', 'upn', 'upnUnknownReason', 'dateOfBirth', 'sex', 'ethnicity'],
      periodsOfCare: [
        'childId',
        'startDate',
        'endDate',
        'reasonCeased',
        'categoryOfNeed',
        'homePostcodeDistrict',
        'homePostcode',
        'previousPermanence',
        'previousPermanenceDate',
      ],
      legalStatuses: ['childId', 'periodOfCareId', 'legalStatus', 'startDate', 'endDate'],
      placements: [
        'childId',
        'periodOfCareId',
        'startDate',
        'endDate',
        'placementType',
        'provider',
        'postcodeDistrict',
        'postcode',
        'changeReason',
      ],
      claReviews: ['childId', 'periodOfCareId', 'reviewDate', 'participation'],
    };
    const demo = await canonicalSnapshot(ctx.database.db, demoId, spec);
    const copy = await canonicalSnapshot(ctx.database.db, copyId, spec);
    const header = new Set((first['header.csv'] ?? []).slice(1).map((l) => l.split(',')[0]));
    const parse = (l: string) => JSON.parse(l) as Record<string, string | null>;
    // Periods starting in the year (their whole history is in the file), and what hangs from them.
    const inYear = (key: string | null) => key !== null && (key.split('/')[1] ?? '') >= '2025-04-01';
    const pick = (rows: string[] | undefined, keep: (r: Record<string, string | null>) => boolean) =>
      (rows ?? []).filter((l) => keep(parse(l)));
    assert.deepEqual(
      pick(copy.children, () => true),
      pick(demo.children, (r) => header.has(r.laChildId ?? '')),
    );
    assert.deepEqual(
      pick(copy.periodsOfCare, (r) => (r.startDate ?? '') >= '2025-04-01'),
      pick(demo.periodsOfCare, (r) => (r.startDate ?? '') >= '2025-04-01'),
    );
    for (const table of ['legalStatuses', 'placements'] as const) {
      const mine = pick(copy[table], (r) => inYear(r.periodOfCareId ?? null));
      assert.ok(mine.length > 0, table);
      assert.deepEqual(
        mine,
        pick(demo[table], (r) => inYear(r.periodOfCareId ?? null)),
        table,
      );
    }
    const reviews = pick(copy.claReviews, (r) => inYear(r.periodOfCareId ?? null));
    assert.ok(reviews.length > 0);
    assert.deepEqual(
      reviews,
      pick(demo.claReviews, (r) => inYear(r.periodOfCareId ?? null) && (r.reviewDate ?? '') <= '2026-03-31'),
    );
  });

  it("exports and imports 2023/24 with that year's codes", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-c-'));
    const result = await exportSsda903(ctx.database.db, demoId, { year: 2024 }, dir);
    assert.ok(!result.files.some((f) => f.name === 'dolo.csv'));
    const files = await readAll(dir);
    const sexes = new Set(
      (files['header.csv'] ?? [])
        .slice(1)
        .filter(Boolean)
        .map((l) => l.split(',')[1]),
    );
    assert.deepEqual([...sexes].sort(), ['1', '2']);
    const otherId = (await buildAuthority(ctx.database.db, { code: 'RT903B' })).id;
    const summary = await importFiles(ctx.database, {
      paths: [dir],
      authorityId: otherId,
      actor,
      options: { collectionYear: 2024 },
    });
    // Overlapping missing episodes, counted here from the exported file (rows of a child sorted by start; a start
    // before the previous end, or after an open one, is an overlap): there must be none, and no error at all.
    const rows = (files['missing.csv'] ?? [])
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(','));
    const iso = (d: string | undefined) => (d ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : '');
    let overlaps = 0;
    const byChild = new Map<string, string[][]>();
    for (const r of rows) byChild.set(r[0] as string, [...(byChild.get(r[0] as string) ?? []), r]);
    for (const list of byChild.values()) {
      list.sort((a, b) => iso(a[3]).localeCompare(iso(b[3])));
      for (let i = 1; i < list.length; i++)
        if (iso(list[i]?.[3]) < iso(list[i - 1]?.[4]) || list[i - 1]?.[4] === '') overlaps++;
    }
    const errors = summary.batches[0]?.issues.filter((i) => i.severity === 'error') ?? [];
    assert.equal(overlaps, 0);
    assert.deepEqual(errors, []);
  });
});
