/**
 * Teams, posts and the workers who fill them over time.
 *
 * Teams are sized from the work the journeys create: for each service area, the average number of children held
 * at once over the history window divided by a target caseload (parameters.ts WORKFORCE) gives the case-holding
 * posts, in teams of about seven with a team manager. Each post is filled by a succession of workers: permanent
 * staff stay a few years, agency staff months, with gaps (vacancies) between them. The share of appointments
 * that go to agency workers is set so that about 26% of social workers in post are agency staff (Barnet's rate).
 */
import { fromDayNumber } from '../domain/working-days';
import { WORKFORCE } from './parameters';
import { fullName } from './names';
import { Rng } from './random';
import type { Day, ServiceArea } from './model';

export type WorkerRole =
  | 'social-worker'
  | 'senior-practitioner'
  | 'team-manager'
  | 'personal-adviser'
  | 'iro'
  | 'early-help-practitioner'
  | 'lado';

export interface WorkerModel {
  id: number;
  index: number;
  ref: string;
  name: string;
  role: WorkerRole;
  team: TeamModel;
  post: number;
  agency: boolean;
  fte: number;
  start: Day;
  /** Last day in post; may lie after the last day of data (then still in post). */
  end: Day;
  caseHolding: boolean;
}

export interface TeamModel {
  id: number;
  index: number;
  name: string;
  area: ServiceArea;
  workers: WorkerModel[];
}

/** Registered social work roles, counted for agency, vacancy and turnover rates. */
export const SOCIAL_WORK_ROLES: readonly WorkerRole[] = ['social-worker', 'senior-practitioner', 'team-manager', 'iro'];

const TEAM_NAMES: Record<ServiceArea, (i: number, n: number) => string> = {
  'front-door': (i, n) => (n === 1 ? 'MASH and Duty' : `MASH and Duty ${i + 1}`),
  'early-help': (i, n) => `Early Help ${patch(i, n)}`,
  assessment: (i, n) => `Assessment ${patch(i, n)}`,
  'cin-cp': (i, n) => `Safeguarding and Family Support ${patch(i, n)}`,
  'children-in-care': (i, n) => (n === 1 ? 'Children in Care' : `Children in Care ${i + 1}`),
  'care-leavers': (i, n) => (n === 1 ? 'Leaving Care (18+)' : `Leaving Care (18+) ${i + 1}`),
  'disabled-children': (i, n) => (n === 1 ? 'Children with Disabilities' : `Children with Disabilities ${i + 1}`),
  permanence: (i, n) => (n === 1 ? 'Permanence and Adoption' : `Permanence and Adoption ${i + 1}`),
  lado: () => 'LADO Service',
  iro: (i, n) => (n === 1 ? 'Independent Reviewing Service' : `Independent Reviewing Service ${i + 1}`),
};
const PATCHES = ['North', 'South', 'East', 'West', 'Central'];
function patch(i: number, n: number): string {
  if (n <= PATCHES.length) return PATCHES[i] as string;
  return `${PATCHES[i % PATCHES.length]} ${Math.floor(i / PATCHES.length) + 1}`;
}

const CASE_ROLE: Record<ServiceArea, WorkerRole> = {
  'front-door': 'social-worker',
  'early-help': 'early-help-practitioner',
  assessment: 'social-worker',
  'cin-cp': 'social-worker',
  'children-in-care': 'social-worker',
  'care-leavers': 'personal-adviser',
  'disabled-children': 'social-worker',
  permanence: 'social-worker',
  lado: 'lado',
  iro: 'iro',
};

export const AREAS: readonly ServiceArea[] = [
  'front-door',
  'early-help',
  'assessment',
  'cin-cp',
  'disabled-children',
  'children-in-care',
  'permanence',
  'care-leavers',
  'iro',
  'lado',
];

export interface Organisation {
  teams: TeamModel[];
  workers: WorkerModel[];
  byArea: Map<ServiceArea, TeamModel[]>;
}

/**
 * Builds teams and workers. `caseHolders` gives the case-holding posts needed per area; posts are filled from
 * `from` (before the simulation starts) to `to`.
 */
