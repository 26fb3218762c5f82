/**
 * The headline figures: how many children are open to each part of the service on a date (children in need, on a
 * child protection plan, in care, care leavers). One query, shown on the home page and, before and after, in every
 * import's report (decision 0024), so that the two always agree. Counts only, never child-level data.
 */

export interface Headline {
  childrenInNeed: number;
  childProtection: number;
  inCare: number;
  careLeavers: number;
}

export const HEADLINE_LABELS: Record<keyof Headline, string> = {
  childrenInNeed: 'Children in need',
  childProtection: 'On child protection plans',
  inCare: 'In care',
  careLeavers: 'Care leavers',
};

/** Open on `asAt`: started on or before it and not ended before it. A referral with no further action is not open. */
export function headlineSql(authorityId: number, asAt: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asAt)) throw new Error(`Not a date: ${asAt}`);
  const a = Number(authorityId);
  const d = `'${asAt}'::date`;
  const open = (start: string, end: string) => `${start} <= ${d} AND (${end} IS NULL OR ${end} > ${d})`;
  return `SELECT
    (SELECT count(*) FROM cin_episodes WHERE authority_id = ${a} AND NOT referral_nfa AND ${open('referral_date', 'closure_date')})::int AS children_in_need,
    (SELECT count(*) FROM cp_plans WHERE authority_id = ${a} AND ${open('start_date', 'end_date')})::int AS child_protection,
    (SELECT count(*) FROM periods_of_care WHERE authority_id = ${a} AND ${open('start_date', 'end_date')})::int AS in_care,
    (SELECT count(*) FROM care_leavers WHERE authority_id = ${a} AND ${open('start_date', 'end_date')})::int AS care_leavers`;
}

export function headlineFrom(row: Record<string, unknown> | undefined): Headline {
  return {
    childrenInNeed: Number(row?.children_in_need ?? 0),
    childProtection: Number(row?.child_protection ?? 0),
    inCare: Number(row?.in_care ?? 0),
    careLeavers: Number(row?.care_leavers ?? 0),
  };
}
