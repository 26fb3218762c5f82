/**
 * Test helpers for the 903 rules: a return from a few partial rows (other columns blank; file "<Table>.csv"; the
 * n-th row on line n + 1, as under a header line), and the lines a rule hits.
 */
import { runRules } from '../../../rules';
import { IssueLog } from '../../../issues';
import { TABLE_COLUMNS, emptyReturn, type ColumnOf, type Return903, type TableName } from '../tables';
import { buildContext, type Rule903 } from './context';

export type Partial903 = { [T in TableName]?: Array<Partial<Record<ColumnOf<T>, string | null>>> };

export function returnOf(tables: Partial903): Return903 {
  const ret = emptyReturn();
  for (const [table, rows] of Object.entries(tables) as Array<[TableName, Array<Record<string, string | null>>]>) {
    (ret as Record<TableName, unknown[]>)[table] = rows.map((r, i) => {
      const row: Record<string, string | number | null> = { file: `${table}.csv`, line: i + 2 };
      for (const c of TABLE_COLUMNS[table] as readonly string[]) row[c] = r[c] ?? null;
      return row;
    });
  }
  return ret;
}

/** The lines (as "Table.csv:line") where the rule finds something, for the given collection year. */
export function hits(rule: Rule903, tables: Partial903, year = 2026): string[] {
  const issues = new IssueLog();
  runRules([rule], year, buildContext(returnOf(tables), year, new Set(Object.keys(tables) as TableName[])), issues);
  return issues.list().map((i) => `${i.file}:${String(i.row)}`);
}
