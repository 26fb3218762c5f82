/** What the audit pages share: labels, the id from the path, the error summary's links, a locked audit's page. */
import type { Request } from 'express';
import { GRADE_LABELS, type Grade } from '../../../../domain/ofsted';
import { ConflictError, NotFoundError, type FieldError } from '../../../../core/errors';
import { paths } from '../../../../web/paths';
import type { PageContext } from '../../../../web/route';
import { GRADE_TAG } from '../../../../web/grade-tags';
import { type AuditStatus } from '../service';

/** How many audits the "All audits" list shows; the count says how many matched. */
export const LIST_LIMIT = 50;

export const STATUS_LABELS: Record<AuditStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted',
  moderated: 'Moderated',
};
export const STATUS_TAG: Record<AuditStatus, string> = {
  draft: 'govuk-tag--grey',
  submitted: 'govuk-tag--blue',
  moderated: 'govuk-tag--green',
};
export const AGENCY_LABELS: Record<string, string> = {
  police: 'Police',
  health: 'Health',
  education: 'Education',
  probation: 'Probation',
  housing: 'Housing',
  other: 'Other',
};
export const LEVEL_LABELS: Record<string, string> = {
  'double-lock': 'Double lock (manager)',
  'triple-lock': 'Triple lock (external)',
};
export const EVENT_LABELS: Record<string, string> = {
  created: 'Started',
  saved: 'Saved',
  submitted: 'Submitted',
  reopened: 'Reopened',
  moderated: 'Moderated',
  'action-added': 'Action added',
  'action-completed': 'Action completed',
  'action-reopened': 'Action reopened',
  'contribution-added': 'Partner contribution recorded',
};

export function idParam(req: Request, name: string): number {
  const raw = req.params[name];
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(value) || value < 1) throw new NotFoundError();
  return value;
}

/** Where the error summary links for a field: the first radio of a grade, the day box of a date. */
function hrefFor(field: string): string {
  if (field === 'dueOn' || field === 'contributedOn') return `#${field}-day`;
  return `#${field}`;
}

export function errorList(errors: readonly FieldError[]): Array<{ text: string; href: string }> {
  return errors.map((e) => ({ text: e.message, href: hrefFor(e.field) }));
}

export function gradeView(g: Grade | null): { text: string; classes: string } | null {
  return g ? { text: GRADE_LABELS[g], classes: GRADE_TAG[g] } : null;
}

/** A locked audit, a closed programme, a moderated audit: the reason, with a way back to the audit. */
export function renderConflict(ctx: Pick<PageContext, 'res'>, e: ConflictError, auditId: number | null): void {
  ctx.res.status(409).render('quality/audits/views/locked.njk', {
    pageTitle: 'This audit cannot be changed',
    message: e.message,
    auditHref: auditId ? paths.quality.audit({ auditId }) : null,
  });
}

export async function conflictsAsPage(
  ctx: Pick<PageContext, 'res'>,
  auditId: number | null,
  run: () => Promise<void>,
): Promise<void> {
  try {
    await run();
  } catch (e) {
    if (e instanceof ConflictError) {
      renderConflict(ctx, e, auditId);
      return;
    }
    throw e;
  }
}
