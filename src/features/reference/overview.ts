/** What reference data is loaded: the files (reference_imports) and, per measure, the latest published year. */
import { desc, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { referenceImports } from '../../db/schema/index';
import { BENCHMARK_MEASURES } from './measures';

export interface LoadedMeasure {
  readonly id: string;
  readonly title: string;
  readonly unit: string;
  readonly source: string;
  /** Latest year with figures, and how many authorities have a (unsuppressed) figure that year. */
  readonly latestYear: number | null;
  readonly authorities: number;
  readonly years: number;
}

export async function loadedMeasures(db: Tx): Promise<LoadedMeasure[]> {
  const found = await rows<{ measure: string; latest: unknown; years: unknown; authorities: unknown }>(
    db,
    sql`with latest as (select measure, max(year) as latest, count(distinct year) as years from benchmark_values group by measure)
        select l.measure, l.latest, l.years,
          (select count(*) from benchmark_values b where b.measure = l.measure and b.year = l.latest and b.level = 'la' and b.value is not null) as authorities
        from latest l`,
  );
  const by = new Map(found.map((f) => [f.measure, f]));
  return BENCHMARK_MEASURES.map((m) => {
    const f = by.get(m.id);
    return {
      id: m.id,
      title: m.title,
      unit: m.unit,
      source: m.source,
      latestYear: f ? Number(f.latest) : null,
      authorities: f ? Number(f.authorities) : 0,
      years: f ? Number(f.years) : 0,
    };
  });
}

export async function recentReferenceImports(db: Tx, limit = 100) {
  return db.select().from(referenceImports).orderBy(desc(referenceImports.id)).limit(limit);
}

export async function referenceCounts(db: Tx): Promise<{
  bankHolidays: number;
  authorities: number;
  neighbourModels: string[];
  figures: number;
  ofstedOutcomes: number;
}> {
  const [r] = await rows<{ bh: unknown; la: unknown; models: string | null; figures: unknown; ofsted: unknown }>(
    db,
    sql`select (select count(*) from bank_holidays) as bh, (select count(*) from reference_authorities) as la,
          (select string_agg(distinct model, ',') from statistical_neighbours) as models, (select count(*) from benchmark_values) as figures,
          (select count(*) from ofsted_outcomes) as ofsted`,
  );
  return {
    bankHolidays: Number(r?.bh ?? 0),
    authorities: Number(r?.la ?? 0),
    neighbourModels: r?.models ? r.models.split(',').sort() : [],
    figures: Number(r?.figures ?? 0),
    ofstedOutcomes: Number(r?.ofsted ?? 0),
  };
}
