/**
 * Ofsted ILACS Annex A for any as-at date, from the canonical model: all eleven lists in the 2026 layout (or the
 * 2024 one on request), each list's inclusion rule and derived columns computed in Lantern (lists.ts), written as
 * XLSX (workbook.ts). List 11 (adopters) has its headings and no rows: Lantern holds no adopter records.
 */
import type { Db } from '../../../db/client';
import { isIsoDate } from '../../../domain/dates';
import { annexALayout, type AnnexALayoutYear } from '../../annex-a/layouts';
import { buildLists } from './lists';
import { loadSnapshot } from './load';
import { writeAnnexAWorkbook } from './workbook';
import type { ExportTarget } from '../sink';

export interface AnnexAExportOptions {
  /** The date the workbook describes, YYYY-MM-DD (usually the first day of the inspection). */
  asAt: string;
  layout?: 2026 | 2024;
}

export interface AnnexAExportSummary {
  lists: Array<{ sheet: string; rows: number }>;
}

export async function exportAnnexA(
  db: Db,
  authorityId: number,
  options: AnnexAExportOptions,
  target: ExportTarget,
): Promise<AnnexAExportSummary> {
  if (!isIsoDate(options.asAt)) throw new Error(`The as-at date must be a date as YYYY-MM-DD, not "${options.asAt}"`);
  const year: AnnexALayoutYear = options.layout ?? 2026;
  const layout = annexALayout(year);
  const snapshot = await loadSnapshot(db, authorityId, options.asAt);
  const rows = buildLists(snapshot, year);
  await writeAnnexAWorkbook(target, layout, rows);
  return { lists: layout.map((l) => ({ sheet: l.sheet, rows: rows.get(l.list)?.length ?? 0 })) };
}

export { buildLists } from './lists';
export { loadSnapshot } from './load';
