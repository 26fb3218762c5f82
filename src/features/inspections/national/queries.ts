/**
 * Reads for the national picture: the published outcomes (ofsted_outcomes) as every authority's latest graded
 * judgements; the authority's own latest graded inspection (its `inspections`, else the published outcomes of the
 * authority it is benchmarked as); and its statistical neighbours' latest judgements.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { parseGrade, isGrade, type Grade } from '../../../domain/ofsted';
import { benchmarkArea } from '../../reference/benchmarks';
import { ofstedRegionOfOnsRegion } from '../../reference/ofsted-outcomes';
import { goodOrBetter, latestGraded, type LatestJudgements, type OutcomeRecord } from './latest';

const grade = (v: string | null): Grade | null => (v === null ? null : isGrade(v) ? v : parseGrade(v));

const day = (v: unknown): string | null =>
  v === null || v === undefined ? null : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10);

type OutcomeSql = {
  source: string;
  la_number: string;
  la_name: string;
  ofsted_region: string | null;
  kind: string | null;
  start_date: unknown;
  published_on: unknown;
  overall: string | null;
  leaders: string | null;
  help_and_protection: string | null;
  children_in_care: string | null;
  care_leavers: string | null;
  link: string | null;
};

/** Every published row (a thousand or so) and each authority's ONS region, as the pure picture wants them. */
/**
 * Ofsted's outcomes change only when reference files are loaded, yet every visit to the national page reads them
 * all: answers are kept in memory per database against a stamp of the reference imports (the same idea as the
 * benchmarks' cache in src/features/reference/benchmarks.ts).
 */
const kept = new WeakMap<object, { stamp: string; value: LatestJudgements[] }>();

export async function nationalLatest(db: Tx): Promise<LatestJudgements[]> {
  const [row] = await rows<{ stamp: string }>(
    db,
    sql`select concat_ws('|', max(id), count(*)) as stamp from reference_imports`,
  );
  const stamp = row?.stamp ?? '';
  const cached = kept.get(db);
  if (cached && cached.stamp === stamp) return cached.value;
  const value = await readNationalLatest(db);
  kept.set(db, { stamp, value });
  return value;
}

async function readNationalLatest(db: Tx): Promise<LatestJudgements[]> {
  const found = await rows<OutcomeSql>(
    db,
    sql`select source, la_number, la_name, ofsted_region, kind, start_date, published_on, overall, leaders, help_and_protection,
          children_in_care, care_leavers, link
        from ofsted_outcomes`,
  );
  const regions = await rows<{ la_number: string; region_name: string | null }>(
    db,
    sql`select la_number, region_name from reference_authorities`,
  );
  const ons = new Map(regions.map((r) => [r.la_number, ofstedRegionOfOnsRegion(r.region_name)]));
  const records: OutcomeRecord[] = found.map((r) => ({
    source: r.source,
    laNumber: r.la_number,
    laName: r.la_name,
    ofstedRegion: r.ofsted_region,
    kind: r.kind,
    startDate: day(r.start_date) ?? '',
    publishedOn: day(r.published_on),
    overall: grade(r.overall),
    leaders: grade(r.leaders),
    helpAndProtection: grade(r.help_and_protection),
    childrenInCare: grade(r.children_in_care),
    careLeavers: grade(r.care_leavers),
    link: r.link,
  }));
  return latestGraded(records, (la) => ons.get(la) ?? null);
}

export interface OwnJudgements {
  /** recorded: the authority's own inspections; published: Ofsted's outcomes for its benchmark LA number; none. */
  readonly from: 'recorded' | 'published' | 'none';
  readonly laNumber: string | null;
  /** The authority's own name. */
  readonly name: string;
  /** The published authority it is compared as (its own DfE number's, or its benchmark authority's), by name. */
  readonly comparedAs: string | null;
  readonly row: Pick<
    LatestJudgements,
    | 'startDate'
    | 'publishedOn'
    | 'kind'
    | 'overall'
    | 'leaders'
    | 'helpAndProtection'
    | 'childrenInCare'
    | 'careLeavers'
  > | null;
}

export interface NeighbourJudgements {
  readonly rank: number;
  readonly laNumber: string;
  readonly name: string;
  readonly latest: LatestJudgements | null;
}

export interface NeighbourPicture {
  readonly own: OwnJudgements;
  readonly model: string | null;
  readonly neighbours: readonly NeighbourJudgements[];
  readonly summary: { good: number; noOverall: number; of: number; notPublished: number };
}

/** The authority's latest graded inspection it has recorded itself, or null. */
async function recordedLatest(db: Tx, authorityId: number): Promise<OwnJudgements['row']> {
  const [latest] = await rows<{ id: number; kind: string; start_date: unknown; published_on: unknown }>(
    db,
    sql`select i.id, i.kind, i.start_date, i.published_on from inspections i
        where i.authority_id = ${authorityId} and exists (select 1 from inspection_judgements j where j.inspection_id = i.id)
        order by i.start_date desc, i.id desc limit 1`,
  );
  if (!latest) return null;
  const judgements = await rows<{ judgement: string; grade: string }>(
    db,
    sql`select judgement, grade from inspection_judgements where inspection_id = ${latest.id}`,
  );
  const of = (...keys: string[]) => {
    const j = judgements.find((x) => keys.includes(x.judgement));
    return j ? grade(j.grade) : null;
  };
  return {
    startDate: day(latest.start_date) ?? '',
    publishedOn: day(latest.published_on),
    kind: latest.kind,
    overall: of('overall'),
    leaders: of('leaders'),
    helpAndProtection: of('help-and-protection'),
    // The 2018 framework's combined judgement is shown as children in care, as Ofsted's tables do.
    childrenInCare: of('children-in-care', 'children-in-care-and-care-leavers'),
    careLeavers: of('care-leavers'),
  };
}

/** The authority's own latest judgements beside its statistical neighbours' (model 2025, else 2021). */
export async function neighbourPicture(
  db: Tx,
  authorityId: number,
  latest: readonly LatestJudgements[],
): Promise<NeighbourPicture> {
  const area = await benchmarkArea(db, authorityId);
  const [authority] = await rows<{ name: string }>(db, sql`select name from authorities where id = ${authorityId}`);
  const byLa = new Map(latest.map((r) => [r.laNumber, r]));
  const recorded = await recordedLatest(db, authorityId);
  const name = authority?.name ?? '';
  const published = area.laNumber ? byLa.get(area.laNumber) : undefined;
  const comparedAs = area.laName ?? published?.laName ?? null;
  let own: OwnJudgements;
  if (recorded) own = { from: 'recorded', laNumber: area.laNumber, name, comparedAs, row: recorded };
  else if (published) own = { from: 'published', laNumber: area.laNumber, name, comparedAs, row: published };
  else own = { from: 'none', laNumber: area.laNumber, name, comparedAs, row: null };
  const names = await rows<{ la_number: string; name: string }>(
    db,
    sql`select la_number, name from reference_authorities`,
  );
  const nameOf = new Map(names.map((n) => [n.la_number, n.name]));
  const neighbours = area.neighbours.map((laNumber, i) => {
    const row = byLa.get(laNumber) ?? null;
    return { rank: i + 1, laNumber, name: nameOf.get(laNumber) ?? row?.laName ?? laNumber, latest: row };
  });
  const withRow = neighbours.flatMap((n) => (n.latest ? [n.latest] : []));
  return {
    own,
    model: area.model,
    neighbours,
    summary: { ...goodOrBetter(withRow), notPublished: neighbours.length - withRow.length },
  };
}
