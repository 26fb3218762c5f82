import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index';
import { accessLog } from '../../db/schema/index';
import type { Role } from '../../domain/roles';
import { NotFoundError, ForbiddenError } from '../../core/errors';
import { createAuditor, type Auditor } from '../../accounts/access-log/auditor';
import { accessLogRepository, type AccessLogRepository } from '../../accounts/access-log/repository';
import type { CurrentUser } from '../../accounts/users/service';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildChild,
  buildFamilyLink,
  buildJourney,
  buildMissingEpisode,
  buildPeriodOfCare,
  buildReferral,
  buildTeam,
  buildWorker,
} from '../../../test/support/builders';
import { childrenRepository } from './repository';
import { childrenService, type ChildrenService } from './service';

const TODAY = '2026-06-01';

function user(role: Role, authorityId: number, teamId: number | null = null, id = 1): CurrentUser {
  return { id, username: `${role}-${id}`, displayName: role, role, authorityId, teamId, workerId: null };
}

function auditor(
  u: CurrentUser,
  action: string,
  requestId: string,
  repo: AccessLogRepository = accessLogRepository(),
): Auditor {
  return createAuditor(repo, { userId: u.id, username: u.username, authorityId: u.authorityId }, action, requestId);
}

let requests = 0;
const requestId = () => `req-${++requests}-${Math.random().toString(36).slice(2, 10)}`;

