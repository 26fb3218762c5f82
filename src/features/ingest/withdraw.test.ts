/**
 * Withdrawing an import on a real database, as the web, the API and the CLI call it: the reason is required; a
 * missing import, another authority's, or one that is not live is refused and nothing changes; a live one's rows go
 * and every other import's stay exactly as they were; the import keeps who, when, why and what withdrawing did,
 * shown in words (effect-words.ts); the access log has the withdrawal without the reason.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, importBatches, teams, workers } from '../../db/schema/index';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import { createAuditor } from '../../accounts/access-log/auditor';
import { accessLogRepository } from '../../accounts/access-log/repository';
import { canonicalSnapshot, type SnapshotSpec } from '../../../test/support/canonical';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903, SAMPLE_903_2025 } from '../../../test/support/ssda903-sample';
import { effectLines, effectView } from './effect-words';
import { importFiles, withdrawImport } from './service';

const SPEC: SnapshotSpec = {
  children: ['laChildId', 'sex', 'ethnicity', 'dateOfBirth'],
  periodsOfCare: ['childId', 'startDate', 'endDate', 'reasonCeased', 'categoryOfNeed'],
  placements: ['childId', 'periodOfCareId', 'startDate', 'endDate', 'placementType'],
  legalStatuses: ['childId', 'periodOfCareId', 'legalStatus', 'startDate', 'endDate'],
  allocations: ['childId', 'workerId', 'role', 'startDate', 'endDate'],
};

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-withdraw-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

describeEachEngine('withdrawing an import', (ctx) => {
  let authorityId: number;
  let otherAuthorityId: number;
  let withoutIt: Awaited<ReturnType<typeof canonicalSnapshot>>;
  let batchId: number;
  const actor = { userId: null, username: 'test:analyst' };

  before(async () => {
    authorityId = (await buildAuthority(ctx.database.db, { code: 'WDR' })).id;
    otherAuthorityId = (await buildAuthority(ctx.database.db, { code: 'WDO' })).id;
    // The 2025/26 return first (C1, C2): another source whose rows must stay exactly as they are.
    const first = await importFiles(ctx.database, {
      paths: [
        await folder({
          'header.csv': SAMPLE_903.header,
          'episodes.csv': SAMPLE_903.episodes,
          'sw.csv': SAMPLE_903.socialWorkers,
        }),
      ],
      authorityId,
      actor,
      options: { collectionYear: 2026 },
    });
    assert.equal(first.batches[0]?.status, 'accepted', JSON.stringify(first.batches[0]?.issues));
    withoutIt = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    const summary = await importFiles(ctx.database, {
      paths: [
        await folder({
          'header.csv': SAMPLE_903_2025.header,
          'episodes.csv': SAMPLE_903_2025.episodes,
          'sw.csv': SAMPLE_903_2025.socialWorkers,
        }),
      ],
      authorityId,
      actor,
      options: { collectionYear: 2025 },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    batchId = batch.id;
  });

  it('says what the import did: two children, seven events, one more child in care at 31 March 2025', async () => {
    const [row] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    const view = effectView(row?.effect ?? null);
    assert.ok(view);
    assert.equal(view.withdrawal, false);
    assert.equal(view.asAt, '2025-03-31');
    // W1, W2 are new. Events: 2 periods of care, 2 legal statuses, 2 placements (one each per episode) and W1's
    // social worker allocation = 7. At 31 March 2025 only W1 is in care (W2 went home on 20 December 2024); C1
    // and C2 came into care after it. From none to one is flagged, with no percentage.
    assert.deepEqual(
      view.tables.map((t) => `${t.label}: ${t.added}/${t.merged}/${t.unchanged}/${t.removed}`),
      [
        'Children: 2/0/0/0',
        'Allocations to teams and workers: 1/0/0/0',
        'Periods of care: 2/0/0/0',
        'Legal statuses: 2/0/0/0',
        'Placements: 2/0/0/0',
      ],
    );
    assert.deepEqual(view.events, { added: 7, merged: 0, unchanged: 0, removed: 0 });
    assert.deepEqual(view.flagged, ['In care went from 0 to 1']);
    assert.deepEqual(effectLines(view), [
      'Children: 2 added, 0 merged, 0 unchanged, 0 removed.',
      'Events: 7 added, 0 merged, 0 unchanged, 0 removed.',
      'Flagged: In care went from 0 to 1 (at 2025-03-31).',
    ]);
  });

  it('refuses a blank or too long reason, a missing import and another authority’s, and changes nothing', async () => {
    const withIt = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    const request = { authorityId, batchId, actor, reason: 'Loaded in error' };
    await assert.rejects(withdrawImport(ctx.database, { ...request, reason: '   ' }), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.deepEqual(e.errors, [{ field: 'reason', message: 'Enter why the import is being withdrawn' }]);
      return true;
    });
    await assert.rejects(withdrawImport(ctx.database, { ...request, reason: 'x'.repeat(2001) }), ValidationError);
    await assert.rejects(withdrawImport(ctx.database, { ...request, batchId: batchId + 1000 }), NotFoundError);
    await assert.rejects(withdrawImport(ctx.database, { ...request, authorityId: otherAuthorityId }), NotFoundError);
    const [row] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    assert.equal(row?.status, 'accepted');
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), withIt);
  });

  it('withdraws it: its rows go, the other import’s stay as they were, and who, when, why and what are kept', async () => {
    const audit = createAuditor(
      accessLogRepository(),
      { userId: null, username: 'test:analyst', authorityId },
      'import.withdraw',
      null,
    );
    const summary = await withdrawImport(ctx.database, {
      authorityId,
      batchId,
      actor,
      reason: '  The wrong year was loaded  ',
      audit,
    });
    // Exactly what the import added is removed: 2 children and 7 events; no headline figure but "in care" moves.
    assert.equal(summary.effect.tables.children?.removed, 2);
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), withoutIt);
    const [row] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    assert.equal(row?.status, 'withdrawn');
    assert.equal(row?.withdrawnBy, 'test:analyst');
    assert.equal(row?.withdrawReason, 'The wrong year was loaded');
    assert.ok(row?.withdrawnAt);
    const view = effectView(row.effect);
    assert.ok(view);
    assert.equal(view.withdrawal, true);
    assert.deepEqual(view.children, { added: 0, merged: 0, unchanged: 0, removed: 2 });
    assert.deepEqual(view.events, { added: 0, merged: 0, unchanged: 0, removed: 7 });
    assert.deepEqual(view.flagged, ['In care went from 1 to 0 (down 100%)']);
    assert.deepEqual(
      view.headline.map((h) => `${h.label}: ${h.before} → ${h.after}`),
      ['Children in need: 0 → 0', 'On child protection plans: 0 → 0', 'In care: 1 → 0', 'Care leavers: 0 → 0'],
    );
    // In the access log: the import and what went, never the reason (free text).
    const logged = await ctx.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'import.withdraw'), eq(accessLog.recordId, String(batchId))));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.recordType, 'import');
    assert.deepEqual(logged[0]?.detail, { format: '903', period: '2025', childrenRemoved: 2, eventsRemoved: 7 });
  });

  it('refuses to withdraw it again (409) and changes nothing', async () => {
    const now = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    await assert.rejects(
      withdrawImport(ctx.database, { authorityId, batchId, actor, reason: 'Again' }),
      (e: unknown) => e instanceof ConflictError && e.message.includes('is withdrawn'),
    );
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), now);
  });
});

describeEachEngine('withdrawing or replacing an import: the workers and teams it added', (ctx) => {
  const actor = { userId: null, username: 'test:analyst' };
  /** The 2024/25 sample with its one social worker episode under another worker's ID. */
  const return2025 = (swId: string) => ({
    'header.csv': SAMPLE_903_2025.header,
    'episodes.csv': SAMPLE_903_2025.episodes,
    'sw.csv': SAMPLE_903_2025.socialWorkers.replace('SW1001', swId),
  });
  async function load(authorityId: number, files: Record<string, string>, collectionYear: number): Promise<number> {
    const summary = await importFiles(ctx.database, {
      paths: [await folder(files)],
      authorityId,
      actor,
      options: { collectionYear },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    return batch.id;
  }
  async function held(authorityId: number): Promise<{ workers: string[]; teams: string[] }> {
    const db = ctx.database.db;
    return {
      workers: (await db.select().from(workers).where(eq(workers.authorityId, authorityId)))
        .map((w) => `${w.workerRef} #${w.id}`)
        .sort(),
      teams: (await db.select().from(teams).where(eq(teams.authorityId, authorityId)))
        .map((t) => `${t.name} #${t.id}`)
        .sort(),
    };
  }

  it('withdrawn: the worker only it named goes; the worker and team the other import uses stay', async () => {
    const authorityId = (await buildAuthority(ctx.database.db, { code: 'WDW' })).id;
    // The 2025/26 return names SW1001 (C1's worker) and adds the team its workers are in.
    await load(
      authorityId,
      { 'header.csv': SAMPLE_903.header, 'episodes.csv': SAMPLE_903.episodes, 'sw.csv': SAMPLE_903.socialWorkers },
      2026,
    );
    const before = await held(authorityId);
    assert.equal(before.workers.length, 1);
    assert.match(before.workers[0] ?? '', /^SW1001 /);
    // The 2024/25 return names SW2002 (W1's worker), whom nothing else names: one more worker, the same team.
    const batchId = await load(authorityId, return2025('SW2002'), 2025);
    const during = await held(authorityId);
    assert.equal(during.workers.length, 2);
    assert.deepEqual(during.teams, before.teams);
    await withdrawImport(ctx.database, { authorityId, batchId, actor, reason: 'Loaded by mistake' });
    // As if it had never been loaded: SW2002 gone, SW1001 and the team as they were (same ids).
    assert.deepEqual(await held(authorityId), before);
  });

  it('replaced by a corrected file: the worker only the first file named goes, the corrected one’s stays', async () => {
    const authorityId = (await buildAuthority(ctx.database.db, { code: 'WDR2' })).id;
    await load(authorityId, return2025('SW2002'), 2025);
    const first = await held(authorityId);
    assert.equal(first.workers.length, 1);
    assert.match(first.workers[0] ?? '', /^SW2002 /);
    // The same source and period again, W1's worker corrected to SW3003: it replaces the first import.
    const batchId = await load(authorityId, return2025('SW3003'), 2025);
    const after = await held(authorityId);
    assert.equal(after.workers.length, 1);
    assert.match(after.workers[0] ?? '', /^SW3003 /);
    assert.deepEqual(after.teams, first.teams);
    // The team now belongs to the corrected import: withdrawing it leaves no worker and no team.
    await withdrawImport(ctx.database, { authorityId, batchId, actor, reason: 'Wrong authority' });
    assert.deepEqual(await held(authorityId), { workers: [], teams: [] });
  });
});
