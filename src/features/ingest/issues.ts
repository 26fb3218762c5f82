/**
 * What an import found wrong: every issue names the file, row, column and rule, says how serious it is and
 * explains it in plain English. Errors reject the import (nothing is written); queries are kept with the import
 * for the authority to explain, as the DfE validators' queries are.
 */
export type Severity = 'error' | 'query';

export interface Issue {
  /** The file's name as the user gave it (inside a folder or zip: its path there). */
  file: string;
  /** 1-based: the CSV line (header = 1), the spreadsheet row, the XML line. Null when about the whole file. */
  row: number | null;
  /** The column or field as the file names it (e.g. DECOM, CINreferralDate, 'Date of Contact'). */
  column: string | null;
  /** A statutory validator's code (142, 8500, INT01) or a Lantern code (LNT-…) for structure and type checks. */
  rule: string;
  severity: Severity;
  message: string;
  /** The authority's child ID the issue is about, if any. */
  child?: string | null;
}

/** Lantern's own rule codes for problems the statutory validators take for granted. */
export const LANTERN_RULES = {
  /** The file is empty, truncated, not the format it claims, or cannot be decoded. */
  file: 'LNT-FILE',
  /** A required column is missing, or a column appears twice. */
  column: 'LNT-COLUMN',
  /** A value is not of the column's type (date, whole number, ID). */
  type: 'LNT-TYPE',
  /** A code is not in the code list for the collection year. */
  code: 'LNT-CODE',
  /** A required value is blank. */
  required: 'LNT-REQUIRED',
  /** Rows that should be unique are not (e.g. a child twice in the Header). */
  duplicate: 'LNT-DUPLICATE',
  /** A row refers to something the files do not contain (e.g. an episode for a child with no Header row). */
  reference: 'LNT-REFERENCE',
  /** A file nothing recognises, or one the chosen format cannot read. */
  unknown: 'LNT-UNKNOWN',
  /** Two sources give different values for the same event (decision 0024): both shown, and which is kept. */
  disagreement: 'LNT-DISAGREE',
  /** A child matched by UPN to more than one child held, or to one with another date of birth: added, not merged. */
  match: 'LNT-MATCH',
} as const;

/** Issues beyond this many are counted but not kept one by one (the first ones tell the story). */
export const MAX_KEPT_ISSUES = 100_000;

export class IssueLog {
  private readonly kept: Issue[] = [];
  private errorCount = 0;
  private queryCount = 0;

  add(issue: Issue): void {
    if (issue.severity === 'error') this.errorCount++;
    else this.queryCount++;
    if (this.kept.length < MAX_KEPT_ISSUES) this.kept.push(issue);
  }

  error(
    file: string,
    row: number | null,
    column: string | null,
    rule: string,
    message: string,
    child?: string | null,
  ): void {
    this.add({ file, row, column, rule, severity: 'error', message, child: child ?? null });
  }

  query(
    file: string,
    row: number | null,
    column: string | null,
    rule: string,
    message: string,
    child?: string | null,
  ): void {
    this.add({ file, row, column, rule, severity: 'query', message, child: child ?? null });
  }

  get errors(): number {
    return this.errorCount;
  }

  get queries(): number {
    return this.queryCount;
  }

  /** Every kept issue, in the order found. */
  list(): readonly Issue[] {
    return this.kept;
  }
}
