import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { describeEachEngine } from '../../test/support/databases';
import { authorities, children } from './schema/index';

describeEachEngine('database client', (ctx) => {
  test('migrations apply and are safe to re-run', async () => {
    await ctx.database.migrate();
    const rows = await ctx.database.db.execute(
      sql`select count(*)::int as n from information_schema.tables where table_name = 'children'`,
    );
    assert.equal((rows as { rows: Array<{ n: number }> }).rows[0]?.n, 1);
  });

  test('copyRows loads CSV rows, with nulls, quotes and commas intact, and the Lantern ID is derived from the id', async () => {
    const [authority] = await ctx.database.db.insert(authorities).values({ code: 'T1', name: 'Test' }).returning();
    assert.ok(authority);
    await ctx.database.copyRows(
      'children',
      ['id', 'authority_id', 'la_child_id', 'first_name', 'last_name', 'date_of_birth', 'sex', 'ethnicity'],
      [
        [42, authority.id, 'A1', 'Ada, "Jr"', "O'Neil", '2015-03-01', 'F', 'WBRI'],
        [43, authority.id, 'A2', 'Ben', 'Lee', null, 'M', 'BAFR'],
      ],
    );
    const rows = await ctx.database.db.select().from(children).orderBy(children.id);
    assert.equal(rows.length, 2);
    assert.equal(rows[0]?.firstName, 'Ada, "Jr"');
    assert.equal(rows[0]?.lanternId, 'L0000042');
    assert.equal(rows[1]?.dateOfBirth, null);
  });
});

describeEachEngine('Lantern IDs', (ctx) => {
  test('are L and the id padded to seven digits, and longer ids are never truncated', async () => {
    const [authority] = await ctx.database.db.insert(authorities).values({ code: 'T2', name: 'Test 2' }).returning();
    assert.ok(authority);
    await ctx.database.copyRows(
      'children',
      ['id', 'authority_id', 'la_child_id', 'first_name', 'last_name', 'sex', 'ethnicity'],
      [
        [7, authority.id, 'B1', 'A', 'B', 'F', 'WBRI'],
        [12345678, authority.id, 'B2', 'C', 'D', 'M', 'WBRI'],
      ],
    );
    const rows = await ctx.database.db
      .select({ id: children.id, lanternId: children.lanternId })
      .from(children)
      .where(sql`${children.authorityId} = ${authority.id}`)
      .orderBy(children.id);
    assert.deepEqual(
      rows.map((r) => r.lanternId),
      ['L0000007', 'L12345678'],
    );
  });
});
