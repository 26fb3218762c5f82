/**
 * Column lists for COPY, named by the Drizzle schema's property names so that a renamed or removed column is a
 * type error here rather than a failed load.
 */
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema/index';

export interface TableSpec {
  table: PgTable;
  name: string;
  columns: string[];
}

/** Database column names of `keys` (property names of the table's insert type), in that order. */
export function spec<T extends PgTable>(table: T, keys: ReadonlyArray<keyof T['$inferInsert'] & string>): TableSpec {
  const config = getTableConfig(table);
  const byKey = table as unknown as Record<string, { name: string } | undefined>;
  const columns = keys.map((k) => {
    const column = byKey[k];
    if (!column || typeof column.name !== 'string') throw new Error(`${config.name} has no column ${k}`);
    return column.name;
  });
  return { table, name: config.name, columns };
}

export const TABLES = {
  authorities: spec(schema.authorities, ['id', 'code', 'name', 'laNumber', 'gssCode', 'region', 'benchmarkLaNumber', 'isDemo']),
  teams: spec(schema.teams, ['id', 'authorityId', 'name', 'serviceArea']),
  workers: spec(schema.workers, ['id', 'authorityId', 'workerRef', 'name', 'role', 'teamId', 'agency', 'fte', 'startDate', 'endDate']),
  workforceSnapshots: spec(schema.workforceSnapshots, [
    'id', 'authorityId', 'snapshotDate', 'socialWorkerFte', 'agencyFte', 'vacancyFte', 'leaversFte', 'caseloadCases',
  ]),
  childPopulation: spec(schema.childPopulation, ['id', 'authorityId', 'year', 'age', 'sex', 'ethnicGroup', 'count']),
  children: spec(schema.children, [
    'id', 'authorityId', 'laChildId', 'upn', 'upnUnknownReason', 'firstName', 'lastName', 'dateOfBirth', 'expectedDateOfBirth',
    'sex', 'ethnicity', 'firstLanguage', 'religion', 'postcodeDistrict',
  ]),
  childDisabilities: spec(schema.childDisabilities, ['id', 'authorityId', 'childId', 'code', 'recordedDate']),
  immigrationStatuses: spec(schema.immigrationStatuses, ['id', 'authorityId', 'childId', 'status', 'startDate', 'endDate']),
  familyLinks: spec(schema.familyLinks, ['id', 'authorityId', 'childId', 'relatedChildId', 'relationship', 'familyRef', 'relatedDateOfBirth']),
  allocations: spec(schema.allocations, ['id', 'authorityId', 'childId', 'teamId', 'workerId', 'role', 'startDate', 'endDate', 'endReason', 'isPrimary']),
  contacts: spec(schema.contacts, [
    'id', 'authorityId', 'childId', 'contactDate', 'source', 'mashDecision', 'decisionDate', 'bragInitial', 'bragFinal', 'teamId', 'workerId',
  ]),
  earlyHelpEpisodes: spec(schema.earlyHelpEpisodes, [
    'id', 'authorityId', 'childId', 'contactId', 'requestDate', 'allocationDate', 'assessmentStartDate', 'assessmentCompletionDate',
    'organisation', 'endDate', 'outcome', 'teamId', 'workerId',
  ]),
  cinEpisodes: spec(schema.cinEpisodes, [
    'id', 'authorityId', 'childId', 'contactId', 'referralDate', 'referralSource', 'primaryNeedCode', 'referralNfa', 'closureDate',
    'closureReason', 'teamId', 'workerId',
  ]),
  assessments: spec(schema.assessments, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 'startDate', 'authorisationDate', 'childSeen', 'childSeenDate', 'childSeenAlone',
    'factors', 'furtherServices', 'teamId', 'workerId',
  ]),
  strategyDiscussions: spec(schema.strategyDiscussions, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 'discussionDate', 'policePresent', 'healthPresent', 'educationPresent', 'outcome',
  ]),
  s47Enquiries: spec(schema.s47Enquiries, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 'strategyDiscussionId', 'startDate', 'endDate', 'icpcNotRequired', 'outcome', 'teamId', 'workerId',
  ]),
  initialCpConferences: spec(schema.initialCpConferences, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 's47EnquiryId', 'transferIn', 'targetDate', 'conferenceDate', 'outcomeCpPlan',
  ]),
  cinPlans: spec(schema.cinPlans, ['id', 'authorityId', 'childId', 'cinEpisodeId', 'startDate', 'endDate', 'teamId', 'workerId']),
  cpPlans: spec(schema.cpPlans, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 'icpcId', 'startDate', 'endDate', 'initialCategory', 'latestCategory',
    'numberOfPreviousPlans', 'epoOrPoliceProtection', 'teamId', 'workerId',
  ]),
  cpReviews: spec(schema.cpReviews, ['id', 'authorityId', 'childId', 'cpPlanId', 'dueDate', 'reviewDate', 'quorate', 'participation']),
  visits: spec(schema.visits, ['id', 'authorityId', 'childId', 'kind', 'visitDate', 'seen', 'seenAlone', 'workerId']),
  preProceedings: spec(schema.preProceedings, [
    'id', 'authorityId', 'childId', 'cinEpisodeId', 'startDate', 'letterBeforeProceedingsDate', 'familyGroupDecisionOffered',
    'initialMeetingDate', 'reviewMeetings', 'decisionDate', 'endDate', 'outcome',
  ]),
  careProceedings: spec(schema.careProceedings, [
    'id', 'authorityId', 'childId', 'preProceedingsId', 'issueDate', 'finalHearingDate', 'finalOrder', 'endDate',
  ]),
  periodsOfCare: spec(schema.periodsOfCare, [
    'id', 'authorityId', 'childId', 'startDate', 'endDate', 'reasonCeased', 'categoryOfNeed', 'homePostcodeDistrict', 'permanencePlan',
    'permanencePlanDate', 'previousPermanence', 'previousPermanenceDate',
  ]),
  legalStatuses: spec(schema.legalStatuses, ['id', 'authorityId', 'childId', 'periodOfCareId', 'legalStatus', 'startDate', 'endDate']),
  placements: spec(schema.placements, [
    'id', 'authorityId', 'childId', 'periodOfCareId', 'startDate', 'endDate', 'placementType', 'provider', 'carerRef', 'postcodeDistrict',
    'urn', 'distanceMiles', 'inArea', 'laOfPlacement', 'changeReason',
  ]),
  claReviews: spec(schema.claReviews, ['id', 'authorityId', 'childId', 'periodOfCareId', 'dueDate', 'reviewDate', 'participation']),
  healthAssessments: spec(schema.healthAssessments, ['id', 'authorityId', 'childId', 'kind', 'assessmentDate']),
  dentalChecks: spec(schema.dentalChecks, ['id', 'authorityId', 'childId', 'checkDate']),
  sdqScores: spec(schema.sdqScores, ['id', 'authorityId', 'childId', 'assessmentDate', 'score', 'reason']),
  personalEducationPlans: spec(schema.personalEducationPlans, ['id', 'authorityId', 'childId', 'pepDate']),
  missingEpisodes: spec(schema.missingEpisodes, [
    'id', 'authorityId', 'childId', 'kind', 'startAt', 'endAt', 'rhiOfferedDate', 'rhiAcceptedDate', 'rhiCompletedAt',
  ]),
  permanenceMilestones: spec(schema.permanenceMilestones, [
    'id', 'authorityId', 'childId', 'periodOfCareId', 'admDecisionDate', 'placementOrderDate', 'matchedDate', 'placedForAdoptionDate',
    'ffaPlacedDate', 'decisionReversedDate', 'decisionReversedReason', 'orderType', 'orderDate', 'adoptedByFosterCarer',
    'numberOfAdopters', 'adopterSex', 'adopterLegalStatus', 'familyRef',
  ]),
  careLeavers: spec(schema.careLeavers, [
    'id', 'authorityId', 'childId', 'eligibility', 'startDate', 'endDate', 'personalAdviserId', 'paLinkedDate', 'stayingPut', 'stayingPutStartDate',
  ]),
  pathwayPlanReviews: spec(schema.pathwayPlanReviews, ['id', 'authorityId', 'childId', 'reviewDate']),
  careLeaverContacts: spec(schema.careLeaverContacts, [
    'id', 'authorityId', 'childId', 'contactDate', 'inTouch', 'accommodation', 'accommodationSuitable', 'activity',
  ]),
  privateFostering: spec(schema.privateFostering, [
    'id', 'authorityId', 'childId', 'notificationDate', 'arrangementStartDate', 'initialVisitDate', 'assessmentCompletedDate', 'endDate',
  ]),
  ladoReferrals: spec(schema.ladoReferrals, [
    'id', 'authorityId', 'childId', 'referralDate', 'initialConsiderationDate', 'managementOversightDate', 'employmentSector', 'outcome',
    'closedDate', 'strategyMeetingHeld',
  ]),
} as const;

export type TableKey = keyof typeof TABLES;
