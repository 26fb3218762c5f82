/** GET|POST /quality/actions/:actionId: the action, and recording its completion or reopening it. */
import type { Response } from 'express';
import { z } from 'zod';
import { todayInLondon } from '../../../../domain/today';
import type { FieldError } from '../../../../core/errors';
import { dateParts, formText, str, withDateParts, type FormBody } from '../../../../web/form-input';
import { paths } from '../../../../web/paths';
import type { RouteBuilder } from '../../../../web/route';
import type { CurrentUser } from '../../../../accounts/users/service';
import { completeAction, formatDay, getAction, mayChangeAction, reopenAction, type AuditActionRow } from '../service';
import { actionIdFrom, statusTag } from './shared';

/**
 * The form as posted: "Reopen action" posts reopen=yes; "Record completion" the day (three boxes) and the note. The
 * completion's rules need the action (the day it was raised, the audit's submission): the service checks them
 * (`checkCompletion`) and its ValidationError shows the form again.
 */
const actionForm = withDateParts(
  ['completedOn'],
  z.strictObject({ completedOn: formText, completionNote: formText, reopen: formText.optional() }),
);

async function renderAction(
  res: Response,
  user: CurrentUser,
  action: AuditActionRow,
  mayChange: boolean,
  body: FormBody | null,
  errors: FieldError[],
  status = 200,
  saved: string | null = null,
): Promise<void> {
  const tag = statusTag(action);
  res.status(status).render('quality/actions/views/action.njk', {
    pageTitle: `${errors.length ? 'Error: ' : ''}Audit action ${action.id}`,
    errors,
    action: {
      ...action,
      tag,
      dueText: formatDay(action.dueOn),
      raisedText: formatDay(action.raisedOn),
      completedText: action.completedOn ? formatDay(action.completedOn) : null,
    },
    mayChange,
    completedOn: dateParts(body, 'completedOn', null),
    completionNote: body ? str(body.completionNote) : '',
    auditHref: paths.quality.audit({ auditId: action.auditId }),
    childHref: paths.children.show({ childId: action.childLanternId }),
    formAction: paths.quality.action({ actionId: action.id }),
    listHref: paths.quality.actions({}),
    isOwner: action.ownerUserId === user.id,
    saved,
  });
}

export function actionPageRoutes(r: RouteBuilder): void {
  r.page({
    method: 'get',
    path: paths.quality.action,
    access: 'audit:read',
    audit: 'quality.action.view',
    handler: async ({ req, res, user, services, audit }) => {
      const today = todayInLondon();
      const action = await getAction(services.db, user, actionIdFrom(req), today);
      const mayChange = await mayChangeAction(services.db, user, action);
      await audit.record(services.db, { recordType: 'case-audit-action', recordId: String(action.id) });
      const saved =
        req.query.saved === 'completed'
          ? 'The action has been recorded as complete.'
          : req.query.saved === 'reopened'
            ? 'The action has been reopened.'
            : null;
      await renderAction(res, user, action, mayChange, null, [], 200, saved);
    },
  });

  r.page({
    method: 'post',
    path: paths.quality.action,
    access: 'audit:read',
    audit: 'quality.action.update',
    body: actionForm,
    invalid: async ({ req, res, user, services }, form) => {
      const action = await getAction(services.db, user, actionIdFrom(req), todayInLondon());
      await renderAction(res, user, action, true, form.input, form.errors, 400);
    },
    handler: async ({ req, res, user, services, audit, body }) => {
      const today = todayInLondon();
      const actionId = actionIdFrom(req);
      const reopen = body.reopen === 'yes';
      if (reopen) await reopenAction(services.db, user, actionId, audit, today);
      else await completeAction(services.db, user, actionId, body, audit, today);
      res.redirect(
        303,
        paths.withQuery(paths.quality.action({ actionId }), { saved: reopen ? 'reopened' : 'completed' }),
      );
    },
  });
}
