import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { improvementActionDomains, improvementActionIndicators } from '../../db/schema/index';
import { lineChartSvg } from '../../documents/charts/line-chart';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAuthority, buildChild } from '../../../test/support/builders';
import {
  buildAction,
  buildAudit,
  buildDomain,
  buildObjective,
  buildTheme,
  keepMonthlyValue,
} from '../../../test/support/improvement';
import { actionImpact, impactMonths, targetMet } from './impact';
import { loadPlan, planActions, type PlanAction } from './plan';

const TODAY = '2026-06-10';

it('covers 12 months before the start month to the latest complete month: start 16 Feb 2026, today 10 June → Feb 2025 to May 2026 (16 months)', () => {
  const months = impactMonths('2026-02-16', TODAY);
  assert.equal(months.length, 16);
  assert.equal(months[0]?.start, '2025-02-01');
  assert.equal(months[15]?.end, '2026-05-31');
  // An action starting after the latest complete month still shows the 12 months before it that have ended.
  assert.deepEqual(
    impactMonths('2026-08-01', TODAY).map((p) => p.start.slice(0, 7)),
    ['2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'],
  );
});

it('judges the success target by the indicator’s polarity, and a neutral one by the side of “before” the target is on', () => {
  assert.equal(targetMet('lower', 18, 25, 18), true, 'exactly on target');
  assert.equal(targetMet('lower', 18, 25, 18.1), false);
  assert.equal(targetMet('higher', 90, 80, 90), true);
  assert.equal(targetMet('higher', 90, 80, 89.9), false);
  assert.equal(targetMet('neutral', 400, 500, 390), true, 'target below before: aiming lower');
  assert.equal(targetMet('neutral', 400, 500, 410), false);
  assert.equal(targetMet('neutral', 400, null, 390), null, 'no before: not judged');
  assert.equal(targetMet('lower', null, 25, 10), null, 'no target');
  assert.equal(targetMet('lower', 18, 25, null), null, 'no latest value');
});

it('marks the action’s start and completion on the chart, in the picture and in its description', () => {
  const svg = lineChartSvg({
    id: 'm',
    title: 'Trend',
    points: [
      { label: 'Jan 26', value: 1 },
      { label: 'Feb 26', value: 2 },
      { label: 'Mar 26', value: 3 },
    ],
    markers: [
      { index: 1, label: 'Action started' },
      { index: 2, label: 'Completed' },
      { index: 7, label: 'Out of range' },
    ],
  });
  assert.equal(svg.match(/stroke-dasharray="2 3"/g)?.length, 2, 'two markers in range, the third dropped');
  assert.match(svg, /Action started: Feb 26 \(dotted vertical line\)\. Completed: Mar 26 \(dotted vertical line\)\./);
  assert.doesNotMatch(svg, /Out of range/);
  // Without markers the chart is as before.
  assert.doesNotMatch(lineChartSvg({ id: 'n', title: 'T', points: [{ label: 'a', value: 1 }] }), /2 3/);
});

