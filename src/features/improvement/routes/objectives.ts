/** A theme's objective: add, change, delete (/improvement/themes/:id/objectives/new, /objectives/:id/edit). */
import type { FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { z } from 'zod';
import { formText } from '../../../web/form-input';
import { createObjective, deleteObjective, getObjective, getTheme, updateObjective } from '../service';
import { idFrom, type Body } from './shared';

const objectiveForm = z.strictObject({ code: formText, title: formText, delete: formText.optional() });

export function objectiveRoutes(r: RouteBuilder): void {
  async function renderObjective(
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    model: { themeId: number; objectiveId: number | null; values: Body; errors?: FieldError[] },
    status = 200,
  ) {
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
    handler: async (ctx) =>
      renderObjective(ctx, { themeId: idFrom(ctx.req, 'themeId'), objectiveId: null, values: {} }),
  });

  r.page({
    method: 'post',
    path: paths.improvement.newObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    body: objectiveForm,
    invalid: (ctx, form) =>
      renderObjective(
        ctx,
        { themeId: idFrom(ctx.req, 'themeId'), objectiveId: null, values: form.input, errors: form.errors },
        400,
      ),
    handler: async ({ req, body, res, user, services, audit }) => {
      await createObjective(
        services.db,
        user.authorityId,
        idFrom(req, 'themeId'),
        { code: body.code, title: body.title },
        audit,
      );
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
      await renderObjective(ctx, {
        themeId: Number(objective.themeId),
        objectiveId: Number(objective.id),
        values: { code: objective.code, title: objective.title },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editObjective,
    access: 'improvement:manage',
    audit: 'improvement.objective',
    body: objectiveForm,
    invalid: async (ctx, form) => {
      const objective = await getObjective(ctx.services.db, ctx.user.authorityId, idFrom(ctx.req, 'objectiveId'));
      const errors = form.errors.map((x) => (x.field === 'objective' ? { ...x, field: 'title' } : x));
      await renderObjective(
        ctx,
        { themeId: Number(objective.themeId), objectiveId: Number(objective.id), values: form.input, errors },
        400,
      );
    },
    handler: async ({ req, body, res, user, services, audit }) => {
      const objective = await getObjective(services.db, user.authorityId, idFrom(req, 'objectiveId'));
      const objectiveId = Number(objective.id);
      if (body.delete === 'yes') await deleteObjective(services.db, user.authorityId, objectiveId, audit);
      else
        await updateObjective(
          services.db,
          user.authorityId,
          objectiveId,
          { code: body.code, title: body.title },
          audit,
        );
      res.redirect(
        303,
        paths.improvement.planFor({ saved: body.delete === 'yes' ? 'objective-deleted' : 'objective' }),
      );
    },
  });
}
