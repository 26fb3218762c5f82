/**
 * The equalities view: children in need, on a child protection plan and in care compared with the child
 * population, by broad ethnic group, age band and sex, as at a date — the shape of the table in the seed committee
 * report (Barnet's report to its Children, Education and Safeguarding Committee, 1 July 2019, paragraph 5.6.3: "CLA figures compared to published population statistics").
 *
 * Shares exclude children whose group is not known (ethnicity refused or not obtained; sex unknown or
 * indeterminate), and say how many were excluded. The percentage difference is (cohort share − population share) ÷
 * population share, as in the seed report (40% of children in care White against 53% of the population: −25%).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { ETHNIC_GROUPS } from '../../domain/code-lists';
import { ageAt, openAtEndOf } from './sql';

export const COHORTS = ['cin', 'cp', 'cla'] as const;
export type Cohort = (typeof COHORTS)[number];
export const COHORT_LABELS: Record<Cohort, string> = {
  cin: 'Children in need',
  cp: 'On a child protection plan',
  cla: 'Children in care',
};

export const AGE_BANDS = ['Under 1', '1 to 4', '5 to 9', '10 to 15', '16 and over'] as const;
export const SEXES = ['Male', 'Female'] as const;

export type Dimension = 'ethnicity' | 'age' | 'sex';
export const DIMENSION_CATEGORIES: Record<Dimension, readonly string[]> = {
  ethnicity: ETHNIC_GROUPS,
  age: AGE_BANDS,
  sex: SEXES,
};

/** The age band of a whole-years age, as the seed report bands them. */
export function ageBand(age: number): (typeof AGE_BANDS)[number] {
  return age < 1 ? 'Under 1' : age <= 4 ? '1 to 4' : age <= 9 ? '5 to 9' : age <= 15 ? '10 to 15' : '16 and over';
}

/** (share − base) ÷ base as a whole-number percentage (halves away from zero), or null when the base is 0. */
export function percentDifference(share: number, base: number): number | null {
  if (base === 0) return null;
  const d = ((share - base) / base) * 100;
  return Math.sign(d) * Math.round(Math.abs(d)) + 0;
}

export interface EqualitiesCell {
  readonly count: number;
  /** Percentage of the cohort with a known category, one decimal place; null when the cohort is empty. */
  readonly share: number | null;
}

export interface EqualitiesRow {
  readonly category: string;
  readonly population: EqualitiesCell;
  readonly cohorts: Record<Cohort, EqualitiesCell & { readonly difference: number | null }>;
}

export interface EqualitiesTable {
  readonly dimension: Dimension;
  readonly rows: readonly EqualitiesRow[];
  readonly totals: Record<Cohort | 'population', number>;
  readonly unknown: Record<Cohort, number>;
}

export interface Equalities {
  readonly asAt: string;
  readonly populationYear: number | null;
  readonly tables: readonly EqualitiesTable[];
}

