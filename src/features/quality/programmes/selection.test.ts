/**
 * Case selection, worked by hand on both engines. As at 15 March 2026 unless a test says otherwise.
 *
 * Population (a social-worker allocation open that day): Alpha (assessment) has 8 children open, Beta (cin-cp) 4,
 * so 12. Left out: an allocation that ended on 14 March (the day before), one that starts on 16 March (the day
 * after), a child with only a personal adviser, and another authority's child. In: an allocation ending on 15 March.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditProgrammeCases, auditProgrammes } from '../../../db/schema/index';
import type { Tx } from '../../../db/client';
import {
  buildAllocation,
  buildAuthority,
  buildCareLeaver,
  buildChild,
  buildCpPlan,
  buildLegalStatus,
  buildMissingEpisode,
  buildPathwayPlanReview,
  buildPeriodOfCare,
  buildPlacement,
  buildReferral,
  buildTeam,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { previousMonth } from './filters';
import {
  draw,
  filteredChildren,
  openChildren,
  selectCases,
  type PopulationChild,
  type SelectionSettings,
} from './selection';

const AS_AT = '2026-03-15';

/** An auditor that only notes it was called (the access log itself is tested elsewhere). */
function fakeAudit(): Auditor & { calls: number } {
  let calls = 0;
  return {
    action: 'test',
    get recorded() {
      return calls > 0;
    },
    get calls() {
      return calls;
    },
    async record() {
      calls += 1;
    },
  };
}

const settings = (over: Partial<SelectionSettings>): SelectionSettings => ({
  method: 'random',
  asAt: AS_AT,
  seed: 48213,
  size: 4,
  scope: { kind: 'authority' },
  strata: null,
  filter: null,
  ...over,
});

describe('the draw (pure)', () => {
  // Team A 6 children, team B 3, team C 1: 10 in all; 5 places. A: 5 × 6 ÷ 10 = 3.0 → 3; B: 1.5 → 1 (rest .5);
  // C: 0.5 → 0 (rest .5). One place left; the rests tie at .5, so it goes to the larger stratum, B → 2. A 3, B 2, C 0.
  const population: PopulationChild[] = [
    ...[1, 2, 3, 4, 5, 6].map((id) => ({ childId: id, teamId: 1, teamName: 'Team A', serviceArea: 'assessment' })),
    ...[7, 8, 9].map((id) => ({ childId: id, teamId: 2, teamName: 'Team B', serviceArea: 'cin-cp' })),
    { childId: 10, teamId: 3, teamName: 'Team C', serviceArea: 'cin-cp' },
  ];

  test('stratified by team: places in proportion, 3 + 2 + 0 of 10 children', () => {
    const { cases, population: n } = draw(population, settings({ method: 'stratified', size: 5, strata: 'team' }));
    assert.equal(n, 10);
    const byStratum = (s: string) => cases.filter((c) => c.stratum === s).length;
    assert.deepEqual([byStratum('Team A'), byStratum('Team B'), byStratum('Team C')], [3, 2, 0]);
    for (const c of cases) assert.equal(c.teamName, c.stratum);
  });

  test('stratified by service area: assessment 6, cin-cp 4 of 10; 5 places → 3 and 2 exactly', () => {
    const { cases } = draw(population, settings({ method: 'stratified', size: 5, strata: 'service' }));
    assert.equal(cases.filter((c) => c.stratum === 'Assessment').length, 3);
    assert.equal(cases.filter((c) => c.stratum === 'Children in need and child protection').length, 2);
  });

  test('the order the population arrives in does not matter; the cases come back in child id order', () => {
    const s = settings({ size: 4, seed: 7 });
    const a = draw(population, s).cases.map((c) => c.childId);
    const b = draw([...population].reverse(), s).cases.map((c) => c.childId);
    assert.deepEqual(a, b);
    assert.deepEqual(
      a,
      [...a].sort((x, y) => x - y),
    );
  });

  test('random within one team draws only from that team, and a size above the team takes all of it', () => {
    const { cases, population: n } = draw(population, settings({ size: 5, scope: { kind: 'team', teamId: 2 } }));
    assert.equal(n, 3);
    assert.deepEqual(
      cases.map((c) => c.childId),
      [7, 8, 9],
    );
  });

  test('random within a service area counts only that area as the population', () => {
    const { cases, population: n } = draw(
      population,
      settings({ size: 2, scope: { kind: 'service', serviceArea: 'cin-cp' } }),
    );
    assert.equal(n, 4);
    assert.equal(cases.length, 2);
    for (const c of cases) assert.equal(c.serviceArea, 'cin-cp');
  });

  test('a filter takes every child', () => {
    const { cases, population: n } = draw(
      population,
      settings({ method: 'filter', filter: 'second-cp-plan', size: null }),
    );
    assert.equal(n, 10);
    assert.equal(cases.length, 10);
  });

  test('the month before: February for March, December of the year before for January', () => {
    assert.deepEqual(previousMonth('2026-03-15'), { from: '2026-02-01', to: '2026-03-01' });
    assert.deepEqual(previousMonth('2026-01-01'), { from: '2025-12-01', to: '2026-01-01' });
  });
});

