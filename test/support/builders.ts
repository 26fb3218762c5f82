/**
 * Builders for data tests: each inserts one row with sensible defaults and returns it. Pass only what the test is
 * about; everything else is filled in. Unique fields (codes, names, LA IDs) get a running number.
 *
 *   const la = await buildAuthority(db);
 *   const team = await buildTeam(db, { authorityId: la.id });
 *   const child = await buildChild(db, { authorityId: la.id, firstName: 'Samira' });
 *   await buildAllocation(db, { child, teamId: team.id });
 */
import type { Tx } from '../../src/db/client';
import {
  allocations,
  assessments,
  authorities,
  careLeaverContacts,
  careLeavers,
  careProceedings,
  childDisabilities,
  children,
  cinEpisodes,
  cinPlans,
  claReviews,
  contacts,
  cpPlans,
  cpReviews,
  dentalChecks,
  earlyHelpEpisodes,
  familyLinks,
  healthAssessments,
  immigrationStatuses,
  initialCpConferences,
  ladoReferrals,
  caseAudits,
  legalStatuses,
  missingEpisodes,
  pathwayPlanReviews,
  periodsOfCare,
  permanenceMilestones,
  personalEducationPlans,
  placements,
  preProceedings,
  privateFostering,
  deprivationOfLibertyOrders,
  s47Enquiries,
  sdqScores,
  claOutcomes,
  strategyDiscussions,
  teams,
  visits,
  workers,
} from '../../src/db/schema/index';

let counter = 0;
const next = () => ++counter;

function one<T>(rows: T[]): T {
  const [row] = rows;
  if (!row) throw new Error('insert returned no row');
  return row;
}

/** What a journey row needs to know about its child. */
export interface ChildRef {
  id: number;
  authorityId: number;
}
const owner = (child: ChildRef) => ({ authorityId: child.authorityId, childId: child.id });

type Without<T, K extends keyof T> = Omit<T, K>;

// ——— organisation ———

export async function buildAuthority(db: Tx, values: Partial<typeof authorities.$inferInsert> = {}) {
  const n = next();
  return one(
    await db
      .insert(authorities)
      .values({ code: `T${n}`, name: `Test Borough ${n}`, ...values })
      .returning(),
  );
}

export async function buildTeam(db: Tx, values: { authorityId: number } & Partial<typeof teams.$inferInsert>) {
  return one(
    await db
      .insert(teams)
      .values({ name: `Team ${next()}`, serviceArea: 'cin-cp', ...values })
      .returning(),
  );
}

export async function buildWorker(db: Tx, values: { authorityId: number } & Partial<typeof workers.$inferInsert>) {
  const n = next();
  return one(
    await db
      .insert(workers)
      .values({
        workerRef: `SW${String(n).padStart(6, '0')}`,
        name: `Worker ${n}`,
        role: 'social-worker',
        startDate: '2018-01-01',
        ...values,
      })
      .returning(),
  );
}

// ——— the child ———

export async function buildChild(db: Tx, values: { authorityId: number } & Partial<typeof children.$inferInsert>) {
  const n = next();
  return one(
    await db
      .insert(children)
      .values({
        laChildId: `LA${String(n).padStart(6, '0')}`,
        firstName: `Child${n}`,
        lastName: 'Test',
        dateOfBirth: '2012-06-15',
        sex: 'F',
        ethnicity: 'WBRI',
        ...values,
      })
      .returning(),
  );
}

export async function buildAllocation(
  db: Tx,
  values: { child: ChildRef; teamId: number } & Partial<
    Without<typeof allocations.$inferInsert, 'authorityId' | 'childId' | 'teamId'>
  >,
) {
  const { child, ...rest } = values;
  return one(
    await db
      .insert(allocations)
      .values({ ...owner(child), role: 'social-worker', startDate: '2024-01-01', ...rest })
      .returning(),
  );
}

export async function buildDisability(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof childDisabilities.$inferInsert> = {},
) {
  return one(
    await db
      .insert(childDisabilities)
      .values({ ...owner(child), code: 'LD', ...values })
      .returning(),
  );
}

export async function buildImmigrationStatus(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof immigrationStatuses.$inferInsert> = {},
) {
  return one(
    await db
      .insert(immigrationStatuses)
      .values({ ...owner(child), status: 'UASC', startDate: '2024-01-01', ...values })
      .returning(),
  );
}

export async function buildFamilyLink(db: Tx, child: ChildRef, values: Partial<typeof familyLinks.$inferInsert> = {}) {
  return one(
    await db
      .insert(familyLinks)
      .values({ ...owner(child), relationship: 'sibling', ...values })
      .returning(),
  );
}

