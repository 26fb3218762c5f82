/** An action's progress updates (/improvement/actions/:id/progress). */
import { todayInLondon } from '../../../domain/today';
import type { FieldError } from '../../../core/errors';
import { ACTION_STATUSES, RAGS } from '../../../domain/improvement-status';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { z } from 'zod';
import { dateParts, formText, str, withDateParts } from '../../../web/form-input';
import { addProgressUpdate } from '../service';
import { RAG_LABELS, STATUS_LABELS } from '../../../domain/improvement-status';
import { findAction, formChoice, idFrom, type Body } from './shared';

const progressForm = withDateParts(
  ['updatedOn'],
  z.strictObject({ updatedOn: formText, status: formChoice, rag: formChoice, note: formText }),
);

export function progressRoutes(r: RouteBuilder): void {
  async function renderProgress(
    ctx: Pick<PageContext, 'res' | 'user' | 'services'>,
    actionId: number,
    model: { values: Body; body: Body | null; errors?: FieldError[] },
    status = 200,
  ) {
    const found = await findAction(ctx, actionId, todayInLondon());
    const errors = model.errors ?? [];
    ctx.res.status(status).render('improvement/views/progress.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Progress update for ${found.action.reference}`,
      action: found.action,
      updatedOn: dateParts(model.body, 'updatedOn', str(model.values.updatedOn)),
      values: model.values,
      statuses: ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], checked: model.values.status === s })),
      rags: RAGS.map((g) => ({ value: g, text: RAG_LABELS[g], checked: model.values.rag === g })),
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.improvement.progress,
    access: 'improvement:manage',
    audit: null,
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      const found = await findAction(ctx, actionId, todayInLondon());
      await renderProgress(ctx, actionId, {
        body: null,
        values: { updatedOn: todayInLondon(), status: found.action.status, rag: found.action.rag, note: '' },
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.improvement.progress,
    access: 'improvement:manage',
    audit: 'improvement.progress',
    body: progressForm,
    invalid: (ctx, form) =>
      renderProgress(
        ctx,
        idFrom(ctx.req, 'actionId'),
        { values: form.input, body: form.input, errors: form.errors },
        400,
      ),
    handler: async (ctx) => {
      const actionId = idFrom(ctx.req, 'actionId');
      await addProgressUpdate(
        ctx.services.db,
        ctx.user.authorityId,
        actionId,
        ctx.body,
        { name: ctx.user.displayName },
        todayInLondon(),
        ctx.audit,
      );
      ctx.res.redirect(303, `${paths.improvement.action({ actionId })}?saved=progress#progress`);
    },
  });
}
