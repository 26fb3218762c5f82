/**
 * Recording an inspection: GET/POST /inspections/new (also the read-in form's "Save", with mode=read), and
 * POST /inspections/form, "Show the judgements of the framework chosen": the same form re-drawn from what was
 * posted, never saved.
 */
import { NotFoundError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { inspectionIdParams } from '../api';
import { createInspection, getInspection } from '../service';
import { emptyForm, formValuesFromFields, inspectionForm, inspectionFormFields } from '../validation';
import { readState, renderForm, type FormMode } from './form';
import { MAX_FIELD_BYTES, tooLongOn } from './shared';

/** The form's mode as posted: a form filled from a report read in, or a new record. */
function modeOf(fields: Record<string, unknown>): FormMode {
  return fields.mode === 'read' ? 'read' : 'create';
}

export function inspectionCreateRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.create,
    access: 'inspection:manage',
    audit: null,
    handler: async ({ res }) => {
      renderForm({ res }, { mode: 'create', values: emptyForm() });
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.create,
    access: 'inspection:manage',
    audit: 'inspection.create',
    body: inspectionForm,
    maxFieldBytes: MAX_FIELD_BYTES,
    tooLong: tooLongOn('body'),
    invalid: ({ res }, form) => {
      const values = formValuesFromFields(form.input);
      renderForm({ res }, { mode: modeOf(form.input), values, errors: form.errors, ...readState(form.input) }, 400);
    },
    handler: async ({ res, services, user, audit, body }) => {
      const id = await createInspection(services.db, user.authorityId, body, user.username, audit);
      res.redirect(303, `${paths.inspections.show({ inspectionId: id })}?saved=1`);
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.redrawForm,
    access: 'inspection:manage',
    audit: null,
    body: inspectionFormFields,
    maxFieldBytes: MAX_FIELD_BYTES,
    tooLong: tooLongOn('body'),
    invalid: ({ res }, form) => {
      const values = formValuesFromFields(form.input);
      renderForm({ res }, { mode: modeOf(form.input), values, errors: form.errors, ...readState(form.input) }, 400);
    },
    handler: async (ctx) => {
      const values = formValuesFromFields(ctx.body);
      const editing = inspectionIdParams.safeParse({ inspectionId: ctx.body.inspectionId });
      if (editing.success) {
        const record = await getInspection(ctx.services.db, ctx.user.authorityId, editing.data.inspectionId);
        if (!record) throw new NotFoundError();
        renderForm(ctx, { mode: 'edit', values, inspection: record });
        return;
      }
      renderForm(ctx, { mode: modeOf(ctx.body), values, ...readState(ctx.body) });
    },
  });
}
