import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildLegalStatus,
  buildMissingEpisode,
  buildPeriodOfCare,
  buildPlacement,
  buildVisit,
  type ChildRef,
} from '../../../../test/support/builders';
import { FY2025, indicatorItems, indicatorValue, MARCH_2026 } from '../../../../test/support/indicators';
import type { Tx } from '../../../db/client';

async function inCare(
  db: Tx,
  child: ChildRef,
  start: string,
  placements: Array<{ start: string; end?: string | null; miles?: number | null; inArea?: boolean | null }>,
) {
  const poc = await buildPeriodOfCare(db, child, { startDate: start });
  await buildLegalStatus(db, child, { periodOfCareId: poc.id, legalStatus: 'C2', startDate: start });
  for (const p of placements) {
    await buildPlacement(db, child, {
      periodOfCareId: poc.id,
      startDate: p.start,
      endDate: p.end ?? null,
      distanceMiles: p.miles ?? null,
      inArea: p.inArea ?? null,
    });
  }
  return poc;
}

describeEachEngine('children in care: placement distance and location', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };
    // d1: exactly 20 miles (not more than 20), outside the area.
    await inCare(db, await child('d1'), '2025-01-01', [{ start: '2025-01-01', miles: 20, inArea: false }]);
    // d2: 20.1 miles, outside the area.
    await inCare(db, await child('d2'), '2025-01-01', [{ start: '2025-01-01', miles: 20.1, inArea: false }]);
    // d3: neither recorded → in neither measure.
    await inCare(db, await child('d3'), '2025-01-01', [{ start: '2025-01-01' }]);
    // d4: an earlier placement 50 miles away out of area; now 5 miles, in area.
    await inCare(db, await child('d4'), '2025-01-01', [
      { start: '2025-01-01', end: '2025-06-01', miles: 50, inArea: false },
      { start: '2025-06-01', miles: 5, inArea: true },
    ]);
    // d5: moved on 31 March 2026 from 30 miles out of area to 2 miles in area: the new placement is current.
    await inCare(db, await child('d5'), '2025-01-01', [
      { start: '2025-01-01', end: '2026-03-31', miles: 30, inArea: false },
      { start: '2026-03-31', miles: 2, inArea: true },
    ]);
  });

  it('placed more than 20 miles away at 31 March 2026: d2 of d1, d2, d4, d5 = 25%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-placed-20-miles-plus', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 4, 25]);
    const items = await indicatorItems(db, 'cla-placed-20-miles-plus', la.id, FY2025);
    assert.equal(items.find((i) => i.subjectId === ids.d5)?.detail, '2.0 miles');
  });

  it('placed out of area at 31 March 2026: d1, d2 of 4 = 50%', async () => {
    const v = await indicatorValue(ctx.database.db, 'cla-placed-out-of-area', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
  });
});

describeEachEngine('children in care: visits in timescale and seen alone', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };
    const visit = (c: ChildRef, visitDate: string, seenAlone: boolean | null, seen = true, kind = 'cla') =>
      buildVisit(db, c, { kind, visitDate, seen, seenAlone });

    // At 31 March 2026. v1: placement since 2024 (long-term: 12 months or more), visited 31 December 2025 → due
    // 31 March 2026 (3 months): in timescale; seen alone.
    const v1 = await child('v1');
    await inCare(db, v1, '2024-01-01', [{ start: '2024-01-01' }]);
    await visit(v1, '2025-12-31', true);
    // v2: placement since June 2025 (not long-term), visited 17 February 2026 → due 31 March (42 days): in
    // timescale on the day; not seen alone.
    const v2 = await child('v2');
    await inCare(db, v2, '2025-06-01', [{ start: '2025-06-01' }]);
    await visit(v2, '2026-02-17', false);
    // v3: as v2, visited 16 February 2026 → due 30 March: overdue; seen alone.
    const v3 = await child('v3');
    await inCare(db, v3, '2025-06-01', [{ start: '2025-06-01' }]);
    await visit(v3, '2025-12-01', false);
    await visit(v3, '2026-02-16', true);
    // v4: a new placement on 24 March 2026, last visited before it (1 March) → due 31 March (a week): in timescale;
    // seen alone not recorded → not seen alone.
    const v4 = await child('v4');
    await inCare(db, v4, '2025-06-01', [{ start: '2025-06-01', end: '2026-03-24' }, { start: '2026-03-24' }]);
    await visit(v4, '2026-03-01', null);
    // v5: a new placement on 23 March 2026, not visited since → due 30 March: overdue. Latest visit (February 2025)
    // not seen alone.
    const v5 = await child('v5');
    await inCare(db, v5, '2025-01-01', [{ start: '2025-01-01', end: '2026-03-23' }, { start: '2026-03-23' }]);
    await visit(v5, '2025-02-01', false);
    // v6: a visit on 30 March 2026 where the child was not seen does not count; the latest seen, 1 December 2025,
    // makes the next due 12 January 2026: overdue; seen alone then.
    const v6 = await child('v6');
    await inCare(db, v6, '2025-06-01', [{ start: '2025-06-01' }]);
    await visit(v6, '2025-12-01', true);
    await visit(v6, '2026-03-30', false, false);
    // v7: in care since 1 March 2026, never visited (a CP visit does not count) → due 8 March: overdue; not in the
    // seen-alone measure.
    const v7 = await child('v7');
    await inCare(db, v7, '2026-03-01', [{ start: '2026-03-01' }]);
    await visit(v7, '2026-03-30', true, true, 'cp');
  });

  it('visited within timescale at 31 March 2026: v1, v2, v4 of 7 = 42.9%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-visits-in-timescale', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 7, 42.9]);
    const items = await indicatorItems(db, 'cla-visits-in-timescale', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.detail]]));
    assert.deepEqual(byChild.get(ids.v2 as number), [1, 'Visited 2026-02-17, next due 2026-03-31']);
    assert.deepEqual(byChild.get(ids.v3 as number), [0, 'Visited 2026-02-16, next due 2026-03-30']);
    assert.deepEqual(byChild.get(ids.v5 as number), [0, 'Visited 2025-02-01, next due 2026-03-30']);
    assert.deepEqual(byChild.get(ids.v7 as number), [0, 'Not visited, next due 2026-03-08']);
  });

  it('seen alone at the latest visit: v1, v3, v6 of v1–v6 = 50% (v7, never visited, not counted)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-visits-seen-alone', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
    const items = await indicatorItems(db, 'cla-visits-seen-alone', la.id, FY2025);
    assert.equal(
      items.some((i) => i.subjectId === ids.v7),
      false,
    );
  });
});

