/**
 * /performance/indicators/:indicatorId: an indicator's page (trend, benchmarks, commentary history), and the
 * commentary posted from it (/commentary).
 */
import type { Request } from 'express';
import { z } from 'zod';
import { can } from '../../../domain/roles';
import { todayInLondon } from '../../../domain/today';
import { NotFoundError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { CurrentUser } from '../../../accounts/users/service';
import { addCommentary, commentaryForm, commentaryHistory } from '../commentary';
import type { IndicatorDefinition } from '../definition';
import { periodLabel, type Period } from '../periods';
import { indicatorResults } from '../results';
import { benchmarkRows, indicatorCard } from '../view-model';
import type { WebServices } from '../../../web/services';
import { choosePeriod, periodForm, periodQuery } from './period-query';
import { definitionOr404, indicatorIdParams } from './indicator-param';
import { audienceOf } from './audience';

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

export function indicatorPages(r: RouteBuilder): void {
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
}
