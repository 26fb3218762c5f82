/**
 * What an indicator is: its identity, its definition in words, its basis, how it is judged (polarity, unit,
 * target, RAG thresholds), the published DfE measure it is compared with, and the query that finds the items
 * (usually children) behind it. The registry (registry.ts) lists them all; the engine (engine.ts) computes them.
 */
import type { SQL } from 'drizzle-orm';

export const SERVICE_AREAS = [
  'front-door',
  'assessment-protection',
  'children-in-care',
  'permanence',
  'care-leavers',
  'workforce',
  'quality',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const SERVICE_AREA_LABELS: Record<ServiceArea, string> = {
  'front-door': 'Front door',
  'assessment-protection': 'Assessment and protection',
  'children-in-care': 'Children in care',
  permanence: 'Permanence',
  'care-leavers': 'Care leavers',
  workforce: 'Workforce',
  quality: 'LADO and quality',
};

/**
 * How the value is made from the items' numerators and denominators (see engine.ts):
 * - percent: 100 × Σ numerator ÷ Σ denominator
 * - ratio, days, weeks: Σ numerator ÷ Σ denominator (an average when each denominator is 1)
 * - count: Σ numerator
 * - rate-per-10k: 10,000 × Σ numerator ÷ the child population aged 0–17 (the engine supplies the population)
 */
export type Unit = 'percent' | 'ratio' | 'days' | 'weeks' | 'count' | 'rate-per-10k';

/** higher or lower is better; neutral for figures that describe demand rather than performance. */
export type Polarity = 'higher' | 'lower' | 'neutral';

export interface IndicatorDefinition {
  /** Stable, kebab-case: used in URLs, the API, the CLI and stored values. */
  readonly id: string;
  readonly title: string;
  readonly area: ServiceArea;
  readonly definition: {
    readonly numerator: string;
    /** Omitted for counts and rates per 10,000 (whose denominator is the child population). */
    readonly denominator?: string;
    /** How the period is used: events in the period, a snapshot at its end, the 12 months to its end… */
    readonly period: string;
    /** Ages, exclusions and other rules, in words. */
    readonly rules?: string;
  };
  /** The statutory guidance or DfE methodology the definition follows, with its source. */
  readonly basis: string;
  readonly polarity: Polarity;
  readonly unit: Unit;
  /** Default target and RAG thresholds (an admin may change them per authority). In the unit's own terms. */
  readonly target?: number;
  /** At or beyond this value, in the better direction, the indicator is green… */
  readonly green?: number;
  /** …and at or beyond this one, amber; otherwise red. */
  readonly amber?: number;
  /** The published DfE measure (src/features/reference/measures.ts) it compares with, if any. */
  readonly benchmark?: string;
  /** What the drill-down lists: children (with a link to each) or workers. Members never see either. */
  readonly subject: 'child' | 'worker';
  /**
   * The items behind the number, for every period at once. The SQL runs in a query that defines
   * `periods(period_start date, period_end date)` (inclusive dates); it must select, for each period, the columns
   *   period_end date, subject_id bigint, numerator numeric, denominator numeric, detail text
   * where subject_id is the child's id (or the worker's, for subject 'worker'), and detail is a short
   * non-identifying description for the drill-down (a date, a code), or null. Rows with numerator 0 and
   * denominator 0 may be left out. `authorityId` is to be used as a bound parameter.
   */
  readonly items: (authorityId: number) => SQL;
}

/** Words every rate per 10,000 shares, so that each says the same. */
export const PER_10K_RULE =
  'Divided by the child population aged 0–17 (ONS mid-year estimate) and multiplied by 10,000.';
/** For rates of events in a period (not snapshots). */
export const PERIOD_RATE_NOTE = 'The rate is for the period itself: a month’s rate is about a twelfth of a year’s.';

export function defineIndicator(def: IndicatorDefinition): IndicatorDefinition {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(def.id)) throw new Error(`Indicator id must be kebab-case: ${def.id}`);
  return def;
}
