/**
 * Annex A into an authority that already holds the same children (decision 0024): a row that carries less than the
 * event held (a date at the as-at date instead of the real start, a worker by name, "Disability: Yes" for a coded
 * disability) matches that event and adds nothing; what the reader infers never disputes what is held; workers are
 * matched by name. One small hand-built authority, exported by Lantern's own Annex A export and imported back.
 */
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import {
  buildAllocation,
  buildAssessment,
  buildAuthority,
  buildChild,
  buildCinPlan,
  buildDisability,
  buildEarlyHelp,
  buildReferral,
  buildTeam,
  buildVisit,
  buildWorker,
} from '../../../../../test/support/builders';
import { describeEachEngine } from '../../../../../test/support/databases';
import { workers } from '../../../../db/schema/index';
import { exportAnnexA } from '../../../exports/annex-a/index';
import { importFiles, type BatchSummary } from '../../service';

const AS_AT = '2026-03-31';
const actor = { userId: null, username: 'test:annex-a-merge' };
const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-merge-'));

/** Added and unchanged, by table, for the tables the import touched (merged and removed must be 0 here). */
function effectOf(batch: BatchSummary | undefined): Record<string, [added: number, unchanged: number]> {
  const out: Record<string, [number, number]> = {};
  for (const [table, e] of Object.entries(batch?.effect?.tables ?? {})) {
    assert.equal(e.merged + e.removed, 0, `${table}: nothing merged or removed`);
    if (e.added + e.unchanged > 0) out[table] = [e.added, e.unchanged];
  }
  return out;
}

const disagreements = (batch: BatchSummary | undefined) =>
  (batch?.issues ?? []).filter((i) => i.rule === 'LNT-DISAGREE').map((i) => `${i.child ?? ''} ${i.column ?? ''}`);