describeEachEngine('the impact view of an action', (ctx) => {
  let la: { id: number };
  let action: PlanAction;

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const theme = await buildTheme(db, { authorityId: la.id, number: 1 });
    const objective = await buildObjective(db, { themeId: theme.id, code: 'a' });
    const a = await buildAction(db, {
      authorityId: la.id,
      objectiveId: objective.id,
      number: 1,
      startDate: '2026-02-16',
      dueDate: '2026-09-30',
      status: 'in-progress',
    });
    await db
      .insert(improvementActionIndicators)
      .values({ actionId: a.id, indicatorId: 'rereferrals-12-months', target: 18 });
    const voice = await buildDomain(db, { authorityId: la.id, key: 'voice-of-the-child', title: 'Voice of the child' });
    const assessment = await buildDomain(db, {
      authorityId: la.id,
      key: 'quality-of-assessment',
      title: 'Quality of assessment',
    });
    await db.insert(improvementActionDomains).values({ actionId: a.id, domainId: voice.id });

    // Kept re-referral values (% lower is better): Dec 25 3/4 = 75%, Jan 26 5/20 = 25%, May 26 3/20 = 15%.
    // Nothing kept for the other months (gaps); one kept for another authority (ignored); one before the range.
    const keep = (month: string, numerator: number, denominator: number, value: number, authorityId = la.id) =>
      keepMonthlyValue(db, { authorityId, indicatorId: 'rereferrals-12-months', month, numerator, denominator, value });
    await keep('2025-12', 3, 4, 75);
    await keep('2026-01', 5, 20, 25);
    await keep('2026-05', 3, 20, 15);
    await keep('2025-01', 10, 20, 50); // January 2025: before the 12 months
    const other = await buildAuthority(db);
    await keep('2026-04', 1, 100, 1, other.id);

    const child = await buildChild(db, { authorityId: la.id });
    const audit = (
      submittedOn: string | null,
      grades: Parameters<typeof buildAudit>[1]['grades'],
      status = 'submitted',
    ) => buildAudit(db, { authorityId: la.id, childId: child.id, submittedOn, status, grades });
    // January 2026: good; inadequate moderated to requires improvement; a draft (ignored).
    await audit('2026-01-10', [
      { domainId: voice.id, grade: 'good' },
      { domainId: assessment.id, grade: 'inadequate' },
    ]);
    await audit('2026-01-20', [{ domainId: voice.id, grade: 'inadequate', agreedGrade: 'requires-improvement' }]);
    await audit('2026-01-25', [{ domainId: voice.id, grade: 'outstanding' }], 'draft');
    // April 2026: five good. May 2026: outstanding, good, good, requires improvement, inadequate (3 of 5 good or better).
    for (let i = 0; i < 5; i++) await audit('2026-04-15', [{ domainId: voice.id, grade: 'good' }]);
    for (const g of ['outstanding', 'good', 'good', 'requires-improvement', 'inadequate'] as const)
      await audit('2026-05-29', [{ domainId: voice.id, grade: g }], 'moderated');
    // Outside the months: 31 January 2025 (the range starts 1 February 2025) and 1 June 2026 (not complete).
    await audit('2025-01-31', [{ domainId: voice.id, grade: 'good' }]);
    await audit('2026-06-01', [{ domainId: voice.id, grade: 'good' }]);

    const found = planActions(await loadPlan(db, la.id, TODAY))[0];
    if (!found) throw new Error('no action');
    action = found;
  });

  it('shows each kept month of the indicator, before (January, the month before the start) and latest (May), and the target met', async () => {
    const impact = await actionImpact(ctx.database.db, la.id, action, TODAY, 'staff');
    assert.equal(impact.months.length, 16);
    assert.equal(impact.startedMonth, '2026-02');
    assert.equal(impact.completedMonth, null);
    const ind = impact.indicators[0];
    assert.ok(ind);
    const kept = ind.months.filter((m) => m.kept).map((m) => [m.month, m.value, m.numerator, m.denominator]);
    assert.deepEqual(kept, [
      ['2025-12', 75, 3, 4],
      ['2026-01', 25, 5, 20],
      ['2026-05', 15, 3, 20],
    ]);
    assert.equal(ind.months.filter((m) => !m.kept).length, 13, '16 months, 3 kept');
    assert.deepEqual(ind.before, { month: '2026-01', longLabel: 'January 2026', value: 25 });
    assert.deepEqual(ind.latest, { month: '2026-05', longLabel: 'May 2026', value: 15 });
    // Lower is better: 15% ≤ 18% target.
    assert.equal(ind.targetMet, true);
    assert.equal(ind.target, 18);
    assert.equal(ind.benchmarkMeasure, 'rereferrals-percent');
    assert.equal(ind.benchmark, null, 'no benchmarks loaded');
  });

  it('counts audit grades by month (agreed grade first, submitted only) with % good or better', async () => {
    const impact = await actionImpact(ctx.database.db, la.id, action, TODAY, 'staff');
    const voice = impact.domains[0];
    assert.equal(voice?.key, 'voice-of-the-child');
    const withAudits = voice?.months
      .filter((m) => m.total !== 0)
      .map((m) => [m.month, m.counts, m.total, m.goodOrBetter, m.percentGoodOrBetter]);
    assert.deepEqual(withAudits, [
      // January: good 1, requires improvement 1 (agreed) → 1 of 2 = 50%.
      ['2026-01', { outstanding: 0, good: 1, 'requires-improvement': 1, inadequate: 0 }, 2, 1, 50],
      // April: 5 of 5 = 100%.
      ['2026-04', { outstanding: 0, good: 5, 'requires-improvement': 0, inadequate: 0 }, 5, 5, 100],
      // May: 3 of 5 = 60%.
      ['2026-05', { outstanding: 1, good: 2, 'requires-improvement': 1, inadequate: 1 }, 5, 3, 60],
    ]);
    assert.equal(
      voice?.months.find((m) => m.month === '2026-02')?.percentGoodOrBetter,
      null,
      'no audits: no percentage',
    );
  });

  it('members see counts from 1 to 4, and figures made from them, as c', async () => {
    const impact = await actionImpact(ctx.database.db, la.id, action, TODAY, 'members');
    const ind = impact.indicators[0];
    assert.ok(ind);
    assert.deepEqual(
      ind.months.filter((m) => m.kept).map((m) => [m.month, m.value, m.numerator, m.denominator]),
      [
        ['2025-12', 'c', 'c', 'c'], // 3 of 4
        ['2026-01', 25, 5, 20],
        ['2026-05', 'c', 'c', 20], // 3 of 20: the numerator is small
      ],
    );
    assert.deepEqual(ind.latest?.value, 'c');
    assert.equal(ind.targetMet, null, 'not judged on a suppressed value');
    const months = impact.domains[0]?.months ?? [];
    const jan = months.find((m) => m.month === '2026-01');
    assert.deepEqual(
      [jan?.counts, jan?.total, jan?.goodOrBetter, jan?.percentGoodOrBetter],
      [{ outstanding: 0, good: 'c', 'requires-improvement': 'c', inadequate: 0 }, 'c', 'c', 'c'],
    );
    const apr = months.find((m) => m.month === '2026-04');
    assert.deepEqual([apr?.counts.good, apr?.total, apr?.goodOrBetter, apr?.percentGoodOrBetter], [5, 5, 5, 100]);
    const may = months.find((m) => m.month === '2026-05');
    assert.deepEqual([may?.total, may?.goodOrBetter, may?.percentGoodOrBetter], [5, 'c', 'c']);
  });
});
