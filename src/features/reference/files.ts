/**
 * Reads a published reference file and says what it is — by its CONTENT (the JSON's shape, the CSV's header
 * columns and filter values), never by its name — and what it holds, checked cell by cell. Nothing here touches
 * the database: import.ts writes what these return, all files in one transaction.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { parseGovUkBankHolidays, type BankHoliday } from '../../domain/bank-holidays';
import { isIsoDate } from '../../domain/dates';
import {
  BENCHMARK_TABLES,
  EES_COLUMNS,
  SKIPPED_TABLES,
  SUPPRESSION_MARKERS,
  type BenchmarkTable,
} from './benchmark-tables';
import { regionByName } from './regions';
import { isOds, isZip } from './ods';
import { readOutcomeTable, recogniseOutcomeTable, OUTCOME_SOURCES, type OfstedOutcomeTable } from './ofsted-outcomes';
import { readOdsOutcomes, readXlsxOutcomes, type WorkbookOutcomes } from './ofsted-outcomes-workbooks';

/** One thing wrong with a file: where (row is the file's line, the header being line 1) and what, in plain English. */
export interface ReferenceProblem {
  readonly file: string;
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export interface ReferenceAuthority {
  readonly laNumber: string;
  readonly gssCode: string | null;
  readonly name: string;
  readonly regionCode: string | null;
  readonly regionName: string | null;
}

export interface NeighbourRow {
  readonly laNumber: string;
  readonly rank: number;
  readonly neighbourLaNumber: string;
  readonly closeness: string | null;
}

export interface BenchmarkRow {
  readonly measure: string;
  readonly year: number;
  readonly level: 'national' | 'regional' | 'la';
  readonly areaCode: string;
  readonly areaName: string;
  readonly regionCode: string | null;
  readonly value: number | null;
  readonly suppressed: string | null;
}

/** Ofsted's URN for an authority (the Provider data lookup's urn) and the scrapes' name for it. */
export interface AuthorityUrn {
  readonly urn: string;
  readonly laNumber: string;
  readonly scrapeName: string | null;
}

interface Common {
  readonly name: string;
  readonly sha256: string;
}

export type ReferenceFile = Common &
  (
    | {
        readonly kind: 'bank-holidays';
        readonly source: 'govuk-bank-holidays-json' | 'bank-holidays-csv';
        readonly holidays: readonly BankHoliday[];
      }
    | {
        readonly kind: 'la-lookup';
        readonly source: 'provider-data-lookup';
        readonly authorities: readonly ReferenceAuthority[];
        readonly urns?: readonly AuthorityUrn[];
      }
    | {
        readonly kind: 'statistical-neighbours';
        readonly source: string;
        readonly model: string;
        readonly neighbours: readonly NeighbourRow[];
        readonly authorities: readonly ReferenceAuthority[];
      }
    | {
        readonly kind: 'benchmarks';
        readonly source: string;
        readonly values: readonly BenchmarkRow[];
        readonly years: readonly number[];
      }
    | { readonly kind: 'skipped'; readonly source: string; readonly why: string }
    | {
        readonly kind: 'ofsted-outcomes';
        /** The table's source, or ofsted-la-outcomes-workbook for the official workbook (three tables). */
        readonly source: string;
        readonly tables: readonly OfstedOutcomeTable[];
      }
  );

/** A file that cannot be loaded: every problem found in it. */
export class ReferenceFileError extends Error {
  constructor(readonly problems: readonly ReferenceProblem[]) {
    super(problems.map(describeProblem).join('\n'));
  }
}

export function describeProblem(p: ReferenceProblem): string {
  const where = [p.file, p.row !== null ? `row ${p.row}` : null, p.column !== null ? `column ${p.column}` : null]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${p.message}`;
}

/** How many problems are reported per file before giving up on it. */
const MAX_PROBLEMS = 50;

interface Table {
  readonly header: readonly string[];
  /** Lower-cased trimmed header → index. */
  readonly index: ReadonlyMap<string, number>;
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

function readCsvTable(text: string): Table | null {
  let parsed: Array<{ record: string[]; info: { lines: number } }>;
  try {
    parsed = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  } catch {
    return null;
  }
  const [first, ...rest] = parsed;
  if (!first) return null;
  const header = first.record;
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const k = norm(h);
    if (k && !index.has(k)) index.set(k, i);
  });
  const records = rest
    .filter((r) => r.record.some((c) => c !== ''))
    .map((r) => ({ line: r.info.lines, cells: r.record }));
  return { header, index, records };
}

const has = (t: Table, ...cols: string[]) => cols.every((c) => t.index.has(norm(c)));
const cell = (t: Table, cells: readonly string[], col: string): string => {
  const i = t.index.get(norm(col));
  return i === undefined ? '' : (cells[i] ?? '').trim();
};

/** A gzip stream starts with the bytes 1f 8b (RFC 1952). */
const isGzip = (bytes: Buffer) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * A file's bytes, decompressed when it is gzipped (as the repository's reference-data/ keeps its CSVs: file.csv.gz),
 * whatever its name: a gzipped file reads exactly as the published file it was made from.
 */
export async function readReferenceBytes(path: string): Promise<Buffer> {
  const bytes = await readFile(path);
  return isGzip(bytes) ? gunzipSync(bytes) : bytes;
}

/**
 * Reads and recognises one file (gzipped or not: readReferenceBytes). Throws ReferenceFileError when it is not
 * recognised or has a bad row. The sha256 is of the content, so a file and its gzipped copy are the same file.
 */
export async function readReferenceFile(name: string, path: string): Promise<ReferenceFile> {
  const bytes = await readReferenceBytes(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const common = { name, sha256 };
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { ...common, ...readJson(name, trimmed) };
  if (isZip(bytes)) return { ...common, ...(await readWorkbook(name, bytes)) };
  const table = readCsvTable(text);
  if (!table || table.header.length < 2) {
    throw new ReferenceFileError([
      {
        file: name,
        row: null,
        column: null,
        message:
          'Not a reference file Lantern knows: it is neither a CSV with a header row nor a GOV.UK bank-holidays JSON file',
      },
    ]);
  }
  return { ...common, ...readCsv(name, table) };
}

type Body<K> = K extends ReferenceFile ? Omit<K, 'name' | 'sha256'> : never;

function readJson(name: string, text: string): Body<ReferenceFile> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ReferenceFileError([
      {
        file: name,
        row: null,
        column: null,
        message: `Not valid JSON (${e instanceof Error ? e.message : String(e)})`,
      },
    ]);
  }
  try {
    return { kind: 'bank-holidays', source: 'govuk-bank-holidays-json', holidays: parseGovUkBankHolidays(json) };
  } catch (e) {
    throw new ReferenceFileError([
      {
        file: name,
        row: null,
        column: null,
        message: `Not a reference file Lantern knows: ${e instanceof Error ? e.message : String(e)}`,
      },
    ]);
  }
}

function readCsv(name: string, t: Table): Body<ReferenceFile> {
  if (has(t, 'date', 'title', 'weekday')) return readBankHolidayCsv(name, t);
  const cols = [...t.index.keys()];
  if (cols.some((c) => /^ltla\d\dcd$/.test(c)) && cols.some((c) => /^utla\d\dcd$/.test(c))) {
    return {
      kind: 'skipped',
      source: 'ons-ltla-utla-lookup',
      why: 'an ONS lower-tier to upper-tier authority lookup: Lantern benchmarks upper-tier (children’s services) authorities only, and takes their names and GSS codes from the authority lookup',
    };
  }
  if (has(t, 'old_la_code', 'la_name', 'region_name', 'SN_1', 'SN_1P')) return readNeighbours2025(name, t);
  if (has(t, 'LA num', 'LA Name', 'GOReg', 'SN1', 'SNP')) return readNeighbours2021(name, t);
  if (has(t, 'la_code', 'la_code_new', 'local_authority_ons_name')) return readLookup(name, t);
  if (recogniseOutcomeTable(t.header)) return readOutcomesCsv(name, t);
  if (has(t, 'time_period', 'geographic_level')) {
    const table = BENCHMARK_TABLES.find(
      (b) =>
        has(t, ...EES_COLUMNS, ...b.columns) &&
        (!b.hasValue || t.records.some((r) => cell(t, r.cells, b.hasValue?.column ?? '') === b.hasValue?.value)),
    );
    if (table) return readBenchmarks(name, t, table);
    const skipped = SKIPPED_TABLES.find((s) => has(t, ...s.columns));
    if (skipped) return { kind: 'skipped', source: skipped.source, why: skipped.why };
    const missing = EES_COLUMNS.filter((c) => !has(t, c));
    throw new ReferenceFileError([
      {
        file: name,
        row: 1,
        column: missing[0] ?? null,
        message: missing.length
          ? `An Explore Education Statistics file without the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`
          : 'An Explore Education Statistics table Lantern does not use: none of its columns is a measure Lantern benchmarks (see the list of measures)',
      },
    ]);
  }
  throw new ReferenceFileError([
    {
      file: name,
      row: 1,
      column: null,
      message:
        'Not a reference file Lantern knows: its columns match no bank-holiday list, authority lookup, statistical-neighbour model or DfE/ONS statistics table',
    },
  ]);
}

function fail(problems: ReferenceProblem[]): never {
  throw new ReferenceFileError(problems.slice(0, MAX_PROBLEMS));
}

function readBankHolidayCsv(name: string, t: Table): Body<ReferenceFile> {
  const problems: ReferenceProblem[] = [];
  const holidays: BankHoliday[] = [];
  for (const r of t.records) {
    const date = cell(t, r.cells, 'date');
    const title = cell(t, r.cells, 'title');
    if (!isIsoDate(date))
      problems.push({
        file: name,
        row: r.line,
        column: 'date',
        message: `“${date}” is not a date in the form YYYY-MM-DD`,
      });
    else if (!title) problems.push({ file: name, row: r.line, column: 'title', message: 'The holiday has no title' });
    else holidays.push({ date, title });
  }
  if (problems.length) fail(problems);
  return {
    kind: 'bank-holidays',
    source: 'bank-holidays-csv',
    holidays: holidays.sort((a, b) => a.date.localeCompare(b.date)),
  };
}

const LA_NUMBER = /^\d{3}$/;

function readLookup(name: string, t: Table): Body<ReferenceFile> {
  const problems: ReferenceProblem[] = [];
  const authorities = new Map<string, ReferenceAuthority>();
  const urns: AuthorityUrn[] = [];
  for (const r of t.records) {
    const laNumber = cell(t, r.cells, 'la_code');
    const laName = cell(t, r.cells, 'local_authority_ons_name');
    if (!LA_NUMBER.test(laNumber)) {
      problems.push({
        file: name,
        row: r.line,
        column: 'la_code',
        message: `“${laNumber}” is not a 3-digit DfE LA number`,
      });
      continue;
    }
    if (!laName) {
      problems.push({
        file: name,
        row: r.line,
        column: 'local_authority_ons_name',
        message: 'The authority has no name',
      });
      continue;
    }
    const region = regionByName(cell(t, r.cells, 'region_name')) ?? regionByName(cell(t, r.cells, 'rgn22nm'));
    const gss = cell(t, r.cells, 'la_code_new');
    authorities.set(laNumber, {
      laNumber,
      gssCode: /^E\d{8}$/.test(gss) ? gss : null,
      name: laName,
      regionCode: region?.code ?? null,
      regionName: region?.name ?? null,
    });
    // Ofsted's URN: how JT-39's inspection history names an authority (ofsted-outcomes-write.ts).
    const urn = cell(t, r.cells, 'urn');
    if (/^\d+$/.test(urn))
      urns.push({ urn, laNumber, scrapeName: cell(t, r.cells, 'ofsted_ilacs_scrape_la_name').toLowerCase() || null });
  }
  if (problems.length) fail(problems);
  return { kind: 'la-lookup', source: 'provider-data-lookup', authorities: [...authorities.values()], urns };
}

function neighbourRows(
  name: string,
  t: Table,
  spec: {
    la: string;
    laName: string;
    region: string;
    neighbour: (i: number) => { column: string; index: number };
    closeness: (i: number) => number;
  },
): { neighbours: NeighbourRow[]; authorities: ReferenceAuthority[] } {
  const problems: ReferenceProblem[] = [];
  const neighbours: NeighbourRow[] = [];
  const authorities: ReferenceAuthority[] = [];
  for (const r of t.records) {
    const laNumber = cell(t, r.cells, spec.la);
    // A blank line or a section heading ("Old SNs:"): no LA number and no neighbours.
    if (
      !laNumber &&
      Array.from({ length: 10 }, (_, i) => (r.cells[spec.neighbour(i + 1).index] ?? '').trim()).every((c) => c === '')
    )
      continue;
    if (!LA_NUMBER.test(laNumber)) {
      problems.push({
        file: name,
        row: r.line,
        column: spec.la,
        message: `“${laNumber}” is not a 3-digit DfE LA number`,
      });
      continue;
    }
    const region = regionByName(cell(t, r.cells, spec.region));
    authorities.push({
      laNumber,
      gssCode: null,
      name: cell(t, r.cells, spec.laName) || laNumber,
      regionCode: region?.code ?? null,
      regionName: region?.name ?? null,
    });
    for (let rank = 1; rank <= 10; rank++) {
      const n = spec.neighbour(rank);
      const value = (r.cells[n.index] ?? '').trim();
      if (value === '') continue;
      if (!LA_NUMBER.test(value)) {
        problems.push({
          file: name,
          row: r.line,
          column: n.column,
          message: `“${value}” is not a 3-digit DfE LA number`,
        });
        continue;
      }
      const closeness = (r.cells[spec.closeness(rank)] ?? '').trim();
      neighbours.push({ laNumber, rank, neighbourLaNumber: value, closeness: closeness || null });
    }
  }
  if (problems.length) fail(problems);
  return { neighbours, authorities };
}

/** DfE's 2025 statistical-neighbour model, "wide": old_la_code, la_name, region_ind, region_name, SN_1, SN_1P … SN_10P. */
function readNeighbours2025(name: string, t: Table): Body<ReferenceFile> {
  const at = (col: string) => t.index.get(norm(col)) ?? -1;
  const { neighbours, authorities } = neighbourRows(name, t, {
    la: 'old_la_code',
    laName: 'la_name',
    region: 'region_name',
    neighbour: (i) => ({ column: `SN_${i}`, index: at(`SN_${i}`) }),
    closeness: (i) => at(`SN_${i}P`),
  });
  return { kind: 'statistical-neighbours', source: 'sn_model_2025', model: '2025', neighbours, authorities };
}

/**
 * DfE's 2021 groupings: LA num, LA Name, LA number, GOInd, GOReg, then SN1, SNP, SN2, SNP … (every closeness
 * column is headed "SNP", so they are found by position: the column after each SNn).
 */
function readNeighbours2021(name: string, t: Table): Body<ReferenceFile> {
  const positions = new Map<number, number>();
  t.header.forEach((h, i) => {
    const m = /^SN(\d+)$/i.exec(h.trim());
    if (m) positions.set(Number(m[1]), i);
  });
  const { neighbours, authorities } = neighbourRows(name, t, {
    la: 'LA num',
    laName: 'LA Name',
    region: 'GOReg',
    neighbour: (i) => ({ column: `SN${i}`, index: positions.get(i) ?? -1 }),
    closeness: (i) => (positions.get(i) ?? -2) + 1,
  });
  return { kind: 'statistical-neighbours', source: 'sn_groupings_2021', model: '2021', neighbours, authorities };
}

const NUMBER = /^-?\d+(\.\d+)?$/;

/** time_period → the year Lantern files a figure under: 2025 stays 2025; a financial year 202425 is 2025. */
export function publishedYear(timePeriod: string): number | null {
  if (/^\d{4}$/.test(timePeriod)) return Number(timePeriod);
  const m = /^(\d{4})(\d{2})$/.exec(timePeriod);
  if (m && (Number(m[1]) + 1) % 100 === Number(m[2])) return Number(m[1]) + 1;
  return null;
}

const SHARED_LA_NUMBERS = /^\d{3}( \/ \d{3})+$/;

const LEVELS: Readonly<Record<string, BenchmarkRow['level']>> = {
  national: 'national',
  regional: 'regional',
  'local authority': 'la',
};

function readBenchmarks(name: string, t: Table, table: BenchmarkTable): Body<ReferenceFile> {
  const problems: ReferenceProblem[] = [];
  const values = new Map<string, BenchmarkRow>();
  const missing = table.measures.flatMap((m) => [m.column, ...Object.keys(m.where ?? {})]).filter((c) => !has(t, c));
  if (missing.length)
    fail(
      missing.map((c) => ({
        file: name,
        row: 1,
        column: c,
        message: `The ${table.source} table has no column “${c}”`,
      })),
    );
  for (const r of t.records) {
    if (problems.length >= MAX_PROBLEMS) break;
    const get = (c: string) => cell(t, r.cells, c);
    const levelText = get('geographic_level');
    const level = LEVELS[levelText.toLowerCase()];
    if (!level) continue; // other geographies (e.g. local authority district) are not benchmarks
    const timePeriod = get('time_period');
    const year = publishedYear(timePeriod);
    if (year === null) {
      problems.push({
        file: name,
        row: r.line,
        column: 'time_period',
        message: `“${timePeriod}” is not a year (2025) or a financial year (202425)`,
      });
      continue;
    }
    let areaCode: string;
    let areaName: string;
    let regionCode: string | null = null;
    if (level === 'national') {
      areaCode = get('country_code');
      areaName = get('country_name') || 'England';
    } else if (level === 'regional') {
      areaCode = get('region_code');
      areaName = get('region_name');
      regionCode = areaCode;
    } else {
      areaCode = get('old_la_code');
      areaName = get('la_name');
      regionCode = get('region_code') || null;
    }
    const codeColumn = level === 'national' ? 'country_code' : level === 'regional' ? 'region_code' : 'old_la_code';
    // Two authorities that share one service publish one row under both numbers ("314 / 318": Kingston and
    // Richmond's social work workforce); it is kept under that code (benchmarks.ts finds either number in it).
    const codeOk =
      level === 'la' ? LA_NUMBER.test(areaCode) || SHARED_LA_NUMBERS.test(areaCode) : /^E\d{8}$/.test(areaCode);
    if (!codeOk) {
      problems.push({
        file: name,
        row: r.line,
        column: codeColumn,
        message: `A ${levelText} row needs ${level === 'la' ? 'a 3-digit old LA code' : 'a 9-character area code'}, not “${areaCode}”`,
      });
      continue;
    }
    for (const m of table.measures) {
      if (m.where && !Object.entries(m.where).every(([c, v]) => get(c) === v)) continue;
      const raw = get(m.column);
      let value: number | null = null;
      let suppressed: string | null = null;
      if (NUMBER.test(raw)) value = Number(raw);
      else if (SUPPRESSION_MARKERS.has(raw.toLowerCase())) suppressed = raw;
      else {
        problems.push({
          file: name,
          row: r.line,
          column: m.column,
          message:
            raw === ''
              ? 'The cell is empty: a figure or a suppression marker (c, z, x, u, k, low) was expected'
              : `“${raw}” is neither a number nor a suppression marker (c, z, x, u, k, low)`,
        });
        continue;
      }
      values.set(`${m.measure}|${year}|${level}|${areaCode}`, {
        measure: m.measure,
        year,
        level,
        areaCode,
        areaName: areaName || areaCode,
        regionCode,
        value,
        suppressed,
      });
    }
  }
  if (problems.length) fail(problems);
  const rows = [...values.values()];
  return {
    kind: 'benchmarks',
    source: table.source,
    values: rows,
    years: [...new Set(rows.map((v) => v.year))].sort(),
  };
}

/** One of Ofsted's outcomes tables as CSV (ofsted-outcomes.ts). */
function readOutcomesCsv(name: string, t: Table): Body<ReferenceFile> {
  const { table, problems } = readOutcomeTable(t, name);
  if (problems.length) fail(problems.map((p) => ({ file: name, ...p })));
  if (!table) fail([{ file: name, row: 1, column: null, message: 'Not an Ofsted outcomes table Lantern knows' }]);
  return { kind: 'ofsted-outcomes', source: table.source, tables: [table] };
}

/**
 * A spreadsheet: Ofsted's outcomes workbook (ODS) or a scrape's overview (XLSX). Other workbooks are refused: the
 * other reference data is loaded from the published CSV or JSON files.
 */
async function readWorkbook(name: string, bytes: Buffer): Promise<Body<ReferenceFile>> {
  let read: WorkbookOutcomes;
  try {
    read = (await isOds(bytes)) ? await readOdsOutcomes(bytes) : await readXlsxOutcomes(bytes);
  } catch (e) {
    fail([
      {
        file: name,
        row: null,
        column: null,
        message: `The spreadsheet could not be read (${e instanceof Error ? e.message : String(e)})`,
      },
    ]);
  }
  if (read.problems.length)
    fail(
      read.problems.map((p) => ({
        file: `${name} (sheet ${p.sheet})`,
        row: p.row,
        column: p.column,
        message: p.message,
      })),
    );
  const [first, ...rest] = read.tables;
  if (!first) {
    fail([
      {
        file: name,
        row: null,
        column: null,
        message:
          'A spreadsheet with no table Lantern knows: spreadsheets are read only for Ofsted’s inspection outcomes; other reference data is loaded from the published CSV or JSON files',
      },
    ]);
  }
  const source =
    rest.length === 0
      ? first.source
      : first.source.startsWith('ofsted-')
        ? 'ofsted-la-outcomes-workbook'
        : 'ofsted-outcomes-workbook';
  return { kind: 'ofsted-outcomes', source, tables: read.tables };
}

/** In words, for the import summary. */
export function describeOutcomeSource(source: string): string {
  return (
    (OUTCOME_SOURCES as Record<string, string>)[source] ??
    (source === 'ofsted-la-outcomes-workbook' ? 'Ofsted: LA inspection outcomes workbook' : source)
  );
}
