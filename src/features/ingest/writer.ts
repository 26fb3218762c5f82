/**
 * Writing a Dataset into the canonical tables, inside the caller's transaction (Database.bulkLoad), so that every
 * event is held once whatever file it arrives in (decision 0024):
 *
 * 1. Lock the tables written (others may read; nobody else writes until we commit).
 * 2. Children: matched by the authority's child ID, then by the ID a source used before, then by UPN with date of
 *    birth (one candidate, same date of birth); an ambiguous match is reported and the child added as new.
 * 3. Teams matched by name and workers by ref (a worker known only by name, by name), added when new.
 * 4. Table by table, parents before children: each row is matched to an event already held by its identity
 *    (ingest/identity.ts). A match adds this import's values to the event's sources and merges them by precedence
 *    (ingest/precedence.ts), reporting where sources disagree; anything else is a new event.
 * 5. The import this one replaces (same source and period), or the one being withdrawn, loses its contribution:
 *    events only it gave are removed, events others gave too are merged again from what is left.
 *
 * Nothing here commits: a failure anywhere, or the process dying, leaves the database as it was.
 */
import type { BulkLoader } from '../../db/client';
import { workDueStaleStatements } from '../../db/work-due-state';
import { CsvChunks } from '../../db/csv';
import { canonical, REFERENCE_COLUMNS, shapeOf, type Column, type TableShape } from './columns';
import { DATASET_TABLES, type Dataset, type DatasetTable, type KeyWindow } from './dataset';
import { EVENT_KEYS, eventKey, type EventTable } from './identity';
import { disagreements, mergeValues, sameValue, type Contribution, type Disagreement, type Source } from './precedence';

/** What one import did to one table. */
export interface TableEffect {
  added: number;
  merged: number;
  unchanged: number;
  removed: number;
}

/** Where this import and another source give different values for the same event (reported as a query). */
export interface MergeQuery extends Disagreement {
  table: DatasetTable;
  /** The authority's child ID of the child the event belongs to. */
  childRef: string;
  /** The event's identity in words: its key columns and their values. */
  event: string;
}

/** A child of the import that could not be matched safely to one already held (added as a new child). */
export interface AmbiguousChild {
  childRef: string;
  reason: string;
}

export interface WriteResult {
  /** By table (children first), for the tables the write touched. */
  effect: Partial<Record<DatasetTable, TableEffect>>;
  teamsAdded: number;
  workersAdded: number;
  /** Teams and workers the replaced or withdrawn import had added that nothing refers to any more. */
  teamsRemoved: number;
  workersRemoved: number;
  queries: MergeQuery[];
  ambiguous: AmbiguousChild[];
}

export interface WriteOptions {
  authorityId: number;
  /** The import being written; null when an import is withdrawn (nothing comes in). */
  batchId: number | null;
  /** The import whose contribution goes: the one this replaces (same source and period), or the one withdrawn. */
  replaces: number | null;
  dataset: Dataset;
  pglite: boolean;
  onTable?: (table: string, done: number, total: number) => void;
}

const LANTERN: Source = { importId: null, format: null, period: null };

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** A row as the merge sees it: its id, child, origin, key and values, all canonical. */
interface HeldRow {
  id: number;
  childId: number;
  origin: number | null;
  fields: Record<string, unknown>;
  contributions: Contribution[];
  /** Sources recorded in event_sources (more than one source). */
  explicit: boolean;
  /** Lost the replaced import's contribution or gained this one's: to be merged again. */
  touched: boolean;
  /** Matched by a row of this import. */
  matched: boolean;
  /** For children: how each source's child was matched, by import id. */
  matches?: Map<number | null, { matchedBy: string | null; sourceChildId: string | null }>;
}

function valuesOf(columns: readonly Column[], fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) {
    const v = fields[c.key];
    if (v !== null && v !== undefined) out[c.key] = v;
  }
  return out;
}

/**
 * Values less the stand-ins a format gives only to fill a new row (Dataset.standIn): they are kept only for an event
 * no other source gives any more (the one a replaced import alone gave), which is new again.
 */
function without(
  values: Record<string, unknown>,
  standIns: readonly string[] | undefined,
  held: HeldRow | undefined,
): Record<string, unknown> {
  if (!standIns || standIns.length === 0 || (held && held.contributions.length === 0)) return values;
  return Object.fromEntries(Object.entries(values).filter(([k]) => !standIns.includes(k)));
}

