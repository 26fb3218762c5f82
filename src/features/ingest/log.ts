/**
 * Reading the import log: imports newest first, one import, and its issues filtered by rule and severity.
 */
import { stringify } from 'csv-stringify/sync';
import { CSV_SAFE_CAST } from '../../domain/csv-safety';
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { importBatches, importFiles, importIssues } from '../../db/schema/index';

export type ImportBatchRow = typeof importBatches.$inferSelect;
export type ImportIssueRow = typeof importIssues.$inferSelect;

export function importLog(db: Db) {
  return {
    async list(authorityId: number, { limit }: { limit: number }): Promise<ImportBatchRow[]> {
      return db
        .select()
        .from(importBatches)
        .where(eq(importBatches.authorityId, authorityId))
        .orderBy(desc(importBatches.startedAt), desc(importBatches.id))
        .limit(limit);
    },

    async get(id: number, authorityId?: number): Promise<ImportBatchRow | null> {
      const where =
        authorityId === undefined
          ? eq(importBatches.id, id)
          : and(eq(importBatches.id, id), eq(importBatches.authorityId, authorityId));
      const [row] = await db.select().from(importBatches).where(where).limit(1);
      return row ?? null;
    },

    /** Issues of an import in file and row order; `rule` narrows to one rule, `severity` to errors or queries. */
    async issues(
      batchId: number,
      filter: { rule?: string | null; severity?: 'error' | 'query' | null; limit: number | null; offset: number },
    ): Promise<{ total: number; rows: ImportIssueRow[] }> {
      const where = and(
        eq(importIssues.batchId, batchId),
        filter.rule ? eq(importIssues.rule, filter.rule) : undefined,
        filter.severity ? eq(importIssues.severity, filter.severity) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(importIssues).where(where);
      const query = db.select().from(importIssues).where(where).orderBy(asc(importIssues.id)).offset(filter.offset);
      const rows = filter.limit === null ? await query : await query.limit(filter.limit);
      return { total: Number(total?.n ?? 0), rows };
    },

    /** The names of the files an import kept. */
    async fileNames(batchId: number): Promise<string[]> {
      const rows = await db
        .selectDistinct({ name: importFiles.fileName })
        .from(importFiles)
        .where(eq(importFiles.batchId, batchId))
        .orderBy(importFiles.fileName);
      return rows.map((r) => r.name);
    },

    /** One kept file's gzip-compressed chunks, in order (concatenated, they are one gzip stream). */
    async *fileChunks(batchId: number, fileName: string): AsyncGenerator<Uint8Array> {
      // A chunk at a time, so that a large file is never held whole.
      for (let chunk = 0; ; chunk++) {
        const [row] = await db
          .select({ content: importFiles.content })
          .from(importFiles)
          .where(
            and(eq(importFiles.batchId, batchId), eq(importFiles.fileName, fileName), eq(importFiles.chunk, chunk)),
          );
        if (!row) return;
        yield row.content;
      }
    },

    /** How many issues of each rule an import has, most first. */
    async ruleCounts(batchId: number): Promise<Array<{ rule: string; severity: string; n: number }>> {
      const rows = await db
        .select({ rule: importIssues.rule, severity: importIssues.severity, n: count() })
        .from(importIssues)
        .where(eq(importIssues.batchId, batchId))
        .groupBy(importIssues.rule, importIssues.severity)
        .orderBy(sql`count(*) desc`, importIssues.rule);
      return rows.map((r) => ({ ...r, n: Number(r.n) }));
    },
  };
}

/** An import's issues as the CSV the report page and `lantern imports report --csv` give. */
export function issuesCsv(
  rows: ReadonlyArray<{
    fileName: string;
    rowNumber: number | null;
    column: string | null;
    rule: string;
    severity: string;
    message: string;
    childRef: string | null;
  }>,
): string {
  return stringify(
    rows.map((i) => [i.fileName, i.rowNumber ?? '', i.column ?? '', i.rule, i.severity, i.message, i.childRef ?? '']),
    { ...CSV_SAFE_CAST, header: true, columns: ['file', 'row', 'column', 'rule', 'severity', 'message', 'child'] },
  );
}
