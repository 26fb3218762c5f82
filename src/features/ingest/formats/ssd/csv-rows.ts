/**
 * Streaming the rows of one SSD CSV file. Like the shared readCsv (same encoding detection and header matching),
 * but it also knows how many cells each row had, because the SSD reader refuses rows with too few or too many:
 *
 * A row with fewer cells than the header (a "truncated row") is an error, not a row padded with blanks. A file cut
 * off mid-way ends in exactly such a row, and a cut-off ID or date can look valid ("12345" → "123"); a tool that
 * drops trailing empty cells is rare enough that rejecting with the line number is the safer reading. A row with
 * more cells than the header is an error too (an unquoted comma shifts every later column).
 */
import { parse } from 'csv-parse';
import { checkHeader, headerKey } from '../../csv';
import type { SourceFile } from '../../format';
import { LANTERN_RULES, type IssueLog } from '../../issues';
import { openText } from '../../text';
import type { SsdTable } from './tables';

export interface SsdRow {
  /** 1-based line of the file where the row starts (the header is line 1). */
  line: number;
  /** Values by current SSD column name, trimmed. */
  values: Record<string, string>;
}

/** The header's keys with older spellings mapped to the current names. */
export function canonicalHeader(header: readonly string[], table: SsdTable): string[] {
  return header.map((h) => {
    const key = headerKey(h);
    return table.aliases?.[key] ?? key;
  });
}

/**
 * Yields the file's rows. Problems with the header (a column twice, a required column missing) end the file
 * with LNT-COLUMN errors; an unreadable file ends it with LNT-FILE.
 */
export async function* readSsdRows(file: SourceFile, table: SsdTable, issues: IssueLog): AsyncGenerator<SsdRow> {
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
        header = canonicalHeader(record, table);
        const ok = checkHeader(file.name, record, header, table.required, issues, {
          line: 1,
          of: ` of this ${table.name} file`,
          column: (r) => r,
          consequence: ', so none of its rows could be read',
        });
        if (!ok) return;
        continue;
      }
      if (record.length !== header.length) {
        issues.error(
          file.name,
          info.lines,
          null,
          LANTERN_RULES.file,
          record.length < header.length
            ? `Line ${info.lines} has ${record.length} values but the header has ${header.length} columns: the row is incomplete (the file may have been cut off). The row was not read.`
            : `Line ${info.lines} has ${record.length} values but the header has ${header.length} columns: a value probably contains an unquoted comma. The row was not read.`,
        );
        continue;
      }
      const values: Record<string, string> = {};
      for (const [i, h] of header.entries()) if (h !== '') values[h] = record[i] ?? '';
      yield { line: info.lines, values };
    }
  } catch (e) {
    const err = e as { lines?: number; message?: string };
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
