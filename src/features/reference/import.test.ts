/**
 * Loading the repository's published reference files (reference-data/: DfE's tables cut to the columns and rows
 * Lantern reads, gzipped) and checking figures against the published files by hand; a full published file (every
 * column, test/fixtures/reference/) loading to the same figures; re-running without doubling; bad files refused with
 * file, row and column, and nothing loaded. Line numbers are the published c1 file's (its 2025 rows, lines 1–166, are
 * the fixture).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import { benchmarksFor } from './benchmarks';
import { readReferenceFile, ReferenceFileError } from './files';
import { importReferenceFiles, importReferenceFolder, referenceFilesIn } from './import';

const REFERENCE = fileURLToPath(new URL('../../../reference-data', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reference', import.meta.url));
/** DfE's c1 table as published (all 21 columns), its 2025 rows: England, 11 regions, 153 authorities. */
const C1 = path.join(FIXTURES, 'dfe-benchmarks/c1_children_in_need_referrals_and_rereferrals_2025.csv');
const B1 = path.join(REFERENCE, 'dfe-benchmarks/b1_children_in_need_2013_to_2025.csv.gz');

type Figure = { value: unknown; suppressed: string | null; area_name: string };

describeEachEngine('reference data import (the published files)', (ctx) => {
  let dir: string;
  let firstCounts: { values: number; imports: number };

  async function figure(
    measure: string,
    year: number,
    areaCode: string,
  ): Promise<{ value: number | null; suppressed: string | null; name: string } | null> {
    const [r] = await rows<Figure>(
      ctx.database.db,
      sql`select value, suppressed, area_name from benchmark_values where measure = ${measure} and year = ${year} and area_code = ${areaCode}`,
    );
    return r ? { value: r.value === null ? null : Number(r.value), suppressed: r.suppressed, name: r.area_name } : null;
  }
  async function counts() {
    const [v] = await rows<{ n: unknown }>(ctx.database.db, sql`select count(*) as n from benchmark_values`);
    const [i] = await rows<{ n: unknown }>(ctx.database.db, sql`select count(*) as n from reference_imports`);
    return { values: Number(v?.n), imports: Number(i?.n) };
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-ref-'));
    const started = performance.now();
    const result = await importReferenceFolder(ctx.database.db, REFERENCE, 'test');
    // All of reference-data in seconds, not minutes (about 3 s on PGlite on a quiet machine).
    assert.ok(performance.now() - started < 60_000, 'the whole folder loads quickly');
    assert.equal(result.files.length, (await referenceFilesIn(REFERENCE)).length);
    firstCounts = await counts();
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('recognises every file by its content (Ofsted’s outcomes too, ODS and XLSX included) and says why it skips the LTLA→UTLA lookups', async () => {
    // The demo's files (reference-data/) and the published formats it does not need (test/fixtures/reference/).
    const files = [...(await referenceFilesIn(REFERENCE)), ...(await referenceFilesIn(FIXTURES))];
    assert.equal(
      files.filter((f) => f.name.startsWith('ofsted-ilacs')).length,
      9,
      'Ofsted outcomes: ofsted-outcomes.test.ts',
    );
    assert.ok(files.every((f) => /\.(csv|json|ods|xlsx)$/.test(f.name.replace(/\.gz$/, ''))));
    const result = await importReferenceFiles(
      ctx.database.db,
      files.filter((f) => f.name.includes('LTLA') || f.name.includes('Lower_Tier')),
      'test',
    );
    assert.deepEqual(
      result.files.map((f) => [f.kind, f.source, f.rows]),
      [
        ['skipped', 'ons-ltla-utla-lookup', 0],
        ['skipped', 'ons-ltla-utla-lookup', 0],
      ],
    );
    assert.match(result.files[0]?.note ?? '', /upper-tier/);
  });

  it('England 2025 re-referrals = 22.6% (c1 line 2: "2025,Reporting year,National,E92000001,England,…,632830,142900,22.6,…")', async () => {
    assert.deepEqual(await figure('rereferrals-percent', 2025, 'E92000001'), {
      value: 22.6,
      suppressed: null,
      name: 'England',
    });
  });

  it('Barnet (302) 2025: re-referrals 14.8%, no further action 8.9%, 2,751 referrals (c1 line 149: "…,302,E09000003,Barnet,Referrals and Re-referrals,2751,407,14.8,245,8.9,…")', async () => {
    assert.equal((await figure('rereferrals-percent', 2025, '302'))?.value, 14.8);
    assert.equal((await figure('referrals-nfa-percent', 2025, '302'))?.value, 8.9);
    assert.equal((await figure('referrals-count', 2025, '302'))?.value, 2751);
  });

  it('a suppressed cell is carried as suppressed, never 0 (c1 line 243: Herefordshire 884, 2024, every figure "u")', async () => {
    assert.deepEqual(await figure('rereferrals-percent', 2024, '884'), {
      value: null,
      suppressed: 'u',
      name: 'Herefordshire, County of',
    });
  });

  it('a time_period of 2025 is the year to 31 March 2025; the ONS population keeps its mid-year (2024 = mid-2024: 12,183,016 for England)', async () => {
    assert.equal((await figure('population-0-17', 2024, 'E92000001'))?.value, 12183016);
    assert.equal((await figure('population-0-17', 2024, '302'))?.value, 93851);
  });

  it('CIN rate 2025 is derived from b1 At31_episodes ÷ mid-2024 population × 10,000: England 402,400 ÷ 12,183,016 × 10,000 = 330.3; Barnet 1,978 ÷ 93,851 × 10,000 = 210.8', async () => {
    assert.equal((await figure('cin-rate-per-10k', 2025, 'E92000001'))?.value, 330.3);
    assert.equal((await figure('cin-rate-per-10k', 2025, '302'))?.value, 210.8);
  });

  it('the derivation reproduces a rate DfE publishes: children looked after 31 March 2025, England 81,770 ÷ 12,183,016 × 10,000 = 67.1 → published 67; Barnet 343 ÷ 93,851 × 10,000 = 36.5 → published 37', async () => {
    // cla_number_and_rate_per_10k_children line 3: "2025,…,National,…,Children looked after on 31 March each year,12183016,81770,67"
    // and line 450: "2025,…,302,Barnet,E09000003,Children looked after on 31 March each year,93851,343,37".
    for (const [code, published] of [
      ['E92000001', 67],
      ['302', 37],
    ] as const) {
      const count = (await figure('cla-at-31-march', 2025, code))?.value ?? NaN;
      const population = (await figure('population-0-17', 2024, code))?.value ?? NaN;
      assert.equal(Math.round((count / population) * 10000), published);
      assert.equal((await figure('cla-rate-per-10k', 2025, code))?.value, published);
    }
  });

  it('derived rates are suppressed (not 0) when the count is: Herefordshire 2024 referrals "u" → referral rate suppressed "u"', async () => {
    assert.deepEqual(await figure('referrals-rate-per-10k', 2024, '884'), {
      value: null,
      suppressed: 'u',
      name: 'Herefordshire, County of',
    });
  });

  it('Barnet’s ten 2025 statistical neighbours, in order (sn_model_2025_wide line 3: "302,Barnet,3,London,320,Close ,870,…,307,Close ")', async () => {
    const sn = await rows<{ neighbour: string; closeness: string }>(
      ctx.database.db,
      sql`select neighbour_la_number as neighbour, closeness from statistical_neighbours where model = '2025' and la_number = '302' order by rank`,
    );
    assert.deepEqual(
      sn.map((s) => s.neighbour),
      ['320', '870', '310', '317', '315', '306', '209', '312', '309', '307'],
    );
    assert.equal(sn[0]?.closeness, 'Close');
    const [model2021] = await rows<{ n: unknown }>(
      ctx.database.db,
      sql`select count(*) as n from statistical_neighbours where model = '2021' and la_number = '302'`,
    );
    assert.equal(Number(model2021?.n), 10);
  });

  it('the authority lookup gives Barnet its GSS code and region by name (London, E12000007)', async () => {
    const [barnet] = await rows<{ gss_code: string; name: string; region_code: string; region_name: string }>(
      ctx.database.db,
      sql`select gss_code, name, region_code, region_name from reference_authorities where la_number = '302'`,
    );
    assert.deepEqual(barnet, {
      gss_code: 'E09000003',
      name: 'Barnet',
      region_code: 'E12000007',
      region_name: 'London',
    });
    // Gloucestershire is filed under E12000003 (Yorkshire's code) in the lookup's rgn22cd; its region NAME wins.
    const [glos] = await rows<{ region_code: string }>(
      ctx.database.db,
      sql`select region_code from reference_authorities where la_number = '916'`,
    );
    assert.equal(glos?.region_code, 'E12000009');
  });

  it('benchmarks for a demo borough that borrows Barnet (302): England, London, Barnet, and the mean of the ten neighbours', async () => {
    const demo = await buildAuthority(ctx.database.db, { laNumber: null, benchmarkLaNumber: '302', region: 'London' });
    const map = await benchmarksFor(ctx.database.db, demo.id, [{ measure: 'rereferrals-percent', polarity: 'lower' }]);
    const y2025 = map.get('rereferrals-percent')?.[0];
    assert.equal(y2025?.year, 2025);
    assert.deepEqual(y2025?.england, { value: 22.6, suppressed: null });
    // c1 line 9: "2025,…,Regional,E92000001,England,E12000007,London,…,20.2,…" — read from the file below.
    const london = (await readFile(C1, 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('2025,Reporting year,Regional,E92000001,England,E12000007,London,'));
    assert.equal(y2025?.region?.value, Number(london?.split(',')[13]));
    assert.equal(y2025?.region?.name, 'London');
    assert.deepEqual(y2025?.authority, { laNumber: '302', name: 'Barnet', value: 14.8, suppressed: null });
    // The ten neighbours' 2025 re-referral %: Waltham Forest 320 19.1, Reading 870 22.9, Harrow 310 15.6,
    // Redbridge 317 16.8, Merton 315 21.3, Croydon 306 26.8, Lewisham 209 20.9, Hillingdon 312 20.9,
    // Haringey 309 18.7, Ealing 307 19.5 (c1 lines 166, 111, 157, 163, 162, 153, 142, 159, 138, 154).
    // Sum 202.5 ÷ 10 = 20.25 → 20.3.
    assert.deepEqual(y2025?.statisticalNeighbours, { mean: 20.3, withValue: 10, of: 10, model: '2025' });
    // All 153 authority rows of 2025 have a figure. Twelve are lower than Barnet's 14.8: Isles of Scilly 0.0,
    // Hounslow 12.1, Shropshire 12.9, Darlington 13.0, Greenwich 13.1, Bath and NE Somerset 13.4, Gateshead 13.9,
    // North Lincolnshire 14.0, Brent 14.2, Staffordshire 14.2, Redcar and Cleveland 14.6, Dorset 14.7 → rank 13 of
    // 153 (lower is better); quartile ⌊4 × 12 ÷ 153⌋ + 1 = ⌊0.31⌋ + 1 = 1.
    assert.deepEqual([y2025?.rank, y2025?.of, y2025?.quartile], [13, 153, 1]);
    // Higher is better: 153 − 12 lower − 2 at 14.8 (Barnet and one other, tied) = 139 above → rank 140;
    // ⌊4 × 139 ÷ 153⌋ + 1 = ⌊3.63⌋ + 1 = 4.
    const higher = (
      await benchmarksFor(ctx.database.db, demo.id, [{ measure: 'rereferrals-percent', polarity: 'higher' }])
    ).get('rereferrals-percent')?.[0];
    assert.deepEqual([higher?.rank, higher?.quartile], [140, 4]);
  });

  it('the full published c1 file (all 21 columns) loads to the same 2025 figures as the trimmed one: 165 rows × 3 measures = 495', async () => {
    const c1of2025 = () =>
      rows<{ measure: string; level: string; area_code: string; value: unknown; suppressed: string | null }>(
        ctx.database.db,
        sql`select measure, level, area_code, value::text as value, suppressed from benchmark_values
            where source = 'c1_children_in_need_referrals_and_rereferrals' and year = 2025 order by measure, level, area_code`,
      );
    const trimmed = await c1of2025();
    const result = await importReferenceFiles(ctx.database.db, [{ name: 'c1-full.csv', path: C1 }], 'test');
    assert.deepEqual(
      result.files.map((f) => [f.kind, f.source, f.rows]),
      [['benchmarks', 'c1_children_in_need_referrals_and_rereferrals', 495]],
    );
    assert.equal(trimmed.length, 495);
    assert.deepEqual(await c1of2025(), trimmed);
  });

  it('a re-run replaces what it loaded: the same counts, no doubled figures', async () => {
    await importReferenceFolder(ctx.database.db, REFERENCE, 'test');
    const again = await counts();
    assert.equal(again.values, firstCounts.values);
    assert.equal((await figure('rereferrals-percent', 2025, 'E92000001'))?.value, 22.6);
  });

  it('a CSV with a bad cell is refused with file, row and column, and nothing is loaded (not even the good file beside it)', async () => {
    const before = await counts();
    const lines = (await readFile(C1, 'utf8')).split('\n');
    // Line 3 of the bad file is the North East row with its re-referral % (column 14) changed to "12%".
    const bad = lines.slice(0, 3).map((l, i) =>
      i === 2
        ? l
            .split(',')
            .map((c, j) => (j === 13 ? '12%' : c))
            .join(',')
        : l,
    );
    const badPath = path.join(dir, 'bad-c1.csv');
    await writeFile(badPath, `${bad.join('\n')}\n`);
    await assert.rejects(
      importReferenceFiles(
        ctx.database.db,
        [
          { name: 'b1.csv', path: B1 },
          { name: 'bad-c1.csv', path: badPath },
        ],
        'test',
      ),
      (e: unknown) => {
        assert.ok(e instanceof ReferenceFileError);
        assert.deepEqual(
          e.problems.map((p) => [p.file, p.row, p.column]),
          [['bad-c1.csv', 3, 'rereferral_percent']],
        );
        assert.match(
          e.message,
          /bad-c1\.csv, row 3, column rereferral_percent: “12%” is neither a number nor a suppression marker/,
        );
        return true;
      },
    );
    assert.deepEqual(await counts(), before);
  });

  it('an empty figure cell, a missing column and an unknown file are each refused', async () => {
    const before = await counts();
    const lines = (await readFile(C1, 'utf8')).split('\n');
    const empty = path.join(dir, 'empty-cell.csv');
    await writeFile(
      empty,
      `${lines[0]}\n${lines[1]
        ?.split(',')
        .map((c, j) => (j === 13 ? '' : c))
        .join(',')}\n`,
    );
    const noLa = path.join(dir, 'no-la-column.csv');
    const drop = (l: string | undefined) =>
      (l ?? '')
        .split(',')
        .filter((_, j) => j !== 7)
        .join(',');
    await writeFile(noLa, `${drop(lines[0])}\n${drop(lines[1])}\n`);
    const unknown = path.join(dir, 'notes.csv');
    await writeFile(unknown, 'colour,size\nred,3\n');
    await assert.rejects(
      importReferenceFiles(
        ctx.database.db,
        [
          { name: 'empty-cell.csv', path: empty },
          { name: 'no-la-column.csv', path: noLa },
          { name: 'notes.csv', path: unknown },
        ],
        'test',
      ),
      (e: unknown) => {
        assert.ok(e instanceof ReferenceFileError);
        assert.deepEqual(
          e.problems.map((p) => [p.file, p.row, p.column]),
          [
            ['empty-cell.csv', 2, 'rereferral_percent'],
            ['no-la-column.csv', 1, 'old_la_code'],
            ['notes.csv', 1, null],
          ],
        );
        assert.match(e.problems[0]?.message ?? '', /The cell is empty/);
        assert.match(e.problems[2]?.message ?? '', /Not a reference file Lantern knows/);
        return true;
      },
    );
    assert.deepEqual(await counts(), before);
  });
});

describe('gzipped reference files', () => {
  it('a folder’s .csv.gz and .json.gz files are listed (not .txt.gz), and a gzipped copy reads as the file inside, same sha256', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-ref-gz-'));
    try {
      const text = await readFile(C1, 'utf8');
      await writeFile(path.join(dir, 'c1.csv'), text);
      await writeFile(path.join(dir, 'c1-copy.csv.gz'), gzipSync(text));
      await writeFile(path.join(dir, 'holidays.json.gz'), gzipSync('{}'));
      await writeFile(path.join(dir, 'notes.txt.gz'), gzipSync('not data'));
      assert.deepEqual(
        (await referenceFilesIn(dir)).map((f) => f.name),
        ['c1-copy.csv.gz', 'c1.csv', 'holidays.json.gz'],
      );
      const plain = await readReferenceFile('c1.csv', path.join(dir, 'c1.csv'));
      const gzipped = await readReferenceFile('c1-copy.csv.gz', path.join(dir, 'c1-copy.csv.gz'));
      assert.equal(gzipped.sha256, plain.sha256);
      assert.deepEqual({ ...gzipped, name: 'c1.csv' }, plain);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
