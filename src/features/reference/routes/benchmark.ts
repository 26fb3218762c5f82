/**
 * POST /admin/reference/benchmark: sets the published authority (and region) this authority is benchmarked against.
 */
import { z } from 'zod';
import { paths } from '../../../web/paths';
import type { RouteBuilder } from '../../../web/route';
import { formText, str } from '../../../web/form-input';
import { setBenchmarkAuthority } from '../benchmarks';
import { render } from './render';

const benchmarkForm = z.strictObject({
  benchmarkLaNumber: formText.pipe(z.string().trim().max(10)),
  region: formText.pipe(z.string().trim().max(60)),
});

export function benchmarkPage(r: RouteBuilder): void {
  r.page({
    method: 'post',
    path: paths.reference.benchmark,
    access: 'reference:manage',
    audit: 'reference.benchmark-authority',
    body: benchmarkForm,
    invalid: async ({ res, services, user }, form) => {
      const values = {
        benchmarkLaNumber: str(form.input.benchmarkLaNumber).trim(),
        region: str(form.input.region).trim(),
      };
      await render({ res, services, user }, { errors: form.errors, values }, 400);
    },
    handler: async ({ res, services, user, audit, body }) => {
      const changed = await setBenchmarkAuthority(services.db, user.authorityId, {
        benchmarkLaNumber: body.benchmarkLaNumber,
        region: body.region || null,
      });
      await audit.record(services.db, {
        recordType: 'authority',
        recordId: String(user.authorityId),
        detail: {
          benchmarkLaNumberBefore: changed.before.benchmarkLaNumber,
          regionBefore: changed.before.region,
          benchmarkLaNumber: changed.after.benchmarkLaNumber,
          region: changed.after.region,
        },
      });
      res.redirect(303, `${paths.reference.index({})}?saved=1`);
    },
  });
}
