/**
 * Ofsted's register of children's social care providers behind the SSDA903 URN rules (decision 0027): URN → the
 * placement types and providers the setting may be, its postcode and the day its registration ended.
 *
 * - **Loading the register.** `lantern reference import` (and the Reference data page) recognise Ofsted's
 *   provider-level list as CSV (the children's homes and social care providers list the DfE's 903 validator reads,
 *   saved as CSV) by its header: URN, Placement code, Placement provider code and the setting's postcode (Setting
 *   address postcode, or Setting postcode), with Deregistration date (or Closed date) where there is one. Nothing else
 *   is read. Codes may be separated by `/` or `,` (K2/K1); dates are 31/03/2026 or 2026-03-31. The file replaces the
 *   national register in one transaction; a row whose URN, codes, postcode or date is malformed refuses the whole
 *   file, naming file, row and column.
 * - **The demo's synthetic register** is written by the demo generator for the URNs it makes up, scoped to the demo
 *   authority and labelled synthetic-demo.
 * - **Looking up** prefers the authority's own rows (the demo's) over the national ones.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { isIsoDate } from '../../domain/dates';
import { normalisePostcode } from '../../domain/postcodes';
import { csvRecords } from './csv-stream';
import { ReferenceFileError, type ReferenceProblem } from './files';
import { NATIONAL_SCOPE } from './postcodes';

export const OFSTED_PROVIDERS_SOURCE = 'ofsted-provider-list';

/** An Ofsted URN as the 903 writes one: SC and six digits, or six or seven digits. */
export const URN_SHAPE = /^(SC\d{6}|\d{6,7})$/;

export interface ProviderRow {
  urn: string;
  /** PLACE codes, comma-separated ('' when none given). */
  placeCodes: string;
  /** PLACE_PROVIDER codes, comma-separated ('' when none given). */
  providerCodes: string;
  postcode: string | null;
  /** ISO date the registration ended, or null. */
  closed: string | null;
}

/** What the register says of one URN. */
export interface ProviderFacts {
  placeCodes: readonly string[];
  providerCodes: readonly string[];
  postcode: string | null;
  closed: string | null;
  source: string;
}

/** Replaces the rows of one scope. */
export async function writeProviderRows(
  tx: Tx,
  scope: string,
  source: string,
  list: readonly ProviderRow[],
): Promise<void> {
  await tx.execute(sql`delete from provider_lookup where scope = ${scope}`);
  await insertProviderRows(tx, scope, source, list);
}

async function insertProviderRows(tx: Tx, scope: string, source: string, list: readonly ProviderRow[]): Promise<void> {
  for (let i = 0; i < list.length; i += 5000) {
    const json = JSON.stringify(list.slice(i, i + 5000));
    await tx.execute(sql`
      insert into provider_lookup (scope, urn, place_codes, provider_codes, postcode, closed, source)
      select ${scope}, x.urn, x."placeCodes", x."providerCodes", x.postcode, x.closed::date, ${source}
      from jsonb_to_recordset(${json}::jsonb)
        as x(urn text, "placeCodes" text, "providerCodes" text, postcode text, closed text)
      on conflict (scope, urn) do update set
        place_codes = excluded.place_codes, provider_codes = excluded.provider_codes, postcode = excluded.postcode,
        closed = excluded.closed, source = excluded.source`);
  }
}

/** Whether a register is loaded that covers the authority (national, or its own). */
export async function hasProviderLookup(tx: Tx, authorityCode: string): Promise<boolean> {
  const found = await rows<{ one: number }>(
    tx,
    sql`select 1 as one from provider_lookup where scope in (${NATIONAL_SCOPE}, ${authorityCode}) limit 1`,
  );
  return found.length > 0;
}

const split = (codes: string) => (codes === '' ? [] : codes.split(','));

/** The facts for each URN found (URNs upper case), the authority's own rows first. */
export async function lookUpProviders(
  tx: Tx,
  authorityCode: string,
  urns: readonly string[],
): Promise<Map<string, ProviderFacts>> {
  const out = new Map<string, ProviderFacts>();
  const unique = [...new Set(urns)];
  for (let i = 0; i < unique.length; i += 10000) {
    const json = JSON.stringify(unique.slice(i, i + 10000));
    const found = await rows<{
      urn: string;
      place_codes: string;
      provider_codes: string;
      postcode: string | null;
      closed: string | null;
      source: string;
    }>(
      tx,
      sql`
        select distinct on (l.urn) l.urn, l.place_codes, l.provider_codes, l.postcode,
          to_char(l.closed, 'YYYY-MM-DD') as closed, l.source
        from provider_lookup l
        where l.scope in (${NATIONAL_SCOPE}, ${authorityCode})
          and l.urn in (select jsonb_array_elements_text(${json}::jsonb))
        order by l.urn, (l.scope = ${NATIONAL_SCOPE})`,
    );
    for (const r of found)
      out.set(r.urn, {
        placeCodes: split(r.place_codes),
        providerCodes: split(r.provider_codes),
        postcode: r.postcode,
        closed: r.closed,
        source: r.source,
      });
  }
  return out;
}

