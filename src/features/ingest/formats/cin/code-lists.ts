/**
 * CIN census code lists that src/domain/code-lists.ts does not hold, by collection year (the liia-tools CIN XSDs).
 * A collection year is named by the year it ends: 2025 = 2024/25, reference date 31 March 2025.
 */
export {
  ETHNICITY_CODES,
  PRIMARY_NEED_CODES,
  CATEGORIES_OF_ABUSE,
  DISABILITY_CODES,
  referralSourcesFor,
  closureReasonsFor,
  assessmentFactorsFor,
} from '../../../../domain/code-lists';

/** The first and last collection years this reader accepts (2022/23 to 2026/27). */
export const FIRST_YEAR = 2023;
export const LAST_YEAR = 2027;

/** `Sex` (M/F/U) replaced `GenderCurrent` (1/2/0/9) from 2024/25 (the 2024/25 CIN census schema). */
export const FIRST_SEX_YEAR = 2025;
/** The PreProceedingsandFGDM module is part of the census from 2026/27 (csc-validator-be-cin's 2026 sample XML). */
export const FIRST_PRE_PROCEEDINGS_YEAR = 2027;
/** Rules 1570/1580 (LAchildID length and characters) apply from 2024/25 (csc-validator-be-cin). */
export const FIRST_CHILD_ID_FORMAT_YEAR = 2025;

export const SEX_CODES = ['M', 'F', 'U'] as const;
/** GenderCurrent: 1 male, 2 female, 0 not recorded or unborn, 9 indeterminate. */
export const GENDER_CURRENT_CODES = ['1', '2', '0', '9'] as const;

/** Canonical sex from a GenderCurrent code: 1→M, 2→F, 0 and 9→U. */
export function sexFromGenderCurrent(code: string): 'M' | 'F' | 'U' {
  return code === '1' ? 'M' : code === '2' ? 'F' : 'U';
}

/** GenderCurrent for a canonical sex: U is written as 0 (not recorded or unborn); 9 cannot be told from U. */
export function genderCurrentFromSex(sex: string): string {
  return sex === 'M' ? '1' : sex === 'F' ? '2' : '0';
}

/** Assessment factors retired in 2021/22 (18A physical abuse, 19A sexual abuse): read, but queried (8945Q, 8950Q). */
export const RETIRED_FACTORS = ['18A', '19A'] as const;

/** The Disability code that says the child has none (it is not stored: no rows means none recorded). */
export const NO_DISABILITY = 'NONE';

/** UPNunknown reasons (the CIN census code list). */
export const UPN_UNKNOWN_CODES = ['UN1', 'UN2', 'UN3', 'UN4', 'UN5', 'UN6', 'UN7'] as const;

/**
 * PPOutcome (2026/27). The DfE code list was not available to us; the only sample
 * (csc-validator-be-cin fake_data/CIN_Census_2026.xml) pairs `A` with a court application date. Lantern's
 * provisional reading, to be confirmed against the DfE guide: A = application made to court (proceedings issued),
 * B = stepped down from pre-proceedings. A blank PPOutcome means pre-proceedings are still going on.
 */
export const PP_OUTCOMES: Readonly<Record<string, 'proceedings-issued' | 'step-down'>> = {
  A: 'proceedings-issued',
  B: 'step-down',
};
export function ppOutcomeCode(outcome: string | null): string | null {
  if (outcome === 'proceedings-issued') return 'A';
  if (outcome === 'step-down') return 'B';
  return null;
}
