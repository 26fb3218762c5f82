/**
 * Raw SQL that returns rows, for the queries Drizzle's builder does not express well (indicators, trackers,
 * benchmarks). Both drivers (PGlite and node-postgres) answer `execute` with `{ rows }`. Numeric and bigint
 * columns come back as strings from node-postgres and as numbers from PGlite: convert with `Number(...)`.
 */
import type { SQL } from 'drizzle-orm';
import type { Tx } from './client';

export async function rows<T extends Record<string, unknown>>(db: Tx, query: SQL): Promise<T[]> {
  // PGlite's and node-postgres's results differ in type but both carry `rows`.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
