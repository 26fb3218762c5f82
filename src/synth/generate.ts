/**
 * The synthetic demo authority: a whole fictional children's services department, deterministic from a seed.
 *
 * Stages: (1) arrivals — families, unaccompanied children and privately fostered children reaching the front
 * door, day by day from a warm-up period before the history window; (2) journeys — each child's path through
 * early help, assessment, protection, the courts, care and leaving care (journeys/); (3) organisation — teams
 * sized from that work and workers filling posts over time; (4) allocations — children to teams and workers;
 * (5) load — rows clipped to `asAt` and copied in one transaction (load.ts).
 *
 * The same options always give byte-identical rows: every random draw comes from a seeded stream (random.ts),
 * and every collection is built and written in a fixed order. No real person's data is used: names are random
 * combinations of common names (names.ts), dates are simulated.
 */
import { createHash } from 'node:crypto';
import type { Database } from '../db/client';
import { CsvChunks } from '../db/csv';
import { WorkingDayCalendar, addMonthsToDayNumber, fromDayNumber, toDayNumber } from '../domain/working-days';
import { allocate, type AllocationModel } from './allocation';
import { TABLES, type TableKey } from './columns';
import { Emitter, zeroCounts, type EmitInput } from './emit';
import { LOCALITIES, PLACES_AWAY } from './geography';
import { DEMO_GSS_CODE, writeDemoPostcodeLookup } from './postcodes';
import { writeDemoProviderRegister } from './providers';
import { STREAM, simulateArrival, type Arrival } from './journeys/child';
import type { Settings } from './journeys/context';
import { ladoReferrals } from './lado';
import { LOAD_ORDER, loadAuthority } from './load';
import type { ChildModel, Day, ServiceArea } from './model';
import { AREAS, buildOrganisation, workforceSnapshot, type Organisation } from './organisation';
import { ARRIVALS, WARM_UP_YEARS, WORKFORCE } from './parameters';
import { writeDemoHistory } from './improvement-plan';
import { childPopulation } from './population';
import { Rng } from './random';
import { writeDemoSelfEvaluation } from './self-evaluation';

export interface DemoOptions {
  seed: number;
  /** Children aged 0–17 living in the authority (the default demo borough has 99,000). */
  childPopulation: number;
  /** Years of history before `asAt`. */
  years: number;
  /** Last day of data, YYYY-MM-DD. Nothing is dated after it; what is open then stays open. */
  asAt: string;
  code?: string;
  name?: string;
  onProgress?: (p: { stage: string; done: number; total: number }) => void;
}

export interface DemoSummary {
  authorityId: number;
  code: string;
  name: string;
  /** Children written (children known to the authority in the history window). */
  children: number;
  /** Rows written per table (database table names). */
  rows: Record<string, number>;
  teams: Array<{ id: number; name: string; serviceArea: string }>;
  /** A safeguarding team with many children allocated at `asAt`, for the demo team manager and social worker. */
  demoTeamId: number;
  /** A social worker in that team holding children at `asAt`. */
  demoWorkerId: number | null;
  /** Wall-clock seconds, generation and load together. */
  seconds: number;
}

export const DEFAULT_NAME = 'Lantern Borough (demo)';
/**
 * Barnet's DfE LA number: the demo borough is benchmarked against Barnet's statistical neighbours, and borrows the
 * number as its own LA number too (its UPNs carry it, and the CIN census header needs one: <LEA>).
 */
export const BENCHMARK_LA_NUMBER = '302';

/**
 * Builds the demo authority into the database. `simulated`: stages (1) to (4) already run for the same options
 * (`simulateDemo`), e.g. while the database was being prepared.
 */
