/** GET/POST /inspections/:inspectionId/edit: correct a record, checked by the same rules as a new one. */
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { updateInspection } from '../service';
import { formValuesFromFields, formValuesFromRecord, inspectionForm } from '../validation';
import { renderForm } from './form';
import { loadOr404, MAX_FIELD_BYTES, tooLongOn } from './shared';

export function inspectionEditRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.edit,
    access: 'inspection:manage',
    audit: null,
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      renderForm(ctx, { mode: 'edit', values: formValuesFromRecord(record), inspection: record });
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.edit,
    access: 'inspection:manage',
    audit: 'inspection.update',
    body: inspectionForm,
    maxFieldBytes: MAX_FIELD_BYTES,
    tooLong: tooLongOn('body'),
    // A rule of the service (an action citing a recommendation removed) comes here too, as a ValidationError.
    invalid: async (ctx, form) => {
      const record = await loadOr404(ctx);
      const values = formValuesFromFields(form.input);
      renderForm(ctx, { mode: 'edit', values, inspection: record, errors: form.errors }, 400);
    },
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      await updateInspection(ctx.services.db, ctx.user.authorityId, record.id, ctx.body, ctx.audit);
      ctx.res.redirect(303, `${paths.inspections.show({ inspectionId: record.id })}?saved=1`);
    },
  });
}
