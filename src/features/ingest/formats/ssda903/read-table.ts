/**
 * Reads one 903 CSV file (streamed) into rows of its table, checking structure and types as it goes:
 * - every column of the table must be in the header (LNT-COLUMN); extra columns are ignored;
 * - a required value that is blank is LNT-REQUIRED;
 * - a date that is not one clear date is LNT-TYPE, unless a DfE rule reports it (102 DOB, 141 DECOM, 147 DEC,
 *   700/701 DoLO), in which case the text is kept as written for the rule to see;
 * - a whole-number column holding something else is LNT-TYPE, unless a DfE rule reports it (180 SDQ_SCORE);
 * - a code not in the year's list is LNT-CODE, unless a DfE rule reports it (101 SEX, 103 ETHNIC, 143–149, 1009).
 * Codes are kept normalised (trimmed, upper case); IDs lose Excel's ".0".
 */
import { headerKey, readCsvBatches } from '../../csv';
import { parseDate, parseId, parseWholeNumber, normaliseCode } from '../../fields';
import type { SourceFile } from '../../format';
import { LANTERN_RULES, type IssueLog } from '../../issues';
import { CODED_COLUMNS, DATE_RULES, NUMBER_RULES } from './codes';
import {
  DATE_COLUMNS,
  ID_COLUMNS,
  NUMBER_COLUMNS,
  REQUIRED_VALUES,
  TABLE_COLUMNS,
  type Row,
  type TableName,
} from './tables';

/** A raw row before the year is known: its values in the order of the table's columns (TABLE_COLUMNS), trimmed, with the line. */
export interface RawRow {
  file: string;
  line: number;
  cells: readonly string[];
}

/** Streams the file; returns its raw rows, or null when its structure is wrong (already reported). */
export async function readTableFile(file: SourceFile, table: TableName, issues: IssueLog): Promise<RawRow[] | null> {
  const keys = (TABLE_COLUMNS[table] as readonly string[]).map(headerKey);
  const before = issues.errors;
  const rows: RawRow[] = [];
  // The records' cells are already in the table's column order: they are kept as they are, not copied.
  for await (const batch of readCsvBatches(file, issues, { required: keys, columns: keys }))
    for (const record of batch) rows.push({ file: file.name, line: record.line, cells: record.cells });
  return issues.errors > before ? null : rows;
}

/** What typeRows does with a column's values, worked out once per table. */
type ColumnSpec =
  | { column: string; required: boolean; kind: 'date'; ruled: boolean }
  | { column: string; required: boolean; kind: 'number'; ruled: boolean }
  | { column: string; required: boolean; kind: 'id' }
  | { column: string; required: boolean; kind: 'code'; listed: ReadonlySet<string> | null };

function columnSpecs(table: TableName, year: number): ColumnSpec[] {
  const required = new Set<string>(REQUIRED_VALUES[table] as readonly string[]);
  const coded: Record<string, { codes: (year: number) => readonly string[]; rule: string | null }> =
    CODED_COLUMNS[table] ?? {};
  const dateRules: Record<string, string> = DATE_RULES[table] ?? {};
  const numberRules: Record<string, string> = NUMBER_RULES[table] ?? {};
  return (TABLE_COLUMNS[table] as readonly string[]).map((column): ColumnSpec => {
    const r = required.has(column);
    if (DATE_COLUMNS.has(column)) return { column, required: r, kind: 'date', ruled: Boolean(dateRules[column]) };
    if (NUMBER_COLUMNS.has(column)) return { column, required: r, kind: 'number', ruled: Boolean(numberRules[column]) };
    if (ID_COLUMNS.has(column)) return { column, required: r, kind: 'id' };
    const spec = coded[column];
    // A code is checked here only when no DfE rule reports it (spec.rule null).
    return { column, required: r, kind: 'code', listed: spec && spec.rule === null ? new Set(spec.codes(year)) : null };
  });
}

/** Checks and converts raw rows of a table for the collection year. */
export function typeRows<T extends TableName>(
  table: T,
  raw: readonly RawRow[],
  year: number,
  issues: IssueLog,
): Array<Row<T>> {
  const specs = columnSpecs(table, year);
  const childAt = specs.findIndex((s) => s.column === 'CHILD');
  // Each distinct date text is parsed once: a return writes the same dates on many rows, and the rows then share
  // one string for each date.
  const dates = new Map<string, string | null>();
  const out: Array<Row<T>> = [];
  for (const r of raw) {
    const child = parseId(r.cells[childAt] ?? '');
    const row: Record<string, string | number | null> = { file: r.file, line: r.line };
    for (let i = 0; i < specs.length; i++) {
      const spec = specs[i] as ColumnSpec;
      const column = spec.column;
      const text = (r.cells[i] ?? '').trim();
      if (text === '') {
        row[column] = null;
        if (spec.required)
          issues.error(
            r.file,
            r.line,
            column,
            LANTERN_RULES.required,
            `${column} is blank; it is required in the ${table} table.`,
            child,
          );
        continue;
      }
      if (spec.kind === 'date') {
        let iso = dates.get(text);
        if (iso === undefined) dates.set(text, (iso = parseDate(text)));
        if (iso === null && !spec.ruled) {
          issues.error(
            r.file,
            r.line,
            column,
            LANTERN_RULES.type,
            `${column} "${text}" is not a valid date (dd/mm/yyyy).`,
            child,
          );
        }
        row[column] = iso ?? text;
      } else if (spec.kind === 'number') {
        const n = parseWholeNumber(text);
        if (n === null || Number.isNaN(n)) {
          if (!spec.ruled)
            issues.error(
              r.file,
              r.line,
              column,
              LANTERN_RULES.type,
              `${column} "${text}" is not a whole number.`,
              child,
            );
          row[column] = text;
        } else row[column] = String(n);
      } else if (spec.kind === 'id') {
        row[column] = i === childAt ? child : parseId(text);
      } else {
        const code = normaliseCode(text);
        row[column] = code;
        if (spec.listed !== null && !spec.listed.has(code)) {
          issues.error(
            r.file,
            r.line,
            column,
            LANTERN_RULES.code,
            `${column} "${text}" is not a valid code in this collection year.`,
            child,
          );
        }
      }
    }
    out.push(row as unknown as Row<T>);
  }
  return out;
}
