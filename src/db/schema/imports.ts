/**
 * Imports: every file set an analyst loads, the original files, and every issue the validators found.
 * A dataset is one source (ssd, 903, cin, annex-a) for one period (an extract date, a collection year, an
 * as-at date) of one authority; its current batch is the one whose rows are live.
 */
import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { authorityId, id, instant } from './columns';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export const importBatches = pgTable(
  'import_batches',
  {
    id: id(),
    authorityId: authorityId(),
    /** ssd, 903, cin, annex-a. */
    format: text('format').notNull(),
    /** The period the files describe, as a key: e.g. 2025 (collection year ending 31 March 2025) or 2026-03-31 (as at). */
    period: text('period').notNull(),
    periodLabel: text('period_label').notNull(),
    /** Collection year whose code lists and rules were applied (e.g. 2025 for 2024/25). */
    collectionYear: integer('collection_year'),
    /** sha256 over the files' names and contents, sorted by name: the same files give the same digest. */
    digest: text('digest').notNull(),
    /**
     * accepted (live), superseded (replaced by a newer batch), rejected (errors; nothing written), unchanged (same
     * files again), withdrawn (its contribution removed by an analyst or administrator).
     */
    status: text('status').notNull(),
    fileNames: text('file_names').array().notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
    /** Rows written per table, and children created/updated. */
    counts: text('counts'),
    errors: integer('errors').notNull().default(0),
    queries: integer('queries').notNull().default(0),
    importedBy: text('imported_by').notNull(),
    userId: integer('user_id'),
    startedAt: instant('started_at').notNull().defaultNow(),
    finishedAt: instant('finished_at'),
    supersededBy: bigint('superseded_by', { mode: 'number' }),
    /**
     * What the import did, as JSON (ingest/effect.ts): children and events added, merged, unchanged and removed by
     * table, and the headline figures before and after at the period's end.
     */
    effect: text('effect'),
    /** A withdrawn import: who withdrew it, when and why (its contribution was removed). */
    withdrawnAt: instant('withdrawn_at'),
    withdrawnBy: text('withdrawn_by'),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    index('import_batches_authority').on(t.authorityId, t.startedAt),
    uniqueIndex('import_batches_live')
      .on(t.authorityId, t.format, t.period)
      .where(sql`${t.status} = 'accepted'`),
  ],
);

/** The original files, gzip-compressed, in chunks of at most 1 MiB so that no single value is large. */
export const importFiles = pgTable(
  'import_files',
  {
    id: id(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    chunk: integer('chunk').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [uniqueIndex('import_files_chunk').on(t.batchId, t.fileName, t.chunk)],
);

export const importIssues = pgTable(
  'import_issues',
  {
    id: id(),
    batchId: bigint('batch_id', { mode: 'number' })
      .notNull()
      .references(() => importBatches.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** 1-based row in the file (header = row 1 for CSV; spreadsheet row for XLSX; line for XML); null for whole-file issues. */
    rowNumber: integer('row_number'),
    column: text('column'),
    /** The validator's rule code (e.g. 8500, 142, INT01) or a Lantern code for structure and type problems (e.g. LNT-COLUMN). */
    rule: text('rule').notNull(),
    /** error (rejects the import) or query (the authority may explain it). */
    severity: text('severity').notNull(),
    message: text('message').notNull(),
    /** The authority's child ID the issue is about, when there is one. */
    childRef: text('child_ref'),
  },
  (t) => [index('import_issues_batch').on(t.batchId, t.rule)],
);

/**
 * Where each event came from, when more than one source has given it (decision 0024). An event (a row of a
 * child-level table, or a child) that only one source has given has no rows here: its `import_batch_id` says which
 * (null: made in Lantern or by the demo generator). Once a second source gives the same event, every source's values
 * are kept here, one row each, and the event's own row holds their merge by precedence (ingest/precedence.ts). A
 * withdrawn or replaced import's row goes, and the event is merged again from what is left.
 */
export const eventSources = pgTable(
  'event_sources',
  {
    id: id(),
    authorityId: authorityId(),
    /** The table the event is in (children, cin_episodes, placements …). */
    entity: text('entity').notNull(),
    rowId: bigint('row_id', { mode: 'number' }).notNull(),
    /** The import that gave these values; null for Lantern's own record of the event before any import gave it. */
    importBatchId: bigint('import_batch_id', { mode: 'number' }),
    /** The values this source gave, by column (its blanks left out), as JSON. */
    values: text('values').notNull(),
    /** For a child: how this source's child was matched to the record (child-id, upn-dob); null for events. */
    matchedBy: text('matched_by'),
    /** For a child: the source's own ID for the child, when it is not the record's. */
    sourceChildId: text('source_child_id'),
  },
  (t) => [
    index('event_sources_row').on(t.entity, t.rowId),
    index('event_sources_import').on(t.importBatchId, t.entity),
  ],
);
