/**
 * Performance on the web and the API: dashboards by service area, an indicator's page with its trend,
 * benchmarks and commentary, the children behind a number, the equalities view, and the admin page for targets.
 *
 * Pages: /performance, /performance/:area, /performance/indicators/:indicatorId (+ /children, /commentary),
 *        /performance/equalities, /admin/indicators, /admin/indicators/:indicatorId.
 * API:   /api/indicators, /api/indicators/:indicatorId, /api/indicators/:indicatorId/children.
 * Members (aggregate:read without child:read) see counts under 5 as "c" and no drill-down.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { can } from '../../domain/roles';
import { isIsoDate } from '../../domain/dates';
import { todayInLondon } from '../../domain/today';
import { NotFoundError, ValidationError } from '../../core/errors';
import { paths } from '../../web/paths';
import type { RouteBuilder } from '../../web/route';
import type { CurrentUser } from '../../accounts/users/service';
import { addCommentary, commentaryForm, commentaryHistory, latestCommentary } from './commentary';
import { SERVICE_AREAS, SERVICE_AREA_LABELS, type IndicatorDefinition, type ServiceArea } from './definition';
import { childrenBehind, DRILL_PAGE } from './drill-down';
import { COHORT_LABELS, COHORTS, equalitiesAt } from './equalities';
import { periodContaining, periodLabel, PERIOD_KINDS, type Period, type PeriodKind } from './periods';
import type { Audience } from './present';
import { apiFigure, apiResult } from './results-json';
import { INDICATORS, indicatorById, indicatorsIn } from './registry';
import { defaultPeriod, indicatorResults } from './results';
import { defaultThresholds, resetThresholds, saveThresholds, thresholdProblems, thresholdsFor } from './settings';
import { benchmarkRows, indicatorCard } from './view-model';
import type { WebServices } from '../../web/services';

const dateText = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isIsoDate);

/** Pages are forgiving: an unreadable period or date falls back to the default. */
const periodQuery = z.object({
  period: z.enum(PERIOD_KINDS).catch('month').default('month'),
  asAt: dateText.optional().catch(undefined),
});
/** The API is strict. */
const apiPeriodQuery = z.object({
  period: z.enum(PERIOD_KINDS).default('month'),
  asAt: dateText.optional(),
});

function choosePeriod(q: { period: PeriodKind; asAt?: string | undefined }, today: string): Period {
  return q.asAt ? periodContaining(q.asAt, q.period, true) : defaultPeriod(today, q.period);
}

function audienceOf(user: CurrentUser): Audience {
  return can(user.role, 'child:read') ? 'staff' : 'members';
}

function definitionOr404(id: string): IndicatorDefinition {
  const def = indicatorById(id);
  if (!def) throw new NotFoundError();
  return def;
}

