/**
 * Published reference data an authority loads (`lantern reference import`, the admin page): England and Wales bank
 * holidays, the authority lookup, DfE statistical neighbours, and DfE / ONS benchmark figures for every authority,
 * region and England. Public facts, loaded from the files DfE, ONS and GOV.UK publish; never child data.
 */
import { sql } from 'drizzle-orm';
import { boolean, index, integer, numeric, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { createdAt, day } from './columns';

/** Bank holidays by GOV.UK division (england-and-wales). When the table has rows they replace the built-in list. */
export const bankHolidays = pgTable(
  'bank_holidays',
  {
    division: text('division').notNull(),
    date: day('date').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.division, t.date] })],
);

/** Every reference file loaded: what, from which file, how many rows, by whom. */
export const referenceImports = pgTable('reference_imports', {
  id: serial('id').primaryKey(),
  /** bank-holidays, la-lookup, statistical-neighbours, benchmarks. */
  kind: text('kind').notNull(),
  /** The published table recognised, e.g. c1_children_in_need_referrals_and_rereferrals. */
  source: text('source').notNull(),
  fileName: text('file_name').notNull(),
  sha256: text('sha256').notNull(),
  rows: integer('rows').notNull(),
  importedBy: text('imported_by').notNull(),
  importedAt: createdAt(),
});

/** English local authorities with children's services (upper tier), keyed by the DfE (old) 3-digit LA number. */
export const referenceAuthorities = pgTable('reference_authorities', {
  laNumber: text('la_number').primaryKey(),
  gssCode: text('gss_code'),
  name: text('name').notNull(),
  regionCode: text('region_code'),
  regionName: text('region_name'),
});

/** DfE statistical neighbours: for each authority and model year, its ten neighbours in rank order. */
export const statisticalNeighbours = pgTable(
  'statistical_neighbours',
  {
    /** The model: 2021, 2025. */
    model: text('model').notNull(),
    laNumber: text('la_number').notNull(),
    rank: integer('rank').notNull(),
    neighbourLaNumber: text('neighbour_la_number').notNull(),
    /** Very close, Close, Somewhat close, Not close (as published), or null. */
    closeness: text('closeness'),
  },
  (t) => [primaryKey({ columns: [t.model, t.laNumber, t.rank] })],
);

/**
 * One published figure: a measure (Lantern's name for it, e.g. rereferrals-percent) for a year, at national,
 * regional or authority level. `value` is null when the cell is suppressed, and `suppressed` says how (c, z, x, low).
 */
export const benchmarkValues = pgTable(
  'benchmark_values',
  {
    measure: text('measure').notNull(),
    /** The year the figure is for, as published (time_period: 2025 for the year to 31 March 2025; 202425 → 2025). */
    year: integer('year').notNull(),
    /** national, regional, la. */
    level: text('level').notNull(),
    /** E92000001, a region code (E12…), or the authority's old 3-digit LA number. */
    areaCode: text('area_code').notNull(),
    areaName: text('area_name').notNull(),
    /** For regional and authority rows: the region's code. */
    regionCode: text('region_code'),
    value: numeric('value', { mode: 'number' }),
    suppressed: text('suppressed'),
    /** The published table it came from. */
    source: text('source').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.measure, t.year, t.level, t.areaCode] }),
    index('benchmark_values_area').on(t.areaCode, t.measure),
  ],
);

/**
 * Working days as a table, so that SQL can count them: `rank` is the number of working days from the start of the
 * table up to and including `day`. Working days after D up to and including E = rank(E) − rank(D) — the same count
 * as `workingDaysBetween` in src/domain/working-days.ts (the start day is day 0). Rebuilt from the bank holidays
 * whenever they change (src/features/reference/calendar.ts).
 */
export const workingDayCalendar = pgTable(
  'working_day_calendar',
  {
    day: day('day').primaryKey(),
    rank: integer('rank').notNull(),
    isWorkingDay: boolean('is_working_day').notNull(),
  },
  // The Nth working day after D: the working day whose rank is rank(D) + N.
  (t) => [
    index('working_day_calendar_rank')
      .on(t.rank)
      .where(sql`${t.isWorkingDay}`),
  ],
);

