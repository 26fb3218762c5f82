/**
 * The postcode lookup behind the SSDA903 location rules (decision 0027): postcode → the authority it lies in and its
 * grid reference.
 *
 * - **Loading a postcode directory.** `lantern reference import` (and the Reference data page) recognise the ONS
 *   Postcode Directory (ONSPD) and the National Statistics Postcode Lookup (NSPL) as CSV by their header: a postcode
 *   column (pcds, or pcd/pcd2/pcd7/pcd8), the local authority district (laua, oslaua or ladNNcd), and the grid
 *   reference (oseast1m and osnrth1m, or east1m and north1m). The county column (cty, oscty or ctyNNcd), where there
 *   is one, is read too: in a two-tier area it is the county that runs children's services, which the 903 compares
 *   with (the validator maps the district to its upper tier; the county column is the same fact in the same file).
 *   Nothing else is read. The file is streamed (the whole directory is over a gigabyte and 2.7 million rows) and
 *   replaces the national lookup in one transaction; a row whose postcode, codes or grid reference are malformed
 *   refuses the whole file.
 * - **The demo's synthetic lookup** is written by the demo generator for its own made-up postcodes, scoped to the
 *   demo authority and labelled synthetic-demo.
 * - **Looking up** prefers the authority's own rows (the demo's) over the national ones.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { normalisePostcode, type GridReference } from '../../domain/postcodes';
import { csvRecords } from './csv-stream';
import { ReferenceFileError, type ReferenceProblem } from './files';

export const NATIONAL_SCOPE = 'national';
export const ONS_SOURCE = 'ons-postcode-directory';

export interface PostcodeRow {
  postcode: string;
  laCode: string | null;
  easting: number | null;
  northing: number | null;
}

/** What a postcode lookup says of one postcode. */
export interface PostcodeFacts {
  /** The GSS code of the authority with children's services (W…, S…, N… outside England), or null. */
  laCode: string | null;
  grid: GridReference | null;
  source: string;
}

/** Replaces the rows of one scope. */
export async function writePostcodeRows(
  tx: Tx,
  scope: string,
  source: string,
  list: readonly PostcodeRow[],
): Promise<void> {
  await tx.execute(sql`delete from postcode_lookup where scope = ${scope}`);
  await insertPostcodeRows(tx, scope, source, list);
}

async function insertPostcodeRows(tx: Tx, scope: string, source: string, list: readonly PostcodeRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += 5000) {
    const json = JSON.stringify(list.slice(i, i + 5000));
    await tx.execute(sql`
      insert into postcode_lookup (scope, postcode, la_code, easting, northing, source)
      select ${scope}, x.postcode, x."laCode", x.easting, x.northing, ${source}
      from jsonb_to_recordset(${json}::jsonb) as x(postcode text, "laCode" text, easting int, northing int)
      on conflict (scope, postcode) do update set
        la_code = excluded.la_code, easting = excluded.easting, northing = excluded.northing, source = excluded.source`);
  }
}

