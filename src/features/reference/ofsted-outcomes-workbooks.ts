/**
 * Ofsted outcomes from spreadsheets: the official ODS workbook (three tables on three sheets, each below a title and
 * a note, its "Web link" column a HYPERLINK formula) and the scrapes' XLSX overview. Every sheet is searched for a
 * header row that ofsted-outcomes.ts recognises; sheets that have none (Cover, Contents, Notes) are passed over.
 */
// exceljs is loaded when a workbook is read or written: a large module most processes never use.
import type ExcelJS from 'exceljs';
import { readOdsSheets } from './ods';
import {
  readOutcomeTable,
  recogniseOutcomeTable,
  type OfstedOutcomeTable,
  type OutcomeProblem,
  type OutcomeTableInput,
} from './ofsted-outcomes';

export interface SheetRows {
  readonly name: string;
  readonly rows: ReadonlyArray<{ readonly row: number; readonly cells: readonly string[] }>;
}

/** How far down a sheet its header row may be. */
const HEADER_SEARCH_ROWS = 20;

/** The sheet's table: from the first row whose columns are recognised, or null. */
export function outcomeTableOfSheet(sheet: SheetRows): OutcomeTableInput | null {
  const at = sheet.rows.slice(0, HEADER_SEARCH_ROWS).findIndex((r) => recogniseOutcomeTable(r.cells) !== null);
  if (at < 0) return null;
  const header = sheet.rows[at]?.cells ?? [];
  return {
    header,
    records: sheet.rows
      .slice(at + 1)
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .map((r) => ({ line: r.row, cells: r.cells })),
  };
}

export interface WorkbookOutcomes {
  readonly tables: readonly OfstedOutcomeTable[];
  /** Problems with the sheet named in `sheet`. */
  readonly problems: ReadonlyArray<OutcomeProblem & { readonly sheet: string }>;
}

function readSheets(sheets: readonly SheetRows[]): WorkbookOutcomes {
  const tables: OfstedOutcomeTable[] = [];
  const problems: Array<OutcomeProblem & { sheet: string }> = [];
  for (const s of sheets) {
    const input = outcomeTableOfSheet(s);
    if (!input) continue;
    const { table, problems: p } = readOutcomeTable(input, s.name);
    if (table) tables.push(table);
    problems.push(...p.map((x) => ({ ...x, sheet: s.name })));
  }
  return { tables, problems };
}

/** The official workbook (or any ODS) → its recognised tables. A cell's link stands for the cell when it is a web address. */
export async function readOdsOutcomes(bytes: Buffer): Promise<WorkbookOutcomes> {
  const sheets = await readOdsSheets(bytes);
  return readSheets(
    sheets.map((s) => ({
      name: s.name,
      rows: s.rows.map((r) => ({
        row: r.row,
        cells: r.cells.map((c) => (c.href && /^https?:\/\//.test(c.href) ? c.href : c.value)),
      })),
    })),
  );
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** An exceljs cell value as the text a CSV would hold. */
export function excelCellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return isoDay(v);
  if (typeof v === 'object') {
    if ('hyperlink' in v && typeof v.hyperlink === 'string' && /^https?:\/\//.test(v.hyperlink)) return v.hyperlink;
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) {
      const result = v.result;
      if (result instanceof Date) return isoDay(result);
      if (typeof result === 'string' || typeof result === 'number' || typeof result === 'boolean')
        return String(result);
      return '';
    }
    if ('error' in v) return '';
  }
  return '';
}

/** The scrapes' XLSX overview (or any XLSX) → its recognised tables. */
export async function readXlsxOutcomes(bytes: Buffer): Promise<WorkbookOutcomes> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets: SheetRows[] = wb.worksheets.map((ws) => {
    const rows: Array<{ row: number; cells: string[] }> = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (c, col) => {
        cells[col - 1] = excelCellText(c.value).trim();
      });
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- Array.from fills a sparse row's gaps with undefined
      rows.push({ row: rowNumber, cells: Array.from(cells, (x) => x ?? '') });
    });
    return { name: ws.name, rows };
  });
  return readSheets(sheets);
}
