import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { accessLog, eventSources, importBatches } from '../../db/schema/index';
import { createAuditor } from '../../accounts/access-log/auditor';
import { accessLogRepository } from '../../accounts/access-log/repository';
import type { CurrentUser } from '../../accounts/users/service';
import { describeEachEngine } from '../../../test/support/databases';
import { SAMPLE_903 } from '../../../test/support/ssda903-sample';
import { importFiles } from '../ingest/service';
import {
  buildAuthority,
  buildCaseAudit,
  buildChild,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  buildReferral,
} from '../../../test/support/builders';
import { childrenRepository } from './repository';
import { sourcesSummary } from './presenters';
import { childrenService } from './service';
import { matchedByText, sourceLabel, summariseSources, toRecordSources, type SourceRow } from './sources';

describe('sources: labels', () => {
  it('names an import by its format, period and id, and Lantern’s own record by the kind of authority', () => {
    assert.equal(
      sourceLabel({ importId: 12, format: '903', periodLabel: '2024/25' }, false),
      'SSDA903 2024/25 (import 12)',
    );
    assert.equal(
      sourceLabel({ importId: 3, format: 'cin', periodLabel: '2023/24' }, true),
      'CIN census 2023/24 (import 3)',
    );
    assert.equal(
      sourceLabel({ importId: 4, format: 'annex-a', periodLabel: 'As at 31 March 2026' }, false),
      'Annex A As at 31 March 2026 (import 4)',
    );
    assert.equal(sourceLabel({ importId: null, format: null, periodLabel: null }, true), 'Demo data');
    assert.equal(sourceLabel({ importId: null, format: null, periodLabel: null }, false), 'Recorded in Lantern');
  });

  it('says how a child was matched', () => {
    assert.equal(matchedByText('upn-dob'), 'matched by UPN and date of birth');
    assert.equal(matchedByText('child-id'), 'matched by child ID');
    assert.equal(matchedByText(null), null);
  });
});

const TODAY = '2026-06-01';