/** Whether a lookup is loaded that covers the authority (national, or its own). */
export async function hasPostcodeLookup(tx: Tx, authorityCode: string): Promise<boolean> {
  const found = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from postcode_lookup where scope in (${NATIONAL_SCOPE}, ${authorityCode}) limit 1`,
  );
  return found.length > 0;
}

/** The facts for each postcode found (postcodes in Lantern's form), the authority's own rows first. */
export async function lookUpPostcodes(
  tx: Tx,
  authorityCode: string,
  postcodes: readonly string[],
): Promise<Map<string, PostcodeFacts>> {
  const out = new Map<string, PostcodeFacts>();
  const unique = [...new Set(postcodes)];
  for (let i = 0; i < unique.length; i += 10000) {
    const json = JSON.stringify(unique.slice(i, i + 10000));
    const found = await rows<{
      postcode: string;
      la_code: string | null;
      easting: number | null;
      northing: number | null;
      source: string;
    }>(
      tx,
      sql`
        select distinct on (l.postcode) l.postcode, l.la_code, l.easting, l.northing, l.source
        from postcode_lookup l
        where l.scope in (${NATIONAL_SCOPE}, ${authorityCode})
          and l.postcode in (select jsonb_array_elements_text(${json}::jsonb))
        order by l.postcode, (l.scope = ${NATIONAL_SCOPE})`,
    );
    for (const r of found) {
      out.set(r.postcode, {
        laCode: r.la_code,
        grid:
          r.easting === null || r.northing === null
            ? null
            : { easting: Number(r.easting), northing: Number(r.northing) },
        source: r.source,
      });
    }
  }
  return out;
}

// --- Reading a postcode directory -------------------------------------------------------------------------------

const POSTCODE_COLUMNS = ['pcds', 'pcd', 'pcd2', 'pcd7', 'pcd8'];
const DISTRICT_COLUMN = /^(laua|oslaua|lad\d\dcd)$/;
const COUNTY_COLUMN = /^(cty|oscty|cty\d\dcd)$/;
const EAST_COLUMNS = ['oseast1m', 'east1m'];
const NORTH_COLUMNS = ['osnrth1m', 'north1m'];

interface DirectoryColumns {
  postcode: number;
  district: number;
  county: number | null;
  east: number;
  north: number;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase();

/** The columns Lantern reads, when a CSV header is that of a postcode directory; otherwise null. */
export function postcodeDirectoryColumns(header: readonly string[]): DirectoryColumns | null {
  const names = header.map(norm);
  const first = (list: readonly string[]) => {
    for (const c of list) {
      const i = names.indexOf(c);
      if (i !== -1) return i;
    }
    return -1;
  };
  const postcode = first(POSTCODE_COLUMNS);
  const district = names.findIndex((n) => DISTRICT_COLUMN.test(n));
  const county = names.findIndex((n) => COUNTY_COLUMN.test(n));
  const east = first(EAST_COLUMNS);
  const north = first(NORTH_COLUMNS);
  if (postcode === -1 || district === -1 || east === -1 || north === -1) return null;
  return { postcode, district, county: county === -1 ? null : county, east, north };
}

const GSS = /^[A-Z]\d{8}$/;
/** ONS's "no such area" codes (E99999999 and the like): not a county. */
const PSEUDO = /^[A-Z]99999999$/;

/**
 * Streams a postcode directory into the national lookup, replacing it, inside the caller's transaction. Throws
 * ReferenceFileError with the first problems when a row is malformed (the transaction then writes nothing).
 */
export async function loadPostcodeDirectory(
  tx: Tx,
  name: string,
  path: string,
): Promise<{ rows: number; note: string }> {
  await tx.execute(sql`delete from postcode_lookup where scope = ${NATIONAL_SCOPE}`);
  const parser = await csvRecords(path);
  let columns: DirectoryColumns | null = null;
  const problems: ReferenceProblem[] = [];
  let batch: PostcodeRow[] = [];
  let line = 0;
  let written = 0;
  let withoutGrid = 0;
  for await (const record of parser) {
    line++;
    if (columns === null) {
      columns = postcodeDirectoryColumns(record);
      if (columns === null)
        throw new ReferenceFileError([
          { file: name, row: 1, column: null, message: 'Not a postcode directory: its columns have changed' },
        ]);
      continue;
    }
    const cell = (i: number | null) => (i === null ? '' : (record[i] ?? '').trim());
    const raw = cell(columns.postcode);
    const postcode = normalisePostcode(raw);
    const district = cell(columns.district);
    const county = cell(columns.county);
    const east = cell(columns.east);
    const north = cell(columns.north);
    const problem = (column: string, message: string) => {
      if (problems.length < 50) problems.push({ file: name, row: line, column, message });
    };
    if (postcode === null) {
      problem('pcds', `“${raw}” is not a postcode`);
      continue;
    }
    if (district !== '' && !GSS.test(district)) problem('laua', `“${district}” is not a GSS code`);
    if (county !== '' && !GSS.test(county)) problem('cty', `“${county}” is not a GSS code`);
    const easting = east === '' ? null : Number(east);
    const northing = north === '' ? null : Number(north);
    if (easting !== null && !Number.isInteger(easting)) problem('oseast1m', `“${east}” is not a grid reference`);
    if (northing !== null && !Number.isInteger(northing)) problem('osnrth1m', `“${north}” is not a grid reference`);
    if (problems.length > 0) continue;
    const hasGrid = easting !== null && northing !== null;
    if (!hasGrid) withoutGrid++;
    batch.push({
      postcode,
      laCode: county !== '' && !PSEUDO.test(county) ? county : district === '' ? null : district,
      easting: hasGrid ? easting : null,
      northing: hasGrid ? northing : null,
    });
    if (batch.length >= 20000) {
      await insertPostcodeRows(tx, NATIONAL_SCOPE, ONS_SOURCE, batch);
      written += batch.length;
      batch = [];
    }
  }
  if (columns === null)
    throw new ReferenceFileError([{ file: name, row: null, column: null, message: 'The file is empty' }]);
  if (problems.length > 0) throw new ReferenceFileError(problems);
  await insertPostcodeRows(tx, NATIONAL_SCOPE, ONS_SOURCE, batch);
  written += batch.length;
  return {
    rows: written,
    note:
      `${written} postcodes with their authority and grid reference, for the SSDA903 location rules` +
      (withoutGrid > 0 ? ` (${withoutGrid} without a grid reference)` : '') +
      '.',
  };
}
