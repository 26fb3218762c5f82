import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildChild,
  buildImmigrationStatus,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  type ChildRef,
} from '../../../../test/support/builders';
import {
  buildPopulation,
  FY2025,
  indicatorItems,
  indicatorValue,
  MARCH_2026,
} from '../../../../test/support/indicators';
import type { Tx } from '../../../db/client';

/** A period of care with one legal status for all of it and the placements given as [start, end] pairs. */
async function inCare(
  db: Tx,
  child: ChildRef,
  start: string,
  end: string | null,
  opts: { ls?: string; continuedFrom?: string; placements?: Array<[string, string | null]> } = {},
) {
  const poc = await buildPeriodOfCare(db, child, {
    startDate: start,
    endDate: end,
    continuedFrom: opts.continuedFrom ?? null,
  });
  await buildLegalStatus(db, child, {
    periodOfCareId: poc.id,
    legalStatus: opts.ls ?? 'C2',
    startDate: start,
    endDate: end,
  });
  for (const [s, e] of opts.placements ?? [])
    await buildPlacement(db, child, { periodOfCareId: poc.id, startDate: s, endDate: e });
  return poc;
}

describeEachEngine('children in care: numbers, starts, ceases, 3+ placements, UASC', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    // 18 × 500 = 9,000 children aged 0–17 at mid-2025.
    await buildPopulation(db, la.id, 2025, 500);
    const child = async (name: string) => {
      const c = await buildChild(db, { authorityId: la.id });
      ids[name] = c.id;
      return c;
    };

    // Ann: in care since 2024; placements ending 31 March 2025 (the day before the 12 months: not counted), then two
    // in the year → 2 placements. UASC throughout.
    const ann = await child('ann');
    await inCare(db, ann, '2024-01-10', null, {
      placements: [
        ['2024-01-10', '2025-03-31'],
        ['2025-03-31', '2025-09-01'],
        ['2025-09-01', null],
      ],
    });
    await buildImmigrationStatus(db, ann, { status: 'UASC', startDate: '2024-01-10', endDate: null });
    // Bob: started 1 May 2025; three placements (the second change keeps the carer: still a placement) → 3+.
    // His UASC status ended 30 March 2026, before the period end.
    const bob = await child('bob');
    await inCare(db, bob, '2025-05-01', null, {
      ls: 'C1',
      placements: [
        ['2025-05-01', '2025-06-01'],
        ['2025-06-01', '2025-07-01'],
        ['2025-07-01', null],
      ],
    });
    await buildImmigrationStatus(db, bob, { status: 'UASC', startDate: '2025-05-01', endDate: '2026-03-30' });
    // Cat: short breaks only (V3), three placements, UASC: left out of everything.
    const cat = await child('cat');
    await inCare(db, cat, '2025-06-01', null, {
      ls: 'V3',
      placements: [
        ['2025-06-01', '2025-07-01'],
        ['2025-07-01', '2025-08-01'],
        ['2025-08-01', null],
      ],
    });
    await buildImmigrationStatus(db, cat, { status: 'UASC', startDate: '2025-06-01', endDate: null });
    // Dan: ceased 15 October 2025, started again 1 February 2026 → one cease, one start; 2 placements in the year.
    const dan = await child('dan');
    await inCare(db, dan, '2023-01-01', '2025-10-15', { placements: [['2023-01-01', '2025-10-15']] });
    await inCare(db, dan, '2026-02-01', null, { placements: [['2026-02-01', null]] });
    await buildImmigrationStatus(db, dan, { status: 'Asylum seeker', startDate: '2023-01-01', endDate: null });
    // Eve: two periods of care starting in the year → one child starting; one ceasing; 3 placements across them.
    const eve = await child('eve');
    await inCare(db, eve, '2025-04-10', '2025-05-10', { placements: [['2025-04-10', '2025-05-10']] });
    await inCare(db, eve, '2025-08-01', null, {
      ls: 'V2',
      placements: [
        ['2025-08-01', '2025-12-01'],
        ['2025-12-01', null],
      ],
    });
    // Fay: her period of care began before the earliest record held (continued_from P): looked after, not a start.
    const fay = await child('fay');
    await inCare(db, fay, '2025-04-01', null, { continuedFrom: 'P', placements: [['2025-04-01', null]] });
    // Gus: ceased on 31 March 2026, the period end: a cease, not looked after at the end.
    const gus = await child('gus');
    await inCare(db, gus, '2020-01-01', '2026-03-31', { placements: [['2020-01-01', '2026-03-31']] });
    // Hal: ceased 1 April 2025 (the first day of the year): a cease. Ivy: ceased 31 March 2025: not in the year.
    await inCare(db, await child('hal'), '2024-05-01', '2025-04-01');
    await inCare(db, await child('ivy'), '2024-06-01', '2025-03-31');
    // Someone in another authority.
    const elsewhere = await buildChild(db, { authorityId: other.id });
    await inCare(db, elsewhere, '2025-06-01', null, { placements: [['2025-06-01', null]] });
  });

  it('children in care at 31 March 2026: Ann, Bob, Dan, Eve, Fay = 5 (not Cat: short breaks; not Gus: ceased that day); 5 ÷ 9,000 × 10,000 = 5.6', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-per-10k', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [5, 9000, 5.6]);
    const items = await indicatorItems(db, 'cla-per-10k', la.id, FY2025);
    assert.deepEqual(
      items.map((i) => i.subjectId).sort((a, b) => a - b),
      [ids.ann, ids.bob, ids.dan, ids.eve, ids.fay].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
  });

  it('starts in 2025/26: Bob, Dan, Eve (twice, counted once) = 3 children (not Cat, not Fay) → 3.3 per 10,000', async () => {
    const v = await indicatorValue(ctx.database.db, 'cla-starts-per-10k', la.id, FY2025);
    assert.deepEqual([v.numerator, v.value], [3, 3.3]);
  });

  it('ceases in 2025/26: Dan, Eve, Gus (31 March 2026), Hal (1 April 2025) = 4 (not Ivy, 31 March 2025) → 4.4; March 2026: Gus = 1 → 1.1', async () => {
    const db = ctx.database.db;
    const year = await indicatorValue(db, 'cla-ceases-per-10k', la.id, FY2025);
    assert.deepEqual([year.numerator, year.value], [4, 4.4]);
    const march = await indicatorValue(db, 'cla-ceases-per-10k', la.id, MARCH_2026);
    assert.deepEqual([march.numerator, march.value], [1, 1.1]);
  });

  it('3 or more placements in the 12 months to 31 March 2026: Bob (3) and Eve (3 across two periods) of 5 = 40%; Ann has 2 (one ended the day before the 12 months)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'cla-3-plus-placements', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 5, 40]);
    const items = await indicatorItems(db, 'cla-3-plus-placements', la.id, FY2025);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.detail]]));
    assert.deepEqual(byChild.get(ids.ann as number), [0, '2 placement(s) in 12 months']);
    assert.deepEqual(byChild.get(ids.bob as number), [1, '3 placement(s) in 12 months']);
    assert.deepEqual(byChild.get(ids.dan as number), [0, '2 placement(s) in 12 months']);
    assert.deepEqual(byChild.get(ids.eve as number), [1, '3 placement(s) in 12 months']);
    assert.deepEqual(byChild.get(ids.fay as number), [0, '1 placement(s) in 12 months']);
  });

  it('UASC at 31 March 2026: Ann only = 1 (Bob’s status ended, Cat is short breaks, Dan is an asylum seeker)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'uasc', la.id, FY2025);
    assert.deepEqual([v.numerator, v.value], [1, 1]);
    const items = await indicatorItems(db, 'uasc', la.id, FY2025);
    assert.deepEqual(
      items.map((i) => i.subjectId),
      [ids.ann],
    );
  });
});
