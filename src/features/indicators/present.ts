/**
 * How indicator figures are shown, and what members may see. Members (and anything public) see aggregates only:
 * a count from 1 to 4 is shown as "c" (DfE's convention; src/domain/suppression.ts), and so is any value made from a
 * numerator or denominator from 1 to 4 — a percentage of 3 children tells as much as the 3.
 */
import { SUPPRESSION_THRESHOLD } from '../../domain/suppression';
import type { Unit } from './definition';
import type { PeriodValue } from './engine';

export type Audience = 'staff' | 'members';

const small = (n: number | null) => n !== null && n > 0 && n < SUPPRESSION_THRESHOLD;

/** Whether a value must be hidden from members. Rates per 10,000 divide by the population: only the count matters. */
export function mustSuppress(unit: Unit, v: Pick<PeriodValue, 'numerator' | 'denominator'>): boolean {
  if (unit === 'count' || unit === 'rate-per-10k') return small(v.numerator);
  return small(v.numerator) || small(v.denominator);
}

/** One formatter per number of decimal places: building one per call cost a third of a page's CPU. */
const formatters = new Map<number, Intl.NumberFormat>();

export function formatNumber(n: number, places = 1): string {
  let format = formatters.get(places);
  if (!format) {
    format = new Intl.NumberFormat('en-GB', { maximumFractionDigits: places });
    formatters.set(places, format);
  }
  return format.format(n);
}

/** "22.6%", "45.3 per 10,000", "1,234", "312 days", "12.5 weeks", "17.25". */
export function formatValue(unit: Unit, value: number | null): string {
  if (value === null) return 'No data';
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'rate-per-10k':
      return `${formatNumber(value)} per 10,000`;
    case 'count':
      return formatNumber(value, 0);
    case 'days':
      return `${formatNumber(value, 0)} days`;
    case 'weeks':
      return `${formatNumber(value)} weeks`;
    case 'ratio':
      return formatNumber(value, 2);
  }
}

/** The suffix a chart's axis carries. */
export function unitSuffix(unit: Unit): string {
  return unit === 'percent' ? '%' : '';
}

export interface ShownFigure {
  /** The value as text, "c" when suppressed. */
  readonly text: string;
  /** The number for charts; null when there is none or it is suppressed. */
  readonly value: number | null;
  readonly numerator: string;
  readonly denominator: string;
  readonly suppressed: boolean;
}

/** A period's figure for an audience. */
export function showFigure(unit: Unit, v: PeriodValue, audience: Audience): ShownFigure {
  const suppressed = audience === 'members' && mustSuppress(unit, v);
  const count = (n: number | null) => (n === null ? '' : audience === 'members' && small(n) ? 'c' : formatNumber(n, 2));
  return {
    text: suppressed ? 'c' : formatValue(unit, v.value),
    value: suppressed ? null : v.value,
    numerator: count(v.numerator),
    denominator: unit === 'count' ? '' : count(v.denominator),
    suppressed,
  };
}
