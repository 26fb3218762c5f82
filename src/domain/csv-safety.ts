/**
 * CSV cells that cannot run as formulas (issue 18). A spreadsheet opening a CSV treats a cell beginning with `=`,
 * `+`, `-` or `@` (and, in some, a tab or a carriage return) as a formula: `=HYPERLINK(…)` or `=cmd|' /C calc'!A0`
 * in a child ID or a team's name would run on the analyst's computer. Following OWASP's "CSV Injection" guidance,
 * such a cell is written with a single quote before it, which the spreadsheet shows as text. A real number (-3,
 * +44.5) is left as it is, so figures stay figures.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function csvSafe(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** csv-stringify's option that passes every text cell through csvSafe. */
export const CSV_SAFE_CAST = { cast: { string: csvSafe } } as const;
