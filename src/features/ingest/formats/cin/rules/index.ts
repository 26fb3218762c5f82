/**
 * The CIN census rules Lantern runs, by scope. Each rule names the collection years it
 * applies in and its source in the DfE validator (data-to-insight/csc-validator-be-cin).
 */
import { ASSESSMENT_RULES } from './assessments';
import { AUTHORITY_LEVEL_RULES } from './authority-level';
import { CENSUS_YEAR_RULES } from './census-year';
import { CHILD_DETAIL_RULES } from './child-details';
import { CIN_PLAN_RULES } from './cin-plans';
import { CLOSED_EPISODE_RULES } from './closed-episodes';
import { CLOSURE_RULES } from './closure';
import type { ChildRule, FileRule, HeaderRule } from './context';
import { CP_PLAN_RULES } from './cp-plans';
import { DEATH_RULES } from './death';
import { EPISODE_RULES } from './episodes';
import { FILE_RULES } from './file';
import { HEADER_RULES } from './header';
import { IDENTIFIER_RULES } from './identifiers';
import { NFA_RULES } from './nfa';
import { OVERLAP_RULES } from './overlaps';
import { REFERRAL_RULES } from './referral';
import { SECTION47_RULES } from './section47';

export const CIN_HEADER_RULES: readonly HeaderRule[] = HEADER_RULES;
export const CIN_FILE_RULES: readonly FileRule[] = [...FILE_RULES, ...AUTHORITY_LEVEL_RULES];
export const CIN_CHILD_RULES: readonly ChildRule[] = [
  ...IDENTIFIER_RULES,
  ...REFERRAL_RULES,
  ...CLOSURE_RULES,
  ...EPISODE_RULES,
  ...NFA_RULES,
  ...ASSESSMENT_RULES,
  ...SECTION47_RULES,
  ...CP_PLAN_RULES,
  ...CIN_PLAN_RULES,
  ...DEATH_RULES,
  ...CENSUS_YEAR_RULES,
  ...CLOSED_EPISODE_RULES,
  ...OVERLAP_RULES,
  ...CHILD_DETAIL_RULES,
];
