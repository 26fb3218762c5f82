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
    ACCOM: { codes: fixed(ACCOMMODATION_RETURN_CODES), rule: null },
  },
  AD1: {
    FOSTER_CARE: { codes: fixed(FLAG_CODES), rule: '114' },
    SEX_ADOPTR: { codes: fixed(ADOPTER_SEX_CODES), rule: '176' },
    LS_ADOPTR: { codes: fixed(ADOPTER_LEGAL_STATUS_CODES), rule: '177' },
  },
  PlacedAdoption: { REASON_PLACED_CEASED: { codes: fixed(REASON_PLACED_CEASED_CODES), rule: '120' } },
  PrevPerm: { PREV_PERM: { codes: fixed(PREVIOUS_PERMANENCE_CODES), rule: '631' } },
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
  Missing: { MIS_START: '1004', MIS_END: '1005' },
  SWEpisodes: { SW_DECOM: 'SW04STG1', SW_DEC: 'SW05STG1' },
  DoLo: { DOLO_START: '700', DOLO_END: '701' },
};

/** Whole-number columns whose validity is a DfE rule of its own: the reader keeps the text for the rule. */
export const NUMBER_RULES: Partial<Record<TableName, Record<string, string>>> = {
  OC2: { SDQ_SCORE: '180' },
};
