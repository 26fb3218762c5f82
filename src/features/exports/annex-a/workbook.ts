/**
 * Writes Annex A rows to an XLSX workbook with exceljs's streaming writer (rows go to the file or the HTTP response
 * as they are added):
 * one sheet per list with Ofsted's sheet name and headings, the heading row bold and frozen, dates as real Excel
 * dates shown dd/mm/yyyy, coded values as Ofsted's option strings.
 */
import { finished } from 'node:stream/promises';
import { codeLabel } from '../../annex-a/codes';
import { targetStream, type ExportTarget } from '../sink';
import type { AnnexAColumn, AnnexAList, ListNumber } from '../../annex-a/layouts';
import type { Cell, ListRow } from './lists';

/** An ISO date as the Excel date for that day (midnight UTC, which exceljs writes as the whole day serial). */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A canonical value as the workbook cell shows it. */
export function cellValue(column: AnnexAColumn, value: Cell): string | number | Date | null {
  if (value === null || value === '') return null;
  switch (column.type) {
    case 'date':
      return excelDate(String(value));
    case 'int':
      return Number(value);
    case 'code':
      return column.codes ? (codeLabel(column.codes, String(value)) ?? String(value)) : String(value);
    default:
      return String(value);
  }
}

export async function writeAnnexAWorkbook(
  target: ExportTarget,
  layout: readonly AnnexAList[],
  rows: ReadonlyMap<ListNumber, readonly ListRow[]>,
): Promise<void> {
  // exceljs is loaded when a workbook is read or written: a large module most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const out = targetStream(target);
  // Rejects when the stream fails or closes before the workbook is written (a client that went away), which
  // exceljs would otherwise wait for for ever.
  const closed = finished(out);
  closed.catch(() => {});
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Lantern';
  for (const list of layout) {
    const ws = wb.addWorksheet(list.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = list.columns.map((c) => ({
      key: c.key,
      width: c.type === 'date' ? 14 : Math.min(40, Math.max(12, Math.ceil(c.heading.length / 2))),
    }));
    const header = ws.addRow(list.columns.map((c) => c.heading));
    header.font = { bold: true };
    header.commit();
    for (const row of rows.get(list.list) ?? []) {
      const r = ws.addRow(list.columns.map((c) => cellValue(c, row[c.key] ?? null)));
      list.columns.forEach((c, i) => {
        if (c.type === 'date') r.getCell(i + 1).numFmt = 'dd/mm/yyyy';
      });
      r.commit();
    }
    ws.commit();
  }
  await Promise.race([wb.commit(), closed]);
  await closed;
}
