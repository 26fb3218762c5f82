/**
 * The CIN census as read from the XML, before it becomes canonical rows: one object per module, values as the
 * file gives them once parsed (dates ISO, yes/no as booleans), and the line of every element so that an issue can
 * say where. A value the file leaves out, or one that could not be read (already reported), is null.
 */

/** Lines of a module's elements, by element name; `line` is where the module's own tag opens. */
export interface Located {
  line: number;
  lines: Record<string, number>;
}

export interface CinHeader extends Located {
  collection: string | null;
  year: number | null;
  referenceDate: string | null;
  lea: string | null;
}

export interface CinAssessment extends Located {
  startDate: string | null;
  internalReviewDate: string | null;
  authorisationDate: string | null;
  /** Null when FactorsIdentifiedAtAssessment is absent; [] when it is present but empty. */
  factors: string[] | null;
}

export interface CinPlanDates extends Located {
  startDate: string | null;
  endDate: string | null;
}

export interface CinSection47 extends Located {
  startDate: string | null;
  icpcTarget: string | null;
  icpcDate: string | null;
  icpcNotRequired: boolean | null;
}

export interface CinCpPlan extends Located {
  startDate: string | null;
  endDate: string | null;
  initialCategory: string | null;
  latestCategory: string | null;
  previousPlans: number | null;
  reviews: Array<{ date: string; line: number }>;
  /** Lines of review records with no date: an empty CPPreviewDate, or a Reviews group with none (8842Q). */
  undatedReviews: number[];
}

export interface CinPreProceedings extends Located {
  startDate: string | null;
  letterSentDate: string | null;
  fgdmOffered: boolean | null;
  fgdmFacilitated: boolean | null;
  initialMeetingDate: string | null;
  reviewMeetings: number | null;
  decisionDate: string | null;
  outcome: string | null;
  courtApplicationDate: string | null;
  letterInitiatingCareProceedingsDate: string | null;
}

export interface CinEpisode extends Located {
  referralDate: string | null;
  referralSource: string | null;
  primaryNeedCode: string | null;
  closureDate: string | null;
  reasonForClosure: string | null;
  /** DateOfInitialCPC at CINdetails level: a conference held after a transfer in, with no S47 in this episode. */
  dateOfInitialCpc: string | null;
  /** Null when ReferralNFA is missing or not a yes/no (rule 8568). */
  referralNfa: boolean | null;
  assessments: CinAssessment[];
  cinPlans: CinPlanDates[];
  section47s: CinSection47[];
  cpPlans: CinCpPlan[];
  preProceedings: CinPreProceedings[];
}

export interface CinChild extends Located {
  laChildId: string | null;
  upn: string | null;
  formerUpn: string | null;
  upnUnknown: string | null;
  birthDate: string | null;
  expectedBirthDate: string | null;
  /** M, F or U, from Sex or GenderCurrent; null if missing or not a code of the year. */
  sex: 'M' | 'F' | 'U' | null;
  /** The code as the file gives it (Sex M/F/U or GenderCurrent 1/2/0/9) and which element it came from. */
  sexCode: string | null;
  sexElement: 'Sex' | 'GenderCurrent' | null;
  deathDate: string | null;
  ethnicity: string | null;
  /** Disability codes other than NONE. */
  disabilities: string[];
  /** True when the file said NONE. */
  noDisability: boolean;
  episodes: CinEpisode[];
}
