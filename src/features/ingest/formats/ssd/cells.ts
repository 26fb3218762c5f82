/**
 * Reading one SSD row's values by type, reporting every value that is not what its column holds with the file,
 * line, column and child. Each reader returns null for a blank or unreadable value; `failed` says whether any
 * error was reported for the row, so the caller can leave out a row it cannot build.
 */
import { normaliseCode, parseDate, parseId, parseWholeNumber, parseYesNo } from '../../fields';
import { LANTERN_RULES, type IssueLog } from '../../issues';
import { londonInstant } from './instants';

export class Cells {
  failed = false;
  /** The person the row is about, for issue reports (set once known). */
  child: string | null = null;

  constructor(
    readonly file: string,
    readonly line: number,
    private readonly values: Record<string, string>,
    private readonly issues: IssueLog,
    /** Called with every date read, so the extract's latest date can be found. */
    private readonly onDate: (iso: string) => void = () => undefined,
  ) {}

  private error(column: string, rule: string, message: string): void {
    this.failed = true;
    this.issues.error(this.file, this.line, column, rule, message, this.child);
  }

  query(column: string | null, rule: string, message: string): void {
    this.issues.query(this.file, this.line, column, rule, message, this.child);
  }

  /** The trimmed text, or null if blank or the column is absent. */
  text(column: string): string | null {
    const v = this.values[column]?.trim() ?? '';
    return v === '' ? null : v;
  }

  has(column: string): boolean {
    return column in this.values;
  }

  /** An identifier ("123.0" → "123"). */
  id(column: string, required = false): string | null {
    const v = parseId(this.values[column] ?? '');
    if (v === null && required) this.error(column, LANTERN_RULES.required, `${column} is blank; every row needs one.`);
    return v;
  }

  date(column: string, required = false): string | null {
    const raw = this.text(column);
    if (raw === null) {
      if (required) this.error(column, LANTERN_RULES.required, `${column} is blank; it is needed to record this row.`);
      return null;
    }
    const d = parseDate(raw);
    if (d === null) {
      this.error(
        column,
        LANTERN_RULES.type,
        `${column} "${raw}" is not a date (expected YYYY-MM-DD or DD/MM/YYYY, and a day that exists).`,
      );
      return null;
    }
    // An expected birth, a due or target date is not a record of something that happened.
    if (!/expected|_due|target/.test(column)) this.onDate(d);
    return d;
  }

  /** A date and time (ssd_missing); a value without a zone is London time; a date alone is midnight. */
  instant(column: string, required = false): Date | null {
    const raw = this.text(column);
    if (raw === null) {
      if (required) this.error(column, LANTERN_RULES.required, `${column} is blank; it is needed to record this row.`);
      return null;
    }
    const d = londonInstant(raw);
    if (d === null) {
      this.error(
        column,
        LANTERN_RULES.type,
        `${column} "${raw}" is not a date and time (expected YYYY-MM-DD HH:MM, ISO 8601 or DD/MM/YYYY).`,
      );
      return null;
    }
    this.onDate(d.toISOString().slice(0, 10));
    return d;
  }

  /** Y/N (also Yes/No, 1/0, true/false). */
  flag(column: string): boolean | null {
    const raw = this.values[column] ?? '';
    const v = parseYesNo(raw);
    if (v === undefined) {
      this.error(column, LANTERN_RULES.type, `${column} "${raw.trim()}" is not Y or N.`);
      return null;
    }
    return v;
  }

  /**
   * A code from `list` (case, spaces and a trailing description are forgiven: "n1 - Abuse" → N1). `otherYears`
   * is every code the list has held in any collection year: an extract spans six years of recording, and a code
   * that is valid in another year than the record's is a query (kept), not an error; a code valid in no year is
   * an error.
   */
  code(
    column: string,
    list: readonly string[],
    what: string,
    required = false,
    otherYears: readonly string[] = [],
  ): string | null {
    const raw = this.text(column);
    if (raw === null) {
      if (required) this.error(column, LANTERN_RULES.required, `${column} is blank; a ${what} is needed.`);
      return null;
    }
    const code = normaliseCode(raw);
    if (!list.includes(code) && otherYears.includes(code)) {
      this.query(
        column,
        LANTERN_RULES.code,
        `${column} "${raw}" is not a ${what} code in the collection year of this record, though it is in another year's list; it was kept.`,
      );
      return code;
    }
    if (!list.includes(code)) {
      this.error(column, LANTERN_RULES.code, `${column} "${raw}" is not a ${what} code (${list.join(', ')}).`);
      return null;
    }
    return code;
  }

  whole(column: string): number | null {
    const raw = this.values[column] ?? '';
    const n = parseWholeNumber(raw);
    if (n !== null && Number.isNaN(n)) {
      this.error(column, LANTERN_RULES.type, `${column} "${raw.trim()}" is not a whole number.`);
      return null;
    }
    return n;
  }

  decimal(column: string): number | null {
    const raw = this.text(column);
    if (raw === null) return null;
    if (!/^-?\d+(\.\d+)?$/.test(raw)) {
      this.error(column, LANTERN_RULES.type, `${column} "${raw}" is not a number.`);
      return null;
    }
    return Number(raw);
  }

  /** An SSD _json column, parsed; malformed JSON is a type error. */
  json(column: string): unknown {
    const raw = this.text(column);
    if (raw === null) return null;
    try {
      return JSON.parse(raw) as unknown;
    } catch (e) {
      this.error(column, LANTERN_RULES.type, `${column} is not valid JSON: ${(e as Error).message}.`);
      return null;
    }
  }

  /** Reports an error about this row that is not about one value's type. */
  problem(column: string | null, rule: string, message: string): void {
    this.failed = true;
    this.issues.error(this.file, this.line, column, rule, message, this.child);
  }
}
