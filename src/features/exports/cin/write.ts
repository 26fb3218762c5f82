/**
 * One census child as CIN census XML, in the element order of the census XSD (liia-tools), as it stood on the
 * reference date: anything that starts after it is left out, and an end, closure, authorisation or decision after
 * it is left blank (the case was open then). Sex (M/F/U) from 2024/25, GenderCurrent (1/2/0) before; the
 * pre-proceedings block only from 2026/27. Elements with no value are not written.
 *
 * Only the modules of the collection year (the DfE's CIN census guide: a module open at any time in the year),
 * whatever else the episode holds, as the validation rules on their dates require (csc-validator-be-cin):
 * - an assessment not authorised before the year began (8696: an authorisation date is in the year);
 * - a CIN plan or CP plan not ended before the year began (4013, 8930: an end date is in the year);
 * - a S47 enquiry whose initial conference, if held by the reference date, is in the year (8715), and, with none,
 *   that began in the year or was still open at its start;
 * - an initial conference of the episode (CINdetails) held in the year (8715, and 2883 counts only those);
 * - pre-proceedings not ended before the year began.
 * CP plan reviews are written for each plan written, up to the reference date: no rule limits them to the year.
 * Assessment factors retired in a year are not written in it (assessmentFactorsFor: 18A and 19A, retired from
 * 2021/22, when 18B/18C and 19B/19C replaced them; the census cannot say which of the two a retired code was).
 */
import { assessmentFactorsFor } from '../../../domain/code-lists';
import {
  FIRST_PRE_PROCEEDINGS_YEAR,
  FIRST_SEX_YEAR,
  NO_DISABILITY,
  genderCurrentFromSex,
  ppOutcomeCode,
} from '../../ingest/formats/cin/code-lists';
import type { CensusChild, CensusEpisode } from './load';
import type { XmlWriter } from './xml';

export interface WriteContext {
  year: number;
  /** The first day of the collection year (1 April). */
  collectionStart: string;
  referenceDate: string;
}

type Value = string | number | boolean | null | undefined;

