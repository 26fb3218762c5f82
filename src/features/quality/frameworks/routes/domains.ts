/** The authority’s practice domains: add one, change its title or description. */
import { can } from '../../../../domain/roles';
import { type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import { readsFrameworks } from '../../policies';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { createDomain, domainForm, getDomain, listDomains, updateDomain } from '../service';

import { numberParam, STATUS_TAGS, VIEWS, type Body } from './shared';

export function practiceDomainRoutes(r: RouteBuilder): void {
  // ——— practice domains ———
  async function renderDomains(
    ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
    values: Body = {},
    errors: FieldError[] = [],
    status = 200,
  ): Promise<void> {
    const domains = await listDomains(ctx.services.db, ctx.user.authorityId);
    ctx.res.status(status).render(`${VIEWS}/domains.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}Practice domains`,
      domains,
      statusTags: STATUS_TAGS,
      values,
      errors,
      canManage: can(ctx.user.role, 'audit:manage'),
      saved: typeof ctx.req.query.saved === 'string' ? ctx.req.query.saved : null,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.domains,
    access: readsFrameworks,
    audit: null,
    handler: async (ctx) => {
      await renderDomains(ctx);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.domains,
    access: 'audit:manage',
    audit: 'quality.domain.create',
    body: domainForm,
    invalid: (ctx, form) => renderDomains(ctx, form.input, form.errors, 400),
    handler: async (ctx) => {
      await createDomain(ctx.services.db, ctx.user.authorityId, ctx.body, ctx.audit);
      ctx.res.redirect(303, `${paths.quality.domains({})}?saved=created`);
    },
  });

  async function renderDomainEdit(
    ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
    values: Body | null,
    errors: FieldError[] = [],
    status = 200,
  ): Promise<void> {
    const domain = await getDomain(ctx.services.db, ctx.user.authorityId, numberParam(ctx.req, 'domainId'));
    ctx.res.status(status).render(`${VIEWS}/domain-edit.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}Change ${domain.title}`,
      domain,
      values: values ?? { title: domain.title, description: domain.description },
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.domain,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderDomainEdit(ctx, null),
  });

  r.page({
    method: 'post',
    path: paths.quality.domain,
    access: 'audit:manage',
    audit: 'quality.domain.update',
    body: async (ctx) => {
      // A domain that is not the authority's is 404 before its form is read.
      await getDomain(ctx.services.db, ctx.user.authorityId, numberParam(ctx.req, 'domainId'));
      return domainForm;
    },
    invalid: (ctx, form) => renderDomainEdit(ctx, form.input, form.errors, 400),
    handler: async (ctx) => {
      await updateDomain(ctx.services.db, ctx.user.authorityId, numberParam(ctx.req, 'domainId'), ctx.body, ctx.audit);
      ctx.res.redirect(303, `${paths.quality.domains({})}?saved=updated`);
    },
  });
}
