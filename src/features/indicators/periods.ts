/**
 * Reporting periods: calendar months, financial quarters (April–June, July–September, October–December,
 * January–March) and financial years (1 April to 31 March), as English local authorities report.
 * Pure functions over ISO dates.
 */
import { addDays, addMonths } from '../../domain/working-days';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export interface Period {
  readonly kind: PeriodKind;
  /** Inclusive. */
  readonly start: string;
  /** Inclusive. */
  readonly end: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function firstOfMonth(isoDate: string): string {
  return `${isoDate.slice(0, 8)}01`;
}

/** The first day of the period of this kind that contains the date. */
function periodStart(isoDate: string, kind: PeriodKind): string {
  const y = Number(isoDate.slice(0, 4));
  const m = Number(isoDate.slice(5, 7));
  if (kind === 'month') return firstOfMonth(isoDate);
  if (kind === 'quarter') {
    // Financial quarters start in April, July, October and January.
    const startMonth = m - ((m - 1) % 3);
    return `${y}-${String(startMonth).padStart(2, '0')}-01`;
  }
  return m >= 4 ? `${y}-04-01` : `${y - 1}-04-01`;
}

const LENGTH: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/**
 * The period of this kind containing the date. With `toDate`, a period still running on that date ends on it
 * (the period to date); otherwise it runs to its natural end.
 */
export function periodContaining(isoDate: string, kind: PeriodKind, toDate = false): Period {
  const start = periodStart(isoDate, kind);
  const naturalEnd = addDays(addMonths(start, LENGTH[kind]), -1);
  return { kind, start, end: toDate && isoDate < naturalEnd ? isoDate : naturalEnd };
}

/** The last calendar month that has ended before the one containing the date. */
export function lastCompleteMonth(isoDate: string): Period {
  return periodContaining(addDays(periodContaining(isoDate, 'month').start, -1), 'month');
}

/** The `count` complete periods of this kind ending with the one that contains `isoDate`, oldest first. */
export function periodsEnding(isoDate: string, kind: PeriodKind, count: number, toDate = false): Period[] {
  const out: Period[] = [];
  let p = periodContaining(isoDate, kind, toDate);
  for (let i = 0; i < count; i++) {
    out.unshift(p);
    p = periodContaining(addDays(p.start, -1), kind);
  }
  return out;
}

/** Every calendar month from the one containing `from` to the one containing `to`. */
export function monthsBetween(from: string, to: string): Period[] {
  const out: Period[] = [];
  for (let d = firstOfMonth(from); d <= to; d = addMonths(d, 1)) out.push(periodContaining(d, 'month'));
  return out;
}

/** "March 2026", "Q4 2025/26 (January to March 2026)", "2025/26". */
export function periodLabel(p: Period): string {
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  const fy = m >= 4 ? y : y - 1;
  const fyLabel = `${fy}/${String((fy + 1) % 100).padStart(2, '0')}`;
  const toDate = p.end !== periodContaining(p.start, p.kind).end ? ` to ${p.end}` : '';
  if (p.kind === 'month') return `${MONTHS[m - 1]} ${y}${toDate}`;
  if (p.kind === 'quarter') {
    const q = m >= 4 ? (m - 1) / 3 : 4;
    return `Q${q} ${fyLabel}${toDate}`;
  }
  return `${fyLabel}${toDate}`;
}

/** A short label for chart axes: "Mar 26", "Q4 25/26", "25/26". */
export function shortPeriodLabel(p: Period): string {
  const y = Number(p.start.slice(0, 4));
  const m = Number(p.start.slice(5, 7));
  const fy = m >= 4 ? y : y - 1;
  const fyLabel = `${String(fy % 100).padStart(2, '0')}/${String((fy + 1) % 100).padStart(2, '0')}`;
  if (p.kind === 'month') return `${(MONTHS[m - 1] as string).slice(0, 3)} ${String(y % 100).padStart(2, '0')}`;
  if (p.kind === 'quarter') return `Q${m >= 4 ? (m - 1) / 3 : 4} ${fyLabel}`;
  return fyLabel;
}
