/**
 * The DfE / ONS tables Lantern reads benchmark figures from (Explore Education Statistics "tidy" CSVs: one row per
 * time_period, geographic_level and area, filters as columns, then the figures), recognised by their columns and
 * filter values, never by their file names, and which column (under which filter values) is which measure
 * (measures.ts).
 */
import type { BenchmarkMeasureId } from './measures';

export interface MeasureColumn {
  readonly measure: BenchmarkMeasureId;
  /** The column (header as published, compared case-insensitively) holding the figure. */
  readonly column: string;
  /** Filter columns and the value they must have for the row to be this measure. */
  readonly where?: Readonly<Record<string, string>>;
}

export interface BenchmarkTable {
  /** The published table, as DfE names the file (stored as benchmark_values.source and in reference_imports). */
  readonly source: string;
  /** Columns that identify the table (with the EES geography columns), case-insensitive. */
  readonly columns: readonly string[];
  /** A filter value one of whose rows must carry, when two tables share columns (care leavers). */
  readonly hasValue?: { readonly column: string; readonly value: string };
  readonly measures: readonly MeasureColumn[];
}

/** Every EES file has these. */
export const EES_COLUMNS = [
  'time_period',
  'geographic_level',
  'country_code',
  'region_code',
  'region_name',
  'old_la_code',
  'la_name',
] as const;

/**
 * Cells that are not figures but say why (Explore Education Statistics symbols): c confidential, z not applicable,
 * x not available, u low reliability, k rounds to zero, low (fewer than five), and the older ":" and "..". Stored
 * with a null value and the marker, never as 0.
 */
export const SUPPRESSION_MARKERS: ReadonlySet<string> = new Set([
  'c',
  'z',
  'x',
  'u',
  'k',
  'low',
  ':',
  '..',
  '-',
  'n/a',
  'na',
]);

