/**
 * SSDA903 code lists by collection year (csc-validator-be-903's year folders). Lists shared with other formats come from
 * src/domain/code-lists.ts; the ones only the 903 uses are here.
 */
import {
  ACTIVITY_CODES,
  ETHNICITY_CODES,
  IN_TOUCH_CODES,
  LEGAL_STATUSES,
  PLACEMENT_CHANGE_REASONS,
  PLACEMENT_PROVIDERS,
  REASONS_CEASED,
  REVIEW_PARTICIPATION_CODES,
  SOCIAL_WORKER_CHANGE_REASONS,
  placementTypesFor,
} from '../../../../domain/code-lists';
import type { TableName } from './tables';

/** SEX: 1/2 until 2023/24 (collection year 2024); M/F/U from 2024/25 (rule 101). */
export function sexCodesFor(year: number): readonly string[] {
  return year <= 2024 ? ['1', '2'] : ['M', 'F', 'U'];
}

/** Canonical sex (M/F/U) from a 903 SEX value of the year; null if it is not one. */
export function canonicalSex(code: string, year: number): string | null {
  if (!sexCodesFor(year).includes(code)) return null;
  return code === '1' ? 'M' : code === '2' ? 'F' : code;
}

/** 903 SEX for the year from the canonical sex. U before 2024/25 has no code; it is written as blank. */
export function returnSex(sex: string, year: number): string {
  if (year >= 2025) return sex;
  return sex === 'M' ? '1' : sex === 'F' ? '2' : '';
}

export const RNE_CODES = ['S', 'L', 'P', 'T', 'U', 'B'] as const;
export const CATEGORY_OF_NEED_CODES = ['N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8'] as const;
export const UPN_UNKNOWN_CODES = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5'] as const;
export const MISSING_CODES = ['M', 'A'] as const;
export const SDQ_REASONS = ['SDQ1', 'SDQ2', 'SDQ3', 'SDQ4', 'SDQ5'] as const;
export const FLAG_CODES = ['0', '1'] as const;
export const ADOPTER_SEX_CODES = ['M1', 'F1', 'MM', 'FF', 'MF'] as const;
export const ADOPTER_LEGAL_STATUS_CODES = ['L0', 'L11', 'L12', 'L2', 'L3', 'L4'] as const;
export const REASON_PLACED_CEASED_CODES = ['RD1', 'RD2', 'RD3', 'RD4'] as const;
export const PREVIOUS_PERMANENCE_CODES = ['P1', 'P2', 'P3', 'P4', 'Z1'] as const;
const NUMBER_OF_ADOPTERS_CODES = ['1', '2'] as const;

/**
 * LA_PERM: where the previous permanence order was arranged. The DfE's 3-digit LA numbers of English authorities,
 * those of today and those before the reorganisations since 2019 (Bournemouth 837, Poole 836 and Dorset 835 became
 * 838 and 839; Northamptonshire 855 became 940 and 941; Cumbria 909 became 942 and 943), as in Lantern's DfE
 * statistical neighbour files (reference-data/la-reference), and WAL, SCO, NIR and NUK for Wales, Scotland, Northern
 * Ireland and outside the UK. The validator's list (rule_633.py) predates 838–943 and also has 999, which names no
 * authority; Lantern follows the DfE's LA numbers.
 */
const PERMANENCE_AUTHORITY_CODES: readonly string[] = [
  ...`201 202 203 204 205 206 207 208 209 210 211 212 213 301 302 303 304 305 306 307 308 309 310 311 312 313 314 315
  316 317 318 319 320 330 331 332 333 334 335 336 340 341 342 343 344 350 351 352 353 354 355 356 357 358 359 370 371
  372 373 380 381 382 383 384 390 391 392 393 394 420 800 801 802 803 805 806 807 808 810 811 812 813 815 816 821 822
  823 825 826 830 831 835 836 837 838 839 840 841 845 846 850 851 852 855 856 857 860 861 865 866 867 868 869 870 871
  872 873 874 876 877 878 879 880 881 882 883 884 885 886 887 888 889 890 891 892 893 894 895 896 908 909 916 919 921
  925 926 928 929 931 933 935 936 937 938 940 941 942 943`.split(/\s+/),
  'WAL',
  'SCO',
  'NIR',
  'NUK',
];

/** ACCOM: a letter and a suitability digit (1 suitable, 2 unsuitable); S and X only with 2 (rule 133); 0 not known. */
export const ACCOMMODATION_RETURN_CODES: readonly string[] = [
  ...['B', 'C', 'D', 'E', 'G', 'H', 'K', 'R', 'T', 'U', 'V', 'W', 'Y', 'Z'].flatMap((l) => [`${l}1`, `${l}2`]),
  'S2',
  'X2',
  '0',
];

/** REC codes that mean the child was adopted. */
export const ADOPTED_REC = ['E11', 'E12'] as const;
/** REC codes that mean a special guardianship order. */
export const SGO_REC = ['E45', 'E46', 'E47', 'E48'] as const;

/** Placed for adoption (A3–A6) and fostering for adoption (U2, U5) placement types. */
export const PLACED_FOR_ADOPTION = ['A3', 'A4', 'A5', 'A6'] as const;
export const FOSTERING_FOR_ADOPTION = ['U2', 'U5'] as const;

