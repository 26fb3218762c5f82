/**
 * Reading an authority's canonical rows for the SSD export: table by table in pages ordered by id (keyset
 * pagination, so each page is one indexed query however far in), and the small lookups every table needs (the
 * LA child ID of each child, each team and worker).
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as schema from '../../../db/schema/index';
import { DATASET_TABLES, type DatasetTable } from '../../ingest/dataset';

export const PAGE_SIZE = 20_000;

export type Selected<K extends DatasetTable> = (typeof DATASET_TABLES)[K]['$inferSelect'];

interface Keyed {
  id: typeof schema.children.id;
  authorityId: typeof schema.children.authorityId;
}

export async function* rowsOf<K extends DatasetTable>(
  db: Db,
  key: K,
  authorityId: number,
  pageSize = PAGE_SIZE,
): AsyncGenerator<Selected<K>> {
  const table = DATASET_TABLES[key];
  const cols = table as unknown as Keyed;
  let last = 0;
  for (;;) {
    const page = (await db
      .select()
      .from(table as typeof schema.children)
      .where(and(eq(cols.authorityId, authorityId), gt(cols.id, last)))
      .orderBy(asc(cols.id))
      .limit(pageSize)) as unknown as Array<Selected<K> & { id: number }>;
    for (const row of page) yield row;
    if (page.length < pageSize) return;
    last = (page[page.length - 1] as { id: number }).id;
  }
}

export interface Lookups {
  /** Child id → LA child ID. */
  child: Map<number, string>;
  team: Map<number, { name: string }>;
  worker: Map<number, { ref: string; name: string; role: string; teamId: number | null }>;
  authorityId: number;
}

export async function loadLookups(db: Db, authorityId: number): Promise<Lookups> {
  const child = new Map<number, string>();
  for await (const c of rowsOf(db, 'children', authorityId)) child.set(c.id, c.laChildId);
  const teams = await db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teams)
    .where(eq(schema.teams.authorityId, authorityId));
  const workers = await db
    .select({
      id: schema.workers.id,
      ref: schema.workers.workerRef,
      name: schema.workers.name,
      role: schema.workers.role,
      teamId: schema.workers.teamId,
    })
    .from(schema.workers)
    .where(eq(schema.workers.authorityId, authorityId));
  return {
    child,
    team: new Map(teams.map((t) => [t.id, { name: t.name }])),
    worker: new Map(workers.map((w) => [w.id, w])),
    authorityId,
  };
}

/** The row's person ID (the LA child ID). */
export const person = (l: Lookups, childId: number): string => l.child.get(childId) ?? '';
export const workerRef = (l: Lookups, id: number | null): string => (id === null ? '' : (l.worker.get(id)?.ref ?? ''));
export const teamRef = (id: number | null): string => (id === null ? '' : String(id));
