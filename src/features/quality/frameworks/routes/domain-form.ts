/** One domain of a draft: its guidance, questions and grade descriptors. */
import { GRADES } from '../../../../domain/ofsted';
import { z } from 'zod';
import { NotFoundError, type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { updateDraftDomain } from '../service';
import { formText, type FormBody } from '../../../../web/form-input';
import { GRADE_ROWS, loadDraft, numberParam, orConflict, VIEWS } from './shared';

/** The fields the form posts: guidance, questions and the four descriptors (their rules: the service's). */
const domainFields = z.record(
  z.string().regex(new RegExp(`^(?:guidance|questions|${GRADES.map((g) => `descriptor-${g}`).join('|')})$`)),
  formText,
);

export function frameworkDomainFormRoutes(r: RouteBuilder): void {
  // ——— one domain of a draft ———
  async function renderDomainForm(
    ctx: Pick<PageContext, 'req' | 'res' | 'user' | 'services'>,
    values: FormBody | null,
    errors: FieldError[] = [],
    status = 200,
  ): Promise<void> {
    const detail = await loadDraft(ctx);
    if (!detail) return;
    const domainId = numberParam(ctx.req, 'domainId');
    const domain = detail.domains.find((d) => d.domainId === domainId);
    if (!domain) throw new NotFoundError();
    const form = values
      ? {
          guidance: String(values.guidance ?? ''),
          questions: String(values.questions ?? ''),
          descriptors: Object.fromEntries(GRADES.map((g) => [g, String(values[`descriptor-${g}`] ?? '')])),
        }
      : {
          guidance: domain.guidance,
          questions: domain.questions.map((q) => q.text).join('\n'),
          descriptors: Object.fromEntries(GRADES.map((g) => [g, domain.descriptors[g] ?? ''])),
        };
    ctx.res.status(status).render(`${VIEWS}/domain-form.njk`, {
      pageTitle: `${errors.length ? 'Error: ' : ''}${domain.title}: ${detail.title}, version ${detail.version}`,
      detail,
      domain,
      form,
      gradeRows: GRADE_ROWS,
      errors,
    });
  }

  r.page({
    method: 'get',
    path: paths.quality.editFrameworkDomain,
    access: 'audit:manage',
    audit: null,
    handler: async (ctx) => renderDomainForm(ctx, null),
  });

  r.page({
    method: 'post',
    path: paths.quality.editFrameworkDomain,
    access: 'audit:manage',
    audit: 'quality.framework.domain.update',
    body: domainFields,
    // A fixed version answers 409 (loadDraft), a domain not in it 404, before any complaint about the input.
    invalid: (ctx, form) => renderDomainForm(ctx, form.input, form.errors, 400),
    handler: async ({ req, res, user, services, audit, body }) => {
      const frameworkId = numberParam(req, 'frameworkId');
      const version = numberParam(req, 'version');
      const domainId = numberParam(req, 'domainId');
      await orConflict(res, frameworkId, async () => {
        await updateDraftDomain(
          services.db,
          user.authorityId,
          frameworkId,
          version,
          domainId,
          {
            guidance: body.guidance,
            questions: body.questions,
            descriptors: Object.fromEntries(GRADES.map((g) => [g, body[`descriptor-${g}`]])),
          },
          audit,
        );
        res.redirect(
          303,
          `${paths.quality.frameworkVersion({ frameworkId, version })}?saved=domain#domain-${domainId}`,
        );
      });
    },
  });
}