function leaf(xml: XmlWriter, name: string, value: Value): void {
  if (value === null || value === undefined || value === '') return;
  xml.leaf(name, String(value));
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Compares rows by several keys (null sorts first), for a stable order that does not depend on database ids. */
function order<T>(...keys: Array<(r: T) => Value | readonly string[]>) {
  return (a: T, b: T) => {
    for (const k of keys) {
      const x = JSON.stringify(k(a) ?? null);
      const y = JSON.stringify(k(b) ?? null);
      if (x !== y) return byText(x, y);
    }
    return 0;
  };
}

export function writeChild(xml: XmlWriter, c: CensusChild, w: WriteContext): number {
  const R = w.referenceDate;
  const upTo = (d: string | null) => (d !== null && d <= R ? d : null);
  const child = c.child;
  xml.ele('Child');
  xml.ele('ChildIdentifiers');
  leaf(xml, 'LAchildID', child.laChildId);
  leaf(xml, 'UPN', child.upn);
  leaf(xml, 'UPNunknown', child.upnUnknownReason);
  // A child born after the reference date was unborn then: the census shows the expected date (the birth date is
  // the best estimate Lantern has when no expected date was recorded) and sex not recorded (rule 8750).
  const unborn = child.dateOfBirth !== null && child.dateOfBirth > R;
  const sex = unborn ? 'U' : child.sex;
  leaf(xml, 'PersonBirthDate', unborn ? null : child.dateOfBirth);
  leaf(
    xml,
    'ExpectedPersonBirthDate',
    unborn ? (child.expectedDateOfBirth ?? child.dateOfBirth) : child.expectedDateOfBirth,
  );
  if (w.year >= FIRST_SEX_YEAR) leaf(xml, 'Sex', sex);
  else leaf(xml, 'GenderCurrent', genderCurrentFromSex(sex));
  leaf(xml, 'PersonDeathDate', upTo(child.dateOfDeath));
  xml.up();

  xml.ele('ChildCharacteristics');
  leaf(xml, 'Ethnicity', child.ethnicity);
  const codes = [
    ...new Set(c.disabilities.filter((d) => d.recordedDate === null || d.recordedDate <= R).map((d) => d.code)),
  ].sort(byText);
  xml.ele('Disabilities');
  if (codes.length === 0) leaf(xml, 'Disability', NO_DISABILITY);
  for (const code of codes) leaf(xml, 'Disability', code);
  xml.up();
  xml.up();

  const episodes = [...c.episodes].sort(
    order(
      (e) => e.episode.referralDate,
      (e) => e.episode.closureDate,
      (e) => e.episode.referralSource,
    ),
  );
  for (const e of episodes) writeEpisode(xml, e, w);
  xml.up();
  return episodes.length;
}

function writeEpisode(xml: XmlWriter, e: CensusEpisode, w: WriteContext): void {
  const R = w.referenceDate;
  const S = w.collectionStart;
  const upTo = (d: string | null) => (d !== null && d <= R ? d : null);
  /** Not ended before the year began: open at some time in it (the start is checked against R by each module). */
  const notEndedBefore = (end: string | null) => end === null || end >= S;
  const ep = e.episode;
  const closed = upTo(ep.closureDate);
  const s47Ids = new Set(e.s47s.filter((s) => s.startDate <= R).map((s) => s.id));
  const icpcs = [...e.icpcs]
    .filter((i) => i.conferenceDate >= S && i.conferenceDate <= R)
    .sort(order((i) => i.conferenceDate));
  // A conference not held under one of this episode's S47 enquiries is the CINdetails-level one (after a transfer in).
  const episodeIcpc = icpcs.find((i) => i.s47EnquiryId === null || !s47Ids.has(i.s47EnquiryId)) ?? null;
  const factorCodes = assessmentFactorsFor(w.year);

  xml.ele('CINdetails');
  leaf(xml, 'CINreferralDate', ep.referralDate);
  leaf(xml, 'ReferralSource', ep.referralSource);
  leaf(xml, 'PrimaryNeedCode', ep.primaryNeedCode);
  leaf(xml, 'CINclosureDate', closed);
  leaf(xml, 'ReasonForClosure', closed === null ? null : ep.closureReason);
  leaf(xml, 'DateOfInitialCPC', episodeIcpc?.conferenceDate);

  const assessments = e.assessments
    .filter((a) => a.startDate <= R && notEndedBefore(a.authorisationDate))
    .sort(
      order(
        (a) => a.startDate,
        (a) => a.authorisationDate,
        (a) => a.factors ?? null,
      ),
    );
  for (const a of assessments) {
    const authorised = upTo(a.authorisationDate);
    xml.ele('Assessments');
    leaf(xml, 'AssessmentActualStartDate', a.startDate);
    leaf(xml, 'AssessmentAuthorisationDate', authorised);
    // Factors are identified when the assessment is completed, so they are shown with its authorisation.
    // A code that is not one of the year's (18A, 19A from 2021/22) is left out; an assessment whose factors were
    // all such codes has none the census can take.
    const factors = a.factors === null ? null : a.factors.filter((f) => factorCodes.includes(f));
    const onlyRetired = factors !== null && factors.length === 0 && (a.factors?.length ?? 0) > 0;
    if (factors !== null && !onlyRetired && (authorised !== null || a.authorisationDate === null)) {
      xml.ele('FactorsIdentifiedAtAssessment');
      for (const f of factors) leaf(xml, 'AssessmentFactors', f);
      xml.up();
    }
    xml.up();
  }

  for (const p of e.cinPlans
    .filter((x) => x.startDate <= R && notEndedBefore(x.endDate))
    .sort(
      order(
        (x) => x.startDate,
        (x) => x.endDate,
      ),
    )) {
    xml.ele('CINPlanDates');
    leaf(xml, 'CINPlanStartDate', p.startDate);
    leaf(xml, 'CINPlanEndDate', upTo(p.endDate));
    xml.up();
  }

  /** A S47's initial conference: the first held under it. */
  const icpcOf = (id: number) =>
    e.icpcs.filter((i) => i.s47EnquiryId === id).sort(order((i) => i.conferenceDate))[0] ?? null;
  const s47InYear = (x: (typeof e.s47s)[number]) => {
    if (x.startDate > R) return false;
    const held = upTo(icpcOf(x.id)?.conferenceDate ?? null);
    return held !== null ? held >= S : x.startDate >= S || notEndedBefore(x.endDate);
  };
  for (const s of e.s47s.filter(s47InYear).sort(
    order(
      (x) => x.startDate,
      (x) => x.icpcNotRequired,
    ),
  )) {
    const icpc = icpcOf(s.id);
    xml.ele('Section47');
    leaf(xml, 'S47ActualStartDate', s.startDate);
    leaf(xml, 'InitialCPCtarget', icpc?.targetDate);
    leaf(xml, 'DateOfInitialCPC', icpc ? upTo(icpc.conferenceDate) : null);
    leaf(xml, 'ICPCnotRequired', s.icpcNotRequired);
    xml.up();
  }

  leaf(xml, 'ReferralNFA', ep.referralNfa);

  for (const { plan, reviews } of e.cpPlans
    .filter((x) => x.plan.startDate <= R && notEndedBefore(x.plan.endDate))
    .sort(
      order(
        (x) => x.plan.startDate,
        (x) => x.plan.endDate,
      ),
    )) {
    xml.ele('ChildProtectionPlans');
    leaf(xml, 'CPPstartDate', plan.startDate);
    leaf(xml, 'CPPendDate', upTo(plan.endDate));
    leaf(xml, 'InitialCategoryOfAbuse', plan.initialCategory);
    leaf(xml, 'LatestCategoryOfAbuse', plan.latestCategory);
    leaf(xml, 'NumberOfPreviousCPP', plan.numberOfPreviousPlans);
    const held = reviews.filter((d) => d <= R).sort(byText);
    if (held.length > 0) {
      xml.ele('Reviews');
      for (const d of held) leaf(xml, 'CPPreviewDate', d);
      xml.up();
    }
    xml.up();
  }

  if (w.year >= FIRST_PRE_PROCEEDINGS_YEAR) {
    for (const { pre, courtApplications } of e.preProceedings
      .filter((x) => x.pre.startDate <= R && notEndedBefore(x.pre.endDate))
      .sort(order((x) => x.pre.startDate))) {
      const decided = upTo(pre.decisionDate);
      const court = courtApplications.filter((d) => d <= R).sort(byText)[0] ?? null;
      xml.ele('PreProceedingsandFGDM');
      leaf(xml, 'PPStartDate', pre.startDate);
      leaf(xml, 'LBPSentDate', upTo(pre.letterBeforeProceedingsDate));
      leaf(xml, 'FGDMMeetingOffer', pre.familyGroupDecisionOffered);
      leaf(xml, 'InitialPPMeetingDate', upTo(pre.initialMeetingDate));
      leaf(xml, 'ReviewMeetingsCount', pre.reviewMeetings);
      leaf(xml, 'StepDecisionDate', decided);
      leaf(xml, 'PPOutcome', decided === null && pre.decisionDate !== null ? null : ppOutcomeCode(pre.outcome));
      leaf(xml, 'CourtAppDate', court);
      xml.up();
    }
  }
  xml.up();
}
