/**
 * Reading an Annex A workbook: recognising it from its sheet names without reading it (claim), then reading it whole
 * with exceljs's workbook loader (decision 0026) sheet by sheet and row by row, checking headings, types and codes,
 * and keeping each list's rows as typed values for build.ts.
 */
import { open as openZip, type Entry, type ZipFile } from 'yauzl';
import { annexAList, type AnnexAColumn, type ListNumber } from '../../../annex-a/layouts';
import { LANTERN_RULES, type IssueLog } from '../../issues';
import { countingStream } from '../../text';
import { parseCell, rawText, rawValue, type Raw } from './cells';
import { headingScore, listFromSheetName, mapHeader, type HeaderMap } from './headings';

export type Value = string | number | null;

export interface ParsedRow {
  sheet: string;
  /** The spreadsheet row number. */
  row: number;
  values: Record<string, Value>;
}

export interface ListData {
  list: ListNumber;
  sheet: string;
  layout: HeaderMap['layout'];
  /** Keys of the columns the sheet has. */
  present: Set<string>;
  rows: ParsedRow[];
}

/**
 * Columns Lantern works out itself (ages, counts over the last 12 months, case status) or that say who holds the case: a sheet
 * without them, or a blank in them, is a query, not an error. Every other required column is an error when missing
 * or blank.
 */
export const SOFT_REQUIRED = new Set([
  'age',
  'referrals12m',
  's47s12m',
  'icpcs12m',
  'previousPlans',
  'placements12m',
  'missing12m',
  'absent12m',
  'secondPeriod',
  'caseStatus',
  'team',
  'worker',
  'personalAdviser',
  'organisation',
  'postcode',
  'location',
  'laOfPlacement',
  'provider',
  'disability',
  'uasc',
  'epo',
  'childSeen',
  'enteredCare',
  'inTouch',
]);

/**
 * Parts of the workbook read through the zip's central directory (yauzl), without reading the sheets: each named
 * entry's text, absent when the zip has no such entry; null when the file is not a zip.
 */
