/**
 * The national picture from Ofsted's published outcomes (ofsted_outcomes): each authority's latest graded
 * judgements. Pure: the rows in, the picture out.
 *
 * - Several files describe the same inspection (the official tables, JT-39's and D2I's scrapes): one row per
 *   authority and start date is kept, preferring the official table, then JT-39, then D2I
 *   (src/features/reference/ofsted-outcomes.ts sourcePreference).
 * - "Latest graded": the latest inspection with at least one graded judgement (visits have none). From April 2026 an
 *   inspection grades four judgements and no overall effectiveness: it is still the latest, with overall blank.
 * - Region: the row's Ofsted region, else one the authority has on another row, else its ONS region's Ofsted region.
 */
import { GRADES, isGoodOrBetter, type Grade } from '../../../domain/ofsted';
import { sourcePreference } from '../../reference/ofsted-outcomes';

export interface OutcomeRecord {
  readonly source: string;
  readonly laNumber: string;
  readonly laName: string;
  readonly ofstedRegion: string | null;
  readonly kind: string | null;
  readonly startDate: string;
  readonly publishedOn: string | null;
  readonly overall: Grade | null;
  readonly leaders: Grade | null;
  readonly helpAndProtection: Grade | null;
  readonly childrenInCare: Grade | null;
  readonly careLeavers: Grade | null;
  readonly link: string | null;
}

export const JUDGEMENT_FIELDS = ['overall', 'leaders', 'helpAndProtection', 'childrenInCare', 'careLeavers'] as const;
export type JudgementField = (typeof JUDGEMENT_FIELDS)[number];

export const JUDGEMENT_FIELD_LABELS: Record<JudgementField, string> = {
  overall: 'Overall effectiveness',
  leaders: 'Impact of leaders',
  helpAndProtection: 'Help and protection',
  childrenInCare: 'Children in care',
  careLeavers: 'Care leavers',
};

export interface LatestJudgements extends OutcomeRecord {
  readonly region: string | null;
}

const graded = (r: OutcomeRecord) => JUDGEMENT_FIELDS.some((f) => r[f] !== null);

/**
 * One row per authority and start date: the preferred source's (ties: the row with more judgements), its missing
 * type, publication date and region taken from the other rows of the same inspection (Ofsted's current-judgements
 * table gives no type; its history table does).
 */
export function dedupe(records: readonly OutcomeRecord[]): OutcomeRecord[] {
  const best = new Map<string, OutcomeRecord>();
  const all = new Map<string, OutcomeRecord[]>();
  const count = (r: OutcomeRecord) => JUDGEMENT_FIELDS.filter((f) => r[f] !== null).length;
  for (const r of records) {
    const key = `${r.laNumber}|${r.startDate}`;
    all.set(key, [...(all.get(key) ?? []), r]);
    const held = best.get(key);
    if (
      !held ||
      sourcePreference(r.source) < sourcePreference(held.source) ||
      (sourcePreference(r.source) === sourcePreference(held.source) && count(r) > count(held))
    ) {
      best.set(key, r);
    }
  }
  return [...best.entries()].map(([key, r]) => {
    const others = [...(all.get(key) ?? [])].sort((a, b) => sourcePreference(a.source) - sourcePreference(b.source));
    return {
      ...r,
      kind: r.kind ?? others.find((o) => o.kind)?.kind ?? null,
      publishedOn: r.publishedOn ?? others.find((o) => o.publishedOn)?.publishedOn ?? null,
      ofstedRegion: r.ofstedRegion ?? others.find((o) => o.ofstedRegion)?.ofstedRegion ?? null,
    };
  });
}

/**
 * Every authority's latest graded inspection, by name. `onsRegion` gives an authority's Ofsted region from the
 * authority lookup when no row says it.
 */
export function latestGraded(
  records: readonly OutcomeRecord[],
  onsRegion: (laNumber: string) => string | null = () => null,
): LatestJudgements[] {
  const regions = new Map<string, string>();
  const latest = new Map<string, OutcomeRecord>();
  // The official table's region first: every row of the authority, newest first.
  const sorted = dedupe(records).sort(
    (a, b) => b.startDate.localeCompare(a.startDate) || sourcePreference(a.source) - sourcePreference(b.source),
  );
  for (const r of [...sorted].sort((a, b) => sourcePreference(a.source) - sourcePreference(b.source))) {
    if (r.ofstedRegion && !regions.has(r.laNumber)) regions.set(r.laNumber, r.ofstedRegion);
  }
  for (const r of sorted) {
    if (!graded(r) || latest.has(r.laNumber)) continue;
    latest.set(r.laNumber, r);
  }
  return [...latest.values()]
    .map((r) => ({ ...r, region: r.ofstedRegion ?? regions.get(r.laNumber) ?? onsRegion(r.laNumber) }))
    .sort((a, b) => a.laName.localeCompare(b.laName, 'en-GB') || a.laNumber.localeCompare(b.laNumber));
}

export interface OutcomeFilter {
  readonly region?: string | null;
  readonly grade?: Grade | null;
  /** Whether the grade is the overall grade, or any of the judgements. */
  readonly of?: 'overall' | 'any';
}

export function filterLatest(rows: readonly LatestJudgements[], filter: OutcomeFilter): LatestJudgements[] {
  return rows.filter((r) => {
    if (filter.region && r.region !== filter.region) return false;
    if (filter.grade) {
      if ((filter.of ?? 'overall') === 'overall') return r.overall === filter.grade;
      return JUDGEMENT_FIELDS.some((f) => r[f] === filter.grade);
    }
    return true;
  });
}

export interface GradeCount {
  readonly judgement: JudgementField;
  readonly label: string;
  readonly counts: Record<Grade, number>;
  /** Not graded: before 2023 for care leavers, from April 2026 for overall. */
  readonly none: number;
}

/** For each judgement, how many of the rows have each grade. */
export function gradeCounts(rows: readonly LatestJudgements[]): GradeCount[] {
  return JUDGEMENT_FIELDS.map((f) => {
    const counts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
    let none = 0;
    for (const r of rows) {
      const g = r[f];
      if (g) counts[g]++;
      else none++;
    }
    return { judgement: f, label: JUDGEMENT_FIELD_LABELS[f], counts, none };
  });
}

/** How many of these are good or outstanding overall, and how many have no overall grade. */
export function goodOrBetter(rows: ReadonlyArray<Pick<OutcomeRecord, 'overall'>>): {
  good: number;
  noOverall: number;
  of: number;
} {
  return {
    good: rows.filter((r) => r.overall !== null && isGoodOrBetter(r.overall)).length,
    noOverall: rows.filter((r) => r.overall === null).length,
    of: rows.length,
  };
}
