/**
 * Reads the sheets of an OpenDocument spreadsheet (.ods): a zip holding content.xml, read with a real XML parser
 * (saxes, streaming) rather than by pattern matching. Honours table:number-columns-repeated and
 * table:number-rows-repeated (a sheet ends with a million repeated empty rows and sixteen thousand repeated empty
 * columns: those are never materialised), and takes each cell's value from its office:date-value (dates, as
 * YYYY-MM-DD), office:value (numbers), office:boolean-value or office:string-value, else its text (text:p
 * paragraphs joined by a line break, text:s spaces, text:tab). A cell's link is its text:a xlink:href or, for a
 * HYPERLINK("url"; …) formula, the formula's URL.
 *
 * Format: OpenDocument v1.2 part 1 §9 (tables) and §19.385–19.386 (office:value-type and its value attributes).
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import yauzl from 'yauzl';

export interface OdsCell {
  readonly value: string;
  readonly href: string | null;
}

export interface OdsRow {
  /** The row's number in the sheet, 1-based, as a spreadsheet program shows it. */
  readonly row: number;
  readonly cells: readonly OdsCell[];
}

export interface OdsSheet {
  readonly name: string;
  /** Rows with at least one non-empty cell; trailing empty cells are dropped. */
  readonly rows: readonly OdsRow[];
}

/** Refuse a spreadsheet whose content would be absurd to hold in memory. */
const MAX_CONTENT_BYTES = 200 * 1024 * 1024;
const MAX_COLUMNS = 2048;
const MAX_ROWS = 200_000;

export class OdsError extends Error {}

/** Whether the bytes are a zip (an ODS, XLSX or DOCX all are). */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

function openZip(bytes: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, zip) => {
      err ? reject(err) : resolve(zip);
    });
  });
}

/** The zip's entry names. */
export async function zipEntryNamesOf(bytes: Buffer): Promise<string[]> {
  const zip = await openZip(bytes);
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    zip.on('entry', (e: yauzl.Entry) => {
      names.push(e.fileName);
      zip.readEntry();
    });
    zip.on('end', () => {
      resolve(names);
    });
    zip.on('error', reject);
    zip.readEntry();
  });
}

/** Whether the bytes are an OpenDocument spreadsheet: a zip whose mimetype entry says so, or that holds content.xml and no xl/. */
export async function isOds(bytes: Buffer): Promise<boolean> {
  if (!isZip(bytes)) return false;
  // The mimetype entry comes first, stored uncompressed: "application/vnd.oasis.opendocument.spreadsheet".
  if (
    bytes.subarray(30, 38).toString('latin1') === 'mimetype' &&
    bytes.subarray(38, 84).toString('latin1').includes('opendocument.spreadsheet')
  )
    return true;
  try {
    const names = await zipEntryNamesOf(bytes);
    return names.includes('content.xml') && !names.some((n) => n.startsWith('xl/'));
  } catch {
    return false;
  }
}

interface CellState {
  value: string | null;
  href: string | null;
  repeat: number;
  paragraphs: string[];
  current: string | null;
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
}

function repeatOf(tag: SaxesTagPlain, name: string): number {
  const raw = attr(tag, name);
  if (raw === undefined) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new OdsError(`${tag.name} has ${name}="${raw}", which is not a positive whole number`);
  return n;
}

/** The URL of an of:=HYPERLINK("https://…"; "label") formula. */
export function hyperlinkOfFormula(formula: string | undefined): string | null {
  if (!formula) return null;
  const m = /HYPERLINK\(\s*"([^"]*)"/i.exec(formula);
  return m?.[1] ?? null;
}

