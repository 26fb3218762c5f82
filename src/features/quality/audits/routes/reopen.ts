/** GET|POST /quality/audits/:auditId/reopen: send a submitted audit back to draft (audit:manage), with a reason. */
import { can } from '../../../../domain/roles';
import { ConflictError, NotFoundError, type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { loadAuditCore, reopenAudit, reopenForm } from '../service';
import { str } from '../../../../web/form-input';
import { conflictsAsPage, errorList, idParam } from './shared';

export function auditReopenRoutes(r: RouteBuilder): void {
  const renderReopen = async (
    ctx: PageContext,
    auditId: number,
    reason: string,
    errors: FieldError[],
    status = 200,
  ): Promise<void> => {
    const audit = await loadAuditCore(ctx.services.db, ctx.user.authorityId, auditId);
    if (!audit) throw new NotFoundError();
    if (audit.status !== 'submitted') {
      throw new ConflictError(
        audit.status === 'draft'
          ? 'This audit is a draft: there is nothing to reopen'
          : 'This audit has been moderated and cannot be reopened: its agreed grades stand',
      );
    }
    ctx.res.status(status).render('quality/audits/views/reopen.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Reopen this audit`,
      audit: {
        id: audit.id,
        auditorName: audit.auditorName,
        submittedOn: audit.submittedOn,
        programmeTitle: audit.programmeTitle,
      },
      action: paths.quality.reopenAudit({ auditId }),
      backHref: can(ctx.user.role, 'audit:read') ? paths.quality.audit({ auditId }) : paths.quality.programmes({}),
      reason,
      errors,
      errorList: errorList(errors),
    });
  };

  r.page({
    method: 'get',
    path: paths.quality.reopenAudit,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, () => renderReopen(ctx, auditId, '', []));
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.reopenAudit,
    access: 'audit:manage',
    audit: 'quality.audit.reopen',
    body: reopenForm,
    invalid: async (ctx, form) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, () => renderReopen(ctx, auditId, str(form.input.reason), form.errors, 400));
    },
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        await reopenAudit(ctx.services.db, ctx.user, auditId, ctx.body.reason, ctx.audit);
        ctx.res.redirect(
          303,
          can(ctx.user.role, 'audit:read') ? paths.quality.audit({ auditId }) : paths.quality.programmes({}),
        );
      });
    },
  });
}
