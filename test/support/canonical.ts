/**
 * A comparable picture of an authority's canonical data, for round-trip tests: for each table, its rows as JSON
 * strings of the chosen columns, sorted, with database ids dropped and every reference replaced by the natural key
 * of the row it points at — so data exported from one database and imported into another compares equal exactly
 * when the same facts came back.
 *
 * Natural keys: a child is its LA child ID; a referral (CIN episode) is child + referral date; a period of care is
 * child + start date; a CP plan, S47, ICPC, strategy discussion, contact and pre-proceedings are child + their
 * start date; a team is its name; a worker is their ref.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../../src/db/client';
import * as schema from '../../src/db/schema/index';
import { DATASET_TABLES, type DatasetTable } from '../../src/features/ingest/dataset';

export type SnapshotSpec = {
  [K in DatasetTable]?: ReadonlyArray<keyof (typeof DATASET_TABLES)[K]['$inferSelect'] & string>;
};

type Row = Record<string, unknown>;

/** Which table each reference column points at, and how to name the row it points at. */
const REFERENCES: Record<
  string,
  { table: DatasetTable; key: (row: Row, childKey: (id: unknown) => string) => string }
> = {
  cinEpisodeId: { table: 'cinEpisodes', key: (r, c) => `${c(r.childId)}/${String(r.referralDate)}` },
  contactId: { table: 'contacts', key: (r, c) => `${c(r.childId)}/${String(r.contactDate)}` },
  periodOfCareId: { table: 'periodsOfCare', key: (r, c) => `${c(r.childId)}/${String(r.startDate)}` },
  cpPlanId: { table: 'cpPlans', key: (r, c) => `${c(r.childId)}/${String(r.startDate)}` },
  s47EnquiryId: { table: 's47Enquiries', key: (r, c) => `${c(r.childId)}/${String(r.startDate)}` },
  icpcId: { table: 'initialCpConferences', key: (r, c) => `${c(r.childId)}/${String(r.conferenceDate)}` },
  strategyDiscussionId: { table: 'strategyDiscussions', key: (r, c) => `${c(r.childId)}/${String(r.discussionDate)}` },
  preProceedingsId: { table: 'preProceedings', key: (r, c) => `${c(r.childId)}/${String(r.startDate)}` },
};

export async function canonicalSnapshot(
  db: Db,
  authorityId: number,
  spec: SnapshotSpec,
): Promise<Record<string, string[]>> {
  const childRows = await db
    .select({ id: schema.children.id, laChildId: schema.children.laChildId })
    .from(schema.children)
    .where(eq(schema.children.authorityId, authorityId));
  const childIds = new Map(childRows.map((c) => [c.id, c.laChildId]));
  const childKey = (id: unknown) =>
    id === null || id === undefined ? 'null' : (childIds.get(id as number) ?? `missing-child-${String(id)}`);
  const teamRows = await db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teams)
    .where(eq(schema.teams.authorityId, authorityId));
  const teamNames = new Map(teamRows.map((t) => [t.id, t.name]));
  const workerRows = await db
    .select({ id: schema.workers.id, ref: schema.workers.workerRef })
    .from(schema.workers)
    .where(eq(schema.workers.authorityId, authorityId));
  const workerRefs = new Map(workerRows.map((w) => [w.id, w.ref]));

  const referenced = new Map<DatasetTable, Map<number, string>>();
  async function referenceNames(
    table: DatasetTable,
    key: (row: Row, c: typeof childKey) => string,
  ): Promise<Map<number, string>> {
    const found = referenced.get(table);
    if (found) return found;
    const t = DATASET_TABLES[table];
    const rows = (await db.select().from(t).where(eq(t.authorityId, authorityId))) as Row[];
    const names = new Map(rows.map((r) => [r.id as number, key(r, childKey)]));
    referenced.set(table, names);
    return names;
  }

  const out: Record<string, string[]> = {};
  for (const [table, columns] of Object.entries(spec) as Array<[DatasetTable, readonly string[]]>) {
    const t = DATASET_TABLES[table];
    const rows = (await db.select().from(t).where(eq(t.authorityId, authorityId))) as Row[];
    const lines: string[] = [];
    for (const row of rows) {
      const picked: Row = {};
      for (const column of columns) {
        const value = row[column];
        if (column === 'childId' || column === 'relatedChildId')
          picked[column] = value === null ? null : childKey(value);
        else if (column === 'teamId')
          picked[column] = value === null ? null : (teamNames.get(value as number) ?? `missing-team-${String(value)}`);
        else if (column === 'workerId' || column === 'personalAdviserId')
          picked[column] =
            value === null ? null : (workerRefs.get(value as number) ?? `missing-worker-${String(value)}`);
        else if (REFERENCES[column]) {
          const ref = REFERENCES[column];
          picked[column] =
            value === null
              ? null
              : ((await referenceNames(ref.table, ref.key)).get(value as number) ?? `missing-${String(value)}`);
        } else picked[column] = value instanceof Date ? value.toISOString() : value;
      }
      lines.push(JSON.stringify(picked));
    }
    out[table] = lines.sort();
  }
  return out;
}
