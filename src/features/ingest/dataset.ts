/**
 * What a format's reader hands to the writer: canonical rows, table by table, not yet in the database.
 *
 * Ids in a Dataset are local: each table's rows are numbered 1, 2, 3… as they are added, and every reference
 * (childId, cinEpisodeId, periodOfCareId, teamId, workerId…) holds the local id of a row in the same Dataset. The
 * writer turns local ids into database ids. Children are matched to the authority's existing children by
 * `laChildId`; teams by name; workers by `workerRef`.
 *
 * Each row type is the table's insert type with every column present (Required): a reader states what the format
 * carries and writes null for what it does not, so nothing is left to a default by accident.
 */
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index';

/** The tables an import writes, in the order parents before children. */
export const DATASET_TABLES = {
  children: schema.children,
  childDisabilities: schema.childDisabilities,
  immigrationStatuses: schema.immigrationStatuses,
  familyLinks: schema.familyLinks,
  allocations: schema.allocations,
  contacts: schema.contacts,
  earlyHelpEpisodes: schema.earlyHelpEpisodes,
  cinEpisodes: schema.cinEpisodes,
  assessments: schema.assessments,
  strategyDiscussions: schema.strategyDiscussions,
  s47Enquiries: schema.s47Enquiries,
  initialCpConferences: schema.initialCpConferences,
  cinPlans: schema.cinPlans,
  cpPlans: schema.cpPlans,
  cpReviews: schema.cpReviews,
  visits: schema.visits,
  preProceedings: schema.preProceedings,
  careProceedings: schema.careProceedings,
  periodsOfCare: schema.periodsOfCare,
  legalStatuses: schema.legalStatuses,
  placements: schema.placements,
  claReviews: schema.claReviews,
  healthAssessments: schema.healthAssessments,
  dentalChecks: schema.dentalChecks,
  sdqScores: schema.sdqScores,
  claOutcomes: schema.claOutcomes,
  personalEducationPlans: schema.personalEducationPlans,
  missingEpisodes: schema.missingEpisodes,
  permanenceMilestones: schema.permanenceMilestones,
  careLeavers: schema.careLeavers,
  pathwayPlanReviews: schema.pathwayPlanReviews,
  careLeaverContacts: schema.careLeaverContacts,
  privateFostering: schema.privateFostering,
  deprivationOfLibertyOrders: schema.deprivationOfLibertyOrders,
} as const satisfies Record<string, PgTable>;

export type DatasetTable = keyof typeof DATASET_TABLES;

/** Columns the writer fills in itself. */
type WriterOwned = 'authorityId' | 'importBatchId' | 'createdAt' | 'updatedAt' | 'lanternId';

export type DatasetRow<K extends DatasetTable> = Omit<
  Required<(typeof DATASET_TABLES)[K]['$inferInsert']>,
  WriterOwned | 'id'
> & {
  id: number;
};
export type NewRow<K extends DatasetTable> = Omit<DatasetRow<K>, 'id'>;

export interface DatasetTeam {
  id: number;
  name: string;
  /** front-door, early-help, assessment, cin-cp, children-in-care, care-leavers, disabled-children, permanence … */
  serviceArea: string;
}

export interface DatasetWorker {
  id: number;
  /** The worker's ID in the source system (SSDA903 SW_ID, SSD prof_professional_id). */
  workerRef: string;
  /** Name, when the source has one; otherwise the ref. */
  name: string;
  /** social-worker, personal-adviser, iro … */
  role: string;
  /** Local team id, if known. */
  teamId: number | null;
  /** The earliest date the source shows the worker working. */
  startDate: string;
  /**
   * Known only by name (Annex A has no worker ID): matched to a held worker of that name (of several, the one in
   * the same team and in post at `startDate`), never by ref; added, with the name as ref, only when none has it.
   */
  byName?: boolean;
}

/**
 * Where a format does not carry an event's key, only a stand-in for it (the 903's OC2 health check "in the year",
 * dated 31 March; a period of care that began before the return, starting at its first episode in the file): the
 * range the true key lies in. The writer matches such a row, when no event in the range has its stand-in key exactly,
 * to the held event of the same child whose key is in the range and nearest the stand-in (decision 0024).
 */
