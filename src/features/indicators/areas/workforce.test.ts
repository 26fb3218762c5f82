import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { workforceSnapshots } from '../../../db/schema/index';
import { describeEachEngine } from '../../../../test/support/databases';
import { buildAllocation, buildAuthority, buildChild, buildTeam, buildWorker } from '../../../../test/support/builders';
import type { Period } from '../periods';
import { indicatorItems, indicatorValue } from '../../../../test/support/indicators';

/** The DfE census date falls at the end of September. */
const SEPTEMBER_2025: Period = { kind: 'month', start: '2025-09-01', end: '2025-09-30' };
const AUGUST_2025: Period = { kind: 'month', start: '2025-08-01', end: '2025-08-31' };
const AUGUST_2024: Period = { kind: 'month', start: '2024-08-01', end: '2024-08-31' };

describeEachEngine('workforce indicators', (ctx) => {
  let la: { id: number };
  const w: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    const team = await buildTeam(db, { authorityId: la.id });
    const worker = async (
      name: string,
      values: { role?: string; agency?: boolean; fte?: number; startDate?: string; endDate?: string | null },
    ) => {
      const row = await buildWorker(db, { authorityId: la.id, teamId: team.id, startDate: '2020-01-01', ...values });
      w[name] = row.id;
      return row;
    };
    // In post at 30 September 2025 (social work roles): sw 1, senior 0.5, agency 1, manager 1, IRO 1, last-day 1.
    await worker('sw', { role: 'social-worker', fte: 1 });
    await worker('senior', { role: 'senior-practitioner', fte: 0.5 });
    await worker('agency', { role: 'social-worker', agency: true, fte: 1, startDate: '2025-01-01' });
    await worker('manager', { role: 'team-manager', fte: 1 });
    await worker('iro', { role: 'iro', fte: 1 });
    await worker('last-day', { role: 'social-worker', fte: 1, endDate: '2025-09-30' }); // still in post on its last day
    // Not social workers: a personal adviser in post, and a LADO who left in the year.
    await worker('pa', { role: 'personal-adviser', fte: 1 });
    await worker('lado', { role: 'lado', fte: 1, endDate: '2025-01-01' });
    // Leavers: the day before the period end (0.8 FTE), and 30 September 2024, exactly 12 months before (in post
    // at the census of 30 September 2024 on their last day, so a leaver of this year).
    await worker('left-yesterday', { role: 'social-worker', fte: 0.8, endDate: '2025-09-29' });
    await worker('left-a-year-ago', { role: 'senior-practitioner', fte: 1, endDate: '2024-09-30' });
    // Not leavers in the year: left on 29 September 2024 (a leaver of the year before); an agency worker who left.
    await worker('left-too-early', { role: 'social-worker', fte: 1, endDate: '2024-09-29' });
    await worker('agency-left', {
      role: 'social-worker',
      agency: true,
      fte: 1,
      startDate: '2024-01-01',
      endDate: '2025-06-01',
    });
    // Starts the day after the period end.
    await worker('starter', { role: 'social-worker', fte: 1, startDate: '2025-10-01' });
    await buildWorker(db, { authorityId: other.id, role: 'social-worker', agency: true, fte: 1 });

    // Allocations open on 30 September 2025.
    const allocate = async (
      workerId: number | null,
      values: { role?: string; startDate?: string; endDate?: string | null } = {},
    ) => {
      const child = await buildChild(db, { authorityId: la.id });
      await buildAllocation(db, { child, teamId: team.id, workerId, startDate: '2025-01-01', ...values });
    };
    const id = (name: string) => w[name] ?? 0;
    // sw: 3 open (one ends on the period end, still open); one ended the day before; one starts the day after;
    // a personal-adviser allocation does not count.
    await allocate(id('sw'));
    await allocate(id('sw'));
    await allocate(id('sw'), { endDate: '2025-09-30' });
    await allocate(id('sw'), { endDate: '2025-09-29' });
    await allocate(id('sw'), { startDate: '2025-10-01' });
    await allocate(id('sw'), { role: 'personal-adviser' });
    // senior (0.5 FTE): 3 open. agency: 2 open. last-day: none.
    for (let i = 0; i < 3; i++) await allocate(id('senior'));
    for (let i = 0; i < 2; i++) await allocate(id('agency'));
    // A case held by the team manager, and one unallocated to a worker: neither counts.
    await allocate(id('manager'));
    await allocate(null);

    // Workforce snapshots: 2024 (2 vacancies, 18 FTE) and 2025 (3 vacancies, 22 FTE); one after the period.
    const snapshot = (snapshotDate: string, vacancyFte: number, socialWorkerFte: number) => ({
      authorityId: la.id,
      snapshotDate,
      socialWorkerFte,
      agencyFte: 4,
      vacancyFte,
      leaversFte: 2,
      caseloadCases: 300,
    });
    await db
      .insert(workforceSnapshots)
      .values([snapshot('2024-09-30', 2, 18), snapshot('2025-09-30', 3, 22), snapshot('2025-10-31', 10, 10)]);
    await db.insert(workforceSnapshots).values({ ...snapshot('2025-09-30', 50, 50), authorityId: other.id });
  });

  it('caseload at 30 September 2025: 3 + 3 + 2 + 0 cases over 1 + 0.5 + 1 + 1 FTE = 8 ÷ 3.5 = 2.29', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'sw-caseload', la.id, SEPTEMBER_2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [8, 3.5, 2.29]);
    const items = await indicatorItems(db, 'sw-caseload', la.id, SEPTEMBER_2025);
    const got = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(got.get(w.sw ?? 0), [3, 1]);
    assert.deepEqual(got.get(w.senior ?? 0), [3, 0.5]);
    assert.deepEqual(got.get(w.agency ?? 0), [2, 1]);
    assert.deepEqual(got.get(w['last-day'] ?? 0), [0, 1]);
    assert.equal(got.has(w.manager ?? 0), false);
    assert.equal(items.length, 4);
  });

  it('agency rate at 30 September 2025: 1 agency FTE of 1 + 0.5 + 1 + 1 + 1 + 1 = 5.5 FTE = 18.2%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'sw-agency-rate', la.id, SEPTEMBER_2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 5.5, 18.2]);
    const items = await indicatorItems(db, 'sw-agency-rate', la.id, SEPTEMBER_2025);
    assert.equal(items.length, 6); // the six social workers in post; not the personal adviser
    assert.equal(
      items.some((i) => i.subjectId === w.pa),
      false,
    );
  });

  it('turnover in the year to 30 September 2025: leavers 0.8 + 1 = 1.8 FTE ÷ employed in post 1 + 0.5 + 1 + 1 + 1 = 4.5 FTE = 40%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'sw-turnover-rate', la.id, SEPTEMBER_2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1.8, 4.5, 40]);
    const items = await indicatorItems(db, 'sw-turnover-rate', la.id, SEPTEMBER_2025);
    const got = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(got.get(w['left-a-year-ago'] ?? 0), [1, 0]);
    assert.deepEqual(got.get(w['last-day'] ?? 0), [0, 1]);
    for (const name of ['left-too-early', 'agency-left', 'agency', 'lado', 'starter'])
      assert.equal(got.has(w[name] ?? 0), false, name);
  });

  it('turnover a year later (to 30 September 2026): the worker whose last day was 30 September 2025 is now a leaver', async () => {
    const v = await indicatorValue(ctx.database.db, 'sw-turnover-rate', la.id, {
      kind: 'month',
      start: '2026-09-01',
      end: '2026-09-30',
    });
    // Leavers: last-day 1 FTE. In post: sw 1, senior 0.5, manager 1, iro 1, starter 1 = 4.5 FTE. 1 ÷ 4.5 = 22.2%.
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 4.5, 22.2]);
  });

  it('vacancy rate from the latest snapshot on or before the period end: 3 ÷ (3 + 22) = 12% at 30 September 2025; 2 ÷ (2 + 18) = 10% at 31 August 2025; none before the first snapshot', async () => {
    const db = ctx.database.db;
    const september = await indicatorValue(db, 'sw-vacancy-rate', la.id, SEPTEMBER_2025);
    assert.deepEqual([september.numerator, september.denominator, september.value], [3, 25, 12]);
    const august = await indicatorValue(db, 'sw-vacancy-rate', la.id, AUGUST_2025);
    assert.deepEqual([august.numerator, august.denominator, august.value], [2, 20, 10]);
    const before = await indicatorValue(db, 'sw-vacancy-rate', la.id, AUGUST_2024);
    assert.deepEqual([before.numerator, before.denominator, before.value], [0, 0, null]);
  });
});
