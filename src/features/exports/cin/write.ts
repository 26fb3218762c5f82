/**
 * One census child as CIN census XML, in the element order of the census XSD (liia-tools), as it stood on the
 * reference date: anything that starts after it is left out, and an end, closure, authorisation or decision after
 * it is left blank (the case was open then). Sex (M/F/U) from 2024/25, GenderCurrent (1/2/0) before; the
 * pre-proceedings block only from 2026/27. Elements with no value are not written.
 */
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces';
import {
  FIRST_PRE_PROCEEDINGS_YEAR,
  FIRST_SEX_YEAR,
  NO_DISABILITY,
  genderCurrentFromSex,
  ppOutcomeCode,
} from '../../ingest/formats/cin/code-lists';
import type { CensusChild, CensusEpisode } from './load';

export interface WriteContext {
  year: number;
  referenceDate: string;
}

type Value = string | number | boolean | null | undefined;

function leaf(xml: XMLBuilderCB, name: string, value: Value): void {
  if (value === null || value === undefined || value === '') return;
  xml
    .ele(name)
    .txt(typeof value === 'boolean' ? String(value) : String(value))
    .up();
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

export function writeChild(xml: XMLBuilderCB, c: CensusChild, w: WriteContext): number {
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

function writeEpisode(xml: XMLBuilderCB, e: CensusEpisode, w: WriteContext): void {
  const R = w.referenceDate;
  const upTo = (d: string | null) => (d !== null && d <= R ? d : null);
  const ep = e.episode;
  const closed = upTo(ep.closureDate);
  const s47Ids = new Set(e.s47s.filter((s) => s.startDate <= R).map((s) => s.id));
  const icpcs = [...e.icpcs].filter((i) => i.conferenceDate <= R).sort(order((i) => i.conferenceDate));
  // A conference not held under one of this episode's S47 enquiries is the CINdetails-level one (after a transfer in).
  const episodeIcpc = icpcs.find((i) => i.s47EnquiryId === null || !s47Ids.has(i.s47EnquiryId)) ?? null;

  xml.ele('CINdetails');
  leaf(xml, 'CINreferralDate', ep.referralDate);
  leaf(xml, 'ReferralSource', ep.referralSource);
  leaf(xml, 'PrimaryNeedCode', ep.primaryNeedCode);
  leaf(xml, 'CINclosureDate', closed);
  leaf(xml, 'ReasonForClosure', closed === null ? null : ep.closureReason);
  leaf(xml, 'DateOfInitialCPC', episodeIcpc?.conferenceDate);

  const assessments = e.assessments
    .filter((a) => a.startDate <= R)
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
    if (a.factors !== null && (authorised !== null || a.authorisationDate === null)) {
      xml.ele('FactorsIdentifiedAtAssessment');
      for (const f of a.factors) leaf(xml, 'AssessmentFactors', f);
      xml.up();
    }
    xml.up();
  }

  for (const p of e.cinPlans
    .filter((x) => x.startDate <= R)
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

  for (const s of e.s47s
    .filter((x) => x.startDate <= R)
    .sort(
      order(
        (x) => x.startDate,
        (x) => x.icpcNotRequired,
      ),
    )) {
    const icpc = e.icpcs.filter((i) => i.s47EnquiryId === s.id).sort(order((i) => i.conferenceDate))[0] ?? null;
    xml.ele('Section47');
    leaf(xml, 'S47ActualStartDate', s.startDate);
    leaf(xml, 'InitialCPCtarget', icpc?.targetDate);
    leaf(xml, 'DateOfInitialCPC', icpc ? upTo(icpc.conferenceDate) : null);
    leaf(xml, 'ICPCnotRequired', s.icpcNotRequired);
    xml.up();
  }

  leaf(xml, 'ReferralNFA', ep.referralNfa);

  for (const { plan, reviews } of e.cpPlans
    .filter((x) => x.plan.startDate <= R)
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
      .filter((x) => x.pre.startDate <= R)
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
