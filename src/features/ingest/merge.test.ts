/**
 * One child, one record (decision 0024), on a real database with the real SSDA903 reader and small hand-written
 * files: an event already held is matched, not copied; where sources disagree the report says so and which value is
 * kept; withdrawing an import leaves the record exactly as it was before; a child from another case system is
 * matched by UPN and date of birth, and an ambiguous match is reported, never guessed.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { children, eventSources, importBatches, periodsOfCare } from '../../db/schema/index';
import { canonicalSnapshot, type SnapshotSpec } from '../../../test/support/canonical';
import {
  buildAuthority,
  buildChild,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
} from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903 } from '../../../test/support/ssda903-sample';
import { ConflictError, ValidationError } from '../../core/errors';
import { LANTERN_RULES } from './issues';
import { importFiles, withdrawImport } from './service';
import { parseEffect } from './effect';

const actor = { userId: null, username: 'test:analyst' };

const SPEC: SnapshotSpec = {
  children: ['laChildId', 'upn', 'sex', 'ethnicity', 'dateOfBirth', 'firstName'],
  periodsOfCare: ['childId', 'startDate', 'endDate', 'reasonCeased', 'categoryOfNeed', 'homePostcodeDistrict'],
  placements: ['childId', 'periodOfCareId', 'startDate', 'endDate', 'placementType', 'provider', 'postcodeDistrict'],
  legalStatuses: ['childId', 'periodOfCareId', 'legalStatus', 'startDate', 'endDate'],
  allocations: ['childId', 'workerId', 'role', 'startDate', 'endDate'],
};

async function return903(files: { header: string; episodes: string; socialWorkers: string }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-merge-'));
  await writeFile(path.join(dir, 'header.csv'), files.header);
  await writeFile(path.join(dir, 'episodes.csv'), files.episodes);
  await writeFile(path.join(dir, 'sw.csv'), files.socialWorkers);
  return dir;
}

describeEachEngine('one child, one record', (ctx) => {
  /**
   * Lantern's own record of C1 (as the case system holds it): in care from 1 May 2025 under a care order (C2), with
   * foster carers (U4, PR1) — the same period of care as the sample 903's, except its category of need: N2 here,
   * N1 in the 903. No date of birth, which the 903 carries.
   */
  async function authorityWithC1(code: string) {
    const la = await buildAuthority(ctx.database.db, { code });
    const c1 = await buildChild(ctx.database.db, {
      authorityId: la.id,
      laChildId: 'C1',
      sex: 'M',
      ethnicity: 'WBRI',
      dateOfBirth: null,
    });
    const poc = await buildPeriodOfCare(ctx.database.db, c1, { startDate: '2025-05-01', categoryOfNeed: 'N2' });
    await buildLegalStatus(ctx.database.db, c1, {
      periodOfCareId: poc.id,
      legalStatus: 'C2',
      startDate: '2025-05-01',
    });
    await buildPlacement(ctx.database.db, c1, {
      periodOfCareId: poc.id,
      startDate: '2025-05-01',
      placementType: 'U4',
      provider: 'PR1',
    });
    return { authorityId: la.id, c1 };
  }

  it('holds an event a return also carries once, keeps the case system’s value where they disagree, and says so', async () => {
    const { authorityId, c1 } = await authorityWithC1('MRG1');
    const summary = await importFiles(ctx.database, { paths: [await return903(SAMPLE_903)], authorityId, actor });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    // C1's period of care is held once, with the case system's category of need (N2), not the 903's (N1).
    const c1Periods = await ctx.database.db
      .select({ categoryOfNeed: periodsOfCare.categoryOfNeed })
      .from(periodsOfCare)
      .where(eq(periodsOfCare.childId, c1.id));
    assert.deepEqual(c1Periods, [{ categoryOfNeed: 'N2' }]);
    // The one disagreement, as a query with both values and which is kept.
    const disagreements = batch.issues.filter((i) => i.rule === LANTERN_RULES.disagreement);
    assert.deepEqual(
      disagreements.map((i) => [i.child, i.column, i.severity]),
      [['C1', 'categoryOfNeed', 'query']],
    );
    assert.match(disagreements[0]?.message ?? '', /this file gives N1, Lantern's own record gives N2; kept N2/);
    // C2 is new: one period, one legal status, one placement added; C1's three events matched, none added.
    const effect = parseEffect(
      (
        await ctx.database.db
          .select({ effect: importBatches.effect })
          .from(importBatches)
          .where(eq(importBatches.id, batch.id))
      )[0]?.effect ?? null,
    );
    for (const table of ['periodsOfCare', 'legalStatuses', 'placements'] as const) {
      const e = effect?.tables[table];
      assert.equal(e?.added, 1, table);
      assert.equal((e?.merged ?? 0) + (e?.unchanged ?? 0), 1, table);
      assert.equal(e?.removed, 0, table);
    }
    // Children: C1 updated (the 903 gives a date of birth), C2 added.
    assert.deepEqual([effect?.tables.children?.added, effect?.tables.children?.merged], [1, 1]);
    assert.equal(effect?.disagreements, 1);
    // C1's period of care now has two sources (Lantern's own and the import), each with its own category.
    const sources = await ctx.database.db
      .select({ importBatchId: eventSources.importBatchId, values: eventSources.values })
      .from(eventSources)
      .where(and(eq(eventSources.authorityId, authorityId), eq(eventSources.entity, 'periods_of_care')))
      .orderBy(asc(eventSources.id));
    assert.deepEqual(
      sources.map((s) => [s.importBatchId, (JSON.parse(s.values) as { categoryOfNeed?: string }).categoryOfNeed]),
      [
        [null, 'N2'],
        [batch.id, 'N1'],
      ],
    );
  });

  it('the same return again, in a new file, changes nothing and reports no new event', async () => {
    const { authorityId } = await authorityWithC1('MRG2');
    await importFiles(ctx.database, { paths: [await return903(SAMPLE_903)], authorityId, actor });
    const before = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    // The same rows with the lines of the episodes file in the other order: a different file (another digest),
    // the same data. It replaces the first import (same source and period) and every event matches.
    const [head, first, second] = SAMPLE_903.episodes.split('\r\n');
    const reordered = { ...SAMPLE_903, episodes: `${head}\r\n${second}\r\n${first}\r\n` };
    const summary = await importFiles(ctx.database, { paths: [await return903(reordered)], authorityId, actor });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    // 7 events (2 periods, 2 legal statuses, 2 placements, 1 allocation), all matched, none changed.
    assert.deepEqual(
      [batch.counts.eventsAdded, batch.counts.eventsMerged, batch.counts.eventsUnchanged, batch.counts.replacedRows],
      [0, 0, 7, 0],
    );
    assert.deepEqual([batch.counts.childrenAdded, batch.counts.childrenUpdated], [0, 0]);
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), before);
  });

  it('withdrawing an import leaves the record exactly as it was before it was loaded', async () => {
    const { authorityId } = await authorityWithC1('MRG3');
    const before = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    const summary = await importFiles(ctx.database, { paths: [await return903(SAMPLE_903)], authorityId, actor });
    const batchId = summary.batches[0]?.id ?? 0;
    assert.notDeepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), before);

    // A reason is required: nothing changes without one.
    const loaded = await canonicalSnapshot(ctx.database.db, authorityId, SPEC);
    await assert.rejects(
      withdrawImport(ctx.database, { authorityId, batchId, reason: '  ', actor }),
      (e: unknown) => e instanceof ValidationError && e.errors[0]?.field === 'reason',
    );
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), loaded);

    const withdrawn = await withdrawImport(ctx.database, {
      authorityId,
      batchId,
      reason: 'Loaded against the wrong authority',
      actor,
    });
    // C2 and its three events go; C1's three events lose the import's values (one source left: Lantern's own).
    assert.deepEqual(withdrawn.effect.tables.children, { added: 0, merged: 1, unchanged: 0, removed: 1 });
    assert.equal(withdrawn.effect.tables.periodsOfCare?.removed, 1);
    assert.deepEqual(await canonicalSnapshot(ctx.database.db, authorityId, SPEC), before);
    const left = await ctx.database.db
      .select({ id: eventSources.id })
      .from(eventSources)
      .where(eq(eventSources.authorityId, authorityId));
    assert.deepEqual(left, []);
    const [kept] = await ctx.database.db.select().from(importBatches).where(eq(importBatches.id, batchId));
    assert.deepEqual(
      [kept?.status, kept?.withdrawnBy, kept?.withdrawReason],
      ['withdrawn', 'test:analyst', 'Loaded against the wrong authority'],
    );
    // Only a live import can be withdrawn.
    await assert.rejects(withdrawImport(ctx.database, { authorityId, batchId, reason: 'Again', actor }), ConflictError);
  });

  it('matches a child from another case system by UPN and date of birth, and reports an ambiguous match', async () => {
    const la = await buildAuthority(ctx.database.db, { code: 'MRG4' });
    const authorityId = la.id;
    // System A's children, held already. A1 has B1's UPN and date of birth. A2 and A3 share one UPN (a data error
    // in system A). A4 has B3's UPN but another date of birth.
    const held = { authorityId, sex: 'M', ethnicity: 'WBRI' };
    const a1 = await buildChild(ctx.database.db, {
      ...held,
      laChildId: 'A1',
      upn: 'D302123456701',
      dateOfBirth: '2012-06-15',
    });
    await buildChild(ctx.database.db, { ...held, laChildId: 'A2', upn: 'T302123456702', dateOfBirth: '2011-01-01' });
    await buildChild(ctx.database.db, { ...held, laChildId: 'A3', upn: 'T302123456702', dateOfBirth: '2011-01-01' });
    await buildChild(ctx.database.db, { ...held, laChildId: 'A4', upn: 'G302123456703', dateOfBirth: '2013-03-03' });
    // System B's 903, with its own child IDs.
    const b = {
      header:
        'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n' +
        'B1,M,15/06/2012,WBRI,D302123456701,,\r\n' +
        'B2,M,01/01/2011,WBRI,T302123456702,,\r\n' +
        'B3,M,04/04/2013,WBRI,G302123456703,,\r\n',
      episodes:
        'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n' +
        'B1,01/05/2025,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n' +
        'B2,01/06/2025,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n' +
        'B3,01/07/2025,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n',
      socialWorkers:
        'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\n' +
        'B1,15/06/2012,SW1001,01/05/2025,,FCONTA\r\n' +
        'B2,01/01/2011,SW1001,01/06/2025,,FCONTA\r\n' +
        'B3,04/04/2013,SW1001,01/07/2025,,FCONTA\r\n',
    };
    const summary = await importFiles(ctx.database, { paths: [await return903(b)], authorityId, actor });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    const ids = async () =>
      (
        await ctx.database.db
          .select({ laChildId: children.laChildId })
          .from(children)
          .where(eq(children.authorityId, authorityId))
          .orderBy(asc(children.laChildId))
      ).map((c) => c.laChildId);
    // B1 is A1 (merged); B2 (two candidates) and B3 (another date of birth) are added as new children.
    assert.deepEqual(await ids(), ['A1', 'A2', 'A3', 'A4', 'B2', 'B3']);
    const matchQueries = batch.issues.filter((i) => i.rule === LANTERN_RULES.match);
    assert.deepEqual(
      matchQueries.map((i) => [i.child, i.message]),
      [
        ['B2', 'UPN matches 2 children already held (A2, A3); added as a new child, not merged'],
        ['B3', 'UPN matches child A4, whose date of birth is different; added as a new child, not merged'],
      ],
    );
    // B1's period of care is A1's.
    const a1Periods = await ctx.database.db
      .select({ startDate: periodsOfCare.startDate })
      .from(periodsOfCare)
      .where(eq(periodsOfCare.childId, a1.id));
    assert.deepEqual(a1Periods, [{ startDate: '2025-05-01' }]);
    // How A1 was matched is recorded with the source.
    const childSources = await ctx.database.db
      .select({
        importBatchId: eventSources.importBatchId,
        matchedBy: eventSources.matchedBy,
        sourceChildId: eventSources.sourceChildId,
      })
      .from(eventSources)
      .where(and(eq(eventSources.entity, 'children'), eq(eventSources.rowId, a1.id)))
      .orderBy(asc(eventSources.id));
    assert.deepEqual(childSources, [
      { importBatchId: null, matchedBy: null, sourceChildId: null },
      { importBatchId: batch.id, matchedBy: 'upn-dob', sourceChildId: 'B1' },
    ]);
    // A corrected file from system B (B1's episode now ends) finds B1 in A1 again: no child added.
    const corrected = {
      ...b,
      episodes: b.episodes.replace('B1,01/05/2025,S,C2,N1,U4,PR1,,,,', 'B1,01/05/2025,S,C2,N1,U4,PR1,01/12/2025,E4A,,'),
    };
    const again = await importFiles(ctx.database, { paths: [await return903(corrected)], authorityId, actor });
    assert.equal(again.batches[0]?.status, 'accepted', JSON.stringify(again.batches[0]?.issues));
    assert.deepEqual(await ids(), ['A1', 'A2', 'A3', 'A4', 'B2', 'B3']);
    const a1Ended = await ctx.database.db
      .select({ endDate: periodsOfCare.endDate })
      .from(periodsOfCare)
      .where(eq(periodsOfCare.childId, a1.id));
    assert.deepEqual(a1Ended, [{ endDate: '2025-12-01' }]);
  });
});
