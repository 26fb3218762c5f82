/**
 * Which 903 table a CSV file holds, from its header row alone. Header and UASC share CHILD, SEX and DOB, and
 * every table but Header and Episodes has CHILD and DOB, so a table is recognised by the columns only it has:
 * the file is the table with the most of its own columns present, provided at least half of them are (so a file
 * with one column missing is still recognised, and its missing column reported).
 */
import { headerKey } from '../../csv';
import { TABLE_COLUMNS, TABLE_NAMES, type TableName } from './tables';

const SHARED = new Set(['child', 'dob', 'sex']);

const OWN: Array<[TableName, string[]]> = TABLE_NAMES.map((t) => [
  t,
  (TABLE_COLUMNS[t] as readonly string[]).map(headerKey).filter((c) => !SHARED.has(c)),
]);

export function identifyTable(header: readonly string[]): TableName | null {
  const present = new Set(header.map(headerKey));
  if (!present.has('child')) return null;
  let best: TableName | null = null;
  let bestScore = 0;
  for (const [table, own] of OWN) {
    const found = own.filter((c) => present.has(c)).length;
    if (found * 2 < own.length || found === 0) continue;
    const score = found / own.length;
    if (score > bestScore) {
      best = table;
      bestScore = score;
    }
  }
  return best;
}
