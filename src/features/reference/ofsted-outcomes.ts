/**
 * Ofsted's published inspection outcomes for every authority, read from the formats below (the repository keeps
 * what the demo needs in reference-data/ofsted-ilacs/) and recognised by their columns, never their names:
 *
 * - Ofsted's official statistics "Local authority inspection outcomes as at 31 March 2025" (OGL v3): the ODS
 *   workbook's three sheets, or the three tables as CSV — the judgements in force at 31 March (one row per
 *   authority), the year's inspections and visits (with type and visit theme), and every ILACS inspection since 2018.
 * - The data-to-insight and JT-39 scrapes' overview (one row per authority, latest inspection; CSV or XLSX) and
 *   JT-39's history of every report Ofsted lists (CSV).
 *
 * Grades become src/domain/ofsted.ts keys; a judgement the inspection did not make is null (the official tables
 * leave care leavers blank before 2023 — the combined "children in care and care leavers" judgement of the 2018
 * framework is the children-in-care column; the scrapes write "inspection_pre_dates_judgement",
 * "not_reported_post_reform" or "Not reported (2026 framework change)"). Dates are dd/mm/yyyy or dd/mm/yy (the
 * scrapes' publication dates; always 20yy) or, from a spreadsheet's date cell, YYYY-MM-DD. The authority is its
 * 3-digit DfE LA number: the overview's la_code, or the last segment of the official tables' Ofsted page URL
 * (https://reports.ofsted.gov.uk/provider/44/302 → 302); JT-39's history has only Ofsted's URN and the scrape's
 * name for the authority, resolved when the rows are written (ofsted-outcomes-write.ts).
 *
 * Sources: Ofsted, "Local authority inspection outcomes as at 31 March 2025" (official statistics, 25 September
 * 2025); data-to-insight/ofsted-ilacs-scrape-tool and its fork JT-39/ofsted-ilacs-scrape-tool (MIT).
 */
import { isIsoDate } from '../../domain/dates';
import { parseGrade, type ActivityKind, type Grade } from '../../domain/ofsted';

export interface OutcomeProblem {
  readonly row: number | null;
  readonly column: string | null;
  readonly message: string;
}

export interface OfstedOutcomeRow {
  /** The file's line (CSV) or the sheet's row number: for messages. */
  readonly line: number;
  readonly laNumber: string | null;
  readonly gssCode: string | null;
  /** Ofsted's URN for the authority (the scrapes). */
  readonly urn: string | null;
  readonly laName: string;
  readonly ofstedRegion: string | null;
  readonly kind: ActivityKind | null;
  readonly theme: string | null;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly publishedOn: string | null;
  readonly leadInspector: string | null;
  readonly overall: Grade | null;
  readonly leaders: Grade | null;
  readonly helpAndProtection: Grade | null;
  readonly childrenInCare: Grade | null;
  readonly careLeavers: Grade | null;
  readonly link: string | null;
}

export interface OfstedOutcomeTable {
  /** The published table: the key its rows are replaced by when the same kind of table is loaded again. */
  readonly source: OutcomeSource;
  /** For messages: the sheet's name, or the file's. */
  readonly from: string;
  readonly rows: readonly OfstedOutcomeRow[];
  /** Rows recognised and deliberately not loaded (the scrape could not read the report, or gives no date). */
  readonly skipped: number;
}

export const OUTCOME_SOURCES = {
  'ofsted-la-outcomes-current': 'Ofsted: inspection judgements as at 31 March',
  'ofsted-la-outcomes-in-year': 'Ofsted: in-year inspection activity',
  'ofsted-la-outcomes-history': 'Ofsted: ILACS inspection history',
  'jt39-ilacs-overview': 'JT-39 scrape: latest inspection per authority',
  'jt39-ilacs-history': 'JT-39 scrape: every report per authority',
  'd2i-ilacs-overview': 'Data to Insight scrape: latest inspection per authority',
} as const;
export type OutcomeSource = keyof typeof OUTCOME_SOURCES;

/** The page's order of preference when several tables describe one inspection: the official table, then JT-39, then D2I. */
export function sourcePreference(source: string): number {
  if (source.startsWith('ofsted-')) return 0;
  if (source.startsWith('jt39-')) return 1;
  if (source.startsWith('d2i-')) return 2;
  return 3;
}

/** A table as read from a CSV or a sheet: header names and each record with its line. */
export interface OutcomeTableInput {
  readonly header: readonly string[];
  readonly records: ReadonlyArray<{ readonly line: number; readonly cells: readonly string[] }>;
}

const norm = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase();

