/**
 * Allocating children to teams and workers over time.
 *
 * Each segment of a child's journey (model.ts Segment) goes to a team of its service area (siblings to the same
 * team: the team is chosen by family) and, when it starts, to the team's case holder with the fewest cases per
 * FTE who is in post and not about to leave. When that worker leaves while still holding the child, the
 * allocation ends that day (SW_REASON LEFTRL) and the child is allocated afresh to a colleague. Segments are
 * handled in date order (a binary heap), so caseloads at any date are those of the allocations open then.
 */
import type { ChildModel, Day, Segment, ServiceArea } from './model';
import type { Organisation, TeamModel, WorkerModel } from './organisation';

export interface AllocationModel {
  id: number;
  child: ChildModel;
  team: TeamModel;
  worker: WorkerModel | null;
  role: Segment['role'];
  start: Day;
  end: Day | null;
  endReason: string | null;
  /** Why this worker took the child on (SSDA903 SW_REASON): the reason the allocation before ended, or FCONTA. */
  changeReason: string;
}

interface Job {
  child: ChildModel;
  segment: Segment;
  team: TeamModel;
  start: Day;
  end: Day;
  seq: number;
}

/** A binary min-heap ordered by (key, seq). */
class MinHeap<T> {
  private readonly keys: number[] = [];
  private readonly seqs: number[] = [];
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peekKey(): number {
    return this.keys[0] ?? Infinity;
  }

  private less(i: number, j: number): boolean {
    const a = this.keys[i] as number;
    const b = this.keys[j] as number;
    return a < b || (a === b && (this.seqs[i] as number) < (this.seqs[j] as number));
  }

  private swap(i: number, j: number): void {
    const k = this.keys[i] as number;
    this.keys[i] = this.keys[j] as number;
    this.keys[j] = k;
    const q = this.seqs[i] as number;
    this.seqs[i] = this.seqs[j] as number;
    this.seqs[j] = q;
    const t = this.items[i] as T;
    this.items[i] = this.items[j] as T;
    this.items[j] = t;
  }

  push(key: number, seq: number, item: T): void {
    this.keys.push(key);
    this.seqs.push(seq);
    this.items.push(item);
    let i = this.items.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  pop(): T | undefined {
    const n = this.items.length;
    if (n === 0) return undefined;
    const top = this.items[0];
    this.swap(0, n - 1);
    this.keys.pop();
    this.seqs.pop();
    this.items.pop();
    const m = n - 1;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let k = i;
      if (l < m && this.less(l, k)) k = l;
      if (r < m && this.less(r, k)) k = r;
      if (k === i) break;
      this.swap(i, k);
      i = k;
    }
    return top;
  }
}

/** The team of an area that a family's children are held by. */
export function teamFor(org: Organisation, area: ServiceArea, family: number): TeamModel {
  const teams = org.byArea.get(area);
  if (!teams || teams.length === 0) throw new Error(`No team for ${area}`);
  return teams[family % teams.length] as TeamModel;
}

/** Per team: the case holders in post as the sweep moves forward. */
class TeamState {
  private next = 0;
  readonly active: WorkerModel[] = [];
  constructor(private readonly team: TeamModel) {}

  advance(day: Day): void {
    const ws = this.team.workers;
    while (this.next < ws.length && (ws[this.next] as WorkerModel).start <= day) {
      const w = ws[this.next++] as WorkerModel;
      if (w.caseHolding) this.active.push(w);
    }
    for (let i = this.active.length - 1; i >= 0; i--)
      if ((this.active[i] as WorkerModel).end < day) this.active.splice(i, 1);
  }
}

const OPEN = Number.MAX_SAFE_INTEGER;

export function allocate(org: Organisation, children: readonly ChildModel[]): AllocationModel[] {
  const jobs = new MinHeap<Job>();
  let seq = 0;
  for (const child of children) {
    for (const segment of child.segments) {
      const end = segment.end ?? OPEN;
      if (end <= segment.start) continue; // an allocation needs a day at least (rule SW09STG2)
      jobs.push(segment.start, seq, {
        child,
        segment,
        team: teamFor(org, segment.area, child.family),
        start: segment.start,
        end,
        seq,
      });
      seq++;
    }
  }
  const states = new Map<TeamModel, TeamState>();
  // Open cases per worker, and when each allocation ends (to take it off the worker's count).
  const load = new Map<WorkerModel, number>();
  const ends = new MinHeap<WorkerModel>();
  const out: AllocationModel[] = [];

  for (let job = jobs.pop(); job; job = jobs.pop()) {
    const { child, segment, team, start, end } = job;
    while (ends.size > 0 && ends.peekKey() < start) {
      const w = ends.pop() as WorkerModel;
      load.set(w, (load.get(w) ?? 1) - 1);
    }
    if (segment.unassigned) {
      out.push(allocation(job, null, end, segment.endReason));
      continue;
    }
    let state = states.get(team);
    if (!state) {
      state = new TeamState(team);
      states.set(team, state);
    }
    state.advance(start);
    let best: WorkerModel | null = null;
    let bestLoad = Infinity;
    for (const w of state.active) {
      if (w.end < start + 30 && w.end < end) continue; // leaving within the month
      const l = (load.get(w) ?? 0) / w.fte;
      if (l < bestLoad || (l === bestLoad && best !== null && w.index < best.index)) {
        best = w;
        bestLoad = l;
      }
    }
    if (!best) {
      // Nobody in post: held by the team without a worker, and tried again a fortnight later.
      const retry = start + 14;
      if (retry >= end) out.push(allocation(job, null, end, segment.endReason));
      else {
        out.push(allocation(job, null, retry, 'OTHERS'));
        jobs.push(retry, seq, { child, segment, team, start: retry, end, seq });
        seq++;
      }
      continue;
    }
    const until = Math.min(end, best.end);
    load.set(best, (load.get(best) ?? 0) + 1);
    ends.push(until, seq++, best);
    if (best.end < end) {
      // The worker leaves: the child is allocated afresh from that day.
      out.push(allocation(job, best, best.end, 'LEFTRL'));
      jobs.push(best.end, seq, { child, segment, team, start: best.end, end, seq });
      seq++;
    } else {
      out.push(allocation(job, best, end, segment.endReason));
    }
  }
  return withChangeReasons(out);
}

/**
 * Each allocation's change reason: an allocation that begins the day the child's allocation in the same role ended
 * takes over for the reason that one ended (a leaver, a transfer between teams; OTHERS when none is given); any
 * other is a first contact or re-referral (FCONTA).
 */
function withChangeReasons(list: AllocationModel[]): AllocationModel[] {
  // By child (the model itself: ids are given later, when the rows are written), then role and day.
  const ended = new Map<ChildModel, Map<string, string | null>>();
  for (const a of list) {
    if (a.end === null) continue;
    let byDay = ended.get(a.child);
    if (!byDay) ended.set(a.child, (byDay = new Map<string, string | null>()));
    byDay.set(`${a.role} ${String(a.end)}`, a.endReason);
  }
  for (const a of list) {
    const byDay = ended.get(a.child);
    const key = `${a.role} ${String(a.start)}`;
    a.changeReason = byDay?.has(key) ? (byDay.get(key) ?? 'OTHERS') : 'FCONTA';
  }
  return list;
}

function allocation(job: Job, worker: WorkerModel | null, until: Day, reason: string | null): AllocationModel {
  return {
    id: 0,
    child: job.child,
    team: job.team,
    worker,
    role: job.segment.role,
    start: job.start,
    end: until === OPEN ? null : until,
    endReason: reason,
    changeReason: 'FCONTA',
  };
}
