/**
 * Which database tables each indicator reads, worked out from its own SQL (never a list kept by hand, which would
 * drift): the indicator's items query, and for a rate per 10,000 the engine's child population queries, rendered to
 * text, with string literals blanked, searched for every table the schema defines, as a whole word (quoted or not).
 * A word that only looks like a table (a column or an alias of the same name) makes the set larger, never smaller:
 * an indicator may be recomputed when it need not be, never left stale.
 *
 * Also whether the SQL reads the clock (current_date, now()…): such an indicator's values change from one day to
 * the next with the same data.
 *
 * Used after an import to recompute only the indicators whose tables it changed (stored-values.ts).
 */
import { is, type SQL } from 'drizzle-orm';
import { PgDialect, PgTable, getTableConfig } from 'drizzle-orm/pg-core';
import * as schema from '../../db/schema/index';
import type { IndicatorDefinition } from './definition';
import { populationQueries } from './engine';

/** Every table the schema defines, by its SQL name. */
const TABLE_NAMES: readonly string[] = (Object.values(schema) as unknown[])
  .filter((v): v is PgTable => is(v, PgTable))
  .map((t) => getTableConfig(t).name);

const dialect = new PgDialect();
/** Any authority id will do: it is a bound parameter, not part of the text. */
const ANY_AUTHORITY = 1;

/** The SQL's text with its string literals emptied (so that words inside them are not taken for tables). */
function textOf(query: SQL): string {
  return dialect.sqlToQuery(query).sql.replace(/'(?:[^']|'')*'/g, "''");
}

function queriesOf(def: IndicatorDefinition): SQL[] {
  const population = populationQueries(ANY_AUTHORITY);
  return [def.items(ANY_AUTHORITY), ...(def.unit === 'rate-per-10k' ? [population.own, population.ons] : [])];
}

const namePatterns = new Map(TABLE_NAMES.map((n) => [n, new RegExp(`(?<![\\w$])"?${n}"?(?![\\w$])`, 'i')]));

/** The tables an indicator's queries read (SQL names, e.g. periods_of_care), sorted. */
export function tablesRead(def: IndicatorDefinition): string[] {
  const texts = queriesOf(def).map(textOf);
  return TABLE_NAMES.filter((n) => texts.some((t) => namePatterns.get(n)?.test(t))).sort();
}

const CLOCK =
  /(?<![\w$])(current_date|current_timestamp|localtimestamp|localtime|now\s*\(|clock_timestamp|statement_timestamp|transaction_timestamp)/i;

/** Whether an indicator's SQL reads the clock (so its values can change overnight with the same data). */
export function readsClock(def: IndicatorDefinition): boolean {
  return queriesOf(def).some((q) => CLOCK.test(textOf(q)));
}
