/**
 * Audit actions on the web, relative to today (T). In the test world (team A: the team manager and the social worker;
 * team B: nobody), all four actions raised on the 15th of last month:
 *
 *   audit X1: child TA1, team A, by the QA auditor, submitted on the 10th of last month (S)
 *   audit X2: child TB1, team B, by the QA auditor, submitted S
 *   #1 X1 Assessment  owner: the social worker   due T−1  open      → "Overdue by 1 day"
 *   #2 X1 Voice       owner: Pat Visiting (none) due T    open      → "Open" (due today is not overdue)
 *   #3 X2 Assessment  no owner user              due T−3  open      → "Overdue by 3 days"
 *   #4 X2 Voice       complete on S+1, due S+2             → "Completed" (on time)
 *
 *   Themes (every action): Assessment raised 2, open 2, overdue 2, on time 0, late 0;
 *                          Voice raised 2, open 1 (#2), overdue 0, on time 1 (#4), late 0.
 *   /quality for last month: Assessment 2 / 2 / 2 / 0, Voice 2 / 1 / 0 / 1; overdue by team: A open 2 overdue 1,
 *   B open 1 overdue 1. Members: every 1 and 2 is "c".
 *   The social worker sees #1 and #2 (team A), not #3 or #4 (404).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { caseAuditActions, caseAuditEvents, caseAuditGrades, children, users } from '../../../db/schema/index';
import { todayInLondon } from '../../../domain/today';
import { addDays, addMonths } from '../../../domain/working-days';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { buildCaseAudit } from '../../../../test/support/builders';
import { h1, TestClient } from '../../../../harness/client';
import { buildDomain } from '../../../../test/support/improvement';
import { firstCells, tableRow as rowIn } from '../../../../test/support/html';

/** The cells (header first) of the row headed `row` in the table captioned `caption` (row heading matched by its start). */
const tableRow = (html: string, caption: string, row: string): string[] => rowIn(html, caption, row, { row: 'prefix' });

const today = todayInLondon();
const lastMonth = addMonths(`${today.slice(0, 8)}01`, -1);
const submitted = `${lastMonth.slice(0, 8)}10`;
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const longDate = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