// --- Reading Ofsted's provider list -----------------------------------------------------------------------------

interface ListColumns {
  urn: number;
  place: number;
  provider: number;
  postcode: number;
  closed: number | null;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/^"|"$/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');

/** The columns Lantern reads, when a CSV header is that of Ofsted's provider list; otherwise null. */
export function providerListColumns(header: readonly string[]): ListColumns | null {
  const names = header.map(norm);
  const first = (...list: string[]) => {
    for (const c of list) {
      const i = names.indexOf(c);
      if (i !== -1) return i;
    }
    return -1;
  };
  const urn = first('urn');
  const place = first('placement code');
  const provider = first('placement provider code');
  const postcode = first('setting address postcode', 'setting postcode');
  const closed = first('deregistration date', 'closed date');
  if (urn === -1 || place === -1 || provider === -1 || postcode === -1) return null;
  return { urn, place, provider, postcode, closed: closed === -1 ? null : closed };
}

const PLACE_CODE = /^[A-Z][A-Z0-9]{1,2}$/;
const PROVIDER_CODE = /^PR\d$/;

/** Codes separated by `/`, `,` or spaces, upper case; null when one is not shaped like a code. */
function codes(cell: string, shape: RegExp): string[] | null {
  const list = cell
    .toUpperCase()
    .split(/[/,\s]+/)
    .filter((c) => c !== '');
  return list.every((c) => shape.test(c)) ? list : null;
}

/** 31/03/2026 or 2026-03-31 (a time after it is ignored) as an ISO date; null when it is neither. */
function readDate(cell: string): string | null {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(cell);
  const iso = uk ? `${uk[3]}-${uk[2]?.padStart(2, '0')}-${uk[1]?.padStart(2, '0')}` : cell.slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

/**
 * Reads Ofsted's provider list into the national register, replacing it, inside the caller's transaction. Throws
 * ReferenceFileError with the first problems when a row is malformed (the transaction then writes nothing).
 */
export async function loadProviderList(tx: Tx, name: string, path: string): Promise<{ rows: number; note: string }> {
  const parser = await csvRecords(path);
  let columns: ListColumns | null = null;
  const problems: ReferenceProblem[] = [];
  const list = new Map<string, ProviderRow>();
  let line = 0;
  let closedCount = 0;
  for await (const record of parser) {
    line++;
    if (columns === null) {
      columns = providerListColumns(record);
      if (columns === null)
        throw new ReferenceFileError([
          { file: name, row: 1, column: null, message: 'Not an Ofsted provider list: its columns have changed' },
        ]);
      continue;
    }
    const cell = (i: number | null) => (i === null ? '' : (record[i] ?? '').trim());
    const problem = (column: string, message: string) => {
      if (problems.length < 50) problems.push({ file: name, row: line, column, message });
    };
    const urn = cell(columns.urn).toUpperCase();
    if (!URN_SHAPE.test(urn)) problem('URN', `“${urn}” is not an Ofsted URN`);
    const place = codes(cell(columns.place), PLACE_CODE);
    if (place === null) problem('Placement code', `“${cell(columns.place)}” is not a list of placement codes`);
    const provider = codes(cell(columns.provider), PROVIDER_CODE);
    if (provider === null)
      problem('Placement provider code', `“${cell(columns.provider)}” is not a list of placement provider codes`);
    const rawPostcode = cell(columns.postcode);
    const postcode = rawPostcode === '' ? null : normalisePostcode(rawPostcode);
    if (rawPostcode !== '' && postcode === null)
      problem('Setting address postcode', `“${rawPostcode}” is not a postcode`);
    const rawClosed = cell(columns.closed);
    const closed = rawClosed === '' ? null : readDate(rawClosed);
    if (rawClosed !== '' && closed === null) problem('Deregistration date', `“${rawClosed}” is not a date`);
    if (problems.length > 0 || place === null || provider === null) continue;
    if (closed !== null) closedCount++;
    list.set(urn, { urn, placeCodes: place.join(','), providerCodes: provider.join(','), postcode, closed });
  }
  if (columns === null)
    throw new ReferenceFileError([{ file: name, row: null, column: null, message: 'The file is empty' }]);
  if (problems.length > 0) throw new ReferenceFileError(problems);
  await writeProviderRows(tx, NATIONAL_SCOPE, OFSTED_PROVIDERS_SOURCE, [...list.values()]);
  return {
    rows: list.size,
    note: `${list.size} settings registered with Ofsted (${closedCount} no longer registered), for the SSDA903 URN rules.`,
  };
}
