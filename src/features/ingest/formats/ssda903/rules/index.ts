/**
 * The 903 rules Lantern checks, in the order they are reported. Each applies in the collection years it names
 * (rules.ts appliesIn). Not here: the location rules (location.ts LOCATION_RULES, run on every return, with the
 * postcode lookup), and the rules that compare with last year's return (202–204, 205A/B/D, 207, 208, 452, 453, 502,
 * 503A–J, 624, 626, and the DoLo rule 706: cross-year.ts CROSS_YEAR_RULES, run by ../index.ts when last year's return
 * has been imported). 355 is a query here (see respite.ts). The validator's INT rules are all here (integrity.ts); Lantern's own
 * LNT-REFERENCE covers what they do not: children of SWEpisodes and DoLo missing from the Header, and reviews
 * outside every episode.
 */
import { adopterRules } from './adopters';
import { adoptionRules } from './adoption';
import { ageRules } from './ages';
import { careLeaverRules } from './care-leavers';
import { codeRules } from './codes';
import type { Rule903 } from './context';
import { dateRules } from './dates';
import { doloRules } from './dolo';
import { durationRules } from './durations';
import { episodeDateRules } from './episode-dates';
import { episodeSequenceRules } from './episode-sequence';
import { foyerRules } from './foyer';
import { headerRules } from './header';
import { integrityRules } from './integrity';
import { missingRules } from './missing';
import { missingCareRules } from './missing-care';
import { oc3Rules } from './oc3';
import { placedAdoptionRules } from './placed-adoption';
import { previousPermanenceRules } from './previous-permanence';
import { oc2Rules } from './oc2';
import { motherRules } from './mother';
import { motherStatusRules } from './mother-status';
import { placementRules } from './placement';
import { placementChangeRules } from './placement-changes';
import { placementTypeRules } from './placement-types';
import { respiteRules } from './respite';
import { providerRules } from './providers';
import { reviewRules } from './reviews';
import { socialWorkerEpisodeRules } from './social-worker-episodes';
import { socialWorkerRules } from './social-workers';
import { uascRules } from './uasc';
import { upnRules } from './upn';

export const SSDA903_RULES: readonly Rule903[] = [
  ...codeRules,
  ...dateRules,
  ...integrityRules,
  ...headerRules,
  ...motherRules,
  ...episodeSequenceRules,
  ...episodeDateRules,
  ...ageRules,
  ...placementRules,
  ...placementTypeRules,
  ...placementChangeRules,
  ...providerRules,
  ...durationRules,
  ...respiteRules,
  ...missingRules,
  ...missingCareRules,
  ...adoptionRules,
  ...adopterRules,
  ...placedAdoptionRules,
  ...previousPermanenceRules,
  ...careLeaverRules,
  ...foyerRules,
  ...oc3Rules,
  ...socialWorkerRules,
  ...socialWorkerEpisodeRules,
  ...doloRules,
  ...oc2Rules,
  ...reviewRules,
  ...uascRules,
  ...upnRules,
  ...motherStatusRules,
];
