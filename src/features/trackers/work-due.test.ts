/**
 * Work due kept for today (work_due): the trackers read for today exactly what they derive from the events, for the
 * whole authority, each team, a team manager and a worker; and a change to a child's events (an import, its
 * withdrawal) moves the child's due dates on the next read.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { asc, eq, sql } from 'drizzle-orm';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { createAuditor } from '../../accounts/access-log/auditor';
import { teams } from '../../db/schema/index';
import { rows } from '../../db/query';
import {
  buildAllocation,
  buildAuthority,
  buildChild,
  buildCinPlan,
  buildReferral,
  buildTeam,
  buildVisit,
  buildWorker,
} from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { exportAnnexA } from '../exports/annex-a/index';
import { importFiles, withdrawImport } from '../ingest/service';
import { TRACKER_IDS } from './definitions';
import { trackersService, type TrackerRow, type Viewer } from './service';

const TODAY = '2026-03-31';
const audit = () =>
  createAuditor(accessLogRepository(), { userId: null, username: 'test', authorityId: null }, 'tracker.view', null);
const line = (r: TrackerRow) =>
  [r.lanternId, r.kind, r.teamId, r.workerId, r.startDate, r.lastDate, r.dueDate, r.status, r.workingDays, r.notes]
    .map(String)
    .join(' ');

describeEachEngine(
  'work due kept for today, against the same derived from the events',
  { demo: { seed: 1, childPopulation: 5000, years: 6, asAt: TODAY } },
  (ctx) => {
    it('every tracker lists the same rows for the whole authority, each team, a team manager and a worker', async () => {
      const db = ctx.database.db;
      const authorityId = ctx.demo.authorityId;
      const kept = trackersService(db, { today: () => TODAY });
      const derived = trackersService(db, { today: () => TODAY, keep: false });
      const teamList = await db
        .select({ id: teams.id })
        .from(teams)
        .where(eq(teams.authorityId, authorityId))
        .orderBy(asc(teams.id));
      const [worker] = await rows<{ id: number; team_id: number }>(
        db,
        sql`select w.id, w.team_id from workers w join allocations a on a.worker_id = w.id
          where w.authority_id = ${authorityId} and a.start_date <= ${TODAY} and (a.end_date is null or a.end_date > ${TODAY})
          group by w.id, w.team_id order by count(*) desc, w.id limit 1`,
      );
      assert.ok(worker, 'a worker with open allocations');
      const whole: Viewer = {
        authorityId,
        role: 'head-of-service',
        scope: { kind: 'authority', authorityId },
        workerId: null,
      };
      const views: Array<{ name: string; viewer: Viewer; teamId?: number; workerId?: number }> = [
        { name: 'whole authority', viewer: whole },
        ...teamList.map((t) => ({ name: `team ${t.id} chosen`, viewer: whole, teamId: t.id })),
        ...teamList.slice(0, 3).map((t) => ({
          name: `manager of team ${t.id}`,
          viewer: {
            authorityId,
            role: 'team-manager' as const,
            scope: { kind: 'team' as const, authorityId, teamId: t.id },
            workerId: null,
          },
        })),
        {
          name: `worker ${worker.id}`,
          viewer: {
            authorityId,
            role: 'social-worker',
            scope: { kind: 'team', authorityId, teamId: Number(worker.team_id) },
            workerId: Number(worker.id),
          },
        },
      ];
      let compared = 0;
      const kinds = new Set<string>();
      for (const id of TRACKER_IDS.filter((t) => t !== 'caseloads')) {
        for (const v of views) {
          const req = { teamId: v.teamId, workerId: v.workerId };
          const a = (await kept.run(v.viewer, id, req, audit())).rows.map(line);
          const b = (await derived.run(v.viewer, id, req, audit())).rows.map(line);
          assert.deepEqual(a, b, `${id}, ${v.name}`);
          compared += a.length;
          if (v.name === 'whole authority') for (const l of a) kinds.add(`${id}:${l.split(' ')[1] ?? ''}`);
        }
      }
      // Not an empty comparison: the demo's lists hold hundreds of rows, of most kinds of work.
      // Not an empty comparison: every tracker lists someone in the demo borough, the due list many kinds of work.
      for (const id of TRACKER_IDS.filter((t) => t !== 'caseloads'))
        assert.ok(
          [...kinds].some((k) => k.startsWith(`${id}:`)),
          `${id} lists rows (${compared} rows compared)`,
        );
      assert.ok([...kinds].filter((k) => k.startsWith('due:')).length >= 10, [...kinds].join(', '));
      // The index page's counts are read from the kept rows too.
      assert.deepEqual(await kept.counts(whole), await derived.counts(whole));
    });
  },
);

describeEachEngine('work due after the events change', (ctx) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'work-due-'));

  /**
   * A child (C1) allocated to Sam Carter of the Assessment Team since 1 December 2025, referred that day, on a CIN plan
   * from Monday 5 January 2026, last seen on a CIN visit on `lastSeen`.
   */
  async function authority(code: string, lastSeen: string) {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code });
    const team = await buildTeam(db, { authorityId: la.id, name: 'Assessment Team' });
    const worker = await buildWorker(db, {
      authorityId: la.id,
      workerRef: 'SW000001',
      name: 'Sam Carter',
      teamId: team.id,
      startDate: '2020-01-01',
    });
    const c1 = await buildChild(db, { authorityId: la.id, laChildId: 'C1', dateOfBirth: '2015-06-01' });
    await buildAllocation(db, { child: c1, teamId: team.id, workerId: worker.id, startDate: '2025-12-01' });
    const episode = await buildReferral(db, c1, { referralDate: '2025-12-01' });
    await buildCinPlan(db, c1, { cinEpisodeId: episode.id, startDate: '2026-01-05' });
    await buildVisit(db, c1, { kind: 'cin', visitDate: lastSeen, seen: true, seenAlone: true });
    return la;
  }

  it('an import that adds a later visit moves the child’s next visit at once, and withdrawing it moves it back', async () => {
    const db = ctx.database.db;
    const la = await authority('WDA', '2026-01-09');
    // The same child seen again on Friday 13 March 2026, in another authority's records: its Annex A carries it.
    const other = await authority('WDB', '2026-03-13');
    const file = path.join(dir, `later-visit-${ctx.database.kind}.xlsx`);
    await exportAnnexA(db, other.id, { asAt: TODAY }, file);

    const service = trackersService(db, { today: () => TODAY });
    const viewer: Viewer = {
      authorityId: la.id,
      role: 'head-of-service',
      scope: { kind: 'authority', authorityId: la.id },
      workerId: null,
    };
    const cinVisit = async () =>
      (await service.run(viewer, 'due', { kind: 'cin-visit' }, audit())).rows.map(
        (r) => `${r.dueDate} ${r.status} ${r.workingDays ?? '-'}`,
      );
    // Seen Friday 9 January: the next visit was due 20 working days later, Friday 6 February (12–16, 19–23, 26–30
    // January, 2–6 February), so on 31 March it is overdue by the 37 working days after it (9–13, 16–20, 23–27
    // February, 2–6, 9–13, 16–20, 23–27 March: 35; 30 and 31 March: 37).
    assert.deepEqual(await cinVisit(), ['2026-02-06 overdue 37']);
    const kept = await rows<{ as_at: string }>(
      db,
      sql`select as_at::text as as_at from work_due_state where authority_id = ${la.id}`,
    );
    assert.deepEqual(kept, [{ as_at: TODAY }], 'the list was read from the kept rows');

    const imported = await importFiles(ctx.database, {
      paths: [file],
      authorityId: la.id,
      actor: { userId: null, username: 'test:work-due' },
      options: { asAt: TODAY },
    });
    assert.equal(imported.batches[0]?.status, 'accepted');
    // Seen Friday 13 March: 20 working days on is Tuesday 14 April (16–20, 23–27 March, 30 March–2 April: 14; Good
    // Friday 3 and Easter Monday 6 April are bank holidays; 7–10 April: 18; 13, 14 April: 20), inside the window
    // ending on 16 April, 8 working days after 31 March (1, 2, 7, 8, 9, 10, 13, 14 April).
    assert.deepEqual(await cinVisit(), ['2026-04-14 due 8']);

    await withdrawImport(ctx.database, {
      authorityId: la.id,
      batchId: Number(imported.batches[0]?.id),
      actor: { userId: null, username: 'test:work-due' },
      reason: 'Imported into the wrong authority',
    });
    assert.deepEqual(await cinVisit(), ['2026-02-06 overdue 37']);
  });
});
