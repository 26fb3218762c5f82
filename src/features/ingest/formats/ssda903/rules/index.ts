/**
 * The 903 rules Lantern checks, in the order they are reported. Each applies in the collection years it names
 * (rules.ts appliesIn). Not implemented (see the format's README note in ../index.ts): 202–204 and 502/503 (they
 * need last year's return), 355, 367, 527–531, 1007/1016, 702–706, 708, 710.
 */
import { adoptionRules } from './adoption';
import { codeRules } from './codes';
import type { Rule903 } from './context';
import { dateRules } from './dates';
import { doloRules } from './dolo';
import { durationRules } from './durations';
import { episodeSequenceRules } from './episode-sequence';
import { headerRules } from './header';
import { integrityRules } from './integrity';
import { missingRules } from './missing';
import { placementRules } from './placement';
import { socialWorkerRules } from './social-workers';

export const SSDA903_RULES: readonly Rule903[] = [
  ...codeRules,
  ...dateRules,
  ...integrityRules,
  ...headerRules,
  ...episodeSequenceRules,
  ...placementRules,
  ...durationRules,
  ...missingRules,
  ...adoptionRules,
  ...socialWorkerRules,
  ...doloRules,
];