/** Reads rows of a table as canonical fields keyed by property name. */
function fromJson(shape: TableShape, json: string): Record<string, unknown> {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const c of shape.copy) out[c.key] = canonical(c, raw[c.name]);
  return out;
}

class Merge {
  readonly effect: Partial<Record<DatasetTable, TableEffect>> = {};
  readonly queries: MergeQuery[] = [];
  readonly ambiguous: AmbiguousChild[] = [];
  /** Local id → database id, by table (and teams, workers). */
  readonly ids = new Map<string, Map<number, number>>();
  /** Database id → the authority's child ID, for reports. */
  readonly childRefs = new Map<number, string>();
  /** Database ids of the children this import matched to children another source gives (not new with it). */
  private readonly heldChildren = new Set<number>();
  private sources = new Map<number, Source>();
  private temp = 0;

  constructor(
    private readonly load: BulkLoader,
    private readonly options: WriteOptions,
  ) {}

  source(importId: number | null): Source {
    if (importId === null) return LANTERN;
    return this.sources.get(importId) ?? { importId, format: null, period: null };
  }

  async begin(): Promise<void> {
    const tables = Object.keys(DATASET_TABLES) as DatasetTable[];
    const names = [...tables.map((t) => shapeOf(t).name), 'teams', 'workers', 'event_sources'];
    await this.load.exec(`LOCK TABLE ${names.map(quote).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
    for (const r of await this.load.query<{ id: string | number; format: string; period: string }>(
      `SELECT id, format, period FROM import_batches WHERE authority_id = ${Number(this.options.authorityId)}`,
    ))
      this.sources.set(Number(r.id), { importId: Number(r.id), format: r.format, period: r.period });
    await this.load.exec(
      `CREATE TEMP TABLE lantern_merge_children (id bigint PRIMARY KEY) ON COMMIT DROP; CREATE TEMP TABLE lantern_merge_rows (id bigint PRIMARY KEY) ON COMMIT DROP`,
    );
  }

  private async idsInto(table: string, ids: Iterable<number>): Promise<void> {
    await this.load.exec(`TRUNCATE ${table}`);
    const csv = new CsvChunks();
    for (const id of ids) csv.add([id]);
    if (csv.rows > 0) await this.load.copyCsv(table, ['id'], csv.finish());
  }

  private async maxId(shape: TableShape): Promise<number> {
    const [row] = await this.load.query<{ m: string | number }>(
      `SELECT coalesce(max(id), 0)::bigint AS m FROM ${quote(shape.name)}`,
    );
    return Number(row?.m ?? 0);
  }

  /** The sources recorded for the candidate rows (lantern_merge_rows) of one table. */
  private async explicitSources(
    shape: TableShape,
  ): Promise<
    Map<
      number,
      Array<{ importId: number | null; values: string; matchedBy: string | null; sourceChildId: string | null }>
    >
  > {
    const out = new Map<
      number,
      Array<{ importId: number | null; values: string; matchedBy: string | null; sourceChildId: string | null }>
    >();
    for (const r of await this.load.query<{
      row_id: string | number;
      import_batch_id: string | number | null;
      values: string;
      matched_by: string | null;
      source_child_id: string | null;
    }>(
      `SELECT e.row_id, e.import_batch_id, e.values, e.matched_by, e.source_child_id FROM event_sources e JOIN lantern_merge_rows r ON r.id = e.row_id WHERE e.entity = ${literal(shape.name)} ORDER BY e.id`,
    )) {
      const id = Number(r.row_id);
      const list = out.get(id) ?? [];
      list.push({
        importId: r.import_batch_id === null ? null : Number(r.import_batch_id),
        values: r.values,
        matchedBy: r.matched_by,
        sourceChildId: r.source_child_id,
      });
      out.set(id, list);
    }
    return out;
  }

  /** Rows held that this write may touch: of the given children, or given by the import whose contribution goes. */
  private async heldRows(shape: TableShape, byChildren: boolean): Promise<HeldRow[]> {
    const replaces = this.options.replaces;
    const parts: string[] = [];
    if (byChildren)
      parts.push(
        shape.table === 'children'
          ? `SELECT id FROM children WHERE authority_id = ${Number(this.options.authorityId)}`
          : `SELECT x.id FROM ${quote(shape.name)} x JOIN lantern_merge_children c ON c.id = x.child_id`,
      );
    if (replaces !== null) {
      parts.push(`SELECT id FROM ${quote(shape.name)} WHERE import_batch_id = ${Number(replaces)}`);
      parts.push(
        `SELECT row_id FROM event_sources WHERE entity = ${literal(shape.name)} AND import_batch_id = ${Number(replaces)}`,
      );
    }
    await this.load.exec('TRUNCATE lantern_merge_rows');
    if (parts.length === 0) return [];
    await this.load.exec(`INSERT INTO lantern_merge_rows ${parts.join(' UNION ')}`);
    const explicit = await this.explicitSources(shape);
    const rows = await this.load.query<{ j: string }>(
      `SELECT row_to_json(t)::text AS j FROM ${quote(shape.name)} t JOIN lantern_merge_rows r ON r.id = t.id ORDER BY t.id`,
    );
    return rows.map(({ j }) => {
      const fields = fromJson(shape, j);
      const id = Number(fields.id);
      const origin = fields.importBatchId === null ? null : Number(fields.importBatchId);
      const recorded = explicit.get(id);
      const held: HeldRow = {
        id,
        childId: shape.table === 'children' ? id : Number(fields.childId),
        origin,
        fields,
        contributions: recorded
          ? recorded.map((r) => ({
              source: this.source(r.importId),
              values: JSON.parse(r.values) as Record<string, unknown>,
            }))
          : [{ source: this.source(origin), values: valuesOf(shape.values, fields) }],
        explicit: recorded !== undefined,
        touched: false,
        matched: false,
      };
      if (shape.table === 'children') {
        held.matches = new Map(
          (recorded ?? []).map((r) => [r.importId, { matchedBy: r.matchedBy, sourceChildId: r.sourceChildId }]),
        );
      }
      // The replaced (or withdrawn) import's contribution goes.
      if (replaces !== null && held.contributions.some((c) => c.source.importId === replaces)) {
        held.contributions = held.contributions.filter((c) => c.source.importId !== replaces);
        held.matches?.delete(replaces);
        held.touched = true;
      }
      return held;
    });
  }

  private effectOf(table: DatasetTable): TableEffect {
    let e = this.effect[table];
    if (!e) {
      e = { added: 0, merged: 0, unchanged: 0, removed: 0 };
      this.effect[table] = e;
    }
    return e;
  }

  /** Adds this import's values to a held row, reporting disagreements. */
  private contribute(shape: TableShape, held: HeldRow, values: Record<string, unknown>, describe: () => string): void {
    const incoming: Contribution = { source: this.source(this.options.batchId), values };
    for (const d of disagreements(
      shape.values.map((c) => c.key),
      incoming,
      held.contributions,
    ))
      this.queries.push({
        ...d,
        table: shape.table,
        childRef: this.childRefs.get(held.childId) ?? '',
        event: describe(),
      });
    held.contributions.push(incoming);
    held.touched = true;
    held.matched = true;
  }

  /**
   * Writes what the merge decided for the held rows of one table: removes rows no source gives any more, updates
   * merged values and origins, and records the sources of events that have more than one.
   */
  private async settle(shape: TableShape, held: readonly HeldRow[], effect: TableEffect): Promise<number[]> {
    const removed: number[] = [];
    const updates: HeldRow[] = [];
    const recorded: HeldRow[] = [];
    const keys = shape.values.map((c) => c.key);
    for (const row of held) {
      if (!row.touched) continue;
      if (row.contributions.length === 0) {
        removed.push(row.id);
        continue;
      }
      const merged = mergeValues(keys, row.contributions);
      const origin = row.contributions.some((c) => c.source.importId === row.origin)
        ? row.contributions.length === 1
          ? (row.contributions[0]?.source.importId ?? null)
          : row.origin
        : (row.contributions[0]?.source.importId ?? null);
      const changed = keys.some((k) => !sameValue(merged[k], row.fields[k]));
      if (changed || origin !== row.origin) {
        for (const k of keys) row.fields[k] = merged[k];
        row.origin = origin;
        updates.push(row);
      }
      // Merged: matched (or left by the import that went) and changed; unchanged: matched and the same.
      if (changed) effect.merged++;
      else if (row.matched) effect.unchanged++;
      recorded.push(row);
    }
    // Sources: every touched row's are written again (all of them when two or more remain, none when one does).
    await this.idsInto('lantern_merge_rows', recorded.map((r) => r.id).concat(removed));
    await this.load.exec(
      `DELETE FROM event_sources e USING lantern_merge_rows r WHERE e.entity = ${literal(shape.name)} AND e.row_id = r.id`,
    );
    const sources = new CsvChunks();
    for (const row of recorded) {
      if (row.contributions.length < 2) continue;
      for (const c of row.contributions) {
        const match = row.matches?.get(c.source.importId);
        sources.add([
          this.options.authorityId,
          shape.name,
          row.id,
          c.source.importId,
          JSON.stringify(c.values),
          match?.matchedBy ?? null,
          match?.sourceChildId ?? null,
        ]);
      }
    }
    if (sources.rows > 0)
      await this.load.copyCsv(
        'event_sources',
        ['authority_id', 'entity', 'row_id', 'import_batch_id', 'values', 'matched_by', 'source_child_id'],
        sources.finish(),
      );
    if (updates.length > 0) {
      const name = `lantern_merge_update_${++this.temp}`;
      const columns = [...shape.values, { key: 'importBatchId', name: 'import_batch_id', dataType: 'number' }];
      await this.load.exec(
        `CREATE TEMP TABLE ${name} ON COMMIT DROP AS SELECT id, ${columns.map((c) => quote(c.name)).join(', ')} FROM ${quote(shape.name)} WITH NO DATA`,
      );
      const csv = new CsvChunks();
      for (const row of updates) csv.add([row.id, ...shape.values.map((c) => row.fields[c.key]), row.origin]);
      await this.load.copyCsv(name, ['id', ...columns.map((c) => c.name)], csv.finish());
      const touchedAt = shape.table === 'children' ? ', updated_at = now()' : '';
      await this.load.exec(
        `UPDATE ${quote(shape.name)} t SET ${columns.map((c) => `${quote(c.name)} = u.${quote(c.name)}`).join(', ')}${touchedAt} FROM ${name} u WHERE t.id = u.id`,
      );
    }
    if (shape.table !== 'children' && removed.length > 0) {
      await this.idsInto('lantern_merge_rows', removed);
      await this.load.exec(`DELETE FROM ${quote(shape.name)} t USING lantern_merge_rows r WHERE t.id = r.id`);
      effect.removed += removed.length;
    }
    return removed;
  }

  /** COPYs new rows. */
  private async insert(shape: TableShape, rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
    if (rows.length === 0) return;
    const csv = new CsvChunks();
    for (const row of rows) csv.add(shape.copy.map((c) => row[c.key] ?? null));
    if (this.options.pglite) await this.load.exec('SET LOCAL session_replication_role = replica');
    await this.load.copyCsv(
      shape.name,
      shape.copy.map((c) => c.name),
      csv.finish(),
    );
    if (this.options.pglite) await this.load.exec('SET LOCAL session_replication_role = origin');
    await this.load.query(
      `SELECT setval(pg_get_serial_sequence(${literal(shape.name)}, 'id'), (SELECT max(id) FROM ${quote(shape.name)}))`,
    );
  }

  async children(): Promise<number[]> {
    const shape = shapeOf('children');
    const effect = this.effectOf('children');
    // Every child held, to match by ID or UPN (none when nothing comes in: a withdrawal reads only what it gave).
    const held = await this.heldRows(shape, this.options.dataset.rows.children.length > 0);
    const byLaId = new Map<string, HeldRow>();
    const bySourceId = new Map<string, HeldRow>();
    const byUpn = new Map<string, HeldRow[]>();
    for (const row of held) {
      byLaId.set(String(row.fields.laChildId), row);
      this.childRefs.set(row.id, String(row.fields.laChildId));
      for (const [, m] of row.matches ?? []) if (m.sourceChildId) bySourceId.set(m.sourceChildId, row);
      const upn = row.fields.upn;
      if (typeof upn === 'string') byUpn.set(upn, [...(byUpn.get(upn) ?? []), row]);
    }
    const map = new Map<number, number>();
    let next = await this.maxId(shape);
    const added: Array<Record<string, unknown>> = [];
    const claimed = new Set<number>();
    for (const child of this.options.dataset.rows.children) {
      const fields: Record<string, unknown> = {};
      for (const c of shape.copy) fields[c.key] = canonical(c, (child as Record<string, unknown>)[c.key]);
      const laChildId = String(fields.laChildId);
      let found = byLaId.get(laChildId);
      let matchedBy = 'child-id';
      if (!found) {
        found = bySourceId.get(laChildId);
        matchedBy = 'upn-dob';
      }
      if (!found && typeof fields.upn === 'string') {
        const candidates = (byUpn.get(fields.upn) ?? []).filter((c) => !claimed.has(c.id));
        const sameBirth = candidates.filter(
          (c) => fields.dateOfBirth !== null && c.fields.dateOfBirth === fields.dateOfBirth,
        );
        if (sameBirth.length === 1 && candidates.length === 1) found = sameBirth[0];
        else if (candidates.length > 1)
          this.ambiguous.push({
            childRef: laChildId,
            reason: `UPN matches ${candidates.length} children already held (${candidates.map((c) => String(c.fields.laChildId)).join(', ')}); added as a new child, not merged`,
          });
        else if (candidates.length === 1)
          this.ambiguous.push({
            childRef: laChildId,
            reason: `UPN matches child ${String(candidates[0]?.fields.laChildId)}, whose date of birth is different; added as a new child, not merged`,
          });
      }
      if (found) {
        map.set(child.id, found.id);
        claimed.add(found.id);
        // Held before: some source other than the import this one replaces gives the child.
        if (found.contributions.length > 0) this.heldChildren.add(found.id);
        const row = found;
        const values = without(
          valuesOf(shape.values, fields),
          this.options.dataset.standIns.get('children')?.get(child.id),
          row,
        );
        this.contribute(shape, row, values, () => `child ${laChildId}`);
        row.matches ??= new Map();
        row.matches.set(this.options.batchId, {
          matchedBy: laChildId === row.fields.laChildId ? 'child-id' : matchedBy,
          sourceChildId: laChildId === row.fields.laChildId ? null : laChildId,
        });
        // A child matched by another ID keeps that ID for the next import from the same system.
        bySourceId.set(laChildId, row);
      } else {
        next++;
        map.set(child.id, next);
        this.childRefs.set(next, laChildId);
        added.push({
          ...fields,
          id: next,
          authorityId: this.options.authorityId,
          importBatchId: this.options.batchId,
        });
        byLaId.set(laChildId, {
          id: next,
          childId: next,
          origin: this.options.batchId,
          fields,
          contributions: [],
          explicit: false,
          touched: false,
          matched: true,
        });
        effect.added++;
      }
    }
    this.ids.set('children', map);
    await this.idsInto(
      'lantern_merge_children',
      held.filter((r) => r.matched).map((r) => r.id),
    );
    // Children are removed last, once no event of theirs is left (`removeChildren`).
    const orphans = await this.settle(shape, held, effect);
    await this.insert(shape, added);
    return orphans;
  }

  /** Teams matched by name and workers by ref, each added when new. */
  async teamsAndWorkers(): Promise<{ teamsAdded: number; workersAdded: number }> {
    const { authorityId, dataset, batchId } = this.options;
    const a = Number(authorityId);
    const batch = batchId === null ? 'NULL' : Number(batchId);
    const teams = await this.matchOrAdd(
      `SELECT id, name AS key FROM teams WHERE authority_id = ${a}`,
      dataset.teams.map((team) => ({
        id: team.id,
        key: team.name,
        insert: () =>
          `INSERT INTO teams (authority_id, name, service_area, import_batch_id) VALUES (${a}, ${literal(team.name)}, ${literal(team.serviceArea)}, ${batch}) RETURNING id`,
      })),
    );
    this.ids.set('teams', teams.map);
    const named = await this.load.query<{
      id: number;
      name: string;
      team_id: number | null;
      s: string;
      e: string | null;
    }>(
      `SELECT id, name, team_id, start_date::text AS s, end_date::text AS e FROM workers WHERE authority_id = ${a} ORDER BY id`,
    );
    const workers = await this.matchOrAdd(
      `SELECT id, worker_ref AS key FROM workers WHERE authority_id = ${a}`,
      dataset.workers.map((worker) => ({
        id: worker.id,
        key: worker.workerRef,
        find: worker.byName
          ? () =>
              byName(
                named,
                worker.name,
                worker.teamId === null ? null : (teams.map.get(worker.teamId) ?? null),
                worker.startDate,
              )
          : undefined,
        insert: () => {
          const team = worker.teamId === null ? null : (teams.map.get(worker.teamId) ?? null);
          return `INSERT INTO workers (authority_id, worker_ref, name, role, team_id, start_date, import_batch_id) VALUES (${a}, ${literal(worker.workerRef)}, ${literal(worker.name)}, ${literal(worker.role)}, ${team === null ? 'NULL' : Number(team)}, ${literal(worker.startDate)}, ${batch}) RETURNING id`;
        },
      })),
    );
    this.ids.set('workers', workers.map);
    return { teamsAdded: teams.added, workersAdded: workers.added };
  }

  /** Local id → database id for rows matched by a key among those held, each new one added by its INSERT. */
  private async matchOrAdd(
    heldSql: string,
    items: ReadonlyArray<{ id: number; key: string; find?: () => number | undefined; insert: () => string }>,
  ): Promise<{ map: Map<number, number>; added: number }> {
    const held = new Map<string, number>();
    for (const r of await this.load.query<{ id: number; key: string }>(heldSql)) held.set(r.key, Number(r.id));
    const map = new Map<number, number>();
    let added = 0;
    for (const item of items) {
      let id = item.find?.() ?? held.get(item.key);
      if (id === undefined) {
        const [row] = await this.load.query<{ id: number }>(item.insert());
        id = Number(row?.id);
        held.set(item.key, id);
        added++;
      }
      map.set(item.id, id);
    }
    return { map, added };
  }

  async events(table: EventTable): Promise<void> {
    const shape = shapeOf(table);
    const incoming = this.options.dataset.rows[table] as unknown as Array<Record<string, unknown> & { id: number }>;
    if (incoming.length === 0 && this.options.replaces === null) return;
    const effect = this.effectOf(table);
    const held = await this.heldRows(shape, incoming.length > 0);
    const byKey = new Map<string, HeldRow[]>();
    for (const row of held) {
      const key = eventKey(table, row.fields);
      byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
    const map = new Map<number, number>();
    let next = await this.maxId(shape);
    const added: Array<Record<string, unknown>> = [];
    const windows = this.options.dataset.windows.get(table);
    const standIns = this.options.dataset.standIns.get(table);
    const claimed = new Set<number>();
    const match = (row: { id: number }, found: HeldRow, fields: Record<string, unknown>) => {
      claimed.add(found.id);
      map.set(row.id, found.id);
      const values = without(valuesOf(shape.values, fields), standIns?.get(row.id), found);
      this.contribute(shape, found, values, () => describeKey(table, fields, shape));
    };
    const add = (row: { id: number }, fields: Record<string, unknown>) => {
      next++;
      map.set(row.id, next);
      added.push({ ...fields, id: next, authorityId: this.options.authorityId, importBatchId: this.options.batchId });
      effect.added++;
    };
    // Exact keys first; then rows whose key is a stand-in (KeyWindow), to the held events no exact key took.
    const approximate: Array<{ row: { id: number }; fields: Record<string, unknown>; window: KeyWindow }> = [];
    for (const row of incoming) {
      const fields: Record<string, unknown> = {};
      for (const c of shape.copy) {
        if (c.key === 'id' || c.key === 'authorityId' || c.key === 'importBatchId') continue;
        fields[c.key] = canonical(c, this.resolve(c.key, row[c.key], shape.name, row.id));
      }
      const window = windows?.get(row.id);
      // A stand-in key that happens to be an event's key is that event only if the event is within the window too,
      // and the columns the window says must agree still agree.
      const exact = byKey
        .get(eventKey(table, fields))
        ?.filter(window ? within(table, shape, fields, window) : () => true)
        .filter((h) => window?.match?.every((k) => sameValue(h.fields[k], fields[k])) ?? true);
      const found = this.sameKey(shape, exact, claimed, fields, standIns?.get(row.id));
      if (found) match(row, found, fields);
      else if (window) approximate.push({ row, fields, window });
      else add(row, fields);
    }
    for (const { row, fields, window } of approximate) {
      const incoming: Contribution = {
        source: this.source(this.options.batchId),
        values: without(valuesOf(shape.values, fields), standIns?.get(row.id), undefined),
      };
      const keys = shape.values.map((c) => c.key);
      const agrees = (h: HeldRow) => disagreements(keys, incoming, h.contributions).length === 0;
      const found =
        nearestWithin(table, shape, held.filter(agrees), claimed, fields, window) ??
        nearestWithin(table, shape, held, claimed, fields, window);
      if (found) match(row, found, fields);
      else if (!window.newChildOnly || !this.heldChildren.has(Number(fields.childId))) add(row, fields);
    }
    this.ids.set(table, map);
    await this.settle(shape, held, effect);
    await this.insert(shape, added);
  }

  /**
   * Of the held events with a row's key (several where one child has two on one day), the first in the order they
   * were recorded that no other row of this import took and that no value of the row disagrees with; else the first
   * not taken. So a file that leaves out one of two same-day events (the 903 leaves out an allocation that began and
   * ended on the day the next began) matches the one it gives, not the first.
   */
  private sameKey(
    shape: TableShape,
    candidates: readonly HeldRow[] | undefined,
    claimed: ReadonlySet<number>,
    fields: Record<string, unknown>,
    standIns: readonly string[] | undefined,
  ): HeldRow | undefined {
    const free = (candidates ?? []).filter((h) => !claimed.has(h.id));
    if (free.length <= 1) return free[0];
    const values = without(valuesOf(shape.values, fields), standIns, undefined);
    const keys = shape.values.map((c) => c.key);
    const incoming: Contribution = { source: this.source(this.options.batchId), values };
    return free.find((h) => disagreements(keys, incoming, h.contributions).length === 0) ?? free[0];
  }

  private resolve(column: string, value: unknown, table: string, rowId: number): unknown {
    const target = REFERENCE_COLUMNS[column];
    if (!target || value === null || value === undefined) return value;
    const mapped = this.ids.get(target)?.get(value as number);
    if (mapped === undefined)
      throw new Error(
        `Import dataset ${table} row ${rowId}: ${column} = ${String(value)} points at no ${target} row of the same import`,
      );
    return mapped;
  }

  /**
   * Children no source gives any more are removed, unless something still refers to them (an event another source
   * gave, an audit made in Lantern): then they stay, as Lantern's own record.
   */
  /**
   * The teams and workers the replaced or withdrawn import added go when nothing refers to them any more (no row's
   * team_id, worker_id or personal_adviser_id, no audit programme drawn from the team); those still referred to stay,
   * handed to the import that replaces it (none when it is withdrawn). Workers first: a worker names their team.
   */
  async removeTeamsAndWorkers(): Promise<{ teamsRemoved: number; workersRemoved: number }> {
    const { replaces, batchId } = this.options;
    if (replaces === null) return { teamsRemoved: 0, workersRemoved: 0 };
    const gone = Number(replaces);
    const referring = await this.load.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN ('team_id', 'worker_id', 'personal_adviser_id')`,
    );
    const unreferred = (columns: readonly string[]) =>
      referring
        .filter((r) => columns.includes(r.column_name))
        .map((r) => `NOT EXISTS (SELECT 1 FROM ${quote(r.table_name)} x WHERE x.${quote(r.column_name)} = t.id)`)
        .join(' AND ') || 'true';
    const counted = async (deletion: string) =>
      Number(
        (await this.load.query<{ n: number }>(`WITH d AS (${deletion} RETURNING 1) SELECT count(*) AS n FROM d`))[0]
          ?.n ?? 0,
      );
    const workersRemoved = await counted(
      `DELETE FROM workers t WHERE t.import_batch_id = ${gone} AND ${unreferred(['worker_id', 'personal_adviser_id'])}`,
    );
    const teamsRemoved = await counted(
      `DELETE FROM teams t WHERE t.import_batch_id = ${gone} AND ${unreferred(['team_id'])} AND NOT EXISTS (SELECT 1 FROM audit_programmes p WHERE p.selection -> 'scope' ->> 'teamId' = t.id::text)`,
    );
    const next = batchId === null ? 'NULL' : Number(batchId);
    await this.load.exec(
      `UPDATE workers SET import_batch_id = ${next} WHERE import_batch_id = ${gone}; UPDATE teams SET import_batch_id = ${next} WHERE import_batch_id = ${gone}`,
    );
    return { teamsRemoved, workersRemoved };
  }

