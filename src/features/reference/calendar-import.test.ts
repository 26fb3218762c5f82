/**
 * Importing bank holidays changes working days in SQL (the calendar table) and in JS (src/domain/working-days.ts).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { ENGLAND_AND_WALES_BANK_HOLIDAYS, installBankHolidays } from '../../domain/bank-holidays';
import { workingDaysBetween } from '../../domain/working-days';
import { workingDaysBetween as workingDaysBetweenSql } from '../indicators/sql';
import { describeEachEngine } from '../../../test/support/databases';
import { ensureWorkingDayCalendar } from './calendar';
import { importReferenceFiles } from './import';

/** GOV.UK's bank-holidays.json in the published shape (a snapshot of 2025–2028: test/fixtures/reference/README.md). */
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reference', import.meta.url));
const BUILT_IN_2026 = ENGLAND_AND_WALES_BANK_HOLIDAYS.filter((h) => h.date.startsWith('2026'));

describeEachEngine('bank holidays imported into the working-day calendar', (ctx) => {
  let dir: string;
  let extra: string;

  before(async () => {
    // The JS list is process-wide: start each engine's suite from the built-in 2026 dates.
    installBankHolidays(BUILT_IN_2026);
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-bh-'));
    // A GOV.UK-shaped file for 2026 with one extra (synthetic) holiday on Monday 15 June 2026.
    extra = path.join(dir, 'bank-holidays.json');
    const events = [...BUILT_IN_2026, { date: '2026-06-15', title: 'Extra bank holiday (synthetic)' }].map((h) => ({
      ...h,
      notes: '',
      bunting: true,
    }));
    await writeFile(
      extra,
      JSON.stringify({
        'england-and-wales': { division: 'england-and-wales', events },
        scotland: { division: 'scotland', events: [] },
      }),
    );
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function sqlDays(from: string, to: string): Promise<number> {
    const db = ctx.database.db;
    await ensureWorkingDayCalendar(db);
    const [r] = await rows<{ n: unknown }>(
      db,
      sql`select ${workingDaysBetweenSql(sql`${from}::date`, sql`${to}::date`)} as n`,
    );
    return Number(r?.n);
  }

  it('before: Friday 12 June → Tuesday 16 June 2026 is 2 working days (Mon 15, Tue 16) in SQL and JS', async () => {
    assert.equal(await sqlDays('2026-06-12', '2026-06-16'), 2);
    assert.equal(workingDaysBetween('2026-06-12', '2026-06-16'), 2);
  });

  it('after importing a file that adds Monday 15 June 2026: 1 working day in SQL and JS; 2026 holds 9 dates, also after a re-run', async () => {
    const result = await importReferenceFiles(ctx.database.db, [{ name: 'bank-holidays.json', path: extra }], 'test');
    assert.deepEqual(
      result.files.map((f) => [f.kind, f.source, f.rows]),
      [['bank-holidays', 'govuk-bank-holidays-json', 9]],
    );
    assert.equal(await sqlDays('2026-06-12', '2026-06-16'), 1);
    assert.equal(workingDaysBetween('2026-06-12', '2026-06-16'), 1);
    await importReferenceFiles(ctx.database.db, [{ name: 'bank-holidays.json', path: extra }], 'test');
    const [n] = await rows<{ n: unknown }>(
      ctx.database.db,
      sql`select count(*) as n from bank_holidays where extract(year from date) = 2026`,
    );
    assert.equal(Number(n?.n), 9);
  });

  it('a published GOV.UK snapshot for 2025–2028 replaces those years, removing the synthetic 15 June: back to 2 days', async () => {
    const file = path.join(FIXTURES, 'calendars/govuk_bank-holidays_unscripted-dayseven_2026-08-21.json');
    const result = await importReferenceFiles(ctx.database.db, [{ name: 'govuk.json', path: file }], 'test');
    assert.match(result.files[0]?.note ?? '', /replacing 2025–2028/);
    assert.equal(await sqlDays('2026-06-12', '2026-06-16'), 2);
    assert.equal(workingDaysBetween('2026-06-12', '2026-06-16'), 2);
    // Christmas 2026 is a Friday, Boxing Day a Saturday → substitute Monday 28 December: Thu 24 → Tue 29 = 1 day (Tue 29).
    assert.equal(await sqlDays('2026-12-24', '2026-12-29'), 1);
  });
});
