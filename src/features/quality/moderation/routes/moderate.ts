/**
 * GET|POST /quality/audits/:auditId/moderate: the moderation form (level, external moderator, each domain's grade and
 * reason, the overall grade and reason), or the page refusing it (403 for the audit's own auditor, 409 for a draft).
 * The form's rules need the audit (its domains, the auditor's grades): the service checks them (`moderationForm`), after
 * the refusals, and its ValidationError shows the form again.
 */
import type { Request, Response } from 'express';
import { z } from 'zod';
import { MODERATION_LEVELS } from '../../../../db/schema/index';
import { GRADES, GRADE_LABELS } from '../../../../domain/ofsted';
import { todayInLondon } from '../../../../domain/today';
import { ConflictError, NotFoundError, type FieldError } from '../../../../core/errors';
import { formText, str, type FormBody } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { PageContext, RouteBuilder } from '../../../../web/route';
import { formatDay } from '../../actions/service';
import { auditForModeration, LEVEL_LABELS, moderate, refusal, type AuditForModeration } from '../service';
import { idOf } from './shared';

/** The fields the form posts (each domain's `grade-<id>` and `reason-<id>`). */
const moderationFields = z.record(
  z.string().regex(/^(?:level|externalModerator|overallGrade|overallReason|(?:grade|reason)-\d+)$/),
  formText,
);

function auditIdFrom(req: Request): number {
  const id = idOf(req.params.auditId);
  if (id === null) throw new NotFoundError();
  return id;
}

async function auditFor(ctx: Pick<PageContext, 'req' | 'user' | 'services'>): Promise<AuditForModeration> {
  return auditForModeration(ctx.services.db, ctx.user, auditIdFrom(ctx.req));
}

function gradeItems(chosen: string, name: string) {
  return GRADES.map((g, i) => ({
    value: g,
    text: GRADE_LABELS[g],
    checked: g === chosen,
    ...(i === 0 ? { id: name } : {}),
  }));
}

/** The form's model: posted values when re-shown after an error, else the defaults (the current agreed grades). */
function formModel(audit: AuditForModeration, body: FormBody | null, requestedLevel: string | null) {
  const level = body
    ? str(body.level)
    : requestedLevel && (MODERATION_LEVELS as readonly string[]).includes(requestedLevel)
      ? requestedLevel
      : audit.lastLevel === 'double-lock'
        ? 'triple-lock'
        : '';
  const overall = body ? str(body.overallGrade) : (audit.agreedOverallGrade ?? audit.overallGrade ?? '');
  return {
    level,
    externalModerator: body ? str(body.externalModerator) : '',
    overallGrade: overall,
    overallItems: gradeItems(overall, 'overallGrade'),
    overallReason: body
      ? str(body.overallReason)
      : audit.agreedOverallGrade && audit.agreedOverallGrade !== audit.overallGrade
        ? audit.lastOverallReason
        : '',
    domains: audit.domains.map((d) => {
      const chosen = body ? str(body[`grade-${d.domainId}`]) : (d.agreedGrade ?? d.auditorGrade);
      return {
        domainId: d.domainId,
        title: d.title,
        auditorGrade: GRADE_LABELS[d.auditorGrade],
        agreedGrade: d.agreedGrade ? GRADE_LABELS[d.agreedGrade] : null,
        narrative: d.narrative,
        items: gradeItems(chosen, `grade-${d.domainId}`),
        reason: body
          ? str(body[`reason-${d.domainId}`])
          : d.agreedGrade && d.agreedGrade !== d.auditorGrade
            ? d.lastReason
            : '',
      };
    }),
  };
}

function renderForm(
  res: Response,
  audit: AuditForModeration,
  model: ReturnType<typeof formModel>,
  errors: FieldError[],
  status = 200,
): void {
  res.status(status).render('quality/moderation/views/moderate.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Moderate audit ${audit.auditId}`,
    errors,
    audit: {
      ...audit,
      overallGradeText: audit.overallGrade ? GRADE_LABELS[audit.overallGrade] : 'Not given',
      agreedOverallText: audit.agreedOverallGrade ? GRADE_LABELS[audit.agreedOverallGrade] : null,
      submittedText: audit.submittedOn ? formatDay(audit.submittedOn) : 'Not submitted',
      lastLevelText: audit.lastLevel ? LEVEL_LABELS[audit.lastLevel] : null,
    },
    model,
    auditHref: paths.quality.audit({ auditId: audit.auditId }),
    childHref: paths.children.show({ childId: audit.childLanternId }),
    actionHref: paths.quality.moderateAudit({ auditId: audit.auditId }),
  });
}

function renderRefusal(
  res: Response,
  audit: AuditForModeration,
  refused: { status: 403 | 409; message: string },
): void {
  res.status(refused.status).render('quality/moderation/views/refused.njk', {
    pageTitle: refused.status === 403 ? 'You cannot moderate this audit' : 'This audit cannot be moderated yet',
    heading: refused.status === 403 ? 'You cannot moderate this audit' : 'This audit cannot be moderated yet',
    message: refused.message,
    auditHref: paths.quality.audit({ auditId: audit.auditId }),
    queueHref: paths.quality.moderation({}),
  });
}

export function moderateRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.moderateAudit,
    access: 'audit:moderate',
    audit: 'quality.audit.moderate.view',
    handler: async ({ req, res, user, services, audit }) => {
      const found = await auditForModeration(services.db, user, auditIdFrom(req));
      const refused = refusal(user, found);
      if (refused) {
        renderRefusal(res, found, refused);
        return;
      }
      await audit.record(services.db, { recordType: 'case-audit', recordId: String(found.auditId) });
      const level = typeof req.query.level === 'string' ? req.query.level : null;
      renderForm(res, found, formModel(found, null, level), []);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.moderateAudit,
    access: 'audit:moderate',
    audit: 'quality.audit.moderate',
    body: moderationFields,
    invalid: async (ctx, form) => {
      const found = await auditFor(ctx);
      const refused = refusal(ctx.user, found);
      if (refused) {
        renderRefusal(ctx.res, found, refused);
        return;
      }
      renderForm(ctx.res, found, formModel(found, form.input, null), form.errors, 400);
    },
    handler: async (ctx) => {
      const { res, user, services, audit, body } = ctx;
      const found = await auditFor(ctx);
      const refused = refusal(user, found);
      if (refused) {
        renderRefusal(res, found, refused);
        return;
      }
      try {
        await moderate(services.db, user, found.auditId, body, audit, todayInLondon());
      } catch (e) {
        if (e instanceof ConflictError) {
          renderRefusal(res, found, { status: 409, message: e.message });
          return;
        }
        throw e;
      }
      res.redirect(303, paths.withQuery(paths.quality.moderation({}), { saved: found.auditId }));
    },
  });
}
