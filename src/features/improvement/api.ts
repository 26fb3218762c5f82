/**
 * The improvement plan's API responses. Each schema is also the presenter: fields not in it are not sent.
 */
import { z } from 'zod';
import { ACTION_STATUSES, RAGS } from '../../domain/improvement-status';
import { ACTIVITY_KINDS, GRADES, RECOMMENDATION_KINDS } from '../../domain/ofsted';

const recommendation = z.object({
  id: z.number(),
  inspectionId: z.number(),
  inspectionDate: z.string(),
  inspectionKind: z.enum(ACTIVITY_KINDS),
  inspectionLabel: z.string(),
  kind: z.enum(RECOMMENDATION_KINDS),
  number: z.number(),
  text: z.string(),
});

const progressUpdate = z.object({
  id: z.number(),
  updatedOn: z.string(),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAGS),
  note: z.string(),
  authorName: z.string(),
});

const action = z.object({
  id: z.number(),
  objectiveId: z.number(),
  number: z.number(),
  reference: z.string(),
  title: z.string(),
  successMeasure: z.string(),
  owner: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  completedOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  rag: z.enum(RAGS),
  overdue: z.boolean(),
  offTrack: z.boolean(),
  latestUpdate: progressUpdate.nullable(),
  recommendations: z.array(recommendation),
  indicators: z.array(z.object({ id: z.string(), title: z.string(), target: z.number().nullable() })),
  domains: z.array(z.object({ id: z.number(), key: z.string(), title: z.string() })),
});

const counts = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<T[number], z.ZodNumber>);

export const planResponse = z.object({
  today: z.string(),
  themes: z.array(
    z.object({
      id: z.number(),
      number: z.number(),
      title: z.string(),
      description: z.string(),
      objectives: z.array(
        z.object({
          id: z.number(),
          themeId: z.number(),
          code: z.string(),
          title: z.string(),
          actions: z.array(action),
        }),
      ),
    }),
  ),
  unansweredRecommendations: z.array(recommendation),
  currentInspectionIds: z.array(z.number()),
  summary: z.object({
    actions: z.number(),
    byStatus: counts(ACTION_STATUSES),
    byRag: counts(RAGS),
    overdue: z.number(),
    offTrack: z.number(),
    currentRecommendations: z.number(),
    unansweredRecommendations: z.number(),
  }),
});

/** A number, "c" (suppressed for members: 1 to 4, or made from such a count), or null for none. */
const shown = z.union([z.number(), z.literal('c')]).nullable();
const month = { month: z.string(), start: z.string(), end: z.string(), label: z.string(), longLabel: z.string() };
const published = z.object({ value: z.number().nullable(), suppressed: z.string().nullable() });

export const actionResponse = z.object({
  action,
  progressUpdates: z.array(progressUpdate.extend({ createdAt: z.string() })),
  impact: z.object({
    from: z.string(),
    to: z.string(),
    startedMonth: z.string(),
    completedMonth: z.string().nullable(),
    indicators: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        unit: z.string(),
        polarity: z.string(),
        target: z.number().nullable(),
        months: z.array(z.object({ ...month, kept: z.boolean(), value: shown, numerator: shown, denominator: shown })),
        before: z.object({ month: z.string(), longLabel: z.string(), value: shown }).nullable(),
        latest: z.object({ month: z.string(), longLabel: z.string(), value: shown }).nullable(),
        targetMet: z.boolean().nullable(),
        benchmarkMeasure: z.string().nullable(),
        benchmark: z
          .object({
            year: z.number(),
            england: published.nullable(),
            authority: published.extend({ laNumber: z.string(), name: z.string() }).nullable(),
            statisticalNeighbours: z
              .object({ mean: z.number().nullable(), withValue: z.number(), of: z.number(), model: z.string() })
              .nullable(),
          })
          .nullable(),
      }),
    ),
    domains: z.array(
      z.object({
        id: z.number(),
        key: z.string(),
        title: z.string(),
        months: z.array(
          z.object({
            ...month,
            counts: z.object(
              Object.fromEntries(GRADES.map((g) => [g, shown])) as Record<(typeof GRADES)[number], typeof shown>,
            ),
            total: shown,
            goodOrBetter: shown,
            percentGoodOrBetter: shown,
          }),
        ),
      }),
    ),
  }),
});

type DeepMutable<T> =
  T extends ReadonlyArray<infer U>
    ? Array<DeepMutable<U>>
    : T extends object
      ? { -readonly [K in keyof T]: DeepMutable<T[K]> }
      : T;

/** The read models are deeply readonly; the response schemas' inputs are plain arrays and objects of the same shape. */
export function asResponse<T>(value: T): DeepMutable<T> {
  return value as DeepMutable<T>;
}