describe('audit actions pages', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  const ids = { a1: 0, a2: 0, a3: 0, a4: 0, x1: 0 };
  const ROLES = [
    'admin',
    'director',
    'head-of-service',
    'team-manager',
    'social-worker',
    'qa-auditor',
    'analyst',
    'member',
  ];

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    const la = world.authorityId;
    const assessment = (
      await buildDomain(db, { authorityId: la, key: 'assessment', title: 'Assessment', sortOrder: 1 })
    ).id;
    const voice = (await buildDomain(db, { authorityId: la, key: 'voice', title: 'Voice', sortOrder: 2 })).id;
    const [qa] = await db.select().from(users).where(eq(users.username, 'qa-auditor'));
    const [sw] = await db.select().from(users).where(eq(users.username, 'social-worker'));
    const [ta1] = await db.select().from(children).where(eq(children.laChildId, 'TA1'));
    const [tb1] = await db.select().from(children).where(eq(children.laChildId, 'TB1'));
    if (!qa || !sw || !ta1 || !tb1) throw new Error('no world');
    const x1 = await buildCaseAudit(db, ta1, {
      teamId: world.teamA,
      auditorUserId: qa.id,
      auditorName: qa.displayName,
      submittedOn: submitted,
    });
    const x2 = await buildCaseAudit(db, tb1, {
      teamId: world.teamB,
      auditorUserId: qa.id,
      auditorName: qa.displayName,
      submittedOn: submitted,
    });
    ids.x1 = x1.id;
    await db.insert(caseAuditGrades).values([{ auditId: x1.id, domainId: assessment, grade: 'good' }]);
    const raised = new Date(`${lastMonth.slice(0, 8)}15T12:00:00Z`);
    const add = async (values: Omit<typeof caseAuditActions.$inferInsert, 'createdAt'>) => {
      const [row] = await db
        .insert(caseAuditActions)
        .values({ ...values, createdAt: raised })
        .returning();
      if (!row) throw new Error('no action');
      return row.id;
    };
    ids.a1 = await add({
      auditId: x1.id,
      domainId: assessment,
      description: 'Update the chronology',
      ownerName: sw.displayName,
      ownerUserId: sw.id,
      dueOn: addDays(today, -1),
    });
    ids.a2 = await add({
      auditId: x1.id,
      domainId: voice,
      description: 'Record the child’s wishes',
      ownerName: 'Pat Visiting',
      dueOn: today,
    });
    ids.a3 = await add({
      auditId: x2.id,
      domainId: assessment,
      description: 'Hold a strategy review',
      ownerName: 'Someone',
      dueOn: addDays(today, -3),
    });
    ids.a4 = await add({
      auditId: x2.id,
      domainId: voice,
      description: 'See the child alone',
      ownerName: 'Someone',
      dueOn: addDays(submitted, 2),
      status: 'complete',
      completedOn: addDays(submitted, 1),
      completionNote: 'Done',
    });
    for (const role of ROLES) {
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
  const actionPath = (id: number) => `/quality/actions/${id}`;

  it('who may read: audit:read roles; members, administrators and analysts 403; the social worker only team A’s (404 for B’s)', async () => {
    for (const role of ['admin', 'analyst', 'member']) {
      assert.equal((await as(role).get('/quality/actions')).status, 403, role);
      assert.equal((await as(role).get(actionPath(ids.a1))).status, 403, role);
    }
    for (const role of ['director', 'head-of-service', 'team-manager', 'social-worker', 'qa-auditor']) {
      assert.equal((await as(role).get('/quality/actions')).status, 200, role);
      assert.equal((await as(role).get(actionPath(ids.a1))).status, 200, role);
    }
    assert.equal((await as('social-worker').get(actionPath(ids.a3))).status, 404);
    assert.equal((await as('team-manager').get(actionPath(ids.a4))).status, 404);
    assert.equal((await as('head-of-service').get(actionPath(999999))).status, 404);
  });

  it('the list: overdue tags with days (due yesterday: 1 day; due today: open), filters, and the themes table', async () => {
    const page = await as('head-of-service').get('/quality/actions');
    assert.equal(h1(page.text), 'Audit actions');
    assert.equal(tableRow(page.text, 'Actions', 'Update the chronology')[6], 'Overdue by 1 day');
    assert.equal(tableRow(page.text, 'Actions', 'Record the child’s wishes')[6], 'Open');
    assert.equal(tableRow(page.text, 'Actions', 'Hold a strategy review')[6], 'Overdue by 3 days');
    assert.equal(tableRow(page.text, 'Actions', 'See the child alone')[6], 'Completed');
    // Theme, raised, open, overdue, completed on time, completed late.
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'Assessment'), ['Assessment', '2', '2', '2', '0', '0']);
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'Voice'), ['Voice', '2', '1', '0', '1', '0']);
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'All themes'), ['All themes', '4', '3', '2', '1', '0']);
    const overdue = await as('head-of-service').get('/quality/actions?status=overdue');
    assert.match(overdue.text, /Showing 1 to 2 of 2 actions/);
    assert.ok(tableRow(overdue.text, 'Actions', 'Hold a strategy review'));
    assert.throws(() => tableRow(overdue.text, 'Actions', 'Record the child’s wishes'));
    const complete = await as('head-of-service').get('/quality/actions?status=complete');
    assert.match(complete.text, /Showing 1 to 1 of 1 action</);
    const teamB = await as('head-of-service').get(`/quality/actions?team=${world.teamB}`);
    assert.match(teamB.text, /Showing 1 to 2 of 2 actions/);
    assert.deepEqual(tableRow(teamB.text, 'Themes from actions', 'Voice'), ['Voice', '1', '0', '0', '1', '0']);
    const sw = await as('social-worker').get('/quality/actions');
    assert.match(sw.text, /Showing 1 to 2 of 2 actions/);
    assert.throws(() => tableRow(sw.text, 'Actions', 'Hold a strategy review'));
    assert.deepEqual(tableRow(sw.text, 'Themes from actions', 'Assessment'), ['Assessment', '1', '1', '1', '0', '0']);
  });

  it('leaders’ view on /quality: themes raised in the period and overdue by team; members see "c"', async () => {
    const Q = `from=${lastMonth.slice(0, 7)}&to=${lastMonth.slice(0, 7)}`;
    const page = await as('head-of-service').get(`/quality?${Q}`);
    // Raised, open, overdue now, completed.
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'Assessment'), ['Assessment', '2', '2', '2', '0']);
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'Voice'), ['Voice', '2', '1', '0', '1']);
    assert.deepEqual(tableRow(page.text, 'Overdue actions by team', 'Family Support A'), [
      'Family Support A',
      '2',
      '1',
    ]);
    assert.deepEqual(tableRow(page.text, 'Overdue actions by team', 'Family Support B'), [
      'Family Support B',
      '1',
      '1',
    ]);
    assert.match(page.text, /href="\/quality\/actions"[^>]*>Read and update the actions/);
    const member = await as('member').get(`/quality?${Q}`);
    assert.deepEqual(tableRow(member.text, 'Themes from actions', 'Assessment'), ['Assessment', 'c', 'c', 'c', '0']);
    assert.deepEqual(tableRow(member.text, 'Overdue actions by team', 'Family Support A'), [
      'Family Support A',
      'c',
      'c',
    ]);
    assert.doesNotMatch(member.text, /Read and update the actions/);
    // Raised in another period: none.
    const earlier = await as('head-of-service').get('/quality?from=2024-01&to=2024-01');
    assert.deepEqual(tableRow(earlier.text, 'Themes from actions', 'Assessment'), ['Assessment', '0', '0', '0', '0']);
  });

  it('who may change: the director and a social worker who does not own the action may read it but not change it (403)', async () => {
    const director = await as('director').get(actionPath(ids.a1));
    assert.doesNotMatch(director.text, /Record completion/);
    assert.equal((await as('director').post(actionPath(ids.a1), { completionNote: 'x' })).status, 403);
    const sw = await as('social-worker').get(actionPath(ids.a2));
    assert.equal(sw.status, 200);
    assert.doesNotMatch(sw.text, /Record completion/);
    assert.equal((await as('social-worker').post(actionPath(ids.a2), { completionNote: 'x' })).status, 403);
    assert.equal((await as('member').post(actionPath(ids.a1), { completionNote: 'x' })).status, 403);
  });

  it('completion is checked: a date and a note, not in the future, not before the audit was submitted; nothing saved', async () => {
    const page = await as('social-worker').get(actionPath(ids.a1));
    assert.match(page.text, /Record completion/);
    const post = (form: Record<string, string>) => as('social-worker').post(actionPath(ids.a1), form);
    const empty = await post({});
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<a href="#completedOn">Enter the date the action was completed<\/a>/);
    assert.match(empty.text, /<a href="#completionNote">Enter what was done to complete the action<\/a>/);
    const tomorrow = addDays(today, 1);
    const future = await post({
      'completedOn-day': tomorrow.slice(8),
      'completedOn-month': tomorrow.slice(5, 7),
      'completedOn-year': tomorrow.slice(0, 4),
      completionNote: 'Done',
    });
    assert.equal(future.status, 400);
    assert.match(future.text, /The date the action was completed must be today or in the past/);
    const early = addDays(submitted, -1);
    const before = await post({
      'completedOn-day': early.slice(8),
      'completedOn-month': early.slice(5, 7),
      'completedOn-year': early.slice(0, 4),
      completionNote: 'Done',
    });
    assert.equal(before.status, 400);
    assert.match(
      before.text,
      new RegExp(
        `The date the action was completed must be on or after ${longDate(submitted)}, the day the audit was submitted`,
      ),
    );
    const notADate = await post({
      'completedOn-day': '31',
      'completedOn-month': '2',
      'completedOn-year': '2025',
      completionNote: 'Done',
    });
    assert.match(notADate.text, /must be a real date/);
    const [row] = await world.database.db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.a1));
    assert.equal(row?.status, 'open');
    assert.equal((await world.database.db.select().from(caseAuditEvents)).length, 0);
  });

  it('the owner completes (on the day the audit was submitted: the boundary), the team manager reopens; events on the audit', async () => {
    const reply = await as('social-worker').post(actionPath(ids.a1), {
      'completedOn-day': String(Number(submitted.slice(8))),
      'completedOn-month': String(Number(submitted.slice(5, 7))),
      'completedOn-year': submitted.slice(0, 4),
      completionNote: 'Chronology brought up to date',
    });
    assert.equal(reply.status, 303);
    assert.equal(reply.location, `/quality/actions/${ids.a1}?saved=completed`);
    const [row] = await world.database.db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.a1));
    assert.deepEqual(
      [row?.status, row?.completedOn, row?.completionNote],
      ['complete', submitted, 'Chronology brought up to date'],
    );
    const shown = await as('social-worker').get(reply.location ?? '');
    assert.match(shown.text, /The action has been recorded as complete/);
    assert.match(shown.text, /Reopen action/);
    const again = await as('team-manager').get(actionPath(ids.a1));
    assert.match(again.text, /Reopen action/);
    const reopened = await as('team-manager').post(actionPath(ids.a1), { reopen: 'yes' });
    assert.equal(reopened.status, 303);
    const [open] = await world.database.db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.a1));
    assert.deepEqual([open?.status, open?.completedOn], ['open', null]);
    const events = await world.database.db.select().from(caseAuditEvents).where(eq(caseAuditEvents.auditId, ids.x1));
    assert.deepEqual(
      events.map((e) => e.event),
      ['action-completed', 'action-reopened'],
    );
    assert.deepEqual(events[0]?.detail, {
      actionId: ids.a1,
      completedOn: submitted,
      dueOn: addDays(today, -1),
      late: submitted > addDays(today, -1),
    });
  });

  it('the QA team (audit:manage with audit:read) may complete another team’s action', async () => {
    await as('qa-auditor').get(actionPath(ids.a3));
    const reply = await as('qa-auditor').post(actionPath(ids.a3), {
      'completedOn-day': String(Number(today.slice(8))),
      'completedOn-month': String(Number(today.slice(5, 7))),
      'completedOn-year': today.slice(0, 4),
      completionNote: 'Review held',
    });
    assert.equal(reply.status, 303);
    const page = await as('head-of-service').get('/quality/actions');
    // Due 3 days ago, completed today: late.
    assert.equal(tableRow(page.text, 'Actions', 'Hold a strategy review')[6], 'Completed late');
    assert.deepEqual(tableRow(page.text, 'Themes from actions', 'Assessment'), ['Assessment', '2', '1', '1', '0', '1']);
  });

  it('pages the list 50 at a time (counted in SQL), links keep the filters, themes count every matching action', async () => {
    // 51 open actions owned by the team manager (who owns none of #1–#4), on a new audit of TB1, due T+1 … T+51:
    // soonest due first, so page 1 holds "Paged action 01" … "50" and page 2 holds "Paged action 51" alone.
    const db = world.database.db;
    const [tm] = await db.select().from(users).where(eq(users.username, 'team-manager'));
    const [qa] = await db.select().from(users).where(eq(users.username, 'qa-auditor'));
    const [tb1] = await db.select().from(children).where(eq(children.laChildId, 'TB1'));
    if (!tm || !qa || !tb1) throw new Error('no world');
    const x3 = await buildCaseAudit(db, tb1, {
      teamId: world.teamB,
      auditorUserId: qa.id,
      auditorName: qa.displayName,
      submittedOn: submitted,
    });
    const voice =
      (await db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.a2)))[0]?.domainId ?? null;
    await db.insert(caseAuditActions).values(
      Array.from({ length: 51 }, (_, i) => ({
        auditId: x3.id,
        domainId: voice,
        description: `Paged action ${String(i + 1).padStart(2, '0')}`,
        ownerName: tm.displayName,
        ownerUserId: tm.id,
        dueOn: addDays(today, i + 1),
      })),
    );
    const Q = `status=open&owner=${tm.id}`;
    const first = await as('head-of-service').get(`/quality/actions?${Q}`);
    const rowsOf = (html: string) => firstCells(html, 'Actions').map((c) => c.replace(/\s*From audit \d+$/, ''));
    assert.equal(rowsOf(first.text).length, 50);
    assert.equal(rowsOf(first.text)[0], 'Paged action 01');
    assert.equal(rowsOf(first.text)[49], 'Paged action 50');
    assert.match(first.text, /Showing 1 to 50 of 51 actions/);
    assert.match(first.text, /<nav class="govuk-pagination"[^>]*aria-label="Pages of actions"/);
    // The pagination links keep both filters: next and page 2.
    const page2Href = `/quality/actions?status=open&amp;owner=${tm.id}&amp;page=2`;
    assert.ok(first.text.includes(`href="${page2Href}"`));
    // Themes: every one of the 51 matching actions (owner filter applies), not the 50 shown. Voice 51 raised, 51 open.
    assert.deepEqual(tableRow(first.text, 'Themes from actions', 'Voice'), ['Voice', '51', '51', '0', '0', '0']);
    const second = await as('head-of-service').get(`/quality/actions?${Q}&page=2`);
    assert.deepEqual(rowsOf(second.text), ['Paged action 51']);
    assert.match(second.text, /Showing 51 to 51 of 51 actions/);
    assert.ok(
      second.text.includes(`href="/quality/actions?status=open&amp;owner=${tm.id}"`),
      'page 1 link keeps the filters and drops page',
    );
    // Not a number: page 1. Past the end: the last page. Neither is an error.
    const junk = await as('head-of-service').get(`/quality/actions?${Q}&page=abc`);
    assert.equal(junk.status, 200);
    assert.equal(rowsOf(junk.text).length, 50);
    const zero = await as('head-of-service').get(`/quality/actions?${Q}&page=0`);
    assert.equal(rowsOf(zero.text).length, 50);
    const far = await as('head-of-service').get(`/quality/actions?${Q}&page=99`);
    assert.equal(far.status, 200);
    assert.deepEqual(rowsOf(far.text), ['Paged action 51']);
    // 50 or fewer: no pagination. The social worker sees none of these (team B's child, not theirs): 2 actions, one page.
    const sw = await as('social-worker').get('/quality/actions');
    assert.doesNotMatch(sw.text, /govuk-pagination/);
  });
});