function periodForm(period: Period, action: string) {
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

const indicatorIdParams = z.object({ indicatorId: z.string().max(80) });
const areaParams = z.object({ area: z.string().max(40) });

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

const thresholdField = z
  .string()
  .trim()
  .default('')
  .transform((text, ctx) => {
    if (text === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a number, for example 20 or 12.5' });
      return z.NEVER;
    }
    return n;
  });
const thresholdsForm = z.object({
  target: thresholdField,
  green: thresholdField,
  amber: thresholdField,
  reset: z.string().optional(),
});

/** The commentary form: the period it is for, and the three texts checked by the commentary's rules. */
const commentaryPost = z
  .object({
    period: z.unknown(),
    asAt: z.unknown(),
    goingWell: z.unknown(),
    toImprove: z.unknown(),
    actions: z.unknown(),
  })
  .transform(({ period, asAt, ...texts }, ctx) => {
    const checked = commentaryForm.safeParse(texts);
    if (checked.success) return { period, asAt, commentary: checked.data };
    for (const issue of checked.error.issues)
      ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
    return z.NEVER;
  });

export function indicatorRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.performance.dashboards,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const today = todayInLondon();
      const period = choosePeriod(periodQuery.parse(req.query), today);
      const audience = audienceOf(user);
      const results = await indicatorResults(services.db, user.authorityId, INDICATORS, period, today, {
        trendLength: 1,
      });
      const areas = SERVICE_AREAS.map((area) => {
        const inArea = results.filter((x) => x.definition.area === area);
        const rows = inArea.map((x) => {
          const card = indicatorCard(x, audience, { canDrill: false, chartId: `c-${x.definition.id}` });
          return {
            id: card.id,
            title: card.title,
            value: card.value,
            ragText: card.ragText,
            ragClass: card.ragClass,
            target: card.target,
            england: card.benchmark?.england ?? null,
          };
        });
        const count = (rag: string) => inArea.filter((x) => x.rag === rag).length;
        return {
          area,
          label: SERVICE_AREA_LABELS[area],
          rows,
          red: count('red'),
          amber: count('amber'),
          green: count('green'),
        };
      }).filter((a) => a.rows.length > 0);
      res.render('indicators/views/dashboards.njk', {
        pageTitle: 'Performance',
        period: { label: periodLabel(period), ...periodForm(period, paths.performance.dashboards({})) },
        areas,
        audience,
        canEquality: true,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.performance.equalities,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const q = periodQuery.parse(req.query);
      const asAt = q.asAt ?? todayInLondon();
      const audience = audienceOf(user);
      const data = await equalitiesAt(services.db, user.authorityId, asAt);
      const show = (n: number) => (audience === 'members' && n > 0 && n < 5 ? 'c' : n.toLocaleString('en-GB'));
      const tables = data.tables.map((t) => ({
        dimension: t.dimension,
        caption: t.dimension === 'ethnicity' ? 'By ethnic group' : t.dimension === 'age' ? 'By age' : 'By sex',
        rows: t.rows.map((row) => ({
          category: row.category,
          population: row.population.share,
          cohorts: COHORTS.map((c) => {
            const cell = row.cohorts[c];
            const hidden = audience === 'members' && cell.count > 0 && cell.count < 5;
            return {
              count: show(cell.count),
              share: hidden ? 'c' : cell.share,
              difference: hidden ? null : cell.difference,
            };
          }),
        })),
        totals: COHORTS.map((c) => show(t.totals[c])),
        unknown: COHORTS.map((c) => show(t.unknown[c])),
      }));
      res.render('indicators/views/equalities.njk', {
        pageTitle: 'Equalities',
        asAt,
        populationYear: data.populationYear,
        cohorts: COHORTS.map((c) => COHORT_LABELS[c]),
        tables,
        audience,
      });
    },
  });

  r.page({
    method: 'get',
    path: paths.performance.area,
    access: 'aggregate:read',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const { area } = areaParams.parse(req.params);
      if (!(SERVICE_AREAS as readonly string[]).includes(area)) throw new NotFoundError();
      const today = todayInLondon();
      const period = choosePeriod(periodQuery.parse(req.query), today);
      const audience = audienceOf(user);
      const defs = indicatorsIn(area as ServiceArea);
      const [results, commentary] = await Promise.all([
        indicatorResults(services.db, user.authorityId, defs, period, today),
        latestCommentary(
          services.db,
          user.authorityId,
          defs.map((d) => d.id),
          period,
        ),
      ]);
      const canDrill = can(user.role, 'child:search');
      res.render('indicators/views/area.njk', {
        pageTitle: SERVICE_AREA_LABELS[area as ServiceArea],
        areaLabel: SERVICE_AREA_LABELS[area as ServiceArea],
        period: { label: periodLabel(period), ...periodForm(period, paths.performance.area({ area })) },
        periodQuery: { period: period.kind, asAt: period.end },
        cards: results.map((x) =>
          indicatorCard(x, audience, {
            canDrill,
            commentary: commentary.get(x.definition.id),
            chartId: `chart-${x.definition.id}`,
          }),
        ),
        audience,
        canComment: can(user.role, 'commentary:write'),
      });
    },
  });

  async function renderIndicator(
    ctx: { req: Request; res: import('express').Response; user: CurrentUser; services: WebServices },
    def: IndicatorDefinition,
    period: Period,
    extra: Record<string, unknown> = {},
    status = 200,
  ) {
    const { res, user, services } = ctx;
    const today = todayInLondon();
    const audience = audienceOf(user);
    const trendLength = period.kind === 'month' ? 25 : period.kind === 'quarter' ? 12 : 6;
    const [[result], history] = await Promise.all([
      indicatorResults(services.db, user.authorityId, [def], period, today, { trendLength }),
      commentaryHistory(services.db, user.authorityId, def.id, period),
    ]);
    if (!result) throw new NotFoundError();
    res.status(status).render('indicators/views/indicator.njk', {
      pageTitle: `${status === 400 ? 'Error: ' : ''}${def.title}`,
      card: indicatorCard(result, audience, { canDrill: can(user.role, 'child:search'), chartId: 'trend' }),
      benchmarks: benchmarkRows(result, result.benchmarks),
      history,
      period: {
        label: periodLabel(period),
        ...periodForm(period, paths.performance.indicator({ indicatorId: def.id })),
      },
      periodQuery: { period: period.kind, asAt: period.end },
      canComment: can(user.role, 'commentary:write'),
      audience,
      ...extra,
    });
  }

  r.page({
    method: 'get',
    path: paths.performance.indicator,
    access: 'aggregate:read',
    audit: null,
    handler: async (ctx) => {
      const def = definitionOr404(indicatorIdParams.parse(ctx.req.params).indicatorId);
      const period = choosePeriod(periodQuery.parse(ctx.req.query), todayInLondon());
      await renderIndicator(ctx, def, period, { saved: ctx.req.query.saved === '1' });
    },
  });

  r.page({
    method: 'post',
    path: paths.performance.commentary,
    access: 'commentary:write',
    audit: 'indicator.commentary',
    body: commentaryPost,
    invalid: async (ctx, form) => {
      const def = definitionOr404(indicatorIdParams.parse(ctx.req.params).indicatorId);
      const { period, asAt, goingWell, toImprove, actions } = form.input;
      await renderIndicator(
        ctx,
        def,
        choosePeriod(periodQuery.parse({ period, asAt }), todayInLondon()),
        { errors: form.errors, values: { goingWell, toImprove, actions } },
        400,
      );
    },
    handler: async (ctx) => {
      const { req, body, res, user, services, audit } = ctx;
      const def = definitionOr404(indicatorIdParams.parse(req.params).indicatorId);
      const period = choosePeriod(periodQuery.parse({ period: body.period, asAt: body.asAt }), todayInLondon());
      await addCommentary(
        services.db,
        user.authorityId,
        def.id,
        period,
        body.commentary,
        { userId: user.id, name: user.displayName },
        audit,
      );
      res.redirect(
        303,
        paths.withQuery(paths.performance.indicator({ indicatorId: def.id }), {
          period: period.kind,
          asAt: period.end,
          saved: 1,
        }) + '#commentary',
      );
    },
  });

  r.page({
    method: 'get',
    path: paths.performance.children,
    access: 'child:search',
    audit: 'indicator.children',
    handler: async ({ req, res, user, services, audit }) => {
      const def = definitionOr404(indicatorIdParams.parse(req.params).indicatorId);
      const q = periodQuery
        .extend({ page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1) })
        .parse(req.query);
      const period = choosePeriod(q, todayInLondon());
      const list = await childrenBehind(services.db, user, def, period, q.page, audit);
      res.render('indicators/views/children.njk', {
        pageTitle: `Children behind: ${def.title}`,
        def,
        period: { label: periodLabel(period), kind: period.kind, end: period.end },
        list,
        pageSize: DRILL_PAGE,
        backHref: paths.withQuery(paths.performance.indicator({ indicatorId: def.id }), {
          period: period.kind,
          asAt: period.end,
        }),
      });
    },
  });

  // ——— admin: targets and RAG thresholds ———
  r.page({
    method: 'get',
    path: paths.admin.indicators,
    access: 'indicator:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const thresholds = await thresholdsFor(services.db, user.authorityId);
      res.render('indicators/views/admin-list.njk', {
        pageTitle: 'Indicator targets',
        saved: typeof req.query.saved === 'string' ? indicatorById(req.query.saved)?.title : undefined,
        areas: SERVICE_AREAS.map((area) => ({
          label: SERVICE_AREA_LABELS[area],
          rows: indicatorsIn(area).map((d) => ({
            id: d.id,
            title: d.title,
            unit: d.unit,
            polarity: d.polarity,
            ...thresholds.get(d.id),
          })),
        })).filter((a) => a.rows.length > 0),
      });
    },
  });

  function renderThresholds(
    res: import('express').Response,
    def: IndicatorDefinition,
    values: Record<string, unknown>,
    errors: Array<{ field: string; message: string }> = [],
    status = 200,
  ) {
    res.status(status).render('indicators/views/admin-edit.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Target for ${def.title}`,
      def,
      defaults: defaultThresholds(def),
      values,
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.admin.indicator,
    access: 'indicator:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const def = definitionOr404(indicatorIdParams.parse(req.params).indicatorId);
      const t = (await thresholdsFor(services.db, user.authorityId)).get(def.id);
      renderThresholds(res, def, { target: t?.target ?? '', green: t?.green ?? '', amber: t?.amber ?? '' });
    },
  });

  r.page({
    method: 'post',
    path: paths.admin.indicator,
    access: 'indicator:manage',
    audit: 'indicator.settings',
    body: thresholdsForm,
    invalid: ({ req, res }, form) => {
      renderThresholds(
        res,
        definitionOr404(indicatorIdParams.parse(req.params).indicatorId),
        form.input,
        form.errors,
        400,
      );
    },
    handler: async ({ req, body: form, res, user, services, audit }) => {
      const def = definitionOr404(indicatorIdParams.parse(req.params).indicatorId);
      if (form.reset === 'yes') {
        await services.db.transaction(async (tx) => {
          await resetThresholds(tx, user.authorityId, def.id);
          await audit.record(tx, { recordType: 'indicator', recordId: def.id, detail: { reset: true } });
        });
      } else {
        const change = { target: form.target, green: form.green, amber: form.amber };
        const problems = thresholdProblems(def, change);
        if (problems.length > 0) throw new ValidationError(problems);
        await services.db.transaction(async (tx) => {
          await saveThresholds(tx, user.authorityId, def.id, change, user.username);
          await audit.record(tx, {
            recordType: 'indicator',
            recordId: def.id,
            detail: { target: change.target, green: change.green, amber: change.amber },
          });
        });
      }
      res.redirect(303, paths.withQuery(paths.admin.indicators({}), { saved: def.id }));
    },
  });

  // ——— API ———
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
