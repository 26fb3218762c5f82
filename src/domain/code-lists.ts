/**
 * Statutory code lists, versioned by collection year where they change. Codes are copied from
 * the DfE validators (csc-validator-be-903 and -cin) and liia-tools' SSDA903 schemas and CIN XSDs; texts paraphrased.
 *
 * A collection year runs from 1 April to 31 March and is named by the year it ends in: collection year 2026 is
 * 1 April 2025 – 31 March 2026 (the validators name its rules lac2025_26 and cin2025_26).
 */

import { civilFromDays } from './working-days';

/** The collection year an ISO date falls in (1 April 2025 – 31 March 2026 → 2026). */
export function collectionYearOf(isoDate: string): number {
  const year = Number(isoDate.slice(0, 4));
  return isoDate.slice(5) >= '04-01' ? year + 1 : year;
}

/** The same, for a day number (whole days since 1970-01-01). */
export function collectionYearOfDayNumber(day: number): number {
  const [year, month] = civilFromDays(day);
  return month >= 4 ? year + 1 : year;
}

/** The 20 DfE ethnicity codes (903 ETHNIC, CIN Ethnicity). */
export const ETHNICITY_CODES = [
  'WBRI',
  'WIRI',
  'WOTH',
  'WIRT',
  'WROM',
  'MWBC',
  'MWBA',
  'MWAS',
  'MOTH',
  'AIND',
  'APKN',
  'ABAN',
  'AOTH',
  'BCRB',
  'BAFR',
  'BOTH',
  'CHNE',
  'OOTH',
  'REFU',
  'NOBT',
] as const;

/** The five broad ethnic groups used for the child population and equalities analysis (ONS 2011 headings). */
export const ETHNIC_GROUPS = ['White', 'Mixed', 'Asian', 'Black', 'Other'] as const;
export type EthnicGroup = (typeof ETHNIC_GROUPS)[number];

/**
 * Broad group of an ethnicity code. CHNE (Chinese) is in "Other" as in DfE's children looked after tables;
 * REFU (refused) and NOBT (not obtained) have no group.
 */
export function ethnicGroupOf(code: string): EthnicGroup | null {
  if (code === 'CHNE' || code === 'OOTH') return 'Other';
  if (code === 'REFU' || code === 'NOBT') return null;
  switch (code[0]) {
    case 'W':
      return 'White';
    case 'M':
      return 'Mixed';
    case 'A':
      return 'Asian';
    case 'B':
      return 'Black';
    default:
      return null;
  }
}

/** CIN census ReferralSource; 5D (LA early help) from collection year 2023. */
export function referralSourcesFor(collectionYear: number): readonly string[] {
  const base = [
    '1A',
    '1B',
    '1C',
    '1D',
    '2A',
    '2B',
    '3A',
    '3B',
    '3C',
    '3D',
    '3E',
    '3F',
    '4',
    '5A',
    '5B',
    '5C',
    '6',
    '7',
    '8',
    '9',
    '10',
  ];
  return collectionYear >= 2023 ? [...base.slice(0, 16), '5D', ...base.slice(16)] : base;
}

export const PRIMARY_NEED_CODES = ['N0', 'N1', 'N2', 'N3', 'N4', 'N5', 'N6', 'N7', 'N8', 'N9'] as const;
/** CIN ReasonForClosure; RC9 (closed after assessment, referred to early help) from collection year 2023. */
export function closureReasonsFor(collectionYear: number): readonly string[] {
  const base = ['RC1', 'RC2', 'RC3', 'RC4', 'RC5', 'RC6', 'RC7', 'RC8'];
  return collectionYear >= 2023 ? [...base, 'RC9'] : base;
}
export const CATEGORIES_OF_ABUSE = ['NEG', 'PHY', 'SAB', 'EMO', 'MUL'] as const;
export const DISABILITY_CODES = [
  'MOB',
  'HAND',
  'PC',
  'INC',
  'COMM',
  'LD',
  'HEAR',
  'VIS',
  'BEH',
  'CON',
  'AUT',
  'DDA',
] as const;

/**
 * CIN AssessmentFactors. 18B/18C/19B/19C/24A were added in collection year 2022 (liia "2022"), replacing the
 * retired 18A/19A.
 */