describeEachEngine('children service', (ctx) => {
  let service: ChildrenService;
  let la: { id: number };
  let otherLa: { id: number };
  let teamA: { id: number; name: string };
  let teamB: { id: number; name: string };
  let samira: { id: number; lanternId: string; laChildId: string; authorityId: number };
  let samuel: { id: number; lanternId: string; authorityId: number };
  let jonah: { id: number; lanternId: string; authorityId: number };
  let closedInB: { id: number; lanternId: string; authorityId: number };
  let movedToB: { id: number; lanternId: string; authorityId: number };
  let shared: { id: number; lanternId: string; authorityId: number };
  let neverAllocated: { id: number; lanternId: string; authorityId: number };
  let elsewhere: { id: number; lanternId: string; laChildId: string; authorityId: number };
  let director: CurrentUser;
  let workerA: CurrentUser;
  let managerB: CurrentUser;

  before(async () => {
    const db = ctx.database.db;
    service = childrenService(db, childrenRepository(), { today: () => TODAY, pageSize: 2 });
    la = await buildAuthority(db);
    otherLa = await buildAuthority(db);
    teamA = await buildTeam(db, { authorityId: la.id, name: 'Assessment Team A' });
    teamB = await buildTeam(db, { authorityId: la.id, name: 'Children in Care B' });
    const otherTeam = await buildTeam(db, { authorityId: otherLa.id });

    samira = await buildChild(db, {
      authorityId: la.id,
      laChildId: 'ab12345',
      firstName: 'Samira',
      lastName: 'Jones',
      dateOfBirth: '2012-06-15',
    });
    await buildAllocation(db, { child: samira, teamId: teamA.id, startDate: '2025-01-01' });
    await buildReferral(db, samira, { referralDate: '2026-05-01' }); // open, no assessment yet → open referral
    samuel = await buildChild(db, {
      authorityId: la.id,
      firstName: 'Samuel',
      lastName: 'Jonsson',
      dateOfBirth: '2008-02-29',
    });
    await buildAllocation(db, { child: samuel, teamId: teamA.id, startDate: '2025-01-01' });
    jonah = await buildChild(db, { authorityId: la.id, firstName: 'Jonah', lastName: 'Samuels' });
    await buildAllocation(db, { child: jonah, teamId: teamB.id, startDate: '2025-01-01' });
    await buildPeriodOfCare(db, jonah, { startDate: '2025-02-01' });

    // Closed case: allocated to A, then B, both ended — follows the last allocation (B).
    closedInB = await buildChild(db, { authorityId: la.id, firstName: 'Closed', lastName: 'Case' });
    await buildAllocation(db, { child: closedInB, teamId: teamA.id, startDate: '2020-01-01', endDate: '2021-01-01' });
    await buildAllocation(db, { child: closedInB, teamId: teamB.id, startDate: '2021-01-01', endDate: '2022-03-01' });
    // Moved: an old allocation to A, now open with B — B only.
    movedToB = await buildChild(db, { authorityId: la.id, firstName: 'Moved', lastName: 'Case' });
    await buildAllocation(db, { child: movedToB, teamId: teamA.id, startDate: '2020-01-01', endDate: '2024-01-01' });
    await buildAllocation(db, { child: movedToB, teamId: teamB.id, startDate: '2024-01-01' });
    // Held jointly: open allocations to A and B — both see them.
    shared = await buildChild(db, { authorityId: la.id, firstName: 'Shared', lastName: 'Case' });
    await buildAllocation(db, { child: shared, teamId: teamB.id, startDate: '2024-01-01' });
    await buildAllocation(db, {
      child: shared,
      teamId: teamA.id,
      role: 'personal-adviser',
      isPrimary: false,
      startDate: '2024-02-01',
    });
    neverAllocated = await buildChild(db, { authorityId: la.id, firstName: 'Never', lastName: 'Allocated' });

    elsewhere = await buildChild(db, {
      authorityId: otherLa.id,
      laChildId: 'OTHER1',
      firstName: 'Samira',
      lastName: 'Jones',
    });
    await buildAllocation(db, { child: elsewhere, teamId: otherTeam.id, startDate: '2025-01-01' });

    director = user('director', la.id, null, 10);
    workerA = user('social-worker', la.id, teamA.id, 11);
    managerB = user('team-manager', la.id, teamB.id, 12);
  });

  const search = (u: CurrentUser, q: string, page = 1) =>
    service.search(u, q, page, auditor(u, 'child.search', requestId()));
  const view = (u: CurrentUser, id: string, a?: Auditor) =>
    service.view(u, id, a ?? auditor(u, 'child.view', requestId()));
  const ids = (r: { results: Array<{ lanternId: string }> }) => r.results.map((c) => c.lanternId);

  describe('search', () => {
    it('finds a child by Lantern ID, whatever the case and with or without the zeros', async () => {
      const digits = samira.lanternId.slice(1).replace(/^0+/, '');
      for (const q of [samira.lanternId, samira.lanternId.toLowerCase(), `l${digits}`]) {
        const r = await search(director, q);
        assert.equal(r.kind, 'lantern-id');
        assert.deepEqual(ids(r), [samira.lanternId], q);
      }
    });

    it('finds a child by LA child ID, in any case', async () => {
      for (const q of ['ab12345', 'AB12345']) {
        const r = await search(director, q);
        assert.equal(r.kind, 'la-child-id');
        assert.deepEqual(ids(r), [samira.lanternId]);
      }
    });

    it('finds children by part of a first or last name, case-insensitively, in name order', async () => {
      // "sam" is in Samira, Samuel (first names) and Samuels (a last name): ordered Jones, Jonsson, Samuels.
      const r = await search(director, 'SAM', 1);
      assert.equal(r.kind, 'name');
      assert.equal(r.total, 3);
      assert.equal(r.totalPages, 2);
      assert.deepEqual(ids(r), [samira.lanternId, samuel.lanternId]);
      const page2 = await search(director, 'sam', 2);
      assert.deepEqual(ids(page2), [jonah.lanternId]);
    });

    it('needs both words of "first last" (in either order)', async () => {
      assert.deepEqual(ids(await search(director, 'samira jones')), [samira.lanternId]);
      assert.deepEqual(ids(await search(director, 'jones samira')), [samira.lanternId]);
      assert.equal((await search(director, 'sam jon')).total, 3); // Samira Jones, Samuel Jonsson, Jonah Samuels
      assert.deepEqual(ids(await search(director, 'samira smith')), []);
    });

    it('treats LIKE wildcards literally', async () => {
      assert.equal((await search(director, '%')).total, 0);
      assert.equal((await search(director, 'sam_ra')).total, 0);
    });

    it('gives each result its age, current status and current team', async () => {
      const [row] = (await search(director, 'samira jones')).results;
      assert.ok(row);
      assert.equal(row.age, 13); // born 15 June 2012; 1 June 2026 is before the 14th birthday
      assert.equal(row.status.main, 'referral');
      assert.equal(row.currentTeam, 'Assessment Team A');
      const [leap] = (await search(director, 'samuel')).results;
      assert.equal(leap?.age, 18); // born 29 February 2008: 18 on 1 March 2026
      assert.equal(leap?.status.main, 'closed');
      const [inCare] = (await search(director, 'jonah')).results;
      assert.equal(inCare?.status.main, 'in-care');
      assert.equal(inCare?.currentTeam, 'Children in Care B');
    });

    it('shows the current team of a closed case as its last allocation, and of a moved case as the open one', async () => {
      assert.equal((await search(director, closedInB.lanternId)).results[0]?.currentTeam, 'Children in Care B');
      assert.equal((await search(director, movedToB.lanternId)).results[0]?.currentTeam, 'Children in Care B');
      assert.equal((await search(director, 'never allocated')).results[0]?.currentTeam, null);
    });

    it('lists every child in scope when the box is empty', async () => {
      const r = await search(director, '');
      assert.equal(r.kind, 'all');
      assert.equal(r.total, 7);
    });

    it('records the kind of search and the count, never the text', async () => {
      const id = requestId();
      await service.search(director, 'samira jones', 1, auditor(director, 'child.search', id));
      const rows = await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, id));
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]?.detail, { kind: 'name', results: 1, page: 1 });
      assert.equal(rows[0]?.action, 'child.search');
      assert.doesNotMatch(JSON.stringify(rows[0]), /samira|jones/i);
    });

    it('is forbidden to members, and empty for a team-scoped user without a team', async () => {
      await assert.rejects(search(user('member', la.id), 'sam'), ForbiddenError);
      const r = await search(user('social-worker', la.id, null), 'sam');
      assert.equal(r.total, 0);
      assert.equal(r.scope.kind, 'none');
    });
  });

  describe('team scope', () => {
    it('shows a team-scoped user only their team’s children, and says which team', async () => {
      const r = await search(workerA, '');
      assert.deepEqual(r.scope, { kind: 'team', teamName: 'Assessment Team A' });
      const all: string[] = [];
      for (let page = 1; page <= r.totalPages; page++) all.push(...ids(await search(workerA, '', page)));
      assert.deepEqual(new Set(all), new Set([samira.lanternId, samuel.lanternId, shared.lanternId]));
    });

    it('follows the last allocation for closed cases and the open one for moved cases', async () => {
      const all: string[] = [];
      const first = await search(managerB, '');
      for (let page = 1; page <= first.totalPages; page++) all.push(...ids(await search(managerB, '', page)));
      assert.deepEqual(
        new Set(all),
        new Set([jonah.lanternId, closedInB.lanternId, movedToB.lanternId, shared.lanternId]),
      );
      await assert.rejects(view(workerA, closedInB.lanternId), NotFoundError);
      await assert.rejects(view(workerA, movedToB.lanternId), NotFoundError);
      assert.equal((await view(managerB, closedInB.lanternId)).lanternId, closedInB.lanternId);
    });

    it('hides a child allocated to another team from search, and answers their record exactly as a missing one', async () => {
      assert.equal((await search(workerA, jonah.lanternId)).total, 0);
      assert.equal((await search(workerA, 'jonah')).total, 0);
      const denied = await view(workerA, jonah.lanternId).catch((e: unknown) => e);
      const missing = await view(workerA, 'L9999999').catch((e: unknown) => e);
      const malformed = await view(workerA, 'not-an-id').catch((e: unknown) => e);
      assert.ok(
        denied instanceof NotFoundError && missing instanceof NotFoundError && malformed instanceof NotFoundError,
      );
      assert.equal(denied.message, missing.message);
      assert.equal(denied.status, missing.status);
      assert.equal(malformed.message, missing.message);
    });

    it('lets a team-scoped user open their own team’s child', async () => {
      const record = await view(workerA, samira.lanternId);
      assert.equal(record.firstName, 'Samira');
    });

    it('does not show a never-allocated child to any team', async () => {
      await assert.rejects(view(workerA, neverAllocated.lanternId), NotFoundError);
      await assert.rejects(view(managerB, neverAllocated.lanternId), NotFoundError);
      assert.equal((await view(director, neverAllocated.lanternId)).lanternId, neverAllocated.lanternId);
    });

    it('writes no access-log entry when the record is not found', async () => {
      const id = requestId();
      await assert.rejects(view(workerA, jonah.lanternId, auditor(workerA, 'child.view', id)), NotFoundError);
      assert.equal((await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, id))).length, 0);
    });
  });

  describe('authority scope', () => {
    it('never shows another authority’s child', async () => {
      assert.deepEqual(ids(await search(director, 'samira jones')), [samira.lanternId]);
      assert.equal((await search(director, elsewhere.laChildId)).total, 0);
      assert.equal((await search(director, elsewhere.lanternId)).total, 0);
      await assert.rejects(view(director, elsewhere.lanternId), NotFoundError);
      const admin = user('admin', la.id, null, 13);
      await assert.rejects(view(admin, elsewhere.lanternId), NotFoundError);
    });

    it('gives members no child record at all', async () => {
      await assert.rejects(view(user('member', la.id), samira.lanternId), NotFoundError);
    });
  });

  describe('family links', () => {
    it('names a related child only when the user may see them', async () => {
      const db = ctx.database.db;
      await buildFamilyLink(db, samira, { relationship: 'sibling', relatedChildId: jonah.id });
      const asDirector = await view(director, samira.lanternId);
      assert.equal(asDirector.familyLinks[0]?.related?.lanternId, jonah.lanternId);
      const asWorker = await view(workerA, samira.lanternId);
      assert.equal(asWorker.familyLinks[0]?.relationshipLabel, 'Sibling');
      assert.equal(asWorker.familyLinks[0]?.related, null);
      assert.doesNotMatch(JSON.stringify(asWorker), new RegExp(`${jonah.lanternId}|Jonah`));
    });
  });

  describe('viewing a record is audited in the same transaction', () => {
    it('writes exactly one access-log row: who, what, which record, which request', async () => {
      const id = requestId();
      await service.view(director, samira.lanternId, auditor(director, 'child.view', id));
      const rows = await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, id));
      assert.equal(rows.length, 1);
      const [row] = rows;
      assert.equal(row?.action, 'child.view');
      assert.equal(row?.userId, director.id);
      assert.equal(row?.username, director.username);
      assert.equal(row?.authorityId, la.id);
      assert.equal(row?.recordType, 'child');
      assert.equal(row?.recordId, samira.lanternId);
      assert.doesNotMatch(JSON.stringify(row), /samira|jones|2012-06-15/i);
    });

    it('rolls the access-log row back with the read when the transaction fails after the insert', async () => {
      const id = requestId();
      const real = accessLogRepository();
      const failing: AccessLogRepository = {
        ...real,
        insert: async (tx, entry) => {
          await real.insert(tx, entry);
          throw new Error('simulated failure after the audit insert');
        },
      };
      await assert.rejects(
        service.view(director, samira.lanternId, auditor(director, 'child.view', id, failing)),
        /simulated failure/,
      );
      assert.equal((await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, id))).length, 0);
    });

    it('returns nothing when the audit insert itself fails', async () => {
      const id = requestId();
      const real = accessLogRepository();
      const broken: AccessLogRepository = {
        ...real,
        insert: (tx, entry) => real.insert(tx, { ...entry, action: null as unknown as string }),
      };
      await assert.rejects(service.view(director, samira.lanternId, auditor(director, 'child.view', id, broken)));
      assert.equal((await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, id))).length, 0);
    });
  });

  describe('the record and chronology of a whole journey', () => {
    let journeyChild: { id: number; lanternId: string; authorityId: number };

    before(async () => {
      const db = ctx.database.db;
      const worker = await buildWorker(db, { authorityId: la.id, teamId: teamB.id, name: 'Dana Worker' });
      const pa = await buildWorker(db, {
        authorityId: la.id,
        teamId: teamB.id,
        name: 'Pat Adviser',
        role: 'personal-adviser',
      });
      journeyChild = await buildChild(db, {
        authorityId: la.id,
        firstName: 'Journey',
        lastName: 'Child',
        dateOfBirth: '2008-02-29',
      });
      await buildJourney(db, journeyChild, { teamId: teamB.id, workerId: worker.id, paId: pa.id });
      // A missing episode that starts late on a summer evening: 23:30 UTC is 00:30 the next day in UK time (BST).
      await buildMissingEpisode(db, journeyChild, {
        kind: 'A',
        startAt: new Date('2021-07-10T23:30:00Z'),
        endAt: new Date('2021-07-11T08:00:00Z'),
      });
    });

    it('has an event from every child-level table in the schema (family links have no date; a case chosen for an audit programme is not an event — its audit is; work due is worked out from the events, not one)', async () => {
      const record = await view(director, journeyChild.lanternId);
      const childTables = (Object.values(schema) as unknown[])
        .filter((t): t is PgTable => is(t, PgTable))
        .map((t) => getTableConfig(t))
        .filter((c) => c.columns.some((col) => col.name === 'child_id'))
        .map((c) => c.name);
      const expected = new Set([
        ...childTables.filter((t) => t !== 'family_links' && t !== 'audit_programme_cases' && t !== 'work_due'),
        'children',
      ]);
      const seen = new Set(record.chronology.map((e) => e.source));
      assert.deepEqual(
        [...expected].filter((t) => !seen.has(t)),
        [],
        'tables with no chronology event',
      );
      assert.ok(childTables.length >= 30, `found ${childTables.length} child-level tables`);
    });

    it('is in date order, with same-day events in the order they happen', async () => {
      const { entries } = await service.chronology(
        director,
        journeyChild.lanternId,
        auditor(director, 'child.view', requestId()),
      );
      for (let i = 1; i < entries.length; i++)
        assert.ok((entries[i - 1]?.date ?? '') <= (entries[i]?.date ?? ''), `out of order at ${i}`);
      const day = (date: string) => entries.filter((e) => e.date === date).map((e) => e.kind);
      assert.deepEqual(day('2020-06-05'), [
        'care-proceedings-issued',
        'care-started',
        'legal-status',
        'placement-started',
        'cp-plan-ended',
      ]);
      assert.deepEqual(day('2021-03-15'), ['placement-ended', 'placement-started']);
      assert.deepEqual(day('2026-03-01'), [
        'placement-ended',
        'care-ended',
        'care-leaver-started',
        'staying-put',
        'referral-closed',
      ]);
      assert.equal(entries[0]?.kind, 'born');
      assert.equal(entries[0]?.date, '2008-02-29');
    });

    it('reads times in UK time', async () => {
      const { entries } = await service.chronology(
        director,
        journeyChild.lanternId,
        auditor(director, 'child.view', requestId()),
      );
      const winter = entries.find((e) => e.kind === 'missing-started' && e.date.startsWith('2021-01'));
      assert.equal(winter?.date, '2021-01-10');
      assert.equal(winter?.time, '22:15');
      const summer = entries.find((e) => e.kind === 'missing-started' && e.date.startsWith('2021-07'));
      assert.equal(summer?.date, '2021-07-11');
      assert.equal(summer?.time, '00:30');
    });

    it('says what happened in plain English', async () => {
      const { entries } = await service.chronology(
        director,
        journeyChild.lanternId,
        auditor(director, 'child.view', requestId()),
      );
      const find = (kind: string) => entries.find((e) => e.kind === kind);
      assert.equal(find('cp-plan-started')?.title, 'Child protection plan started');
      assert.equal(find('cp-plan-started')?.detail, 'Category: neglect; second or subsequent plan');
      assert.equal(find('referral')?.detail, 'Source: 2A: Schools; primary need: N1: Abuse or neglect');
      assert.equal(find('referral')?.worker, 'Dana Worker');
      assert.equal(find('pa-linked')?.worker, 'Pat Adviser');
      assert.equal(
        find('care-ended')?.detail,
        'Reason: E17: Aged 18 or over and remained with current carers; after 5 years and 8 months',
      );
      assert.equal(find('legal-status')?.title, 'Legal status: C1: Interim care order');
    });

    it('shows who the child is, their allocations and their status', async () => {
      const record = await view(director, journeyChild.lanternId);
      assert.equal(record.age, 18);
      assert.equal(record.ethnicityLabel, 'White British');
      assert.deepEqual(record.disabilities, [{ code: 'LD', label: 'Learning', recordedDate: '2019-08-20' }]);
      assert.equal(record.uasc, false);
      assert.equal(record.status.main, 'care-leaver');
      assert.equal(record.allocations.length, 1);
      assert.equal(record.allocations[0]?.worker, 'Dana Worker');
      assert.equal(record.allocations[0]?.team, 'Children in Care B');
      assert.equal(record.allocations[0]?.current, true);
    });
  });
});
