/**
 * Which event is which: the identity of every child-level event within its child (decision 0024).
 *
 * A row an import brings is the same event as a row Lantern already holds when both belong to the same child and
 * agree exactly on the key columns below (dates as ISO dates, codes as the formats write them, references as the
 * rows they point at). Where one child has several events with the same key (two contacts on one day), the n-th of
 * them in a file is the n-th already held, in the order they were first recorded. Anything else is a new event.
 *
 * The keys are what the statutory returns and the SSD agree an event is: a CIN episode is its referral date
 * (CIN census CINreferralDate), an assessment its start, a period of care, legal status or placement its start
 * (SSDA903 DECOM/POC_START), a review its date, a missing episode its start, and so on.
 */
import type { DatasetTable } from './dataset';

/** Key columns of each table, within the child (`childId` is always part of the key). */
export const EVENT_KEYS = {
  childDisabilities: ['code'],
  immigrationStatuses: ['status', 'startDate'],
  familyLinks: ['relationship', 'relatedChildId', 'familyRef'],
  allocations: ['role', 'startDate'],
  contacts: ['contactDate'],
  earlyHelpEpisodes: ['requestDate'],
  cinEpisodes: ['referralDate'],
  assessments: ['startDate'],
  strategyDiscussions: ['discussionDate'],
  s47Enquiries: ['startDate'],
  initialCpConferences: ['conferenceDate'],
  cinPlans: ['startDate'],
  cpPlans: ['startDate'],
  cpReviews: ['reviewDate'],
  visits: ['kind', 'visitDate'],
  preProceedings: ['startDate'],
  careProceedings: ['issueDate'],
  periodsOfCare: ['startDate'],
  legalStatuses: ['startDate'],
  placements: ['startDate'],
  claReviews: ['reviewDate'],
  healthAssessments: ['kind', 'assessmentDate'],
  dentalChecks: ['checkDate'],
  sdqScores: ['assessmentDate'],
  claOutcomes: ['asAt'],
  personalEducationPlans: ['pepDate'],
  missingEpisodes: ['kind', 'startAt'],
  permanenceMilestones: ['periodOfCareId'],
  careLeavers: ['startDate'],
  pathwayPlanReviews: ['reviewDate'],
  careLeaverContacts: ['contactDate'],
  privateFostering: ['notificationDate'],
  deprivationOfLibertyOrders: ['startDate'],
} as const satisfies Record<Exclude<DatasetTable, 'children'>, readonly string[]>;

export type EventTable = keyof typeof EVENT_KEYS;

/** A key column's value as text: dates and timestamps as ISO text, null as an empty marker that no value can be. */
function keyPart(value: unknown): string {
  if (value === null || value === undefined) return '\u0000';
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/** The identity of a row within its child: the child and the key columns, joined into one string. */
export function eventKey(table: EventTable, row: Record<string, unknown>): string {
  return [String(row.childId), ...EVENT_KEYS[table].map((column) => keyPart(row[column]))].join('\u0001');
}
