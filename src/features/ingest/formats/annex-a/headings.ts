/**
 * Recognising Annex A sheets and headings as authorities really write them: "List 1", "List 1 - Contacts",
 * "list1"; headings in any case, with extra spaces, curly or straight quotes, stray or missing punctuation,
 * "Gender" or "Sex", "Age" or "Age of Child (Years)", "Date of referral" or "Date of Referral". A heading matches
 * a column when the two agree once lower-cased and stripped of everything but letters and digits.
 */
import {
  ANNEX_A_LAYOUTS,
  annexALayout,
  type AnnexAColumn,
  type AnnexALayoutYear,
  type ListNumber,
} from '../../../annex-a/layouts';

/** Lower case, letters and digits only, single spaces. */
export function headingKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Other headings seen in real workbooks, by list (0 = any list) and column key. */
const ALIASES: Array<{ list: number; key: string; heading: string }> = [
  { list: 0, key: 'age', heading: 'Age' },
  { list: 0, key: 'age', heading: 'Age of Child' },
  { list: 0, key: 'age', heading: 'Age (Years)' },
  { list: 0, key: 'childId', heading: 'Child ID' },
  { list: 0, key: 'childId', heading: 'Unique Child ID' },
  { list: 0, key: 'childId', heading: 'Child Unique Identifier' },
  { list: 0, key: 'dob', heading: 'DOB' },
  { list: 0, key: 'disability', heading: 'Does the child have a disability?' },
  { list: 0, key: 'disability', heading: 'Disability' },
  { list: 8, key: 'rhiOffered', heading: 'Was the child offered a Return Interview after their last missing episode' },
  { list: 8, key: 'rhiAccepted', heading: 'Did the child accept a Return Interview after their last missing episode' },
  { list: 9, key: 'personalAdviser', heading: 'Allocated Personal Adviser' },
];

/** A list's columns across every layout (List 9's 2022 and 2024 columns together), by heading key. */
function columnsByHeading(list: ListNumber): Map<string, AnnexAColumn> {
  const out = new Map<string, AnnexAColumn>();
  for (const year of ANNEX_A_LAYOUTS) {
    const def = annexALayout(year).find((l) => l.list === list);
    for (const c of def?.columns ?? []) if (!out.has(headingKey(c.heading))) out.set(headingKey(c.heading), c);
  }
  const byKey = new Map([...out.values()].map((c) => [c.key, c]));
  for (const a of ALIASES) {
    const c = byKey.get(a.key);
    if ((a.list === 0 || a.list === list) && c && !out.has(headingKey(a.heading))) out.set(headingKey(a.heading), c);
  }
  // "Gender" and "Sex" are the same column in every layout.
  const sex = byKey.get('sex');
  if (sex) {
    out.set('gender', sex);
    out.set('sex', sex);
  }
  return out;
}

const cache = new Map<ListNumber, Map<string, AnnexAColumn>>();
function known(list: ListNumber): Map<string, AnnexAColumn> {
  let m = cache.get(list);
  if (!m) cache.set(list, (m = columnsByHeading(list)));
  return m;
}

/** The column a heading names in a list, or null. */
export function matchHeading(list: ListNumber, heading: string): AnnexAColumn | null {
  const key = headingKey(heading);
  if (key === '') return null;
  const found = known(list).get(key);
  if (found) return found;
  if (/\bchild\b.*\b(id|identifier)\b/.test(key) && list !== 11) return known(list).get('child unique id') ?? null;
  return null;
}

/** The list a sheet's name gives: "List 1", "List 1 - Contacts", "list1", "L1 Contacts"; null if none. */
export function listFromSheetName(name: string): ListNumber | null {
  const m = /^\s*(?:list|l)\s*[-_.]?\s*0?(\d{1,2})(?!\d)/i.exec(name);
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 11 ? (n as ListNumber) : null;
}

export interface HeaderMap {
  /** Column index (1-based, as exceljs numbers cells) → column. */
  columns: Map<number, AnnexAColumn>;
  /** Headings that match no column of the list. */
  unknown: Array<{ index: number; heading: string }>;
  /** Columns named twice. */
  repeated: Array<{ index: number; heading: string }>;
  /** The layout the headings look like (List 9's extra columns → 2024; "Sex" → 2026). */
  layout: AnnexALayoutYear;
}

/** Reads a heading row for a list. */
export function mapHeader(list: ListNumber, headings: ReadonlyArray<string | null>): HeaderMap {
  const columns = new Map<number, AnnexAColumn>();
  const unknown: HeaderMap['unknown'] = [];
  const repeated: HeaderMap['repeated'] = [];
  const seen = new Set<string>();
  let sexHeading = '';
  headings.forEach((h, index) => {
    if (h === null || h.trim() === '') return;
    const c = matchHeading(list, h);
    if (!c) {
      unknown.push({ index, heading: h });
      return;
    }
    if (seen.has(c.key)) {
      repeated.push({ index, heading: h });
      return;
    }
    seen.add(c.key);
    if (c.key === 'sex') sexHeading = headingKey(h);
    columns.set(index, c);
  });
  const keys = new Set([...columns.values()].map((c) => c.key));
  const layout: AnnexALayoutYear =
    sexHeading === 'sex'
      ? 2026
      : list === 9 && (keys.has('personalAdviser') || keys.has('pathwayReview') || keys.has('latestContact'))
        ? 2024
        : list === 9
          ? 2022
          : 2024;
  return { columns, unknown, repeated, layout };
}

/** How many of a row's cells are headings of the list (to find the heading row under any title rows). */
export function headingScore(list: ListNumber, cells: ReadonlyArray<string | null>): number {
  return cells.filter((c) => c !== null && matchHeading(list, c) !== null).length;
}
