/**
 * The SSDA903 (children looked after) return as CSV files: Header, Episodes, Reviews, UASC, OC2, OC3, AD1,
 * PlacedAdoption, PrevPerm, Missing, SWEpisodes (2023/24+) and DoLo (2026/27+), recognised by their columns.
 *
 * Reading: every file is streamed into rows of its table; the collection year is the one given
 * (ImportOptions.collectionYear) or that of the latest activity date in the files (a query says so); the rows are
 * checked against the year's columns, types and code lists, then against the validator rules in ./rules; then they
 * become canonical rows (see to-dataset.ts for what goes where and what the 903 cannot carry).
 *
 * The rules that compare with last year's return (202–204, 452, 453, 502, 503A–J, 706: rules/cross-year.ts; 205A/B/D,
 * 207, 208, 624, 626: rules/cross-year-status.ts) run only when that return has been imported. The location rules
 * (rules/location.ts) derive PL_LA, PL_LOCATION and PL_DISTANCE from the postcodes with the postcode lookup
 * (decision 0027); without one, those that need them are not run and an LNT-POSTCODES query says so. The URN rules
 * (rules/urn.ts) check URNs against Ofsted's provider register; without one, an LNT-URNS query says which did not run.
 */
import { csvHeader } from '../../csv';
import type { ImportFormat, ReadResult, SourceFile } from '../../format';
import { IssueLog, LANTERN_RULES } from '../../issues';
import { collectionYearLabel, runRules } from '../../rules';
import { identifyTable } from './identify';
import { readTableFile, typeRows, type RawRow } from './read-table';
import { buildContext } from './rules/context';
import { CROSS_YEAR_RULES } from './rules/cross-year';
import { buildCrossYearContext } from './rules/cross-year-context';
import { SSDA903_RULES } from './rules/index';
import { LOCATION_RULES, deriveLocations, lookupCodes, outsideEngland, postcodesOf } from './rules/location';
import { REGISTER_CODES, URN_RULES, urnsOf } from './rules/urn';
import { TABLE_NAMES, TABLE_YEARS, emptyReturn, type Return903, type TableName } from './tables';
import { toDataset } from './to-dataset';
import { FIRST_YEAR, LAST_YEAR, inferCollectionYear } from './year';

async function tableOf(file: SourceFile): Promise<TableName | null> {
  if (!/\.(csv|txt)$/i.test(file.name) && !/\.(csv|txt)$/i.test(file.path)) return null;
  const header = await csvHeader(file).catch(() => null);
  return header ? identifyTable(header) : null;
}

/** Last year's files read and typed against `year`, their issues discarded; null when none is a 903 table. */
async function readPreviousReturn(files: readonly SourceFile[], year: number): Promise<Return903 | null> {
  const thrownAway = new IssueLog();
  const ret = emptyReturn();
  let read = false;
  for (const file of files) {
    const table = await tableOf(file);
    if (table === null || year < TABLE_YEARS[table].from) continue;
    const rows = await readTableFile(file, table, thrownAway);
    if (rows === null) continue;
    const list = ret[table] as unknown[];
    for (const row of typeRows(table, rows, year, thrownAway)) list.push(row);
    read = true;
  }
  return read ? ret : null;
}

