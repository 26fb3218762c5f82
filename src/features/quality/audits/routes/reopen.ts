/** GET|POST /quality/audits/:auditId/reopen: send a submitted audit back to draft (audit:manage), with a reason. */
import { can } from '../../../../domain/roles';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../../../../errors';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { loadAuditCore, reopenAudit } from '../service';
import { str } from '../../../../web/form-input';
import { conflictsAsPage, errorList, idParam, type Body } from './shared';

export function auditReopenRoutes(r: RouteBuilder): void {
  const renderReopen = async (ctx: PageContext, auditId: number, reason: string, errors: FieldError[], status = 200): Promise<void> => {
    const audit = await loadAuditCore(ctx.services.db, ctx.user.authorityId, auditId);
    if (!audit) throw new NotFoundError();
    if (audit.status !== 'submitted') {
      throw new ConflictError(audit.status === 'draft' ? 'This audit is a draft: there is nothing to reopen' : 'This audit has been moderated and cannot be reopened: its agreed grades stand');
    }
    ctx.res.status(status).render('quality/audits/views/reopen.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}Reopen this audit`,
      audit: { id: audit.id, auditorName: audit.auditorName, submittedOn: audit.submittedOn, programmeTitle: audit.programmeTitle },
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
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const reason = str(((ctx.req.body ?? {}) as Body).reason);
      await conflictsAsPage(ctx, auditId, async () => {
        try {
          await reopenAudit(ctx.services.db, ctx.user, auditId, reason, ctx.audit);
        } catch (e) {
          if (!(e instanceof ValidationError)) throw e;
          await renderReopen(ctx, auditId, reason, e.errors, 400);
          return;
        }
        ctx.res.redirect(303, can(ctx.user.role, 'audit:read') ? paths.quality.audit({ auditId }) : paths.quality.programmes({}));
      });
    },
  });
}
