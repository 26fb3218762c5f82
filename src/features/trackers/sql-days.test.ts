/**
 * The trackers' SQL working-day arithmetic agrees with the domain's (src/domain/working-days.ts) on every day from
 * December 2025 to January 2027 — two Christmases, an Easter and the substitute Boxing Day of 2026 — for each
 * timescale length the trackers use (1, 10, 15, 20 and 45 working days).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { addDays, addWorkingDays as domainAdd } from '../../domain/working-days';
import { ensureWorkingDayCalendar } from '../reference/calendar';
import { describeEachEngine } from '../../../test/support/databases';
import { addWorkingDays } from './queries';

describeEachEngine('trackers: working days in SQL', (ctx) => {
  it('the Nth working day after each date matches the domain function', async () => {
    const db = ctx.database.db;
    await ensureWorkingDayCalendar(db);
    for (const n of [1, 10, 15, 20, 45]) {
      const found = await rows<{ d: string; due: string | null }>(
        db,
        sql`select g.d::date::text as d, (${addWorkingDays('g.d::date', n)})::text as due
            from generate_series('2025-12-01'::date, '2027-01-31'::date, interval '1 day') as g(d) order by 1`,
      );
      assert.equal(found.length, 427);
      const wrong = found
        .filter((r) => r.due !== domainAdd(r.d, n))
        .map((r) => `${r.d} + ${n}: ${r.due} ≠ ${domainAdd(r.d, n)}`);
      assert.deepEqual(wrong, []);
    }
    assert.equal(addDays('2025-12-01', 426), '2027-01-31');
  });
});