describeEachEngine('sources of a child’s record', (ctx) => {
  const repo = childrenRepository();
  // The tiny authority, by hand: import A (SSDA903 2023/24) and import B (SSDA903 2024/25), and one child, Kai, whose
  // record is built from them and from Lantern's own record:
  //   the child: first brought by A; B matched them by UPN and date of birth under its own ID MOS-77 → [A, B]
  //   period of care P: given by A alone (its own import_batch_id)                                  → [A]
  //   placement PL: given by A and B (two event_sources rows)                                         → [A, B]
  //   legal status LS: recorded in Lantern, then given by B too (event_sources: null and B)          → [Lantern, B]
  //   referral R: recorded in Lantern (import_batch_id null, no event_sources)                       → [Lantern]
  //   case audit CA: case audits are always Lantern's (the table has no import_batch_id)             → [Lantern]
  // and another child with a referral from A, which must not appear among Kai's sources.
  let la: { id: number };
  let kai: { id: number; lanternId: string; authorityId: number };
  let a: number;
  let b: number;
  const ids = { p: 0, pl: 0, ls: 0, r: 0, ca: 0 };

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const batch = async (values: { period: string; periodLabel: string; startedAt: Date; finishedAt: Date | null }) => {
      const [row] = await db
        .insert(importBatches)
        .values({
          authorityId: la.id,
          format: '903',
          digest: `digest-${values.period}`,
          status: 'accepted',
          fileNames: ['header.csv'],
          bytes: 100,
          importedBy: 'analyst',
          ...values,
        })
        .returning({ id: importBatches.id });
      if (!row) throw new Error('no batch');
      return row.id;
    };
    // 23:30 UTC on 30 June 2025 is 00:30 on 1 July in London (BST): the import's date is 1 July 2025.
    a = await batch({
      period: '2024',
      periodLabel: '2023/24',
      startedAt: new Date('2025-06-30T23:00:00Z'),
      finishedAt: new Date('2025-06-30T23:30:00Z'),
    });
    // Never finished: the date it started, 15 January 2026 (GMT, so the same day).
    b = await batch({
      period: '2025',
      periodLabel: '2024/25',
      startedAt: new Date('2026-01-15T10:00:00Z'),
      finishedAt: null,
    });
    kai = await buildChild(db, { authorityId: la.id, importBatchId: a, upn: 'A123456789012' });
    const p = await buildPeriodOfCare(db, kai, { importBatchId: a, startDate: '2024-06-01' });
    const pl = await buildPlacement(db, kai, { periodOfCareId: p.id, importBatchId: a, startDate: '2024-06-01' });
    const ls = await buildLegalStatus(db, kai, { periodOfCareId: p.id, importBatchId: b, startDate: '2024-06-01' });
    const r = await buildReferral(db, kai, { importBatchId: null, referralDate: '2024-01-01' });
    const ca = await buildCaseAudit(db, kai, { submittedOn: '2024-01-15' });
    Object.assign(ids, { p: p.id, pl: pl.id, ls: ls.id, r: r.id, ca: ca.id });
    const source = (
      entity: string,
      rowId: number,
      importBatchId: number | null,
      extra: { matchedBy?: string; sourceChildId?: string } = {},
    ) => ({ authorityId: la.id, entity, rowId, importBatchId, values: '{}', ...extra });
    await db
      .insert(eventSources)
      .values([
        source('children', kai.id, a),
        source('children', kai.id, b, { matchedBy: 'upn-dob', sourceChildId: 'MOS-77' }),
        source('placements', pl.id, b),
        source('placements', pl.id, a),
        source('legal_statuses', ls.id, b),
        source('legal_statuses', ls.id, null),
      ]);
    const other = await buildChild(db, { authorityId: la.id, importBatchId: a });
    await buildReferral(db, other, { importBatchId: a });
  });

  it('reads each event’s sources in one query: its event_sources rows, else its own import', async () => {
    const rows = await ctx.database.db.transaction((tx) => repo.sources(tx, kai.id));
    const A = { format: '903', periodLabel: '2023/24', importedOn: '2025-07-01', matchedBy: null, sourceChildId: null };
    const B = { format: '903', periodLabel: '2024/25', importedOn: '2026-01-15', matchedBy: null, sourceChildId: null };
    const own = {
      importId: null,
      format: null,
      periodLabel: null,
      importedOn: null,
      matchedBy: null,
      sourceChildId: null,
    };
    // By table name, then row, then Lantern's own before the imports in id order: nine rows, as worked out above.
    const expected: SourceRow[] = [
      { entity: 'case_audits', rowId: ids.ca, ...own },
      { entity: 'children', rowId: kai.id, importId: a, ...A },
      { entity: 'children', rowId: kai.id, importId: b, ...B, matchedBy: 'upn-dob', sourceChildId: 'MOS-77' },
      { entity: 'cin_episodes', rowId: ids.r, ...own },
      { entity: 'legal_statuses', rowId: ids.ls, ...own },
      { entity: 'legal_statuses', rowId: ids.ls, importId: b, ...B },
      { entity: 'periods_of_care', rowId: ids.p, importId: a, ...A },
      { entity: 'placements', rowId: ids.pl, importId: a, ...A },
      { entity: 'placements', rowId: ids.pl, importId: b, ...B },
    ];
    assert.deepEqual(rows, expected);
  });

  it('gives the record its sources, and each source what it gave, through the service; the view is logged', async () => {
    const user: CurrentUser = {
      id: 1,
      username: 'analyst-1',
      displayName: 'Analyst',
      role: 'analyst',
      authorityId: la.id,
      teamId: null,
      workerId: null,
    };
    const service = childrenService(ctx.database.db, repo, { today: () => TODAY });
    const audit = createAuditor(
      accessLogRepository(),
      { userId: 1, username: user.username, authorityId: la.id },
      'child.view',
      'req-sources-1',
    );
    const record = await service.view(user, kai.lanternId, audit, { sources: true });
    assert.ok(record.sources);
    const labelA = `SSDA903 2023/24 (import ${String(a)})`;
    const labelB = `SSDA903 2024/25 (import ${String(b)})`;
    assert.deepEqual(
      record.sources.child.map((s) => [s.label, s.matchedBy, s.sourceChildId]),
      [
        [labelA, null, null],
        [labelB, 'upn-dob', 'MOS-77'],
      ],
    );
    // The chronology: born (the child's details), referral R, case audit CA, care started P, legal status LS and
    // placement started PL. Lantern's own record gave R, CA and LS (3 events); A gave the child, P and PL (2);
    // B the child (matched by UPN and date of birth), LS and PL (2).
    // In date order (born 15 June 2012, referral 1 January 2024, audit 15 January 2024), and on 1 June 2024 by the
    // kinds' same-day ranks: care started (50), legal status (52), placement started (54).
    assert.deepEqual(
      record.chronology.map((e) => e.kind),
      ['born', 'referral', 'case-audit', 'care-started', 'legal-status', 'placement-started'],
    );
    assert.deepEqual(
      summariseSources(record.sources, record.chronology).map((s) => [
        s.label,
        s.importedOn,
        s.child,
        s.matchedBy,
        s.sourceChildId,
        s.events,
      ]),
      [
        ['Recorded in Lantern', null, false, null, null, 3],
        [labelA, '2025-07-01', true, null, null, 2],
        [labelB, '2026-01-15', true, 'upn-dob', 'MOS-77', 2],
      ],
    );
    // As the record page says it: imports linked to their reports for those who may read them, else named.
    assert.deepEqual(
      sourcesSummary(record, true).map((s) => s.html),
      [
        'Recorded in Lantern: 3 events of the chronology',
        `<a class="govuk-link" href="/data/imports/${String(a)}">${labelA}</a>, imported 1 July 2025: the child’s details and 2 events of the chronology`,
        `<a class="govuk-link" href="/data/imports/${String(b)}">${labelB}</a>, imported 15 January 2026: the child’s details (matched by UPN and date of birth; their ID there: MOS-77) and 2 events of the chronology`,
      ],
    );
    assert.deepEqual(
      sourcesSummary(record, false).map((s) => s.html.replace(/(, imported|:).*/, '')),
      ['Recorded in Lantern', labelA, labelB],
    );
    const logged = await ctx.database.db.select().from(accessLog).where(eq(accessLog.requestId, 'req-sources-1'));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.action, 'child.view');
    assert.equal(logged[0]?.recordId, kai.lanternId);
    assert.deepEqual(logged[0]?.detail, { view: 'record-and-chronology', sources: true });
  });

  it('reads no sources unless asked', async () => {
    const user: CurrentUser = {
      id: 1,
      username: 'analyst-1',
      displayName: 'Analyst',
      role: 'analyst',
      authorityId: la.id,
      teamId: null,
      workerId: null,
    };
    const service = childrenService(ctx.database.db, repo, { today: () => TODAY });
    const audit = createAuditor(
      accessLogRepository(),
      { userId: 1, username: user.username, authorityId: la.id },
      'child.view',
      'req-sources-2',
    );
    const record = await service.view(user, kai.lanternId, audit);
    assert.equal(record.sources, null);
  });

  it('calls Lantern’s own record the demo data in a demo authority', async () => {
    const db = ctx.database.db;
    const demo = await buildAuthority(db, { isDemo: true });
    const child = await buildChild(db, { authorityId: demo.id });
    const referral = await buildReferral(db, child);
    const rows = await db.transaction((tx) => repo.sources(tx, child.id));
    const isDemo = await db.transaction((tx) => repo.isDemoAuthority(tx, demo.id));
    assert.equal(isDemo, true);
    const sources = toRecordSources(rows, child.id, isDemo);
    assert.deepEqual(
      sources.child.map((s) => s.label),
      ['Demo data'],
    );
    assert.deepEqual(
      sources.events.get(`cin_episodes:${String(referral.id)}`)?.map((s) => s.label),
      ['Demo data'],
    );
  });
});