export const BENCHMARK_TABLES: readonly BenchmarkTable[] = [
  {
    source: 'b1_children_in_need',
    columns: ['At31_episodes'],
    measures: [{ measure: 'cin-at-31-march', column: 'At31_episodes' }],
  },
  {
    source: 'c1_children_in_need_referrals_and_rereferrals',
    columns: ['referral_count', 'rereferral_percent', 'no_further_action_percent'],
    measures: [
      { measure: 'referrals-count', column: 'referral_count' },
      { measure: 'rereferrals-percent', column: 'rereferral_percent' },
      { measure: 'referrals-nfa-percent', column: 'no_further_action_percent' },
    ],
  },
  {
    source: 'd3_cpps_subsequent_plan',
    columns: ['CPP_subsequent_percent'],
    measures: [{ measure: 'cpp-subsequent-percent', column: 'CPP_subsequent_percent' }],
  },
  {
    source: 'd5_cpps_at31march_by_duration',
    columns: ['CPP_At31', '2_years_or_more_percent'],
    measures: [{ measure: 'cpp-open-2-years-plus-percent', column: '2_years_or_more_percent' }],
  },
  {
    source: 'cla_number_and_rate_per_10k_children',
    columns: ['population_type', 'children_count', 'rate_per_10000'],
    measures: [
      {
        measure: 'cla-at-31-march',
        column: 'children_count',
        where: { population_type: 'Children looked after on 31 March each year' },
      },
      {
        measure: 'cla-rate-per-10k',
        column: 'rate_per_10000',
        where: { population_type: 'Children looked after on 31 March each year' },
      },
      {
        measure: 'cla-starting-rate-per-10k',
        column: 'rate_per_10000',
        where: { population_type: 'Children starting to be looked after each year' },
      },
      {
        measure: 'cla-ceasing-rate-per-10k',
        column: 'rate_per_10000',
        where: { population_type: 'Children ceasing to be looked after each year' },
      },
    ],
  },
  {
    source: 'la_cla_placement_stability',
    columns: ['cla_group', 'placement_stability', 'children_percent'],
    measures: [
      {
        measure: 'cla-3-plus-placements-percent',
        column: 'children_percent',
        where: { cla_group: 'CLA on 31 March', placement_stability: 'With 3 or more placements during the year' },
      },
      {
        measure: 'cla-long-term-stability-percent',
        column: 'children_percent',
        where: {
          cla_group: 'Children looked after continuously for at least 2.5 years on 31 March aged under 16 years',
          placement_stability: 'Living with the same carer for at least 2 years',
        },
      },
    ],
  },
  {
    source: 'la_care_leavers_intouch',
    columns: ['age', 'in_touch', 'percentage'],
    measures: [
      {
        measure: 'care-leavers-17-18-in-touch-percent',
        column: 'percentage',
        where: { age: 'Aged 17 to 18', in_touch: 'Local authority in touch with care leaver' },
      },
      {
        measure: 'care-leavers-19-21-in-touch-percent',
        column: 'percentage',
        where: { age: 'Aged 19 to 21', in_touch: 'Local authority in touch with care leaver' },
      },
    ],
  },
  {
    source: 'la_care_leavers_accommodation_suitability',
    columns: ['care_leaver_age', 'breakdown', 'care_leaver_percent'],
    hasValue: { column: 'breakdown', value: 'Accommodation considered suitable' },
    measures: [
      {
        measure: 'care-leavers-17-18-suitable-accommodation-percent',
        column: 'care_leaver_percent',
        where: { care_leaver_age: '17 to 18 years', breakdown: 'Accommodation considered suitable' },
      },
      {
        measure: 'care-leavers-19-21-suitable-accommodation-percent',
        column: 'care_leaver_percent',
        where: { care_leaver_age: '19 to 21 years', breakdown: 'Accommodation considered suitable' },
      },
    ],
  },
  {
    source: 'la_care_leavers_activity',
    columns: ['care_leaver_age', 'breakdown', 'care_leaver_percent'],
    hasValue: { column: 'breakdown', value: 'Total in education, employment or training' },
    measures: [
      {
        measure: 'care-leavers-17-18-eet-percent',
        column: 'care_leaver_percent',
        where: { care_leaver_age: '17 to 18 years', breakdown: 'Total in education, employment or training' },
      },
      {
        measure: 'care-leavers-19-21-eet-percent',
        column: 'care_leaver_percent',
        where: { care_leaver_age: '19 to 21 years', breakdown: 'Total in education, employment or training' },
      },
    ],
  },
  {
    source: 'csww_indicators',
    columns: ['agency_rate_fte', 'vacancy_rate_fte', 'turnover_rate_fte', 'caseload_fte'],
    measures: [
      { measure: 'sw-agency-rate-percent', column: 'agency_rate_fte' },
      { measure: 'sw-vacancy-rate-percent', column: 'vacancy_rate_fte' },
      { measure: 'sw-turnover-rate-percent', column: 'turnover_rate_fte' },
      { measure: 'sw-caseload', column: 'caseload_fte' },
    ],
  },
  {
    source: 'ons_mid-year_population_estimates',
    columns: ['age_group', 'population_estimate'],
    measures: [
      {
        measure: 'population-0-17',
        column: 'population_estimate',
        where: { age_group: 'Children aged 0 to 17 years' },
      },
    ],
  },
];

/** EES tables recognised and deliberately not loaded: no Lantern measure uses them (yet). */
export const SKIPPED_TABLES: ReadonlyArray<{
  readonly source: string;
  readonly columns: readonly string[];
  readonly why: string;
}> = [
  {
    source: 'c3_factors_identified_at_end_of_assessment',
    columns: ['Episodes_with_assessment_factor'],
    why: 'factors identified at the end of assessment: no Lantern indicator is benchmarked against them yet',
  },
  {
    source: 'cla_time_series',
    columns: ['population_count', 'number'],
    why: 'a national-only time series of children looked after; the authority-level table (cla_number_and_rate_per_10k_children) is the one Lantern uses',
  },
];

/**
 * Rates derived after every import, from counts already loaded (so the two files may come in separate imports):
 * count at 31 March (or in the year to 31 March) of year Y ÷ ONS population aged 0–17 at mid-year Y − 1 × 10,000,
 * rounded to 1 decimal place. This is DfE's own method: cla_number_and_rate_per_10k_children gives Barnet's 2025
 * population_estimate as 93,851, which is the ONS mid-2024 figure, and 343 ÷ 93,851 × 10,000 = 36.5 (published,
 * rounded to a whole number: 37).
 */
export const DERIVED_RATES: ReadonlyArray<{
  readonly measure: BenchmarkMeasureId;
  readonly count: BenchmarkMeasureId;
}> = [
  { measure: 'cin-rate-per-10k', count: 'cin-at-31-march' },
  { measure: 'referrals-rate-per-10k', count: 'referrals-count' },
];
