/**
 * Programme progress, auditors' loads and allocation from the database, worked by hand on both engines; the
 * programme form's rules as a pure function.
 */
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditProgrammeCases, auditProgrammes, users } from '../../../db/schema/index';
import { ValidationError } from '../../../core/errors';
import { buildAuthority, buildCaseAudit, buildChild, buildTeam } from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import type { Auditor } from '../../../accounts/access-log/auditor';
import { allocateUnallocated, auditorsWithLoad, listProgrammes, monthlyTitle, validateProgramme } from './service';

const noAudit: Auditor = { action: 'test', recorded: true, record: async () => undefined };

describe('the programme form’s rules', () => {
  const raw = {
    kind: 'monthly',
    title: '',
    theme: '',
    frameworkVersionId: '7',
    startsOn: '2026-03-02',
    dueOn: '2026-03-02',
    partnerAgencies: [] as string[],
  };
  const errorsOf = (r: typeof raw) => {
    try {
      validateProgramme(r, new Set([7]));
      return [];
    } catch (e) {
      if (e instanceof ValidationError) return e.errors.map((x) => x.field);
      throw e;
    }
  };

  test('a monthly programme left untitled is called after its month; due on the start day is allowed', () => {
    assert.equal(monthlyTitle('2026-03-02'), 'Monthly audit: March 2026');
    const input = validateProgramme(raw, new Set([7]));
    assert.equal(input.title, 'Monthly audit: March 2026');
    assert.equal(input.frameworkVersionId, 7);
  });

  test('due the day before the start, a thematic programme with no theme, an unpublished version, an unknown agency', () => {
    assert.deepEqual(errorsOf({ ...raw, dueOn: '2026-03-01' }), ['dueOn']);
    assert.deepEqual(errorsOf({ ...raw, kind: 'thematic', title: 'Neglect' }), ['theme']);
    assert.deepEqual(errorsOf({ ...raw, kind: 'thematic' }), ['title', 'theme']);
    assert.deepEqual(errorsOf({ ...raw, frameworkVersionId: '8' }), ['frameworkVersionId']);
    assert.deepEqual(errorsOf({ ...raw, partnerAgencies: ['fire'] }), ['partnerAgencies']);
    assert.deepEqual(errorsOf({ ...raw, kind: 'multi-agency', title: 'X', theme: 'Y' }), ['partnerAgencies']);
    assert.deepEqual(
      errorsOf({
        ...raw,
        kind: 'multi-agency',
        title: 'X',
        theme: 'Y',
        partnerAgencies: ['health', 'police', 'health'],
      }),
      [],
    );
    assert.deepEqual(
      validateProgramme(
        { ...raw, kind: 'multi-agency', title: 'X', theme: 'Y', partnerAgencies: ['health', 'police', 'health'] },
        new Set([7]),
      ).partnerAgencies,
      ['police', 'health'],
    );
  });
});

