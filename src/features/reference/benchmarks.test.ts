/**
 * Ranks, quartiles, region and statistical-neighbour means on a tiny hand-built set of published figures, and
 * choosing an authority's benchmark LA.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { authorities } from '../../db/schema/index';
import { ValidationError } from '../../core/errors';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import { benchmarksFor, roundTo1, setBenchmarkAuthority } from './benchmarks';
import { quartileOf, rankOf } from './ranking';

describe('quartiles and ranks (pure)', () => {
  it('quartile = floor(4 × (rank − 1) ÷ n) + 1: of 152, ranks 38 | 39, 76 | 77, 114 | 115 are the cuts', () => {
    assert.deepEqual(
      [1, 38, 39, 76, 77, 114, 115, 152].map((r) => quartileOf(r, 152)),
      [1, 1, 2, 2, 3, 3, 4, 4],
    );
  });
  it('of 10: ranks 1–3 are quartile 1 (4×2/10 = 0.8 → 0), 4–5 quartile 2 (4×4/10 = 1.6), 6–8 quartile 3 (4×7/10 = 2.8), 9–10 quartile 4 (4×8/10 = 3.2)', () => {
    assert.deepEqual(
      Array.from({ length: 10 }, (_, i) => quartileOf(i + 1, 10)),
      [1, 1, 1, 2, 2, 3, 3, 3, 4, 4],
    );
  });
  it('a single authority is in quartile 1; a rank outside 1…n is refused', () => {
    assert.equal(quartileOf(1, 1), 1);
    assert.throws(() => quartileOf(0, 5), RangeError);
    assert.throws(() => quartileOf(6, 5), RangeError);
  });
  it('ties share a rank (1 + how many are strictly better)', () => {
    const values = [10, 20, 20, 30, 40];
    assert.equal(rankOf(20, values, 'lower'), 2);
    assert.equal(rankOf(20, values, 'higher'), 3);
    assert.equal(rankOf(20, values, 'neutral'), 3);
    assert.equal(rankOf(40, values, 'higher'), 1);
  });
  it('rounds a mean half away from zero without binary noise: 20.25 → 20.3, 20.24 → 20.2', () => {
    assert.equal(roundTo1(202.5 / 10), 20.3);
    assert.equal(roundTo1(20.24), 20.2);
  });
});

describeEachEngine('benchmarks for an authority (hand-built figures)', (ctx) => {
  let la903: number;
  let demo905: number;
  let la906: number;
  let noBenchmark: number;

  before(async () => {
    const db = ctx.database.db;
    // Measure "test-measure", 2025: five authorities with a figure (10, 20, 20, 30, 40), 906 suppressed "c";
    // England 25, London (E12000007) 22, North East (E12000001) 99. 2024: only 903 (50) and England (24).
    await db.execute(sql`
      insert into benchmark_values (measure, year, level, area_code, area_name, region_code, value, suppressed, source) values
        ('test-measure', 2025, 'national', 'E92000001', 'England', null, 25, null, 't'),
        ('test-measure', 2025, 'regional', 'E12000007', 'London', 'E12000007', 22, null, 't'),
        ('test-measure', 2025, 'regional', 'E12000001', 'North East', 'E12000001', 99, null, 't'),
        ('test-measure', 2025, 'la', '901', 'One', 'E13000001', 10, null, 't'),
        ('test-measure', 2025, 'la', '902', 'Two', 'E13000001', 20, null, 't'),
        ('test-measure', 2025, 'la', '903', 'Three', 'E13000002', 20, null, 't'),
        ('test-measure', 2025, 'la', '904', 'Four', 'E13000002', 30, null, 't'),
        ('test-measure', 2025, 'la', '905', 'Five', 'E12000001', 40, null, 't'),
        ('test-measure', 2025, 'la', '906', 'Six', 'E12000001', null, 'c', 't'),
        ('test-measure', 2024, 'national', 'E92000001', 'England', null, 24, null, 't'),
        ('test-measure', 2024, 'la', '903', 'Three', 'E13000002', 50, null, 't')`);
    await db.execute(sql`
      insert into reference_authorities (la_number, gss_code, name, region_code, region_name) values
        ('901', null, 'One', 'E12000007', 'London'), ('903', null, 'Three', 'E12000007', 'London'),
        ('905', null, 'Five', 'E12000001', 'North East'), ('906', null, 'Six', 'E12000001', 'North East')`);
    // 903's neighbours: 2025 model 901, 902, 906 (suppressed), 999 (no figure); the 2021 model (904, 905) is older.
    await db.execute(sql`
      insert into statistical_neighbours (model, la_number, rank, neighbour_la_number, closeness) values
        ('2025', '903', 1, '901', 'Close'), ('2025', '903', 2, '902', 'Close'), ('2025', '903', 3, '906', null), ('2025', '903', 4, '999', null),
        ('2021', '903', 1, '904', null), ('2021', '903', 2, '905', null)`);
    la903 = (await buildAuthority(db, { laNumber: '903' })).id;
    demo905 = (await buildAuthority(db, { laNumber: null, benchmarkLaNumber: '905' })).id;
    la906 = (await buildAuthority(db, { laNumber: '906' })).id;
    noBenchmark = (await buildAuthority(db, { laNumber: null })).id;
  });

  it('lower is better: 903’s 20 has one better (10) → rank 2 of 5, quartile floor(4×1/5 = 0.8) + 1 = 1', async () => {
    const [y2025, y2024] =
      (await benchmarksFor(ctx.database.db, la903, [{ measure: 'test-measure', polarity: 'lower' }])).get(
        'test-measure',
      ) ?? [];
    assert.deepEqual(y2025, {
      year: 2025,
      england: { value: 25, suppressed: null },
      region: { code: 'E12000007', name: 'London', value: 22, suppressed: null },
      authority: { laNumber: '903', name: 'Three', value: 20, suppressed: null },
      // 2025 model: 901 (10) and 902 (20) have figures, 906 is suppressed and 999 has none → (10 + 20) ÷ 2 = 15.
      statisticalNeighbours: { mean: 15, withValue: 2, of: 4, model: '2025' },
      rank: 2,
      of: 5,
      quartile: 1,
    });
    // 2024: alone → rank 1 of 1; no region row that year; neighbours have no figures.
    assert.equal(y2024?.year, 2024);
    assert.deepEqual(
      [y2024?.rank, y2024?.of, y2024?.quartile, y2024?.region, y2024?.statisticalNeighbours?.mean],
      [1, 1, 1, null, null],
    );
  });

  it('higher is better and neutral: two are above 20 (30, 40) → rank 3 of 5, quartile floor(4×2/5 = 1.6) + 1 = 2', async () => {
    const map = await benchmarksFor(ctx.database.db, la903, [{ measure: 'test-measure', polarity: 'higher' }]);
    assert.deepEqual([map.get('test-measure')?.[0]?.rank, map.get('test-measure')?.[0]?.quartile], [3, 2]);
    const neutral = await benchmarksFor(ctx.database.db, la903, [{ measure: 'test-measure', polarity: 'neutral' }]);
    assert.deepEqual([neutral.get('test-measure')?.[0]?.rank, neutral.get('test-measure')?.[0]?.quartile], [3, 2]);
  });

  it('a demo borough borrowing 905 (40): lower → rank 5, quartile floor(16/5 = 3.2) + 1 = 4; higher → rank 1, quartile 1; its region comes from 905 (North East)', async () => {
    const lower = (await benchmarksFor(ctx.database.db, demo905, [{ measure: 'test-measure', polarity: 'lower' }])).get(
      'test-measure',
    )?.[0];
    assert.deepEqual(
      [lower?.rank, lower?.quartile, lower?.region?.name, lower?.region?.value, lower?.authority?.laNumber],
      [5, 4, 'North East', 99, '905'],
    );
    assert.equal(lower?.statisticalNeighbours, null, '905 has no neighbours loaded');
    const higher = (
      await benchmarksFor(ctx.database.db, demo905, [{ measure: 'test-measure', polarity: 'higher' }])
    ).get('test-measure')?.[0];
    assert.deepEqual([higher?.rank, higher?.quartile], [1, 1]);
  });

  it('a suppressed own figure is shown as suppressed, unranked: 906 → value null, "c", rank null, still of 5', async () => {
    const y = (await benchmarksFor(ctx.database.db, la906, [{ measure: 'test-measure', polarity: 'lower' }])).get(
      'test-measure',
    )?.[0];
    assert.deepEqual(
      [y?.authority?.value, y?.authority?.suppressed, y?.rank, y?.of, y?.quartile],
      [null, 'c', null, 5, null],
    );
  });

  it('no benchmark LA: England only; several measures in one call, an unknown measure gives []', async () => {
    const map = await benchmarksFor(ctx.database.db, noBenchmark, [
      { measure: 'test-measure', polarity: 'lower' },
      { measure: 'nothing-loaded', polarity: 'higher' },
    ]);
    const y = map.get('test-measure')?.[0];
    assert.deepEqual([y?.england?.value, y?.authority, y?.region, y?.rank, y?.of], [25, null, null, null, 5]);
    assert.deepEqual(map.get('nothing-loaded'), []);
  });

  it('setting the benchmark LA: must be a loaded authority; its region comes with it unless one is given', async () => {
    const db = ctx.database.db;
    await assert.rejects(setBenchmarkAuthority(db, noBenchmark, { benchmarkLaNumber: '777' }), ValidationError);
    await assert.rejects(
      setBenchmarkAuthority(db, noBenchmark, { benchmarkLaNumber: '901', region: 'Atlantis' }),
      ValidationError,
    );
    const changed = await setBenchmarkAuthority(db, noBenchmark, { benchmarkLaNumber: '901' });
    assert.deepEqual(changed, {
      before: { benchmarkLaNumber: null, region: null },
      after: { benchmarkLaNumber: '901', region: 'London' },
    });
    const [row] = await db.select().from(authorities).where(eq(authorities.id, noBenchmark));
    assert.deepEqual([row?.benchmarkLaNumber, row?.region], ['901', 'London']);
    const y = (await benchmarksFor(db, noBenchmark, [{ measure: 'test-measure', polarity: 'lower' }])).get(
      'test-measure',
    )?.[0];
    assert.deepEqual([y?.authority?.value, y?.rank, y?.region?.value], [10, 1, 22]);
  });
});