export function buildOrganisation(
  seed: number,
  stream: number,
  caseHolders: ReadonlyMap<ServiceArea, number>,
  from: Day,
  to: Day,
): Organisation {
  const rng = Rng.stream(seed, stream);
  const teams: TeamModel[] = [];
  const workers: WorkerModel[] = [];
  const byArea = new Map<ServiceArea, TeamModel[]>();
  let postNumber = 0;
  for (const area of AREAS) {
    const holders = Math.max(area === 'lado' ? 1 : 2, Math.round(caseHolders.get(area) ?? 0));
    const perTeam = area === 'lado' ? holders : area === 'iro' ? 9 : 7;
    const n = Math.max(1, Math.ceil(holders / perTeam));
    const list: TeamModel[] = [];
    for (let i = 0; i < n; i++) {
      const team: TeamModel = { id: 0, index: teams.length, name: TEAM_NAMES[area](i, n), area, workers: [] };
      teams.push(team);
      list.push(team);
      const posts = Math.floor(holders / n) + (i < holders % n ? 1 : 0);
      const roles: WorkerRole[] = [];
      if (area !== 'lado') roles.push('team-manager');
      const caseRole = CASE_ROLE[area];
      const seniors = caseRole === 'social-worker' ? Math.max(1, Math.round(posts * 0.2)) : 0;
      for (let k = 0; k < posts; k++) roles.push(k < seniors ? 'senior-practitioner' : caseRole);
      for (const role of roles) fillPost(rng, team, role, postNumber++, from, to, workers);
    }
    byArea.set(area, list);
  }
  workers.sort((a, b) => a.start - b.start || a.post - b.post);
  workers.forEach((w, i) => {
    w.index = i;
    w.ref = `SW${String(100001 + i)}`;
  });
  for (const t of teams) t.workers.sort((a, b) => a.start - b.start || a.post - b.post);
  return { teams, workers, byArea };
}

function fillPost(
  rng: Rng,
  team: TeamModel,
  role: WorkerRole,
  post: number,
  from: Day,
  to: Day,
  out: WorkerModel[],
): void {
  const hire = WORKFORCE.agencyHire[role];
  let day = from - rng.int(0, 4 * 365);
  while (day <= to) {
    const agency = rng.chance(hire);
    const years = rng.logNormal(agency ? WORKFORCE.tenureYears.agency : WORKFORCE.tenureYears.permanent, 0.6);
    const end = day + Math.max(60, Math.round(years * 365));
    const worker: WorkerModel = {
      id: 0,
      index: 0,
      ref: '',
      name: fullName(
        rng,
        rng.chance(0.8) ? 'F' : 'M',
        rng.pick(['White', 'White', 'White', 'Black', 'Asian', 'Mixed', 'Other'] as const),
      ),
      role,
      team,
      post,
      agency,
      fte: agency ? 1 : rng.weighted({ '1': 85, '0.8': 10, '0.6': 5 }) === '1' ? 1 : rng.chance(0.66) ? 0.8 : 0.6,
      start: day,
      end,
      caseHolding: role !== 'team-manager',
    };
    team.workers.push(worker);
    out.push(worker);
    // The post stands vacant for a while (agency cover usually arrives quickly).
    day = end + 1 + (rng.chance(0.5) ? rng.int(0, 14) : rng.int(15, 120));
  }
}

/** Workforce census style snapshot on a day (DfE children's social work workforce definitions). */
export function workforceSnapshot(org: Organisation, day: Day, openCases: number) {
  let employed = 0;
  let agency = 0;
  let leavers = 0;
  const posts = new Map<number, WorkerModel | null>();
  for (const w of org.workers) {
    if (!SOCIAL_WORK_ROLES.includes(w.role)) continue;
    if (!posts.has(w.post)) posts.set(w.post, null);
    if (w.start <= day && w.end >= day) {
      if (w.agency) agency += w.fte;
      else {
        employed += w.fte;
        posts.set(w.post, w);
      }
    }
    if (!w.agency && w.end < day && w.end >= day - 365) leavers += w.fte;
  }
  let vacancies = 0;
  for (const holder of posts.values()) if (!holder) vacancies += 1;
  return {
    snapshotDate: fromDayNumber(day),
    socialWorkerFte: round2(employed),
    agencyFte: round2(agency),
    vacancyFte: round2(vacancies),
    leaversFte: round2(leavers),
    caseloadCases: openCases,
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
