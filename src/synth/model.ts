/**
 * The generator's in-memory picture of a child's journey, before it becomes table rows.
 *
 * Dates are day numbers (whole days since 1970-01-01; see domain/working-days.ts) and may lie after the last day
 * of the data while a journey is simulated: the loader (emit.ts) clips everything to `asAt`, leaving open what has
 * not ended by then. Each record has an `id` filled in by the loader (0 until then, and 0 for a record outside
 * the emitted history).
 */
import type { EthnicGroup } from '../domain/code-lists';

export type Day = number;

/** Service areas, as in the `teams.service_area` column. */
export type ServiceArea =
  | 'front-door'
  | 'early-help'
  | 'assessment'
  | 'cin-cp'
  | 'children-in-care'
  | 'care-leavers'
  | 'disabled-children'
  | 'permanence'
  | 'lado'
  | 'iro';

export type AllocationRole = 'social-worker' | 'personal-adviser' | 'iro' | 'early-help-practitioner';

/** A stretch of time a child needs a team (and a worker) in one role: the journey's allocation need. */
export interface Segment {
  area: ServiceArea;
  role: AllocationRole;
  start: Day;
  end: Day | null;
  /** Why the next worker took over, when the child moved team (SSDA903 SW_REASON). */
  endReason: string | null;
  /** Held by the team while no worker is allocated (e.g. a care leaver waiting for a personal adviser). */
  unassigned?: boolean;
}

export interface Contact {
  id: number;
  day: Day;
  source: string;
  decision: 'nfa' | 'information-advice' | 'early-help' | 'referral';
  decisionDay: Day;
  bragInitial: string;
  bragFinal: string;
}

export interface EarlyHelp {
  id: number;
  contact: Contact | null;
  request: Day;
  allocation: Day | null;
  assessmentStart: Day | null;
  assessmentEnd: Day | null;
  organisation: string;
  end: Day | null;
  outcome: string;
}

export interface Assessment {
  id: number;
  start: Day;
  authorised: Day;
  seen: boolean;
  seenDay: Day | null;
  seenAlone: boolean;
  factors: string[];
  furtherServices: boolean;
}

export interface StrategyDiscussion {
  id: number;
  day: Day;
  police: boolean;
  health: boolean;
  education: boolean;
  outcome: 's47' | 'no-s47';
}

export interface S47 {
  id: number;
  strategy: StrategyDiscussion;
  start: Day;
  end: Day;
  icpcNotRequired: boolean;
  outcome: 'icpc' | 'nfa' | 'cin-plan';
}

export interface Icpc {
  id: number;
  s47: S47 | null;
  transferIn: boolean;
  target: Day | null;
  day: Day;
  plan: boolean;
}

export interface CinPlan {
  id: number;
  start: Day;
  end: Day;
}

export interface CpReview {
  id: number;
  due: Day;
  day: Day;
  quorate: boolean;
  participation: string;
}

export interface CpPlan {
  id: number;
  icpc: Icpc;
  start: Day;
  end: Day;
  initialCategory: string;
  latestCategory: string;
  previousPlans: number;
  epo: boolean;
  reviews: CpReview[];
}

export interface PreProceedings {
  id: number;
  start: Day;
  letter: Day;
  fgdmOffered: boolean;
  initialMeeting: Day;
  reviewMeetings: number;
  decision: Day;
  end: Day;
  outcome: 'proceedings-issued' | 'step-down';
}

export interface CareProceedings {
  id: number;
  pre: PreProceedings | null;
  issue: Day;
  finalHearing: Day;
  finalOrder: string;
  end: Day;
}

export interface LegalStatus {
  id: number;
  code: string;
  start: Day;
  end: Day;
}

export interface Placement {
  id: number;
  start: Day;
  end: Day;
  type: string;
  provider: string | null;
  carerRef: string;
  postcode: string;
  urn: string | null;
  distance: number | null;
  inArea: boolean;
  la: string;
  changeReason: string | null;
}

export interface ClaReview {
  id: number;
  due: Day;
  day: Day;
  participation: string;
}

export interface Permanence {
  id: number;
  adm: Day | null;
  placementOrder: Day | null;
  matched: Day | null;
  placed: Day | null;
  ffa: Day | null;
  reversed: Day | null;
  reversedReason: string | null;
  orderType: 'adoption' | 'sgo' | 'child-arrangements-order' | null;
  orderDay: Day | null;
  byFosterCarer: boolean | null;
  adopters: number | null;
  adopterSex: string | null;
  adopterLegalStatus: string | null;
  familyRef: string | null;
}