export interface KeyWindow {
  /** The key column the stand-in is for. */
  column: string;
  /** Inclusive bounds, in the column's own form (YYYY-MM-DD dates; instants as ISO 8601); null: unbounded. */
  from: string | null;
  to: string | null;
  /**
   * The columns that must still agree (default: the other key columns). A format that carries a value the key does
   * not name but that tells events apart exactly (an SSD care leaver status's eligibility) may name it here: it must
   * then agree for any match, also one where the stand-in happens to equal a held event's key exactly.
   */
  match?: readonly string[];
  /** A column the held event must leave open or end on or after `to` (a period or status still running then). */
  coverColumn?: string;
  /**
   * When no held event matches, the row is added only for a child Lantern did not hold before: the format infers
   * the event rather than states it (Annex A's case status "Child in need plan" is also its catch-all), so for a
   * child already held it is evidence only of an event held. Nothing in the Dataset may refer to such a row.
   */
  newChildOnly?: boolean;
}

export class Dataset {
  readonly rows: { [K in DatasetTable]: Array<DatasetRow<K>> } = Object.fromEntries(
    Object.keys(DATASET_TABLES).map((k) => [k, []]),
  ) as unknown as { [K in DatasetTable]: Array<DatasetRow<K>> };
  readonly teams: DatasetTeam[] = [];
  readonly workers: DatasetWorker[] = [];
  /** Rows whose key is a stand-in (see KeyWindow), by table and local id. */
  readonly windows = new Map<DatasetTable, Map<number, KeyWindow>>();
  /**
   * Columns of a row whose value is a stand-in the format needs to make a new row (the 903 names no team, so its
   * allocations go to a team of its own): they fill a new event, and are never given to an event already held.
   */
  readonly standIns = new Map<DatasetTable, Map<number, readonly string[]>>();
  private readonly teamsByName = new Map<string, DatasetTeam>();
  private readonly workersByRef = new Map<string, DatasetWorker>();

  /**
   * Adds a row and returns its local id. The row itself is kept, its id set (not a copy: readers add hundreds of
   * thousands of rows), so it must be a new object that the caller does not change afterwards.
   */
  add<K extends DatasetTable>(table: K, row: NewRow<K>): number {
    const list = this.rows[table] as Array<DatasetRow<K>>;
    const id = list.length + 1;
    const kept = row as DatasetRow<K>;
    kept.id = id;
    list.push(kept);
    return id;
  }

  /** Says that a row's key column is a stand-in, and the range its true value lies in. */
  keyWithin(table: DatasetTable, id: number, window: KeyWindow): void {
    let map = this.windows.get(table);
    if (!map) this.windows.set(table, (map = new Map<number, KeyWindow>()));
    map.set(id, window);
  }

  /** Says that some values of a row are stand-ins, to fill a new event only. */
  standIn(table: DatasetTable, id: number, columns: readonly string[]): void {
    let map = this.standIns.get(table);
    if (!map) this.standIns.set(table, (map = new Map<number, readonly string[]>()));
    map.set(id, columns);
  }

  /** The local id of the team with this name, adding it the first time it is named. */
  team(name: string, serviceArea = 'unknown'): number {
    const key = name.trim();
    const found = this.teamsByName.get(key);
    if (found) return found.id;
    const team = { id: this.teams.length + 1, name: key, serviceArea };
    this.teams.push(team);
    this.teamsByName.set(key, team);
    return team.id;
  }

  /** The local id of the worker with this ref, adding them the first time (an earlier startDate moves theirs back). */
  worker(ref: string, details: Omit<DatasetWorker, 'id' | 'workerRef'>): number {
    const key = ref.trim();
    const found = this.workersByRef.get(key);
    if (found) {
      if (details.startDate < found.startDate) found.startDate = details.startDate;
      if (found.teamId === null && details.teamId !== null) found.teamId = details.teamId;
      return found.id;
    }
    const worker = { id: this.workers.length + 1, workerRef: key, ...details };
    this.workers.push(worker);
    this.workersByRef.set(key, worker);
    return worker.id;
  }

  /** Rows per table, for summaries. */
  counts(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const [k, list] of Object.entries(this.rows)) if (list.length > 0) out[k] = list.length;
    if (this.teams.length) out.teams = this.teams.length;
    if (this.workers.length) out.workers = this.workers.length;
    return out;
  }
}
