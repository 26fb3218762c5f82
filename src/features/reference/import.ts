/**
 * Loads published reference files (bank holidays, the authority lookup, DfE statistical neighbours, DfE / ONS
 * benchmark tables) into the reference tables: every file is read and checked first, then all of them are written
 * in ONE transaction, so a bad file means nothing changes. A file loaded again replaces what it loaded before (the
 * years a benchmark table or a bank-holiday list covers; a neighbour model whole; authorities by LA number), so
 * figures are never doubled.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { rows } from '../../db/query';
import { DERIVED_RATES } from './benchmark-tables';
import { forgetWorkingDayCalendar, loadImportedBankHolidays, rebuildWorkingDayCalendar } from './calendar';
import {
  describeOutcomeSource,
  readReferenceFile,
  ReferenceFileError,
  type ReferenceFile,
  type ReferenceProblem,
} from './files';
import { outcomeResolver, writeOfstedOutcomes, type OutcomeResolver } from './ofsted-outcomes-write';
import { firstLine } from './csv-stream';
import { loadPostcodeDirectory, ONS_SOURCE, postcodeDirectoryColumns } from './postcodes';
import { loadProviderList, OFSTED_PROVIDERS_SOURCE, providerListColumns } from './providers';

export interface ReferenceFileInput {
  /** The name shown in messages and kept in reference_imports (the uploaded or given file name). */
  readonly name: string;
  readonly path: string;
}

export interface LoadedFile {
  readonly name: string;
  readonly kind: ReferenceFile['kind'] | 'postcodes' | 'providers';
  readonly source: string;
  /** Rows written (bank holidays, authorities, neighbour pairs, figures); 0 for a skipped file. */
  readonly rows: number;
  /** What was loaded, or why the file was skipped, in words. */
  readonly note: string;
  /** Rows recognised and deliberately not loaded (Ofsted outcomes the scrape could not read). */
  readonly skipped?: number;
  /** The same file (sha256) was loaded before and its rows are still the ones kept: nothing was written. */
  readonly unchanged?: boolean;
}

export interface ReferenceImportResult {
  readonly files: readonly LoadedFile[];
  /** Derived rate figures recomputed after the load (cin-rate-per-10k, referrals-rate-per-10k). */
  readonly derived: number;
  readonly seconds: number;
}

/** Rows per INSERT: JSON bodies of a few hundred kilobytes. */
const CHUNK = 4000;

async function insertJson(tx: Tx, records: readonly object[], statement: (json: string) => SQL): Promise<void> {
  for (let i = 0; i < records.length; i += CHUNK) {
    await tx.execute(statement(JSON.stringify(records.slice(i, i + CHUNK))));
  }
}

function yearsList(years: readonly number[]): SQL {
  return sql.join(
    years.map((y) => sql`${y}`),
    sql`, `,
  );
}

function describeYears(years: readonly number[]): string {
  if (years.length === 0) return 'no years';
  const first = years[0];
  const last = years[years.length - 1];
  return first === last ? String(first) : `${first}–${last}`;
}

