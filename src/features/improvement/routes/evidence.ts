/** An action's evidence: the indicators and audit domains that show its impact (/improvement/actions/:id/evidence). */
import type { FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { z } from 'zod';
import { formList, formText, str } from '../../../web/form-input';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../../indicators/definition';
import { INDICATORS, indicatorsIn } from '../../indicators/registry';
import { ensurePracticeDomains, getAction, setEvidence } from '../service';
import { idFrom, list } from './shared';

/** The indicators ticked, each one's success target (a box per indicator in the catalogue), the domains ticked. */
const evidenceForm = z
  .strictObject({
    indicators: formList,
    domainIds: formList,
    ...Object.fromEntries(INDICATORS.map((d) => [`target-${d.id}`, formText])),
  })
  .transform((form) => {
    const fields = new Map(Object.entries(form));
    return {
      indicators: form.indicators.map((id) => ({ id, target: String(fields.get(`target-${id}`) ?? '').trim() })),
      domainIds: form.domainIds,
    };
  });

export function evidenceRoutes(r: RouteBuilder): void {
  async function renderEvidence(
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    actionId: number,
    model: { chosen: Map<string, string>; domainIds: Set<string>; errors?: FieldError[] },
    status = 200,
  ) {
    const a = await getAction(ctx.services.db, ctx.user.authorityId, actionId);
    const domains = await ensurePracticeDomains(ctx.services.db, ctx.user.authorityId);
    const errors = model.errors ?? [];
    const areas = SERVICE_AREAS.map((area) => ({
      id: `area-${area}`,
      label: SERVICE_AREA_LABELS[area],
      items: indicatorsIn(area).map((d) => ({
        id: d.id,
        title: d.title,
        unit: d.unit,
        polarity: d.polarity,
        checked: model.chosen.has(d.id),
        target: model.chosen.get(d.id) ?? '',
        defaultTarget: d.target ?? null,
      })),
    })).filter((x) => x.items.length > 0);
    ctx.res.status(status).render('improvement/views/evidence.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Evidence for ${a.title}`,
      action: a,
      areas,
      domains: domains.map((d) => ({ value: String(d.id), text: d.title, checked: model.domainIds.has(String(d.id)) })),
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.evidence,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const a = await getAction(ctx.services.db, ctx.user.authorityId, actionId);
      await renderEvidence(ctx, actionId, {
        chosen: new Map(a.indicators.map((i) => [i.id, i.target === null ? '' : String(i.target)])),
        domainIds: new Set(a.domainIds.map(String)),
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.evidence,
    access: 'improvement:manage',
    audit: 'improvement.evidence',
    body: evidenceForm,
    invalid: (ctx, form) => {
      const ids = list(form.input.indicators);
      const chosen = new Map(ids.map((id) => [id, str(form.input[`target-${id}`]).trim()]));
      // indicators.N.target → the target box of that indicator; indicators.N.id → its checkbox.
      const errors = form.errors.map((x) => {
        const m = /^indicators\.(\d+)\.(id|target)$/.exec(x.field);
        const id = m ? ids[Number(m[1])] : undefined;
        return m && id ? { ...x, field: m[2] === 'target' ? `target-${id}` : `indicator-${id}` } : x;
      });
      return renderEvidence(
        ctx,
        idFrom(ctx.req, 'actionId'),
        { chosen, domainIds: new Set(list(form.input.domainIds)), errors },
        400,
      );
    },
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      await setEvidence(ctx.services.db, ctx.user.authorityId, actionId, ctx.body, ctx.audit);
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=evidence`);
    },
  });
}