export async function generateDemoAuthority(
  database: Database,
  options: DemoOptions,
  simulated?: SimulatedDemo,
): Promise<DemoSummary> {
  const started = performance.now();
  const { seed } = options;
  const code = options.code ?? 'DEMO';
  const name = options.name ?? DEFAULT_NAME;
  const progress = options.onProgress ?? (() => undefined);
  const { input, org, allocations } = simulated ?? simulateDemo(options);
  const { asAt, windowStart } = input.settings;

  // (5): load.
  const { emitter, rows } = await loadAuthority(
    database,
    code,
    (offsets: Record<TableKey, number>) => new Emitter(input, offsets),
    progress,
  );

  // The inspection history, case audits and improvement plan (improvement-plan.ts): rows that point at the children
  // just loaded, written in date order up to asAt.
  progress({ stage: 'inspections and audits', done: 0, total: 1 });
  const history = await writeDemoHistory(database, emitter.authorityId, seed, fromDayNumber(windowStart), options.asAt);
  rows.inspections = history.inspections;
  rows.case_audits = history.audits.audits;
  rows.audit_programmes = history.programmes.programmes;
  rows.audit_programme_cases = history.programmes.cases;
  rows.case_audit_actions = history.programmes.actions;
  rows.case_audit_contributions = history.programmes.contributions;
  rows.case_audit_events = history.programmes.events;
  rows.improvement_actions = history.plan.actions;
  // The services' self-evaluation text for this year and last (self-evaluation.ts).
  rows.self_evaluation_entries = await writeDemoSelfEvaluation(database.db, emitter.authorityId, options.asAt);
  // Its own small lookup of its synthetic postcodes, so the 903 location rules run on its returns (decision 0027).
  rows.postcode_lookup = await writeDemoPostcodeLookup(database.db, code);
  // And its own synthetic Ofsted register of the URNs its placements carry, for the 903 URN rules (decision 0027).
  rows.provider_lookup = await writeDemoProviderRegister(database.db, emitter.authorityId, code);
  progress({ stage: 'inspections and audits', done: 1, total: 1 });

  // Statistics for the planner now: PGlite never analyzes by itself, and without them the reporting queries
  // (indicators, trackers) are planned as if every table were empty.
  await database.exec('analyze');
  const { teamId, workerId } = demoTeam(org, allocations, asAt);
  const summary: DemoSummary = {
    authorityId: emitter.authorityId,
    code,
    name,
    children: emitter.childCount,
    rows,
    teams: org.teams.map((t) => ({ id: t.id, name: t.name, serviceArea: t.area })),
    demoTeamId: teamId,
    demoWorkerId: workerId,
    seconds: (performance.now() - started) / 1000,
  };
  progress({ stage: 'done', done: 1, total: 1 });
  return summary;
}

/**
 * What the generator would load into an empty database, table by table: rows and a SHA-256 of the CSV it COPYs
 * (ids numbered from 1, as in a fresh database). Nothing touches a database, so the generator's determinism can be
 * checked on its output; the inspection history and self-evaluation written after the load are not included.
 */
export function demoRowsHash(options: DemoOptions): Record<string, string> {
  const { input } = simulateDemo(options);
  const emitter = new Emitter(input, zeroCounts());
  const out: Record<string, string> = {};
  for (const key of LOAD_ORDER) {
    const csv = new CsvChunks();
    emitter.rows(key, (row) => {
      csv.add(row);
    });
    const hash = createHash('sha256');
    for (const chunk of csv.finish()) hash.update(chunk);
    out[TABLES[key].name] = `${csv.rows}:${hash.digest('hex')}`;
  }
  return out;
}

/** Stages (1) to (4) of a demo authority, in memory: what `generateDemoAuthority` writes. */
export interface SimulatedDemo {
  readonly input: EmitInput;
  readonly org: Organisation;
  readonly allocations: AllocationModel[];
}

/**
 * Stages (1) to (4), needing no database: every row the load will write, in memory. `generateDemoAuthority` runs it,
 * or takes its result for the same options.
 */
