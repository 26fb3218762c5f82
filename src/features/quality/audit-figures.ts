/**
 * The audit figures an authority keeps (the monthly values of the indicators that read case audits and their grades,
 * such as audits-good-or-better) are recomputed when an audit's counted grades change after the month it was
 * submitted in may have ended: a moderation (agreed grades) or a reopening (the audit no longer counts).
 */
import { getTableName } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { caseAuditGrades, caseAudits } from '../../db/schema/index';
import { refreshKeptValues } from '../indicators/stored-values';

export async function refreshAuditFigures(db: Tx, authorityId: number, today: string): Promise<void> {
  await refreshKeptValues(db, authorityId, today, [getTableName(caseAudits), getTableName(caseAuditGrades)]);
}
