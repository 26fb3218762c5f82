/**
 * One census child into canonical rows (src/db/schema). What the census does not carry is null (or the schema's
 * "nothing known" value); what it carries only by implication is derived and said so here:
 * - children: no names (the census has none); sex M/F/U (GenderCurrent 1→M, 2→F, 0 and 9→U); FormerUPN is not kept.
 * - childDisabilities: one row per code; NONE means no rows; recordedDate unknown.
 * - initialCpConferences: one per Section47 DateOfInitialCPC (with its InitialCPCtarget), and one per CINdetails
 *   DateOfInitialCPC, which is a conference after a transfer in (transferIn, no S47). outcomeCpPlan is true when a
 *   plan of the episode starts on the conference day (rule 2885 ties them). An InitialCPCtarget with no conference
 *   held yet cannot be kept: the canonical target date lives on the conference row.
 * - cpPlans: linked to the conference of their episode held on their start day; epoOrPoliceProtection unknown
 *   (false, the schema's default, as a stand-in: Dataset.standIn). Sex U (not recorded) is a stand-in too.
 * - preProceedings (2026/27): the census has no end date; the step decision date is read as the end when an
 *   outcome is given; blank PPOutcome = 'ongoing'. FGDMMeetingFac and LetterInitCPDate have no canonical column
 *   and are not kept. CourtAppDate becomes a careProceedings row (issue date) linked to the pre-proceedings.
 * Rows missing a value the schema requires (already reported as an error) are left out: the import is rejected.
 */
import type { Dataset } from '../../dataset';
import { PP_OUTCOMES } from './code-lists';
import type { CinChild } from './model';

export function addChildToDataset(dataset: Dataset, c: CinChild): void {
  if (c.laChildId === null || c.sex === null || c.ethnicity === null) return;
  const childId = dataset.add('children', {
    laChildId: c.laChildId,
    upn: c.upn,
    upnUnknownReason: c.upnUnknown,
    firstName: null,
    lastName: null,
    dateOfBirth: c.birthDate,
    expectedDateOfBirth: c.expectedBirthDate,
    dateOfDeath: c.deathDate,
    sex: c.sex,
    gender: null,
    ethnicity: c.ethnicity,
    firstLanguage: null,
    religion: null,
    postcodeDistrict: null,
    postcode: null,
  });
  // U is "not recorded" (always so for a child unborn at the census date): it fills a new child, never another's sex.
  // Likewise the expected date of birth of a child unborn at the census date: it stands for the birth until there is
  // one, so it fills a child Lantern does not hold yet; a child it holds keeps its own record (the date of birth once
  // born, which is what Lantern's own census gives as the expected date when none was recorded).
  const standIns = [
    ...(c.sex === 'U' ? ['sex'] : []),
    ...(c.birthDate === null && c.expectedBirthDate !== null ? ['expectedDateOfBirth'] : []),
  ];
  if (standIns.length > 0) dataset.standIn('children', childId, standIns);
  for (const code of c.disabilities) dataset.add('childDisabilities', { childId, code, recordedDate: null });

  for (const ep of c.episodes) {
    if (ep.referralDate === null || ep.referralSource === null) continue;
    const cinEpisodeId = dataset.add('cinEpisodes', {
      childId,
      contactId: null,
      referralDate: ep.referralDate,
      referralSource: ep.referralSource,
      primaryNeedCode: ep.primaryNeedCode,
      referralNfa: ep.referralNfa ?? false,
      closureDate: ep.closureDate,
      closureReason: ep.reasonForClosure,
      teamId: null,
      workerId: null,
    });
    for (const a of ep.assessments) {
      if (a.startDate === null) continue;
      dataset.add('assessments', {
        childId,
        cinEpisodeId,
        startDate: a.startDate,
        authorisationDate: a.authorisationDate,
        childSeen: null,
        childSeenDate: null,
        childSeenAlone: null,
        factors: a.factors,
        furtherServices: null,
        teamId: null,
        workerId: null,
      });
    }
    for (const p of ep.cinPlans) {
      if (p.startDate === null) continue;
      dataset.add('cinPlans', {
        childId,
        cinEpisodeId,
        startDate: p.startDate,
        endDate: p.endDate,
        teamId: null,
        workerId: null,
      });
    }
    const planStarts = new Set(ep.cpPlans.map((p) => p.startDate));
    const icpcByDate = new Map<string, number>();
    const addIcpc = (conferenceDate: string, s47EnquiryId: number | null, targetDate: string | null) => {
      const id = dataset.add('initialCpConferences', {
        childId,
        cinEpisodeId,
        s47EnquiryId,
        transferIn: s47EnquiryId === null,
        targetDate,
        conferenceDate,
        outcomeCpPlan: planStarts.has(conferenceDate),
      });
      if (!icpcByDate.has(conferenceDate)) icpcByDate.set(conferenceDate, id);
    };
    for (const s of ep.section47s) {
      if (s.startDate === null) continue;
      const s47EnquiryId = dataset.add('s47Enquiries', {
        childId,
        cinEpisodeId,
        strategyDiscussionId: null,
        startDate: s.startDate,
        endDate: null,
        icpcNotRequired: s.icpcNotRequired ?? false,
        outcome: null,
        teamId: null,
        workerId: null,
      });
      if (s.icpcDate !== null) addIcpc(s.icpcDate, s47EnquiryId, s.icpcTarget);
    }
    if (ep.dateOfInitialCpc !== null) addIcpc(ep.dateOfInitialCpc, null, null);
    for (const p of ep.cpPlans) {
      if (p.startDate === null || p.initialCategory === null || p.latestCategory === null || p.previousPlans === null)
        continue;
      const cpPlanId = dataset.add('cpPlans', {
        childId,
        cinEpisodeId,
        icpcId: icpcByDate.get(p.startDate) ?? null,
        startDate: p.startDate,
        endDate: p.endDate,
        initialCategory: p.initialCategory,
        latestCategory: p.latestCategory,
        numberOfPreviousPlans: p.previousPlans,
        epoOrPoliceProtection: false,
        teamId: null,
        workerId: null,
      });
      // The census does not say: false only fills a new plan, and never says another source's plan had none.
      dataset.standIn('cpPlans', cpPlanId, ['epoOrPoliceProtection']);
      for (const r of p.reviews) {
        dataset.add('cpReviews', {
          childId,
          cpPlanId,
          dueDate: null,
          reviewDate: r.date,
          quorate: null,
          participation: null,
        });
      }
    }
    for (const pp of ep.preProceedings) {
      if (pp.startDate === null) continue;
      const outcome = pp.outcome === null ? 'ongoing' : (PP_OUTCOMES[pp.outcome] ?? 'ongoing');
      const preProceedingsId = dataset.add('preProceedings', {
        childId,
        cinEpisodeId,
        startDate: pp.startDate,
        letterBeforeProceedingsDate: pp.letterSentDate,
        familyGroupDecisionOffered: pp.fgdmOffered,
        initialMeetingDate: pp.initialMeetingDate,
        reviewMeetings: pp.reviewMeetings ?? 0,
        decisionDate: pp.decisionDate,
        endDate: outcome === 'ongoing' ? null : pp.decisionDate,
        outcome,
      });
      if (pp.courtApplicationDate !== null) {
        dataset.add('careProceedings', {
          childId,
          preProceedingsId,
          issueDate: pp.courtApplicationDate,
          finalHearingDate: null,
          finalOrder: null,
          endDate: null,
        });
      }
    }
  }
}
