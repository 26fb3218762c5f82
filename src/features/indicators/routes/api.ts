/**
 * The performance API: /api/indicators, /api/indicators/:indicatorId and /api/indicators/:indicatorId/children
 * (strict about its query, unlike the pages).
 */
import { z } from 'zod';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { SERVICE_AREAS } from '../definition';
import { childrenBehind, DRILL_PAGE } from '../drill-down';
import { periodLabel, PERIOD_KINDS } from '../periods';
import { apiFigure, apiResult } from '../results-json';
import { INDICATORS } from '../registry';
import { indicatorResults } from '../results';
import { apiPeriodQuery, choosePeriod } from './period-query';
import { definitionOr404, indicatorIdParams } from './indicator-param';
import { audienceOf } from './audience';

const figureSchema = z.object({ value: z.number().nullable(), suppressed: z.string().nullable() });
const resultSchema = z.object({
  id: z.string(),
  title: z.string(),
  area: z.enum(SERVICE_AREAS),
  unit: z.string(),
  polarity: z.string(),
  period: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string(), label: z.string() }),
  value: z.union([z.number(), z.literal('c')]).nullable(),
  numerator: z.union([z.number(), z.literal('c')]).nullable(),
  denominator: z.union([z.number(), z.literal('c')]).nullable(),
  target: z.number().nullable(),
  green: z.number().nullable(),
  amber: z.number().nullable(),
  rag: z.enum(['green', 'amber', 'red']).nullable(),
  benchmarkMeasure: z.string().nullable(),
  benchmarks: z.array(
    z.object({
      year: z.number(),
      authority: figureSchema.extend({ laNumber: z.string(), name: z.string() }).nullable(),
      england: figureSchema.nullable(),
      region: figureSchema.extend({ code: z.string(), name: z.string() }).nullable(),
      statisticalNeighbours: z
        .object({ mean: z.number().nullable(), withValue: z.number(), of: z.number(), model: z.string() })
        .nullable(),
      rank: z.number().nullable(),
      of: z.number(),
      quartile: z.number().nullable(),
    }),
  ),
});
const trendSchema = z.array(
  z.object({
    start: z.string(),
    end: z.string(),
    label: z.string(),
    value: z.union([z.number(), z.literal('c')]).nullable(),
    numerator: z.union([z.number(), z.literal('c')]).nullable(),
    denominator: z.union([z.number(), z.literal('c')]).nullable(),
  }),
);

export function indicatorApi(r: RouteBuilder): void {
  r.api({
    method: 'get',
    path: paths.api.indicators,
    access: 'aggregate:read',
    audit: null,
    tag: 'Performance',
    summary: 'Every indicator for a period',
    description:
      'Value, numerator, denominator, target, RAG and benchmarks of every indicator for the month, financial quarter or financial year containing asAt (to that date), or the last complete month. Members get counts under 5 as "c".',
    query: apiPeriodQuery,
    response: z.object({
      period: z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string(), label: z.string() }),
      indicators: z.array(resultSchema),
    }),
    handler: async ({ query, user, services }) => {
      const today = todayInLondon();
      const period = choosePeriod(query, today);
      const results = await indicatorResults(services.db, user.authorityId, INDICATORS, period, today, {
        trendLength: 1,
      });
      return {
        period: { kind: period.kind, start: period.start, end: period.end, label: periodLabel(period) },
        indicators: results.map((x) => apiResult(x, audienceOf(user))),
      };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.indicator,
    access: 'aggregate:read',
    audit: null,
    tag: 'Performance',
    summary: 'One indicator: definition, value, trend and benchmarks',
    params: indicatorIdParams,
    query: apiPeriodQuery,
    response: resultSchema.extend({
      definition: z.object({
        numerator: z.string(),
        denominator: z.string().optional(),
        period: z.string(),
        rules: z.string().optional(),
      }),
      basis: z.string(),
      trend: trendSchema,
    }),
    handler: async ({ params, query, user, services }) => {
      const def = definitionOr404(params.indicatorId);
      const today = todayInLondon();
      const period = choosePeriod(query, today);
      const [result] = await indicatorResults(services.db, user.authorityId, [def], period, today);
      if (!result) throw new NotFoundError();
      const audience = audienceOf(user);
      return {
        ...apiResult(result, audience),
        definition: def.definition,
        basis: def.basis,
        trend: result.trend.map((v) => ({
          start: v.period.start,
          end: v.period.end,
          label: periodLabel(v.period),
          ...apiFigure(result, audience, v),
        })),
      };
    },
  });

  r.api({
    method: 'get',
    path: paths.api.indicatorChildren,
    access: 'child:search',
    audit: 'indicator.children',
    tag: 'Performance',
    summary: 'The children behind an indicator’s value',
    description: 'One page of the children (or workers) counted in the period, limited to those the caller may see.',
    params: indicatorIdParams,
    query: apiPeriodQuery.extend({ page: z.coerce.number().int().min(1).max(100_000).default(1) }),
    response: z.object({
      total: z.number(),
      hidden: z.number(),
      page: z.number(),
      pageSize: z.number(),
      subject: z.enum(['child', 'worker']),
      rows: z.array(
        z.object({
          lanternId: z.string().nullable(),
          name: z.string().nullable(),
          numerator: z.number(),
          denominator: z.number(),
          detail: z.string().nullable(),
        }),
      ),
    }),
    handler: async ({ params, query, user, services, audit }) => {
      const def = definitionOr404(params.indicatorId);
      const period = choosePeriod(query, todayInLondon());
      const list = await childrenBehind(services.db, user, def, period, query.page, audit);
      return {
        total: list.total,
        hidden: list.hidden,
        page: query.page,
        pageSize: DRILL_PAGE,
        subject: def.subject,
        rows: list.rows.map((x) => ({
          lanternId: x.lanternId,
          name: x.name,
          numerator: x.numerator,
          denominator: x.denominator,
          detail: x.detail,
        })),
      };
    },
  });
}