// ——— the front door, assessment and child protection ———

export async function buildContact(db: Tx, child: ChildRef, values: Partial<typeof contacts.$inferInsert> = {}) {
  return one(
    await db
      .insert(contacts)
      .values({ ...owner(child), contactDate: '2024-01-01', source: '2A', ...values })
      .returning(),
  );
}

export async function buildEarlyHelp(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof earlyHelpEpisodes.$inferInsert> = {},
) {
  return one(
    await db
      .insert(earlyHelpEpisodes)
      .values({ ...owner(child), requestDate: '2024-01-01', ...values })
      .returning(),
  );
}

/** A referral and the CIN episode it opens. */
export async function buildReferral(db: Tx, child: ChildRef, values: Partial<typeof cinEpisodes.$inferInsert> = {}) {
  return one(
    await db
      .insert(cinEpisodes)
      .values({ ...owner(child), referralDate: '2024-01-01', referralSource: '2A', primaryNeedCode: 'N1', ...values })
      .returning(),
  );
}

export async function buildAssessment(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof assessments.$inferInsert>,
) {
  return one(
    await db
      .insert(assessments)
      .values({ ...owner(child), startDate: '2024-01-02', ...values })
      .returning(),
  );
}

export async function buildStrategyDiscussion(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof strategyDiscussions.$inferInsert>,
) {
  return one(
    await db
      .insert(strategyDiscussions)
      .values({
        ...owner(child),
        discussionDate: '2024-01-03',
        policePresent: true,
        healthPresent: true,
        educationPresent: true,
        outcome: 's47',
        ...values,
      })
      .returning(),
  );
}

export async function buildS47(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof s47Enquiries.$inferInsert>,
) {
  return one(
    await db
      .insert(s47Enquiries)
      .values({ ...owner(child), startDate: '2024-01-03', ...values })
      .returning(),
  );
}

export async function buildIcpc(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof initialCpConferences.$inferInsert>,
) {
  return one(
    await db
      .insert(initialCpConferences)
      .values({ ...owner(child), conferenceDate: '2024-01-20', outcomeCpPlan: true, ...values })
      .returning(),
  );
}

export async function buildCinPlan(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof cinPlans.$inferInsert>,
) {
  return one(
    await db
      .insert(cinPlans)
      .values({ ...owner(child), startDate: '2024-02-01', ...values })
      .returning(),
  );
}

export async function buildCpPlan(
  db: Tx,
  child: ChildRef,
  values: { cinEpisodeId: number } & Partial<typeof cpPlans.$inferInsert>,
) {
  return one(
    await db
      .insert(cpPlans)
      .values({ ...owner(child), startDate: '2024-01-20', initialCategory: 'NEG', latestCategory: 'NEG', ...values })
      .returning(),
  );
}

export async function buildCpReview(
  db: Tx,
  child: ChildRef,
  values: { cpPlanId: number } & Partial<typeof cpReviews.$inferInsert>,
) {
  return one(
    await db
      .insert(cpReviews)
      .values({ ...owner(child), reviewDate: '2024-04-20', ...values })
      .returning(),
  );
}

export async function buildVisit(db: Tx, child: ChildRef, values: Partial<typeof visits.$inferInsert> = {}) {
  return one(
    await db
      .insert(visits)
      .values({ ...owner(child), kind: 'cp', visitDate: '2024-01-25', seen: true, seenAlone: true, ...values })
      .returning(),
  );
}

export async function buildPreProceedings(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof preProceedings.$inferInsert> = {},
) {
  return one(
    await db
      .insert(preProceedings)
      .values({ ...owner(child), startDate: '2024-03-01', ...values })
      .returning(),
  );
}

export async function buildCareProceedings(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof careProceedings.$inferInsert> = {},
) {
  return one(
    await db
      .insert(careProceedings)
      .values({ ...owner(child), issueDate: '2024-06-01', ...values })
      .returning(),
  );
}

// ——— in care, permanence and leaving care ———

export async function buildPeriodOfCare(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof periodsOfCare.$inferInsert> = {},
) {
  return one(
    await db
      .insert(periodsOfCare)
      .values({ ...owner(child), startDate: '2024-06-01', categoryOfNeed: 'N1', ...values })
      .returning(),
  );
}

