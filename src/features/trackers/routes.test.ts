/**
 * Trackers on the web and the API, as at Friday 27 March 2026, in the test world (Avery in team A, Blake in team B).
 * Avery's CP plan began Mon 2 Mar with no visit: due 16 Mar (10 working days), 9 working days overdue.
 * Blake's began Fri 13 Mar with no visit: due today, 27 Mar.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, children } from '../../db/schema/index';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient, title } from '../../../harness/client';
import { buildCpPlan, buildReferral } from '../../../test/support/builders';

const AS_AT = '2026-03-27';

describe('trackers on the web and the API', () => {
  let world: TestWorld;
  let head: TestClient;
  let manager: TestClient;

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    for (const [lanternId, start] of [
      [world.childInTeamA, '2026-03-02'],
      [world.childInTeamB, '2026-03-13'],
    ] as const) {
      const [c] = await db
        .select({ id: children.id, authorityId: children.authorityId })
        .from(children)
        .where(eq(children.lanternId, lanternId));
      assert.ok(c);
      const ref = await buildReferral(db, c, { referralDate: '2026-02-02', referralNfa: true });
      await buildCpPlan(db, c, { cinEpisodeId: ref.id, startDate: start });
    }
    head = new TestClient(world.baseUrl);
    await head.signIn('head-of-service', PASSWORD);
    manager = new TestClient(world.baseUrl);
    await manager.signIn('team-manager', PASSWORD);
  });
  after(async () => {
    await world?.close();
  });

  it('lists the trackers with their counts', async () => {
    const page = await head.get('/trackers');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Trackers');
    assert.equal(title(page.text), 'Trackers – Lantern');
    for (const id of ['due', 'plo', 'permanence', 'cin-panel', 'rhi', 'care-leavers', 'caseloads'])
      assert.match(page.text, new RegExp(`href="/trackers/${id}"`));
    assert.match(page.text, /<caption[^>]*>\s*Trackers\s*<\/caption>/);
    assert.match(
      page.text,
      new RegExp(`href="/trackers/due\\?team=${world.teamA}">Family Support A</a>`),
      'a link to each team’s work due',
    );
    const mine = await manager.get('/trackers');
    assert.doesNotMatch(mine.text, /Work due and overdue by team/, 'a team manager has one team');
  });

  it('shows one tracker: rows linking to each child, with status, in due-date order', async () => {
    const page = await head.get(`/trackers/due?asAt=${AS_AT}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Work due and overdue');
    assert.equal(title(page.text), 'Work due and overdue – Lantern');
    assert.match(page.text, /2 rows, 1 overdue/);
    assert.match(page.text, new RegExp(`href="/children/${world.childInTeamA}">Avery Alpha</a>`));
    assert.match(page.text, new RegExp(`href="/children/${world.childInTeamB}">Blake Bravo</a>`));
    assert.match(page.text, /9 working days overdue/);
    assert.match(
      page.text,
      /govuk-tag--yellow">Due<\/strong><br><span class="govuk-!-font-size-16">Due today</,
      'Blake: due today',
    );
    assert.match(page.text, /due means due by 14 April 2026/);
    assert.ok(page.text.indexOf('Avery Alpha') < page.text.indexOf('Blake Bravo'), 'due 16 March before due 27 March');
    assert.match(page.text, /aria-sort="ascending"[^>]*>\s*<a[^>]*>Due/);
    assert.match(page.text, /<label class="govuk-label" for="team">/, 'authority-wide users can filter by team');
  });

  it('sorts by a column heading link and filters by team', async () => {
    const page = await head.get(`/trackers/due?asAt=${AS_AT}`);
    const link = /<a class="govuk-link govuk-link--no-visited-state" href="([^"]+)">Child/
      .exec(page.text)?.[1]
      ?.replace(/&amp;/g, '&');
    assert.ok(link);
    assert.match(link, /sort=child&order=asc/);
    const desc = await head.get(link.replace('order=asc', 'order=desc'));
    assert.ok(desc.text.indexOf('Blake Bravo') < desc.text.indexOf('Avery Alpha'), 'Bravo before Alpha, descending');
    assert.match(desc.text, /aria-sort="descending"/);
    const teamB = await head.get(`/trackers/due?asAt=${AS_AT}&team=${world.teamB}`);
    assert.match(teamB.text, /Blake Bravo/);
    assert.doesNotMatch(teamB.text, /Avery Alpha/);
    assert.match(teamB.text, /1 row, 0 overdue/);
  });

  it('a team manager sees only their own team, whatever team is asked for', async () => {
    const page = await manager.get(`/trackers/due?asAt=${AS_AT}&team=${world.teamB}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Avery Alpha/);
    assert.doesNotMatch(page.text, /Blake Bravo/);
    assert.doesNotMatch(page.text, /for="team"/, 'no team filter for a team-scoped user');
    const csv = await manager.download(`/trackers/due.csv?asAt=${AS_AT}`);
    assert.doesNotMatch(csv.body.toString('utf8'), /Bravo/);
  });

  it('downloads the same filtered list as CSV', async () => {
    const csv = await head.download(`/trackers/due.csv?asAt=${AS_AT}&sort=child`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(csv.headers.get('content-disposition') ?? '', /attachment; filename="?tracker-due-2026-03-27\.csv"?/);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    assert.equal(
      lines[0],
      'lantern_id,first_name,last_name,team,worker,worker_ref,kind,what,start_date,last_date,due_date,status,working_days,weeks_elapsed,notes',
    );
    assert.equal(lines.length, 3);
    assert.equal(
      lines[1],
      `${world.childInTeamA},Avery,Alpha,Family Support A,Worker A,SW001,cp-visit,Child protection visit,2026-03-02,,2026-03-16,overdue,9,3,None recorded since the start`,
    );
    assert.equal(
      lines[2],
      `${world.childInTeamB},Blake,Bravo,Family Support B,Worker B,SW002,cp-visit,Child protection visit,2026-03-13,,2026-03-27,due,0,2,`,
    );
  });

  it('answers a bad filter with an error summary, and an unknown tracker with 404', async () => {
    const bad = await head.get('/trackers/due?asAt=2026-02-30&status=soon');
    assert.equal(bad.status, 400);
    assert.equal(title(bad.text), 'Error: Work due and overdue – Lantern');
    assert.match(bad.text, /govuk-error-summary/);
    assert.match(bad.text, /<a href="#asAt">Enter the date as YYYY-MM-DD, for example 2026-03-27<\/a>/);
    assert.match(bad.text, /<a href="#status">Choose a status from the list<\/a>/);
    const missingTeam = await head.get('/trackers/due?team=999999');
    assert.equal(missingTeam.status, 400);
    assert.match(missingTeam.text, /<a href="#team">Choose a team from the list<\/a>/);
    assert.equal((await head.get('/trackers/nonsense')).status, 404);
    assert.equal((await head.get('/trackers/nonsense.csv')).status, 404);
  });

  it('records each view in the access log with the tracker and its filters', async () => {
    await head.get(`/trackers/plo?asAt=${AS_AT}&status=overdue`);
    const entries = await world.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'tracker.view'), eq(accessLog.recordId, 'plo')));
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]?.detail, {
      asAt: AS_AT,
      team: null,
      worker: null,
      kind: null,
      status: 'overdue',
      rows: 0,
    });
  });

  it('shows caseloads per worker', async () => {
    const page = await head.get(`/trackers/caseloads?asAt=${AS_AT}&sort=children&order=desc`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Caseloads');
    assert.match(page.text, /Worker A <span class="govuk-hint govuk-!-font-size-16">SW001<\/span>/);
    assert.match(page.text, /2 workers/);
  });

  it('gives the same through the API', async () => {
    const list = await head.get(`/api/trackers?asAt=${AS_AT}`);
    assert.equal(list.status, 200);
    const counts = JSON.parse(list.text) as {
      trackers: Array<{ id: string; title: string; total: number; overdue: number }>;
    };
    const due = counts.trackers.find((t) => t.id === 'due');
    assert.deepEqual([due?.title, due?.total, due?.overdue], ['Work due and overdue', 2, 1]);
    const one = await manager.get(`/api/trackers/due?asAt=${AS_AT}`);
    assert.equal(one.status, 200);
    const body = JSON.parse(one.text) as {
      scope: string;
      rows: Array<{ lanternId: string; dueDate: string; status: string; workingDays: number }>;
    };
    assert.equal(body.scope, 'team');
    assert.deepEqual(
      body.rows.map((r) => [r.lanternId, r.dueDate, r.status, r.workingDays]),
      [[world.childInTeamA, '2026-03-16', 'overdue', 9]],
    );
    const bad = await head.get('/api/trackers/due?asAt=27-03-2026');
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /problem\+json/);
    assert.equal((await head.get('/api/trackers/nonsense')).status, 400);
  });
});