async function writeFile(tx: Tx, file: ReferenceFile): Promise<LoadedFile> {
  const base = { name: file.name, kind: file.kind, source: file.source };
  switch (file.kind) {
    case 'skipped':
      return { ...base, rows: 0, note: `Recognised and not loaded: ${file.why}.` };
    case 'ofsted-outcomes':
      throw new Error('Ofsted outcomes are written by writeOfstedOutcomes');
    case 'bank-holidays': {
      const years = [...new Set(file.holidays.map((h) => Number(h.date.slice(0, 4))))].sort();
      if (years.length) {
        await tx.execute(
          sql`delete from bank_holidays where division = 'england-and-wales' and extract(year from date)::int in (${yearsList(years)})`,
        );
      }
      await insertJson(
        tx,
        file.holidays.map((h) => ({ date: h.date, title: h.title })),
        (json) => sql`
          insert into bank_holidays (division, date, title)
          select 'england-and-wales', x.date, x.title from jsonb_to_recordset(${json}::jsonb) as x(date date, title text)
          on conflict (division, date) do update set title = excluded.title`,
      );
      return {
        ...base,
        rows: file.holidays.length,
        note: `${file.holidays.length} England and Wales bank holidays, replacing ${describeYears(years)}.`,
      };
    }
    case 'la-lookup': {
      await insertJson(
        tx,
        file.authorities,
        (json) => sql`
          insert into reference_authorities (la_number, gss_code, name, region_code, region_name)
          select x."laNumber", x."gssCode", x.name, x."regionCode", x."regionName"
          from jsonb_to_recordset(${json}::jsonb) as x("laNumber" text, "gssCode" text, name text, "regionCode" text, "regionName" text)
          on conflict (la_number) do update set
            gss_code = coalesce(excluded.gss_code, reference_authorities.gss_code),
            name = excluded.name,
            region_code = coalesce(excluded.region_code, reference_authorities.region_code),
            region_name = coalesce(excluded.region_name, reference_authorities.region_name)`,
      );
      return {
        ...base,
        rows: file.authorities.length,
        note: `${file.authorities.length} authorities (LA number, GSS code, name, region).`,
      };
    }
    case 'statistical-neighbours': {
      // Names and regions only fill gaps: the authority lookup's are preferred.
      await insertJson(
        tx,
        file.authorities,
        (json) => sql`
          insert into reference_authorities (la_number, gss_code, name, region_code, region_name)
          select x."laNumber", null, x.name, x."regionCode", x."regionName"
          from jsonb_to_recordset(${json}::jsonb) as x("laNumber" text, name text, "regionCode" text, "regionName" text)
          on conflict (la_number) do update set
            region_code = coalesce(reference_authorities.region_code, excluded.region_code),
            region_name = coalesce(reference_authorities.region_name, excluded.region_name)`,
      );
      await tx.execute(sql`delete from statistical_neighbours where model = ${file.model}`);
      await insertJson(
        tx,
        file.neighbours,
        (json) => sql`
          insert into statistical_neighbours (model, la_number, rank, neighbour_la_number, closeness)
          select ${file.model}, x."laNumber", x.rank, x."neighbourLaNumber", x.closeness
          from jsonb_to_recordset(${json}::jsonb) as x("laNumber" text, rank int, "neighbourLaNumber" text, closeness text)`,
      );
      return {
        ...base,
        rows: file.neighbours.length,
        note: `The ${file.model} statistical-neighbour model: ${file.authorities.length} authorities, ${file.neighbours.length} neighbours.`,
      };
    }
    case 'benchmarks': {
      if (file.years.length) {
        await tx.execute(
          sql`delete from benchmark_values where source = ${file.source} and year in (${yearsList(file.years)})`,
        );
      }
      await insertJson(
        tx,
        file.values,
        (json) => sql`
          insert into benchmark_values (measure, year, level, area_code, area_name, region_code, value, suppressed, source)
          select x.measure, x.year, x.level, x."areaCode", x."areaName", x."regionCode", x.value, x.suppressed, ${file.source}
          from jsonb_to_recordset(${json}::jsonb)
            as x(measure text, year int, level text, "areaCode" text, "areaName" text, "regionCode" text, value numeric, suppressed text)
          on conflict (measure, year, level, area_code) do update set
            area_name = excluded.area_name, region_code = excluded.region_code, value = excluded.value,
            suppressed = excluded.suppressed, source = excluded.source`,
      );
      const measures = [...new Set(file.values.map((v) => v.measure))];
      return {
        ...base,
        rows: file.values.length,
        note: `${file.values.length} figures for ${describeYears(file.years)}: ${measures.join(', ')}.`,
      };
    }
  }
}

