/**
 * Loading a generated authority in one transaction.
 *
 * 1. Lock the tables written (SHARE ROW EXCLUSIVE: others may read, nobody else may write until we commit, and
 *    a second generator waits its turn), then read each table's largest id.
 * 2. Number the rows from there (emit.ts) and COPY them table by table, parents before children.
 * 3. Move each table's id sequence past the rows loaded (setval to max(id)).
 *
 * Foreign keys: on PGlite the foreign-key triggers are switched off for the transaction
 * (`session_replication_role = replica`, which the embedded superuser may set), which makes COPY about a third
 * faster (measured). Instead, every row is checked here as it is written: each single-column foreign key of the
 * loaded tables (read from pg_constraint) must point at a row written earlier in the same load. Generated rows
 * only ever point at rows of the same load, so this is the same guarantee, checked in memory. On PostgreSQL the
 * server's own checks also run (the role is not a superuser, and the server is fast enough).
 */
import type { BulkLoader, Database } from '../db/client';
import { TABLES, type TableKey } from './columns';
import { CsvChunks } from '../db/csv';
import type { Emitter } from './emit';
import { zeroCounts } from './emit';

/** Load order: parents first. */
export const LOAD_ORDER: readonly TableKey[] = [
  'authorities',
  'teams',
  'workers',
  'workforceSnapshots',
  'childPopulation',
  'children',
  'childDisabilities',
  'immigrationStatuses',
  'familyLinks',
  'allocations',
  'contacts',
  'earlyHelpEpisodes',
  'cinEpisodes',
  'assessments',
  'strategyDiscussions',
  's47Enquiries',
  'initialCpConferences',
  'cinPlans',
  'cpPlans',
  'cpReviews',
  'visits',
  'preProceedings',
  'careProceedings',
  'periodsOfCare',
  'legalStatuses',
  'placements',
  'claReviews',
  'healthAssessments',
  'dentalChecks',
  'sdqScores',
  'claOutcomes',
  'personalEducationPlans',
  'missingEpisodes',
  'permanenceMilestones',
  'careLeavers',
  'pathwayPlanReviews',
  'careLeaverContacts',
  'privateFostering',
  'ladoReferrals',
];

export type LoadProgress = (p: { stage: string; done: number; total: number }) => void;

interface ForeignKey {
  column: number;
  parent: string;
}

/**
 * Runs the whole load in one transaction: `build(offsets)` makes the emitter once the largest ids are known.
 * Returns the emitter and the rows written per table.
 */
export async function loadAuthority(
  database: Database,
  code: string,
  build: (offsets: Record<TableKey, number>) => Emitter,
  progress: LoadProgress,
): Promise<{ emitter: Emitter; rows: Record<string, number> }> {
  return database.bulkLoad(async (load) => {
    const names = LOAD_ORDER.map((k) => TABLES[k].name);
    await load.exec(`LOCK TABLE ${names.map((n) => `"${n}"`).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    const existing = await load.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "authorities" WHERE "code" = '${code.replace(/'/g, "''")}'`,
    );
    if ((existing[0]?.n ?? 0) > 0) throw new Error(`An authority with code ${code} already exists`);
    const offsets = await largestIds(load);
    const fks = await foreignKeys(load);
    const emitter = build(offsets);

    if (database.kind === 'pglite') await load.exec('SET LOCAL session_replication_role = replica');
    const written = new Map<string, Set<number>>();
    for (const list of fks.values()) for (const fk of list) written.set(fk.parent, new Set());
    const rows: Record<string, number> = {};
    let done = 0;
    for (const key of LOAD_ORDER) {
      const { name, columns } = TABLES[key];
      const checks = fks.get(name) ?? [];
      const ids = written.get(name);
      const parents = checks.map((fk) => written.get(fk.parent) as Set<number>);
      const csv = new CsvChunks();
      emitter.rows(key, (row) => {
        for (let i = 0; i < checks.length; i++) {
          const ref = row[(checks[i] as ForeignKey).column];
          if (ref !== null && ref !== undefined && !(parents[i] as Set<number>).has(ref as number)) {
            throw new Error(
              `Generated ${name}.${columns[(checks[i] as ForeignKey).column]} = ${String(ref)} points at no ${(checks[i] as ForeignKey).parent} row`,
            );
          }
        }
        if (ids) ids.add(row[0] as number);
        csv.add(row);
      });
      await load.copyCsv(name, columns, csv.finish());
      rows[name] = csv.rows;
      progress({ stage: 'load', done: ++done, total: LOAD_ORDER.length });
    }
    if (database.kind === 'pglite') await load.exec('SET LOCAL session_replication_role = origin');
    for (const name of names) {
      if ((rows[name] ?? 0) > 0) {
        await load.query(`SELECT setval(pg_get_serial_sequence('"${name}"', 'id'), (SELECT max(id) FROM "${name}"))`);
      }
    }
    return { emitter, rows };
  });
}

async function largestIds(load: BulkLoader): Promise<Record<TableKey, number>> {
  const keys = LOAD_ORDER;
  const sqlText = keys
    .map((k, i) => `SELECT ${i} AS i, coalesce(max(id), 0)::bigint AS m FROM "${TABLES[k].name}"`)
    .join(' UNION ALL ');
  const result = await load.query<{ i: number; m: string | number }>(sqlText);
  const out = zeroCounts();
  for (const r of result) out[keys[Number(r.i)] as TableKey] = Number(r.m);
  return out;
}

/**
 * Single-column foreign keys of the tables loaded, by table: the position of the column in the COPY column list
 * and the table it points at (by id). A foreign key the loader cannot check (another shape, or a column it does
 * not write) is an error, so a schema change cannot slip past.
 */
async function foreignKeys(load: BulkLoader): Promise<Map<string, ForeignKey[]>> {
  const rows = await load.query<{ child: string; col: string; parent: string; pcol: string; n: number }>(
    `SELECT c.conrelid::regclass::text AS child, a.attname AS col, c.confrelid::regclass::text AS parent, pa.attname AS pcol,
            array_length(c.conkey, 1) AS n
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = c.confkey[1]
      WHERE c.contype = 'f'`,
  );
  const loaded = new Map(LOAD_ORDER.map((k) => [TABLES[k].name, TABLES[k].columns] as const));
  const out = new Map<string, ForeignKey[]>();
  for (const r of rows) {
    const child = r.child.replace(/"/g, '');
    const columns = loaded.get(child);
    if (!columns) continue;
    const parent = r.parent.replace(/"/g, '');
    const column = columns.indexOf(r.col);
    if (Number(r.n) !== 1 || r.pcol !== 'id' || !loaded.has(parent)) {
      throw new Error(`The generator cannot check the foreign key ${child}.${r.col} → ${parent}.${r.pcol}`);
    }
    if (column < 0) continue; // a column the generator leaves empty
    const list = out.get(child) ?? [];
    list.push({ column, parent });
    out.set(child, list);
  }
  return out;
}
