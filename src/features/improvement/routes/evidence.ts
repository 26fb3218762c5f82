/** An action's evidence: the indicators and audit domains that show its impact (/improvement/actions/:id/evidence). */
import type { FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { fieldErrorsOf, str } from '../../../web/form-input';
import { SERVICE_AREAS, SERVICE_AREA_LABELS } from '../../indicators/definition';
import { indicatorsIn } from '../../indicators/registry';
import { ensurePracticeDomains, getAction, setEvidence } from '../service';
import { bodyOf, idFrom, list } from './shared';

export function evidenceRoutes(r: RouteBuilder): void {
  async function renderEvidence(ctx: Pick<PageContext, 'res' | 'user' | 'services'>, actionId: number, model: { chosen: Map<string, string>; domainIds: Set<string>; errors?: FieldError[] }, status = 200) {
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
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const body = bodyOf(ctx.req);
      const ids = list(body.indicators);
      const chosen = new Map(ids.map((id) => [id, str(body[`target-${id}`]).trim()]));
      try {
        await setEvidence(ctx.services.db, ctx.user.authorityId, actionId, { indicators: ids.map((id) => ({ id, target: chosen.get(id) ?? '' })), domainIds: list(body.domainIds) }, ctx.audit);
      } catch (e) {
        // indicators.N.target → the target box of that indicator; indicators.N.id → its checkbox.
        const errors = fieldErrorsOf(e).map((x) => {
          const m = /^indicators\.(\d+)\.(id|target)$/.exec(x.field);
          const id = m ? ids[Number(m[1])] : undefined;
          return m && id ? { ...x, field: m[2] === 'target' ? `target-${id}` : `indicator-${id}` } : x;
        });
        return renderEvidence(ctx, actionId, { chosen, domainIds: new Set(list(body.domainIds)), errors }, 400);
      }
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=evidence`);
    },
  });
}
