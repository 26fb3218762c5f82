/** What the action pages share: the action id from the path, an action's status tag. */
import type { Request } from 'express';
import { NotFoundError } from '../../../../core/errors';
import type { AuditActionRow } from '../service';

export const idOf = (v: unknown): number | null =>
  typeof v === 'string' && /^[1-9]\d{0,14}$/.test(v.trim()) ? Number(v.trim()) : null;

export function actionIdFrom(req: Request): number {
  const id = idOf(req.params.actionId);
  if (id === null) throw new NotFoundError();
  return id;
}

function overdueText(days: number): string {
  return `Overdue by ${days} day${days === 1 ? '' : 's'}`;
}

/** The tag an action shows: overdue (red, with days), open, or complete (on time or late). */
export function statusTag(a: AuditActionRow): { text: string; classes: string } {
  if (a.status === 'complete')
    return {
      text: a.completedOn && a.completedOn > a.dueOn ? 'Completed late' : 'Completed',
      classes: 'govuk-tag--green',
    };
  if (a.overdueDays > 0) return { text: overdueText(a.overdueDays), classes: 'govuk-tag--red' };
  return { text: 'Open', classes: 'govuk-tag--blue' };
}