/**
 * Ofsted's published outcomes for every authority, one row per inspection or visit, from the official "LA inspection
 * outcomes" tables and the community scrapes' histories. Grades use src/domain/ofsted.ts keys; a judgement the
 * inspection did not make (care leavers before 2023, overall from April 2026) is null. Each import's rows are
 * replaced when the same kind of file is loaded again.
 */
export const ofstedOutcomes = pgTable(
  'ofsted_outcomes',
  {
    importId: integer('import_id').notNull(),
    /** The published table the row came from, e.g. ofsted-ilacs-history-2018-2025, jt39-ilacs-history. */
    source: text('source').notNull(),
    laNumber: text('la_number').notNull(),
    laName: text('la_name').notNull(),
    /** Ofsted region as published (8 regions), when the file has it. */
    ofstedRegion: text('ofsted_region'),
    /** sif, ilacs-standard, ilacs-short, focused-visit, monitoring-visit, or null when the file does not say. */
    kind: text('kind'),
    theme: text('theme'),
    startDate: day('start_date').notNull(),
    endDate: day('end_date'),
    publishedOn: day('published_on'),
    leadInspector: text('lead_inspector'),
    overall: text('overall'),
    leaders: text('leaders'),
    helpAndProtection: text('help_and_protection'),
    childrenInCare: text('children_in_care'),
    careLeavers: text('care_leavers'),
    link: text('link'),
  },
  (t) => [index('ofsted_outcomes_la').on(t.laNumber, t.startDate), index('ofsted_outcomes_import').on(t.importId)],
);

/**
 * Postcodes with the authority they lie in and their grid reference, for the SSDA903 location rules (decision 0027):
 * loaded from the ONS Postcode Directory or the National Statistics Postcode Lookup (`lantern reference import`,
 * scope 'national'), or, for the demo authority, its own SYNTHETIC postcodes (scope: the authority's code; source
 * 'synthetic-demo'), which are never ONS data. Public facts about places: no child is named here.
 */
export const postcodeLookup = pgTable(
  'postcode_lookup',
  {
    /** 'national' for a loaded postcode directory, or the code of the one authority these rows are for. */
    scope: text('scope').notNull(),
    /** In Lantern's form: upper case, one space (N12 0AB). */
    postcode: text('postcode').notNull(),
    /**
     * The GSS code of the authority with children's services there: the county where the directory gives one (a
     * two-tier area), else the local authority district (unitary, metropolitan, London); W…, S…, N… outside England.
     */
    laCode: text('la_code'),
    /** OS grid reference in metres (oseast1m, osnrth1m); null where the directory has none. */
    easting: integer('easting'),
    northing: integer('northing'),
    /** ons-postcode-directory or synthetic-demo. */
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.postcode] })],
);

/**
 * Ofsted's register of children's social care providers, for the SSDA903 URN rules (219–230, 1008; decision 0027):
 * each setting's URN with the placement types and providers it may be used for, its postcode and the day its
 * registration ended. Loaded from Ofsted's provider list as CSV (`lantern reference import`, scope 'national'), or,
 * for the demo authority, its own SYNTHETIC register (scope: the authority's code; source 'synthetic-demo'), which
 * is never Ofsted data. Public facts about settings: no child is named here.
 */
export const providerLookup = pgTable(
  'provider_lookup',
  {
    /** 'national' for a loaded Ofsted list, or the code of the one authority these rows are for. */
    scope: text('scope').notNull(),
    /** Upper case, as Ofsted writes it (SC123456, 1234567). */
    urn: text('urn').notNull(),
    /** The 903 placement types (PLACE) the setting may be, comma-separated (K1,K2); empty when not given. */
    placeCodes: text('place_codes').notNull(),
    /** The 903 placement providers (PLACE_PROVIDER) it may be, comma-separated (PR4); empty when not given. */
    providerCodes: text('provider_codes').notNull(),
    /** The setting's postcode in Lantern's form (N12 0AB), or null. */
    postcode: text('postcode'),
    /** The day its registration ended (deregistered or closed), or null while it is registered. */
    closed: day('closed'),
    /** ofsted-provider-list or synthetic-demo. */
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.urn] })],
);
