/**
 * Importing on the web: GET/POST /data/imports (upload files to import: a background job, its progress at
 * /data/imports/jobs/:jobId, which also follows a withdrawal and then goes on to the import's report).
 */
import type { Response } from 'express';
import { z } from 'zod';
import { NotFoundError } from '../../../core/errors';
import { formText, str } from '../../../web/form-input';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import type { WebServices } from '../../../web/services';
import { IMPORT_FILES } from '../../../web/upload';
import { FORMAT_LABELS } from '../../ingest/format';
import type { ImportJobs } from '../../ingest/jobs';
import { importLog } from '../../ingest/log';
import {
  COLLECTION_YEARS,
  dateField,
  jobParams,
  presentBatch,
  presentJob,
  startImport,
  systemField,
  yearField,
  yearLabel,
} from './shared';

/** The import page's form (its files are read beside it). */
const importForm = z.strictObject({
  year: z.preprocess(str, yearField),
  asAt: formText.pipe(dateField),
  system: formText.pipe(systemField),
});

export function importPageRoutes(r: RouteBuilder, importJobs: ImportJobs): void {
  async function renderImports(
    ctx: { res: Response; services: WebServices; user: { authorityId: number } },
    extra: Record<string, unknown>,
    status = 200,
  ) {
    const batches = await importLog(ctx.services.db).list(ctx.user.authorityId, { limit: 50 });
    ctx.res.status(status).render('data/views/imports.njk', {
      pageTitle: `${extra.errors ? 'Error: ' : ''}Import data`,
      batches: batches.map(presentBatch),
      years: COLLECTION_YEARS.map((y) => ({ value: y, text: yearLabel(y) })),
      values: {},
      ...extra,
    });
  }

  r.page({
    method: 'get',
    path: paths.data.imports,
    access: 'data:import',
    audit: null,
    handler: async ({ res, services, user }) => {
      await renderImports({ res, services, user }, {});
    },
  });

  r.page({
    method: 'post',
    path: paths.data.imports,
    access: 'data:import',
    audit: 'import.start',
    body: importForm,
    files: { files: { ...IMPORT_FILES, required: 'Select the files to import' } },
    invalid: async ({ res, services, user }, form) => {
      await renderImports(
        { res, services, user },
        {
          errors: form.errors,
          values: { year: str(form.input.year), asAt: str(form.input.asAt), system: str(form.input.system) },
        },
        400,
      );
    },
    handler: async ({ res, services, user, audit, body, files, keepFiles }) => {
      const job = startImport(importJobs, { dir: keepFiles(), files: files.files }, user, body, async () => undefined);
      await audit.record(services.db, {
        recordType: 'import-job',
        recordId: job.id,
        detail: { files: files.files.length },
      });
      res.redirect(303, paths.data.importJob({ jobId: job.id }));
    },
  });

  r.page({
    method: 'get',
    path: paths.data.importJob,
    access: 'data:import',
    audit: null,
    handler: async ({ req, res, user }) => {
      const params = jobParams.safeParse(req.params);
      const job = params.success
        ? importJobs.get(params.data.jobId, { authorityId: user.authorityId, userId: user.id })
        : null;
      if (!job) throw new NotFoundError();
      // A withdrawal done: its import's report says what it did.
      if (job.withdrawal && job.state === 'finished') {
        res.redirect(303, paths.data.importReport({ importId: job.withdrawal.importId }));
        return;
      }
      const importId = job.withdrawal?.importId;
      const heading =
        importId === undefined
          ? job.state === 'running'
            ? 'Importing'
            : 'Import finished'
          : job.state === 'running'
            ? `Withdrawing import ${importId}`
            : job.withdrawal?.summary
              ? `Import ${importId} withdrawn`
              : `Import ${importId} could not be withdrawn`;
      res.render('data/views/import-job.njk', {
        pageTitle: heading,
        heading,
        job: presentJob(job),
        statusUrl: paths.api.importJob({ jobId: job.id }),
        selfUrl: paths.data.importJob({ jobId: job.id }),
        labels: FORMAT_LABELS,
      });
    },
  });
}
