/** GET|POST /quality/audits/:auditId/actions: add an action (the auditor, or audit:manage). */
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import { addsToAnAudit } from '../../policies';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import {
  actionForm,
  activeUsers,
  addAction,
  auditDomains,
  auditToAddActionTo,
  auditToAddTo,
  mayRead,
  type AuditCore,
} from '../service';
import { dateParts, str, type FormBody } from '../../../../web/form-input';
import { conflictsAsPage, errorList, idParam } from './shared';

interface SimpleForm {
  values: FormBody | null;
  errors: FieldError[];
}

async function renderActionForm(ctx: PageContext, audit: AuditCore, form: SimpleForm, status = 200): Promise<void> {
  const db = ctx.services.db;
  const { domains } = await auditDomains(db, ctx.user.authorityId, audit);
  const users = await activeUsers(db, ctx.user.authorityId);
  const v = form.values ?? {};
  const chosenDomain = str(v.domainId);
  const chosenOwner = str(v.ownerUserId);
  ctx.res.status(status).render('quality/audits/views/action.njk', {
    pageTitle: `${form.errors.length ? 'Error: ' : ''}Add an action`,
    auditId: audit.id,
    auditorName: audit.auditorName,
    action: paths.quality.auditActions({ auditId: audit.id }),
    backHref:
      can(ctx.user.role, 'audit:read') || audit.auditorUserId === ctx.user.id
        ? paths.quality.audit({ auditId: audit.id })
        : paths.quality.actions({}),
    errors: form.errors,
    errorList: errorList(form.errors),
    domainItems: [
      { value: '', text: 'No particular theme', selected: chosenDomain === '' },
      ...domains.map((d) => ({
        value: String(d.domainId),
        text: d.title,
        selected: chosenDomain === String(d.domainId),
      })),
    ],
    ownerItems: [
      { value: '', text: 'Choose a person', selected: chosenOwner === '' },
      ...users.map((u) => ({ value: String(u.id), text: u.name, selected: chosenOwner === String(u.id) })),
    ],
    values: { description: str(v.description), ownerName: str(v.ownerName) },
    due: dateParts(form.values, 'dueOn'),
  });
}

export function auditActionRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.auditActions,
    access: addsToAnAudit,
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      const audit = await auditToAddTo(ctx.services.db, ctx.user, auditId);
      await renderActionForm(ctx, audit, { values: null, errors: [] });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.auditActions,
    access: addsToAnAudit,
    audit: 'quality.audit.action-add',
    body: async (ctx) => {
      const db = ctx.services.db;
      const audit = await auditToAddTo(db, ctx.user, idParam(ctx.req, 'auditId'));
      const { domains } = await auditDomains(db, ctx.user.authorityId, audit);
      return actionForm({ domains, users: await activeUsers(db, ctx.user.authorityId), today: todayInLondon() });
    },
    // A moderated audit answers 409 before any complaint about the input.
    invalid: async (ctx, form) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await auditToAddActionTo(ctx.services.db, ctx.user, auditId);
        await renderActionForm(ctx, audit, { values: form.input, errors: form.errors }, 400);
      });
    },
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        await addAction(ctx.services.db, ctx.user, auditId, ctx.body, ctx.audit);
        const readable = can(ctx.user.role, 'audit:read') && (await mayRead(ctx.services.db, ctx.user, auditId));
        ctx.res.redirect(303, readable ? `${paths.quality.audit({ auditId })}#actions` : paths.quality.actions({}));
      });
    },
  });
}