/**
 * Recomputes the derived rates (benchmark-tables.ts DERIVED_RATES) from the counts and populations now loaded:
 * count of year Y ÷ population of mid-year Y − 1 × 10,000, 1 decimal place. When the count or the population is
 * suppressed the rate is suppressed with the same marker; when either is missing there is no rate.
 */
export async function recomputeDerivedRates(tx: Tx): Promise<number> {
  let written = 0;
  for (const d of DERIVED_RATES) {
    await tx.execute(sql`delete from benchmark_values where measure = ${d.measure}`);
    const out = await rows<{ n: number | string }>(
      tx,
      sql`
      with inserted as (
        insert into benchmark_values (measure, year, level, area_code, area_name, region_code, value, suppressed, source)
        select ${d.measure}, c.year, c.level, c.area_code, c.area_name, c.region_code,
          case when c.value is not null and p.value is not null and p.value > 0 then round(c.value * 10000 / p.value, 1) end,
          case when c.value is null then coalesce(c.suppressed, 'x') when p.value is null then coalesce(p.suppressed, 'x') when p.value <= 0 then 'z' end,
          ${`derived: ${d.count} ÷ population-0-17 (mid-year before) × 10,000`}
        from benchmark_values c
        join benchmark_values p on p.measure = 'population-0-17' and p.year = c.year - 1 and p.level = c.level and p.area_code = c.area_code
        where c.measure = ${d.count}
        returning 1
      )
      select count(*) as n from inserted`,
    );
    written += Number(out[0]?.n ?? 0);
  }
  return written;
}

/**
 * Reads, checks and loads the files, all or nothing. Throws ReferenceFileError (every problem in every file: file,
 * row, column, message) when any file is not recognised or has a bad row; then nothing has been written.
 */
