/**
 * The period a performance page or API call shows, read from its query string (?period=month|quarter|year&asAt=),
 * and the period chooser's form.
 */
import { z } from 'zod';
import { isIsoDate } from '../../../domain/dates';
import { periodContaining, PERIOD_KINDS, type Period, type PeriodKind } from '../periods';
import { defaultPeriod } from '../results';

const dateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate);

/** Pages are forgiving: an unreadable period or date falls back to the default. */
export const periodQuery = z.object({
  period: z.enum(PERIOD_KINDS).catch('month').default('month'),
  asAt: dateText.optional().catch(undefined),
});
/** The API is strict. */
export const apiPeriodQuery = z.object({
  period: z.enum(PERIOD_KINDS).default('month'),
  asAt: dateText.optional(),
});

export function choosePeriod(q: { period: PeriodKind; asAt?: string | undefined }, today: string): Period {
  return q.asAt ? periodContaining(q.asAt, q.period, true) : defaultPeriod(today, q.period);
}

export function periodForm(period: Period, action: string) {
  return {
    action,
    kind: period.kind,
    asAt: period.end,
    kinds: PERIOD_KINDS.map((k) => ({
      value: k,
      text: k === 'month' ? 'Month' : k === 'quarter' ? 'Quarter (financial)' : 'Financial year',
      checked: k === period.kind,
    })),
  };
}