describeEachEngine('Annex A into an authority holding the same children', (ctx) => {
  /**
   * C1: allocated since 2 May 2024 to Sam Carter (SW000001) of Assessment Team 1; a disability coded AUT; an early
   * help episode requested on 1 September 2025 whose assessment began on 6 October; referred on 3 November 2025
   * (open), assessed from 5 November (authorised 10 December), on a CIN plan from 15 December; seen on a CIN visit on
   * 10 January 2026. C2: referred on 1 December 2025 (open), nothing else, so Annex A's List 6 gives C2 the case
   * status "c) Child in need plan" too (the export's catch-all) though C2 has no plan.
   */
  async function authority(code: string, options: { otherWorker?: boolean } = {}) {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code });
    const team = await buildTeam(db, { authorityId: la.id, name: 'Assessment Team 1' });
    const other = await buildTeam(db, { authorityId: la.id, name: 'Assessment Team 2' });
    const worker = await buildWorker(db, {
      authorityId: la.id,
      workerRef: 'SW000001',
      name: options.otherWorker ? 'Jo Patel' : 'Sam Carter',
      teamId: team.id,
      startDate: '2020-01-01',
    });
    const c1 = await buildChild(db, { authorityId: la.id, laChildId: 'C1', dateOfBirth: '2015-06-01' });
    const c2 = await buildChild(db, { authorityId: la.id, laChildId: 'C2', dateOfBirth: '2017-02-01' });
    await buildAllocation(db, { child: c1, teamId: team.id, workerId: worker.id, startDate: '2024-05-02' });
    await buildDisability(db, c1, { code: 'AUT' });
    await buildEarlyHelp(db, c1, {
      requestDate: '2025-09-01',
      assessmentStartDate: '2025-10-06',
      assessmentCompletionDate: '2025-10-30',
      endDate: '2025-10-31',
    });
    const episode = await buildReferral(db, c1, { referralDate: '2025-11-03' });
    await buildAssessment(db, c1, {
      cinEpisodeId: episode.id,
      startDate: '2025-11-05',
      authorisationDate: '2025-12-10',
      childSeen: true,
      furtherServices: true,
    });
    await buildCinPlan(db, c1, { cinEpisodeId: episode.id, startDate: '2025-12-15' });
    await buildVisit(db, c1, { kind: 'cin', visitDate: '2026-01-10', seen: true, seenAlone: true });
    await buildReferral(db, c2, { referralDate: '2025-12-01' });
    return { la, team, other, worker };
  }

  async function workbookOf(authorityId: number, name: string): Promise<string> {
    const file = path.join(dir, `${name}-${ctx.database.kind}.xlsx`);
    await exportAnnexA(ctx.database.db, authorityId, { asAt: AS_AT }, file);
    return file;
  }

  const importInto = async (authorityId: number, file: string) =>
    (await importFiles(ctx.database, { paths: [file], authorityId, actor, options: { asAt: AS_AT } })).batches[0];

  const workersOf = async (authorityId: number) =>
    (await ctx.database.db.select({ ref: workers.workerRef }).from(workers).where(eq(workers.authorityId, authorityId)))
      .map((w) => w.ref)
      .sort();

  it('exported and imported back, matches every event it carries and adds none', async () => {
    const { la } = await authority('AAM1');
    const batch = await importInto(la.id, await workbookOf(la.id, 'aam1'));
    assert.equal(batch?.status, 'accepted');
    // Each table: [added, unchanged]. Every row of the workbook is an event C1 or C2 already has, so nothing is added:
    // - children: C1 and C2, by their IDs → [0, 2];
    // - childDisabilities: C1's "Disability: Yes" (recorded as DDA) is the AUT held → [0, 1];
    // - allocations: the row for C1 (dated 31 March 2026, Sam Carter of Assessment Team 1) is the allocation held from
    //   2 May 2024, to the same worker found by name → [0, 1] (C2 has no allocation, so no row);
    // - earlyHelpEpisodes: List 2's start (6 October 2025, the assessment's) is the episode requested on 1 September
    //   → [0, 1];
    // - cinEpisodes: C1's and C2's referrals, by their dates → [0, 2]; assessments: C1's, by its start → [0, 1];
    // - cinPlans: C1's case status is the plan held from 15 December 2025 → [0, 1]; C2's (the catch-all) adds none;
    // - visits: C1's date last seen, 10 January 2026, is the CIN visit held → [0, 1].
    // Before this matching the same file added an allocation, a worker "Sam Carter", a disability DDA, an early help
    // episode from 6 October 2025 and CIN plans from 3 November 2025 (C1) and 1 December 2025 (C2), and gave C1's CIN
    // episode and assessment the team and worker of C1's allocation (merged, where nothing should change).
    assert.deepEqual(effectOf(batch), {
      children: [0, 2],
      childDisabilities: [0, 1],
      allocations: [0, 1],
      earlyHelpEpisodes: [0, 1],
      cinEpisodes: [0, 2],
      assessments: [0, 1],
      cinPlans: [0, 1],
      visits: [0, 1],
    });
    assert.deepEqual(disagreements(batch), []);
    assert.deepEqual(await workersOf(la.id), ['SW000001']);
  });

  it('matches a worker by name, of several the one in the team named and in post; adds one only when none has the name', async () => {
    const { la: from } = await authority('AAM2');
    const file = await workbookOf(from.id, 'aam2');
    // The same children in another authority, whose Sam Carter (SW000001) has two namesakes: one in the other team,
    // one who left Assessment Team 1 in 2023. Of the three, only SW000001 is in Assessment Team 1 and in post on 31
    // March 2026, so C1's allocation row is SW000001's allocation: nothing added, as above.
    const { la, team, other } = await authority('AAM3');
    const db = ctx.database.db;
    await buildWorker(db, { authorityId: la.id, workerRef: 'SW000002', name: 'Sam Carter', teamId: other.id });
    await buildWorker(db, {
      authorityId: la.id,
      workerRef: 'SW000003',
      name: 'Sam Carter',
      teamId: team.id,
      endDate: '2023-06-30',
    });
    const batch = await importInto(la.id, file);
    assert.equal(batch?.status, 'accepted');
    assert.deepEqual(effectOf(batch).allocations, [0, 1]);
    assert.deepEqual(disagreements(batch), []);
    assert.deepEqual(await workersOf(la.id), ['SW000001', 'SW000002', 'SW000003']);

    // An authority whose worker for C1 is Jo Patel: no held worker is called Sam Carter, so one is added (ref: the
    // name), and C1's allocation row is still the allocation held (the only one C1 has by 31 March 2026), with a real
    // disagreement on its worker (Sam Carter given, Jo Patel kept, so the allocation is unchanged): one query, no
    // allocation added → [0, 1].
    const { la: third } = await authority('AAM4', { otherWorker: true });
    const again = await importInto(third.id, file);
    assert.equal(again?.status, 'accepted');
    assert.deepEqual(effectOf(again).allocations, [0, 1]);
    assert.deepEqual(disagreements(again), ['C1 workerId']);
    assert.deepEqual(await workersOf(third.id), ['SW000001', 'Sam Carter']);
  });

  it('into an empty authority still records the CIN plan its case status gives each new child', async () => {
    const { la: from } = await authority('AAM5');
    const empty = await buildAuthority(ctx.database.db, { code: 'AAM6' });
    const batch = await importInto(empty.id, await workbookOf(from.id, 'aam5'));
    assert.equal(batch?.status, 'accepted');
    // C1 and C2 are new, so both List 6 rows with "c) Child in need plan" add a plan (from the CIN start): 2; the
    // allocation, disability, early help, two episodes, assessment and visit are added as before: 1, 1, 1, 2, 1, 1.
    assert.deepEqual(effectOf(batch), {
      children: [2, 0],
      childDisabilities: [1, 0],
      allocations: [1, 0],
      earlyHelpEpisodes: [1, 0],
      cinEpisodes: [2, 0],
      assessments: [1, 0],
      cinPlans: [2, 0],
      visits: [1, 0],
    });
    assert.deepEqual(await workersOf(empty.id), ['Sam Carter']);
  });
});
