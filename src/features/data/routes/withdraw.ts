/**
 * Withdrawing an import on the web: GET /data/imports/:importId/withdraw (what withdrawing does, and the reason to
 * give) and its POST, which starts taking away what the import gave (decision 0024) in the background, as imports
 * run: its page is the import job's (/data/imports/jobs/:jobId), which goes on to the import's report when it is done.
 * Only a live (accepted) import can be withdrawn: any other answers 409, whatever was posted.
 */
import type { Request } from 'express';
import { z } from 'zod';
import { ConflictError, NotFoundError, type FieldError } from '../../../core/errors';
import { formText, str } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../web/route';
import { importLog, type ImportBatchRow } from '../../ingest/log';
import type { ImportJobs } from '../../ingest/jobs';
import { importIdParams, presentBatch, withdrawReason } from './shared';

const withdrawForm = z.strictObject({ reason: formText.pipe(withdrawReason) });

/** The live import the page is about: 404 if it is not this authority's, 409 if it is not live. */
async function liveImport(req: Request, ctx: Pick<PageContext, 'services' | 'user'>): Promise<ImportBatchRow> {
  const params = importIdParams.safeParse(req.params);
  const batch = params.success
    ? await importLog(ctx.services.db).get(params.data.importId, ctx.user.authorityId)
    : null;
  if (!batch) throw new NotFoundError();
  if (batch.status !== 'accepted')
    throw new ConflictError(`Import ${batch.id} is ${batch.status}: only a live (accepted) import can be withdrawn`);
  return batch;
}

export function importWithdrawRoutes(r: RouteBuilder, importJobs: ImportJobs): void {
  const render = (ctx: PageContext, batch: ImportBatchRow, reason: string, errors: FieldError[], status = 200) => {
    const presented = presentBatch(batch);
    ctx.res.status(status).render('data/views/import-withdraw.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Withdraw import ${batch.id}`,
      batch: presented,
      reason,
      errors,
      action: paths.data.importWithdraw({ importId: batch.id }),
      backHref: paths.data.importReport({ importId: batch.id }),
    });
  };

  r.page({
    method: 'get',
    path: paths.data.importWithdraw,
    access: 'data:import',
    audit: null,
    handler: async (ctx) => {
      render(ctx, await liveImport(ctx.req, ctx), '', []);
    },
  });

  r.page({
    method: 'post',
    path: paths.data.importWithdraw,
    access: 'data:import',
    audit: 'import.withdraw',
    body: withdrawForm,
    invalid: async (ctx, form) => {
      // A conflict comes before the input (decision 0023).
      render(ctx, await liveImport(ctx.req, ctx), str(form.input.reason), form.errors, 400);
    },
    handler: async (ctx) => {
      const batch = await liveImport(ctx.req, ctx);
      const job = importJobs.withdraw({
        authorityId: ctx.user.authorityId,
        batchId: batch.id,
        reason: ctx.body.reason,
        actor: { userId: ctx.user.id, username: ctx.user.username },
      });
      // As an import is logged when it starts (import.start), with the job that does it.
      await ctx.audit.record(ctx.services.db, {
        recordType: 'import',
        recordId: String(batch.id),
        detail: { format: batch.format, period: batch.period, job: job.id },
      });
      ctx.res.redirect(303, paths.data.importJob({ jobId: job.id }));
    },
  });
}
