/**
 * Trackers for team managers and social workers: run a tracker for an as-at date within the viewer's scope, with
 * filters (team, worker, kind, status) and a sort; count every tracker for the index; audit every list of children.
 *
 * Scope: authority-wide roles see every team and may filter by team; team managers and social workers see only
 * their own team (the team filter is theirs, whatever is asked) and, under the scope rule, only children in it.
 * A social worker with a worker record sees their own caseload unless they ask for the whole team (worker "all").
 * A team-scoped user without a team sees nothing (fail closed).
 */
import { and, asc, eq, isNull, or, gt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { teams, workers } from '../../db/schema/index';
import type { ChildScope, Role } from '../../domain/roles';
import { todayInLondon } from '../../domain/today';
import { addWorkingDays } from '../../domain/working-days';
import { ValidationError } from '../../core/errors';
import type { Auditor } from '../../accounts/access-log/auditor';
import { ensureWorkingDayCalendar } from '../reference/calendar';
import { TRACKERS, TRACKER_IDS, type ItemStatus, type TrackerDefinition, type TrackerId } from './definitions';
import {
  countCaseloads,
  queryCaseloads,
  queryItems,
  type QueryFilters,
  type RawCaseload,
  type RawItem,
} from './queries';
import { countWorkDue, ensureWorkDue, queryWorkDue } from './work-due';

export interface Viewer {
  authorityId: number;
  role: Role;
  scope: ChildScope;
  workerId: number | null;
}

export const SORT_KEYS = ['child', 'team', 'worker', 'kind', 'start', 'due', 'status', 'days'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const CASELOAD_SORT_KEYS = ['worker', 'team', 'children', 'cp', 'cla', 'care-leavers'] as const;
export type CaseloadSortKey = (typeof CASELOAD_SORT_KEYS)[number];

export interface TrackerRequest {
  asAt?: string | undefined;
  teamId?: number | null | undefined;
  /** undefined: the default (a social worker's own caseload); null: everyone. */
  workerId?: number | null | undefined;
  kind?: string | null | undefined;
  status?: ItemStatus | null | undefined;
  sort?: string | undefined;
  order?: 'asc' | 'desc' | undefined;
}

export interface TrackerRow {
  kind: string;
  kindLabel: string;
  childId: number | null;
  lanternId: string | null;
  firstName: string | null;
  lastName: string | null;
  teamId: number | null;
  team: string | null;
  workerId: number | null;
  worker: string | null;
  workerRef: string | null;
  startDate: string | null;
  lastDate: string | null;
  dueDate: string;
  status: ItemStatus;
  statusLabel: string;
  /** Working days overdue (status overdue) or until due (0 when due today); null when done. */
  workingDays: number | null;
  /** Calendar days since the start date. */
  daysElapsed: number | null;
  /** Weeks since the start (PLO and care proceedings). */
  weeksElapsed: number | null;
  notes: string | null;
}

export interface CaseloadRow {
  workerId: number;
  worker: string;
  workerRef: string;
  role: string;
  agency: boolean;
  teamId: number | null;
  team: string | null;
  children: number;
  cp: number;
  cla: number;
  careLeavers: number;
}

export interface TrackerResult {
  tracker: TrackerId;
  title: string;
  asAt: string;
  /** Last day of the "due" window: 10 working days after the as-at date. */
  windowEnd: string;
  scope: 'authority' | 'team' | 'none';
  filters: {
    teamId: number | null;
    workerId: number | null;
    kind: string | null;
    status: ItemStatus | null;
    sort: string;
    order: 'asc' | 'desc';
  };
  total: number;
  overdue: number;
  rows: TrackerRow[];
  caseloads: CaseloadRow[];
}

export interface TrackerCount {
  id: TrackerId;
  title: string;
  description: string;
  total: number;
  overdue: number;
}

export interface FilterOptions {
  teams: Array<{ id: number; name: string }>;
  workers: Array<{ id: number; name: string; workerRef: string; teamId: number | null }>;
}

const n = (v: unknown): number => Number(v);
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

const shortDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const short = (iso: string | null): string | null => (iso ? shortDate.format(new Date(`${iso}T00:00:00Z`)) : null);

/** The row's status: from its due date and what has been done, as each tracker reads it. */
function statusOf(def: TrackerDefinition, raw: RawItem, asAt: string, windowEnd: string): ItemStatus {
  const doneKinds = def.id === 'plo' || def.id === 'rhi';
  if (doneKinds && raw.last_date !== null) return 'done';
  if (def.id === 'cin-panel') return raw.due_date <= asAt ? 'overdue' : 'due';
  if (raw.due_date < asAt) return 'overdue';
  if (raw.due_date <= windowEnd) return 'due';
  return 'on-track';
}

function notesOf(raw: RawItem, status: ItemStatus): string | null {
  switch (raw.kind) {
    case 'cla-review':
      return `${raw.x1 ?? '0'} review${raw.x1 === '1' ? '' : 's'} held in this period of care`;
    case 'rhi': {
      const kind = raw.x1 === 'A' ? 'Away from placement' : 'Missing';
      const parts = [kind];
      if (raw.last_date) parts.push(`offered ${short(raw.last_date)}${raw.last_date > raw.due_date ? ' (late)' : ''}`);
      if (raw.x2) parts.push(`accepted ${short(raw.x2)}`);
      if (raw.x3) parts.push(`completed ${short(raw.x3)}`);
      return parts.join(', ');
    }
    case 'pre-proceedings': {
      const parts = [
        raw.x1 ? `letter before proceedings ${short(raw.x1)}` : 'no letter before proceedings',
        raw.x2 ? `initial meeting ${short(raw.x2)}` : 'no initial meeting',
        `${raw.x3 ?? '0'} review meeting${raw.x3 === '1' ? '' : 's'}`,
      ];
      return parts.join('; ');
    }
    case 'permanence-plan':
      return raw.last_date
        ? 'Second review held without a permanence plan'
        : raw.x1
          ? `First review ${short(raw.x1)}`
          : 'No review held yet';
    case 'adoption-a1':
      return raw.x1 ? `Should be placed for adoption (decision ${short(raw.x1)})` : null;
    case 'no-pa':
    case 'pathway-plan-review':
      return raw.x1 ? `Eligibility: ${raw.x1}` : null;
    case 'lado':
      return raw.child_id === null ? 'Child not known to Lantern' : null;
    case 'early-help-allocation':
      return 'Not yet allocated';
    default:
      return status === 'overdue' && raw.last_date === null && raw.start_date !== null
        ? 'None recorded since the start'
        : null;
  }
}

export function presentItem(def: TrackerDefinition, raw: RawItem, asAt: string, windowEnd: string): TrackerRow {
  const status = statusOf(def, raw, asAt, windowEnd);
  const late = n(raw.wd_late);
  const days = nOrNull(raw.days_elapsed);
  return {
    kind: raw.kind,
    kindLabel: def.kinds[raw.kind] ?? raw.kind,
    childId: nOrNull(raw.child_id),
    lanternId: raw.lantern_id,
    firstName: raw.first_name,
    lastName: raw.last_name,
    teamId: nOrNull(raw.team_id),
    team: raw.team,
    workerId: nOrNull(raw.worker_id),
    worker: raw.worker,
    workerRef: raw.worker_ref,
    startDate: raw.start_date,
    lastDate: raw.last_date,
    dueDate: raw.due_date,
    status,
    statusLabel: def.statusLabels[status] ?? status,
    workingDays: status === 'done' ? null : Math.abs(late),
    daysElapsed: days,
    weeksElapsed: days === null ? null : Math.floor(days / 7),
    notes: notesOf(raw, status),
  };
}

const STATUS_ORDER: Record<ItemStatus, number> = { overdue: 0, due: 1, 'on-track': 2, done: 3 };

/**
 * Names and labels in English order, ignoring case and accents: one collator for every comparison (localeCompare
 * with a locale builds a new one each call, which made sorting an authority's 1,500 rows take most of a second).
 */
const BY_NAME = new Intl.Collator('en-GB', { sensitivity: 'base' });

function compareText(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return BY_NAME.compare(a, b);
}

/** Sorts rows by a column; ties go to the due date, then the Lantern ID, so the order is stable. */
export function sortRows(rows: TrackerRow[], sort: SortKey, order: 'asc' | 'desc'): TrackerRow[] {
  const dir = order === 'desc' ? -1 : 1;
  const key = (r: TrackerRow): Array<string | number | null> => {
    switch (sort) {
      case 'child':
        return [r.lastName?.toLowerCase() ?? null, r.firstName?.toLowerCase() ?? null];
      case 'team':
        return [r.team];
      case 'worker':
        return [r.worker];
      case 'kind':
        return [r.kindLabel];
      case 'start':
        return [r.startDate];
      case 'status':
        // Most overdue first: status, then working days overdue (more first) or until due (fewer first).
        return [STATUS_ORDER[r.status], r.status === 'overdue' ? -(r.workingDays ?? 0) : (r.workingDays ?? 0)];
      case 'days':
        return [r.daysElapsed];
      case 'due':
        return [r.dueDate];
    }
  };
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const x = ka[i] ?? null;
      const y = kb[i] ?? null;
      const c =
        typeof x === 'number' && typeof y === 'number'
          ? x - y
          : compareText(x === null ? null : String(x), y === null ? null : String(y));
      if (c !== 0) return c * dir;
    }
    return compareText(a.dueDate, b.dueDate) || compareText(a.lanternId, b.lanternId) || compareText(a.kind, b.kind);
  });
}

