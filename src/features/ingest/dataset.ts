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
}

export class Dataset {
  readonly rows: { [K in DatasetTable]: Array<DatasetRow<K>> } = Object.fromEntries(
    Object.keys(DATASET_TABLES).map((k) => [k, []]),
  ) as unknown as { [K in DatasetTable]: Array<DatasetRow<K>> };
  readonly teams: DatasetTeam[] = [];
  readonly workers: DatasetWorker[] = [];
  private readonly teamsByName = new Map<string, DatasetTeam>();
  private readonly workersByRef = new Map<string, DatasetWorker>();

  /** Adds a row and returns its local id. */
  add<K extends DatasetTable>(table: K, row: NewRow<K>): number {
    const list = this.rows[table] as Array<DatasetRow<K>>;
    const id = list.length + 1;
    list.push({ ...row, id } as DatasetRow<K>);
    return id;
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