export async function buildLegalStatus(
  db: Tx,
  child: ChildRef,
  values: { periodOfCareId: number } & Partial<typeof legalStatuses.$inferInsert>,
) {
  return one(
    await db
      .insert(legalStatuses)
      .values({ ...owner(child), legalStatus: 'C1', startDate: '2024-06-01', ...values })
      .returning(),
  );
}

export async function buildPlacement(
  db: Tx,
  child: ChildRef,
  values: { periodOfCareId: number } & Partial<typeof placements.$inferInsert>,
) {
  return one(
    await db
      .insert(placements)
      .values({
        ...owner(child),
        startDate: '2024-06-01',
        placementType: 'U6',
        provider: 'PR1',
        inArea: true,
        ...values,
      })
      .returning(),
  );
}

export async function buildClaReview(
  db: Tx,
  child: ChildRef,
  values: { periodOfCareId: number } & Partial<typeof claReviews.$inferInsert>,
) {
  return one(
    await db
      .insert(claReviews)
      .values({ ...owner(child), reviewDate: '2024-06-28', participation: 'PN1', ...values })
      .returning(),
  );
}

export async function buildHealthAssessment(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof healthAssessments.$inferInsert> = {},
) {
  return one(
    await db
      .insert(healthAssessments)
      .values({ ...owner(child), kind: 'initial', assessmentDate: '2024-06-20', ...values })
      .returning(),
  );
}

export async function buildDentalCheck(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof dentalChecks.$inferInsert> = {},
) {
  return one(
    await db
      .insert(dentalChecks)
      .values({ ...owner(child), checkDate: '2024-08-01', ...values })
      .returning(),
  );
}

export async function buildClaOutcome(db: Tx, child: ChildRef, values: Partial<typeof claOutcomes.$inferInsert> = {}) {
  return one(
    await db
      .insert(claOutcomes)
      .values({ ...owner(child), asAt: '2025-03-31', immunisations: true, substanceMisuse: false, ...values })
      .returning(),
  );
}

export async function buildSdq(db: Tx, child: ChildRef, values: Partial<typeof sdqScores.$inferInsert> = {}) {
  return one(
    await db
      .insert(sdqScores)
      .values({ ...owner(child), assessmentDate: '2024-09-01', score: 14, ...values })
      .returning(),
  );
}

export async function buildPep(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof personalEducationPlans.$inferInsert> = {},
) {
  return one(
    await db
      .insert(personalEducationPlans)
      .values({ ...owner(child), pepDate: '2024-09-15', ...values })
      .returning(),
  );
}

export async function buildMissingEpisode(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof missingEpisodes.$inferInsert> = {},
) {
  return one(
    await db
      .insert(missingEpisodes)
      .values({ ...owner(child), kind: 'M', startAt: new Date('2024-10-01T21:00:00Z'), ...values })
      .returning(),
  );
}

export async function buildPermanenceMilestone(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof permanenceMilestones.$inferInsert> = {},
) {
  return one(
    await db
      .insert(permanenceMilestones)
      .values({ ...owner(child), ...values })
      .returning(),
  );
}

export async function buildCareLeaver(db: Tx, child: ChildRef, values: Partial<typeof careLeavers.$inferInsert> = {}) {
  return one(
    await db
      .insert(careLeavers)
      .values({ ...owner(child), eligibility: 'former-relevant', startDate: '2025-01-01', ...values })
      .returning(),
  );
}

export async function buildPathwayPlanReview(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof pathwayPlanReviews.$inferInsert> = {},
) {
  return one(
    await db
      .insert(pathwayPlanReviews)
      .values({ ...owner(child), reviewDate: '2025-03-01', ...values })
      .returning(),
  );
}

export async function buildCareLeaverContact(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof careLeaverContacts.$inferInsert> = {},
) {
  return one(
    await db
      .insert(careLeaverContacts)
      .values({ ...owner(child), contactDate: '2025-04-01', inTouch: 'YES', ...values })
      .returning(),
  );
}

export async function buildDeprivationOfLiberty(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof deprivationOfLibertyOrders.$inferInsert> = {},
) {
  return one(
    await db
      .insert(deprivationOfLibertyOrders)
      .values({ ...owner(child), startDate: '2025-01-01', ...values })
      .returning(),
  );
}

export async function buildPrivateFostering(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof privateFostering.$inferInsert> = {},
) {
  return one(
    await db
      .insert(privateFostering)
      .values({ ...owner(child), notificationDate: '2024-01-01', ...values })
      .returning(),
  );
}

export async function buildLadoReferral(
  db: Tx,
  child: ChildRef,
  values: Partial<typeof ladoReferrals.$inferInsert> = {},
) {
  return one(
    await db
      .insert(ladoReferrals)
      .values({ ...owner(child), referralDate: '2024-01-01', ...values })
      .returning(),
  );
}

