/**
 * Streaming CSV reading with csv-parse, for the SSD extract and the SSDA903 files. Headers are matched
 * forgivingly (case, spacing and a stray BOM do not matter); values are trimmed; blank lines (including the
 * trailing ones Excel leaves) are skipped. Each record carries its line number for the issue report.
 */
import { isAscii } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { Parser, parse } from 'csv-parse';
import { LANTERN_RULES, type IssueLog } from './issues';
import { openText, peekText } from './text';
import type { SourceFile } from './format';

/** How a reader words checkHeader's messages for its kind of file. */
export interface HeaderWords {
  /** The header's line (a quoted header may span several). */
  line: number;
  /** Words naming the file after "the header", with their leading space (" of this Episodes file"), or ''. */
  of: string;
  /** A required column as the messages name it. */
  column(required: string): string;
  /** What a missing column means, with its leading ", ", or ''. */
  consequence: string;
}

/**
 * Reports a header's repeated columns and its missing required ones as LNT-COLUMN errors; true when it has neither.
 * `raw` is the header as written, `keys` the same compared (headerKey); blank columns are never repeats.
 */
export function checkHeader(
  fileName: string,
  raw: readonly string[],
  keys: readonly string[],
  required: readonly string[],
  issues: IssueLog,
  words: HeaderWords,
): boolean {
  const seen = new Set<string>();
  let ok = true;
  for (const [i, h] of keys.entries()) {
    if (h === '') continue;
    if (seen.has(h)) {
      issues.error(
        fileName,
        words.line,
        raw[i] ?? h,
        LANTERN_RULES.column,
        `The column ${raw[i] ?? h} appears more than once in the header${words.of}.`,
      );
      ok = false;
    }
    seen.add(h);
  }
  for (const r of required) {
    if (!seen.has(r)) {
      const column = words.column(r);
      issues.error(
        fileName,
        1,
        column,
        LANTERN_RULES.column,
        `The required column ${column} is missing from the header${words.of}${words.consequence}.`,
      );
      ok = false;
    }
  }
  return ok;
}

/** A header as compared: lower case, no BOM, spaces/underscores/hyphens collapsed to one underscore. */
export function headerKey(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-]+/g, '_');
}

/** The header line of a CSV file (for recognising it), or null if it has none. */
export async function csvHeader(file: SourceFile): Promise<string[] | null> {
  const head = await peekText(file.path, 16 * 1024);
  const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== '');
  if (!firstLine) return null;
  return new Promise((resolve) => {
    parse(firstLine, { relax_quotes: true, trim: true }, (err, rows: string[][]) => {
      resolve(err ? null : (rows[0] ?? null));
    });
  });
}

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  /** The record's values in the order of CsvReadOptions.columns, trimmed; a missing trailing cell is ''. */
  cells: string[];
}

export interface CsvReadOptions {
  /** Header keys that must be present; a missing one is reported and the file is not read. */
  required: readonly string[];
  /** The header keys whose values each record's cells hold, in this order (others are ignored). */
  columns: readonly string[];
}