describeEachEngine('case selection from the database', (ctx) => {
  let la = 0;
  let alpha = 0;
  let beta = 0;
  let versionId = 0;
  const open: number[] = [];
  const inAlpha: number[] = [];

  async function programme(db: Tx): Promise<number> {
    const [row] = await db
      .insert(auditProgrammes)
      .values({
        authorityId: la,
        kind: 'monthly',
        title: 'Monthly audit: March 2026',
        frameworkVersionId: versionId,
        startsOn: '2026-03-01',
        dueOn: '2026-03-31',
        createdBy: 'Test',
      })
      .returning();
    if (!row) throw new Error('no programme');
    return Number(row.id);
  }

  before(async () => {
    const db = ctx.database.db;
    la = (await buildAuthority(db)).id;
    const other = (await buildAuthority(db)).id;
    alpha = (await buildTeam(db, { authorityId: la, name: 'Alpha', serviceArea: 'assessment' })).id;
    beta = (await buildTeam(db, { authorityId: la, name: 'Beta', serviceArea: 'cin-cp' })).id;
    const pa = (await buildTeam(db, { authorityId: la, name: 'Leaving care', serviceArea: 'care-leavers' })).id;
    const elsewhere = (await buildTeam(db, { authorityId: other, name: 'Elsewhere' })).id;
    versionId = 1; // programmes refer to a framework version by id only; none is needed to select
    for (let i = 0; i < 12; i++) {
      const child = await buildChild(db, { authorityId: la });
      const teamId = i < 8 ? alpha : beta;
      // The twelfth child's allocation ends on the as-at day itself: still open that day.
      await buildAllocation(db, { child, teamId, startDate: '2025-06-01', endDate: i === 11 ? AS_AT : null });
      open.push(child.id);
      if (teamId === alpha) inAlpha.push(child.id);
    }
    const endedBefore = await buildChild(db, { authorityId: la });
    await buildAllocation(db, { child: endedBefore, teamId: alpha, startDate: '2025-01-01', endDate: '2026-03-14' });
    const startsAfter = await buildChild(db, { authorityId: la });
    await buildAllocation(db, { child: startsAfter, teamId: alpha, startDate: '2026-03-16' });
    const adviserOnly = await buildChild(db, { authorityId: la });
    await buildAllocation(db, { child: adviserOnly, teamId: pa, role: 'personal-adviser', startDate: '2025-01-01' });
    const otherChild = await buildChild(db, { authorityId: other });
    await buildAllocation(db, { child: otherChild, teamId: elsewhere, startDate: '2025-01-01' });
  });

  test('the population: 12 children open to a social worker on the day, with their team and service area', async () => {
    const found = await openChildren(ctx.database.db, la, AS_AT);
    assert.deepEqual(
      found.map((c) => c.childId),
      open,
    );
    assert.equal(
      found.filter((c) => c.teamId === alpha && c.serviceArea === 'assessment' && c.teamName === 'Alpha').length,
      8,
    );
    assert.equal(found.filter((c) => c.teamId === beta).length, 4);
  });

  test('the same seed and settings choose the same children; another seed chooses others', async () => {
    const db = ctx.database.db;
    const [p1, p2, p3] = [await programme(db), await programme(db), await programme(db)];
    const chosen = async (p: number, seed: number) => {
      const audit = fakeAudit();
      const { cases, selection } = await selectCases(db, la, p, settings({ seed }), audit);
      assert.equal(audit.calls, 1);
      assert.equal(selection.population, 12);
      return cases.map((c) => c.childId);
    };
    const first = await chosen(p1, 48213);
    const again = await chosen(p2, 48213);
    const other = await chosen(p3, 48214);
    assert.equal(first.length, 4);
    assert.deepEqual(again, first);
    assert.notDeepEqual(other, first);
    // What was stored is what was drawn, with the selection record on the programme.
    const stored = await db.select().from(auditProgrammeCases).where(eq(auditProgrammeCases.programmeId, p1));
    assert.deepEqual(
      stored.map((c) => Number(c.childId)).sort((a, b) => a - b),
      first,
    );
    const [row] = await db.select().from(auditProgrammes).where(eq(auditProgrammes.id, p1));
    assert.deepEqual(row?.selection, { ...settings({ seed: 48213 }), population: 12 });
  });

  test('random within Alpha: 3 of its 8 children; choosing again replaces the cases', async () => {
    const db = ctx.database.db;
    const p = await programme(db);
    await selectCases(db, la, p, settings({ size: 3, scope: { kind: 'team', teamId: alpha } }), fakeAudit());
    const { cases, selection } = await selectCases(
      db,
      la,
      p,
      settings({ size: 3, seed: 5, scope: { kind: 'team', teamId: alpha } }),
      fakeAudit(),
    );
    assert.equal(selection.population, 8);
    for (const c of cases) assert.ok(inAlpha.includes(c.childId));
    const stored = await db.select().from(auditProgrammeCases).where(eq(auditProgrammeCases.programmeId, p));
    assert.deepEqual(
      stored.map((c) => Number(c.childId)).sort((a, b) => a - b),
      cases.map((c) => c.childId),
    );
  });

  test('stratified by team: 6 places among Alpha 8 and Beta 4 → 6 × 8 ÷ 12 = 4 and 6 × 4 ÷ 12 = 2', async () => {
    const db = ctx.database.db;
    const { cases } = await selectCases(
      db,
      la,
      await programme(db),
      settings({ method: 'stratified', size: 6, strata: 'team' }),
      fakeAudit(),
    );
    assert.equal(cases.filter((c) => c.stratum === 'Alpha').length, 4);
    assert.equal(cases.filter((c) => c.stratum === 'Beta').length, 2);
  });

  test('choosing again is refused once an audit has started, and nothing changes', async () => {
    const db = ctx.database.db;
    const p = await programme(db);
    const { cases } = await selectCases(db, la, p, settings({}), fakeAudit());
    const first = cases[0];
    assert.ok(first);
    await db.update(auditProgrammeCases).set({ auditId: 999 }).where(eq(auditProgrammeCases.childId, first.childId));
    await assert.rejects(selectCases(db, la, p, settings({ seed: 1 }), fakeAudit()), /has started/);
    const stored = await db.select().from(auditProgrammeCases).where(eq(auditProgrammeCases.programmeId, p));
    assert.deepEqual(
      stored.map((c) => Number(c.childId)).sort((a, b) => a - b),
      cases.map((c) => c.childId),
    );
  });
});

