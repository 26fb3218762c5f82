/**
 * The performance pages and API as their users read them: a head of service reads a dashboard, writes commentary
 * and drills down; a team manager drills down to their own team's children only; a member sees small numbers as
 * "c" and no drill-down; an admin changes a target and the RAG follows.
 *
 * The data: team A's child (Avery) and team B's child (Blake) each have a referral in March 2026 and one 11
 * months earlier (April 2025), so March 2026 has 2 referrals, both re-referrals: 2 of 2 = 100%.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { children } from '../../db/schema/index';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import { buildReferral } from '../../../test/support/builders';
import { buildPopulation } from '../../../test/support/indicators';

const MARCH = '/performance/indicators/rereferrals-12-months?period=month&asAt=2026-03-31';

describe('performance pages and API', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    await buildPopulation(db, world.authorityId, 2025, 1000);
    for (const laChildId of ['TA1', 'TB1']) {
      const [child] = await db.select().from(children).where(eq(children.laChildId, laChildId));
      if (!child) throw new Error('no child');
      await buildReferral(db, child, { referralDate: '2025-04-15' });
      await buildReferral(db, child, { referralDate: '2026-03-10' });
    }
    for (const role of ['head-of-service', 'team-manager', 'member', 'admin', 'qa-auditor']) {
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

  it('lists every service area with its indicators for the chosen period', async () => {
    const page = await as('head-of-service').get('/performance?period=month&asAt=2026-03-31');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Performance indicators: March 2026');
    assert.match(page.text, /Front door/);
    assert.match(page.text, /Assessment and protection/);
    assert.match(page.text, /Re-referrals within 12 months/);
  });

  it('shows an area with each indicator’s value, RAG, chart and its data table', async () => {
    const page = await as('head-of-service').get('/performance/front-door?period=month&asAt=2026-03-31');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Front door: March 2026');
    // 2 of 2 referrals are re-referrals: 100%, against a default target of 20% (lower is better): off target.
    assert.match(
      page.text,
      /<span class="app-figure">100%<\/span>\s*<strong class="govuk-tag govuk-tag--red">Off target<\/strong>/,
    );
    assert.match(page.text, /<svg[^>]+role="img"/);
    assert.match(page.text, /Trend data table/);
    assert.match(page.text, /See who is behind this number/);
    assert.equal((await as('head-of-service').get('/performance/not-an-area')).status, 404);
  });

  it('lets a head of service write commentary, refusing an empty one with an error summary', async () => {
    const hos = as('head-of-service');
    await hos.get(MARCH);
    const empty = await hos.post('/performance/indicators/rereferrals-12-months/commentary', {
      period: 'month',
      asAt: '2026-03-31',
      goingWell: ' ',
      toImprove: '',
      actions: '',
    });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /There is a problem/);
    assert.match(empty.text, /Write at least one of what is going well/);
    const saved = await hos.post('/performance/indicators/rereferrals-12-months/commentary', {
      period: 'month',
      asAt: '2026-03-31',
      goingWell: 'Fewer contacts escalate',
      toImprove: 'Repeat referrals for two families',
      actions: 'Review step-down decisions',
    });
    assert.equal(saved.status, 303);
    const page = await hos.get(saved.location ?? '');
    assert.match(page.text, /Your commentary has been saved/);
    assert.match(page.text, /Latest: Test head-of-service/);
    assert.match(page.text, /Repeat referrals for two families/);
    // Only heads of service and directors write commentary.
    assert.equal(
      (await as('qa-auditor').post('/performance/indicators/rereferrals-12-months/commentary', { goingWell: 'x' }))
        .status,
      403,
    );
  });

  it('drills down to the children: all of them for a head of service, only team A’s for its team manager', async () => {
    const all = await as('head-of-service').get(
      '/performance/indicators/rereferrals-12-months/children?period=month&asAt=2026-03-31',
    );
    assert.equal(all.status, 200);
    assert.match(all.text, /Avery Alpha/);
    assert.match(all.text, /Blake Bravo/);
    const team = await as('team-manager').get(
      '/performance/indicators/rereferrals-12-months/children?period=month&asAt=2026-03-31',
    );
    assert.equal(team.status, 200);
    assert.match(team.text, /Avery Alpha/);
    assert.doesNotMatch(team.text, /Blake Bravo/);
    assert.match(team.text, /and 1 in other teams whom you cannot see/);
  });

  it('shows members small numbers as c, with no link to children, and refuses them the drill-down', async () => {
    const page = await as('member').get('/performance/front-door?period=month&asAt=2026-03-31');
    assert.equal(page.status, 200);
    assert.match(page.text, /<span class="app-figure">c<\/span>/);
    assert.doesNotMatch(page.text, /See who is behind this number/);
    assert.doesNotMatch(page.text, /Avery|Blake/);
    assert.equal(
      (await as('member').get('/performance/indicators/rereferrals-12-months/children?period=month&asAt=2026-03-31'))
        .status,
      403,
    );
    const api = await as('member').get('/api/indicators?period=month&asAt=2026-03-31');
    const body = JSON.parse(api.text) as {
      indicators: Array<{ id: string; value: unknown; numerator: unknown; rag: unknown }>;
    };
    const rereferrals = body.indicators.find((i) => i.id === 'rereferrals-12-months');
    assert.deepEqual([rereferrals?.value, rereferrals?.numerator, rereferrals?.rag], ['c', 'c', null]);
  });

  it('gives staff the figures through the API', async () => {
    const api = await as('head-of-service').get('/api/indicators/rereferrals-12-months?period=month&asAt=2026-03-31');
    assert.equal(api.status, 200);
    const body = JSON.parse(api.text) as {
      value: number;
      numerator: number;
      denominator: number;
      rag: string;
      trend: unknown[];
    };
    assert.deepEqual([body.value, body.numerator, body.denominator, body.rag], [100, 2, 2, 'red']);
    assert.equal(body.trend.length, 13);
    const bad = await as('head-of-service').get('/api/indicators?period=fortnight');
    assert.equal(bad.status, 400);
  });

  it('lets an admin change a target, refusing thresholds the wrong way round, and the RAG follows', async () => {
    const admin = as('admin');
    const form = await admin.get('/admin/indicators/rereferrals-12-months');
    assert.equal(form.status, 200);
    // Lower is better: green 30 above amber 25 is the wrong way round.
    const wrong = await admin.post('/admin/indicators/rereferrals-12-months', {
      target: '100',
      green: '30',
      amber: '25',
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.text, /the green threshold must be at most the amber threshold/);
    const notNumber = await admin.post('/admin/indicators/rereferrals-12-months', {
      target: 'lots',
      green: '',
      amber: '',
    });
    assert.equal(notNumber.status, 400);
    assert.match(notNumber.text, /Enter a number/);
    const ok = await admin.post('/admin/indicators/rereferrals-12-months', {
      target: '100',
      green: '100',
      amber: '100',
    });
    assert.equal(ok.status, 303);
    const api = await as('head-of-service').get('/api/indicators/rereferrals-12-months?period=month&asAt=2026-03-31');
    // 100% is now at the green threshold (≤ 100): on target.
    assert.equal((JSON.parse(api.text) as { rag: string }).rag, 'green');
    const reset = await admin.post('/admin/indicators/rereferrals-12-months', {
      target: '',
      green: '',
      amber: '',
      reset: 'yes',
    });
    assert.equal(reset.status, 303);
    const after = await as('head-of-service').get('/api/indicators/rereferrals-12-months?period=month&asAt=2026-03-31');
    assert.equal((JSON.parse(after.text) as { rag: string }).rag, 'red');
    assert.equal((await as('head-of-service').get('/admin/indicators')).status, 403);
  });

  it('shows the equalities tables', async () => {
    const page = await as('member').get('/performance/equalities?asAt=2026-03-31');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Equalities as at 31 March 2026');
    assert.match(page.text, /By ethnic group/);
    assert.match(page.text, /By age/);
    assert.match(page.text, /By sex/);
  });
});
