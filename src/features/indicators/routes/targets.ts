/**
 * /admin/indicators (+ /:indicatorId): each indicator's target and RAG thresholds, set or reset to the defaults
 * (indicator:manage).
 */
import { z } from 'zod';
import { ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { SERVICE_AREAS, SERVICE_AREA_LABELS, type IndicatorDefinition } from '../definition';
import { indicatorById, indicatorsIn } from '../registry';
import { defaultThresholds, resetThresholds, saveThresholds, thresholdProblems, thresholdsFor } from '../settings';
import { definitionOr404, indicatorIdParams } from './indicator-param';

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

export function targetPages(r: RouteBuilder): void {
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
}
