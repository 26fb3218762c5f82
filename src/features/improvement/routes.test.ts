/**
 * The improvement plan as its users meet it: a head of service builds actions from an inspection's
 * recommendations, names their evidence and records progress; the board reads the plan with its filters; a QA
 * auditor reads but may not change it; a member sees the impact view with small audit counts as "c".
 *
 * Dates: the pages judge against today's date, so every date here is relative to it — the action started on the
 * first of the month 3 months ago, and the audits fell in the last complete month.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { children, improvementActionDomains, improvementActionIndicators } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { addMonths } from '../../domain/working-days';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import {
  buildAction,
  buildAudit,
  buildDomain,
  buildInspectionWith,
  buildObjective,
  buildTheme,
  keepMonthlyValue,
} from '../../../test/support/improvement';

const today = todayInLondon();
const firstOfMonth = `${today.slice(0, 8)}01`;
const started = addMonths(firstOfMonth, -3);
const lastMonth = addMonths(firstOfMonth, -1).slice(0, 7);
const parts = (iso: string) => ({
  day: String(Number(iso.slice(8, 10))),
  month: String(Number(iso.slice(5, 7))),
  year: iso.slice(0, 4),
});

describe('improvement plan pages and API', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  let recs: number[] = [];
  let objectiveId = 0;
  let seededAction = 0;
  let overdueAction = 0;
  let domainId = 0;

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    const la = world.authorityId;
    recs = (
      await buildInspectionWith(db, {
        authorityId: la,
        kind: 'ilacs-short',
        startDate: '2024-06-10',
        recommendations: [
          'Strengthen oversight of re-referrals',
          'Improve the timeliness of initial health assessments',
        ],
      })
    ).recommendationIds;
    const theme = await buildTheme(db, { authorityId: la, number: 1, title: 'The front door' });
    const objective = await buildObjective(db, {
      themeId: theme.id,
      code: 'a',
      title: 'Fewer children referred again',
    });
    objectiveId = Number(objective.id);
    const a = await buildAction(db, {
      authorityId: la,
      objectiveId,
      number: 1,
      title: 'Audit every re-referral',
      owner: 'Head of MASH',
      startDate: started,
      dueDate: addMonths(today, 6),
      status: 'in-progress',
      rag: 'green',
    });
    seededAction = Number(a.id);
    overdueAction = Number(
      (
        await buildAction(db, {
          authorityId: la,
          objectiveId,
          number: 2,
          title: 'Refresh the threshold guidance',
          owner: 'Service manager',
          startDate: '2025-01-06',
          dueDate: '2025-03-31',
          status: 'in-progress',
          rag: 'amber',
        })
      ).id,
    );
    await db
      .insert(improvementActionIndicators)
      .values({ actionId: seededAction, indicatorId: 'rereferrals-12-months', target: 18 });
    const domain = await buildDomain(db, { authorityId: la, key: 'voice-of-the-child', title: 'Voice of the child' });
    domainId = Number(domain.id);
    await db.insert(improvementActionDomains).values({ actionId: seededAction, domainId: domain.id });
    // The month before the start: 6 of 24 = 25%; last month: 4 of 25 = 16% (a numerator under 5).
    await keepMonthlyValue(db, {
      authorityId: la,
      indicatorId: 'rereferrals-12-months',
      month: addMonths(started, -1).slice(0, 7),
      numerator: 6,
      denominator: 24,
      value: 25,
    });
    await keepMonthlyValue(db, {
      authorityId: la,
      indicatorId: 'rereferrals-12-months',
      month: lastMonth,
      numerator: 4,
      denominator: 25,
      value: 16,
    });
    // Last month: 3 audits of the voice of the child, 2 good and 1 inadequate (67% good or better; all counts under 5).
    const [child] = await db.select().from(children).where(eq(children.laChildId, 'TA1'));
    if (!child) throw new Error('no child');
    for (const grade of ['good', 'good', 'inadequate'] as const) {
      await buildAudit(db, {
        authorityId: la,
        childId: Number(child.id),
        submittedOn: `${lastMonth}-15`,
        grades: [{ domainId: domain.id, grade }],
      });
    }
    for (const role of ['head-of-service', 'qa-auditor', 'member']) {
      clients[role] = new TestClient(world.baseUrl);
      await clients[role].signIn(role, PASSWORD);
    }
  });
  after(async () => {
    await world?.close();
  });

  const as = (role: string) => {
    const c = clients[role];
    if (!c) throw new Error(role);
    return c;
  };

  it('shows the whole plan: summary, the unanswered recommendations with a link to answer each, and overdue actions flagged in words', async () => {
    const page = await as('head-of-service').get('/improvement');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Improvement plan');
    // Neither recommendation is answered yet: 2 of 2.
    assert.match(
      page.text,
      /Current recommendations not yet answered<\/th><td class="govuk-table__cell govuk-table__cell--numeric">2 of 2</,
    );
    assert.match(page.text, new RegExp(`href="/improvement/actions/new\\?recommendation=${recs[0]}"`));
    assert.match(page.text, new RegExp(`href="/inspections/\\d+#recommendation-${recs[1]}"`));
    // Action 1a.2 was due on 31 March 2025: overdue, as a tag and in the due column.
    assert.match(
      page.text,
      /Refresh the threshold guidance[\s\S]*?<strong class="govuk-tag govuk-tag--red app-flag">Overdue<\/strong>/,
    );
    assert.match(page.text, /31 March 2025<br><strong>Overdue<\/strong>/);
    assert.match(page.text, /href="\/improvement\/plan.xlsx"/);
    assert.match(page.text, /href="\/improvement\/plan.docx"/);
    const overdue = await as('head-of-service').get(`/improvement/actions/${overdueAction}`);
    assert.match(overdue.text, /31 March 2025 \(overdue\)/);
  });

  it('filters the actions with a GET form: overdue only leaves 1a.2', async () => {
    const page = await as('head-of-service').get('/improvement?overdue=yes');
    assert.equal(page.status, 200);
    assert.match(page.text, /1 of 2 actions match the filters/);
    assert.match(page.text, />1a\.2</);
    assert.doesNotMatch(page.text, />1a\.1</);
    const byOwner = await as('head-of-service').get(
      `/improvement?owner=${encodeURIComponent('Head of MASH')}&status=in-progress`,
    );
    assert.match(byOwner.text, /1 of 2 actions match the filters/);
    assert.match(byOwner.text, />1a\.1</);
    // An unreadable filter value is ignored, not an error.
    assert.equal((await as('head-of-service').get('/improvement?rag=purple')).status, 200);
  });

  it('prefills the recommendation on a new action, refuses a due date before the start with an error summary, and saves a good one', async () => {
    const hos = as('head-of-service');
    const form = await hos.get(`/improvement/actions/new?recommendation=${recs[1]}`);
    assert.equal(form.status, 200);
    assert.match(form.text, new RegExp(`value="${recs[1]}" checked`));
    assert.doesNotMatch(form.text, new RegExp(`value="${recs[0]}" checked`));
    const s = parts('2026-03-02');
    const bad = await hos.post('/improvement/actions/new', {
      objectiveId: String(objectiveId),
      title: 'Health assessment tracker',
      owner: 'Head of children in care',
      'startDate-day': s.day,
      'startDate-month': s.month,
      'startDate-year': s.year,
      'dueDate-day': '1',
      'dueDate-month': '3',
      'dueDate-year': '2026',
      status: 'not-started',
      rag: 'green',
      recommendationIds: String(recs[1]),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /There is a problem/);
    assert.match(bad.text, /<a href="#dueDate">The due date must be the same as or after the start date<\/a>/);
    assert.match(bad.text, /value="Health assessment tracker"|>Health assessment tracker</, 'what was typed is kept');
    assert.match(bad.text, /<title>Error: /);
    const good = await hos.post('/improvement/actions/new', {
      objectiveId: String(objectiveId),
      title: 'Health assessment tracker',
      owner: 'Head of children in care',
      'startDate-day': s.day,
      'startDate-month': s.month,
      'startDate-year': s.year,
      'dueDate-day': '2',
      'dueDate-month': '3',
      'dueDate-year': '2026',
      status: 'not-started',
      rag: 'green',
      recommendationIds: String(recs[1]),
    });
    assert.equal(good.status, 303);
    assert.match(good.location ?? '', /^\/improvement\/actions\/\d+\?saved=action$/);
    const page = await hos.get(good.location ?? '');
    assert.match(page.text, /The action has been saved/);
    assert.equal(h1(page.text), '1a.3 Health assessment tracker');
    assert.match(page.text, /Improve the timeliness of initial health assessments/);
    const plan = await hos.get('/improvement');
    assert.match(
      plan.text,
      /Current recommendations not yet answered<\/th><td class="govuk-table__cell govuk-table__cell--numeric">1 of 2</,
    );
  });

  it('records evidence and progress, with errors against the field', async () => {
    const hos = as('head-of-service');
    await hos.get(`/improvement/actions/${seededAction}/evidence`);
    const bad = await hos.post(`/improvement/actions/${seededAction}/evidence`, {
      indicators: 'rereferrals-12-months',
      'target-rereferrals-12-months': 'lots',
    });
    assert.equal(bad.status, 400);
    assert.match(
      bad.text,
      /<a href="#target-rereferrals-12-months">The target must be a number, for example 85 or 12.5<\/a>/,
    );
    const ok = await hos.post(`/improvement/actions/${seededAction}/evidence`, {
      indicators: 'rereferrals-12-months',
      'target-rereferrals-12-months': '17.5',
      domainIds: String(domainId),
    });
    assert.equal(ok.status, 303);
    await hos.get(`/improvement/actions/${seededAction}/progress`);
    const future = parts(addMonths(today, 1));
    const late = await hos.post(`/improvement/actions/${seededAction}/progress`, {
      'updatedOn-day': future.day,
      'updatedOn-month': future.month,
      'updatedOn-year': future.year,
      status: 'in-progress',
      rag: 'amber',
      note: 'Slipping',
    });
    assert.equal(late.status, 400);
    assert.match(late.text, /<a href="#updatedOn">The date of the update must be today or in the past<\/a>/);
    const t = parts(today);
    const saved = await hos.post(`/improvement/actions/${seededAction}/progress`, {
      'updatedOn-day': t.day,
      'updatedOn-month': t.month,
      'updatedOn-year': t.year,
      status: 'in-progress',
      rag: 'amber',
      note: 'Audits under way in two teams',
    });
    assert.equal(saved.status, 303);
    const page = await hos.get(saved.location ?? '');
    assert.match(page.text, /The progress update has been saved/);
    assert.match(page.text, /Audits under way in two teams/);
    assert.match(page.text, /RAG: Amber/);
  });

  it('shows the impact view: before and latest values, target, chart with markers and data tables; staff see the audit counts', async () => {
    const page = await as('head-of-service').get(`/improvement/actions/${seededAction}`);
    assert.equal(page.status, 200);
    // Before: the month before the start, 25%; latest: last month, 16% ≤ the 17.5% target (lower is better).
    assert.match(page.text, /25%/);
    assert.match(page.text, /16%/);
    assert.match(page.text, /Target met/);
    assert.match(page.text, /Action started: /);
    assert.match(page.text, /Re-referrals within 12 months: monthly values/);
    assert.match(page.text, /Voice of the child: audit grades by month/);
    // Last month: good 2, inadequate 1, 3 audits, 2 of 3 = 66.7% good or better.
    assert.match(page.text, /66\.7%/);
  });

  it('members read the plan and the impact view, with counts from 1 to 4 as c, and cannot change anything', async () => {
    const member = as('member');
    assert.equal((await member.get('/improvement')).status, 200);
    const page = await member.get(`/improvement/actions/${seededAction}`);
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, /66\.7%/);
    assert.doesNotMatch(page.text, /16%/, 'last month’s value is made from a numerator of 4');
    assert.match(page.text, /25%/, 'the month before: 6 of 24 is shown');
    assert.match(page.text, /<td class="govuk-table__cell govuk-table__cell--numeric">c<\/td>/);
    assert.doesNotMatch(page.text, /Add a progress update/);
    assert.equal((await member.get('/improvement/actions/new')).status, 403);
  });

  it('answers 403 to roles without improvement:manage, and 404 for another authority’s or a missing action', async () => {
    const qa = as('qa-auditor');
    assert.equal((await qa.get('/improvement')).status, 200);
    assert.equal((await qa.get('/improvement/actions/new')).status, 403);
    assert.equal((await qa.get(`/improvement/actions/${seededAction}/edit`)).status, 403);
    assert.equal((await qa.post(`/improvement/actions/${seededAction}/progress`, { note: 'x' })).status, 403);
    assert.equal((await qa.post('/improvement/themes/new', { title: 'x' })).status, 403);
    assert.equal((await as('head-of-service').get('/improvement/actions/999999')).status, 404);
    const db = world.database.db;
    const theirTheme = await buildTheme(db, { authorityId: world.otherAuthorityId, number: 1 });
    const theirObjective = await buildObjective(db, { themeId: theirTheme.id, code: 'a' });
    const theirs = await buildAction(db, {
      authorityId: world.otherAuthorityId,
      objectiveId: theirObjective.id,
      number: 1,
    });
    assert.equal((await as('head-of-service').get(`/improvement/actions/${theirs.id}`)).status, 404);
    assert.equal((await as('head-of-service').get(`/improvement/actions/${theirs.id}/edit`)).status, 404);
    assert.equal((await as('head-of-service').get(`/improvement/themes/${theirTheme.id}/edit`)).status, 404);
    assert.equal((await as('head-of-service').get('/improvement/actions/not-a-number')).status, 404);
  });

  it('has no duplicate ids on any of its pages (axe would fail them)', async () => {
    const pages = [
      '/improvement',
      '/improvement?overdue=yes',
      `/improvement/actions/${seededAction}`,
      '/improvement/actions/new',
      `/improvement/actions/${seededAction}/edit`,
      `/improvement/actions/${seededAction}/evidence`,
      `/improvement/actions/${seededAction}/progress`,
      '/improvement/themes/new',
      `/improvement/objectives/${objectiveId}/edit`,
    ];
    for (const url of pages) {
      const page = await as('head-of-service').get(url);
      assert.equal(page.status, 200, url);
      const ids = [...page.text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
      assert.deepEqual(dupes, [], `${url} repeats ids`);
    }
  });

  it('adds a theme and an objective, refusing a blank title', async () => {
    const hos = as('head-of-service');
    await hos.get('/improvement/themes/new');
    const bad = await hos.post('/improvement/themes/new', { title: ' ' });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<a href="#title">Enter the theme title<\/a>/);
    const ok = await hos.post('/improvement/themes/new', { title: 'Children in care' });
    assert.equal(ok.status, 303);
    const plan = await hos.get('/improvement');
    assert.match(plan.text, /Theme 2: Children in care/);
  });

  it('serves the plan and one action with its impact series as JSON', async () => {
    const res = await as('member').get('/api/improvement-plan');
    assert.equal(res.status, 200);
    const plan = JSON.parse(res.text) as {
      summary: { actions: number; overdue: number };
      themes: Array<{ objectives: Array<{ actions: Array<{ reference: string; overdue: boolean }> }> }>;
    };
    assert.equal(plan.summary.actions, 3);
    // Overdue: 1a.2 (due 31 March 2025) and 1a.3 (due 2 March 2026, added above).
    assert.equal(plan.summary.overdue, 2);
    const one = await as('member').get(`/api/improvement-plan/actions/${seededAction}`);
    assert.equal(one.status, 200);
    const body = JSON.parse(one.text) as {
      action: { reference: string };
      impact: {
        indicators: Array<{ latest: { value: unknown } }>;
        domains: Array<{ months: Array<{ month: string; total: unknown }> }>;
      };
    };
    assert.equal(body.action.reference, '1a.1');
    assert.equal(body.impact.indicators[0]?.latest.value, 'c');
    assert.equal(body.impact.domains[0]?.months.find((m) => m.month === lastMonth)?.total, 'c');
    assert.equal((await as('member').get('/api/improvement-plan/actions/999999')).status, 404);
    const documented = Object.keys((world.openapi as { paths: Record<string, unknown> }).paths);
    assert.ok(documented.includes('/api/improvement-plan'));
    assert.ok(documented.includes('/api/improvement-plan/actions/{actionId}'));
  });
});
