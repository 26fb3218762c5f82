/**
 * Streaming CSV reading with csv-parse, for the SSD extract and the SSDA903 files. Headers are matched
 * forgivingly (case, spacing and a stray BOM do not matter); values are trimmed; blank lines (including the
 * trailing ones Excel leaves) are skipped. Each record carries its line number for the issue report.
 */
import { parse } from 'csv-parse';
import { LANTERN_RULES, type IssueLog } from './issues';
import { openText, peekText } from './text';
import type { SourceFile } from './format';

/** A header as compared: lower case, no BOM, spaces/underscores/hyphens collapsed to one underscore. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]+/g, '_');
}

/** The header line of a CSV file (for recognising it), or null if it has none. */
export async function csvHeader(file: SourceFile): Promise<string[] | null> {
  const head = await peekText(file.path, 16 * 1024);
  const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== '');
  if (!firstLine) return null;
  return new Promise((resolve) => {
    parse(firstLine, { relax_quotes: true, trim: true }, (err, rows: string[][]) => {
      resolve(err ? null : (rows[0] ?? null));
    });
  });
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  /** Values by header key (see headerKey), trimmed; a missing trailing cell is ''. */
  values: Record<string, string>;
}

export interface CsvReadOptions {
  /** Header keys that must be present; a missing one is reported and the file is not read. */
  required: readonly string[];
  /** Header keys the reader knows; others are ignored (and reported as a query if `reportUnknown`). */
  known?: readonly string[];
}

/**
 * Reads a CSV file record by record. Structure problems (no header, a required column missing, a column twice,
 * a malformed quote) are reported to `issues` as LNT-COLUMN / LNT-FILE errors; then it yields nothing more.
 */
export async function* readCsv(file: SourceFile, issues: IssueLog, options: CsvReadOptions): AsyncGenerator<CsvRecord> {
  const { text } = await openText(file.path, file.onBytes);
  const parser = text.pipe(
    parse({
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
      info: true,
    }),
  );
  let header: string[] | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (!header) {
        header = record.map(headerKey);
        const seen = new Set<string>();
        let ok = true;
        for (const [i, h] of header.entries()) {
          if (h === '') continue;
          if (seen.has(h)) {
            issues.error(
              file.name,
              info.lines,
              record[i] ?? h,
              LANTERN_RULES.column,
              `The column ${record[i]} appears more than once in the header.`,
            );
            ok = false;
          }
          seen.add(h);
        }
        for (const r of options.required) {
          if (!seen.has(r)) {
            issues.error(
              file.name,
              1,
              r.toUpperCase(),
              LANTERN_RULES.column,
              `The required column ${r.toUpperCase()} is missing from the header.`,
            );
            ok = false;
          }
        }
        if (!ok) return;
        continue;
      }
      const values: Record<string, string> = {};
      for (let i = 0; i < header.length; i++) {
        const h = header[i] as string;
        if (h !== '') values[h] = record[i] ?? '';
      }
      yield { line: info.lines, values };
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    issues.error(
      file.name,
      err.lines ?? null,
      null,
      LANTERN_RULES.file,
      `The file could not be read as CSV${err.lines ? ` at line ${err.lines}` : ''}: ${err.message ?? String(e)}`,
    );
    return;
  }
  if (!header)
    issues.error(file.name, null, null, LANTERN_RULES.file, 'The file is empty: it has no header row and no data.');
}