describeEachEngine('children in care: missing and away episodes, return home interviews', (ctx) => {
  let la: { id: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    const c = await buildChild(db, { authorityId: la.id });
    const d = await buildChild(db, { authorityId: la.id });
    const elsewhere = await buildChild(db, { authorityId: other.id });
    const at = (iso: string) => new Date(iso);
    // m1: went missing 00:30 on 1 April 2025 in England (BST; 23:30 UTC on 31 March) → in 2025/26; back 2 April
    // 10:00 UTC; RHI offered, accepted, completed exactly 72 hours after the return.
    await buildMissingEpisode(db, c, {
      kind: 'M',
      startAt: at('2025-03-31T23:30:00Z'),
      endAt: at('2025-04-02T10:00:00Z'),
      rhiOfferedDate: '2025-04-02',
      rhiAcceptedDate: '2025-04-03',
      rhiCompletedAt: at('2025-04-05T10:00:00Z'),
    });
    // m2: went missing 00:30 on 1 April 2026 in England (23:30 UTC on 31 March) → not in 2025/26, nor March 2026.
    await buildMissingEpisode(db, c, {
      kind: 'M',
      startAt: at('2026-03-31T23:30:00Z'),
      endAt: at('2026-04-01T10:00:00Z'),
    });
    // m3: went missing 23:30 on 31 March 2025 in England (22:30 UTC) → before the year; back on 1 April → ended in
    // it; RHI offered only.
    await buildMissingEpisode(db, d, {
      kind: 'M',
      startAt: at('2025-03-31T22:30:00Z'),
      endAt: at('2025-04-01T08:00:00Z'),
      rhiOfferedDate: '2025-04-01',
    });
    // m4: October 2025; RHI offered, accepted, completed 72 hours and a minute after the return → not within 72 hours.
    await buildMissingEpisode(db, d, {
      kind: 'M',
      startAt: at('2025-10-01T12:00:00Z'),
      endAt: at('2025-10-02T12:00:00Z'),
      rhiOfferedDate: '2025-10-02',
      rhiAcceptedDate: '2025-10-02',
      rhiCompletedAt: at('2025-10-05T12:01:00Z'),
    });
    // m5: March 2026, still missing → counted as an episode, not in the RHI measures.
    await buildMissingEpisode(db, d, { kind: 'M', startAt: at('2026-03-15T12:00:00Z'), endAt: null });
    // Away: one in June 2025, one in June 2024 (before the year).
    await buildMissingEpisode(db, c, {
      kind: 'A',
      startAt: at('2025-06-01T12:00:00Z'),
      endAt: at('2025-06-01T18:00:00Z'),
    });
    await buildMissingEpisode(db, c, {
      kind: 'A',
      startAt: at('2024-06-01T12:00:00Z'),
      endAt: at('2024-06-01T18:00:00Z'),
    });
    await buildMissingEpisode(db, elsewhere, {
      kind: 'M',
      startAt: at('2025-10-01T12:00:00Z'),
      endAt: at('2025-10-02T12:00:00Z'),
      rhiOfferedDate: '2025-10-02',
    });
  });

  it('missing episodes starting in 2025/26: m1, m4, m5 = 3; in March 2026: m5 = 1', async () => {
    const db = ctx.database.db;
    assert.equal((await indicatorValue(db, 'missing-episodes', la.id, FY2025)).value, 3);
    assert.equal((await indicatorValue(db, 'missing-episodes', la.id, MARCH_2026)).value, 1);
  });

  it('away episodes starting in 2025/26: 1', async () => {
    assert.equal((await indicatorValue(ctx.database.db, 'away-episodes', la.id, FY2025)).value, 1);
  });

  it('of the 3 missing episodes ended in 2025/26 (m1, m3, m4): RHI offered 3 = 100%, accepted 2 = 66.7%, within 72 hours 1 = 33.3%', async () => {
    const db = ctx.database.db;
    const offered = await indicatorValue(db, 'rhi-offered', la.id, FY2025);
    const accepted = await indicatorValue(db, 'rhi-accepted', la.id, FY2025);
    const within = await indicatorValue(db, 'rhi-within-72-hours', la.id, FY2025);
    assert.deepEqual(
      [offered, accepted, within].map((v) => [v.numerator, v.denominator, v.value]),
      [
        [3, 3, 100],
        [2, 3, 66.7],
        [1, 3, 33.3],
      ],
    );
  });
});