class Columns {
  private readonly index = new Map<string, number>();
  constructor(readonly header: readonly string[]) {
    header.forEach((h, i) => {
      const k = norm(h);
      if (k && !this.index.has(k)) this.index.set(k, i);
    });
  }
  has(...cols: string[]): boolean {
    return cols.every((c) => this.index.has(norm(c)));
  }
  /** The first of these columns the table has (the CSV and the sheet name a column differently). */
  first(...cols: string[]): string | null {
    return cols.find((c) => this.index.has(norm(c))) ?? null;
  }
  get(cells: readonly string[], col: string | null): string {
    if (col === null) return '';
    const i = this.index.get(norm(col));
    const v = i === undefined ? '' : (cells[i] ?? '').trim();
    // pandas writes a missing value into the scrapes' XLSX as the text "nan" (their CSV leaves the cell empty).
    return v === 'nan' ? '' : v;
  }
}

type Recognised =
  | {
      source: 'ofsted-la-outcomes-current' | 'ofsted-la-outcomes-in-year' | 'ofsted-la-outcomes-history';
      official: true;
    }
  | { source: 'jt39-ilacs-overview' | 'd2i-ilacs-overview' | 'jt39-ilacs-history'; official: false };

const OFFICIAL_JUDGEMENTS = [
  'Overall effectiveness',
  'The impact of leaders on social work practice with children and families',
  'The experiences and progress of children who need help and protection',
  'The experiences and progress of children in care',
  'The experiences and progress of care leavers',
] as const;
const SCRAPE_JUDGEMENTS = [
  'overall_effectiveness_grade',
  'impact_of_leaders_grade',
  'help_and_protection_grade',
  'in_care_grade',
  'care_leavers_grade',
] as const;

/** Which published table these columns are, or null. */
export function recogniseOutcomeTable(header: readonly string[]): Recognised['source'] | null {
  return recognise(new Columns(header))?.source ?? null;
}

function recognise(c: Columns): Recognised | null {
  if (c.has('Local authority area code', 'Local authority name', 'Publication date', ...OFFICIAL_JUDGEMENTS)) {
    if (c.has('Inspection/Visit date', 'Inspection/Visit type'))
      return { source: 'ofsted-la-outcomes-in-year', official: true };
    if (c.has('Inspection date', 'Inspection type', 'Local authority status'))
      return { source: 'ofsted-la-outcomes-history', official: true };
    if (c.has('Inspection date', 'Ofsted region')) return { source: 'ofsted-la-outcomes-current', official: true };
    return null;
  }
  if (
    c.has(
      'urn',
      'local_authority',
      'inspection_framework',
      'inspection_start_date',
      'publication_date',
      ...SCRAPE_JUDGEMENTS,
    )
  ) {
    if (c.has('la_code', 'region_code', 'la_code_new')) return { source: 'jt39-ilacs-overview', official: false };
    if (c.has('la_code', 'region_code', 'ltla23cd')) return { source: 'd2i-ilacs-overview', official: false };
    if (!c.has('la_code') && c.has('pdf_filename')) return { source: 'jt39-ilacs-history', official: false };
  }
  return null;
}

/** The scrapes' region codes → Ofsted's eight regions (Ofsted joins the North East with Yorkshire and the Humber). */
const SCRAPE_REGIONS: Readonly<Record<string, string>> = {
  GL: 'London',
  NE: 'North East, Yorkshire and the Humber',
  YH: 'North East, Yorkshire and the Humber',
  NW: 'North West',
  EM: 'East Midlands',
  WM: 'West Midlands',
  E: 'East of England',
  SE: 'South East',
  SW: 'South West',
};

export const OFSTED_REGIONS = [
  'East Midlands',
  'East of England',
  'London',
  'North East, Yorkshire and the Humber',
  'North West',
  'South East',
  'South West',
  'West Midlands',
] as const;

/** An ONS region name (reference_authorities.region_name) → Ofsted's region. */
export function ofstedRegionOfOnsRegion(name: string | null | undefined): string | null {
  if (!name) return null;
  const k = name.toLowerCase();
  if (k.startsWith('north east') || k.startsWith('yorkshire')) return 'North East, Yorkshire and the Humber';
  return OFSTED_REGIONS.find((r) => r.toLowerCase() === k) ?? null;
}

/** Markers the scrapes and Ofsted write for a judgement the inspection did not make. */
const NOT_A_JUDGEMENT = new Set([
  '',
  'inspection_pre_dates_judgement',
  'not_reported_post_reform',
  'not reported (2026 framework change)',
  'n/a',
  'na',
]);