/**
 * A whole journey with at least one row in every child-level table, on dates worked out so the story holds
 * together: private fostering (2018), a contact and early help (2019), referral, assessment and a CIN plan,
 * escalation to a strategy discussion, S47, ICPC and a CP plan, pre-proceedings and care proceedings, a period of
 * care from June 2020 with legal statuses, two placements, reviews, health, education, a missing episode with a
 * return home interview, an adoption decision later reversed, and leaving care at 18 on 1 March 2026 (born on
 * 29 February 2008) into staying put with a personal adviser. Also a LADO referral, an immigration status, a
 * disability and a sibling link.
 */
export async function buildJourney(
  db: Tx,
  child: ChildRef,
  at: { teamId: number; workerId?: number | null; paId?: number | null },
) {
  const workerId = at.workerId ?? null;
  await buildPrivateFostering(db, child, {
    notificationDate: '2018-09-01',
    arrangementStartDate: '2018-08-20',
    initialVisitDate: '2018-09-05',
    assessmentCompletedDate: '2018-10-10',
    endDate: '2018-12-20',
  });
  await buildImmigrationStatus(db, child, { status: 'Refugee status', startDate: '2018-08-01' });
  await buildContact(db, child, {
    contactDate: '2019-01-10',
    source: '2A',
    mashDecision: 'early-help',
    decisionDate: '2019-01-11',
    bragInitial: 'A',
    bragFinal: 'G',
    teamId: at.teamId,
    workerId,
  });
  await buildEarlyHelp(db, child, {
    requestDate: '2019-01-20',
    allocationDate: '2019-01-25',
    organisation: 'School',
    endDate: '2019-06-28',
    outcome: 'stepped-up',
  });
  const referral = await buildReferral(db, child, {
    referralDate: '2019-06-30',
    referralSource: '2A',
    primaryNeedCode: 'N1',
    closureDate: '2026-03-01',
    closureReason: 'RC7',
    teamId: at.teamId,
    workerId,
  });
  await buildAllocation(db, { child, teamId: at.teamId, workerId, startDate: '2019-06-30' });
  await buildAssessment(db, child, {
    cinEpisodeId: referral.id,
    startDate: '2019-07-02',
    childSeen: true,
    childSeenDate: '2019-07-05',
    childSeenAlone: true,
    authorisationDate: '2019-08-20',
    factors: ['3B', '4B'],
    furtherServices: true,
    workerId,
  });
  await buildDisability(db, child, { code: 'LD', recordedDate: '2019-08-20' });
  await buildCinPlan(db, child, { cinEpisodeId: referral.id, startDate: '2019-08-21', endDate: '2019-12-20' });
  const strategy = await buildStrategyDiscussion(db, child, {
    cinEpisodeId: referral.id,
    discussionDate: '2019-12-01',
    educationPresent: false,
  });
  const s47 = await buildS47(db, child, {
    cinEpisodeId: referral.id,
    strategyDiscussionId: strategy.id,
    startDate: '2019-12-01',
    endDate: '2019-12-13',
    outcome: 'icpc',
  });
  const icpc = await buildIcpc(db, child, {
    cinEpisodeId: referral.id,
    s47EnquiryId: s47.id,
    targetDate: '2019-12-20',
    conferenceDate: '2019-12-20',
  });
  const cpPlan = await buildCpPlan(db, child, {
    cinEpisodeId: referral.id,
    icpcId: icpc.id,
    startDate: '2019-12-20',
    endDate: '2020-06-05',
    numberOfPreviousPlans: 1,
    initialCategory: 'NEG',
    latestCategory: 'EMO',
  });
  await buildCpReview(db, child, {
    cpPlanId: cpPlan.id,
    dueDate: '2020-03-20',
    reviewDate: '2020-03-19',
    quorate: true,
    participation: 'views-conveyed',
  });
  await buildVisit(db, child, { kind: 'cp', visitDate: '2020-01-02', seen: true, seenAlone: true, workerId });
  const plo = await buildPreProceedings(db, child, {
    startDate: '2020-02-01',
    letterBeforeProceedingsDate: '2020-02-01',
    familyGroupDecisionOffered: true,
    initialMeetingDate: '2020-02-10',
    reviewMeetings: 2,
    endDate: '2020-05-20',
    outcome: 'proceedings-issued',
  });
  await buildCareProceedings(db, child, {
    preProceedingsId: plo.id,
    issueDate: '2020-06-05',
    finalHearingDate: '2020-11-30',
    finalOrder: 'care-order',
    endDate: '2020-11-30',
  });
  const period = await buildPeriodOfCare(db, child, {
    startDate: '2020-06-05',
    endDate: '2026-03-01',
    reasonCeased: 'E17',
    categoryOfNeed: 'N1',
    permanencePlan: 'long-term-fostering',
    permanencePlanDate: '2021-10-01',
  });
  await buildLegalStatus(db, child, {
    periodOfCareId: period.id,
    legalStatus: 'C1',
    startDate: '2020-06-05',
    endDate: '2020-11-30',
  });
  await buildLegalStatus(db, child, { periodOfCareId: period.id, legalStatus: 'C2', startDate: '2020-11-30' });
  await buildPlacement(db, child, {
    periodOfCareId: period.id,
    startDate: '2020-06-05',
    endDate: '2021-03-15',
    placementType: 'U6',
    provider: 'PR1',
    inArea: true,
    distanceMiles: 2.5,
    changeReason: 'CREQB',
  });
  await buildPlacement(db, child, {
    periodOfCareId: period.id,
    startDate: '2021-03-15',
    endDate: '2026-03-01',
    placementType: 'U4',
    provider: 'PR4',
    inArea: false,
    distanceMiles: 24.1,
  });
  await buildVisit(db, child, { kind: 'cla', visitDate: '2020-06-10', seen: true, seenAlone: false, workerId });
  await buildHealthAssessment(db, child, { kind: 'initial', assessmentDate: '2020-06-25' });
  await buildClaReview(db, child, {
    periodOfCareId: period.id,
    dueDate: '2020-07-03',
    reviewDate: '2020-07-02',
    participation: 'PN1',
  });
  await buildDentalCheck(db, child, { checkDate: '2020-08-01' });
  await buildPep(db, child, { pepDate: '2020-09-15' });
  await buildDeprivationOfLiberty(db, child, { startDate: '2025-06-02', endDate: '2025-12-01' });
  await buildMissingEpisode(db, child, {
    kind: 'M',
    startAt: new Date('2021-01-10T22:15:00Z'),
    endAt: new Date('2021-01-11T09:30:00Z'),
    rhiOfferedDate: '2021-01-11',
    rhiAcceptedDate: '2021-01-12',
    rhiCompletedAt: new Date('2021-01-12T14:00:00Z'),
  });
  await buildSdq(db, child, { assessmentDate: '2021-06-01', score: 14 });
  await buildClaOutcome(db, child, { asAt: '2022-03-31', convicted: false });
  await buildPermanenceMilestone(db, child, {
    periodOfCareId: period.id,
    admDecisionDate: '2020-12-15',
    placementOrderDate: '2021-02-01',
    decisionReversedDate: '2021-09-01',
    decisionReversedReason: 'RD3',
  });
  await buildLadoReferral(db, child, {
    referralDate: '2021-02-01',
    initialConsiderationDate: '2021-02-01',
    employmentSector: 'foster-care',
    strategyMeetingHeld: false,
    outcome: 'unsubstantiated',
    closedDate: '2021-04-01',
  });
  await buildCaseAudit(db, child, {
    teamId: at.teamId,
    submittedOn: '2021-05-14',
    overallGrade: 'requires-improvement',
    agreedOverallGrade: 'good',
  });
  await buildCareLeaver(db, child, {
    eligibility: 'former-relevant',
    startDate: '2026-03-01',
    personalAdviserId: at.paId ?? null,
    paLinkedDate: '2025-08-15',
    stayingPut: true,
    stayingPutStartDate: '2026-03-01',
  });
  await buildPathwayPlanReview(db, child, { reviewDate: '2025-09-01' });
  await buildCareLeaverContact(db, child, {
    contactDate: '2026-04-15',
    inTouch: 'YES',
    accommodation: 'Z',
    accommodationSuitable: true,
    activity: 'F2',
  });
  await buildFamilyLink(db, child, { relationship: 'sibling', familyRef: 'FAM-1' });
  return { referral, cpPlan, period };
}

export async function buildCaseAudit(db: Tx, child: ChildRef, values: Partial<typeof caseAudits.$inferInsert> = {}) {
  return one(
    await db
      .insert(caseAudits)
      .values({
        ...owner(child),
        auditorName: 'Avery Auditor',
        status: 'submitted',
        submittedOn: '2024-01-15',
        overallGrade: 'good',
        ...values,
      })
      .returning(),
  );
}