/** Temporary placements (rules 380/381). */
export const TEMPORARY_PLACEMENTS = ['T0', 'T1', 'T2', 'T3', 'T4'] as const;

/**
 * The code list a coded column is checked against in a year, and the DfE rule that reports a bad code (or
 * LNT-CODE where the validator has none of its own).
 */
export interface CodedColumn {
  codes: (year: number) => readonly string[];
  rule: string | null;
}

const fixed = (list: readonly string[]) => () => list;

export const CODED_COLUMNS: Partial<Record<TableName, Record<string, CodedColumn>>> = {
  Header: {
    SEX: { codes: sexCodesFor, rule: '101' },
    ETHNIC: { codes: fixed(ETHNICITY_CODES), rule: '103' },
    MOTHER: { codes: fixed(FLAG_CODES), rule: null },
  },
  Episodes: {
    RNE: { codes: fixed(RNE_CODES), rule: '143' },
    LS: { codes: fixed(LEGAL_STATUSES), rule: '144' },
    CIN: { codes: fixed(CATEGORY_OF_NEED_CODES), rule: '145' },
    PLACE: { codes: placementTypesFor, rule: '146' },
    PLACE_PROVIDER: { codes: fixed(PLACEMENT_PROVIDERS), rule: '178' },
    REC: { codes: fixed(REASONS_CEASED), rule: '149' },
    REASON_PLACE_CHANGE: { codes: fixed(PLACEMENT_CHANGE_REASONS), rule: '1009' },
  },
  Reviews: { REVIEW_CODE: { codes: fixed(REVIEW_PARTICIPATION_CODES), rule: '167' } },
  UASC: { SEX: { codes: sexCodesFor, rule: null } },
  OC2: {
    SDQ_REASON: { codes: fixed(SDQ_REASONS), rule: '196' },
    CONVICTED: { codes: fixed(FLAG_CODES), rule: '181' },
    HEALTH_CHECK: { codes: fixed(FLAG_CODES), rule: '181' },
    IMMUNISATIONS: { codes: fixed(FLAG_CODES), rule: '181' },
    TEETH_CHECK: { codes: fixed(FLAG_CODES), rule: '181' },
    HEALTH_ASSESSMENT: { codes: fixed(FLAG_CODES), rule: '181' },
    SUBSTANCE_MISUSE: { codes: fixed(FLAG_CODES), rule: '181' },
    INTERVENTION_RECEIVED: { codes: fixed(FLAG_CODES), rule: '181' },
    INTERVENTION_OFFERED: { codes: fixed(FLAG_CODES), rule: '181' },
  },
  OC3: {
    IN_TOUCH: { codes: fixed(IN_TOUCH_CODES), rule: '131' },
    ACTIV: { codes: fixed(ACTIVITY_CODES), rule: '132' },
    ACCOM: { codes: fixed(ACCOMMODATION_RETURN_CODES), rule: '133' },
  },
  AD1: {
    FOSTER_CARE: { codes: fixed(FLAG_CODES), rule: '114' },
    NB_ADOPTR: { codes: fixed(NUMBER_OF_ADOPTERS_CODES), rule: '175' },
    SEX_ADOPTR: { codes: fixed(ADOPTER_SEX_CODES), rule: '176' },
    LS_ADOPTR: { codes: fixed(ADOPTER_LEGAL_STATUS_CODES), rule: '177' },
  },
  PlacedAdoption: { REASON_PLACED_CEASED: { codes: fixed(REASON_PLACED_CEASED_CODES), rule: '120' } },
  PrevPerm: {
    PREV_PERM: { codes: fixed(PREVIOUS_PERMANENCE_CODES), rule: '631' },
    LA_PERM: { codes: fixed(PERMANENCE_AUTHORITY_CODES), rule: '633' },
  },
  Missing: { MISSING: { codes: fixed(MISSING_CODES), rule: '1006' } },
  SWEpisodes: { SW_REASON: { codes: fixed(SOCIAL_WORKER_CHANGE_REASONS), rule: 'SW13STG1' } },
};

/** Date columns whose validity is a DfE rule of its own (rules/dates.ts): the reader leaves them to it. */
export const DATE_RULES: Partial<Record<TableName, Record<string, string>>> = {
  Header: { DOB: '102', MC_DOB: '171' },
  Episodes: { DECOM: '141', DEC: '147' },
  Reviews: { REVIEW: '166' },
  UASC: { DUC: '104' },
  AD1: { DATE_INT: '112', DATE_MATCH: '113' },
  PlacedAdoption: { DATE_PLACED: '115', DATE_PLACED_CEASED: '116' },
  PrevPerm: { DATE_PERM: '632' },
  Missing: { MIS_START: '1004', MIS_END: '1005' },
  SWEpisodes: { SW_DECOM: 'SW04STG1', SW_DEC: 'SW05STG1' },
  DoLo: { DOLO_START: '700', DOLO_END: '701' },
};

/** Whole-number columns whose validity is a DfE rule of its own: the reader keeps the text for the rule. */
export const NUMBER_RULES: Partial<Record<TableName, Record<string, string>>> = {
  OC2: { SDQ_SCORE: '180' },
};