const GROUP_SQL = `case when c.ethnicity in ('CHNE', 'OOTH') then 'Other' when c.ethnicity in ('REFU', 'NOBT') then null
  when c.ethnicity like 'W%' then 'White' when c.ethnicity like 'M%' then 'Mixed' when c.ethnicity like 'A%' then 'Asian'
  when c.ethnicity like 'B%' then 'Black' else null end`;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export async function equalitiesAt(db: Tx, authorityId: number, asAt: string): Promise<Equalities> {
  const cohortRows = await rows<{ cohort: Cohort; grp: string | null; age: number | string | null; sex: string }>(
    db,
    sql`
    with cohort as (
      select distinct 'cin' as cohort, e.child_id from cin_episodes e
        where e.authority_id = ${authorityId} and not e.referral_nfa and ${openAtEndOf('e.referral_date', 'e.closure_date', sql`${asAt}::date`)}
      union
      select distinct 'cp', p.child_id from cp_plans p where p.authority_id = ${authorityId} and ${openAtEndOf('p.start_date', 'p.end_date', sql`${asAt}::date`)}
      union
      select distinct 'cla', p.child_id from periods_of_care p where p.authority_id = ${authorityId} and ${openAtEndOf('p.start_date', 'p.end_date', sql`${asAt}::date`)}
    )
    select k.cohort, ${sql.raw(GROUP_SQL)} as grp, ${ageAt('c.date_of_birth', sql`${asAt}::date`)} as age, c.sex
    from cohort k join children c on c.id = k.child_id`,
  );
  const popYears = await rows<{ year: number }>(
    db,
    sql`select max(year) as year from child_population where authority_id = ${authorityId} and (year::text || '-06-30')::date <= ${asAt}::date`,
  );
  const firstYear = await rows<{ year: number }>(
    db,
    sql`select min(year) as year from child_population where authority_id = ${authorityId}`,
  );
  const populationYear = popYears[0]?.year ?? firstYear[0]?.year ?? null;
  const population =
    populationYear === null
      ? []
      : await rows<{ ethnic_group: string; age: number; sex: string; count: number | string }>(
          db,
          sql`select ethnic_group, age, sex, count from child_population where authority_id = ${authorityId} and year = ${populationYear} and age between 0 and 17`,
        );

  const categoryOf: Record<Dimension, (r: { grp: string | null; age: number | null; sex: string }) => string | null> = {
    ethnicity: (r) => (r.grp && (ETHNIC_GROUPS as readonly string[]).includes(r.grp) ? r.grp : null),
    age: (r) => (r.age === null || r.age < 0 ? null : ageBand(r.age)),
    sex: (r) => (r.sex === 'M' ? 'Male' : r.sex === 'F' ? 'Female' : null),
  };

  const tables = (Object.keys(DIMENSION_CATEGORIES) as Dimension[]).map((dimension): EqualitiesTable => {
    const categories = DIMENSION_CATEGORIES[dimension];
    const counts = new Map<string, number>();
    const unknown: Record<Cohort, number> = { cin: 0, cp: 0, cla: 0 };
    for (const r of cohortRows) {
      const cat = categoryOf[dimension]({ grp: r.grp, age: r.age === null ? null : Number(r.age), sex: r.sex });
      if (cat === null) unknown[r.cohort]++;
      else counts.set(`${r.cohort}|${cat}`, (counts.get(`${r.cohort}|${cat}`) ?? 0) + 1);
    }
    const popCounts = new Map<string, number>();
    for (const p of population) {
      const cat = categoryOf[dimension]({ grp: p.ethnic_group, age: Number(p.age), sex: p.sex });
      if (cat !== null) popCounts.set(cat, (popCounts.get(cat) ?? 0) + Number(p.count));
    }
    const popTotal = [...popCounts.values()].reduce((s, n) => s + n, 0);
    const totals = { population: popTotal, cin: 0, cp: 0, cla: 0 };
    for (const cohort of COHORTS)
      totals[cohort] = categories.reduce((s, c) => s + (counts.get(`${cohort}|${c}`) ?? 0), 0);
    const rowsOut = categories.map((category): EqualitiesRow => {
      const popCount = popCounts.get(category) ?? 0;
      const popShare = popTotal === 0 ? null : round1((100 * popCount) / popTotal);
      const cohorts = Object.fromEntries(
        COHORTS.map((cohort) => {
          const count = counts.get(`${cohort}|${category}`) ?? 0;
          const total = totals[cohort];
          const share = total === 0 ? null : (100 * count) / total;
          const base = popTotal === 0 ? null : (100 * popCount) / popTotal;
          return [
            cohort,
            {
              count,
              share: share === null ? null : round1(share),
              difference: share === null || base === null ? null : percentDifference(share, base),
            },
          ];
        }),
      ) as EqualitiesRow['cohorts'];
      return { category, population: { count: popCount, share: popShare }, cohorts };
    });
    return { dimension, rows: rowsOut, totals, unknown };
  });
  return { asAt, populationYear, tables };
}
