import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import {
  improvementActionDomains,
  improvementActionIndicators,
  improvementActionRecommendations,
} from '../../db/schema/index';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority } from '../../../test/support/builders';
import {
  buildAction,
  buildDomain,
  buildInspectionWith,
  buildObjective,
  buildProgressUpdate,
  buildTheme,
} from '../../../test/support/improvement';
import { addWorkingDays } from '../../domain/working-days';
import { isOffTrack, isOverdue } from '../../domain/improvement-status';
import { loadPlan, planActions } from './plan';

const TODAY = '2026-06-10'; // a Wednesday

it('off track for amber: the 20th working day after Wednesday 10 June 2026 is Wednesday 8 July (no bank holiday between)', () => {
  // 11,12 (2) · 15–19 (7) · 22–26 (12) · 29,30, 1,2,3 July (17) · 6,7,8 July (20).
  assert.equal(addWorkingDays(TODAY, 20), '2026-07-08');
  assert.equal(isOffTrack({ status: 'in-progress', rag: 'amber', dueDate: '2026-07-08' }, TODAY), true);
  assert.equal(isOffTrack({ status: 'in-progress', rag: 'amber', dueDate: '2026-07-09' }, TODAY), false);
  assert.equal(isOffTrack({ status: 'in-progress', rag: 'green', dueDate: '2026-06-11' }, TODAY), false);
  assert.equal(isOffTrack({ status: 'blocked', rag: 'green', dueDate: '2027-01-01' }, TODAY), true);
  assert.equal(isOffTrack({ status: 'complete', rag: 'red', dueDate: '2026-01-01' }, TODAY), false);
  assert.equal(isOverdue({ status: 'in-progress', rag: 'green', dueDate: '2026-06-09' }, TODAY), true);
  assert.equal(
    isOverdue({ status: 'in-progress', rag: 'green', dueDate: TODAY }, TODAY),
    false,
    'due today is not overdue',
  );
  assert.equal(isOverdue({ status: 'complete', rag: 'green', dueDate: '2026-06-01' }, TODAY), false);
});

