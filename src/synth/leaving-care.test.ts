/**
 * The demo's care leaver, special guardianship and adoption histories are ones the SSDA903 rules allow, in the suite's
 * shared small demo (seed 7, 10,000 children, six years to 14 November 2025, as generate.test.ts):
 * - a care leaver record says "eligible" only while the young person is looked after (an eligible child who has left
 *   care is relevant or former relevant: the care leaver figures and OC3 would otherwise have to read around it);
 * - a special guardianship order to former foster carers (E45, E46) ends a foster placement (rule 516);
 * - a decision to place for adoption that was reversed keeps its record when the period goes on to an order
 *   (the placement order's PlacedAdoption row, rules 553 and 557).
 * (That every year's 903 export imports with no error is data/round-trip.test.ts's.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachEngine } from '../../test/support/databases';
import { rows } from '../db/query';

const SMALL = { seed: 7, childPopulation: 10_000, years: 6, asAt: '2025-11-14' } as const;

describeEachEngine('the demo’s leaving care and permanence histories', { demo: SMALL }, (ctx) => {
  test('no care leaver record says eligible while the young person is not looked after', async () => {
    const au = ctx.demo.authorityId;
    const [row] = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from care_leavers cl
        where cl.authority_id = ${au} and cl.eligibility = 'eligible'
          and not exists (
            select 1 from periods_of_care p
            where p.child_id = cl.child_id and p.start_date <= cl.start_date
              and (p.end_date is null or p.end_date >= coalesce(cl.end_date, p.end_date)))`,
    );
    assert.equal(row?.n, 0);
  });

  test('E45 and E46 end a foster placement (U1–U6)', async () => {
    const au = ctx.demo.authorityId;
    const [row] = await rows<{ n: number; all: number }>(
      ctx.database.db,
      sql`select count(*) filter (where pl.placement_type not like 'U%')::int as n, count(*)::int as "all"
        from periods_of_care p
        join placements pl on pl.period_of_care_id = p.id and pl.end_date = p.end_date
        where p.authority_id = ${au} and p.reason_ceased in ('E45', 'E46')`,
    );
    assert.equal(row?.n, 0);
    assert.ok((row?.all ?? 0) > 0, 'the demo has special guardianship orders to former foster carers');
  });

  test('every placement order (E1) has its decision to place for adoption', async () => {
    const au = ctx.demo.authorityId;
    const [row] = await rows<{ n: number }>(
      ctx.database.db,
      sql`select count(*)::int as n from legal_statuses l
        where l.authority_id = ${au} and l.legal_status = 'E1'
          and not exists (
            select 1 from permanence_milestones m
            where m.period_of_care_id = l.period_of_care_id and m.adm_decision_date is not null)`,
    );
    assert.equal(row?.n, 0);
  });
});
