/**
 * What the SSD reader knows while it reads an extract table by table: the Dataset being built, and for each SSD
 * key it has seen (person, referral, assessment, S47, ICPC, CP plan, period of care) the local row it became, so
 * that later tables can point at earlier ones. It also remembers where each Dataset row came from (file and
 * line), for the cross-table rules.
 */
import { Dataset, type DatasetTable, type NewRow } from '../../dataset';
import type { IssueLog } from '../../issues';
import { Cells } from './cells';
import { workerRole } from './codes';

export interface Source {
  file: string;
  line: number;
  child: string | null;
}

export interface PersonInfo {
  local: number;
  dob: string | null;
  /** Postcode district from ssd_address, once read. */
  postcode: string | null;
  /** The full postcode from ssd_address (decision 0027), when it is one. */
  fullPostcode: string | null;
}

export interface ReferralInfo {
  local: number;
  person: string;
  referralDate: string;
  closureDate: string | null;
}

export interface PeriodInfo {
  local: number;
  person: string;
  start: string;
  end: string | null;
}

export class SsdReadState {
  readonly dataset = new Dataset();
  readonly persons = new Map<string, PersonInfo>();
  readonly referrals = new Map<string, ReferralInfo>();
  readonly referralsByPerson = new Map<string, ReferralInfo[]>();
  readonly assessments = new Map<string, number>();
  readonly s47s = new Map<string, number>();
  readonly icpcs = new Map<string, number>();
  readonly cpPlans = new Map<string, { local: number; person: string }>();
  /** Periods of care by SSD CLA id (clae_cla_id). */
  readonly periods = new Map<string, PeriodInfo>();
  readonly periodsByPerson = new Map<string, PeriodInfo[]>();
  /** ssd_department: team id → name. */
  readonly departments = new Map<string, string>();
  /** ssd_professionals: professional id → name, job title, team. */
  readonly professionals = new Map<string, { name: string | null; title: string | null; team: string | null }>();
  /** Scratch for ssd_address: the rank of the address each person's district came from. */
  readonly addressRank = new Map<string, { open: boolean; start: string }>();
  /** Scratch for ssd_family: the members of each family, linked as siblings when the file is done. */
  readonly families = new Map<string, Array<{ local: number; cells: Cells }>>();
  /** Scratch for ssd_cla_health: check types already reported as having no home. */
  readonly skippedHealthTypes = new Set<string>();
  /** Scratch for ssd_care_leavers: pathway plan reviews seen (person|date), and each person's eligibility rows. */
  readonly pathwayReviews = new Set<string>();
  readonly careLeaverRows = new Map<
    string,
    Array<{
      cells: Cells;
      local: number;
      eligibility: string;
      date: string | null;
      workerRef: string | null;
      teamId: number | null;
    }>
  >();
  /** Where each Dataset row came from, by table and local id − 1. */
  readonly sources = new Map<DatasetTable, Source[]>();
  /** The latest date seen in the extract (for the period label). */
  latest: string | null = null;

  constructor(
    readonly issues: IssueLog,
    readonly today: string,
  ) {}

  cells(file: string, line: number, values: Record<string, string>): Cells {
    return new Cells(file, line, values, this.issues, (d) => {
      if (d <= this.today && (this.latest === null || d > this.latest)) this.latest = d;
    });
  }

  /** Adds a row to the Dataset and remembers where it came from. */
  add<K extends DatasetTable>(table: K, row: NewRow<K>, at: Cells): number {
    const id = this.dataset.add(table, row);
    let list = this.sources.get(table);
    if (!list) this.sources.set(table, (list = []));
    list[id - 1] = { file: at.file, line: at.line, child: at.child };
    return id;
  }

  source(table: DatasetTable, localId: number): Source {
    return this.sources.get(table)?.[localId - 1] ?? { file: '', line: 0, child: null };
  }

  /** The person a row names, or null (and an LNT-REFERENCE error) when the extract has no such person. */
  person(at: Cells, column: string, id: string | null): PersonInfo | null {
    if (id === null) return null;
    at.child = id;
    const p = this.persons.get(id);
    if (!p)
      at.problem(
        column,
        'LNT-REFERENCE',
        `${column} ${id} is not in ssd_person: the row points at a person the extract does not contain.`,
      );
    return p ?? null;
  }

  /** The local id of the team a row names: a dept_team_id from ssd_department, or else the team's name. */
  team(value: string | null): number | null {
    if (value === null) return null;
    const name = this.departments.get(value) ?? value;
    return this.dataset.team(name);
  }

  /** The local id of the worker a row names (ssd_professionals id), first seen working on `date`. */
  worker(ref: string | null, date: string | null, teamId: number | null = null): number | null {
    if (ref === null) return null;
    const prof = this.professionals.get(ref);
    const team = teamId ?? (prof?.team ? this.team(prof.team) : null);
    return this.dataset.worker(ref, {
      name: prof?.name ?? ref,
      role: workerRole(prof?.title ?? null),
      teamId: team,
      // A worker needs a start date; with no dated row yet, the extract's latest date stands in and moves back
      // as soon as a dated row names them.
      startDate: date ?? this.latest ?? this.today,
    });
  }

  rememberReferral(id: string, info: ReferralInfo): void {
    this.referrals.set(id, info);
    const list = this.referralsByPerson.get(info.person);
    if (list) list.push(info);
    else this.referralsByPerson.set(info.person, [info]);
  }

  rememberPeriod(id: string, info: PeriodInfo): void {
    this.periods.set(id, info);
    const list = this.periodsByPerson.get(info.person);
    if (list) list.push(info);
    else this.periodsByPerson.set(info.person, [info]);
  }

  /** The referral (CIN episode) a row names, reporting one that is missing. */
  referral(at: Cells, column: string, id: string | null): ReferralInfo | null {
    if (id === null) return null;
    const r = this.referrals.get(id);
    if (!r)
      at.problem(
        column,
        'LNT-REFERENCE',
        `${column} ${id} is not in ssd_cin_episodes: the row points at a referral the extract does not contain.`,
      );
    return r ?? null;
  }

  /** The child's period of care containing `date` (the latest to start, if two do). */
  periodOn(person: string, date: string): PeriodInfo | null {
    let found: PeriodInfo | null = null;
    for (const p of this.periodsByPerson.get(person) ?? [])
      if (p.start <= date && (p.end === null || p.end >= date)) found = p;
    return found;
  }

  /** The child's referral open on `date` (the latest to start, if two are). */
  referralOn(person: string, date: string): ReferralInfo | null {
    let found: ReferralInfo | null = null;
    for (const r of this.referralsByPerson.get(person) ?? []) {
      if (r.referralDate <= date && (r.closureDate === null || r.closureDate >= date)) {
        if (!found || r.referralDate > found.referralDate) found = r;
      }
    }
    return found;
  }
}