describeEachEngine('the improvement plan read model', (ctx) => {
  let la: { id: number };
  let other: { id: number };
  const ids: Record<string, number> = {};
  let recs: { sif: number[]; short: number[]; fv: number[]; otherLa: number[] } = {
    sif: [],
    short: [],
    fv: [],
    otherLa: [],
  };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    other = await buildAuthority(db);
    // History: SIF 2017 (3 recommendations) → ILACS standard 2019 (1) → ILACS short 2024 (2) → focused visit 2025 (1 area for priority action).
    const sif = await buildInspectionWith(db, {
      authorityId: la.id,
      kind: 'sif',
      startDate: '2017-04-24',
      recommendations: ['S1', 'S2', 'S3'],
    });
    await buildInspectionWith(db, {
      authorityId: la.id,
      kind: 'ilacs-standard',
      startDate: '2019-05-13',
      recommendations: ['T1'],
    });
    const short = await buildInspectionWith(db, {
      authorityId: la.id,
      kind: 'ilacs-short',
      startDate: '2024-06-10',
      recommendations: ['R1', 'R2'],
    });
    const fv = await buildInspectionWith(db, {
      authorityId: la.id,
      kind: 'focused-visit',
      startDate: '2025-09-01',
      priorityActions: ['P1'],
    });
    const otherInspection = await buildInspectionWith(db, {
      authorityId: other.id,
      kind: 'ilacs-short',
      startDate: '2025-01-06',
      recommendations: ['O1'],
    });
    recs = {
      sif: sif.recommendationIds,
      short: short.recommendationIds,
      fv: fv.priorityActionIds,
      otherLa: otherInspection.recommendationIds,
    };

    const t1 = await buildTheme(db, { authorityId: la.id, number: 1, title: 'Front door' });
    const t2 = await buildTheme(db, { authorityId: la.id, number: 2, title: 'Children in care' });
    const o1a = await buildObjective(db, { themeId: t1.id, code: 'a' });
    const o1b = await buildObjective(db, { themeId: t1.id, code: 'b' });
    const o2a = await buildObjective(db, { themeId: t2.id, code: 'a' });
    const base = { authorityId: la.id };
    ids.a1 = (
      await buildAction(db, {
        ...base,
        objectiveId: o1a.id,
        number: 1,
        status: 'in-progress',
        rag: 'green',
        dueDate: '2026-06-09',
      })
    ).id;
    ids.a2 = (
      await buildAction(db, {
        ...base,
        objectiveId: o1a.id,
        number: 2,
        status: 'in-progress',
        rag: 'amber',
        dueDate: '2026-07-08',
      })
    ).id;
    ids.a3 = (
      await buildAction(db, {
        ...base,
        objectiveId: o1a.id,
        number: 3,
        status: 'in-progress',
        rag: 'amber',
        dueDate: '2026-07-09',
      })
    ).id;
    ids.b1 = (
      await buildAction(db, {
        ...base,
        objectiveId: o1b.id,
        number: 1,
        status: 'not-started',
        rag: 'red',
        dueDate: '2026-12-31',
      })
    ).id;
    ids.c1 = (
      await buildAction(db, {
        ...base,
        objectiveId: o2a.id,
        number: 1,
        status: 'complete',
        rag: 'red',
        dueDate: '2026-06-01',
        completedOn: '2026-05-28',
      })
    ).id;
    ids.c2 = (
      await buildAction(db, {
        ...base,
        objectiveId: o2a.id,
        number: 2,
        status: 'blocked',
        rag: 'green',
        dueDate: TODAY,
      })
    ).id;
    const a1 = ids.a1;
    // A1 answers the short inspection's first recommendation and (still shown) the SIF's first.
    await db.insert(improvementActionRecommendations).values([
      { actionId: a1, recommendationId: recs.short[0] as number },
      { actionId: a1, recommendationId: recs.sif[0] as number },
    ]);
    await buildProgressUpdate(db, { actionId: a1, updatedOn: '2026-05-01', note: 'First.' });
    await buildProgressUpdate(db, { actionId: a1, updatedOn: '2026-06-01', rag: 'green', note: 'Latest.' });
    await buildProgressUpdate(db, { actionId: a1, updatedOn: '2026-03-01', note: 'Oldest, entered last.' });
    await db
      .insert(improvementActionIndicators)
      .values({ actionId: a1, indicatorId: 'rereferrals-12-months', target: 18.5 });
    const domain = await buildDomain(db, {
      authorityId: la.id,
      key: 'voice-of-the-child',
      title: 'Voice of the child',
    });
    await db.insert(improvementActionDomains).values({ actionId: a1, domainId: domain.id });
  });

  it('nests themes → objectives → actions with references like 1a.2', async () => {
    const plan = await loadPlan(ctx.database.db, la.id, TODAY);
    assert.deepEqual(
      plan.themes.map((t) => [t.number, t.title, t.objectives.map((o) => o.code)]),
      [
        [1, 'Front door', ['a', 'b']],
        [2, 'Children in care', ['a']],
      ],
    );
    assert.deepEqual(
      planActions(plan).map((a) => a.reference),
      ['1a.1', '1a.2', '1a.3', '1b.1', '2a.1', '2a.2'],
    );
  });

  it('marks overdue (due before today, not complete) and off track (red, blocked, or amber due within 20 working days)', async () => {
    const plan = await loadPlan(ctx.database.db, la.id, TODAY);
    const flags = Object.fromEntries(planActions(plan).map((a) => [a.reference, [a.overdue, a.offTrack]]));
    assert.deepEqual(flags, {
      '1a.1': [true, false], // due yesterday, green
      '1a.2': [false, true], // amber, due exactly on the 20th working day
      '1a.3': [false, false], // amber, due a working day later
      '1b.1': [false, true], // red
      '2a.1': [false, false], // complete (red and past due do not count)
      '2a.2': [false, true], // blocked, due today (not overdue)
    });
    assert.deepEqual(plan.summary.byStatus, { 'not-started': 1, 'in-progress': 3, complete: 1, blocked: 1 });
    assert.deepEqual(plan.summary.byRag, { red: 2, amber: 2, green: 2 });
    assert.equal(plan.summary.actions, 6);
    assert.equal(plan.summary.overdue, 1);
    assert.equal(plan.summary.offTrack, 3);
  });

  it('carries each action’s latest update (by date, not by entry), recommendations and evidence', async () => {
    const plan = await loadPlan(ctx.database.db, la.id, TODAY);
    const a1 = planActions(plan).find((a) => a.reference === '1a.1');
    assert.ok(a1);
    assert.equal(a1.latestUpdate?.note, 'Latest.');
    assert.equal(a1.latestUpdate?.updatedOn, '2026-06-01');
    assert.deepEqual(
      a1.recommendations.map((r) => [r.inspectionDate, r.inspectionKind, r.number, r.text]),
      [
        ['2017-04-24', 'sif', 1, 'S1'],
        ['2024-06-10', 'ilacs-short', 1, 'R1'],
      ],
    );
    assert.deepEqual(
      a1.indicators.map((i) => [i.id, i.target]),
      [['rereferrals-12-months', 18.5]],
    );
    assert.match(a1.indicators[0]?.title ?? '', /re-referral/i);
    assert.deepEqual(
      a1.domains.map((d) => [d.key, d.title]),
      [['voice-of-the-child', 'Voice of the child']],
    );
    const a2 = planActions(plan).find((a) => a.reference === '1a.2');
    assert.equal(a2?.latestUpdate, null);
  });

  it('lists as unanswered the current recommendations (latest graded inspection and everything since) that no action answers', async () => {
    const plan = await loadPlan(ctx.database.db, la.id, TODAY);
    // Current: the 2024 short inspection (R1 answered, R2 not) and the 2025 focused visit (P1 not). The SIF's S2, S3
    // and the 2019 inspection's T1 are superseded; the other authority's O1 is not ours.
    assert.deepEqual(
      plan.unansweredRecommendations.map((r) => [r.text, r.kind]),
      [
        ['R2', 'recommendation'],
        ['P1', 'priority-action'],
      ],
    );
    assert.equal(plan.summary.currentRecommendations, 3);
    assert.equal(plan.summary.unansweredRecommendations, 2);
  });

  it('answers nothing for an authority with no plan, and every recommendation is current with no graded inspection', async () => {
    const db = ctx.database.db;
    const empty = await buildAuthority(db);
    await buildInspectionWith(db, {
      authorityId: empty.id,
      kind: 'focused-visit',
      startDate: '2025-01-06',
      priorityActions: ['Q1'],
    });
    await buildInspectionWith(db, {
      authorityId: empty.id,
      kind: 'monitoring-visit',
      startDate: '2025-04-07',
      recommendations: ['Q2'],
    });
    const plan = await loadPlan(db, empty.id, TODAY);
    assert.deepEqual(plan.themes, []);
    assert.deepEqual(
      plan.unansweredRecommendations.map((r) => r.text),
      ['Q1', 'Q2'],
    );
    assert.equal(plan.summary.actions, 0);
    assert.equal(plan.summary.overdue, 0);
  });
});
