/**
 * The working-day calendar table (working_day_calendar) that SQL counts working days with, and the bank holidays
 * it is built from: the built-in England and Wales list (src/domain/bank-holidays.ts) until a GOV.UK
 * bank-holidays.json has been imported, then the imported dates for the years the file covers.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { markWorkDueStale } from '../../db/work-due-state';
import { installBankHolidays } from '../../domain/bank-holidays';
import { dayOfWeek, fromDayNumber, isWorkingDayNumber, toDayNumber } from '../../domain/working-days';

/** The calendar covers 2000–2045: every date a child's record or a timescale is likely to need. */
export const CALENDAR_FIRST = '2000-01-01';
export const CALENDAR_LAST = '2045-12-31';

const ready = new WeakSet<object>();

/** Loads imported bank holidays (if any) into the working-day functions. */
export async function loadImportedBankHolidays(db: Tx): Promise<number> {
  const result = await rows<{ date: string; title: string }>(
    db,
    sql`select date::text as date, title from bank_holidays where division = 'england-and-wales' order by date`,
  );
  if (result.length > 0) installBankHolidays(result);
  return result.length;
}

/** Rebuilds the calendar table from the bank holidays now in force. */
export async function rebuildWorkingDayCalendar(db: Tx): Promise<void> {
  const first = toDayNumber(CALENDAR_FIRST);
  const last = toDayNumber(CALENDAR_LAST);
  const days: string[] = [];
  const ranks: number[] = [];
  const working: boolean[] = [];
  let rank = 0;
  for (let d = first; d <= last; d++) {
    const isWorking = dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6 && isWorkingDayNumber(d);
    if (isWorking) rank++;
    days.push(fromDayNumber(d));
    ranks.push(rank);
    working.push(isWorking);
  }
  await db.execute(sql`delete from working_day_calendar`);
  await db.execute(sql`
    insert into working_day_calendar (day, rank, is_working_day)
    select * from unnest(${`{${days.join(',')}}`}::date[], ${`{${ranks.join(',')}}`}::int[], ${`{${working.join(',')}}`}::boolean[])`);
  // Statistics now, so that the planner knows the table's size and spread from the first query that joins it.
  await db.execute(sql`analyze working_day_calendar`);
  // Every due date counted in working days may move.
  await markWorkDueStale(db, null);
}

/** Makes sure the calendar table is filled and matches the bank holidays in force (once per database handle). */
export async function ensureWorkingDayCalendar(db: Tx): Promise<void> {
  if (ready.has(db)) return;
  await loadImportedBankHolidays(db);
  const result = await rows<{ n: string | number }>(db, sql`select count(*) as n from working_day_calendar`);
  if (Number(result[0]?.n ?? 0) === 0) await rebuildWorkingDayCalendar(db);
  ready.add(db);
}

/** After an import of bank holidays: the calendar is rebuilt and every handle re-checks. */
export function forgetWorkingDayCalendar(db: Tx): void {
  ready.delete(db);
}