export function assessmentFactorsFor(collectionYear: number): readonly string[] {
  const base = [
    '1A',
    '1B',
    '1C',
    '2A',
    '2B',
    '2C',
    '3A',
    '3B',
    '3C',
    '4A',
    '4B',
    '4C',
    '5A',
    '5B',
    '5C',
    '6A',
    '6B',
    '6C',
    '7A',
    '8B',
    '8C',
    '8D',
    '8E',
    '8F',
    '9A',
    '10A',
    '11A',
    '12A',
    '13A',
    '14A',
    '15A',
    '16A',
    '17A',
    '20',
    '21',
    '22A',
    '23A',
  ];
  return collectionYear >= 2022 ? [...base, '18B', '18C', '19B', '19C', '24A'] : [...base, '18A', '19A'];
}

/** SSDA903 LS. */
export const LEGAL_STATUSES = ['C1', 'C2', 'D1', 'E1', 'V2', 'V3', 'V4', 'L1', 'L2', 'L3', 'J1', 'J2', 'J3'] as const;

/**
 * SSDA903 PLACE by collection year (csc-validator-be-903's year folders): K3 added and H5 and P2 removed in 2025 (2024/25);
 * Z1 split into Z11–Z14 in 2026 (2025/26). In 2024 (2023/24) H5 and K3 were both tolerated.
 */
export function placementTypesFor(collectionYear: number): readonly string[] {
  const common = [
    'A3',
    'A4',
    'A5',
    'A6',
    'K1',
    'K2',
    'P1',
    'P3',
    'R1',
    'R2',
    'R3',
    'R5',
    'S1',
    'T0',
    'T1',
    'T2',
    'T3',
    'T4',
    'U1',
    'U2',
    'U3',
    'U4',
    'U5',
    'U6',
  ];
  if (collectionYear <= 2023) return [...common, 'H5', 'P2', 'Z1'];
  if (collectionYear === 2024) return [...common, 'H5', 'K3', 'P2', 'Z1'];
  if (collectionYear === 2025) return [...common, 'K3', 'Z1'];
  return [...common, 'K3', 'Z11', 'Z12', 'Z13', 'Z14'];
}

/** The placement type for supported accommodation for 16–17-year-olds in a collection year: H5 until 2024, K3 after. */
export function supportedAccommodationCode(collectionYear: number): 'H5' | 'K3' {
  return collectionYear <= 2024 ? 'H5' : 'K3';
}

/** SSDA903 PLACE_PROVIDER. */
export const PLACEMENT_PROVIDERS = ['PR0', 'PR1', 'PR2', 'PR3', 'PR4', 'PR5'] as const;

/** SSDA903 REC (reason episode ceased), current list. */
export const REASONS_CEASED = [
  'X1',
  'E11',
  'E12',
  'E2',
  'E3',
  'E4A',
  'E4B',
  'E13',
  'E41',
  'E45',
  'E46',
  'E47',
  'E48',
  'E5',
  'E6',
  'E7',
  'E8',
  'E9',
  'E14',
  'E15',
  'E16',
  'E17',
] as const;

/** SSDA903 REASON_PLACE_CHANGE. */
export const PLACEMENT_CHANGE_REASONS = [
  'CARPL',
  'CLOSE',
  'ALLEG',
  'STAND',
  'APPRR',
  'CREQB',
  'CREQO',
  'CHILD',
  'LAREQ',
  'PLACE',
  'CUSTOD',
  'OTHER',
] as const;

/** SSDA903 REVIEW_CODE: PN0 for a child under 4 at the review. */
export const REVIEW_PARTICIPATION_CODES = ['PN0', 'PN1', 'PN2', 'PN3', 'PN4', 'PN5', 'PN6', 'PN7'] as const;

/** SSDA903 SW_REASON (why a social worker episode ended), from collection year 2024. */
export const SOCIAL_WORKER_CHANGE_REASONS = [
  'MANAGE',
  'FCONTA',
  'LEFTRL',
  'ORGRST',
  'TSPROC',
  'ABSENC',
  'CHCHAN',
  'PCCHAN',
  'SWDIED',
  'OTHERS',
] as const;

/** SSDA903 OC3 IN_TOUCH, ACCOM letters (suitability held separately) and ACTIV (2022 onwards). */
export const IN_TOUCH_CODES = ['YES', 'NO', 'DIED', 'REFU', 'NREQ', 'RHOM'] as const;
export const ACCOMMODATION_CODES = [
  'B',
  'C',
  'D',
  'E',
  'G',
  'H',
  'K',
  'R',
  'S',
  'T',
  'U',
  'V',
  'W',
  'X',
  'Y',
  'Z',
] as const;
export const ACTIVITY_CODES = ['F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5', 'G4', 'G5', 'G6', '0'] as const;