/** A record's values and the line it ends on (1-based), as csv-parse's `info.lines` gives it. */
interface LinedRecord {
  record: string[];
  lines: number;
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * Whether the file is plain CSV, and its line ending: ASCII only (after a UTF-8 byte-order mark), no quote character,
 * no vertical tab or form feed, and one line ending throughout ('\r\n' on every line, or '\n' and no '\r'). Such a
 * file reads the same split at commas and line endings, each value trimmed, as csv-parse reads it with readCsv's
 * options (then ASCII whitespace is all either trims, and no value is quoted), and far faster. Null: read it with
 * csv-parse. One pass over the bytes, with the native buffer searches.
 */
async function plainLineEnding(path: string): Promise<'\n' | '\r\n' | null> {
  let first = true;
  let cr = 0;
  let lf = 0;
  let crlf = 0;
  let last = -1;
  for await (const read of createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    let chunk = read;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (!isAscii(chunk) || chunk.includes(QUOTE) || chunk.includes(0x0b) || chunk.includes(0x0c)) return null;
    if (last === CR && chunk[0] === LF) crlf++;
    for (let i = chunk.indexOf(CR); i !== -1; i = chunk.indexOf(CR, i + 1)) {
      cr++;
      if (chunk[i + 1] === LF) crlf++;
    }
    for (let i = chunk.indexOf(LF); i !== -1; i = chunk.indexOf(LF, i + 1)) lf++;
    if (chunk.length > 0) last = chunk[chunk.length - 1] as number;
  }
  if (cr === 0) return '\n';
  return cr === crlf && lf === crlf ? '\r\n' : null;
}

/**
 * The records of a plain CSV file (see plainLineEnding), streamed, as csv-parse gives them with readCsv's options:
 * those of each chunk read together, as one batch (one step of the generator per chunk, not per record).
 */
async function* plainRecords(file: SourceFile, ending: '\n' | '\r\n'): AsyncGenerator<LinedRecord[]> {
  let carry = '';
  let line = 0;
  let bytes = 0;
  let first = true;
  const recordOf = (text: string): string[] | null => {
    line++;
    if (text === '') return null;
    const record = text.split(',');
    let empty = true;
    for (let i = 0; i < record.length; i++) {
      const v = (record[i] as string).trim();
      record[i] = v;
      if (v !== '') empty = false;
    }
    return empty ? null : record;
  };
  for await (const read of createReadStream(file.path, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
    bytes += read.length;
    let chunk = read;
    if (first) {
      first = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    const lines = (carry + chunk.toString('latin1')).split(ending);
    carry = lines.pop() ?? '';
    const batch: LinedRecord[] = [];
    for (const text of lines) {
      const record = recordOf(text);
      if (record) batch.push({ record, lines: line });
    }
    if (batch.length > 0) yield batch;
    file.onBytes?.(bytes);
  }
  const record = recordOf(carry);
  if (record) yield [{ record, lines: line }];
}

/** Each item of a stream as a batch of one. */
async function* oneByOne<T>(items: AsyncIterable<T>): AsyncGenerator<T[]> {
  for await (const item of items) yield [item];
}

/**
 * csv-parse with each record paired with its line, as its `info` option gives, without the two copies of the
 * parser's counters `info` makes for every record: the line is read from the parser's own counters as the record
 * is pushed (the moment `info` copies them).
 */
class LinedParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    return super.push(chunk === null ? null : { record: chunk as string[], lines: this.info.lines }, encoding);
  }
}

/**
 * Reads a CSV file record by record. Structure problems (no header, a required column missing, a column twice,
 * a malformed quote) are reported to `issues` as LNT-COLUMN / LNT-FILE errors; then it yields nothing more.
 */
export async function* readCsv(file: SourceFile, issues: IssueLog, options: CsvReadOptions): AsyncGenerator<CsvRecord> {
  for await (const batch of readCsvBatches(file, issues, options)) yield* batch;
}

/**
 * readCsv's records in batches (those of each chunk of a plain file read together), for a reader of large files:
 * each step of an async generator costs promises, so a step per record is much of the cost of reading.
 */
export async function* readCsvBatches(
  file: SourceFile,
  issues: IssueLog,
  options: CsvReadOptions,
): AsyncGenerator<CsvRecord[]> {
  const ending = await plainLineEnding(file.path);
  let batches: AsyncIterable<LinedRecord[]>;
  if (ending !== null) batches = plainRecords(file, ending);
  else {
    const { text } = await openText(file.path, file.onBytes);
    batches = oneByOne(
      text.pipe(
        new LinedParser({
          relax_column_count: true,
          skip_empty_lines: true,
          skip_records_with_empty_values: true,
          trim: true,
        }),
      ) as AsyncIterable<LinedRecord>,
    );
  }
  let header: string[] | null = null;
  /** Where each of options.columns is in a record. */
  let at: number[] = [];
  /** Whether each of options.columns is where it is asked for (at[i] = i). */
  let inOrder = false;
  try {
    for await (const batch of batches) {
      const out: CsvRecord[] = [];
      for (const item of batch) {
        const { record } = item;
        const info = { lines: item.lines };
        if (!header) {
          header = record.map(headerKey);
          const ok = checkHeader(file.name, record, header, options.required, issues, {
            line: info.lines,
            of: '',
            column: (r) => r.toUpperCase(),
            consequence: '',
          });
          if (!ok) return;
          const keys = header;
          at = options.columns.map((c) => keys.indexOf(c));
          inOrder = at.every((a, i) => a === i);
          continue;
        }
        // A record already holding exactly the columns asked for, in order, is given as it is (no copy).
        if (inOrder && record.length === at.length) {
          out.push({ line: info.lines, cells: record });
          continue;
        }
        const cells = new Array<string>(at.length);
        for (let i = 0; i < at.length; i++) cells[i] = record[at[i] as number] ?? '';
        out.push({ line: info.lines, cells });
      }
      if (out.length > 0) yield out;
    }
  } catch (e) {
    const err = e as { code?: string; lines?: number; message?: string };
    issues.error(
      file.name,
      err.lines ?? null,
      null,
      LANTERN_RULES.file,
      `The file could not be read as CSV${err.lines ? ` at line ${err.lines}` : ''}: ${err.message ?? String(e)}`,
    );
    return;
  }
  if (!header)
    issues.error(file.name, null, null, LANTERN_RULES.file, 'The file is empty: it has no header row and no data.');
}
