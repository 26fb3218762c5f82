/**
 * Streaming CSV reading with csv-parse, for the SSD extract and the SSDA903 files. Headers are matched
 * forgivingly (case, spacing and a stray BOM do not matter); values are trimmed; blank lines (including the
 * trailing ones Excel leaves) are skipped. Each record carries its line number for the issue report.
 */
import { Parser, parse } from 'csv-parse';
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
  /** The record's values in the order of CsvReadOptions.columns, trimmed; a missing trailing cell is ''. */
  cells: string[];
}

export interface CsvReadOptions {
  /** Header keys that must be present; a missing one is reported and the file is not read. */
  required: readonly string[];
  /** The header keys whose values each record's cells hold, in this order (others are ignored). */
  columns: readonly string[];
}

/**
 * csv-parse with each record paired with its line, as its `info` option gives, without the two copies of the
 * parser's counters `info` makes for every record: the line is read from the parser's own counters as the record
 * is pushed (the moment `info` copies them).
 */
class LinedParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    return super.push(chunk === null ? null : { record: chunk as string[], lines: this.info.lines }, encoding);
  }
}

/**
 * Reads a CSV file record by record. Structure problems (no header, a required column missing, a column twice,
 * a malformed quote) are reported to `issues` as LNT-COLUMN / LNT-FILE errors; then it yields nothing more.
 */
export async function* readCsv(file: SourceFile, issues: IssueLog, options: CsvReadOptions): AsyncGenerator<CsvRecord> {
  const { text } = await openText(file.path, file.onBytes);
  const parser = text.pipe(
    new LinedParser({
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      trim: true,
    }),
  );
  let header: string[] | null = null;
  /** Where each of options.columns is in a record. */
  let at: number[] = [];
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; lines: number }>) {
      const { record } = item;
      const info = { lines: item.lines };
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
        const keys = header;
        at = options.columns.map((c) => keys.indexOf(c));
        continue;
      }
      const cells = new Array<string>(at.length);
      for (let i = 0; i < at.length; i++) cells[i] = record[at[i] as number] ?? '';
      yield { line: info.lines, cells };
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
