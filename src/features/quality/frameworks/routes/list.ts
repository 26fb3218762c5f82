/** Every framework, a new framework, and a framework’s latest version. */
import type { Response } from 'express';
import { can } from '../../../../domain/roles';
import { NotFoundError, type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import { readsFrameworks } from '../../policies';
import type { RouteBuilder } from '../../../../web/route';
import { createFramework, getFramework, listFrameworks, newFrameworkForm } from '../service';

import { numberParam, STATUS_TAGS, VIEWS, type Body } from './shared';

export function frameworkListRoutes(r: RouteBuilder): void {
  // ——— frameworks ———
  r.page({
    method: 'get',
    path: paths.quality.frameworks,
    access: readsFrameworks,
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const frameworks = await listFrameworks(services.db, user.authorityId);
      res.render(`${VIEWS}/list.njk`, {
        pageTitle: 'Audit frameworks',
        frameworks,
        statusTags: STATUS_TAGS,
        canManage: can(user.role, 'audit:manage'),
        created: typeof req.query.created === 'string',
      });
    },
  });

  function renderNewFramework(res: Response, values: Body, errors: FieldError[] = [], status = 200): void {
    res
      .status(status)
      .render(`${VIEWS}/new.njk`, { pageTitle: `${errors.length ? 'Error: ' : ''}Create a framework`, values, errors });
  }

  r.page({
    method: 'get',
    path: paths.quality.newFramework,
    access: 'audit:manage',
    audit: null,
    handler: async ({ res }) => {
      renderNewFramework(res, {});
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.newFramework,
    access: 'audit:manage',
    audit: 'quality.framework.create',
    body: newFrameworkForm,
    invalid: (ctx, form) => {
      renderNewFramework(ctx.res, form.input, form.errors, 400);
    },
    handler: async ({ res, user, services, audit, body }) => {
      const frameworkId = await createFramework(services.db, user.authorityId, body, audit);
      res.redirect(303, paths.quality.editFrameworkVersion({ frameworkId, version: 1 }));
    },
  });

  r.page({
    method: 'get',
    path: paths.quality.framework,
    access: readsFrameworks,
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const framework = await getFramework(services.db, user.authorityId, numberParam(req, 'frameworkId'));
      const latest = framework.versions[0];
      if (!latest) throw new NotFoundError();
      res.redirect(302, paths.quality.frameworkVersion({ frameworkId: framework.id, version: latest.version }));
    },
  });
}
