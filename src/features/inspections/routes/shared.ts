/** What the inspection pages share: the deadline tags, a record's title and date range, loading the record asked for. */
import type { Request } from 'express';
import { NotFoundError } from '../../../core/errors';
import type { PageContext } from '../../../web/route';
import { formatDate } from '../../../web/views';
import { inspectionIdParams } from '../api';
import { getInspection, type InspectionRecord } from '../service';

export const DEADLINE_TAG: Record<string, string> = {
  met: 'govuk-tag--green',
  late: 'govuk-tag--orange',
  due: 'govuk-tag--blue',
  overdue: 'govuk-tag--red',
  unknown: 'govuk-tag--grey',
};

export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  met: 'Met',
  late: 'Late',
  due: 'Due',
  overdue: 'Overdue',
  unknown: 'Check',
};

/** The largest text field of the forms (a pasted report, the paragraphs box). */
export const MAX_FIELD_BYTES = 5 * 1024 * 1024;

/** The error for a text field longer than MAX_FIELD_BYTES, on the field the page shows it at. */
export function tooLongOn(field: string): (name: string) => { field: string; message: string } {
  return (name) => ({ field, message: `The text in “${name}” is longer than ${MAX_FIELD_BYTES / 1024 / 1024} MB` });
}

/** "10 to 14 June 2024", "28 May to 1 June 2024", "10 June 2024". */
export function dateRange(start: string, end: string | null): string {
  if (!end || end === start) return formatDate(start);
  const [s, e] = [formatDate(start), formatDate(end)];
  if (start.slice(0, 7) === end.slice(0, 7)) return `${Number(start.slice(8, 10))} to ${e}`;
  if (start.slice(0, 4) === end.slice(0, 4)) return `${s.replace(/ \d{4}$/, '')} to ${e}`;
  return `${s} to ${e}`;
}

export function recordTitle(r: { kindLabel: string; startDate: string; endDate: string | null }): string {
  return `${r.kindLabel}, ${dateRange(r.startDate, r.endDate)}`;
}

function inspectionIdOf(req: Request): number {
  const parsed = inspectionIdParams.safeParse(req.params);
  if (!parsed.success) throw new NotFoundError();
  return parsed.data.inspectionId;
}

/** The record in the path, if it is this authority's (else 404). */
export async function loadOr404(ctx: Pick<PageContext, 'req' | 'services' | 'user'>): Promise<InspectionRecord> {
  const record = await getInspection(ctx.services.db, ctx.user.authorityId, inspectionIdOf(ctx.req));
  if (!record) throw new NotFoundError();
  return record;
}