  async removeChildren(orphans: readonly number[]): Promise<void> {
    if (orphans.length === 0) return;
    await this.idsInto('lantern_merge_rows', orphans);
    const referring = await this.load.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND column_name IN ('child_id', 'related_child_id') AND table_name <> 'children'`,
    );
    const kept = await this.load.query<{ id: string | number }>(
      `SELECT r.id FROM lantern_merge_rows r WHERE ${
        referring
          .map((t) => `EXISTS (SELECT 1 FROM ${quote(t.table_name)} x WHERE x.${quote(t.column_name)} = r.id)`)
          .join(' OR ') || 'false'
      }`,
    );
    const keep = new Set(kept.map((r) => Number(r.id)));
    const gone = orphans.filter((id) => !keep.has(id));
    if (keep.size > 0)
      await this.load.exec(
        `UPDATE children SET import_batch_id = NULL WHERE id IN (${[...keep].map(Number).join(', ')})`,
      );
    await this.idsInto('lantern_merge_rows', gone);
    await this.load.exec(`DELETE FROM children c USING lantern_merge_rows r WHERE c.id = r.id`);
    this.effectOf('children').removed += gone.length;
  }
}

/**
 * The held event of the same child a row with a stand-in key is: its other key columns agree (those the window
 * names), its key is within the window (and, with `coverColumn`, it is still running at the window's end), no
 * other row of this import took it, and of those its key is nearest the stand-in (the earlier on a tie). The caller
 * looks first among the events whose values agree with the row's, then among all.
 */
function nearestWithin(
  table: EventTable,
  shape: TableShape,
  held: readonly HeldRow[],
  claimed: ReadonlySet<number>,
  fields: Record<string, unknown>,
  window: KeyWindow,
): HeldRow | undefined {
  const target = Date.parse(String(fields[window.column]));
  const fits = within(table, shape, fields, window);
  let best: HeldRow | undefined;
  let bestDistance = Infinity;
  for (const h of held) {
    if (claimed.has(h.id) || !fits(h)) continue;
    const v = String(h.fields[window.column]);
    // A key that is not a date (a disability's code) is as near as any other.
    const distance = Math.abs(Date.parse(v) - target) || 0;
    if (distance < bestDistance || (distance === bestDistance && best && v < String(best.fields[window.column]))) {
      best = h;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Whether a held event can be the row with a stand-in key: of the same child, agreeing on the other key columns the
 * window names, its key within the window, and (with `coverColumn`) still running at the window's end.
 */
function within(
  table: EventTable,
  shape: TableShape,
  fields: Record<string, unknown>,
  window: KeyWindow,
): (h: HeldRow) => boolean {
  const column = shape.copy.find((c) => c.key === window.column);
  if (!column) throw new Error(`${table} has no column ${window.column}`);
  const bound = (v: string | null) => (v === null ? null : String(canonical(column, v)));
  const from = bound(window.from);
  const to = bound(window.to);
  const others = window.match ?? EVENT_KEYS[table].filter((k) => k !== window.column);
  return (h) => {
    if (h.childId !== fields.childId || others.some((k) => !sameValue(h.fields[k], fields[k]))) return false;
    const value = h.fields[window.column];
    if (value === null || value === undefined) return false;
    const v = String(value);
    if ((from !== null && v < from) || (to !== null && v > to)) return false;
    const end = window.coverColumn ? h.fields[window.coverColumn] : null;
    return end === null || end === undefined || to === null || String(end) >= to;
  };
}

/**
 * The held worker a name stands for (Annex A knows workers only by name): of those with the name, the ones in the
 * team given (if any is), then of those the ones in post on the day (if any is), then the latest to start; none when
 * no held worker has the name.
 */
function byName(
  held: ReadonlyArray<{ id: number; name: string; team_id: number | null; s: string; e: string | null }>,
  name: string,
  teamId: number | null,
  day: string,
): number | undefined {
  let candidates = held.filter((w) => w.name === name);
  for (const keep of [
    (w: (typeof held)[number]) => teamId !== null && Number(w.team_id) === teamId,
    (w: (typeof held)[number]) => w.s <= day && (w.e === null || w.e >= day),
  ]) {
    const narrower = candidates.filter(keep);
    if (narrower.length > 0) candidates = narrower;
  }
  const latest = [...candidates].sort((a, b) => b.s.localeCompare(a.s) || Number(b.id) - Number(a.id))[0];
  return latest === undefined ? undefined : Number(latest.id);
}

/** An event's identity in words, for a query: the table and its key columns with their values. */
function describeKey(table: EventTable, fields: Record<string, unknown>, shape: TableShape): string {
  const keys: readonly string[] = EVENT_KEYS[table];
  const parts = shape.copy
    .filter((c) => keys.includes(c.key))
    .map((c) => `${c.name} ${fields[c.key] === null || fields[c.key] === undefined ? 'blank' : String(fields[c.key])}`);
  return `${shape.name} (${parts.join(', ')})`;
}

export async function writeDataset(load: BulkLoader, options: WriteOptions): Promise<WriteResult> {
  // The trackers' work due is derived from the events about to change: recomputed by its next reader.
  await load.exec(workDueStaleStatements(options.authorityId));
  const merge = new Merge(load, options);
  await merge.begin();
  const orphans = await merge.children();
  const { teamsAdded, workersAdded } = await merge.teamsAndWorkers();
  const tables = (Object.keys(DATASET_TABLES) as DatasetTable[]).filter((t): t is EventTable => t !== 'children');
  let done = 0;
  for (const table of tables) {
    await merge.events(table);
    options.onTable?.(table, ++done, tables.length);
  }
  await merge.removeChildren(orphans);
  const { teamsRemoved, workersRemoved } = await merge.removeTeamsAndWorkers();
  return {
    effect: merge.effect,
    teamsAdded,
    workersAdded,
    teamsRemoved,
    workersRemoved,
    queries: merge.queries,
    ambiguous: merge.ambiguous,
  };
}
