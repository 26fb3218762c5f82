/**
 * The moderation pages as their users meet them. In the test world (teams Family Support A and B, a user per role; the
 * team manager and social worker in team A):
 *
 *   audit M: child TA1 (team A), conducted by the QA auditor, submitted 12 February 2024: Assessment good, Voice good,
 *            overall good
 *   audit B: child TB1 (team B), conducted by the QA auditor, submitted 14 February 2024
 *   audit D: child TA1, a draft
 *
 * The team manager moderates M through the form: Assessment good → inadequate (with a reason), Voice confirmed good.
 *   /quality for February 2024, before: Assessment good 1 (100%); after: inadequate 1 (0% good or better).
 *   Agreement after: pairs 2 (Assessment good/inadequate, Voice good/good), exact 1 of 2 = 50%.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  caseAuditEvents,
  caseAuditGrades,
  caseAuditModerations,
  caseAudits,
  children,
  users,
} from '../../../db/schema/index';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { buildCaseAudit } from '../../../../test/support/builders';
import { h1, TestClient } from '../../../../harness/client';
import { buildDomain } from '../../../../test/support/improvement';
import { firstCells, tableRow } from '../../../../test/support/html';

describe('moderation pages', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  const ids = { m: 0, b: 0, d: 0, assessment: 0, voice: 0 };
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
    ids.assessment = (
      await buildDomain(db, { authorityId: la, key: 'assessment', title: 'Assessment', sortOrder: 1 })
    ).id;
    ids.voice = (await buildDomain(db, { authorityId: la, key: 'voice', title: 'Voice', sortOrder: 2 })).id;
    const [qa] = await db.select().from(users).where(eq(users.username, 'qa-auditor'));
    const [ta1] = await db.select().from(children).where(eq(children.laChildId, 'TA1'));
    const [tb1] = await db.select().from(children).where(eq(children.laChildId, 'TB1'));
    if (!qa || !ta1 || !tb1) throw new Error('no world');
    const audit = async (child: typeof ta1, teamId: number, submittedOn: string | null, status = 'submitted') => {
      const a = await buildCaseAudit(db, child, {
        teamId,
        auditorUserId: qa.id,
        auditorName: qa.displayName,
        submittedOn,
        status,
        overallGrade: 'good',
      });
      await db.insert(caseAuditGrades).values([
        { auditId: a.id, domainId: ids.assessment, grade: 'good', narrative: 'Synthetic assessment narrative' },
        { auditId: a.id, domainId: ids.voice, grade: 'good' },
      ]);
      return a.id;
    };
    ids.m = await audit(ta1, world.teamA, '2024-02-12');
    ids.b = await audit(tb1, world.teamB, '2024-02-14');
    ids.d = await audit(ta1, world.teamA, null, 'draft');
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
  const form = (id: number) => `/quality/audits/${id}/moderate`;

  it('who may open the queue and the form: moderators only; a team manager not another team’s audit', async () => {
    for (const role of ['admin', 'director', 'social-worker', 'analyst', 'member']) {
      assert.equal((await as(role).get('/quality/moderation')).status, 403, role);
      assert.equal((await as(role).get(form(ids.m))).status, 403, role);
    }
    for (const role of ['head-of-service', 'team-manager', 'qa-auditor'])
      assert.equal((await as(role).get('/quality/moderation')).status, 200, role);
    assert.equal((await as('head-of-service').get(form(ids.m))).status, 200);
    assert.equal((await as('team-manager').get(form(ids.m))).status, 200);
    assert.equal((await as('team-manager').get(form(ids.b))).status, 404);
    assert.equal((await as('head-of-service').get(form(999999))).status, 404);
    assert.equal((await new TestClient(world.baseUrl).get('/quality/moderation')).status, 303);
  });

  it('the queue: the head of service sees both; the team manager only team A’s; the auditor neither (their own)', async () => {
    const hos = await as('head-of-service').get('/quality/moderation');
    assert.equal(h1(hos.text), 'Moderation');
    assert.deepEqual(tableRow(hos.text, 'Awaiting moderation', `Audit ${ids.m}`).slice(2, 7), [
      'Family Support A',
      'None',
      'Test qa-auditor',
      '12 February 2024',
      'Good',
    ]);
    assert.ok(tableRow(hos.text, 'Awaiting moderation', `Audit ${ids.b}`));
    const tm = await as('team-manager').get('/quality/moderation');
    assert.ok(tableRow(tm.text, 'Awaiting moderation', `Audit ${ids.m}`));
    assert.throws(() => tableRow(tm.text, 'Awaiting moderation', `Audit ${ids.b}`));
    const qa = await as('qa-auditor').get('/quality/moderation');
    assert.match(qa.text, /No submitted audits are waiting for moderation/);
    const filtered = await as('head-of-service').get(`/quality/moderation?team=${world.teamB}&month=2024-02`);
    assert.throws(() => tableRow(filtered.text, 'Awaiting moderation', `Audit ${ids.m}`));
    assert.ok(tableRow(filtered.text, 'Awaiting moderation', `Audit ${ids.b}`));
  });

  it('the auditor is refused with a clear page (403); a draft cannot be moderated (409)', async () => {
    const own = await as('qa-auditor').get(form(ids.m));
    assert.equal(own.status, 403);
    assert.equal(h1(own.text), 'You cannot moderate this audit');
    assert.match(own.text, /You conducted this audit, so you cannot moderate it/);
    const posted = await as('qa-auditor').post(form(ids.m), { level: 'double-lock' });
    assert.equal(posted.status, 403);
    const draft = await as('head-of-service').get(form(ids.d));
    assert.equal(draft.status, 409);
    assert.equal(h1(draft.text), 'This audit cannot be moderated yet');
  });

  it('the form shows each domain with the auditor’s grade checked, and refuses a change without a reason, saving nothing', async () => {
    const page = await as('team-manager').get(form(ids.m));
    assert.equal(h1(page.text), 'Moderate the audit');
    assert.match(page.text, /Synthetic assessment narrative/);
    assert.match(page.text, new RegExp(`name="grade-${ids.assessment}" type="radio" value="good" checked`));
    assert.match(page.text, /Triple lock — an external moderator \(record their name and organisation\)/);
    const reply = await as('team-manager').post(form(ids.m), {
      level: 'double-lock',
      [`grade-${ids.assessment}`]: 'inadequate',
      [`grade-${ids.voice}`]: 'good',
      overallGrade: 'good',
    });
    assert.equal(reply.status, 400);
    assert.match(reply.text, /There is a problem/);
    assert.match(
      reply.text,
      new RegExp(
        `<a href="#reason-${ids.assessment}">Give the reason for changing Assessment’s grade from Good to Inadequate</a>`,
      ),
    );
    // The posted grade is kept.
    assert.match(reply.text, new RegExp(`name="grade-${ids.assessment}" type="radio" value="inadequate" checked`));
    const [row] = await world.database.db.select().from(caseAudits).where(eq(caseAudits.id, ids.m));
    assert.equal(row?.status, 'submitted');
    assert.equal((await world.database.db.select().from(caseAuditModerations)).length, 0);
    const triple = await as('team-manager').post(form(ids.m), {
      level: 'triple-lock',
      [`grade-${ids.assessment}`]: 'good',
      [`grade-${ids.voice}`]: 'good',
      overallGrade: 'good',
    });
    assert.equal(triple.status, 400);
    assert.match(triple.text, /<a href="#externalModerator">Enter the external moderator’s name and organisation<\/a>/);
  });

  it('a moderation through the form changes /quality’s counts and the agreement', async () => {
    const Q = 'from=2024-02&to=2024-02';
    const before = await as('head-of-service').get(`/quality?${Q}`);
    assert.deepEqual(tableRow(before.text, 'Grades by practice domain', 'Assessment').slice(1), [
      '0 (0%)',
      '2 (100%)',
      '0 (0%)',
      '0 (0%)',
      '2',
      '100%',
    ]);
    const reply = await as('team-manager').post(form(ids.m), {
      level: 'double-lock',
      [`grade-${ids.assessment}`]: 'inadequate',
      [`reason-${ids.assessment}`]: 'Risks are not analysed',
      [`grade-${ids.voice}`]: 'good',
      overallGrade: 'good',
    });
    assert.equal(reply.status, 303);
    assert.equal(reply.location, `/quality/moderation?saved=${ids.m}`);
    const [row] = await world.database.db.select().from(caseAudits).where(eq(caseAudits.id, ids.m));
    assert.equal(row?.status, 'moderated');
    const events = await world.database.db.select().from(caseAuditEvents).where(eq(caseAuditEvents.auditId, ids.m));
    assert.deepEqual(
      events.map((e) => e.event),
      ['moderated'],
    );
    // Assessment: M's agreed inadequate and B's good → good 1 (50%), inadequate 1 (50%).
    const after = await as('head-of-service').get(`/quality?${Q}`);
    assert.deepEqual(tableRow(after.text, 'Grades by practice domain', 'Assessment').slice(1), [
      '0 (0%)',
      '1 (50%)',
      '0 (0%)',
      '1 (50%)',
      '2',
      '50%',
    ]);
    const agreement = await as('head-of-service').get(`/quality/agreement?${Q}`);
    assert.deepEqual(tableRow(agreement.text, 'Overall', 'All moderated domain grades').slice(1, 3), ['2', '50%']);
    // M now waits for a triple lock; the link asks for one.
    const queue = await as('head-of-service').get(`/quality/moderation?saved=${ids.m}`);
    assert.match(queue.text, new RegExp(`Audit ${ids.m} has been moderated`));
    assert.match(
      tableRow(queue.text, 'Moderated: may be taken to triple lock', `Audit ${ids.m}`).join(' '),
      /Double lock, Test team-manager/,
    );
    assert.match(queue.text, new RegExp(`href="/quality/audits/${ids.m}/moderate\\?level=triple-lock"`));
    const triple = await as('head-of-service').get(`${form(ids.m)}?level=triple-lock`);
    assert.match(triple.text, /name="level" type="radio" value="triple-lock" checked/);
    // The earlier moderation's agreed grade is the default, with its reason.
    assert.match(triple.text, new RegExp(`name="grade-${ids.assessment}" type="radio" value="inadequate" checked`));
    assert.match(triple.text, /Risks are not analysed/);
  });

  it('each list pages 50 at a time with its own page number; links keep the filters and the other list’s page', async () => {
    // Team B, submitted in May 2023 (no other audit then), by the QA auditor: 51 submitted (S1 … S51, in id order, all
    // on 10 May) and 51 moderated with a double lock (D1 … D51, 11 May). Oldest submission first, then by id:
    // page 1 of each list holds the first 50, page 2 the 51st alone.
    const db = world.database.db;
    const [qa] = await db.select().from(users).where(eq(users.username, 'qa-auditor'));
    const [tb1] = await db.select().from(children).where(eq(children.laChildId, 'TB1'));
    if (!qa || !tb1) throw new Error('no world');
    const submittedIds: number[] = [];
    const moderatedIds: number[] = [];
    for (let i = 0; i < 51; i++) {
      submittedIds.push(
        (
          await buildCaseAudit(db, tb1, {
            teamId: world.teamB,
            auditorUserId: qa.id,
            auditorName: qa.displayName,
            submittedOn: '2023-05-10',
          })
        ).id,
      );
    }
    for (let i = 0; i < 51; i++) {
      const a = await buildCaseAudit(db, tb1, {
        teamId: world.teamB,
        auditorUserId: qa.id,
        auditorName: qa.displayName,
        submittedOn: '2023-05-11',
        status: 'moderated',
      });
      await db
        .insert(caseAuditModerations)
        .values({ auditId: a.id, level: 'double-lock', moderatorName: 'Morgan Moderator', moderatedOn: '2023-05-20' });
      moderatedIds.push(a.id);
    }
    const label = (id: number | undefined) => `Audit ${String(id)}`;
    const Q = `team=${world.teamB}&month=2023-05`;
    const AWAITING = 'Awaiting moderation';
    const MODERATED = 'Moderated: may be taken to triple lock';
    const first = await as('head-of-service').get(`/quality/moderation?${Q}`);
    assert.deepEqual(firstCells(first.text, AWAITING), submittedIds.slice(0, 50).map(label));
    assert.deepEqual(firstCells(first.text, MODERATED), moderatedIds.slice(0, 50).map(label));
    assert.match(first.text, /Awaiting moderation <span[^>]*>Showing 1 to 50 of 51 audits</);
    assert.match(first.text, /Moderated: may be taken to triple lock <span[^>]*>Showing 1 to 50 of 51 audits</);
    // Two pagination landmarks, named apart; each one's page 2 keeps the filters.
    assert.match(first.text, /aria-label="Pages of audits awaiting moderation"/);
    assert.match(first.text, /aria-label="Pages of moderated audits"/);
    const base = `/quality/moderation?team=${world.teamB}&amp;month=2023-05`;
    assert.ok(first.text.includes(`href="${base}&amp;page=2"`));
    assert.ok(first.text.includes(`href="${base}&amp;moderatedPage=2"`));
    // Page 2 of the first list: S51 alone; the second list stays on its page 1; its links keep page=2.
    const second = await as('head-of-service').get(`/quality/moderation?${Q}&page=2`);
    assert.deepEqual(firstCells(second.text, AWAITING), [label(submittedIds[50])]);
    assert.match(second.text, /Showing 51 to 51 of 51 audits/);
    assert.equal(firstCells(second.text, MODERATED).length, 50);
    assert.ok(second.text.includes(`href="${base}&amp;page=2&amp;moderatedPage=2"`));
    // Page 2 of the second list only.
    const other = await as('head-of-service').get(`/quality/moderation?${Q}&moderatedPage=2`);
    assert.equal(firstCells(other.text, AWAITING).length, 50);
    assert.deepEqual(firstCells(other.text, MODERATED), [label(moderatedIds[50])]);
    // Not a number: page 1; past the end: the last page; never an error.
    const odd = await as('head-of-service').get(`/quality/moderation?${Q}&page=abc&moderatedPage=99`);
    assert.equal(odd.status, 200);
    assert.deepEqual(firstCells(odd.text, AWAITING), submittedIds.slice(0, 50).map(label));
    assert.deepEqual(firstCells(odd.text, MODERATED), [label(moderatedIds[50])]);
    // Another month: nothing to page.
    const feb = await as('head-of-service').get('/quality/moderation?month=2024-02');
    assert.doesNotMatch(feb.text, /govuk-pagination/);
  });
});
