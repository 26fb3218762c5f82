/**
 * Performance indicators: each authority's own targets and RAG thresholds (the registry's defaults until an admin
 * changes them), the values computed for each period (so that trends are instant), and the commentary heads of
 * service write beside an indicator and a period.
 */
import { index, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { authorityId, createdAt, day, id, instant } from './columns';

export const indicatorSettings = pgTable(
  'indicator_settings',
  {
    authorityId: authorityId(),
    indicatorId: text('indicator_id').notNull(),
    target: numeric('target', { mode: 'number' }),
    /** The value at or beyond which (in the better direction) the indicator is green, and amber. */
    green: numeric('green', { mode: 'number' }),
    amber: numeric('amber', { mode: 'number' }),
    updatedBy: text('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.indicatorId] })],
);

/** A computed value for one indicator and period (month, quarter or financial year), ending on `periodEnd`. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    authorityId: authorityId(),
    indicatorId: text('indicator_id').notNull(),
    /** month, quarter, year. */
    periodKind: text('period_kind').notNull(),
    periodStart: day('period_start').notNull(),
    periodEnd: day('period_end').notNull(),
    numerator: numeric('numerator', { mode: 'number' }),
    denominator: numeric('denominator', { mode: 'number' }),
    /** Null when the denominator is 0 (nothing to measure). */
    value: numeric('value', { mode: 'number' }),
    computedAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.authorityId, t.indicatorId, t.periodKind, t.periodEnd] })],
);

/** What is going well, what needs to improve and the actions, beside an indicator for a period. Every version is kept. */
export const indicatorCommentary = pgTable(
  'indicator_commentary',
  {
    id: id(),
    authorityId: authorityId(),
    indicatorId: text('indicator_id').notNull(),
    periodKind: text('period_kind').notNull(),
    periodEnd: day('period_end').notNull(),
    goingWell: text('going_well').notNull().default(''),
    toImprove: text('to_improve').notNull().default(''),
    actions: text('actions').notNull().default(''),
    authorUserId: integer('author_user_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('indicator_commentary_key').on(t.authorityId, t.indicatorId, t.periodKind, t.periodEnd)],
);
