/** The demo loads the reference folder once, only when there are no benchmark figures yet. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { describeEachEngine } from '../../../test/support/databases';
import { demoReferenceDir, loadDemoReferenceData, REPOSITORY_REFERENCE_DIR } from './demo';
import { readReferenceBytes } from './files';

const REFERENCE = fileURLToPath(new URL('../../../reference-data', import.meta.url));
/** A published file's content (the repository keeps its CSVs gzipped). */
const published = (name: string) => readReferenceBytes(path.join(REFERENCE, name));

describe('the demo’s reference folder', () => {
  it('is LANTERN_REFERENCE_DIR, else the repository’s reference-data/ wherever Lantern starts; "off" turns it off', () => {
    assert.equal(REPOSITORY_REFERENCE_DIR, REFERENCE);
    assert.equal(demoReferenceDir({}, '/srv/lantern'), REFERENCE);
    assert.equal(demoReferenceDir({ LANTERN_REFERENCE_DIR: 'ref' }, '/srv/lantern'), '/srv/lantern/ref');
    assert.equal(demoReferenceDir({ LANTERN_REFERENCE_DIR: 'off' }, '/srv/lantern'), null);
  });
});

describeEachEngine('loading reference data for the demo', (ctx) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-demo-ref-'));
    await writeFile(
      path.join(dir, 'cpp.csv'),
      await published('dfe-benchmarks/d3_cpps_subsequent_plan_2013_to_2025.csv.gz'),
    );
    await writeFile(path.join(dir, 'README.md'), 'not data');
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('does nothing when the folder is missing or turned off', async () => {
    assert.equal(
      await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: path.join(dir, 'nowhere') }),
      null,
    );
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: 'off' }), null);
  });

  it('loads the folder’s CSV and JSON files once (README ignored); a second start loads nothing', async () => {
    const first = await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir });
    // d3 has 2,132 rows (13 years × (1 England + 11 regions + 152 authorities) = 2,132), one measure each.
    assert.deepEqual(
      first?.files.map((f) => [f.name, f.source, f.rows]),
      [['cpp.csv', 'd3_cpps_subsequent_plan', 2132]],
    );
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir }), null);
  });
});

describeEachEngine('the demo’s Ofsted outcomes', (ctx) => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-demo-ofsted-'));
    await mkdir(path.join(dir, 'ofsted-ilacs'));
    await writeFile(
      path.join(dir, 'cpp.csv'),
      await published('dfe-benchmarks/d3_cpps_subsequent_plan_2013_to_2025.csv.gz'),
    );
    const current = (await published('ofsted-ilacs/ofsted_la_outcomes_2025_current_judgements.csv.gz')).toString(
      'utf8',
    );
    await writeFile(path.join(dir, 'ofsted-ilacs/current.csv'), current);
    // The in-year table with one grade that is not a grade (line 3, Barnet's overall "Good" → "Grand").
    const inYear = (await published('ofsted-ilacs/ofsted_la_outcomes_2025_in_year_activity_2024-25.csv.gz')).toString(
      'utf8',
    );
    await writeFile(
      path.join(dir, 'ofsted-ilacs/broken.csv'),
      inYear.replace('ILACS Short Inspection,Good,', 'ILACS Short Inspection,Grand,'),
    );
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a broken Ofsted file is left out (with its problem) and the other files load: 2,132 figures and 153 current judgements', async () => {
    const result = await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir });
    assert.deepEqual(
      result?.refused.map((r) => [r.name, r.problems[0]?.row, r.problems[0]?.column]),
      [[path.join('ofsted-ilacs', 'broken.csv'), 3, 'Overall effectiveness']],
    );
    assert.deepEqual(
      result?.files.map((f) => [f.name, f.rows]),
      [
        ['cpp.csv', 2132],
        [path.join('ofsted-ilacs', 'current.csv'), 153],
      ],
    );
  });

  it('a demo that has benchmarks but no Ofsted outcomes loads just the Ofsted folder; then nothing', async () => {
    await ctx.database.db.execute(sql`delete from ofsted_outcomes`);
    const result = await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir });
    assert.deepEqual(
      result?.files.map((f) => [f.name, f.rows]),
      [[path.join('ofsted-ilacs', 'current.csv'), 153]],
    );
    assert.equal(await loadDemoReferenceData(ctx.database.db, { LANTERN_REFERENCE_DIR: dir }), null);
  });
});

describeEachEngine('the repository’s reference data on an empty database', (ctx) => {
  it('loads with no LANTERN_REFERENCE_DIR (gzipped CSVs and all): England 2025 re-referrals 22.6%, Barnet’s ten 2025 neighbours', async () => {
    const result = await loadDemoReferenceData(ctx.database.db, {});
    assert.deepEqual(result?.refused, []);
    assert.ok(
      result?.files.some(
        (f) =>
          f.name === path.join('dfe-benchmarks', 'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv.gz') &&
          f.rows > 0,
      ),
    );
    // c1, 2025, National: "2025,Reporting year,National,E92000001,England,…,632830,142900,22.6,…".
    const [england] = await rows<{ value: unknown }>(
      ctx.database.db,
      sql`select value from benchmark_values where measure = 'rereferrals-percent' and year = 2025 and level = 'national'`,
    );
    assert.equal(Number(england?.value), 22.6);
    // sn_model_2025_wide, Barnet (302): SN_1 … SN_10 = 320, 870, 310, 317, 315, 306, 209, 312, 309, 307.
    const [sn] = await rows<{ n: unknown }>(
      ctx.database.db,
      sql`select count(*) as n from statistical_neighbours where model = '2025' and la_number = '302'`,
    );
    assert.equal(Number(sn?.n), 10);
  });
});
