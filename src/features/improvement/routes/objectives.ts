/** A theme's objective: add, change, delete (/improvement/themes/:id/objectives/new, /objectives/:id/edit). */
import type { FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { fieldErrorsOf } from '../../../web/form-input';
import { createObjective, deleteObjective, getObjective, getTheme, updateObjective } from '../service';
import { bodyOf, idFrom, type Body } from './shared';

export function objectiveRoutes(r: RouteBuilder): void {
  async function renderObjective(ctx: Pick<PageContext, 'res' | 'user' | 'services'>, model: { themeId: number; objectiveId: number | null; values: Body; errors?: FieldError[] }, status = 200) {
    const theme = await getTheme(ctx.services.db, ctx.user.authorityId, model.themeId);
    ctx.res.status(status).render('improvement/views/objective-form.njk', {
      pageTitle: `${model.errors?.length ? 'Error: ' : ''}${model.objectiveId ? 'Change objective' : 'Add an objective'}`,
      theme,
      ...model,
      errors: model.errors ?? [],
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.newObjective,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => renderObjective(ctx, { themeId: idFrom(ctx.req, 'themeId'), objectiveId: null, values: {} }),
  });

  r.page({
    method: 'post',
    path: paths.improvement.newObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const themeId = idFrom(req, 'themeId');
      const body = bodyOf(req);
      try {
        await createObjective(services.db, user.authorityId, themeId, { code: body.code, title: body.title }, audit);
      } catch (e) {
        return renderObjective(ctx, { themeId, objectiveId: null, values: body, errors: fieldErrorsOf(e) }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: 'objective' }));
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.editObjective,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const objective = await getObjective(ctx.services.db, ctx.user.authorityId, idFrom(ctx.req, 'objectiveId'));
      await renderObjective(ctx, { themeId: Number(objective.themeId), objectiveId: Number(objective.id), values: { code: objective.code, title: objective.title } });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    handler: async (ctx) => {
      const { req, res, user, services, audit } = ctx;
      const objective = await getObjective(services.db, user.authorityId, idFrom(req, 'objectiveId'));
      const objectiveId = Number(objective.id);
      const body = bodyOf(req);
      try {
        if (body.delete === 'yes') await deleteObjective(services.db, user.authorityId, objectiveId, audit);
        else await updateObjective(services.db, user.authorityId, objectiveId, { code: body.code, title: body.title }, audit);
      } catch (e) {
        const errors = fieldErrorsOf(e).map((x) => (x.field === 'objective' ? { ...x, field: 'title' } : x));
        return renderObjective(ctx, { themeId: Number(objective.themeId), objectiveId, values: body, errors }, 400);
      }
      res.redirect(303, paths.improvement.planFor({ saved: body.delete === 'yes' ? 'objective-deleted' : 'objective' }));
    },
  });
}