describeEachEngine('programme progress and allocation', (ctx) => {
  let la = 0;
  let teamA = 0;
  let teamB = 0;
  const uid: Record<string, number> = {};
  const TODAY = '2026-04-01';

  const programme = async (values: { dueOn: string; status?: 'planning' | 'open' | 'closed' }) => {
    const [row] = await ctx.database.db
      .insert(auditProgrammes)
      .values({
        authorityId: la,
        kind: 'monthly',
        title: `P ${values.dueOn}`,
        frameworkVersionId: 1,
        startsOn: '2026-03-01',
        createdBy: 'Test',
        status: values.status ?? 'open',
        dueOn: values.dueOn,
      })
      .returning();
    if (!row) throw new Error('no programme');
    return Number(row.id);
  };
  const addCase = async (
    programmeId: number,
    teamId: number | null,
    extra: Partial<typeof auditProgrammeCases.$inferInsert> = {},
  ) => {
    const child = await buildChild(ctx.database.db, { authorityId: la });
    const [row] = await ctx.database.db
      .insert(auditProgrammeCases)
      .values({ programmeId, childId: child.id, teamId, ...extra })
      .returning();
    if (!row) throw new Error('no case');
    return { caseId: Number(row.id), child };
  };

  before(async () => {
    const db = ctx.database.db;
    la = (await buildAuthority(db)).id;
    teamA = (await buildTeam(db, { authorityId: la, name: 'A' })).id;
    teamB = (await buildTeam(db, { authorityId: la, name: 'B' })).id;
    const make = async (
      username: string,
      role: 'qa-auditor' | 'team-manager' | 'head-of-service' | 'social-worker' | 'analyst',
      teamId: number | null,
      active = true,
    ) => {
      const [u] = await db
        .insert(users)
        .values({ authorityId: la, username: `${username}-${la}`, displayName: username, role, teamId, active })
        .returning();
      if (!u) throw new Error('no user');
      uid[username] = u.id;
    };
    await make('quinn', 'qa-auditor', null);
    await make('taylor', 'team-manager', teamA);
    await make('harper', 'head-of-service', null);
    await make('sam', 'social-worker', teamA); // may not conduct audits
    await make('retired', 'qa-auditor', null, false); // inactive
  });

  test('counts and the overdue flag: due yesterday and not all submitted is overdue; due today is not; closed never', async () => {
    const db = ctx.database.db;
    const late = await programme({ dueOn: '2026-03-31' });
    // 4 cases: one not allocated; one allocated; one started (draft); one submitted and moderated.
    await addCase(late, teamA);
    await addCase(late, teamA, { auditorUserId: uid.quinn, allocatedOn: '2026-03-02' });
    const draft = await addCase(late, teamB, { auditorUserId: uid.taylor, allocatedOn: '2026-03-02' });
    const draftAudit = await buildCaseAudit(db, draft.child, {
      status: 'draft',
      submittedOn: null,
      auditorUserId: uid.taylor,
    });
    await db
      .update(auditProgrammeCases)
      .set({ auditId: draftAudit.id })
      .where(eq(auditProgrammeCases.id, draft.caseId));
    const done = await addCase(late, teamB, { auditorUserId: uid.quinn, allocatedOn: '2026-03-02' });
    const doneAudit = await buildCaseAudit(db, done.child, {
      status: 'moderated',
      submittedOn: '2026-03-20',
      auditorUserId: uid.quinn,
    });
    await db.update(auditProgrammeCases).set({ auditId: doneAudit.id }).where(eq(auditProgrammeCases.id, done.caseId));
    const onTime = await programme({ dueOn: TODAY });
    const closed = await programme({ dueOn: '2026-03-31', status: 'closed' });
    const found = await listProgrammes(db, la, TODAY);
    const get = (id: number) => found.find((p) => p.id === id);
    assert.deepEqual(
      { ...get(late), id: 0 },
      {
        id: 0,
        kind: 'monthly',
        title: 'P 2026-03-31',
        theme: '',
        framework: '',
        startsOn: '2026-03-01',
        dueOn: '2026-03-31',
        status: 'open',
        selected: 4,
        allocated: 3,
        started: 2,
        submitted: 1,
        moderated: 1,
        overdue: true,
      },
    );
    assert.equal(get(onTime)?.overdue, false);
    assert.equal(get(closed)?.overdue, false);
    assert.deepEqual(
      (await listProgrammes(db, la, TODAY, onTime)).map((p) => p.id),
      [onTime],
    );
  });

  test('auditors: active users who may conduct audits, with their load (unsubmitted audits + unstarted allocations in programmes not closed)', async () => {
    const db = ctx.database.db;
    const closed = await programme({ dueOn: '2026-05-01', status: 'closed' });
    await addCase(closed, teamB, { auditorUserId: uid.harper, allocatedOn: '2026-03-02' }); // a closed programme's: not counted
    const found = await auditorsWithLoad(db, la);
    // quinn: 1 unstarted allocation + 0 unsubmitted audits (the moderated one is submitted) = 1.
    // taylor: 1 draft audit (its case is started, so not counted twice) = 1. harper: 0. sam and retired: not auditors.
    assert.deepEqual(
      found.map((a) => [a.name, a.teamId, a.load]),
      [
        ['harper', null, 0],
        ['quinn', null, 1],
        ['taylor', teamA, 1],
      ],
    );
  });

  test('allocating the unallocated: team A’s cases never go to Taylor (team A); ties by the lower user id', async () => {
    const db = ctx.database.db;
    const p = await programme({ dueOn: '2026-05-31' });
    const a1 = await addCase(p, teamA);
    const b1 = await addCase(p, teamB);
    const b2 = await addCase(p, teamB);
    const started = await addCase(p, teamA, { auditId: 424242 });
    // Loads: harper 0, quinn 1, taylor 1 (user ids: quinn < taylor < harper, made in that order).
    // a1 (A): harper 0 or quinn 1 → harper (1). b1 (B): harper 1, quinn 1, taylor 1 → quinn, the lowest id (2).
    // b2 (B): harper 1, quinn 2, taylor 1 → taylor, lower id than harper (2). The started case is left alone.
    const result = await allocateUnallocated(db, la, p, TODAY, noAudit);
    assert.deepEqual(result, { allocated: 3, unallocated: [] });
    const rows = await db.select().from(auditProgrammeCases).where(eq(auditProgrammeCases.programmeId, p));
    const of = (caseId: number) => rows.find((r) => Number(r.id) === caseId);
    assert.equal(of(a1.caseId)?.auditorUserId, uid.harper);
    assert.equal(of(b1.caseId)?.auditorUserId, uid.quinn);
    assert.equal(of(b2.caseId)?.auditorUserId, uid.taylor);
    assert.equal(of(a1.caseId)?.allocatedOn, TODAY);
    assert.equal(of(started.caseId)?.auditorUserId, null);
  });
});
