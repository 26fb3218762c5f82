/**
 * The published DfE measures Lantern compares its indicators with: Lantern's id for each, and where it comes from
 * (the Explore Education Statistics table and column, or how it is derived). The reference importer
 * (benchmarks.ts) turns each recognised file into these measures; indicators name them in `benchmark`.
 *
 * Years are the year of the 31 March (or 30 September, for the workforce) the figure is for, as published in
 * `time_period` (2025 = the year to 31 March 2025; a time_period of 202425 also means 2025).
 */
export interface BenchmarkMeasure {
  readonly id: string;
  readonly title: string;
  /** Where it comes from, in words, for the page that lists them. */
  readonly source: string;
  /** percent, rate-per-10k, count, ratio. */
  readonly unit: 'percent' | 'rate-per-10k' | 'count' | 'ratio';
}

export const BENCHMARK_MEASURES = [
  {
    id: 'population-0-17',
    title: 'Children aged 0 to 17 (ONS mid-year estimate)',
    source:
      'ons_mid-year_population_estimates: population_estimate, age_group "Children aged 0 to 17 years"; its year is the mid-year (30 June) of time_period',
    unit: 'count',
  },
  {
    id: 'cin-at-31-march',
    title: 'Children in need at 31 March',
    source: 'b1_children_in_need: At31_episodes',
    unit: 'count',
  },
  {
    id: 'cin-rate-per-10k',
    title: 'Children in need per 10,000 children at 31 March',
    source: 'b1_children_in_need At31_episodes ÷ ONS population 0–17 of the mid-year before × 10,000',
    unit: 'rate-per-10k',
  },
  {
    id: 'referrals-count',
    title: 'Referrals in the year',
    source: 'c1_children_in_need_referrals_and_rereferrals: referral_count',
    unit: 'count',
  },
  {
    id: 'referrals-rate-per-10k',
    title: 'Referrals per 10,000 children',
    source: 'c1 referral_count ÷ ONS population 0–17 of the mid-year before × 10,000',
    unit: 'rate-per-10k',
  },
  {
    id: 'rereferrals-percent',
    title: 'Re-referrals within 12 months (% of referrals)',
    source: 'c1_children_in_need_referrals_and_rereferrals: rereferral_percent',
    unit: 'percent',
  },
  {
    id: 'referrals-nfa-percent',
    title: 'Referrals with no further action (%)',
    source: 'c1: no_further_action_percent',
    unit: 'percent',
  },
  {
    id: 'cpp-subsequent-percent',
    title: 'CP plans that are a second or subsequent plan (%)',
    source: 'd3_cpps_subsequent_plan: CPP_subsequent_percent',
    unit: 'percent',
  },
  {
    id: 'cpp-open-2-years-plus-percent',
    title: 'CP plans at 31 March open 2 years or more (%)',
    source: 'd5_cpps_at31march_by_duration: 2_years_or_more_percent',
    unit: 'percent',
  },
  {
    id: 'cla-at-31-march',
    title: 'Children looked after at 31 March',
    source: 'cla_number_and_rate_per_10k_children: children_count, "Children looked after on 31 March each year"',
    unit: 'count',
  },
  {
    id: 'cla-rate-per-10k',
    title: 'Children looked after at 31 March per 10,000 children',
    source: 'cla_number_and_rate_per_10k_children: rate_per_10000, "Children looked after on 31 March each year"',
    unit: 'rate-per-10k',
  },
  {
    id: 'cla-starting-rate-per-10k',
    title: 'Children starting to be looked after per 10,000 children',
    source: 'cla_number_and_rate_per_10k_children: rate_per_10000, starting',
    unit: 'rate-per-10k',
  },
  {
    id: 'cla-ceasing-rate-per-10k',
    title: 'Children ceasing to be looked after per 10,000 children',
    source: 'cla_number_and_rate_per_10k_children: rate_per_10000, ceasing',
    unit: 'rate-per-10k',
  },
  {
    id: 'cla-3-plus-placements-percent',
    title: 'Children looked after at 31 March with 3 or more placements in the year (%)',
    source: 'la_cla_placement_stability: children_percent',
    unit: 'percent',
  },
  {
    id: 'cla-long-term-stability-percent',
    title: 'Children under 16 looked after 2.5 years or more, in the same placement for 2 years (%)',
    source: 'la_cla_placement_stability: children_percent',
    unit: 'percent',
  },
  {
    id: 'care-leavers-17-18-in-touch-percent',
    title: 'Care leavers aged 17–18 the authority is in touch with (%)',
    source: 'la_care_leavers_intouch: percentage',
    unit: 'percent',
  },
  {
    id: 'care-leavers-19-21-in-touch-percent',
    title: 'Care leavers aged 19–21 the authority is in touch with (%)',
    source: 'la_care_leavers_intouch: percentage',
    unit: 'percent',
  },
  {
    id: 'care-leavers-17-18-suitable-accommodation-percent',
    title: 'Care leavers aged 17–18 in suitable accommodation (%)',
    source: 'la_care_leavers_accommodation_suitability: care_leaver_percent',
    unit: 'percent',
  },
  {
    id: 'care-leavers-19-21-suitable-accommodation-percent',
    title: 'Care leavers aged 19–21 in suitable accommodation (%)',
    source: 'la_care_leavers_accommodation_suitability: care_leaver_percent',
    unit: 'percent',
  },
  {
    id: 'care-leavers-17-18-eet-percent',
    title: 'Care leavers aged 17–18 in education, employment or training (%)',
    source: 'la_care_leavers_activity: care_leaver_percent, breakdown "Total in education, employment or training"',
    unit: 'percent',
  },
  {
    id: 'care-leavers-19-21-eet-percent',
    title: 'Care leavers aged 19–21 in education, employment or training (%)',
    source: 'la_care_leavers_activity: care_leaver_percent, breakdown "Total in education, employment or training"',
    unit: 'percent',
  },
  {
    id: 'sw-agency-rate-percent',
    title: 'Agency social workers (% FTE)',
    source: 'csww_indicators: agency_rate_fte',
    unit: 'percent',
  },
  {
    id: 'sw-vacancy-rate-percent',
    title: 'Social worker vacancy rate (% FTE)',
    source: 'csww_indicators: vacancy_rate_fte',
    unit: 'percent',
  },
  {
    id: 'sw-turnover-rate-percent',
    title: 'Social worker turnover rate (% FTE)',
    source: 'csww_indicators: turnover_rate_fte',
    unit: 'percent',
  },
  {
    id: 'sw-caseload',
    title: 'Average caseload per case-holding social worker (FTE)',
    source: 'csww_indicators: caseload_fte',
    unit: 'ratio',
  },
] as const satisfies readonly BenchmarkMeasure[];

/**
 * Rates Lantern derives after every import from two published counts (benchmark-tables.ts DERIVED_RATES): the count
 * at 31 March of year Y ÷ the ONS 0–17 population of mid-year Y − 1 × 10,000, rounded to 1 decimal place.
 */
export type BenchmarkMeasureId = (typeof BENCHMARK_MEASURES)[number]['id'];

export function isBenchmarkMeasure(id: string): id is BenchmarkMeasureId {
  return BENCHMARK_MEASURES.some((m) => m.id === id);
}
