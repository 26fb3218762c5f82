/**
 * Where each part of a child's record came from (decision 0024, "every value knows its sources"): pure mapping from
 * the rows the repository reads (`childrenRepository().sources`) to each event's sources, and their labels.
 *
 * An event that one source gave has its own `import_batch_id` (null: Lantern's own record); an event that more than
 * one gave has a row per source in `event_sources`. The repository reads whichever applies, so every event here has
 * at least one source. Lantern's own record is the demo generator's in a demo authority ("Demo data") and what was
 * made in Lantern otherwise ("Recorded in Lantern").
 */

/** One source of one event (or of the child), as the repository reads it: one row per source. */
export interface SourceRow {
  /** The table the event is in (its SQL name: children, cin_episodes …), as in `event_sources.entity`. */
  entity: string;
  rowId: number;
  /** The import that gave it; null for Lantern's own record. */
  importId: number | null;
  format: string | null;
  periodLabel: string | null;
  /** The day the import was made (UK date), for an import. */
  importedOn: string | null;
  /** For the child: how this source's child was matched to the record (child-id, upn-dob). */
  matchedBy: string | null;
  /** For the child: the source's own ID for them, when it is not the record's. */
  sourceChildId: string | null;
}

export interface EventSource {
  importId: number | null;
  /** "SSDA903 2024/25 (import 12)", or "Demo data" / "Recorded in Lantern". */
  label: string;
  importedOn: string | null;
  matchedBy: string | null;
  sourceChildId: string | null;
}

export interface RecordSources {
  /** The child's own sources (who they are: the `children` row). */
  child: EventSource[];
  /** Each event's sources, by `eventKey(entity, rowId)`. */
  events: ReadonlyMap<string, EventSource[]>;
}

/** The formats' names as short as a table cell can take them (the import pages have the long ones). */
const FORMAT_NAMES: Partial<Record<string, string>> = {
  ssd: 'SSD extract',
  '903': 'SSDA903',
  cin: 'CIN census',
  'annex-a': 'Annex A',
};

const MATCHED_BY: Partial<Record<string, string>> = {
  'child-id': 'matched by child ID',
  'upn-dob': 'matched by UPN and date of birth',
};

export function eventKey(entity: string, rowId: number): string {
  return `${entity}:${String(rowId)}`;
}

/** "SSDA903 2024/25 (import 12)"; for Lantern's own record, "Demo data" in a demo authority, else "Recorded in Lantern". */
export function sourceLabel(
  row: Pick<SourceRow, 'importId' | 'format' | 'periodLabel'>,
  demoAuthority: boolean,
): string {
  if (row.importId === null) return demoAuthority ? 'Demo data' : 'Recorded in Lantern';
  const format = row.format === null ? 'Import' : (FORMAT_NAMES[row.format] ?? row.format);
  return `${format}${row.periodLabel ? ` ${row.periodLabel}` : ''} (import ${String(row.importId)})`;
}

/** "matched by UPN and date of birth", or null when the source gave no match (the first source of a child). */
export function matchedByText(matchedBy: string | null): string | null {
  return matchedBy === null ? null : (MATCHED_BY[matchedBy] ?? `matched by ${matchedBy}`);
}

/** Groups the repository's rows by event, each event's sources in the order read (Lantern's own first, then imports by id). */
export function toRecordSources(rows: readonly SourceRow[], childId: number, demoAuthority: boolean): RecordSources {
  const events = new Map<string, EventSource[]>();
  for (const row of rows) {
    const key = eventKey(row.entity, row.rowId);
    const list = events.get(key) ?? [];
    list.push({
      importId: row.importId,
      label: sourceLabel(row, demoAuthority),
      importedOn: row.importedOn,
      matchedBy: row.matchedBy,
      sourceChildId: row.sourceChildId,
    });
    events.set(key, list);
  }
  return { child: events.get(eventKey('children', childId)) ?? [], events };
}

/** One source of the record as a whole: what it gave (the child's details, how many chronology events). */
export interface SourceSummary {
  importId: number | null;
  label: string;
  importedOn: string | null;
  /** Whether it gave the child's own details, and how it matched them. */
  child: boolean;
  matchedBy: string | null;
  sourceChildId: string | null;
  /** Chronology entries (other than born and died, which are the child's details) it gave. */
  events: number;
}

/**
 * Every source of the record, Lantern's own first and then the imports by id: the child's own sources, and each
 * source of the chronology's entries (`entries` hold each event's table and row; the children table's are the
 * child's details).
 */
export function summariseSources(
  sources: RecordSources,
  entries: ReadonlyArray<{ source: string; sourceId: number }>,
): SourceSummary[] {
  const bySource = new Map<number | null, SourceSummary>();
  const add = (s: EventSource): SourceSummary => {
    const found = bySource.get(s.importId);
    if (found) return found;
    const made: SourceSummary = {
      importId: s.importId,
      label: s.label,
      importedOn: s.importedOn,
      child: false,
      matchedBy: null,
      sourceChildId: null,
      events: 0,
    };
    bySource.set(s.importId, made);
    return made;
  };
  for (const s of sources.child) {
    const summary = add(s);
    summary.child = true;
    summary.matchedBy = s.matchedBy;
    summary.sourceChildId = s.sourceChildId;
  }
  for (const e of entries) {
    if (e.source === 'children') continue;
    for (const s of sources.events.get(eventKey(e.source, e.sourceId)) ?? []) add(s).events++;
  }
  return [...bySource.values()].sort((a, b) =>
    a.importId === b.importId ? 0 : a.importId === null ? -1 : b.importId === null ? 1 : a.importId - b.importId,
  );
}
