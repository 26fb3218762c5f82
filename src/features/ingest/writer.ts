/**
 * Writing a Dataset into the canonical tables, inside the caller's transaction (Database.bulkLoad):
 *
 * 1. Lock the tables written (others may read; nobody else writes until we commit).
 * 2. Delete the rows of the batch this one replaces (same authority, source and period), if any.
 * 3. Match children by the authority's child ID: a known child keeps its Lantern ID and has the characteristics
 *    this source carries brought up to date (a blank in the file never erases what another source recorded);
 *    a new child is added. Teams are matched by name and workers by ref, added when new.
 * 4. COPY every table's rows, turning local ids into database ids, each row stamped with the batch id.
 * 5. Move each id sequence past the rows written.
 *
 * Nothing here commits: a failure anywhere, or the process dying, leaves the database as it was.
 */
import { getTableColumns } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { BulkLoader } from '../../db/client';
import * as schema from '../../db/schema/index';
import { CsvChunks } from '../../db/csv';
import { DATASET_TABLES, type Dataset, type DatasetTable } from './dataset';

/** Which table a reference column points at. */
const REFERENCE_COLUMNS: Record<string, DatasetTable | 'teams' | 'workers'> = {
  childId: 'children',
  relatedChildId: 'children',
  teamId: 'teams',
  workerId: 'workers',
  personalAdviserId: 'workers',
  contactId: 'contacts',
  cinEpisodeId: 'cinEpisodes',
  strategyDiscussionId: 'strategyDiscussions',
  s47EnquiryId: 's47Enquiries',
  icpcId: 'initialCpConferences',
  cpPlanId: 'cpPlans',
  periodOfCareId: 'periodsOfCare',
  preProceedingsId: 'preProceedings',
};

/** The characteristics of a child an import may bring up to date (never the child's identity or Lantern ID). */
const CHILD_UPDATABLE = [
  'upn',
  'upnUnknownReason',
  'firstName',
  'lastName',
  'dateOfBirth',
  'expectedDateOfBirth',
  'dateOfDeath',
  'sex',
  'gender',
  'ethnicity',
  'firstLanguage',
  'religion',
  'postcodeDistrict',
] as const;

const WRITER_SKIPS = new Set(['lanternId', 'createdAt', 'updatedAt']);

export interface WriteResult {
  rows: Record<string, number>;
  childrenAdded: number;
  childrenUpdated: number;
  teamsAdded: number;
  workersAdded: number;
  /** Rows removed from the batch this one replaced. */
  replacedRows: number;
}