/** The scrape's reading of "…improve to requires improvement…" (Nottingham 2018, Southend-on-Sea 2019). */
const SCRAPE_ARTEFACTS: Readonly<Record<string, Grade>> = { 'to requires improvement': 'requires-improvement' };

const UNREADABLE = 'data_unreadable';

function gradeOf(raw: string): { ok: true; grade: Grade | null } | { ok: false } {
  const t = raw.trim().toLowerCase();
  if (NOT_A_JUDGEMENT.has(t)) return { ok: true, grade: null };
  const artefact = SCRAPE_ARTEFACTS[t];
  if (artefact) return { ok: true, grade: artefact };
  const grade = parseGrade(raw);
  return grade ? { ok: true, grade } : { ok: false };
}

/** dd/mm/yyyy, dd/mm/yy (20yy) or YYYY-MM-DD (a spreadsheet date cell) → YYYY-MM-DD, or null when not a real date. */
export function parseOutcomeDate(raw: string): string | null {
  const t = raw.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(t);
  if (!m) return null;
  const [, d, mo, y] = m;
  const year = y?.length === 2 ? `20${y}` : (y ?? '');
  const iso = `${year}-${(mo ?? '').padStart(2, '0')}-${(d ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function kindOf(raw: string): { ok: true; kind: ActivityKind | null } | { ok: false } {
  const t = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return { ok: true, kind: null };
  if (t === 'short' || t === 'ilacs short inspection') return { ok: true, kind: 'ilacs-short' };
  // JT-39 writes "inspection duration longer than standard framework" for Wiltshire 2019's three-week standard inspection.
  if (
    t === 'standard' ||
    t === 'ilacs standard inspection' ||
    t === 'inspection duration longer than standard framework'
  )
    return { ok: true, kind: 'ilacs-standard' };
  if (t === 'ilacs focused visit' || t === 'focused visit') return { ok: true, kind: 'focused-visit' };
  if (t === 'la monitoring visit' || t === 'monitoring visit') return { ok: true, kind: 'monitoring-visit' };
  if (t === 'sif' || t.startsWith('single inspection')) return { ok: true, kind: 'sif' };
  return { ok: false };
}

const LA_NUMBER = /^\d{3}$/;
const GSS = /^E\d{8}$/;

/** The 3-digit LA number at the end of an Ofsted LA page URL (https://reports.ofsted.gov.uk/provider/44/302 → 302). */
export function laNumberOfOfstedUrl(url: string): string | null {
  const m = /\/provider\/\d+\/(\d{3})\/?$/.exec(url.trim());
  return m?.[1] ?? null;
}

function titleCase(name: string): string {
  return name
    .replace(/\b([a-z])/g, (c) => c.toUpperCase())
    .replace(/\b(And|Of|The|Upon|On|In|Under)\b/g, (w) => w.toLowerCase())
    .replace(/^./, (c) => c.toUpperCase());
}

/**
 * Reads one recognised table. Returns null when the columns are not an outcomes table; throws nothing: problems are
 * returned (row, column, message) and the caller refuses the file when there are any.
 */
export function readOutcomeTable(
  input: OutcomeTableInput,
  from: string,
): { table: OfstedOutcomeTable | null; problems: OutcomeProblem[] } {
  const c = new Columns(input.header);
  const what = recognise(c);
  if (!what) return { table: null, problems: [] };
  const problems: OutcomeProblem[] = [];
  const rows: OfstedOutcomeRow[] = [];
  let skipped = 0;

  const linkCol = c.first('Ofsted LA page URL', 'Web link', 'inspection_link');
  const dateCol = what.official ? c.first('Inspection/Visit date', 'Inspection date') : 'inspection_start_date';
  const judgementCols: readonly string[] = what.official ? OFFICIAL_JUDGEMENTS : SCRAPE_JUDGEMENTS;
  const kindCol = what.official ? c.first('Inspection/Visit type', 'Inspection type') : 'inspection_framework';

  for (const r of input.records) {
    if (problems.length >= 50) break;
    const get = (col: string | null) => c.get(r.cells, col);
    const before = problems.length;
    const problem = (column: string | null, message: string) => problems.push({ row: r.line, column, message });

    if (what.source === 'jt39-ilacs-history') {
      // The scrape could not read older (mostly SIF-era) reports: it writes data_unreadable, and no dates.
      if (r.cells.some((x) => x.trim().toLowerCase() === UNREADABLE) || get('inspection_start_date') === '') {
        skipped++;
        continue;
      }
    } else if (!what.official && get('inspection_start_date') === '') {
      // The scrapes' known gaps (their README: Nottingham, Redcar and Cleveland …): no inspection date to file it under.
      skipped++;
      continue;
    }

    // The authority.
    let laNumber: string | null = null;
    let gssCode: string | null = null;
    let urn: string | null = null;
    const link = get(linkCol) || null;
    if (what.official) {
      gssCode = get('Local authority area code') || null;
      if (gssCode !== null && !GSS.test(gssCode))
        problem('Local authority area code', `“${gssCode}” is not a 9-character GSS area code (E06000001)`);
      if (link) {
        laNumber = laNumberOfOfstedUrl(link);
        if (laNumber === null)
          problem(
            linkCol,
            `“${link}” is not an Ofsted LA page address ending in the 3-digit LA number (https://reports.ofsted.gov.uk/provider/44/302)`,
          );
      } else if (gssCode === null)
        problem('Local authority area code', 'The row has neither an Ofsted LA page address nor a GSS area code');
    } else {
      urn = get('urn') || null;
      if (urn !== null && !/^\d+$/.test(urn)) problem('urn', `“${urn}” is not an Ofsted URN (digits)`);
      if (what.source !== 'jt39-ilacs-history') {
        laNumber = get('la_code');
        if (!LA_NUMBER.test(laNumber)) problem('la_code', `“${laNumber}” is not a 3-digit DfE LA number`);
        const g = get(what.source === 'jt39-ilacs-overview' ? 'la_code_new' : 'ltla23cd');
        gssCode = GSS.test(g) ? g : null;
      } else if (urn === null) problem('urn', 'The row has no URN to say which authority it is');
    }
    const rawName = get(what.official ? 'Local authority name' : 'local_authority');
    if (!rawName) problem(what.official ? 'Local authority name' : 'local_authority', 'The authority has no name');
    const laName = rawName === rawName.toLowerCase() ? titleCase(rawName) : rawName;

    // Region.
    let ofstedRegion: string | null = null;
    if (what.official) ofstedRegion = get(c.first('Ofsted region', 'Region')) || null;
    else if (c.has('region_code')) ofstedRegion = SCRAPE_REGIONS[get('region_code').toUpperCase()] ?? null;

    // Dates.
    const dateOf = (col: string | null, required: boolean): string | null => {
      const raw = get(col);
      if (raw === '') {
        if (required) problem(col, 'The date is missing');
        return null;
      }
      const d = parseOutcomeDate(raw);
      if (d === null) problem(col, `“${raw}” is not a date (dd/mm/yyyy)`);
      return d;
    };
    const startDate = dateOf(dateCol, true);
    const endDate = what.official ? null : dateOf('inspection_end_date', false);
    const publishedOn = dateOf(c.first('Publication date', 'publication_date'), false);

    // Kind and theme.
    let kind: ActivityKind | null = null;
    if (kindCol) {
      const k = kindOf(get(kindCol));
      if (k.ok) kind = k.kind;
      else
        problem(
          kindCol,
          `“${get(kindCol)}” is not an inspection or visit type Lantern knows (ILACS Short Inspection, ILACS Standard Inspection, ILACS Focused Visit, LA Monitoring visit, short, standard)`,
        );
    }
    const theme = c.has('Visit Theme') ? get('Visit Theme') || null : null;

    // Judgements.
    const grades: Array<Grade | null> = judgementCols.map((col) => {
      const raw = get(col);
      const g = gradeOf(raw);
      if (g.ok) return g.grade;
      problem(
        col,
        `“${raw}” is not a grade (Outstanding, Good, Requires improvement to be good, Inadequate) nor a marker for a judgement not made`,
      );
      return null;
    });

    if (problems.length > before || startDate === null) continue;
    const [overall = null, leaders = null, helpAndProtection = null, childrenInCare = null, careLeavers = null] =
      grades;
    rows.push({
      line: r.line,
      laNumber,
      gssCode,
      urn,
      laName,
      ofstedRegion,
      kind,
      theme,
      startDate,
      endDate,
      publishedOn,
      leadInspector: what.official ? null : titleCaseIfLower(get('inspector_name')),
      overall,
      leaders,
      helpAndProtection,
      childrenInCare,
      careLeavers,
      link,
    });
  }
  return { table: { source: what.source, from, rows, skipped }, problems };
}

function titleCaseIfLower(name: string): string | null {
  // The scrapes' XLSX writes Python's None where the report named no inspector.
  if (!name || name === 'None') return null;
  return name === name.toLowerCase() ? name.replace(/\b([a-z])/g, (ch) => ch.toUpperCase()) : name;
}