export const ssda903Format: ImportFormat = {
  id: '903',

  async claim(files) {
    const out: SourceFile[] = [];
    for (const f of files) if ((await tableOf(f)) !== null) out.push(f);
    return out;
  },

  async read(files, ctx): Promise<ReadResult | null> {
    const { issues } = ctx;
    const raw: Partial<Record<TableName, RawRow[]>> = {};
    const fileOf: Partial<Record<TableName, string>> = {};
    let done = 0;
    for (const file of files) {
      ctx.progress({ stage: 'Reading SSDA903 files', file: file.name, done, total: files.length });
      const table = await tableOf(file);
      if (table === null) {
        issues.error(
          file.name,
          null,
          null,
          LANTERN_RULES.file,
          'The file is empty or is not one of the SSDA903 tables (its header row matches none of them).',
        );
        continue;
      }
      const rows = await readTableFile(file, table, issues);
      done++;
      if (rows === null) continue;
      // Appended one by one: spreading a large table into push() would overflow the stack.
      const list = (raw[table] ??= []);
      for (const row of rows) list.push(row);
      fileOf[table] ??= file.name;
    }
    if (issues.errors > 0 && Object.keys(raw).length === 0) return null;

    // The collection year.
    let year = ctx.options.collectionYear;
    if (year === undefined) {
      const inferred = inferCollectionYear(raw);
      if (inferred === null) {
        issues.error(
          files[0]?.name ?? '',
          null,
          null,
          LANTERN_RULES.file,
          'The collection year could not be worked out: the files hold no valid episode, review or missing dates. Say which year the return is for.',
        );
        return null;
      }
      year = inferred.year;
      issues.query(
        fileOf.Episodes ?? files[0]?.name ?? '',
        null,
        null,
        LANTERN_RULES.file,
        `Read as the ${collectionYearLabel(year)} return: the latest date in the files is ${inferred.from}.`,
      );
    }
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      issues.error(
        files[0]?.name ?? '',
        null,
        null,
        LANTERN_RULES.file,
        `Lantern reads SSDA903 returns for ${collectionYearLabel(FIRST_YEAR)} to ${collectionYearLabel(LAST_YEAR)}, not ${collectionYearLabel(year)}.`,
      );
      return null;
    }
    if (!raw.Header) {
      issues.error(
        files[0]?.name ?? '',
        null,
        null,
        LANTERN_RULES.file,
        'The return has no Header file (columns CHILD, SEX, DOB, ETHNIC, UPN, MOTHER, MC_DOB); every child must be in it.',
      );
    }

    // Types and code lists for the year.
    const ret: Return903 = emptyReturn();
    for (const table of TABLE_NAMES) {
      const rows = raw[table];
      if (!rows) continue;
      if (year < TABLE_YEARS[table].from) {
        issues.query(
          fileOf[table] ?? '',
          null,
          null,
          LANTERN_RULES.unknown,
          `The ${table} table is not part of the ${collectionYearLabel(year)} return; it was not read.`,
        );
        continue;
      }
      (ret as Record<TableName, unknown[]>)[table] = typeRows(table, rows, year, issues);
      // The raw rows are not needed again (only which tables were given): let them go before the rules run.
      raw[table] = [];
    }

    ctx.progress({ stage: 'Checking SSDA903 rules', done: 0, total: null });
    // Last year's return, for the rules that compare the two (202–204, 452, 453, 502/503). Its own problems were
    // reported when it was imported, so they go to a log that is thrown away.
    let last: Return903 | null = null;
    if (ctx.previousFiles) {
      const previous = await ctx.previousFiles(String(year - 1));
      last = previous.length > 0 ? await readPreviousReturn(previous, year - 1) : null;
    }
    // The location fields derived from the postcodes (decision 0027), when a postcode lookup is loaded.
    const episodes = last ? [...ret.Episodes, ...last.Episodes] : ret.Episodes;
    const facts = ctx.postcodes ? await ctx.postcodes.lookUp(postcodesOf(episodes)) : null;
    const authorityCode = ctx.postcodes ? await ctx.postcodes.authorityCode() : null;
    const derived = facts ? deriveLocations(episodes, facts, authorityCode) : null;
    const given = new Set((Object.keys(raw) as TableName[]).filter((t) => year >= TABLE_YEARS[t].from));
    const base = { ...buildContext(ret, year, given), outsideEngland: outsideEngland(ret.Episodes, derived) };
    runRules(SSDA903_RULES, year, base, issues);
    const formerUasc = new Set<string>();
    for (const u of [...ret.UASC, ...(last?.UASC ?? [])]) if (u.CHILD !== null) formerUasc.add(u.CHILD);
    runRules(
      LOCATION_RULES,
      year,
      { ...base, formerUasc, authorityCode, derived, found: facts ? new Set(facts.keys()) : null },
      issues,
    );
    // The URN rules (decision 0027), with Ofsted's provider register when one is loaded.
    const providers = ctx.providers ? await ctx.providers.lookUp(urnsOf(ret.Episodes)) : null;
    let providerLa: Map<string, string | null> | null = null;
    if (providers && ctx.postcodes) {
      const settings = [...providers].filter(([, p]) => p.postcode !== null);
      const found = await ctx.postcodes.lookUp(settings.map(([, p]) => p.postcode as string));
      if (found)
        providerLa = new Map(settings.map(([urn, p]) => [urn, found.get(p.postcode as string)?.laCode ?? null]));
    }
    runRules(URN_RULES, year, { ...base, providers, providerLa, authorityCode }, issues);
    const where = fileOf.Episodes ?? fileOf.Header ?? files[0]?.name ?? '';
    if (ctx.providers && !providers && ret.Episodes.some((e) => e.URN !== null)) {
      issues.query(
        where,
        null,
        null,
        'LNT-URNS',
        `The rules that check URNs against Ofsted's register of children's social care providers (${REGISTER_CODES.join(', ')}) were not run, and 1008 checked only that URNs are shaped like URNs: no provider register is loaded. Load Ofsted's provider list (CSV) with \`lantern reference import\` (decision 0027).`,
      );
    }
    if (ctx.postcodes && ret.Episodes.length > 0 && !facts) {
      issues.query(
        where,
        null,
        null,
        'LNT-POSTCODES',
        `The location rules that need a postcode lookup (${lookupCodes(year).join(', ')}) were not run, 392c checked only that postcodes are shaped like postcodes, and 503G/H/J compared postcodes rather than what is derived from them: no postcode lookup is loaded. Load the ONS Postcode Directory or NSPL with \`lantern reference import\` (decision 0027).`,
      );
    } else if (ctx.postcodes && ret.Episodes.length > 0 && authorityCode === null) {
      issues.query(
        where,
        null,
        null,
        'LNT-POSTCODES',
        "The authority's GSS code is not known (set it, or load the authority lookup with its LA number), so rules 411 and 1015 were not run and every placement counts as outside the authority (PL_LOCATION OUT).",
      );
    }
    if (ctx.previousFiles) {
      if (last) runRules(CROSS_YEAR_RULES, year, buildCrossYearContext(ret, last, year, derived), issues);
      else {
        issues.query(
          fileOf.Header ?? fileOf.Episodes ?? files[0]?.name ?? '',
          null,
          null,
          'LNT-PREVIOUS',
          `The rules that compare this return with last year's (202–204, 205A/B/D, 207, 208, 452, 453, 502, 503A–503J, 562, 624, 626, 706, 1010, NoE) were not run: the ${collectionYearLabel(year - 1)} SSDA903 return has not been imported.`,
        );
      }
    }
    const dataset = toDataset(ret, year, base.episodesByChild);
    return { period: String(year), periodLabel: collectionYearLabel(year), collectionYear: year, dataset };
  },
};
