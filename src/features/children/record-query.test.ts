/**
 * The record's two queries (repository.ts `record` and `chronologyAndSources`): each list comes back as the page
 * needs it, in the page's order, [] when there is none, and the chronology with its sources is what the chronology
 * and sources queries give on their own.
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildChild,
  buildDisability,
  buildFamilyLink,
  buildImmigrationStatus,
  buildJourney,
  buildTeam,
  buildWorker,
} from '../../../test/support/builders';
import { childrenRepository } from './repository';
import type { Episode } from './status';

describeEachEngine('the child record in two queries', (ctx) => {
  const repo = childrenRepository();
  let la: { id: number };
  let teamA: { id: number; name: string };
  let child: { id: number; lanternId: string; authorityId: number };
  let sister: { id: number; lanternId: string; authorityId: number };
  let brother: { id: number; lanternId: string; authorityId: number };
  let alone: { id: number; lanternId: string; authorityId: number };
  let journeyChild: { id: number; lanternId: string; authorityId: number };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    teamA = await buildTeam(db, { authorityId: la.id, name: 'Team A' });
    const teamB = await buildTeam(db, { authorityId: la.id, name: 'Team B' });
    const worker = await buildWorker(db, { authorityId: la.id, name: 'Ada Worker' });
    child = await buildChild(db, { authorityId: la.id, firstName: 'Rowan', lastName: 'Ash' });
    sister = await buildChild(db, { authorityId: la.id, firstName: 'Isla', lastName: 'Ash' });
    brother = await buildChild(db, { authorityId: la.id, firstName: 'Finn', lastName: 'Ash' });
    alone = await buildChild(db, { authorityId: la.id, firstName: 'Nobody', lastName: 'Else' });
    // Two allocations, given latest first: the record lists them by start date (2023 before 2025).
    await buildAllocation(db, { child, teamId: teamA.id, workerId: worker.id, startDate: '2025-02-01' });
    await buildAllocation(db, { child, teamId: teamB.id, startDate: '2023-05-01', endDate: '2025-01-31' });
    await buildAllocation(db, { child: sister, teamId: teamA.id, startDate: '2024-01-01' });
    await buildAllocation(db, { child: brother, teamId: teamB.id, startDate: '2024-01-01' });
    // Disabilities by code (HEAR before LD), given out of order.
    await buildDisability(db, child, { code: 'LD', recordedDate: '2020-01-01' });
    await buildDisability(db, child, { code: 'HEAR', recordedDate: null });
    await buildImmigrationStatus(db, child, { status: 'UASC', startDate: '2024-03-01', endDate: null });
    await buildFamilyLink(db, child, { relationship: 'sibling', relatedChildId: sister.id });
    await buildFamilyLink(db, child, { relationship: 'half-sibling', relatedChildId: brother.id });
    // A whole journey (an event in every child-level table) for the episodes and the chronology.
    journeyChild = await buildChild(db, { authorityId: la.id });
    await buildJourney(db, journeyChild, { teamId: teamA.id, workerId: worker.id });
  });

  it('reads the child with every list the record shows, in the page’s order', async () => {
    const db = ctx.database.db;
    const row = await repo.record(db, { kind: 'authority', authorityId: la.id }, child.lanternId);
    assert.ok(row);
    assert.equal(row.id, child.id);
    assert.equal(row.isDemo, false);
    assert.deepEqual(row.disabilities, [
      { code: 'HEAR', recordedDate: null },
      { code: 'LD', recordedDate: '2020-01-01' },
    ]);
    assert.deepEqual(row.immigrationStatuses, [{ status: 'UASC', startDate: '2024-03-01', endDate: null }]);
    assert.deepEqual(
      row.allocations.map((a) => [a.team, a.worker, a.startDate, a.endDate, a.isPrimary]),
      [
        ['Team B', null, '2023-05-01', '2025-01-31', true],
        ['Team A', 'Ada Worker', '2025-02-01', null, true],
      ],
    );
    // Authority scope sees both siblings: the links name them.
    assert.deepEqual(
      row.familyLinks.map((l) => [l.relationship, l.relatedLanternId, l.relatedFirstName]),
      [
        ['sibling', sister.lanternId, 'Isla'],
        ['half-sibling', brother.lanternId, 'Finn'],
      ],
    );
    // The episodes are the ones `episodes` reads for a page of children (the journey gives several).
    const journey = await repo.record(db, { kind: 'authority', authorityId: la.id }, journeyChild.lanternId);
    assert.ok(journey);
    const episodes = await repo.episodes(db, [journeyChild.id]);
    assert.ok(episodes.length > 0);
    const key = (e: Episode) => `${e.kind}|${e.start}|${e.end ?? ''}|${e.referralId ?? ''}`;
    assert.deepEqual(journey.episodes.map(key).sort(), episodes.map(key).sort());
    assert.deepEqual(row.episodes, []);
  });

  it('names a related child only when the scope may see them, and gives [] for an empty list', async () => {
    const db = ctx.database.db;
    // Team A sees Rowan and Isla (open allocations to A), not Finn (in Team B): Finn's link shows the relationship alone.
    const row = await repo.record(db, { kind: 'team', authorityId: la.id, teamId: teamA.id }, child.lanternId);
    assert.ok(row);
    assert.deepEqual(
      row.familyLinks.map((l) => [l.relationship, l.relatedLanternId]),
      [
        ['sibling', sister.lanternId],
        ['half-sibling', null],
      ],
    );
    assert.equal(
      await repo.record(db, { kind: 'team', authorityId: la.id, teamId: teamA.id }, brother.lanternId),
      undefined,
    );
    const empty = await repo.record(db, { kind: 'authority', authorityId: la.id }, alone.lanternId);
    assert.ok(empty);
    assert.deepEqual(
      [empty.episodes, empty.disabilities, empty.immigrationStatuses, empty.familyLinks, empty.allocations],
      [[], [], [], [], []],
    );
  });

  it('reads the chronology and the sources in one query, as each reads alone', async () => {
    const db = ctx.database.db;
    const both = await db.transaction((tx) => repo.chronologyAndSources(tx, journeyChild.id, true));
    const chronology = await repo.chronology(db, journeyChild.id);
    assert.ok(chronology.length > 10);
    assert.deepEqual(both.chronology, chronology);
    assert.deepEqual(both.sources, await repo.sources(db, journeyChild.id));
    assert.equal((await repo.chronologyAndSources(db, journeyChild.id, false)).sources, null);
    // A child with nothing but a date of birth (buildChild gives 2012-06-15) has one event: born, from their own row.
    assert.deepEqual((await repo.chronologyAndSources(db, alone.id, false)).chronology, [
      {
        date: '2012-06-15',
        time: null,
        kind: 'born',
        source: 'children',
        sourceId: alone.id,
        worker: null,
        team: null,
        data: {},
      },
    ]);
  });
});
