/** GET|POST /quality/audits/:auditId/contributions: record a partner’s contribution (the auditor, or audit:manage; draft). */
import { GRADE_LABELS, GRADES } from '../../../../domain/ofsted';
import { can } from '../../../../domain/roles';
import { todayInLondon } from '../../../../domain/today';
import { type FieldError } from '../../../../core/errors';
import { PARTNER_AGENCIES } from '../../../../db/schema/index';
import { paths } from '../../../../web/paths';
import { addsToAnAudit } from '../../policies';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import {
  addContribution,
  auditToAddContributionTo,
  auditToAddTo,
  contributionForm,
  mayRead,
  type AuditCore,
} from '../service';
import { dateParts, str, type FormBody } from '../../../../web/form-input';
import { AGENCY_LABELS, conflictsAsPage, errorList, idParam } from './shared';

interface SimpleForm {
  values: FormBody | null;
  errors: FieldError[];
}
async function renderContributionForm(
  ctx: PageContext,
  audit: AuditCore,
  form: SimpleForm,
  status = 200,
): Promise<void> {
  const v = form.values ?? {};
  // A multi-agency programme's own partners first, then the others.
  const first = audit.partnerAgencies.filter((a) => (PARTNER_AGENCIES as readonly string[]).includes(a));
  const agencies = [...first, ...PARTNER_AGENCIES.filter((a) => !first.includes(a))];
  ctx.res.status(status).render('quality/audits/views/contribution.njk', {
    pageTitle: `${form.errors.length ? 'Error: ' : ''}Record a partner’s contribution`,
    auditId: audit.id,
    action: paths.quality.auditContribution({ auditId: audit.id }),
    backHref: paths.quality.audit({ auditId: audit.id }),
    errors: form.errors,
    errorList: errorList(form.errors),
    agencyItems: agencies.map((a) => ({ value: a, text: AGENCY_LABELS[a] ?? a, checked: str(v.agency) === a })),
    partnersHint:
      first.length > 0
        ? `This programme asked ${first
            .map((a) => AGENCY_LABELS[a] ?? a)
            .join(', ')
            .toLowerCase()} to contribute.`
        : undefined,
    gradeItems: [
      { value: '', text: 'No grade given', checked: str(v.grade) === '' },
      ...GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g], checked: str(v.grade) === g })),
    ],
    values: {
      contributorName: str(v.contributorName),
      contributorRole: str(v.contributorRole),
      narrative: str(v.narrative),
    },
    contributed: dateParts(form.values, 'contributedOn'),
  });
}

export function auditContributionRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.auditContribution,
    access: addsToAnAudit,
    audit: null,
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await auditToAddContributionTo(ctx.services.db, ctx.user, auditId);
        await renderContributionForm(ctx, audit, { values: null, errors: [] });
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.auditContribution,
    access: addsToAnAudit,
    audit: 'quality.audit.contribution-add',
    body: async (ctx) => {
      await auditToAddTo(ctx.services.db, ctx.user, idParam(ctx.req, 'auditId'));
      return contributionForm(todayInLondon());
    },
    // An audit that is no longer a draft answers 409 before any complaint about the input.
    invalid: async (ctx, form) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await auditToAddContributionTo(ctx.services.db, ctx.user, auditId);
        await renderContributionForm(ctx, audit, { values: form.input, errors: form.errors }, 400);
      });
    },
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        await addContribution(ctx.services.db, ctx.user, auditId, ctx.body, ctx.audit);
        const readable = can(ctx.user.role, 'audit:read') && (await mayRead(ctx.services.db, ctx.user, auditId));
        ctx.res.redirect(
          303,
          readable ? `${paths.quality.audit({ auditId })}#contributions` : paths.quality.audits({}),
        );
      });
    },
  });
}
