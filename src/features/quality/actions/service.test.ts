/**
 * Audit actions' data rules on both engines. Today is Tuesday 10 March 2026.
 *
 *   audit A: child in team A, by the QA auditor (user 10), submitted 2 March
 *   audit B: child in team B, submitted 2 March
 *   audit C: child in team B, a draft
 *   x1 on A, owner: team A's social worker (20), due 9 March   → overdue by 1 day
 *   x2 on B, owner: team A's social worker (20), due 10 March  → open, not overdue (due today)
 *   x3 on C, no owner user, raised 5 March, due 1 April
 *   x4 on C, raised 31 March 23:30 UTC = 1 April 00:30 in London (BST) → raised on 1 April
 *
 *   Seen by: the team A social worker x1 (team) and x2 (owned); team B's manager x2, x3, x4; team A's manager x1.
 *   Completion: not before 2 March for x1 (the audit's submission); not before 5 March for x3 (draft: the day raised).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { caseAuditActions, caseAuditEvents } from '../../../db/schema/index';
import { ForbiddenError, NotFoundError, ValidationError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import type { CurrentUser } from '../../../accounts/users/service';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildCaseAudit,
  buildChild,
  buildTeam,
  buildWorker,
} from '../../../../test/support/builders';
import { checkCompletion, completeAction, getAction, listActions, mayChangeAction, reopenAction } from './service';

const TODAY = '2026-03-10';

function recorder(): Auditor {
  let n = 0;
  return {
    action: 'quality.action.update',
    get recorded() {
      return n > 0;
    },
    async record(_tx: Tx) {
      n++;
    },
  };
}

describeEachEngine('audit actions', (ctx) => {
  const ids = { x1: 0, x2: 0, x3: 0, x4: 0, auditA: 0 };
  const users: Record<string, CurrentUser> = {};

  it('sets up', async () => {
    const db = ctx.database.db;
    const la = (await buildAuthority(db)).id;
    const teamA = (await buildTeam(db, { authorityId: la })).id;
    const teamB = (await buildTeam(db, { authorityId: la })).id;
    const u = (id: number, role: CurrentUser['role'], teamId: number | null): CurrentUser => ({
      id,
      username: role,
      displayName: `User ${id}`,
      role,
      authorityId: la,
      teamId,
      workerId: null,
    });
    Object.assign(users, {
      qa: u(10, 'qa-auditor', null),
      swA: u(20, 'social-worker', teamA),
      tmA: u(21, 'team-manager', teamA),
      tmB: u(22, 'team-manager', teamB),
      director: u(23, 'director', null),
      hos: u(24, 'head-of-service', null),
    });
    const worker = (await buildWorker(db, { authorityId: la })).id;
    const childA = await buildChild(db, { authorityId: la });
    const childB = await buildChild(db, { authorityId: la });
    await buildAllocation(db, { child: childA, teamId: teamA, workerId: worker });
    await buildAllocation(db, { child: childB, teamId: teamB, workerId: worker });
    const a = await buildCaseAudit(db, childA, { teamId: teamA, auditorUserId: 10, submittedOn: '2026-03-02' });
    const b = await buildCaseAudit(db, childB, { teamId: teamB, submittedOn: '2026-03-02' });
    const c = await buildCaseAudit(db, childB, { teamId: teamB, status: 'draft', submittedOn: null });
    ids.auditA = a.id;
    const add = async (values: typeof caseAuditActions.$inferInsert) => {
      const [row] = await db.insert(caseAuditActions).values(values).returning();
      if (!row) throw new Error('no action');
      return row.id;
    };
    ids.x1 = await add({
      auditId: a.id,
      description: 'x1',
      ownerName: 'User 20',
      ownerUserId: 20,
      dueOn: '2026-03-09',
      createdAt: new Date('2026-03-03T12:00:00Z'),
    });
    ids.x2 = await add({
      auditId: b.id,
      description: 'x2',
      ownerName: 'User 20',
      ownerUserId: 20,
      dueOn: '2026-03-10',
      createdAt: new Date('2026-03-03T12:00:00Z'),
    });
    ids.x3 = await add({
      auditId: c.id,
      description: 'x3',
      ownerName: 'Someone',
      dueOn: '2026-04-01',
      createdAt: new Date('2026-03-05T12:00:00Z'),
    });
    ids.x4 = await add({
      auditId: c.id,
      description: 'x4',
      ownerName: 'Someone',
      dueOn: '2026-04-10',
      createdAt: new Date('2026-03-31T23:30:00Z'),
    });
  });

  const seen = async (who: string, filter = {}) => {
    const user = users[who];
    if (!user) throw new Error(who);
    return (await listActions(ctx.database.db, user, filter, TODAY)).map((a) => a.description);
  };

  it('who sees what: team scope plus what you own; the whole authority for others; overdue from the day after due', async () => {
    assert.deepEqual(await seen('swA'), ['x1', 'x2']);
    assert.deepEqual(await seen('tmA'), ['x1']);
    assert.deepEqual(await seen('tmB'), ['x2', 'x3', 'x4']);
    assert.deepEqual(await seen('hos'), ['x1', 'x2', 'x3', 'x4']);
    assert.deepEqual(await seen('hos', { status: 'overdue' }), ['x1']);
    assert.deepEqual(await seen('hos', { status: 'open' }), ['x1', 'x2', 'x3', 'x4']);
    assert.deepEqual(await seen('hos', { ownerUserId: 20 }), ['x1', 'x2']);
    const all = await listActions(ctx.database.db, users.hos as CurrentUser, {}, TODAY);
    assert.deepEqual(
      all.map((a) => [a.description, a.overdueDays, a.raisedOn]),
      [
        ['x1', 1, '2026-03-03'],
        ['x2', 0, '2026-03-03'],
        ['x3', 0, '2026-03-05'],
        ['x4', 0, '2026-04-01'],
      ],
    );
  });

  it('who may change: owner, auditor, the child’s team manager, head of service, QA; not the director; others cannot see it', async () => {
    const db = ctx.database.db;
    const may = async (who: string, id: number) =>
      mayChangeAction(db, users[who] as CurrentUser, await getAction(db, users[who] as CurrentUser, id, TODAY));
    assert.equal(await may('swA', ids.x1), true);
    assert.equal(await may('swA', ids.x2), true);
    assert.equal(await may('tmA', ids.x1), true);
    assert.equal(await may('tmB', ids.x2), true);
    assert.equal(await may('tmB', ids.x3), true);
    assert.equal(await may('qa', ids.x1), true);
    assert.equal(await may('hos', ids.x3), true);
    assert.equal(await may('director', ids.x1), false);
    await assert.rejects(getAction(db, users.tmA as CurrentUser, ids.x2, TODAY), NotFoundError);
    await assert.rejects(getAction(db, users.swA as CurrentUser, ids.x3, TODAY), NotFoundError);
  });

  it('completion dates: not before the submission (or, for a draft, the day raised), not in the future, a real date', async () => {
    const db = ctx.database.db;
    const x1 = await getAction(db, users.hos as CurrentUser, ids.x1, TODAY);
    const x3 = await getAction(db, users.hos as CurrentUser, ids.x3, TODAY);
    const check = (a: typeof x1, completedOn: string, note = 'Done') =>
      checkCompletion(a, { completedOn, completionNote: note }, TODAY).map((e) => e.message);
    assert.deepEqual(check(x1, '2026-03-01'), [
      'The date the action was completed must be on or after 2 March 2026, the day the audit was submitted',
    ]);
    assert.deepEqual(check(x1, '2026-03-02'), []);
    assert.deepEqual(check(x1, TODAY), []);
    assert.deepEqual(check(x1, '2026-03-11'), ['The date the action was completed must be today or in the past']);
    assert.deepEqual(check(x1, '2026-02-30'), [
      'The date the action was completed must be a real date, for example 27 3 2026',
    ]);
    assert.deepEqual(check(x1, '', '  '), [
      'Enter the date the action was completed',
      'Enter what was done to complete the action',
    ]);
    assert.deepEqual(check(x3, '2026-03-04'), [
      'The date the action was completed must be on or after 5 March 2026, the day the action was raised',
    ]);
    assert.deepEqual(check(x3, '2026-03-05'), []);
  });

  it('complete and reopen: the action, an event on the audit each time; refused changes save nothing', async () => {
    const db = ctx.database.db;
    await assert.rejects(
      completeAction(
        db,
        users.director as CurrentUser,
        ids.x1,
        { completedOn: TODAY, completionNote: 'Done' },
        recorder(),
        TODAY,
      ),
      ForbiddenError,
    );
    await assert.rejects(
      completeAction(
        db,
        users.swA as CurrentUser,
        ids.x1,
        { completedOn: '2026-03-01', completionNote: 'Done' },
        recorder(),
        TODAY,
      ),
      ValidationError,
    );
    assert.equal((await db.select().from(caseAuditEvents)).length, 0);
    const audit = recorder();
    await completeAction(
      db,
      users.swA as CurrentUser,
      ids.x1,
      { completedOn: TODAY, completionNote: ' Chronology updated ' },
      audit,
      TODAY,
    );
    assert.equal(audit.recorded, true);
    const [done] = await db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.x1));
    assert.deepEqual(
      [done?.status, done?.completedOn, done?.completionNote],
      ['complete', TODAY, 'Chronology updated'],
    );
    await assert.rejects(
      completeAction(
        db,
        users.swA as CurrentUser,
        ids.x1,
        { completedOn: TODAY, completionNote: 'Again' },
        recorder(),
        TODAY,
      ),
      ValidationError,
    );
    await reopenAction(db, users.tmA as CurrentUser, ids.x1, recorder(), TODAY);
    const [open] = await db.select().from(caseAuditActions).where(eq(caseAuditActions.id, ids.x1));
    assert.deepEqual([open?.status, open?.completedOn, open?.completionNote], ['open', null, '']);
    const events = await db.select().from(caseAuditEvents).where(eq(caseAuditEvents.auditId, ids.auditA));
    assert.deepEqual(
      events.map((e) => [e.event, e.userId]),
      [
        ['action-completed', 20],
        ['action-reopened', 21],
      ],
    );
    // Completed on 10 March, due 9 March: late.
    assert.deepEqual(events[0]?.detail, { actionId: ids.x1, completedOn: TODAY, dueOn: '2026-03-09', late: true });
    assert.deepEqual(events[1]?.detail, { actionId: ids.x1, wasCompletedOn: TODAY });
  });
});
