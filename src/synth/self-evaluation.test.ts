/**
 * The demo's self-evaluation text (self-evaluation.ts): as at 23 November 2026 the year is 2026 (financial years),
 * so 2025 and 2026 are written for all eight areas; last year's in June 2025 (2 June for the first area, 3 June for
 * the second …), this year's in June 2026, and a later version (42 days on: 15 July for the front door, the second
 * area, from 3 June; 18 July for children in care, the fifth, from 6 June) for two areas: 8 + 8 + 2 = 18 rows. It runs
 * once. As at 10 April 2026 (year 2026 too, but before June) this year's text is dated 10 April and there is no later
 * version yet: 16 rows. The text differs between the years.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import { buildAuthority } from '../../test/support/builders';
import { describeEachEngine } from '../../test/support/databases';
import { rows } from '../db/query';
import { SELF_EVALUATION_AREAS } from '../features/reports/self-evaluation/areas';
import { currentSelfEvaluation, selfEvaluationHistory } from '../features/reports/self-evaluation/service';
import { SELF_EVALUATION_AUTHORS, writeDemoSelfEvaluation } from './self-evaluation';

test('an author for every area', () => {
  assert.deepEqual(Object.keys(SELF_EVALUATION_AUTHORS).sort(), SELF_EVALUATION_AREAS.map((a) => a.key).sort());
});

describeEachEngine('the demo’s self-evaluation text', (ctx) => {
  test('as at 23 November 2026: 2025 and 2026 for all eight areas, two revised: 18 rows, dated in June and July; once only', async () => {
    const db = ctx.database.db;
    const authorityId = (await buildAuthority(db)).id;
    assert.equal(await writeDemoSelfEvaluation(db, authorityId, '2026-11-23'), 18);
    assert.equal(await writeDemoSelfEvaluation(db, authorityId, '2026-11-23'), 0, 'runs once');
    const last = await currentSelfEvaluation(db, authorityId, 2025);
    const now = await currentSelfEvaluation(db, authorityId, 2026);
    assert.equal(last.size, 8);
    assert.equal(now.size, 8);
    for (const a of SELF_EVALUATION_AREAS) {
      assert.notEqual(
        now.get(a.key)?.summary,
        last.get(a.key)?.summary,
        `${a.key}: this year’s text is not last year’s`,
      );
      for (const e of [now.get(a.key), last.get(a.key)])
        assert.ok(e?.summary && e.strengths && e.areasForImprovement && e.focus, `${a.key}: all four sections`);
    }
    assert.equal(last.get('early-help')?.createdAt.toISOString(), '2025-06-02T12:00:00.000Z');
    const frontDoor = await selfEvaluationHistory(db, authorityId, 2026, 'front-door');
    assert.deepEqual(
      frontDoor.map((e) => e.createdAt.toISOString()),
      ['2026-07-15T12:01:00.000Z', '2026-06-03T12:01:00.000Z'],
    );
    assert.match(frontDoor[0]?.focus ?? '', /winter months/);
    const inCare = await selfEvaluationHistory(db, authorityId, 2026, 'children-in-care');
    assert.equal(inCare[0]?.createdAt.toISOString().slice(0, 10), '2026-07-18');
  });

  test('as at 10 April 2026: this year’s text dated 10 April, no later version yet: 16 rows', async () => {
    const db = ctx.database.db;
    const authorityId = (await buildAuthority(db)).id;
    assert.equal(await writeDemoSelfEvaluation(db, authorityId, '2026-04-10'), 16);
    const [latest] = await rows<{ d: string }>(
      db,
      sql`select max(created_at)::date::text as d from self_evaluation_entries where authority_id = ${authorityId} and year = 2026`,
    );
    assert.equal(latest?.d, '2026-04-10');
  });
});
