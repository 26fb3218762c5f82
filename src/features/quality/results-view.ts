/**
 * What the audit results pages and API show: the period and filters read from a GET query, and the figures as
 * text for an audience.
 *
 * Members see aggregates with small numbers suppressed (like src/features/indicators/present.ts and the
 * improvement impact view): any count from 1 to 4 shows "c", and so does a percentage (or kappa) made from one — a
 * share of 3 grades tells as much as the 3.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import type { Agreement } from '../../domain/agreement';
import { GRADE_LABELS, GRADES } from '../../domain/ofsted';
import { SUPPRESSION_THRESHOLD } from '../../domain/suppression';
import { addMonths } from '../../domain/working-days';
import { fieldErrorsFromIssues, filterQuery, formText } from '../../web/form-input';
import type { FieldError } from '../../core/errors';
import { lastCompleteMonth, periodContaining, periodLabel } from '../indicators/periods';
import { formatNumber, type Audience } from '../indicators/present';
import { RESULT_GROUPINGS, serviceAreaLabel, type GradeCounts, type ResultGrouping } from './results';

/** The longest period the pages show, in months (five years). */
export const MAX_MONTHS = 60;

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export interface ResultsQuery {
  /** YYYY-MM, inclusive. */
  from: string;
  /** YYYY-MM, inclusive. */
  to: string;
  domainId: number | null;
  teamId: number | null;
  serviceArea: string | null;
  by: ResultGrouping;
}

/** The last 12 complete months before today's month. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = lastCompleteMonth(today).start;
  return { from: addMonths(to, -11).slice(0, 7), to: to.slice(0, 7) };
}

/** Every YYYY-MM from `from` to `to`, inclusive. */
export function monthKeys(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from}-01`; d.slice(0, 7) <= to; d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

export function monthLabel(month: string): string {
  return periodLabel(periodContaining(`${month}-01`, 'month'));
}

/** A field of the query as typed, trimmed ('' when absent). */
const field = formText.pipe(z.string().trim());
/** A filter's id: a positive whole number, else no filter (unreadable filters are ignored). */
const filterId = field.transform((s) => (/^[1-9]\d{0,14}$/.test(s) ? Number(s) : null));

/** The filters and grouping: never an error (a filter that does not read is ignored). */
const filterFields = {
  domain: filterId,
  team: filterId,
  service: field.transform((s) => (/^[a-z-]{1,40}$/.test(s) ? s : null)),
  by: field.transform((s): ResultGrouping => RESULT_GROUPINGS.find((g) => g === s) ?? 'domain'),
};

/**
 * The pages' query schema: strict; an empty month takes the default; a month that is not YYYY-MM, a period that ends
 * before it starts or runs over MAX_MONTHS is an error (the field, and a message).
 */
function resultsQuerySchema(defaults: { from: string; to: string }) {
  const month = (name: 'from' | 'to', words: string) =>
    field
      .refine((v) => v === '' || MONTH.test(v), `Enter the ${words} as a year and month, for example ${defaults[name]}`)
      .transform((v) => v || defaults[name]);
  return filterQuery({
    from: month('from', 'first month'),
    to: month('to', 'last month'),
    ...filterFields,
  }).superRefine((q, ctx) => {
    if (!MONTH.test(q.from) || !MONTH.test(q.to)) return;
    if (q.from > q.to)
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The last month must be the same as or after the first month',
      });
    else if (monthKeys(q.from, q.to).length > MAX_MONTHS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The period must be ${MAX_MONTHS} months or fewer` });
  });
}

/**
 * The period, filters and grouping from a query string. Empty values take the defaults; a month that is not
 * YYYY-MM, a period that ends before it starts or runs over MAX_MONTHS is an error (the field, and a message) and the
 * defaults are used in its place. Unreadable filters are ignored.
 */
export function readResultsQuery(
  query: Record<string, unknown>,
  today: string,
): { query: ResultsQuery; errors: FieldError[] } {
  const defaults = defaultPeriod(today);
  const parsed = resultsQuerySchema(defaults).safeParse(query);
  const q = parsed.success ? parsed.data : { ...defaults, ...z.object(filterFields).parse(query) };
  return {
    query: { from: q.from, to: q.to, domainId: q.domain, teamId: q.team, serviceArea: q.service, by: q.by },
    errors: parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues),
  };
}

/** The API's query: the same fields, but bad input is a 400 (problem+json), not a page with an error summary. */
export const resultsApiQuery = z.object({
  from: z.string().regex(MONTH, 'from must be a month, YYYY-MM').optional(),
  to: z.string().regex(MONTH, 'to must be a month, YYYY-MM').optional(),
  by: z.enum(RESULT_GROUPINGS).default('domain'),
  domain: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  team: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
  service: z
    .string()
    .regex(/^[a-z-]{1,40}$/, 'service must be a service area, e.g. cin-cp')
    .optional(),
});

export const agreementApiQuery = resultsApiQuery.pick({ from: true, to: true });

