/**
 * Column helpers shared by every table, so that the same concept is spelled the same way everywhere.
 * Dates are ISO strings (YYYY-MM-DD): statutory rules work in calendar dates, never in instants.
 */
import { bigint, bigserial, date, integer, timestamp } from 'drizzle-orm/pg-core';

export const id = () => bigserial('id', { mode: 'number' }).primaryKey();
export const ref = (name: string) => bigint(name, { mode: 'number' });
export const authorityId = () => integer('authority_id').notNull();
export const day = (name: string) => date(name, { mode: 'string' });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const createdAt = () => instant('created_at').notNull().defaultNow();
/**
 * The import that wrote a row (null for rows made in Lantern or by the demo generator). A newer import of the same
 * source and period replaces exactly the rows of the import it supersedes.
 */
export const importBatchId = () => bigint('import_batch_id', { mode: 'number' });
