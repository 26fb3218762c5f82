/** A version whole, the next draft, and publishing a draft. */
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { z } from 'zod';
import { type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import { readsFrameworks } from '../../policies';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { auditsUsing, createDraftVersion, getFramework, publishVersion } from '../service';
import { GRADE_ROWS, loadVersion, numberParam, orConflict, STATUS_TAGS, VIEWS } from './shared';

export function frameworkVersionRoutes(r: RouteBuilder): void {
  async function renderVersion(
    ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
    errors: FieldError[] = [],
    status = 200,
  ): Promise<void> {
    const detail = await loadVersion(ctx);
    const framework = await getFramework(ctx.services.db, ctx.user.authorityId, detail.frameworkId);
    const audits = await auditsUsing(ctx.services.db, ctx.user.authorityId, detail.versionId);
    const draft = framework.versions.find((v) => v.status === 'draft') ?? null;
    ctx.res.status(status).render(`${VIEWS}/version.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}${detail.title}, version ${detail.version}`,
      detail,
      framework,
      audits,
      draft,
      errors,
      statusTag: STATUS_TAGS[detail.status],
      statusTags: STATUS_TAGS,
      gradeRows: GRADE_ROWS,
      canManage: can(ctx.user.role, 'audit:manage'),
      saved: typeof ctx.req.query.saved === 'string' ? ctx.req.query.saved : null,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.frameworkVersion,
    access: readsFrameworks,
    audit: null,
    handler: async (ctx) => {
      await renderVersion(ctx);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.newFrameworkVersion,
    access: 'audit:manage',
    audit: 'quality.framework.version.create',
    handler: async ({ req, res, user, services, audit }) => {
      const frameworkId = numberParam(req, 'frameworkId');
      await orConflict(res, frameworkId, async () => {
        const version = await createDraftVersion(services.db, user.authorityId, frameworkId, audit);
        res.redirect(303, paths.quality.editFrameworkVersion({ frameworkId, version }));
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.publishFrameworkVersion,
    access: 'audit:manage',
    audit: 'quality.framework.version.publish',
    // Nothing is posted but the CSRF token; what a draft lacks (the service's ValidationError) shows the version again.
    body: z.strictObject({}),
    invalid: (ctx, form) => renderVersion(ctx, form.errors, 400),
    handler: async ({ req, res, user, services, audit }) => {
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      await orConflict(res, frameworkId, async () => {
        await publishVersion(
          services.db,
          user.authorityId,
          frameworkId,
          version,
          todayInLondon(),
          user.displayName,
          audit,
        );
        res.redirect(303, `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=published`);
      });
    },
  });
}
