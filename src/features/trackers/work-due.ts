/**
 * Work due, computed once (issue 17). Deriving every tracker's items from the children's events takes the trackers'
 * whole SQL (a union of index lookups per child in the cohort); for today that is done once per authority and kept
 * in work_due, and a tracker for today becomes one indexed read of it joined to the children's open allocations.
 *
 * - What is kept: each tracker's items as at today for the whole authority (no team or worker chosen), with how
 *   late each is. A child's own work ('cohort' items) does not depend on which of the child's allocations lists it,
 *   so a team's or a worker's view is the kept items of the children in that team's or worker's cohort, read with
 *   the same cohort as the derived query (src/features/trackers/queries.ts). Work with no allocation keeps its own
 *   team and is shown under the same conditions as the derived branches show it.
 * - When: an authority's rows are recomputed by the first reader when its state (work_due_state) is missing — an
 *   import, a withdrawal or a new working-day calendar deleted it in its own transaction (src/db/work-due-state.ts)
 *   — or is for another day (the first reader of each day). Concurrent readers in one process share one
 *   recomputation; across processes the advisory lock orders recomputations and imports.
 * - Any other as-at date is derived as before.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { rows } from '../../db/query';
import { lockWorkDue } from '../../db/work-due-state';
import { childInTeam } from '../children/scope';
import { TRACKERS, TRACKER_IDS, type TrackerId } from './definitions';
import { cohort, derivedItems, named, rowsWithoutJit, type QueryFilters, type RawItem } from './queries';

/** The trackers whose items are kept (caseloads count allocations, and are read as before). */
const KEPT: readonly TrackerId[] = TRACKER_IDS.filter((id) => id !== 'caseloads');

const COLUMNS = sql.raw(
  'authority_id, tracker, kind, source, child_id, team_id, worker_id, start_date, last_date, due_date, wd_late, days_elapsed, x1, x2, x3, x4',
);

/** Recomputes an authority's kept items for `asAt` (in one transaction) and marks them current for that day. */
export async function refreshWorkDue(db: Db, authorityId: number, asAt: string): Promise<void> {
  const whole: QueryFilters = { authorityId, asAt, teamId: null, workerId: null, scopeTeamId: null };
  await db.transaction(async (tx) => {
    await lockWorkDue(tx, authorityId);
    // See rowsWithoutJit in queries.ts: the union is costed high enough to start the JIT compiler for nothing.
    await tx.execute(sql`set local jit = off`);
    await tx.execute(sql`delete from work_due where authority_id = ${authorityId}`);
    for (const id of KEPT) {
      const def = TRACKERS[id];
      const items = derivedItems(whole, Object.values(def.branches), def.windowOnly);
      if (items === null) continue;
      await tx.execute(sql`insert into work_due (${COLUMNS})
        ${items.with}
        select ${authorityId}, ${id}, i.kind, i.source, i.child_id, i.team_id, i.worker_id, i.start_date, i.last_date,
          i.due_date, i.wd_late, i.days_elapsed, i.x1, i.x2, i.x3, i.x4
        from (${items.select}) i`);
    }
    await tx.execute(sql`insert into work_due_state (authority_id, as_at, created_at) values (${authorityId}, ${asAt}, now())
      on conflict (authority_id) do update set as_at = excluded.as_at, created_at = excluded.created_at`);
  });
}

/** Refreshes in flight, per database handle and authority, so that twenty readers at nine o'clock share one. */
const inFlight = new WeakMap<object, Map<string, Promise<void>>>();

/** Makes sure the authority's kept items are those of `asAt`: recomputes them when missing or for another day. */
export async function ensureWorkDue(db: Db, authorityId: number, asAt: string): Promise<void> {
  const [state] = await rows<{ as_at: string }>(
    db,
    sql`select as_at::text as as_at from work_due_state where authority_id = ${authorityId}`,
  );
  if (state?.as_at === asAt) return;
  let running = inFlight.get(db);
  if (!running) inFlight.set(db, (running = new Map<string, Promise<void>>()));
  const key = `${authorityId}|${asAt}`;
  let refresh = running.get(key);
  if (!refresh) {
    refresh = refreshWorkDue(db, authorityId, asAt).finally(() => running.delete(key));
    running.set(key, refresh);
  }
  await refresh;
}

/**
 * `with cohort …, items as (…)`: the kept items of one tracker (of one kind, when given) as the filters see them —
 * the same rows, with the same columns, as queryItems derives for the kept day (the caller makes sure they are
 * current).
 */
