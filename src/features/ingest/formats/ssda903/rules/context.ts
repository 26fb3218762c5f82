/**
 * What every 903 rule sees: the return as read (typed rows, dates as YYYY-MM-DD where valid), the collection
 * year and its bounds, and the lookups most rules need.
 */
import { isIsoDate, compareDateText } from '../../../../../domain/dates';
import { defineRule, collectionYearBounds, type Rule, type RuleHit } from '../../../rules';
import { TABLE_NAMES, type Return903, type Row, type TableName } from '../tables';
import { groupByChild } from '../to-dataset';

export interface Ctx903 {
  year: number;
  /** 1 April and 31 March of the collection year. */
  start: string;
  end: string;
  ret: Return903;
  /** Each child's episodes with a valid DECOM, sorted by DECOM. */
  episodesByChild: Map<string, Array<Row<'Episodes'>>>;
  /** The first Header row of each child. */
  header: Map<string, Row<'Header'>>;
  /** Each child's social worker episodes with a valid SW_DECOM, sorted by SW_DECOM (then line). */
  swEpisodesByChild: Map<string, Array<Row<'SWEpisodes'>>>;
  /**
   * The tables the return's files gave (a file with a header and no rows counts). A rule that fires because a table
   * has no row for a child (630's PrevPerm, 551/553/557's PlacedAdoption) is not run when the table was not given at
   * all, as the validator runs no rule on a table not uploaded.
   */
  given: ReadonlySet<TableName>;
  /** Episodes placed in Wales, Scotland or Northern Ireland, when a postcode lookup says so (location.ts; rule 218). */
  outsideEngland?: ReadonlySet<Row<'Episodes'>>;
}

export type Rule903 = Rule<Ctx903>;
export const rule903 = (r: Rule903): Rule903 => defineRule(r);

export function buildContext(ret: Return903, year: number, given?: ReadonlySet<TableName>): Ctx903 {
  const header = new Map<string, Row<'Header'>>();
  for (const h of ret.Header) if (h.CHILD !== null && !header.has(h.CHILD)) header.set(h.CHILD, h);
  const { start, end } = collectionYearBounds(year);
  return {
    year,
    start,
    end,
    ret,
    header,
    episodesByChild: groupByChild(ret.Episodes.filter((e) => validDate(e.DECOM))),
    swEpisodesByChild: socialWorkerEpisodesByChild(ret.SWEpisodes),
    given: given ?? new Set(TABLE_NAMES.filter((t) => ret[t].length > 0)),
  };
}

function socialWorkerEpisodesByChild(rows: ReadonlyArray<Row<'SWEpisodes'>>): Map<string, Array<Row<'SWEpisodes'>>> {
  const out = new Map<string, Array<Row<'SWEpisodes'>>>();
  for (const s of rows) {
    if (s.CHILD === null || !validDate(s.SW_DECOM)) continue;
    const list = out.get(s.CHILD);
    if (list) list.push(s);
    else out.set(s.CHILD, [s]);
  }
  for (const list of out.values())
    list.sort((a, b) => compareDateText(a.SW_DECOM as string, b.SW_DECOM as string) || a.line - b.line);
  return out;
}

export function validDate(v: string | null): v is string {
  return v !== null && isIsoDate(v);
}

/** The hit for a row and column. */
export function at(
  row: { readonly file: string; readonly line: number; readonly CHILD: string | null },
  column: string | null,
  detail?: string,
): RuleHit {
  return { file: row.file, row: row.line, column, child: row.CHILD, ...(detail ? { detail } : {}) };
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** The same day n years on (ISO dates); 29 February becomes 28 February in a year that has none, as pandas does. */
export function addYears(iso: string, n: number): string {
  const y = Number(iso.slice(0, 4)) + n;
  let md = iso.slice(5);
  if (md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0))) md = '02-28';
  return `${String(y).padStart(4, '0')}-${md}`;
}
