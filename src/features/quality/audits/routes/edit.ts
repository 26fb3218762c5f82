/** The audit form (its auditor, while a draft): GET, "Save draft" and "Submit audit" (checked complete, then locked). */
import { GRADE_LABELS, GRADES } from '../../../../domain/ofsted';
import { todayInLondon } from '../../../../domain/today';
import { type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { InvalidForm, PageContext, RouteBuilder } from '../../../../web/route';
import { FEEDBACK_FROM, FEEDBACK_FROM_LABELS, readAuditForm, type AuditFormValues } from '../form';
import {
  auditDomains,
  auditFormFor,
  currentValues,
  editableAudit,
  saveAudit,
  type AuditCore,
  type AuditDomain,
} from '../service';
import { conflictsAsPage, errorList, idParam } from './shared';

/** Form values for the edit page: radios and text boxes per domain. */
function editModel(domains: readonly AuditDomain[], values: AuditFormValues, errors: readonly FieldError[]) {
  const errorFor = (field: string): { text: string } | undefined => {
    const e = errors.find((x) => x.field === field);
    return e ? { text: e.message } : undefined;
  };
  const gradeItems = (chosen: string) =>
    GRADES.map((g) => ({ value: g, text: GRADE_LABELS[g], checked: chosen === g }));
  return {
    domains: domains.map((d) => ({
      domainId: d.domainId,
      title: d.title,
      guidance: d.guidance,
      questions: d.questions,
      descriptors: GRADES.filter((g) => d.descriptors[g]).map((g) => ({
        label: GRADE_LABELS[g],
        text: d.descriptors[g] ?? '',
      })),
      gradeItems: gradeItems(values.grades[d.domainId] ?? ''),
      narrative: values.narratives[d.domainId] ?? '',
      gradeError: errorFor(`grade-${d.domainId}`),
      narrativeError: errorFor(`narrative-${d.domainId}`),
    })),
    overallItems: gradeItems(values.overallGrade),
    overallGradeError: errorFor('overallGrade'),
    feedbackItems: FEEDBACK_FROM.map((f) => ({
      value: f,
      text: FEEDBACK_FROM_LABELS[f],
      checked: values.feedbackFrom === f,
    })),
    values,
  };
}

async function renderEdit(
  ctx: PageContext,
  audit: AuditCore,
  values: AuditFormValues | null,
  errors: FieldError[],
  status = 200,
): Promise<void> {
  const db = ctx.services.db;
  await db.transaction(async (tx) => {
    const { framework, domains } = await auditDomains(tx, ctx.user.authorityId, audit);
    const shown = values ?? (await currentValues(tx, audit, domains));
    // The form shows the child's name: a view of the audit, in the access log.
    await ctx.audit.record(tx, {
      recordType: 'case-audit',
      recordId: String(audit.id),
      detail: { view: 'form', errors: errors.length },
    });
    const title = `Audit of ${audit.childName}`;
    ctx.res.status(status).render('quality/audits/views/edit.njk', {
      pageTitle: `${errors.length ? 'Error: ' : ''}${title}`,
      title,
      audit,
      framework,
      ...editModel(domains, shown, errors),
      errors,
      errorList: errorList(errors),
      saveAction: paths.quality.editAudit({ auditId: audit.id }),
      submitAction: paths.quality.submitAudit({ auditId: audit.id }),
      auditHref: paths.quality.audit({ auditId: audit.id }),
      childHref: paths.children.show({ childId: audit.lanternId }),
      actionsHref: paths.quality.auditActions({ auditId: audit.id }),
      contributionHref: paths.quality.auditContribution({ auditId: audit.id }),
    });
  });
}

export function auditEditRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.editAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.edit',
    handler: async (ctx) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await editableAudit(ctx.services.db, ctx.user, auditId);
        await renderEdit(ctx, audit, null, []);
      });
    },
  });

  /**
   * "Save draft" and "Submit audit": the form checked by the kernel against the audit's domains. A locked audit answers
   * 409 whether or not the input is good; a field too long to keep shows the form again with the saved answers.
   */
  const save = (submit: boolean) => ({
    body: (ctx: PageContext) => auditFormFor(ctx.services.db, ctx.user, idParam(ctx.req, 'auditId'), submit),
    tooLongMessage: 'A field of the audit is longer than Lantern keeps',
    invalid: async (ctx: PageContext, form: InvalidForm) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        const audit = await editableAudit(ctx.services.db, ctx.user, auditId);
        const { domains } = await auditDomains(ctx.services.db, ctx.user.authorityId, audit);
        const values = Object.keys(form.input).length > 0 ? readAuditForm(form.input, domains) : null;
        await renderEdit(ctx, audit, values, form.errors, 400);
      });
    },
    handler: async (ctx: PageContext & { body: AuditFormValues }) => {
      const auditId = idParam(ctx.req, 'auditId');
      await conflictsAsPage(ctx, auditId, async () => {
        await saveAudit(ctx.services.db, ctx.user, auditId, ctx.body, { submit, today: todayInLondon() }, ctx.audit);
        ctx.res.redirect(303, submit ? paths.quality.audit({ auditId }) : paths.quality.editAudit({ auditId }));
      });
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.editAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.save',
    ...save(false),
  });
  r.page({
    method: 'post',
    path: paths.quality.submitAudit,
    access: 'audit:conduct',
    audit: 'quality.audit.submit',
    ...save(true),
  });
}