export async function importReferenceFiles(
  db: Db,
  files: readonly ReferenceFileInput[],
  importedBy: string,
): Promise<ReferenceImportResult> {
  const started = performance.now();
  const problems: ReferenceProblem[] = [];
  const read: ReferenceFile[] = [];
  // A postcode directory is too large to read whole: it is recognised by its header and streamed in the transaction.
  const directories: ReferenceFileInput[] = [];
  // Ofsted's provider list (the 903 URN rules) is recognised by its header and read in the transaction too.
  const providerLists: ReferenceFileInput[] = [];
  for (const f of files) {
    try {
      const header = await firstLine(f.path);
      if (header !== null && postcodeDirectoryColumns(header) !== null) {
        directories.push(f);
        continue;
      }
      if (header !== null && providerListColumns(header) !== null) {
        providerLists.push(f);
        continue;
      }
      read.push(await readReferenceFile(f.name, f.path));
    } catch (e) {
      if (e instanceof ReferenceFileError) problems.push(...e.problems);
      else
        problems.push({
          file: f.name,
          row: null,
          column: null,
          message: `The file could not be read (${e instanceof Error ? e.message : String(e)})`,
        });
    }
  }
  if (problems.length) throw new ReferenceFileError(problems);
  if (read.length === 0 && directories.length === 0 && providerLists.length === 0)
    throw new ReferenceFileError([{ file: '(none)', row: null, column: null, message: 'No files were given' }]);

  // Bank holidays go last, so that the working-day functions change only once everything else has been written;
  // Ofsted outcomes after the authority lookups, whose names and URNs they are resolved against.
  const order = (f: ReferenceFile) => (f.kind === 'bank-holidays' ? 2 : f.kind === 'ofsted-outcomes' ? 1 : 0);
  const sorted = read
    .map((file, index) => ({ file, index }))
    .sort((a, b) => order(a.file) - order(b.file) || a.index - b.index);
  const hasHolidays = read.some((f) => f.kind === 'bank-holidays');
  const hasBenchmarks = read.some((f) => f.kind === 'benchmarks');

  const { loaded, derived } = await db.transaction(async (tx) => {
    const out: LoadedFile[] = new Array<LoadedFile>(read.length);
    let resolver: OutcomeResolver | null = null;
    for (const { file, index } of sorted) {
      if (file.kind === 'ofsted-outcomes') {
        resolver ??= await outcomeResolver(tx, read);
        const written = await writeOfstedOutcomes(tx, file, importedBy, resolver, describeOutcomeSource);
        if ('problems' in written) throw new ReferenceFileError(written.problems);
        out[index] = {
          name: file.name,
          kind: file.kind,
          source: file.source,
          rows: written.rows,
          note: written.note,
          skipped: written.skipped,
          unchanged: written.unchanged,
        };
        continue;
      }
      const result = await writeFile(tx, file);
      out[index] = result;
      await tx.execute(sql`
        insert into reference_imports (kind, source, file_name, sha256, rows, imported_by)
        values (${file.kind}, ${file.source}, ${file.name}, ${file.sha256}, ${result.rows}, ${importedBy})`);
    }
    for (const f of directories) {
      const loaded = await loadPostcodeDirectory(tx, f.name, f.path);
      out.push({ name: f.name, kind: 'postcodes', source: ONS_SOURCE, rows: loaded.rows, note: loaded.note });
      await tx.execute(sql`
        insert into reference_imports (kind, source, file_name, sha256, rows, imported_by)
        values ('postcodes', ${ONS_SOURCE}, ${f.name}, '', ${loaded.rows}, ${importedBy})`);
    }
    for (const f of providerLists) {
      const loaded = await loadProviderList(tx, f.name, f.path);
      out.push({
        name: f.name,
        kind: 'providers',
        source: OFSTED_PROVIDERS_SOURCE,
        rows: loaded.rows,
        note: loaded.note,
      });
      await tx.execute(sql`
        insert into reference_imports (kind, source, file_name, sha256, rows, imported_by)
        values ('providers', ${OFSTED_PROVIDERS_SOURCE}, ${f.name}, '', ${loaded.rows}, ${importedBy})`);
    }
    const derivedRows = hasBenchmarks ? await recomputeDerivedRates(tx) : 0;
    if (hasHolidays) {
      await loadImportedBankHolidays(tx);
      await rebuildWorkingDayCalendar(tx);
    }
    return { loaded: out, derived: derivedRows };
  });
  if (hasHolidays) forgetWorkingDayCalendar(db);
  // In the order the files were given.
  return { files: loaded, derived, seconds: (performance.now() - started) / 1000 };
}

/** Folders Lantern does not read reference data from. */
const SKIPPED_FOLDERS = new Set<string>();
/** Spreadsheets are read for Ofsted's inspection outcomes (the official ODS workbook, the scrapes' XLSX overview). */
const READ_EXTENSIONS = new Set(['.csv', '.json', '.ods', '.xlsx']);
/** CSV and JSON files may also be gzipped (file.csv.gz): they are read as the file inside. */
const GZIPPED_EXTENSIONS = new Set(['.csv', '.json']);

function isReadable(name: string): boolean {
  const lower = name.toLowerCase();
  if (lower.endsWith('.gz')) return GZIPPED_EXTENSIONS.has(path.extname(lower.slice(0, -3)));
  return READ_EXTENSIONS.has(path.extname(lower));
}

/** Every .csv, .json, .ods and .xlsx file (and .csv.gz, .json.gz) in a folder tree (not read-me files), sorted by path. */
export async function referenceFilesIn(dir: string): Promise<ReferenceFileInput[]> {
  const out: ReferenceFileInput[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(folder, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) await walk(full);
      } else if (e.isFile() && isReadable(e.name)) {
        out.push({ name: path.relative(dir, full), path: full });
      }
    }
  };
  await walk(dir);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** Loads every reference file in a folder tree (see referenceFilesIn), all or nothing. */
export async function importReferenceFolder(db: Db, dir: string, importedBy: string): Promise<ReferenceImportResult> {
  return importReferenceFiles(db, await referenceFilesIn(dir), importedBy);
}