export interface PeriodOfCare {
  id: number;
  start: Day;
  end: Day;
  reasonCeased: string;
  categoryOfNeed: string;
  permanencePlan: string | null;
  permanencePlanDay: Day | null;
  previousPermanence: string | null;
  previousPermanenceDay: Day | null;
  legalStatuses: LegalStatus[];
  placements: Placement[];
  reviews: ClaReview[];
  permanence: Permanence | null;
}

export interface CinEpisode {
  id: number;
  contact: Contact | null;
  referral: Day;
  source: string;
  need: string | null;
  nfa: boolean;
  closure: Day;
  closureReason: string;
  assessments: Assessment[];
  strategies: StrategyDiscussion[];
  s47s: S47[];
  icpcs: Icpc[];
  cinPlans: CinPlan[];
  cpPlans: CpPlan[];
  preProceedings: PreProceedings[];
  careProceedings: CareProceedings[];
  periods: PeriodOfCare[];
}

export type VisitKind = 'cin' | 'cp' | 'cla' | 'care-leaver' | 'private-fostering';

export interface Visit {
  kind: VisitKind;
  day: Day;
  seen: boolean;
  alone: boolean | null;
}

export interface Missing {
  id: number;
  kind: 'M' | 'A';
  /** Minutes since 1970-01-01 00:00 UTC (day × 1440 + minute of day). */
  startMinute: number;
  endMinute: number;
  rhiOffered: Day | null;
  rhiAccepted: Day | null;
  rhiCompletedMinute: number | null;
}

export interface CareLeaverStatus {
  id: number;
  eligibility: 'eligible' | 'relevant' | 'former-relevant' | 'qualifying';
  start: Day;
  end: Day;
  paLinked: Day | null;
  stayingPut: boolean;
  stayingPutStart: Day | null;
}

export interface CareLeaverContact {
  day: Day;
  inTouch: string;
  accommodation: string | null;
  suitable: boolean | null;
  activity: string | null;
}

/** What OC2 says of a child looked after all year, beyond the dated checks (see the schema's claOutcomes). */
export interface ClaOutcome {
  /** The 31 March. */
  day: Day;
  convicted: boolean | null;
  healthCheck: boolean | null;
  immunisations: boolean;
  substanceMisuse: boolean;
  interventionReceived: boolean | null;
  interventionOffered: boolean | null;
}

export interface PrivateFostering {
  id: number;
  notification: Day;
  arrangementStart: Day;
  initialVisit: Day;
  assessmentCompleted: Day;
  end: Day;
}

export interface ChildModel {
  /** Order of creation; fixes the order of rows. */
  index: number;
  family: number;
  id: number;
  laChildId: string;
  firstName: string;
  lastName: string;
  sex: 'M' | 'F';
  ethnicity: string;
  group: EthnicGroup | null;
  dob: Day;
  /** Home postcode (synthetic, in full: src/synth/postcodes.ts) and the locality (team patch) it belongs to. */
  postcode: string;
  locality: number;
  firstLanguage: string;
  religion: string | null;
  upnIndex: number;
  uasc: { start: Day; end: Day; refugeeStatus: Day | null } | null;
  disabilities: Array<{ code: string; day: Day }>;
  siblings: ChildModel[];
  /** Child protection plans the child had in another authority before moving here. */
  priorPlansElsewhere: number;
  /** Date of birth of her first child, for a care-experienced young mother (SSDA903 MC_DOB). */
  motherOf: Day | null;
  contacts: Contact[];
  earlyHelp: EarlyHelp[];
  episodes: CinEpisode[];
  careLeaver: CareLeaverStatus[];
  pathwayReviews: Day[];
  careLeaverContacts: CareLeaverContact[];
  visits: Visit[];
  healthAssessments: Array<{ kind: 'initial' | 'review'; day: Day }>;
  dentalChecks: Day[];
  sdq: Array<{ day: Day; score: number | null; reason: string | null }>;
  /** The SSDA903 OC2 flags at each 31 March the child had been looked after for the year before. */
  oc2: ClaOutcome[];
  peps: Day[];
  missing: Missing[];
  privateFostering: PrivateFostering[];
  segments: Segment[];
}
