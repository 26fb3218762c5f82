/**
 * Benchmarks for an authority: for each published year of a measure, England, the authority's region, the
 * authority's own published figure, the mean of its ten statistical neighbours, and its rank and quartile among all
 * authorities. Four small queries (three to find the area, one for the figures and ranks) answer any number of measures (the dashboards ask for about ten at a time).
 *
 * Which authority: `authorities.la_number` (a real authority), else `authorities.benchmark_la_number` (the demo
 * borough borrows Barnet's, 302). Which region: `authorities.region` (a name) when set, else the region of that LA
 * in reference_authorities. Neighbours: the latest statistical-neighbour model loaded for the LA (2025 before
 * 2021), used for every year. Ranks and quartiles: see ranking.ts (ranked in SQL the same way).
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { authorities, referenceAuthorities } from '../../db/schema/index';
import { NotFoundError, ValidationError } from '../../core/errors';
import { quartileOf, type RankPolarity } from './ranking';
import { regionByName } from './regions';

export interface PublishedFigure {
  readonly value: number | null;
  /** The suppression marker (c, z, x, u, k, low) when the figure is withheld. */
  readonly suppressed: string | null;
}

export interface BenchmarkYear {
  readonly year: number;
  readonly england: PublishedFigure | null;
  readonly region: (PublishedFigure & { readonly code: string; readonly name: string }) | null;
  /** The benchmark authority's own published figure. */
  readonly authority: (PublishedFigure & { readonly laNumber: string; readonly name: string }) | null;
  /** Mean of the neighbours' unsuppressed figures (1 decimal place), and how many of them had one. */
  readonly statisticalNeighbours: {
    readonly mean: number | null;
    readonly withValue: number;
    readonly of: number;
    readonly model: string;
  } | null;
  /** 1 = best for the measure's polarity (neutral: 1 = highest); null when the authority has no figure. */
  readonly rank: number | null;
  /** How many authorities had a figure that year (those ranked). */
  readonly of: number;
  readonly quartile: 1 | 2 | 3 | 4 | null;
}

export interface BenchmarkRequest {
  readonly measure: string;
  readonly polarity: RankPolarity;
}

export interface BenchmarkArea {
  readonly laNumber: string | null;
  readonly laName: string | null;
  readonly region: { readonly code: string; readonly name: string } | null;
  /** The neighbours' LA numbers in rank order, and the model they come from. */
  readonly neighbours: readonly string[];
  readonly model: string | null;
}

/** Half away from zero at 1 decimal place, without binary noise (20.25 → 20.3, though 20.25 × 10 may be 202.4999…). */
export function roundTo1(x: number): number {
  return Math.round(Number((x * 10).toPrecision(12))) / 10;
}

const n = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Which published authority, region and neighbours an authority is compared with. */
export async function benchmarkArea(db: Tx, authorityId: number): Promise<BenchmarkArea> {
  const [a] = await db.select().from(authorities).where(eq(authorities.id, authorityId));
  if (!a) throw new NotFoundError('No such authority');
  const laNumber = a.laNumber ?? a.benchmarkLaNumber ?? null;
  if (!laNumber) {
    const region = regionByName(a.region);
    return {
      laNumber: null,
      laName: null,
      region: region ? { code: region.code, name: region.name } : null,
      neighbours: [],
      model: null,
    };
  }
  const [ref] = await db.select().from(referenceAuthorities).where(eq(referenceAuthorities.laNumber, laNumber));
  const named = regionByName(a.region) ?? regionByName(ref?.regionName);
  const region = named
    ? { code: named.code, name: named.name }
    : ref?.regionCode && ref.regionName
      ? { code: ref.regionCode, name: ref.regionName }
      : null;
  const sn = await rows<{ model: string; neighbour: string }>(
    db,
    sql`select model, neighbour_la_number as neighbour from statistical_neighbours
        where la_number = ${laNumber} and model = (select max(model) from statistical_neighbours where la_number = ${laNumber})
        order by rank`,
  );
  return {
    laNumber,
    laName: ref?.name ?? null,
    region,
    neighbours: sn.map((s) => s.neighbour),
    model: sn[0]?.model ?? null,
  };
}

/** A shared-service row ("314 / 318") counts for each of its authorities. */
const laCodes = (areaCode: string) => areaCode.split('/').map((c) => c.trim());

