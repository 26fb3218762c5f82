/** GET/POST /inspections/:inspectionId/delete: delete a record, once confirmed (refused while actions cite it). */
import type { Response } from 'express';
import { z } from 'zod';
import { ConflictError, type FieldError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { deleteInspection, type InspectionRecord } from '../service';
import { loadOr404, recordTitle } from './shared';

/** "Yes, delete this record", ticked. */
const deleteForm = z.object({ confirm: z.literal('yes', { error: 'Confirm that you want to delete this record' }) });

function renderDelete(res: Response, record: InspectionRecord, errors: FieldError[] = [], status = 200): void {
  res.status(status).render('inspections/views/delete.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Delete: ${recordTitle(record)}`,
    title: recordTitle(record),
    record,
    errors,
    errorList: errors.map((e) => ({ text: e.message, href: '#confirm' })),
  });
}

export function inspectionDeleteRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.inspections.remove,
    access: 'inspection:manage',
    audit: null,
    handler: async (ctx) => {
      renderDelete(ctx.res, await loadOr404(ctx));
    },
  });

  r.page({
    method: 'post',
    path: paths.inspections.remove,
    access: 'inspection:manage',
    audit: 'inspection.delete',
    body: deleteForm,
    invalid: async (ctx, form) => {
      renderDelete(ctx.res, await loadOr404(ctx), form.errors, 400);
    },
    handler: async (ctx) => {
      const record = await loadOr404(ctx);
      try {
        await deleteInspection(ctx.services.db, ctx.user.authorityId, record.id, ctx.audit);
      } catch (e) {
        if (e instanceof ConflictError) {
          renderDelete(ctx.res, record, [{ field: 'confirm', message: e.message }], 409);
          return;
        }
        throw e;
      }
      ctx.res.redirect(303, `${paths.inspections.index({})}?deleted=1`);
    },
  });
}