function keptItems(f: QueryFilters, tracker: TrackerId, kind: string | null): SQL {
  const ofKind = kind === null ? sql`` : sql`and w.kind = ${kind}`;
  const filtered = f.teamId !== null || f.workerId !== null || f.scopeTeamId !== null;
  // Work with no allocation, shown as the derived branches show it: LADO referrals and care leavers with no
  // allocation only to the whole authority; unallocated early help unless a worker is chosen, within the team.
  const unallocated: SQL[] = [];
  if (!filtered) unallocated.push(sql`w.source in ('lado', 'unallocated')`);
  if (f.workerId === null)
    unallocated.push(sql`(w.source = 'early-help'
      ${f.teamId !== null ? sql`and w.team_id = ${f.teamId}` : sql``}
      ${f.scopeTeamId !== null ? sql`and ${childInTeam(sql.raw('w.child_id'), f.scopeTeamId)}` : sql``})`);
  const own =
    unallocated.length === 0
      ? sql``
      : sql`union all
        select w.kind, w.child_id, w.team_id, w.worker_id, w.start_date, w.last_date, w.due_date, w.wd_late,
          w.days_elapsed, w.x1, w.x2, w.x3, w.x4
        from work_due w
        where w.authority_id = ${f.authorityId} and w.tracker = ${tracker} and w.source <> 'cohort' ${ofKind}
          and (${sql.join(unallocated, sql` or `)})`;
  return sql`with ${cohort(f)}, items as (
      select w.kind, k.child_id, k.team_id, k.worker_id, w.start_date, w.last_date, w.due_date, w.wd_late,
        w.days_elapsed, w.x1, w.x2, w.x3, w.x4
      from cohort k join work_due w on w.authority_id = ${f.authorityId} and w.tracker = ${tracker} and w.child_id = k.child_id
      where w.source = 'cohort' ${ofKind}
      ${own}
    )`;
}

/** The kept items of one tracker (of one kind, when given) as the filters see them, named: what queryItems gives. */
export function queryWorkDue(db: Tx, f: QueryFilters, tracker: TrackerId, kind: string | null): Promise<RawItem[]> {
  return rowsWithoutJit(db, named(keptItems(f, tracker, kind)));
}

/**
 * How many kept items one tracker lists as the filters see them, and how many of them are overdue, counted in SQL:
 * the statuses as the service reads them (statusOf in service.ts; `windowEnd`, the 10th working day after the kept
 * day), without fetching a row.
 */
export async function countWorkDue(
  db: Tx,
  f: QueryFilters,
  tracker: TrackerId,
  windowEnd: string,
): Promise<{ total: number; overdue: number }> {
  const done = tracker === 'plo' || tracker === 'rhi' ? sql`i.last_date is not null` : sql`false`;
  const overdue =
    tracker === 'cin-panel' ? sql`i.due_date <= ${f.asAt}` : sql`not (${done}) and i.due_date < ${f.asAt}`;
  // Care leavers: every one without a PA, but pathway plans only when overdue or due soon (service.ts, items).
  const listed =
    tracker === 'care-leavers'
      ? sql`not (i.kind = 'pathway-plan-review' and not (${done}) and i.due_date > ${windowEnd})`
      : sql`true`;
  const [counts] = await rows<{ total: number | string; overdue: number | string }>(
    db,
    sql`${keptItems(f, tracker, null)}
      select count(*) filter (where ${listed}) as total, count(*) filter (where ${listed} and ${overdue}) as overdue
      from items i`,
  );
  return { total: Number(counts?.total ?? 0), overdue: Number(counts?.overdue ?? 0) };
}

/**
 * Recomputes the kept items of every authority whose rows are missing or for another day (after an import, a
 * withdrawal, a new calendar, or the day's turn), one authority after another; returns how many were recomputed.
 * The server runs it in the background (src/app/work-due-refresher.ts) so that a team manager's first tracker of
 * the day is read, not derived; a reader that comes first still derives them (ensureWorkDue).
 */
export async function refreshStaleWorkDue(db: Db, asAt: string): Promise<number> {
  const stale = await rows<{ id: number | string }>(
    db,
    sql`select a.id from authorities a left join work_due_state s on s.authority_id = a.id
      where s.as_at is distinct from ${asAt}::date order by a.id`,
  );
  for (const { id } of stale) await ensureWorkDue(db, Number(id), asAt);
  return stale.length;
}