describeEachEngine('named case filters', (ctx) => {
  let la = 0;
  let other = 0;
  let leavingCare = 0;
  const ids: Record<string, number> = {};

  const child = async (name: string, authorityId = la) => {
    const c = await buildChild(ctx.database.db, { authorityId });
    ids[name] = c.id;
    return c;
  };
  const matching = async (filter: string, asAt = AS_AT) => {
    const found = await filteredChildren(ctx.database.db, la, filter, asAt);
    const names = new Map(Object.entries(ids).map(([k, v]) => [v, k]));
    return found.map((c) => names.get(c.childId) ?? String(c.childId)).sort();
  };

  before(async () => {
    const db = ctx.database.db;
    la = (await buildAuthority(db)).id;
    other = (await buildAuthority(db)).id;
    leavingCare = (await buildTeam(db, { authorityId: la, name: 'Leaving care', serviceArea: 'care-leavers' })).id;

    // ——— second-cp-plan, as at 15 March 2026 ———
    const plan = async (
      name: string,
      plans: Array<{ start: string; end?: string | null; previous?: number }>,
      authorityId = la,
    ) => {
      const c = await child(name, authorityId);
      const ep = await buildReferral(db, c, { referralDate: '2023-01-01' });
      for (const p of plans)
        await buildCpPlan(db, c, {
          cinEpisodeId: ep.id,
          startDate: p.start,
          endDate: p.end ?? null,
          numberOfPreviousPlans: p.previous ?? 0,
        });
    };
    await plan('cp-previous-recorded', [{ start: '2026-01-10', previous: 1 }]);
    await plan('cp-earlier-in-lantern', [{ start: '2024-01-01', end: '2024-12-01' }, { start: '2026-02-01' }]);
    await plan('cp-first-plan', [{ start: '2026-01-10' }]);
    await plan('cp-starts-day-after', [{ start: '2026-03-16', previous: 1 }]);
    await plan('cp-starts-on-the-day', [{ start: '2026-03-15', previous: 2 }]);
    await plan('cp-ended-day-before', [{ start: '2025-06-01', end: '2026-03-14', previous: 1 }]);
    await plan('cp-ends-on-the-day', [{ start: '2025-06-01', end: '2026-03-15', previous: 1 }]);
    await plan('cp-other-authority', [{ start: '2026-01-10', previous: 1 }], other);

    // ——— missing-last-month: February 2026 for 15 March (UK time is GMT in February) ———
    const missing = async (name: string, startAt: string, kind = 'M') =>
      buildMissingEpisode(db, await child(name), { kind, startAt: new Date(startAt), endAt: null });
    await missing('missing-last-day-of-feb', '2026-02-28T23:30:00Z');
    await missing('missing-first-moment-of-feb', '2026-02-01T00:00:00Z');
    await missing('missing-first-moment-of-march', '2026-03-01T00:00:00Z');
    await missing('missing-last-minute-of-jan', '2026-01-31T23:59:00Z');
    await missing('away-in-feb', '2026-02-10T12:00:00Z', 'A');
    // For 10 April 2026, March in UK time: 31 March 23:30 BST is 22:30 UTC (in); 1 April 00:30 BST is 31 March 23:30 UTC (out).
    await missing('missing-31-march-bst', '2026-03-31T22:30:00Z');
    await missing('missing-1-april-bst', '2026-03-31T23:30:00Z');

    // ——— care-leaver-no-pathway-plan, as at 15 March 2026 (in force: reviewed on or after 15 September 2025) ———
    const leaver = async (
      name: string,
      eligibility: string,
      reviews: string[],
      dates: { start?: string; end?: string | null } = {},
    ) => {
      const c = await child(name);
      await buildCareLeaver(db, c, { eligibility, startDate: dates.start ?? '2025-01-01', endDate: dates.end ?? null });
      for (const r of reviews) await buildPathwayPlanReview(db, c, { reviewDate: r });
      return c;
    };
    const noPlan = await leaver('leaver-no-review', 'former-relevant', []);
    await buildAllocation(db, {
      child: noPlan,
      teamId: leavingCare,
      role: 'personal-adviser',
      startDate: '2025-01-01',
    });
    await leaver('leaver-reviewed-exactly-6-months-before', 'relevant', ['2025-09-15']);
    await leaver('leaver-reviewed-a-day-too-early', 'eligible', ['2025-01-10', '2025-09-14']);
    await leaver('leaver-qualifying', 'qualifying', []);
    await leaver('leaver-ended-day-before', 'former-relevant', [], { end: '2026-03-14' });
    await leaver('leaver-review-only-after', 'eligible', ['2026-03-16']);
    await leaver('leaver-starts-day-after', 'former-relevant', [], { start: '2026-03-16' });

    // ——— cla-three-placements: the 12 months to 15 March 2026 run from 16 March 2025 ———
    const lookedAfter = async (
      name: string,
      placements: Array<[string, string | null]>,
      period: { end?: string | null; shortBreaks?: boolean } = {},
    ) => {
      const c = await child(name);
      const poc = await buildPeriodOfCare(db, c, { startDate: '2024-01-01', endDate: period.end ?? null });
      if (period.shortBreaks)
        await buildLegalStatus(db, c, { periodOfCareId: poc.id, legalStatus: 'V3', startDate: '2024-01-01' });
      for (const [start, end] of placements)
        await buildPlacement(db, c, { periodOfCareId: poc.id, startDate: start, endDate: end });
    };
    const three: Array<[string, string | null]> = [
      ['2024-01-01', '2025-03-16'],
      ['2025-03-17', '2025-10-01'],
      ['2025-10-02', null],
    ];
    await lookedAfter('cla-three-first-ends-on-window-start', three);
    await lookedAfter('cla-first-ended-day-before-window', [
      ['2024-01-01', '2025-03-15'],
      ['2025-03-16', '2025-10-01'],
      ['2025-10-02', null],
    ]);
    await lookedAfter('cla-left-care-before', three, { end: '2026-03-01' });
    await lookedAfter('cla-third-starts-day-after', [
      ['2024-01-01', '2025-10-01'],
      ['2025-10-02', '2026-03-15'],
      ['2026-03-16', null],
    ]);
    await lookedAfter('cla-short-breaks-only', three, { shortBreaks: true });
  });

  test('second-cp-plan: previous plans recorded or earlier in Lantern; a first plan, one starting the day after or ended the day before are out', async () => {
    assert.deepEqual(await matching('second-cp-plan'), [
      'cp-earlier-in-lantern',
      'cp-ends-on-the-day',
      'cp-previous-recorded',
      'cp-starts-on-the-day',
    ]);
  });

  test('missing-last-month: the last and first moments of February in; the first moment of March, January and away episodes out', async () => {
    assert.deepEqual(await matching('missing-last-month'), ['missing-first-moment-of-feb', 'missing-last-day-of-feb']);
  });

  test('missing-last-month in summer time: for 10 April, March: its first moment and 31 March 23:30 BST in, 1 April 00:30 BST out', async () => {
    assert.deepEqual(await matching('missing-last-month', '2026-04-10'), [
      'missing-31-march-bst',
      'missing-first-moment-of-march',
    ]);
  });

  test('care-leaver-no-pathway-plan: no review, or the latest a day more than 6 months old; qualifying and closed leavers out', async () => {
    assert.deepEqual(await matching('care-leaver-no-pathway-plan'), [
      'leaver-no-review',
      'leaver-review-only-after',
      'leaver-reviewed-a-day-too-early',
    ]);
  });

  test('a filtered child’s team is their open allocation’s, whatever its role; none when they have none', async () => {
    const found = await filteredChildren(ctx.database.db, la, 'care-leaver-no-pathway-plan', AS_AT);
    const byId = new Map(found.map((c) => [c.childId, c]));
    assert.equal(byId.get(ids['leaver-no-review'] ?? 0)?.teamId, leavingCare);
    assert.equal(byId.get(ids['leaver-no-review'] ?? 0)?.serviceArea, 'care-leavers');
    assert.equal(byId.get(ids['leaver-reviewed-a-day-too-early'] ?? 0)?.teamId, null);
  });

  test('cla-three-placements: a placement ending on the window’s first day counts, one ending the day before does not', async () => {
    assert.deepEqual(await matching('cla-three-placements'), ['cla-three-first-ends-on-window-start']);
  });
});