/**
 * Published figures change only when reference data is imported or the authority's benchmark authority or region
 * changes; dashboards ask for the same benchmarks on every page. So answers are kept in memory against a stamp of
 * those (one small query), which any process's import or change moves on.
 */
const cache = new Map<string, { stamp: string; value: Map<string, BenchmarkYear[]> }>();
const CACHE_LIMIT = 500;

async function stampOf(db: Tx, authorityId: number): Promise<string> {
  const [row] = await rows<{ stamp: string }>(
    db,
    sql`select concat_ws('|', (select max(id) from reference_imports), a.la_number, a.benchmark_la_number, a.region) as stamp
        from authorities a where a.id = ${authorityId}`,
  );
  return row?.stamp ?? '';
}

/** Benchmarks for each requested measure: published years, latest first. Measures with nothing loaded map to []. */
export async function benchmarksFor(
  db: Tx,
  authorityId: number,
  requests: readonly BenchmarkRequest[],
): Promise<Map<string, BenchmarkYear[]>> {
  if (requests.length === 0) return new Map();
  const key = `${authorityId}:${requests
    .map((r) => `${r.measure}/${r.polarity}`)
    .sort()
    .join(',')}`;
  const stamp = await stampOf(db, authorityId);
  const kept = cache.get(key);
  if (kept && kept.stamp === stamp) return new Map(kept.value);
  const value = await computeBenchmarks(db, authorityId, requests);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, { stamp, value });
  return new Map(value);
}

async function computeBenchmarks(
  db: Tx,
  authorityId: number,
  requests: readonly BenchmarkRequest[],
): Promise<Map<string, BenchmarkYear[]>> {
  const out = new Map<string, BenchmarkYear[]>();
  const wanted = [...new Map(requests.map((r) => [r.measure, r])).values()];
  if (wanted.length === 0) return out;
  const area = await benchmarkArea(db, authorityId);
  const measureList = sql.join(
    wanted.map((r) => sql`${r.measure}`),
    sql`, `,
  );
  // Rank in SQL, as ranking.ts defines it: rank() is 1 + the number of authorities strictly before, ordered so that
  // better comes first (ascending for "lower is better", descending otherwise); suppressed figures come last and
  // are not ranked. Only the authority's own row, its neighbours' rows and shared-service rows ("314 / 318") come
  // back, with the count ranked per year, so the answer stays small however many authorities there are.
  const signs = sql.join(
    wanted.map((r) => sql`(${r.measure}::text, ${r.polarity === 'lower' ? 1 : -1}::int)`),
    sql`, `,
  );
  const wantedAreas = [area.laNumber, ...area.neighbours].filter((c): c is string => c !== null);
  const areaList = wantedAreas.length
    ? sql.join(
        wantedAreas.map((c) => sql`${c}`),
        sql`, `,
      )
    : sql`''`;
  const figures = await rows<{
    measure: string;
    year: unknown;
    level: string;
    area_code: string;
    area_name: string;
    value: unknown;
    suppressed: string | null;
    rank: unknown;
    n: unknown;
  }>(
    db,
    sql`
      with la as (
        select b.measure, b.year, b.area_code, b.area_name, b.value, b.suppressed,
          case when b.value is not null then rank() over (partition by b.measure, b.year order by b.value * r.sign nulls last) end as rank,
          count(b.value) over (partition by b.measure, b.year) as n
        from benchmark_values b join (values ${signs}) as r(measure, sign) on r.measure = b.measure
        where b.level = 'la'
      )
      select measure, year, 'la' as level, area_code, area_name, value, suppressed, rank, n from la
        where area_code in (${areaList}) or area_code like '%/%'
      union all
      select measure, year, 'count', '', '', null, null, null, max(n) from la group by measure, year
      union all
      select measure, year, level, area_code, area_name, value, suppressed, null, null from benchmark_values
        where measure in (${measureList}) and (level = 'national' or (level = 'regional' and area_code = ${area.region?.code ?? ''}))`,
  );
  const byKey = new Map<string, typeof figures>();
  for (const f of figures) {
    const k = `${f.measure}|${Number(f.year)}`;
    const list = byKey.get(k) ?? [];
    list.push(f);
    byKey.set(k, list);
  }
  const neighbours = new Set(area.neighbours);
  for (const req of wanted) {
    const years: BenchmarkYear[] = [];
    const keys = [...byKey.keys()].filter((k) => k.startsWith(`${req.measure}|`));
    for (const k of keys) {
      const list = byKey.get(k) ?? [];
      const year = Number(k.slice(k.lastIndexOf('|') + 1));
      const national = list.find((f) => f.level === 'national');
      const regional = list.find((f) => f.level === 'regional');
      const las = list.filter((f) => f.level === 'la');
      const of = Number(list.find((f) => f.level === 'count')?.n ?? 0);
      const own = area.laNumber ? las.find((f) => laCodes(f.area_code).includes(area.laNumber ?? '')) : undefined;
      const ownValue = own ? n(own.value) : null;
      const rank = own && ownValue !== null ? Number(own.rank) : null;
      let sn: BenchmarkYear['statisticalNeighbours'] = null;
      if (area.model && neighbours.size > 0) {
        const values = [...neighbours]
          .map((code) => las.find((f) => laCodes(f.area_code).includes(code)))
          .map((f) => (f ? n(f.value) : null))
          .filter((v): v is number => v !== null);
        const mean = values.length ? roundTo1(values.reduce((s, v) => s + v, 0) / values.length) : null;
        sn = { mean, withValue: values.length, of: neighbours.size, model: area.model };
      }
      years.push({
        year,
        england: national ? { value: n(national.value), suppressed: national.suppressed } : null,
        region:
          regional && area.region
            ? {
                code: area.region.code,
                name: area.region.name,
                value: n(regional.value),
                suppressed: regional.suppressed,
              }
            : null,
        authority:
          own && area.laNumber
            ? {
                laNumber: area.laNumber,
                name: area.laName ?? own.area_name,
                value: ownValue,
                suppressed: own.suppressed,
              }
            : null,
        statisticalNeighbours: sn,
        rank,
        of,
        quartile: rank === null ? null : quartileOf(rank, of),
      });
    }
    out.set(
      req.measure,
      years.sort((a, b) => b.year - a.year),
    );
  }
  return out;
}