/** The period of an API call, defaults filled in (to: the last complete month; from: 11 months before to), and the error of one back to front or too long. */
export function apiPeriod(
  q: { from?: string | undefined; to?: string | undefined },
  today: string,
): { from: string; to: string; error: string | null } {
  const to = q.to ?? defaultPeriod(today).to;
  const from = q.from ?? addMonths(`${to}-01`, -11).slice(0, 7);
  if (from > to) return { from, to, error: 'to must be the same month as from or after it' };
  if (monthKeys(from, to).length > MAX_MONTHS)
    return { from, to, error: `The period must be ${MAX_MONTHS} months or fewer` };
  return { from, to, error: null };
}

// ——— figures for an audience ———

const small = (n: number) => n > 0 && n < SUPPRESSION_THRESHOLD;

export type Shown = number | 'c';

export function shownCount(n: number, audience: Audience): Shown {
  return audience === 'members' && small(n) ? 'c' : n;
}

/** A share (0–1) of part in whole: null when whole is 0, "c" for members when either is from 1 to 4. */
export function shownShare(part: number, whole: number, audience: Audience): number | 'c' | null {
  if (whole === 0) return null;
  if (audience === 'members' && (small(part) || small(whole))) return 'c';
  return part / whole;
}

export function countText(v: Shown): string {
  return v === 'c' ? 'c' : formatNumber(v, 0);
}

/** "45.5%", "c", or the words for none. */
export function percentText(v: number | 'c' | null, none = 'No grades'): string {
  if (v === null) return none;
  if (v === 'c') return 'c';
  return `${formatNumber(v * 100)}%`;
}

const GRADE_KEYS = ['outstanding', 'good', 'requiresImprovement', 'inadequate'] as const;

export const GRADE_HEADS = GRADES.map((g) => GRADE_LABELS[g]);

export interface ShownCounts {
  outstanding: Shown;
  good: Shown;
  requiresImprovement: Shown;
  inadequate: Shown;
  total: Shown;
  goodOrBetter: number | 'c' | null;
}

export function showCounts(c: GradeCounts, audience: Audience): ShownCounts {
  return {
    outstanding: shownCount(c.outstanding, audience),
    good: shownCount(c.good, audience),
    requiresImprovement: shownCount(c.requiresImprovement, audience),
    inadequate: shownCount(c.inadequate, audience),
    total: shownCount(c.total, audience),
    goodOrBetter: shownShare(c.outstanding + c.good, c.total, audience),
  };
}

/** A table row: each grade as "count (share%)", the total and the share good or better. */
export function countsRow(label: string, c: GradeCounts, audience: Audience) {
  return {
    label,
    cells: GRADE_KEYS.map((k) => {
      const n = shownCount(c[k], audience);
      const share = shownShare(c[k], c.total, audience);
      return c.total === 0 ? '0' : `${countText(n)} (${percentText(share)})`;
    }),
    total: countText(shownCount(c.total, audience)),
    goodOrBetter: percentText(shownShare(c.outstanding + c.good, c.total, audience)),
  };
}

export interface ShownAgreement {
  pairs: Shown;
  exact: Shown;
  exactShare: number | 'c' | null;
  weightedKappa: number | 'c' | null;
  /** The 4×4 table, auditor's grade (rows) × moderated grade (columns), in GRADES order. */
  counts: Shown[][];
}

export function showAgreement(a: Agreement, audience: Audience): ShownAgreement {
  const hidden = audience === 'members' && small(a.pairs);
  return {
    pairs: shownCount(a.pairs, audience),
    exact: shownCount(a.exact, audience),
    exactShare: hidden ? 'c' : shownShare(a.exact, a.pairs, audience),
    weightedKappa: hidden ? 'c' : a.weightedKappa,
    counts: a.counts.map((row) => row.map((n) => shownCount(n, audience))),
  };
}

export function kappaText(v: number | 'c' | null): string {
  if (v === null) return 'Not enough pairs';
  if (v === 'c') return 'c';
  return v.toFixed(3);
}

export function agreementRow(label: string, a: Agreement, audience: Audience) {
  const s = showAgreement(a, audience);
  return {
    label,
    pairs: countText(s.pairs),
    exact: percentText(s.exactShare, 'No pairs'),
    kappa: kappaText(s.weightedKappa),
  };
}

// ——— the filters' choices ———

export interface FilterChoices {
  domains: Array<{ id: number; title: string }>;
  teams: Array<{ id: number; name: string }>;
  serviceAreas: Array<{ key: string; label: string }>;
}

export async function filterChoices(db: Tx, authorityId: number): Promise<FilterChoices> {
  const [domains, teams] = await Promise.all([
    rows<{ id: string | number; title: string }>(
      db,
      sql`select id, title from practice_domains where authority_id = ${authorityId} order by sort_order, id`,
    ),
    rows<{ id: string | number; name: string; service_area: string }>(
      db,
      sql`select id, name, service_area from teams where authority_id = ${authorityId} order by name`,
    ),
  ]);
  const areas = [...new Set(teams.map((t) => t.service_area))].map((key) => ({ key, label: serviceAreaLabel(key) }));
  areas.sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
  return {
    domains: domains.map((d) => ({ id: Number(d.id), title: d.title })),
    teams: teams.map((t) => ({ id: Number(t.id), name: t.name })),
    serviceAreas: areas,
  };
}