describeEachEngine('sources of a child’s record, after a real import', (ctx) => {
  const repo = childrenRepository();

  it('reads what the import wrote: a child and an event Lantern held get both sources; the rest the import’s', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code: 'SRC' });
    // Lantern already holds C1 and their period of care from 1 May 2025 (its own record: no import). The tiny 903
    // for 2025/26 (test/support/ssda903-sample.ts) gives C1 the same period of care (same start: the same event),
    // with a legal status, a placement and a social worker Lantern did not hold.
    const c1 = await buildChild(db, { authorityId: la.id, laChildId: 'C1', dateOfBirth: '2012-06-15', sex: 'M' });
    const held = await buildPeriodOfCare(db, c1, { startDate: '2025-05-01', categoryOfNeed: 'N1' });
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-sources-'));
    await writeFile(path.join(dir, 'header.csv'), SAMPLE_903.header);
    await writeFile(path.join(dir, 'episodes.csv'), SAMPLE_903.episodes);
    await writeFile(path.join(dir, 'sw.csv'), SAMPLE_903.socialWorkers);
    const summary = await importFiles(ctx.database, {
      paths: [dir],
      authorityId: la.id,
      actor: { userId: null, username: 'test:analyst' },
    });
    const batch = summary.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    const id = batch.id;
    const rows = await db.transaction((tx) => repo.sources(tx, c1.id));
    const sources = toRecordSources(rows, c1.id, false);
    const label = `SSDA903 2025/26 (import ${String(id)})`;
    // The child: Lantern's own record, then the 903, which matched them by the authority's child ID.
    assert.deepEqual(
      sources.child.map((s) => [s.label, s.matchedBy]),
      [
        ['Recorded in Lantern', null],
        [label, 'child-id'],
      ],
    );
    // The period of care held before: the same event, now with both sources (its id unchanged).
    assert.deepEqual(
      sources.events.get(`periods_of_care:${String(held.id)}`)?.map((s) => s.label),
      ['Recorded in Lantern', label],
    );
    // Everything else of C1's is the 903's alone: one legal status, one placement, one allocation.
    const others = [...sources.events.entries()]
      .filter(([key]) => !key.startsWith('children:') && !key.startsWith('periods_of_care:'))
      .map(([key, list]) => [key.split(':')[0], list.map((s) => s.label)]);
    assert.deepEqual(others, [
      ['allocations', [label]],
      ['legal_statuses', [label]],
      ['placements', [label]],
    ]);
  });
});
