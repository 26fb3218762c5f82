/**
 * The import log's SQL, for use inside an import's transaction (BulkLoader) or outside it: batches, their issues
 * and their original files (gzip-compressed, in chunks of at most 1 MiB).
 */
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { BulkLoader } from '../../db/client';
import { CsvChunks } from '../../db/csv';
import type { FormatId, SourceFile } from './format';
import type { Issue } from './issues';

const CHUNK = 1 << 20;

function literal(value: string | null): string {
  return value === null ? 'NULL' : `'${value.replace(/'/g, "''")}'`;
}

export interface NewBatch {
  authorityId: number;
  format: FormatId;
  period: string;
  periodLabel: string;
  collectionYear: number | null;
  digest: string;
  status: 'accepted' | 'rejected' | 'unchanged';
  fileNames: string[];
  bytes: number;
  counts: Record<string, number> | null;
  errors: number;
  queries: number;
  importedBy: string;
  userId: number | null;
  startedAt: Date;
}

export async function insertBatch(load: BulkLoader, b: NewBatch): Promise<number> {
  const arr = `ARRAY[${b.fileNames.map((n) => literal(n)).join(', ')}]::text[]`;
  const [row] = await load.query<{ id: string | number }>(
    `INSERT INTO import_batches (authority_id, format, period, period_label, collection_year, digest, status, file_names, bytes, counts, errors, queries, imported_by, user_id, started_at, finished_at)
     VALUES (${Number(b.authorityId)}, ${literal(b.format)}, ${literal(b.period)}, ${literal(b.periodLabel)}, ${b.collectionYear === null ? 'NULL' : Number(b.collectionYear)},
             ${literal(b.digest)}, ${literal(b.status)}, ${arr}, ${Number(b.bytes)}, ${literal(b.counts ? JSON.stringify(b.counts) : null)}, ${Number(b.errors)}, ${Number(b.queries)},
             ${literal(b.importedBy)}, ${b.userId === null ? 'NULL' : Number(b.userId)}, ${literal(b.startedAt.toISOString())}, now())
     RETURNING id`,
  );
  return Number(row?.id);
}

export async function insertIssues(load: BulkLoader, batchId: number, issues: readonly Issue[]): Promise<void> {
  if (issues.length === 0) return;
  const csv = new CsvChunks();
  for (const i of issues) csv.add([batchId, i.file, i.row, i.column, i.rule, i.severity, i.message, i.child ?? null]);
  await load.copyCsv(
    'import_issues',
    ['batch_id', 'file_name', 'row_number', 'column', 'rule', 'severity', 'message', 'child_ref'],
    csv.finish(),
  );
}

/** Keeps the original files: each gzip-compressed and cut into chunks. */
export async function insertFiles(load: BulkLoader, batchId: number, files: readonly SourceFile[]): Promise<void> {
  for (const file of files) {
    const csv = new CsvChunks();
    let pending: Buffer[] = [];
    let size = 0;
    let n = 0;
    const flush = () => {
      if (size === 0) return;
      csv.add([batchId, file.name, n++, `\\x${Buffer.concat(pending, size).toString('hex')}`]);
      pending = [];
      size = 0;
    };
    for await (const chunk of createReadStream(file.path).pipe(createGzip()) as AsyncIterable<Buffer>) {
      pending.push(chunk);
      size += chunk.length;
      if (size >= CHUNK) flush();
    }
    flush();
    await load.copyCsv('import_files', ['batch_id', 'file_name', 'chunk', 'content'], csv.finish());
  }
}

export async function acceptedWithDigest(
  load: BulkLoader,
  authorityId: number,
  format: FormatId,
  digest: string,
): Promise<{ id: number; period: string; periodLabel: string } | null> {
  const [row] = await load.query<{ id: string | number; period: string; period_label: string }>(
    `SELECT id, period, period_label FROM import_batches WHERE authority_id = ${Number(authorityId)} AND format = ${literal(format)} AND digest = ${literal(digest)} AND status = 'accepted' LIMIT 1`,
  );
  return row ? { id: Number(row.id), period: row.period, periodLabel: row.period_label } : null;
}

export async function liveBatch(
  load: BulkLoader,
  authorityId: number,
  format: FormatId,
  period: string,
): Promise<number | null> {
  const [row] = await load.query<{ id: string | number }>(
    `SELECT id FROM import_batches WHERE authority_id = ${Number(authorityId)} AND format = ${literal(format)} AND period = ${literal(period)} AND status = 'accepted' FOR UPDATE`,
  );
  return row ? Number(row.id) : null;
}

export async function supersede(load: BulkLoader, oldId: number): Promise<void> {
  await load.exec(`UPDATE import_batches SET status = 'superseded' WHERE id = ${Number(oldId)}`);
}

export async function linkSuperseded(load: BulkLoader, oldId: number, newId: number): Promise<void> {
  await load.exec(`UPDATE import_batches SET superseded_by = ${Number(newId)} WHERE id = ${Number(oldId)}`);
}

/** An accepted import's counts and effect (ingest/effect.ts), and its queries with the merge's added. */
export async function recordEffect(
  load: BulkLoader,
  batchId: number,
  counts: Record<string, number>,
  effect: unknown,
  queries: number,
): Promise<void> {
  await load.exec(
    `UPDATE import_batches SET counts = ${literal(JSON.stringify(counts))}, effect = ${literal(JSON.stringify(effect))}, queries = ${Number(queries)}, finished_at = now() WHERE id = ${Number(batchId)}`,
  );
}

/** One import of the authority, locked until the transaction ends (for withdrawing it). */
export async function batchForUpdate(
  load: BulkLoader,
  authorityId: number,
  batchId: number,
): Promise<{ status: string; format: FormatId; period: string; periodLabel: string } | null> {
  const [row] = await load.query<{ status: string; format: FormatId; period: string; period_label: string }>(
    `SELECT status, format, period, period_label FROM import_batches WHERE authority_id = ${Number(authorityId)} AND id = ${Number(batchId)} FOR UPDATE`,
  );
  return row ? { status: row.status, format: row.format, period: row.period, periodLabel: row.period_label } : null;
}

/** Marks an import withdrawn, with who, when and why, and what withdrawing it did. */
export async function markWithdrawn(
  load: BulkLoader,
  batchId: number,
  by: string,
  reason: string,
  effect: unknown,
): Promise<void> {
  await load.exec(
    `UPDATE import_batches SET status = 'withdrawn', withdrawn_at = now(), withdrawn_by = ${literal(by)}, withdraw_reason = ${literal(reason)}, effect = ${literal(JSON.stringify({ withdrawal: effect }))} WHERE id = ${Number(batchId)}`,
  );
}
