/**
 * POST /admin/reference: uploads of published files, all or nothing, with an error summary naming file, row and column.
 */
import { z } from 'zod';
import { ValidationError } from '../../../core/errors';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { IMPORT_FILES } from '../../../web/upload';
import { describeProblem, ReferenceFileError } from '../files';
import { importReferenceFiles } from '../import';
import { render } from './render';

/** Problems shown in the error summary; the rest are counted. */
const PROBLEMS_SHOWN = 20;

export function uploadPage(r: RouteBuilder): void {
  r.page({
    method: 'post',
    path: paths.reference.index,
    access: 'reference:manage',
    audit: 'reference.import',
    body: z.strictObject({}),
    files: { files: { ...IMPORT_FILES, required: 'Select the reference files to load' } },
    invalid: async ({ res, services, user }, form) => {
      await render({ res, services, user }, { errors: form.errors }, 400);
    },
    handler: async ({ res, services, user, audit, files }) => {
      let loaded;
      try {
        loaded = await importReferenceFiles(
          services.db,
          files.files.map((f) => ({ name: f.name, path: f.path })),
          user.username,
        );
      } catch (e) {
        if (!(e instanceof ReferenceFileError)) throw e;
        const errors = e.problems
          .slice(0, PROBLEMS_SHOWN)
          .map((p) => ({ field: 'files', message: describeProblem(p) }));
        if (e.problems.length > PROBLEMS_SHOWN)
          errors.push({
            field: 'files',
            message: `… and ${e.problems.length - PROBLEMS_SHOWN} more problems. Nothing was loaded.`,
          });
        else errors.push({ field: 'files', message: 'Nothing was loaded: correct the file and load it again.' });
        throw new ValidationError(errors);
      }
      await audit.record(services.db, {
        recordType: 'reference-data',
        detail: {
          files: loaded.files.length,
          rows: loaded.files.reduce((s, f) => s + f.rows, 0),
          names: loaded.files
            .map((f) => f.name)
            .join('; ')
            .slice(0, 2000),
        },
      });
      res.redirect(303, `${paths.reference.index({})}?loaded=${loaded.files.length}`);
    },
  });
}
