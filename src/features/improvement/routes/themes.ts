/** A theme of the plan: add, change, delete an empty one (/improvement/themes/new, /themes/:id/edit). */
import type { Response } from 'express';
import type { FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { z } from 'zod';
import { formText } from '../../../web/form-input';
import { createTheme, deleteTheme, getTheme, updateTheme } from '../service';
import { idFrom, type Body } from './shared';

const themeForm = z.strictObject({
  number: formText,
  title: formText,
  description: formText,
  delete: formText.optional(),
});

export function themeRoutes(r: RouteBuilder): void {
  function renderTheme(
    res: Response,
    model: { themeId: number | null; values: Body; errors?: FieldError[] },
    status = 200,
  ) {
    res.status(status).render('improvement/views/theme-form.njk', {
      pageTitle: `${model.errors?.length ? 'Error: ' : ''}${model.themeId ? 'Change theme' : 'Add a theme'}`,
      ...model,
      errors: model.errors ?? [],
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.newTheme,
    access: 'improvement:manage',
    audit: null,
    handler: async ({ res }) => {
      renderTheme(res, { themeId: null, values: {} });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.newTheme,
    access: 'improvement:manage',
    audit: 'improvement.theme',
    body: themeForm,
    invalid: ({ res }, form) => {
      renderTheme(res, { themeId: null, values: form.input, errors: form.errors }, 400);
    },
    handler: async ({ body, res, user, services, audit }) => {
      await createTheme(
        services.db,
        user.authorityId,
        { number: body.number, title: body.title, description: body.description },
        audit,
      );
      res.redirect(303, paths.improvement.planFor({ saved: 'theme' }));
    },
  });

  r.page({
    method: 'get',
    path: paths.improvement.editTheme,
    access: 'improvement:manage',
    audit: null,
    handler: async ({ req, res, user, services }) => {
      const theme = await getTheme(services.db, user.authorityId, idFrom(req, 'themeId'));
      renderTheme(res, {
        themeId: Number(theme.id),
        values: { number: String(theme.number), title: theme.title, description: theme.description },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.editTheme,
    access: 'improvement:manage',
    audit: 'improvement.theme',
    body: themeForm,
    invalid: ({ req, res }, form) => {
      const errors = form.errors.map((x) => (x.field === 'theme' ? { ...x, field: 'title' } : x));
      renderTheme(res, { themeId: idFrom(req, 'themeId'), values: form.input, errors }, 400);
    },
    handler: async ({ req, body, res, user, services, audit }) => {
      const themeId = idFrom(req, 'themeId');
      if (body.delete === 'yes') await deleteTheme(services.db, user.authorityId, themeId, audit);
      else
        await updateTheme(
          services.db,
          user.authorityId,
          themeId,
          { number: body.number, title: body.title, description: body.description },
          audit,
        );
      res.redirect(303, paths.improvement.planFor({ saved: body.delete === 'yes' ? 'theme-deleted' : 'theme' }));
    },
  });
}