/** Parses content.xml text (exported for tests: a small hand-written sheet). */
export function parseOdsContent(xml: string): OdsSheet[] {
  const parser = new SaxesParser({ xmlns: false });
  const sheets: Array<{ name: string; rows: OdsRow[] }> = [];
  let sheet: { name: string; rows: OdsRow[]; nextRow: number } | null = null;
  let row: { cells: OdsCell[]; pendingEmpty: number; repeat: number } | null = null;
  let cell: CellState | null = null;
  let error: Error | null = null;

  const push = (c: OdsCell, times: number) => {
    if (!row) return;
    if (c.value === '' && c.href === null) {
      row.pendingEmpty += times;
      return;
    }
    for (let i = 0; i < row.pendingEmpty; i++) row.cells.push({ value: '', href: null });
    row.pendingEmpty = 0;
    if (row.cells.length + times > MAX_COLUMNS)
      throw new OdsError(`A row of sheet “${sheet?.name ?? ''}” has more than ${MAX_COLUMNS} columns`);
    for (let i = 0; i < times; i++) row.cells.push(c);
  };

  parser.on('opentag', (tag) => {
    const t = tag;
    switch (t.name) {
      case 'table:table':
        sheet = { name: attr(t, 'table:name') ?? `Sheet${sheets.length + 1}`, rows: [], nextRow: 1 };
        break;
      case 'table:table-row':
        row = { cells: [], pendingEmpty: 0, repeat: repeatOf(t, 'table:number-rows-repeated') };
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell': {
        const type = attr(t, 'office:value-type');
        let value: string | null = null;
        if (type === 'date') value = (attr(t, 'office:date-value') ?? '').slice(0, 10);
        else if (type === 'float' || type === 'percentage' || type === 'currency')
          value = attr(t, 'office:value') ?? null;
        else if (type === 'boolean') value = attr(t, 'office:boolean-value') ?? null;
        else if (type === 'time') value = attr(t, 'office:time-value') ?? null;
        else if (type === 'string') value = attr(t, 'office:string-value') ?? null;
        cell = {
          value,
          href: hyperlinkOfFormula(attr(t, 'table:formula')),
          repeat: repeatOf(t, 'table:number-columns-repeated'),
          paragraphs: [],
          current: null,
        };
        break;
      }
      case 'text:p':
      case 'text:h':
        if (cell) cell.current = '';
        break;
      case 'text:s':
        if (cell && cell.current !== null) cell.current += ' '.repeat(Number(attr(t, 'text:c') ?? '1') || 1);
        break;
      case 'text:tab':
        if (cell && cell.current !== null) cell.current += '\t';
        break;
      case 'text:line-break':
        if (cell && cell.current !== null) cell.current += '\n';
        break;
      case 'text:a':
        if (cell && cell.href === null) cell.href = attr(t, 'xlink:href') ?? null;
        break;
    }
  });
  parser.on('text', (text) => {
    if (cell && cell.current !== null) cell.current += text;
  });
  parser.on('closetag', (tag) => {
    switch (tag.name) {
      case 'text:p':
      case 'text:h':
        if (cell && cell.current !== null) {
          cell.paragraphs.push(cell.current);
          cell.current = null;
        }
        break;
      case 'table:table-cell':
      case 'table:covered-table-cell':
        if (cell) {
          const value = (cell.value ?? cell.paragraphs.join('\n')).trim();
          push({ value, href: cell.href }, cell.repeat);
          cell = null;
        }
        break;
      case 'table:table-row':
        if (sheet && row) {
          if (row.cells.length > 0) {
            if (sheet.rows.length + row.repeat > MAX_ROWS)
              throw new OdsError(`Sheet “${sheet.name}” has more than ${MAX_ROWS} rows with content`);
            for (let i = 0; i < row.repeat; i++) sheet.rows.push({ row: sheet.nextRow + i, cells: row.cells });
          }
          sheet.nextRow += row.repeat;
        }
        row = null;
        break;
      case 'table:table':
        if (sheet) sheets.push({ name: sheet.name, rows: sheet.rows });
        sheet = null;
        break;
    }
  });
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(xml).close();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- assigned in a callback, which the type checker does not follow
  if (error) throw new OdsError(`content.xml is not well-formed XML (${(error as Error).message})`);
  return sheets;
}

/** Reads content.xml out of the zip (streamed, size-checked) and parses it. */
export async function readOdsSheets(bytes: Buffer): Promise<OdsSheet[]> {
  if (!isZip(bytes)) throw new OdsError('Not an OpenDocument spreadsheet: not a zip file');
  const zip = await openZip(bytes);
  const xml = await new Promise<string | null>((resolve, reject) => {
    let found = false;
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName !== 'content.xml') {
        zip.readEntry();
        return;
      }
      found = true;
      if (entry.uncompressedSize > MAX_CONTENT_BYTES) {
        reject(new OdsError(`content.xml is ${entry.uncompressedSize} bytes, more than Lantern reads`));
        return;
      }
      zip.openReadStream(entry, (err, stream) => {
        if (err) {
          reject(err);
          return;
        }
        const decoder = new StringDecoder('utf8');
        const parts: string[] = [];
        stream.on('data', (chunk: Buffer) => parts.push(decoder.write(chunk)));
        stream.on('end', () => {
          parts.push(decoder.end());
          resolve(parts.join(''));
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => {
      if (!found) resolve(null);
    });
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  if (xml === null) throw new OdsError('Not an OpenDocument spreadsheet: the zip has no content.xml');
  return parseOdsContent(xml);
}
