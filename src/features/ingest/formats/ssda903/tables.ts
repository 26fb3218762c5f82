/**
 * The SSDA903 CSV tables: their columns in order (csc-validator-be-903's
 * `lac_validator/config.py`), which columns hold dates, IDs, whole numbers or codes, which values may not be blank,
 * and the collection years a table belongs to (SWEpisodes from 2023/24, DoLo from 2026/27).
 *
 * A file is recognised by its columns, never by its name (see identify.ts).
 */

export const TABLE_COLUMNS = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'],
  Episodes: [
    'CHILD',
    'DECOM',
    'RNE',
    'LS',
    'CIN',
    'PLACE',
    'PLACE_PROVIDER',
    'DEC',
    'REC',
    'REASON_PLACE_CHANGE',
    'HOME_POST',
    'PL_POST',
    'URN',
  ],
  Reviews: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'],
  UASC: ['CHILD', 'SEX', 'DOB', 'DUC'],
  OC2: [
    'CHILD',
    'DOB',
    'SDQ_SCORE',
    'SDQ_REASON',
    'CONVICTED',
    'HEALTH_CHECK',
    'IMMUNISATIONS',
    'TEETH_CHECK',
    'HEALTH_ASSESSMENT',
    'SUBSTANCE_MISUSE',
    'INTERVENTION_RECEIVED',
    'INTERVENTION_OFFERED',
  ],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'],
  AD1: ['CHILD', 'DOB', 'DATE_INT', 'DATE_MATCH', 'FOSTER_CARE', 'NB_ADOPTR', 'SEX_ADOPTR', 'LS_ADOPTR'],
  PlacedAdoption: ['CHILD', 'DOB', 'DATE_PLACED', 'DATE_PLACED_CEASED', 'REASON_PLACED_CEASED'],
  PrevPerm: ['CHILD', 'DOB', 'PREV_PERM', 'LA_PERM', 'DATE_PERM'],
  Missing: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'],
  SWEpisodes: ['CHILD', 'DOB', 'SW_ID', 'SW_DECOM', 'SW_DEC', 'SW_REASON'],
  DoLo: ['CHILD', 'DOB', 'DOLO_START', 'DOLO_END'],
} as const;

export type TableName = keyof typeof TABLE_COLUMNS;
export type ColumnOf<T extends TableName> = (typeof TABLE_COLUMNS)[T][number];
export const TABLE_NAMES = Object.keys(TABLE_COLUMNS) as TableName[];

/** The file name the exporter writes for each table (the DfE's own upload accepts any name). */
export const TABLE_FILE_NAMES: Record<TableName, string> = {
  Header: 'header.csv',
  Episodes: 'episodes.csv',
  Reviews: 'reviews.csv',
  UASC: 'uasc.csv',
  OC2: 'oc2.csv',
  OC3: 'oc3.csv',
  AD1: 'ad1.csv',
  PlacedAdoption: 'placed_for_adoption.csv',
  PrevPerm: 'prev_perm.csv',
  Missing: 'missing.csv',
  SWEpisodes: 'sw_episodes.csv',
  DoLo: 'dolo.csv',
};

/** The collection years a table is part of the return (SWEpisodes: liia "2024"; DoLo: liia "2027"). */
export const TABLE_YEARS: Record<TableName, { from: number }> = {
  Header: { from: 2000 },
  Episodes: { from: 2000 },
  Reviews: { from: 2000 },
  UASC: { from: 2000 },
  OC2: { from: 2000 },
  OC3: { from: 2000 },
  AD1: { from: 2000 },
  PlacedAdoption: { from: 2000 },
  PrevPerm: { from: 2000 },
  Missing: { from: 2000 },
  SWEpisodes: { from: 2024 },
  DoLo: { from: 2027 },
};

/** Columns holding dates (dd/mm/yyyy in the return). */
export const DATE_COLUMNS = new Set<string>([
  'DOB',
  'MC_DOB',
  'DECOM',
  'DEC',
  'REVIEW',
  'DUC',
  'DATE_INT',
  'DATE_MATCH',
  'DATE_PLACED',
  'DATE_PLACED_CEASED',
  'DATE_PERM',
  'MIS_START',
  'MIS_END',
  'SW_DECOM',
  'SW_DEC',
  'DOLO_START',
  'DOLO_END',
]);

/** Free identifiers (kept as written, apart from Excel's "12345.0"); postcodes are handled by the mapper. */
export const ID_COLUMNS = new Set<string>(['CHILD', 'UPN', 'URN', 'HOME_POST', 'PL_POST', 'SW_ID', 'LA_PERM']);

/** Whole numbers (liia `SSDA903_schema_2024.yml`). */
export const NUMBER_COLUMNS = new Set<string>(['SDQ_SCORE']);

/**
 * Values that may not be blank, beyond what a DfE rule reports itself (DEC/REC pairs are rule 148, MIS_START is
 * rule 564, DOLO_START is rule 700, REVIEW and REVIEW_CODE are rules 166 and 167). liia-tools' `SSDA903_schema_2024.yml` marks most columns required; here the optional ones
 * also include those the validator checks conditionally (OC2 flags by age, OC3 ACTIV/ACCOM by IN_TOUCH, the
 * PlacedAdoption ceased pair, SW_DEC/SW_REASON while open), and those the DfE's own rules say when to give: the AD1
 * items all or none (rule 151), DATE_PLACED (551, 563), PREV_PERM and its LA and date (630, 635), MISSING (565, 566),
 * SW_ID and SW_DECOM (SW03STG1 in 2023/24, SW01aSTG1/SW01bSTG1 after).
 */
export const REQUIRED_VALUES: { [T in TableName]: ReadonlyArray<ColumnOf<T>> } = {
  Header: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN'],
  Episodes: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE'],
  Reviews: ['CHILD', 'DOB'],
  UASC: ['CHILD', 'SEX', 'DOB'],
  OC2: ['CHILD', 'DOB'],
  OC3: ['CHILD', 'DOB', 'IN_TOUCH'],
  AD1: ['CHILD', 'DOB'],
  PlacedAdoption: ['CHILD', 'DOB'],
  PrevPerm: ['CHILD', 'DOB'],
  Missing: ['CHILD', 'DOB'],
  SWEpisodes: ['CHILD', 'DOB'],
  DoLo: ['CHILD', 'DOB'],
};

/** One parsed row: every column of the table (dates as YYYY-MM-DD when valid, else as written; null when blank). */
export type Row<T extends TableName> = Readonly<Record<ColumnOf<T>, string | null>> & {
  /** The file's name as given, and the CSV line (header = 1). */
  readonly file: string;
  readonly line: number;
};

/** The whole return as read: each table's rows in file order (several files of one table are concatenated). */
export type Return903 = { [T in TableName]: Array<Row<T>> };

export function emptyReturn(): Return903 {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as Return903;
}
