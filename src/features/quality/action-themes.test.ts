/**
 * Themes from actions and overdue actions by team, worked by hand. Today is Tuesday 10 March 2026.
 *
 *   audit A1: team A (cin-cp), child in team A; audit A2: team B (children-in-care), child in team B.
 *   #1 A1 Assessment  due 9 Mar (yesterday)  open                 raised 2 Feb   → open, overdue by 1 day
 *   #2 A1 Assessment  due 10 Mar (today)     open                 raised 2 Feb   → open, NOT overdue
 *   #3 A1 Assessment  due 20 Feb             completed 20 Feb     raised 2 Feb   → completed on time (on the day)
 *   #4 A2 Planning    due 20 Feb             completed 21 Feb     raised 6 Feb   → completed late (a day after)
 *   #5 A2 Planning    due 1 Mar              open                 raised 6 Feb   → open, overdue by 9 days
 *   #6 A2 no theme    due 1 Apr              open                 raised 15 Jan  → open, not overdue
 *   #7 another authority's audit, Assessment, overdue              → never counted
 *
 *   As at 10 March, any raising date:
 *     Assessment: raised 3 (#1 #2 #3), open 2 (#1 #2), overdue 1 (#1), completed 1 (#3): on time 1, late 0
 *     Planning:   raised 2 (#4 #5), open 1 (#5), overdue 1 (#5), completed 1 (#4): on time 0, late 1
 *     Voice:      all 0 (every domain is listed); No theme: raised 1 (#6), open 1, overdue 0
 *   Raised in February 2026 only: #6 (15 January) drops out, so no "No theme" row.
 *   As at 20 February: #3 is complete (completed that day); #4 is still open (completed the 21st) but due the 20th, so
 *   not overdue; nothing overdue. As at 21 February: #4 counts as completed (late).
 *   Overdue by team, as at 10 March: Family A open 2 (#1 #2), overdue 1 (#1); Family B open 2 (#5 #6), overdue 1 (#5).
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { caseAuditActions } from '../../db/schema/index';
import type { Tx } from '../../db/client';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildCaseAudit,
  buildChild,
  buildTeam,
  buildWorker,
} from '../../../test/support/builders';
import { buildDomain } from '../../../test/support/improvement';
import { actionThemes, daysOverdue, overdueByTeam, themeTotals } from './action-themes';

const TODAY = '2026-03-10';

async function action(db: Tx, values: typeof caseAuditActions.$inferInsert) {
  const [row] = await db.insert(caseAuditActions).values(values).returning();
  if (!row) throw new Error('no action');
  return row;
}

it('daysOverdue: due yesterday is 1 day, due today 0, across a month end', () => {
  assert.equal(daysOverdue('2026-03-09', TODAY), 1);
  assert.equal(daysOverdue('2026-03-10', TODAY), 0);
  assert.equal(daysOverdue('2026-02-28', '2026-03-01'), 1);
  // 1 March to 10 March: 9 days.
  assert.equal(daysOverdue('2026-03-01', TODAY), 9);
});

describeEachEngine('themes from actions', (ctx) => {
  const ids = { la: 0, teamA: 0, teamB: 0, assessment: 0, planning: 0, voice: 0, owner: 4242 };

  it('sets up', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db);
    const other = await buildAuthority(db);
    ids.la = la.id;
    const teamA = await buildTeam(db, { authorityId: la.id, name: 'Family A', serviceArea: 'cin-cp' });
    const teamB = await buildTeam(db, { authorityId: la.id, name: 'Family B', serviceArea: 'children-in-care' });
    ids.teamA = teamA.id;
    ids.teamB = teamB.id;
    const assessment = await buildDomain(db, {
      authorityId: la.id,
      key: 'assessment',
      title: 'Assessment',
      sortOrder: 1,
    });
    const planning = await buildDomain(db, { authorityId: la.id, key: 'planning', title: 'Planning', sortOrder: 2 });
    const voice = await buildDomain(db, { authorityId: la.id, key: 'voice', title: 'Voice', sortOrder: 3 });
    ids.assessment = assessment.id;
    ids.planning = planning.id;
    ids.voice = voice.id;
    const childA = await buildChild(db, { authorityId: la.id });
    const childB = await buildChild(db, { authorityId: la.id });
    const worker = await buildWorker(db, { authorityId: la.id, teamId: teamA.id });
    await buildAllocation(db, { child: childA, teamId: teamA.id, workerId: worker.id });
    await buildAllocation(db, { child: childB, teamId: teamB.id, workerId: worker.id });
    const a1 = await buildCaseAudit(db, childA, { teamId: teamA.id, submittedOn: '2026-02-01' });
    const a2 = await buildCaseAudit(db, childB, { teamId: teamB.id, submittedOn: '2026-02-05' });
    const elsewhereChild = await buildChild(db, { authorityId: other.id });
    const a3 = await buildCaseAudit(db, elsewhereChild, { submittedOn: '2026-02-01' });
    const feb2 = new Date('2026-02-02T12:00:00Z');
    const feb6 = new Date('2026-02-06T12:00:00Z');
    await action(db, {
      auditId: a1.id,
      domainId: assessment.id,
      description: '#1',
      ownerName: 'Owner',
      ownerUserId: ids.owner,
      dueOn: '2026-03-09',
      createdAt: feb2,
    });
    await action(db, {
      auditId: a1.id,
      domainId: assessment.id,
      description: '#2',
      ownerName: 'Owner',
      dueOn: '2026-03-10',
      createdAt: feb2,
    });
    await action(db, {
      auditId: a1.id,
      domainId: assessment.id,
      description: '#3',
      ownerName: 'Owner',
      dueOn: '2026-02-20',
      status: 'complete',
      completedOn: '2026-02-20',
      createdAt: feb2,
    });
    await action(db, {
      auditId: a2.id,
      domainId: planning.id,
      description: '#4',
      ownerName: 'Owner',
      dueOn: '2026-02-20',
      status: 'complete',
      completedOn: '2026-02-21',
      createdAt: feb6,
    });
    await action(db, {
      auditId: a2.id,
      domainId: planning.id,
      description: '#5',
      ownerName: 'Owner',
      dueOn: '2026-03-01',
      createdAt: feb6,
    });
    await action(db, {
      auditId: a2.id,
      domainId: null,
      description: '#6',
      ownerName: 'Owner',
      dueOn: '2026-04-01',
      createdAt: new Date('2026-01-15T12:00:00Z'),
    });
    await action(db, {
      auditId: a3.id,
      domainId: assessment.id,
      description: '#7',
      ownerName: 'Owner',
      dueOn: '2026-01-01',
      createdAt: feb2,
    });
  });

  const pick = (rows: Awaited<ReturnType<typeof actionThemes>>) =>
    rows.map((r) => [r.label, r.raised, r.open, r.overdue, r.completed, r.completedOnTime, r.completedLate]);

  it('as at today, any raising date: every domain, then No theme; another authority never counts', async () => {
    const rows = await actionThemes(ctx.database.db, ids.la, {}, TODAY);
    assert.deepEqual(pick(rows), [
      ['Assessment', 3, 2, 1, 1, 1, 0],
      ['Planning', 2, 1, 1, 1, 0, 1],
      ['Voice', 0, 0, 0, 0, 0, 0],
      ['No theme', 1, 1, 0, 0, 0, 0],
    ]);
    // 3 + 2 + 1 = 6 raised; open 2 + 1 + 1 = 4; overdue 1 + 1 = 2.
    const t = themeTotals(rows);
    assert.deepEqual([t.raised, t.open, t.overdue, t.completed], [6, 4, 2, 2]);
  });

  it('raised in February 2026 only: the January action drops out', async () => {
    const rows = await actionThemes(
      ctx.database.db,
      ids.la,
      { raisedFrom: '2026-02-01', raisedTo: '2026-02-28' },
      TODAY,
    );
    assert.deepEqual(pick(rows), [
      ['Assessment', 3, 2, 1, 1, 1, 0],
      ['Planning', 2, 1, 1, 1, 0, 1],
      ['Voice', 0, 0, 0, 0, 0, 0],
    ]);
  });

  it('as at a past day: completed after it counts as open; due that day is not overdue', async () => {
    const feb20 = await actionThemes(ctx.database.db, ids.la, { domainId: ids.planning }, '2026-02-20');
    assert.deepEqual(pick(feb20), [['Planning', 2, 2, 0, 0, 0, 0]]);
    const feb21 = await actionThemes(ctx.database.db, ids.la, { domainId: ids.planning }, '2026-02-21');
    // #4 completed on the 21st, a day after its due date: completed late; #5 still open, due 1 March.
    assert.deepEqual(pick(feb21), [['Planning', 2, 1, 0, 1, 0, 1]]);
    const assessmentFeb20 = await actionThemes(ctx.database.db, ids.la, { domainId: ids.assessment }, '2026-02-20');
    assert.deepEqual(pick(assessmentFeb20), [['Assessment', 3, 2, 0, 1, 1, 0]]);
  });

  it('filters: team, service area; team visibility sees its children plus the actions the user owns', async () => {
    const teamB = await actionThemes(ctx.database.db, ids.la, { teamId: ids.teamB }, TODAY);
    assert.deepEqual(pick(teamB), [
      ['Assessment', 0, 0, 0, 0, 0, 0],
      ['Planning', 2, 1, 1, 1, 0, 1],
      ['Voice', 0, 0, 0, 0, 0, 0],
      ['No theme', 1, 1, 0, 0, 0, 0],
    ]);
    const cinCp = await actionThemes(ctx.database.db, ids.la, { serviceArea: 'cin-cp' }, TODAY);
    assert.deepEqual(
      pick(cinCp).map((r) => r.slice(0, 2)),
      [
        ['Assessment', 3],
        ['Planning', 0],
        ['Voice', 0],
      ],
    );
    const seenByTeamA = await actionThemes(
      ctx.database.db,
      ids.la,
      { visibility: { kind: 'team', teamId: ids.teamA, userId: 1 } },
      TODAY,
    );
    assert.deepEqual(
      pick(seenByTeamA).map((r) => r.slice(0, 2)),
      [
        ['Assessment', 3],
        ['Planning', 0],
        ['Voice', 0],
      ],
    );
    // A team B user who owns #1 (team A's) sees it too: B's 3 actions + #1.
    const ownerInB = await actionThemes(
      ctx.database.db,
      ids.la,
      { visibility: { kind: 'team', teamId: ids.teamB, userId: ids.owner } },
      TODAY,
    );
    assert.equal(themeTotals(ownerInB).raised, 4);
    // A team-scoped user without a team sees only what they own: #1.
    const noTeam = await actionThemes(
      ctx.database.db,
      ids.la,
      { visibility: { kind: 'team', teamId: null, userId: ids.owner } },
      TODAY,
    );
    assert.deepEqual(pick(noTeam)[0], ['Assessment', 1, 1, 1, 0, 0, 0]);
  });

  it('overdue by team as at today, and as at 20 February (nothing overdue)', async () => {
    const rows = await overdueByTeam(ctx.database.db, ids.la, {}, TODAY);
    assert.deepEqual(
      rows.map((r) => [r.label, r.open, r.overdue]),
      [
        ['Family A', 2, 1],
        ['Family B', 2, 1],
      ],
    );
    // 20 February: A open #1 #2 (#3 completed that day); B open #4 (completed the 21st) #5 #6; none overdue.
    const feb20 = await overdueByTeam(ctx.database.db, ids.la, {}, '2026-02-20');
    assert.deepEqual(
      feb20.map((r) => [r.label, r.open, r.overdue]),
      [
        ['Family A', 2, 0],
        ['Family B', 3, 0],
      ],
    );
    const onlyB = await overdueByTeam(ctx.database.db, ids.la, { teamId: ids.teamB }, TODAY);
    assert.deepEqual(
      onlyB.map((r) => r.label),
      ['Family B'],
    );
  });
});