export function simulateDemo(options: DemoOptions): SimulatedDemo {
  const { seed, years } = options;
  const population = options.childPopulation;
  if (!Number.isInteger(seed)) throw new Error('seed must be a whole number');
  if (!Number.isInteger(years) || years < 1 || years > 20) throw new Error('years must be a whole number from 1 to 20');
  if (!Number.isFinite(population) || population < 100) throw new Error('childPopulation must be at least 100');
  const code = options.code ?? 'DEMO';
  const name = options.name ?? DEFAULT_NAME;
  const progress = options.onProgress ?? (() => undefined);

  const asAt = toDayNumber(options.asAt);
  const windowStart = addMonthsToDayNumber(asAt + 1, -12 * years);
  const simulationStart = addMonthsToDayNumber(windowStart, -12 * WARM_UP_YEARS);
  const settings: Settings = {
    seed,
    simulationStart,
    windowStart,
    asAt,
    calendar: new WorkingDayCalendar(simulationStart - 400, asAt + 3 * 366),
    localities: LOCALITIES,
    placesAway: PLACES_AWAY,
    authorityName: name,
  };

  // (1) and (2): arrivals and journeys.
  const arrivals = arrivalsOf(settings, population);
  const children: ChildModel[] = [];
  const step = Math.max(1, Math.floor(arrivals.length / 50));
  let index = 0;
  arrivals.forEach((arrival, i) => {
    const family = simulateArrival(settings, arrival, index);
    index += family.length;
    // Children whose whole story ended before the history window are never written: let them go now (most of the
    // warm-up), which keeps memory, and the time spent collecting it, down.
    for (const child of family) if (lastDay(child) >= windowStart) children.push(child);
    if (i % step === 0) progress({ stage: 'journeys', done: i, total: arrivals.length });
  });
  progress({ stage: 'journeys', done: arrivals.length, total: arrivals.length });

  // (3) and (4): organisation and allocations.
  const org = buildOrganisation(
    seed,
    STREAM.organisation,
    caseHolders(settings, children, population),
    simulationStart,
    asAt + 366,
  );
  progress({ stage: 'allocations', done: 0, total: 1 });
  const allocations = allocate(org, children);
  progress({ stage: 'allocations', done: 1, total: 1 });
  const lado = ladoReferrals(settings, STREAM.lado, population, children);
  const snapshots = snapshotDays(windowStart, asAt).map((day) =>
    workforceSnapshot(org, day, openCasesOn(allocations, day)),
  );
  const populationRows = childPopulation(
    population,
    Number(fromDayNumber(windowStart).slice(0, 4)),
    Number(fromDayNumber(asAt).slice(0, 4)),
  );

  return {
    input: {
      settings,
      authority: {
        code,
        name,
        laNumber: BENCHMARK_LA_NUMBER,
        gssCode: DEMO_GSS_CODE,
        region: 'London',
        benchmarkLaNumber: BENCHMARK_LA_NUMBER,
      },
      org,
      children,
      allocations,
      lado,
      population: populationRows,
      snapshots,
    },
    org,
    allocations,
  };
}

/**
 * Families, unaccompanied children and privately fostered children arriving, day by day. Weekdays see more
 * contacts than weekends (factor 1.2 against 0.5, averaging 1).
 */
export function arrivalsOf(s: Settings, population: number): Arrival[] {
  const rng = Rng.stream(s.seed, STREAM.arrivals);
  const per10k = population / 10_000 / 365.25;
  const out: Arrival[] = [];
  let family = 0;
  for (let day = s.simulationStart; day <= s.asAt; day++) {
    const weekday = s.calendar.isWorkingDay(day) ? 1.2 : 0.5;
    const families = rng.poisson(ARRIVALS.newFamiliesPer10k * per10k * weekday);
    for (let i = 0; i < families; i++) out.push({ day, kind: 'family', family: family++ });
    const uasc = rng.poisson(ARRIVALS.uascPer10k * per10k);
    for (let i = 0; i < uasc; i++) out.push({ day, kind: 'uasc', family: family++ });
    const pf = rng.poisson(ARRIVALS.privateFosteringPer10k * per10k);
    for (let i = 0; i < pf; i++) out.push({ day, kind: 'private-fostering', family: family++ });
  }
  return out;
}