/** The published authorities an admin may choose as the benchmark authority, by name. */
export async function referenceAuthorityChoices(
  db: Tx,
): Promise<Array<{ laNumber: string; name: string; regionName: string | null }>> {
  return db
    .select({
      laNumber: referenceAuthorities.laNumber,
      name: referenceAuthorities.name,
      regionName: referenceAuthorities.regionName,
    })
    .from(referenceAuthorities)
    .orderBy(referenceAuthorities.name);
}

/**
 * Sets the published authority (and so the region and neighbours) an authority is benchmarked against. The LA
 * number must be one loaded into reference_authorities; the region defaults to that authority's. Returns the
 * values before and after, for the audit.
 */
export async function setBenchmarkAuthority(
  db: Tx,
  authorityId: number,
  input: { benchmarkLaNumber: string; region?: string | null },
): Promise<{
  before: { benchmarkLaNumber: string | null; region: string | null };
  after: { benchmarkLaNumber: string; region: string | null };
}> {
  const laNumber = input.benchmarkLaNumber.trim();
  const [ref] = await db.select().from(referenceAuthorities).where(eq(referenceAuthorities.laNumber, laNumber));
  if (!ref) {
    throw new ValidationError([
      {
        field: 'benchmarkLaNumber',
        message: `Choose an authority from the list: ${laNumber ? `“${laNumber}” is not a loaded DfE LA number` : 'none was chosen'}`,
      },
    ]);
  }
  let region = ref.regionName;
  if (input.region !== undefined && input.region !== null && input.region.trim() !== '') {
    const named = regionByName(input.region);
    if (!named) throw new ValidationError([{ field: 'region', message: `“${input.region}” is not an English region` }]);
    region = named.name;
  }
  const [a] = await db.select().from(authorities).where(eq(authorities.id, authorityId));
  if (!a) throw new NotFoundError('No such authority');
  await db.update(authorities).set({ benchmarkLaNumber: laNumber, region }).where(eq(authorities.id, authorityId));
  return {
    before: { benchmarkLaNumber: a.benchmarkLaNumber, region: a.region },
    after: { benchmarkLaNumber: laNumber, region },
  };
}