export function sortCaseloads(rows: CaseloadRow[], sort: CaseloadSortKey, order: 'asc' | 'desc'): CaseloadRow[] {
  const dir = order === 'desc' ? -1 : 1;
  return [...rows].sort((a, b) => {
    let c = 0;
    if (sort === 'worker') c = compareText(a.worker, b.worker);
    else if (sort === 'team') c = compareText(a.team, b.team);
    else if (sort === 'children') c = a.children - b.children;
    else if (sort === 'cp') c = a.cp - b.cp;
    else if (sort === 'cla') c = a.cla - b.cla;
    else c = a.careLeavers - b.careLeavers;
    return c * dir || compareText(a.team, b.team) || compareText(a.worker, b.worker);
  });
}

function presentCaseload(r: RawCaseload): CaseloadRow {
  return {
    workerId: n(r.worker_id),
    worker: r.worker,
    workerRef: r.worker_ref,
    role: r.role,
    agency: Boolean(r.agency),
    teamId: nOrNull(r.team_id),
    team: r.team,
    children: n(r.children),
    cp: n(r.cp),
    cla: n(r.cla),
    careLeavers: n(r.care_leavers),
  };
}

export function trackersService(
  db: Db,
  options: {
    today?: () => string;
    /** false: derive today's items from the events on every request instead of keeping them (work-due.ts). */
    keep?: boolean;
  } = {},
) {
  const today = options.today ?? todayInLondon;
  const keep = options.keep ?? true;

  /** The filters as the query takes them, checked against the viewer's authority and scope. */
  async function resolve(
    viewer: Viewer,
    req: TrackerRequest,
  ): Promise<{ f: QueryFilters; scope: TrackerResult['scope'] } | null> {
    const asAt = req.asAt ?? today();
    if (viewer.scope.kind === 'none') return null;
    const errors: Array<{ field: string; message: string }> = [];
    let teamId: number | null = req.teamId ?? null;
    if (viewer.scope.kind === 'team') teamId = viewer.scope.teamId;
    else if (teamId !== null) {
      const [team] = await db
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, teamId), eq(teams.authorityId, viewer.authorityId)))
        .limit(1);
      if (!team) errors.push({ field: 'team', message: 'Choose a team from the list' });
    }
    let workerId: number | null =
      req.workerId === undefined ? (viewer.role === 'social-worker' ? viewer.workerId : null) : req.workerId;
    if (req.workerId !== undefined && workerId !== null) {
      const [worker] = await db
        .select({ id: workers.id })
        .from(workers)
        .where(and(eq(workers.id, workerId), eq(workers.authorityId, viewer.authorityId)))
        .limit(1);
      if (!worker) errors.push({ field: 'worker', message: 'Choose a worker from the list' });
    }
    if (errors.length) throw new ValidationError(errors);
    if (workerId !== null && req.workerId === undefined) {
      // A default caseload must still exist; a stale worker id falls back to the whole team.
      const [worker] = await db
        .select({ id: workers.id })
        .from(workers)
        .where(and(eq(workers.id, workerId), eq(workers.authorityId, viewer.authorityId)))
        .limit(1);
      if (!worker) workerId = null;
    }
    return {
      f: {
        authorityId: viewer.authorityId,
        asAt,
        teamId,
        workerId,
        scopeTeamId: viewer.scope.kind === 'team' ? viewer.scope.teamId : null,
      },
      scope: viewer.scope.kind,
    };
  }

  async function items(def: TrackerDefinition, f: QueryFilters, kind: string | null): Promise<TrackerRow[]> {
    await ensureWorkingDayCalendar(db);
    const windowEnd = addWorkingDays(f.asAt, 10);
    const branches = Object.entries(def.branches)
      .filter(([k]) => kind === null || k === kind)
      .map(([, b]) => b);
    let raw: RawItem[];
    if (keep && f.asAt === today()) {
      await ensureWorkDue(db, f.authorityId, f.asAt);
      raw = await queryWorkDue(db, f, def.id, kind);
    } else raw = await queryItems(db, f, branches, def.windowOnly);
    let rows = raw.map((r) => presentItem(def, r, f.asAt, windowEnd));
    // Care leavers: every one without a PA, but pathway plans only when overdue or due soon.
    if (def.id === 'care-leavers')
      rows = rows.filter((r) => r.kind !== 'pathway-plan-review' || r.status !== 'on-track');
    return rows;
  }

  return {
    /** Run one tracker. `audit` (action tracker.view or tracker.download) records the tracker and filters, never child data. */
    async run(viewer: Viewer, id: TrackerId, req: TrackerRequest, audit: Auditor): Promise<TrackerResult> {
      const def = TRACKERS[id];
      const kind = req.kind && Object.hasOwn(def.kinds, req.kind) ? req.kind : null;
      if (req.kind && kind === null)
        throw new ValidationError([{ field: 'kind', message: 'Choose a kind of work from the list' }]);
      if (req.status && !def.statuses.includes(req.status))
        throw new ValidationError([{ field: 'status', message: 'Choose a status from the list' }]);
      const status = req.status ?? null;
      const order = req.order ?? 'asc';
      const resolved = await resolve(viewer, req);
      const asAt = req.asAt ?? today();
      const windowEnd = (await ensureWorkingDayCalendar(db), addWorkingDays(asAt, 10));
      let rows: TrackerRow[] = [];
      let caseloads: CaseloadRow[] = [];
      let sort: string;
      if (id === 'caseloads') {
        sort = (CASELOAD_SORT_KEYS as readonly string[]).includes(req.sort ?? '')
          ? (req.sort as CaseloadSortKey)
          : 'team';
        if (resolved)
          caseloads = sortCaseloads(
            (await queryCaseloads(db, resolved.f)).map(presentCaseload),
            sort as CaseloadSortKey,
            order,
          );
      } else {
        sort = (SORT_KEYS as readonly string[]).includes(req.sort ?? '') ? (req.sort as SortKey) : 'due';
        if (resolved) {
          const all = await items(def, resolved.f, kind);
          rows = sortRows(status ? all.filter((r) => r.status === status) : all, sort as SortKey, order);
        }
      }
      const filters = {
        teamId: resolved?.f.teamId ?? null,
        workerId: resolved?.f.workerId ?? null,
        kind,
        status,
        sort,
        order,
      };
      await db.transaction(async (tx) => {
        await audit.record(tx, {
          recordType: 'tracker',
          recordId: id,
          detail: {
            asAt,
            team: filters.teamId,
            worker: filters.workerId,
            kind,
            status,
            rows: id === 'caseloads' ? caseloads.length : rows.length,
          },
        });
      });
      return {
        tracker: id,
        title: def.title,
        asAt,
        windowEnd,
        scope: resolved?.scope ?? 'none',
        filters,
        total: id === 'caseloads' ? caseloads.length : rows.length,
        overdue: rows.filter((r) => r.status === 'overdue').length,
        rows,
        caseloads,
      };
    },

    /** Every tracker with how many rows it has (and how many overdue) for the viewer's default view. Lists no child. */
    async counts(viewer: Viewer, asAt?: string): Promise<TrackerCount[]> {
      const resolved = await resolve(viewer, { asAt });
      const out: TrackerCount[] = [];
      for (const id of TRACKER_IDS) {
        const def = TRACKERS[id];
        let total = 0;
        let overdue = 0;
        if (resolved) {
          if (id === 'caseloads') total = await countCaseloads(db, resolved.f);
          else if (keep && resolved.f.asAt === today()) {
            await ensureWorkDue(db, resolved.f.authorityId, resolved.f.asAt);
            await ensureWorkingDayCalendar(db);
            ({ total, overdue } = await countWorkDue(db, resolved.f, id, addWorkingDays(resolved.f.asAt, 10)));
          } else {
            const rows = await items(def, resolved.f, null);
            total = rows.length;
            overdue = rows.filter((r) => r.status === 'overdue').length;
          }
        }
        out.push({ id, title: def.title, description: def.description, total, overdue });
      }
      return out;
    },

    /** Teams (authority-wide viewers only) and workers (in the team when one is chosen or in scope) for the filters. */
    async filterOptions(viewer: Viewer, teamId: number | null): Promise<FilterOptions> {
      if (viewer.scope.kind === 'none') return { teams: [], workers: [] };
      const team = viewer.scope.kind === 'team' ? viewer.scope.teamId : teamId;
      const teamList =
        viewer.scope.kind === 'authority'
          ? await db
              .select({ id: teams.id, name: teams.name })
              .from(teams)
              .where(eq(teams.authorityId, viewer.authorityId))
              .orderBy(asc(teams.name))
          : [];
      const asAt = today();
      const workerList = await db
        .select({ id: workers.id, name: workers.name, workerRef: workers.workerRef, teamId: workers.teamId })
        .from(workers)
        .where(
          and(
            eq(workers.authorityId, viewer.authorityId),
            team === null ? sql`true` : eq(workers.teamId, team),
            or(isNull(workers.endDate), gt(workers.endDate, asAt)),
          ),
        )
        .orderBy(asc(workers.name));
      return { teams: teamList, workers: workerList };
    },

    /** A worker by their reference (SW…), for the CLI. */
    async workerByRef(authorityId: number, ref: string): Promise<{ id: number; teamId: number | null } | null> {
      const [w] = await db
        .select({ id: workers.id, teamId: workers.teamId })
        .from(workers)
        .where(and(eq(workers.authorityId, authorityId), eq(workers.workerRef, ref)))
        .limit(1);
      return w ?? null;
    },

    async teamByName(authorityId: number, name: string): Promise<{ id: number; name: string } | null> {
      const [t] = await db
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.authorityId, authorityId), sql`lower(${teams.name}) = lower(${name})`))
        .limit(1);
      return t ?? null;
    },
  };
}

/** The viewer a signed-in user is. */
export function viewerOf(
  user: { authorityId: number; role: Role; teamId: number | null; workerId: number | null },
  scope: ChildScope,
): Viewer {
  return { authorityId: user.authorityId, role: user.role, scope, workerId: user.workerId };
}
