/**
 * Whether an authority's work due (the trackers' rows for today, table work_due) still stands. Everything that
 * changes children's events or the working-day calendar calls markWorkDueStale in its own transaction; the trackers
 * recompute an authority's rows when its state is missing or for another day (src/features/trackers/work-due.ts).
 *
 * Both sides take the same transaction-scoped advisory lock for the authority, so a recomputation that began before
 * an import committed cannot mark its rows current after the import: whichever comes second waits for the first.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from './client';

/** The first key of the advisory lock (the second is the authority). */
const WORK_DUE_LOCK = 7301;

/** Takes the authority's work-due lock until the transaction ends. */
export async function lockWorkDue(tx: Tx, authorityId: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${WORK_DUE_LOCK}, ${authorityId})`);
}

/** The authority's work due is out of date (null: every authority's, after the calendar changed). */
export async function markWorkDueStale(tx: Tx, authorityId: number | null): Promise<void> {
  if (authorityId === null) {
    await tx.execute(sql`delete from work_due_state`);
    return;
  }
  await lockWorkDue(tx, authorityId);
  await tx.execute(sql`delete from work_due_state where authority_id = ${authorityId}`);
}

/** markWorkDueStale for one authority as plain statements, for a bulk load's connection (BulkLoader.exec). */
export function workDueStaleStatements(authorityId: number): string {
  if (!Number.isSafeInteger(authorityId)) throw new Error(`Not an authority id: ${authorityId}`);
  return `SELECT pg_advisory_xact_lock(${WORK_DUE_LOCK}, ${authorityId}); DELETE FROM work_due_state WHERE authority_id = ${authorityId}`;
}