/** The last day anything about the child is recorded (or open). */
function lastDay(c: ChildModel): Day {
  let last = -Infinity;
  for (const x of c.contacts) last = Math.max(last, x.decisionDay);
  for (const x of c.earlyHelp) last = Math.max(last, x.end ?? Infinity);
  for (const x of c.episodes) last = Math.max(last, x.closure);
  for (const x of c.careLeaver) last = Math.max(last, x.end);
  for (const x of c.privateFostering) last = Math.max(last, x.end);
  for (const x of c.segments) last = Math.max(last, x.end ?? Infinity);
  return last;
}

/** Case-holding posts needed per area: children held at once over the history window ÷ target caseload. */
function caseHolders(s: Settings, children: readonly ChildModel[], population: number): Map<ServiceArea, number> {
  const span = s.asAt - s.windowStart + 1;
  const held = new Map<ServiceArea, number>();
  let contacts = 0;
  for (const c of children) {
    for (const seg of c.segments) {
      if (seg.unassigned) continue;
      const from = Math.max(seg.start, s.windowStart);
      const to = Math.min(seg.end ?? s.asAt, s.asAt);
      if (to >= from) held.set(seg.area, (held.get(seg.area) ?? 0) + (to - from + 1) / span);
    }
    for (const x of c.contacts) if (x.day >= s.windowStart && x.day <= s.asAt) contacts++;
  }
  const out = new Map<ServiceArea, number>();
  for (const area of AREAS) {
    const caseload = (WORKFORCE.caseload as Partial<Record<ServiceArea, number>>)[area];
    if (caseload) out.set(area, (held.get(area) ?? 0) / caseload);
  }
  // MASH workers screen about 1,100 contacts a year each; a LADO handles about 120 referrals a year.
  const yearsSpan = span / 365.25;
  out.set('front-door', contacts / yearsSpan / 1100);
  out.set('lado', Math.max(1, (ARRIVALS.ladoPer10k * population) / 10_000 / 120));
  return out;
}

/** 30 September of each year in the window. */
function snapshotDays(from: Day, to: Day): Day[] {
  const out: Day[] = [];
  for (let y = Number(fromDayNumber(from).slice(0, 4)); y <= Number(fromDayNumber(to).slice(0, 4)); y++) {
    const d = toDayNumber(`${y}-09-30`);
    if (d >= from && d <= to) out.push(d);
  }
  return out;
}

function openCasesOn(allocations: readonly AllocationModel[], day: Day): number {
  let n = 0;
  for (const a of allocations)
    if (a.role === 'social-worker' && a.worker && a.start <= day && (a.end === null || a.end >= day)) n++;
  return n;
}

/** The safeguarding team holding the most children at `asAt`, and its social worker holding the most. */
function demoTeam(
  org: Organisation,
  allocations: readonly AllocationModel[],
  asAt: Day,
): { teamId: number; workerId: number | null } {
  const teamCounts = new Map<number, number>();
  const workerCounts = new Map<number, number>();
  for (const a of allocations) {
    if (a.role !== 'social-worker' || a.start > asAt || (a.end !== null && a.end < asAt)) continue;
    teamCounts.set(a.team.id, (teamCounts.get(a.team.id) ?? 0) + 1);
    if (a.worker && a.worker.id > 0 && a.worker.role !== 'team-manager')
      workerCounts.set(a.worker.id, (workerCounts.get(a.worker.id) ?? 0) + 1);
  }
  const candidates = org.teams.filter((t) => t.area === 'cin-cp');
  const pool = candidates.length > 0 ? candidates : org.teams;
  let best = pool[0] as (typeof pool)[number];
  for (const t of pool) if ((teamCounts.get(t.id) ?? 0) > (teamCounts.get(best.id) ?? 0)) best = t;
  let worker: number | null = null;
  let most = 0;
  for (const w of best.workers) {
    const n = workerCounts.get(w.id) ?? 0;
    if (w.id > 0 && (n > most || (n === most && worker !== null && w.id < worker))) {
      worker = w.id;
      most = n;
    }
  }
  return { teamId: best.id, workerId: worker };
}