async function zipParts(path: string, names: readonly string[]): Promise<Map<string, string> | null> {
  const zip = await new Promise<ZipFile | null>((resolve) => {
    openZip(path, { lazyEntries: true, autoClose: true }, (err, z) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- yauzl's types promise a zip; a bad file gives none
      resolve(err || !z ? null : z);
    });
  });
  if (!zip) return null;
  const found = new Map<string, string>();
  return new Promise<Map<string, string> | null>((resolve) => {
    let done = false;
    const finish = (v: Map<string, string> | null) => {
      if (done) return;
      done = true;
      zip.close();
      resolve(v);
    };
    zip.on('error', () => {
      finish(null);
    });
    zip.on('end', () => {
      finish(found);
    });
    zip.on('entry', (entry: Entry) => {
      if (!names.includes(entry.fileName)) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- yauzl's types promise a zip and a stream; a bad file gives neither
        if (err || !stream) {
          finish(null);
          return;
        }
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('error', () => {
          finish(null);
        });
        stream.on('end', () => {
          found.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
          if (found.size === names.length) finish(found);
          else zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
}

const WORKBOOK = 'xl/workbook.xml';
const attribute = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\b${name}="([^"]*)"`).exec(tag);
  return m ? decodeXml(m[1] as string) : undefined;
};

/** Sheet names in xl/workbook.xml, read from the zip without reading the sheets; null when the file is not a zip or has none. */
export async function sheetNames(path: string): Promise<string[] | null> {
  const parts = await zipParts(path, [WORKBOOK]);
  const xml = parts?.get(WORKBOOK);
  if (xml === undefined) return null;
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attribute(m[0], 'name') ?? '');
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Most a workbook may unzip to. It is read whole (below), and an Annex A of a large authority unzips to a few tens of
 * megabytes; a file claiming more is refused before anything is inflated.
 */
const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

/** What the zip's entries unzip to in all, from its central directory (nothing inflated); null if it is not a zip. */
async function unzippedBytes(path: string): Promise<number | null> {
  const zip = await new Promise<ZipFile | null>((resolve) => {
    openZip(path, { lazyEntries: true, autoClose: true }, (err, z) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- yauzl's types promise a zip; a bad file gives none
      resolve(err || !z ? null : z);
    });
  });
  if (!zip) return null;
  return new Promise<number | null>((resolve) => {
    let total = 0;
    zip.on('error', () => {
      resolve(null);
    });
    zip.on('end', () => {
      resolve(total);
    });
    zip.on('entry', (entry: Entry) => {
      total += entry.uncompressedSize;
      zip.readEntry();
    });
    zip.readEntry();
  });
}

/**
 * Reads the workbook whole with exceljs's workbook loader; returns each recognised list's rows, or null when the file
 * cannot be read as XLSX.
 *
 * Not exceljs's streaming reader, which Lantern used before: its one pass through the zip ends early now and then
 * (upstream exceljs#3064), and then what comes after in the zip never arrives and the reader says nothing. For a
 * workbook Lantern writes itself (worksheets first, relationships last) it gave 8 of the 11 lists, every time; for
 * one exceljs writes otherwise, the shared strings went missing in 19 reads of 30 (every heading lost). The loader
 * opens the zip by its directory and reads every part.
 */
export async function readAnnexAWorkbook(
  path: string,
  file: string,
  issues: IssueLog,
  onBytes?: (bytesRead: number) => void,
): Promise<Map<ListNumber, ListData> | null> {
  const unzipped = await unzippedBytes(path);
  if (unzipped !== null && unzipped > MAX_UNZIPPED_BYTES) {
    issues.error(
      file,
      null,
      null,
      LANTERN_RULES.file,
      `The workbook unzips to ${Math.round(unzipped / 1024 / 1024)} MB, more than the ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB Lantern reads in an Annex A; it was not read.`,
    );
    return null;
  }
  // exceljs is loaded when a workbook is read or written: a large module most processes never use.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.read(countingStream(path, onBytes));
  } catch (e) {
    issues.error(
      file,
      null,
      null,
      LANTERN_RULES.file,
      `The file could not be read as an Excel workbook (.xlsx): ${(e as Error).message}`,
    );
    return null;
  }
  const lists = new Map<ListNumber, ListData>();
  for (const ws of workbook.worksheets) {
    const sheetName = ws.name;
    let list = listFromSheetName(sheetName);
    let header: HeaderMap | null = null;
    let headerRow = 0;
    let data: ListData | null = null;
    let skipped = false;
    const early: Array<{ n: number; cells: Raw[] }> = [];
    const rows: Array<{ number: number; values: unknown }> = [];
    ws.eachRow((row) => rows.push(row));
    for (const row of rows) {
      if (skipped) break;
      const cells = (row.values as unknown[]).map(rawValue);
      if (!header) {
        early.push({ n: row.number, cells });
        const texts = cells.map((c) => (c === null ? null : rawText(c)));
        const candidates: ListNumber[] = list ? [list] : ([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as ListNumber[]);
        let best: { list: ListNumber; score: number } | null = null;
        for (const l of candidates) {
          const score = headingScore(l, texts);
          if (score >= 3 && (!best || score > best.score)) best = { list: l, score };
        }
        if (best) {
          list = best.list;
          header = mapHeader(list, texts);
          headerRow = row.number;
          data = startList(lists, list, sheetName, header, file, headerRow, issues);
          if (!data) skipped = true;
        } else if (early.length >= HEADER_SEARCH_ROWS) {
          skipped = true;
        }
        continue;
      }
      if (!data) continue;
      const parsed = parseRow(data, header, cells, row.number, file, issues);
      if (parsed) data.rows.push(parsed);
    }
    if (!header) {
      if (list)
        issues.error(
          file,
          null,
          null,
          LANTERN_RULES.column,
          `Sheet "${sheetName}" looks like List ${list} but no row in its first ${HEADER_SEARCH_ROWS} has the list's headings.`,
        );
      else
        issues.query(
          file,
          null,
          null,
          LANTERN_RULES.unknown,
          `Sheet "${sheetName}" is not an Annex A list; it was ignored.`,
        );
    }
  }
  return lists;
}

function startList(
  lists: Map<ListNumber, ListData>,
  list: ListNumber,
  sheet: string,
  header: HeaderMap,
  file: string,
  headerRow: number,
  issues: IssueLog,
): ListData | null {
  if (lists.has(list)) {
    issues.error(
      file,
      headerRow,
      null,
      LANTERN_RULES.duplicate,
      `Sheet "${sheet}" is a second List ${list} (the first is "${lists.get(list)?.sheet}"); it was not read.`,
    );
    return null;
  }
  for (const r of header.repeated)
    issues.error(
      file,
      headerRow,
      r.heading,
      LANTERN_RULES.column,
      `Sheet "${sheet}": the column "${r.heading}" appears twice.`,
    );
  for (const u of header.unknown)
    issues.query(
      file,
      headerRow,
      u.heading,
      LANTERN_RULES.column,
      `Sheet "${sheet}": the column "${u.heading}" is not an Annex A List ${list} column; it was ignored.`,
    );
  const present = new Set([...header.columns.values()].map((c) => c.key));
  let missingRequired = false;
  for (const c of annexAList(header.layout, list).columns) {
    if (!c.required || present.has(c.key)) continue;
    if (SOFT_REQUIRED.has(c.key))
      issues.query(file, headerRow, c.heading, LANTERN_RULES.column, `Sheet "${sheet}" has no column "${c.heading}".`);
    else {
      missingRequired = true;
      issues.error(
        file,
        headerRow,
        c.heading,
        LANTERN_RULES.column,
        `Sheet "${sheet}" (List ${list}) has no column "${c.heading}", which Annex A requires.`,
      );
    }
  }
  const data: ListData = { list, sheet, layout: header.layout, present, rows: [] };
  lists.set(list, data);
  // Rows of a list missing a required column are not read (every one would repeat the same error).
  return missingRequired ? null : data;
}

function describe(c: AnnexAColumn): string {
  switch (c.type) {
    case 'date':
      return 'a date (dd/mm/yyyy)';
    case 'int':
      return 'a whole number';
    default:
      return 'a value';
  }
}

function parseRow(
  data: ListData,
  header: HeaderMap,
  cells: Raw[],
  rowNumber: number,
  file: string,
  issues: IssueLog,
): ParsedRow | null {
  if (cells.every((c) => c === null)) return null;
  const values: Record<string, Value> = {};
  const childCell = [...header.columns.entries()].find(([, c]) => c.key === 'childId' || c.key === 'adopterId');
  const child = childCell ? rawText(cells[childCell[0]] ?? null) || null : null;
  for (const [index, column] of header.columns) {
    const raw = cells[index] ?? null;
    const parsed = parseCell(column, raw);
    if (!parsed.ok) {
      const shown = rawText(raw);
      if (parsed.problem === 'code')
        issues.error(
          file,
          rowNumber,
          column.heading,
          LANTERN_RULES.code,
          `"${shown}" is not one of Annex A's options for "${column.heading}" (sheet "${data.sheet}").`,
          child,
        );
      else
        issues.error(
          file,
          rowNumber,
          column.heading,
          LANTERN_RULES.type,
          `"${shown}" is not ${describe(column)} (sheet "${data.sheet}", column "${column.heading}").`,
          child,
        );
      values[column.key] = null;
      continue;
    }
    values[column.key] = parsed.value;
  }
  for (const c of annexAList(header.layout, data.list).columns) {
    if (!c.required || !data.present.has(c.key) || (values[c.key] !== null && values[c.key] !== undefined)) continue;
    const cellHadValue = [...header.columns.entries()].some(
      ([i, col]) => col.key === c.key && cells[i] !== null && cells[i] !== undefined,
    );
    if (cellHadValue) continue; // already reported as a type or code problem
    if (SOFT_REQUIRED.has(c.key))
      issues.query(
        file,
        rowNumber,
        c.heading,
        LANTERN_RULES.required,
        `"${c.heading}" is blank (sheet "${data.sheet}").`,
        child,
      );
    else
      issues.error(
        file,
        rowNumber,
        c.heading,
        LANTERN_RULES.required,
        `"${c.heading}" is blank; Annex A requires it (sheet "${data.sheet}").`,
        child,
      );
  }
  return { sheet: data.sheet, row: rowNumber, values };
}
