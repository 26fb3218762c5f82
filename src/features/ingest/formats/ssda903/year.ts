/**
 * The collection year a 903 return is for. The CSV files do not say; the importer is told
 * (ImportOptions.collectionYear) or works it out as the collection year of the latest activity date in the files
 * (DECOM, DEC, REVIEW, MIS_START, SW_DECOM, DOLO_START, DATE_PLACED, DATE_MATCH). Dates of birth and end dates
 * that may lie in the future (DUC) are not used.
 */
import { isIsoDate } from '../../../../domain/dates';
import { collectionYearOf } from '../../../../domain/code-lists';
import type { RawRow } from './read-table';
import { parseDate } from '../../fields';
import { TABLE_COLUMNS, type TableName } from './tables';

/** Collection years whose code lists and rules Lantern knows (2022/23 to 2026/27). */
export const FIRST_YEAR = 2023;
export const LAST_YEAR = 2027;

const ACTIVITY_DATES: Partial<Record<TableName, readonly string[]>> = {
  Episodes: ['DECOM', 'DEC'],
  Reviews: ['REVIEW'],
  Missing: ['MIS_START'],
  SWEpisodes: ['SW_DECOM'],
  DoLo: ['DOLO_START'],
  PlacedAdoption: ['DATE_PLACED'],
  AD1: ['DATE_MATCH'],
};

/** The latest activity date in the raw tables (YYYY-MM-DD), or null if there is none. */
export function latestActivityDate(tables: Partial<Record<TableName, readonly RawRow[]>>): string | null {
  let latest: string | null = null;
  for (const [table, columns] of Object.entries(ACTIVITY_DATES) as Array<[TableName, readonly string[]]>) {
    const at = columns.map((c) => (TABLE_COLUMNS[table] as readonly string[]).indexOf(c));
    for (const row of tables[table] ?? []) {
      for (const i of at) {
        const iso = parseDate(row.cells[i] ?? '');
        if (iso !== null && isIsoDate(iso) && (latest === null || iso > latest)) latest = iso;
      }
    }
  }
  return latest;
}

export function inferCollectionYear(
  tables: Partial<Record<TableName, readonly RawRow[]>>,
): { year: number; from: string } | null {
  const latest = latestActivityDate(tables);
  return latest === null ? null : { year: collectionYearOf(latest), from: latest };
}