function tableName(table: PgTable): string {
  return getTableConfig(table).name;
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Property names and database column names of a table's columns that a COPY writes. */
function copyColumns(table: PgTable): Array<{ key: string; name: string }> {
  return Object.entries(getTableColumns(table))
    .filter(([key]) => !WRITER_SKIPS.has(key))
    .map(([key, column]) => ({ key, name: column.name }));
}

function cell(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value;
}

export async function writeDataset(
  load: BulkLoader,
  options: {
    authorityId: number;
    batchId: number;
    replaces: number | null;
    dataset: Dataset;
    pglite: boolean;
    onTable?: (table: string, done: number, total: number) => void;
  },
): Promise<WriteResult> {
  const { authorityId, batchId, replaces, dataset } = options;
  const tables = Object.keys(DATASET_TABLES) as DatasetTable[];
  const names = [...tables.map((t) => tableName(DATASET_TABLES[t])), 'teams', 'workers'];
  await load.exec(`LOCK TABLE ${names.map(quote).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);

  let replacedRows = 0;
  if (replaces !== null) {
    for (const t of tables) {
      if (t === 'children') continue;
      const rows = await load.query<{ n: number }>(
        `WITH gone AS (DELETE FROM ${quote(tableName(DATASET_TABLES[t]))} WHERE import_batch_id = ${Number(replaces)} RETURNING 1) SELECT count(*)::int AS n FROM gone`,
      );
      replacedRows += Number(rows[0]?.n ?? 0);
    }
  }

  // Largest ids, to number new rows from.
  const offsets = new Map<string, number>();
  const maxSql = tables
    .map((t, i) => `SELECT ${i} AS i, coalesce(max(id), 0)::bigint AS m FROM ${quote(tableName(DATASET_TABLES[t]))}`)
    .join(' UNION ALL ');
  for (const r of await load.query<{ i: number; m: string | number }>(maxSql))
    offsets.set(tables[Number(r.i)] as string, Number(r.m));

  // Children: match by LA child ID.
  const ids = new Map<string, Map<number, number>>();
  const childMap = new Map<number, number>();
  const existing = new Map<string, number>();
  for (const r of await load.query<{ id: string | number; la_child_id: string }>(
    `SELECT id, la_child_id FROM children WHERE authority_id = ${Number(authorityId)}`,
  )) {
    existing.set(r.la_child_id, Number(r.id));
  }
  let nextChild = offsets.get('children') ?? 0;
  const newChildren: typeof dataset.rows.children = [];
  const updates: typeof dataset.rows.children = [];
  for (const child of dataset.rows.children) {
    const found = existing.get(child.laChildId);
    if (found !== undefined) {
      childMap.set(child.id, found);
      updates.push({ ...child, id: found });
    } else {
      nextChild++;
      childMap.set(child.id, nextChild);
      existing.set(child.laChildId, nextChild);
      newChildren.push({ ...child, id: nextChild });
    }
  }
  ids.set('children', childMap);

  // Teams by name, workers by ref.
  const teamMap = new Map<number, number>();
  const teamsByName = new Map<string, number>();
  for (const r of await load.query<{ id: number; name: string }>(
    `SELECT id, name FROM teams WHERE authority_id = ${Number(authorityId)}`,
  ))
    teamsByName.set(r.name, Number(r.id));
  let teamsAdded = 0;
  for (const team of dataset.teams) {
    let id = teamsByName.get(team.name);
    if (id === undefined) {
      const [row] = await load.query<{ id: number }>(
        `INSERT INTO teams (authority_id, name, service_area) VALUES (${Number(authorityId)}, ${literal(team.name)}, ${literal(team.serviceArea)}) RETURNING id`,
      );
      id = Number(row?.id);
      teamsByName.set(team.name, id);
      teamsAdded++;
    }
    teamMap.set(team.id, id);
  }
  ids.set('teams', teamMap);
  const workerMap = new Map<number, number>();
  const workersByRef = new Map<string, number>();
  for (const r of await load.query<{ id: number; worker_ref: string }>(
    `SELECT id, worker_ref FROM workers WHERE authority_id = ${Number(authorityId)}`,
  )) {
    workersByRef.set(r.worker_ref, Number(r.id));
  }
  let workersAdded = 0;
  for (const worker of dataset.workers) {
    let id = workersByRef.get(worker.workerRef);
    if (id === undefined) {
      const team = worker.teamId === null ? null : (teamMap.get(worker.teamId) ?? null);
      const [row] = await load.query<{ id: number }>(
        `INSERT INTO workers (authority_id, worker_ref, name, role, team_id, start_date) VALUES (${Number(authorityId)}, ${literal(worker.workerRef)}, ${literal(worker.name)}, ${literal(worker.role)}, ${team === null ? 'NULL' : Number(team)}, ${literal(worker.startDate)}) RETURNING id`,
      );
      id = Number(row?.id);
      workersByRef.set(worker.workerRef, id);
      workersAdded++;
    }
    workerMap.set(worker.id, id);
  }
  ids.set('workers', workerMap);

  // Local ids of every other table become offset + local id.
  for (const t of tables) {
    if (t === 'children') continue;
    const offset = offsets.get(t) ?? 0;
    const map = new Map<number, number>();
    for (const row of dataset.rows[t] as Array<{ id: number }>) map.set(row.id, offset + row.id);
    ids.set(t, map);
  }

  const resolve = (column: string, value: unknown, table: string, rowId: number): unknown => {
    const target = REFERENCE_COLUMNS[column];
    if (!target || value === null || value === undefined) return value;
    const mapped = ids.get(target)?.get(value as number);

    if (mapped === undefined)
      throw new Error(
        `Import dataset ${table} row ${rowId}: ${column} = ${String(value)} points at no ${target} row of the same import`,
      );
    return mapped;
  };

  // Existing children: bring carried characteristics up to date through a temporary table.
  let childrenUpdated = 0;
  if (updates.length > 0) {
    const columns = getTableColumns(schema.children);
    const defs = CHILD_UPDATABLE.map((k) => `${quote(columns[k].name)} ${columns[k].getSQLType()}`).join(', ');
    await load.exec(`CREATE TEMP TABLE incoming_children (id bigint, ${defs}) ON COMMIT DROP`);
    const csv = new CsvChunks();
    for (const child of updates) csv.add([child.id, ...CHILD_UPDATABLE.map((k) => cell(child[k]))]);
    await load.copyCsv('incoming_children', ['id', ...CHILD_UPDATABLE.map((k) => columns[k].name)], csv.finish());
    const sets = CHILD_UPDATABLE.map(
      (k) => `${quote(columns[k].name)} = coalesce(i.${quote(columns[k].name)}, c.${quote(columns[k].name)})`,
    ).join(', ');
    const changed = await load.query<{ n: number }>(
      `WITH u AS (UPDATE children c SET ${sets}, updated_at = now() FROM incoming_children i WHERE c.id = i.id AND (${CHILD_UPDATABLE.map(
        (k) =>
          `(i.${quote(columns[k].name)} IS NOT NULL AND i.${quote(columns[k].name)} IS DISTINCT FROM c.${quote(columns[k].name)})`,
      ).join(' OR ')}) RETURNING 1) SELECT count(*)::int AS n FROM u`,
    );
    childrenUpdated = Number(changed[0]?.n ?? 0);
  }

  if (options.pglite) await load.exec('SET LOCAL session_replication_role = replica');
  const rows: Record<string, number> = {};
  let done = 0;
  for (const t of tables) {
    const table = DATASET_TABLES[t];
    const name = tableName(table);
    const columns = copyColumns(table);
    const list = t === 'children' ? newChildren : (dataset.rows[t] as Array<Record<string, unknown> & { id: number }>);
    if (list.length > 0) {
      const csv = new CsvChunks();
      for (const row of list as Array<Record<string, unknown> & { id: number }>) {
        csv.add(
          columns.map(({ key }) => {
            if (key === 'id') return t === 'children' ? row.id : ids.get(t)?.get(row.id);
            if (key === 'authorityId') return authorityId;
            if (key === 'importBatchId') return batchId;
            return cell(resolve(key, row[key], name, row.id));
          }),
        );
      }
      await load.copyCsv(
        name,
        columns.map((c) => c.name),
        csv.finish(),
      );
      await load.query(
        `SELECT setval(pg_get_serial_sequence(${literal(name)}, 'id'), (SELECT max(id) FROM ${quote(name)}))`,
      );
    }
    rows[t] = t === 'children' ? newChildren.length : list.length;
    options.onTable?.(t, ++done, tables.length);
  }
  if (options.pglite) await load.exec('SET LOCAL session_replication_role = origin');

  return { rows, childrenAdded: newChildren.length, childrenUpdated, teamsAdded, workersAdded, replacedRows };
}
