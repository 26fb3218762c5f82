/**
 * Reads from the canonical model what Annex A needs as at a date: the rows that can fall inside a list's window
 * or feed a derived column, and no more (each query is bounded by dates, so a large authority's history is not
 * read whole). All SQL for the export is here.
 *
 * Look-backs (decisions): 12-month counts need 12 months before the earliest enquiry in the 6-month window, so
 * S47s and ICPCs are read 18 months back; "last visit" and "last review" dates are read 24 months back (statutory
 * visits are at most 6 months apart, so a child in a list always has one inside that if they had one at all).
 */
import { and, eq, gte, inArray, isNull, lte, max, or, sql, type SQL, type Column } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema/index';
import { addMonths } from '../../../domain/working-days';
import { monthsBefore } from './windows';

export interface Snapshot {
  asAt: string;
  authority: { id: number; name: string };
  children: Map<
    number,
    Pick<
      typeof s.children.$inferSelect,
      'id' | 'laChildId' | 'sex' | 'ethnicity' | 'dateOfBirth' | 'expectedDateOfBirth'
    >
  >;
  disabled: Set<number>;
  uasc: Array<typeof s.immigrationStatuses.$inferSelect>;
  allocations: Array<
    Pick<
      typeof s.allocations.$inferSelect,
      'id' | 'childId' | 'teamId' | 'workerId' | 'role' | 'isPrimary' | 'startDate' | 'endDate'
    >
  >;
  teams: Map<number, string>;
  workers: Map<number, string>;
  contacts: Array<typeof s.contacts.$inferSelect>;
  earlyHelp: Array<typeof s.earlyHelpEpisodes.$inferSelect>;
  referrals: Array<typeof s.cinEpisodes.$inferSelect>;
  assessments: Array<typeof s.assessments.$inferSelect>;
  s47s: Array<typeof s.s47Enquiries.$inferSelect>;
  icpcs: Array<typeof s.initialCpConferences.$inferSelect>;
  cinPlans: Array<typeof s.cinPlans.$inferSelect>;
  cpPlans: Array<typeof s.cpPlans.$inferSelect>;
  cpReviews: Array<typeof s.cpReviews.$inferSelect>;
  visits: Array<Pick<typeof s.visits.$inferSelect, 'childId' | 'kind' | 'visitDate' | 'seen' | 'seenAlone'>>;
  periods: Array<typeof s.periodsOfCare.$inferSelect>;
  legalStatuses: Array<typeof s.legalStatuses.$inferSelect>;
  placements: Array<typeof s.placements.$inferSelect>;
  claReviews: Array<typeof s.claReviews.$inferSelect>;
  healthDates: Array<{ childId: number; date: string }>;
  dentalDates: Array<{ childId: number; date: string }>;
  missing: Array<typeof s.missingEpisodes.$inferSelect>;
  permanence: Array<typeof s.permanenceMilestones.$inferSelect>;
  careLeavers: Array<typeof s.careLeavers.$inferSelect>;
  pathwayReviews: Array<{ childId: number; date: string }>;
  careLeaverContacts: Array<typeof s.careLeaverContacts.$inferSelect>;
}

/** The distinct child ids of some rows. */
function ids(rows: ReadonlyArray<{ childId: number }>): number[] {
  return [...new Set(rows.map((r) => r.childId))];
}

/** `column = any(ids)`: one array parameter, however many children (an IN list has one parameter each). */
function anyOf(column: Column, list: readonly number[]): SQL {
  return sql`${column} = any(${`{${list.join(',')}}`}::bigint[])`;
}

export async function loadSnapshot(db: Db, authorityId: number, asAt: string): Promise<Snapshot> {
  const [authority] = await db
    .select({ id: s.authorities.id, name: s.authorities.name })
    .from(s.authorities)
    .where(eq(s.authorities.id, authorityId));
  if (!authority) throw new Error(`No authority ${authorityId}`);
  // The queries that do not depend on one another go together (PostgreSQL runs them side by side).
  const w6 = monthsBefore(asAt, 6).from;
  const w12 = monthsBefore(asAt, 12).from;
  const back18 = addMonths(w6, -12);
  const back24 = addMonths(asAt, -24);

  const contactsQ = db
    .select()
    .from(s.contacts)
    .where(
      and(eq(s.contacts.authorityId, authorityId), gte(s.contacts.contactDate, w6), lte(s.contacts.contactDate, asAt)),
    );
  const earlyHelpQ = db
    .select()
    .from(s.earlyHelpEpisodes)
    .where(
      and(
        eq(s.earlyHelpEpisodes.authorityId, authorityId),
        lte(s.earlyHelpEpisodes.requestDate, asAt),
        or(
          isNull(s.earlyHelpEpisodes.endDate),
          gte(s.earlyHelpEpisodes.endDate, w6),
          gte(s.earlyHelpEpisodes.assessmentCompletionDate, w6),
          gte(s.earlyHelpEpisodes.assessmentStartDate, w6),
        ),
      ),
    );
  const referralsQ = db
    .select()
    .from(s.cinEpisodes)
    .where(
      and(
        eq(s.cinEpisodes.authorityId, authorityId),
        lte(s.cinEpisodes.referralDate, asAt),
        or(gte(s.cinEpisodes.referralDate, w12), isNull(s.cinEpisodes.closureDate), gte(s.cinEpisodes.closureDate, w6)),
      ),
    );
  const assessmentsQ = db
    .select()
    .from(s.assessments)
    .where(
      and(
        eq(s.assessments.authorityId, authorityId),
        lte(s.assessments.startDate, asAt),
        or(
          gte(s.assessments.startDate, w6),
          isNull(s.assessments.authorisationDate),
          gte(s.assessments.authorisationDate, w6),
        ),
      ),
    );
  const s47sQ = db
    .select()
    .from(s.s47Enquiries)
    .where(
      and(
        eq(s.s47Enquiries.authorityId, authorityId),
        lte(s.s47Enquiries.startDate, asAt),
        or(gte(s.s47Enquiries.startDate, back18), isNull(s.s47Enquiries.endDate), gte(s.s47Enquiries.endDate, w6)),
      ),
    );
  const icpcsQ = db
    .select()
    .from(s.initialCpConferences)
    .where(
      and(
        eq(s.initialCpConferences.authorityId, authorityId),
        lte(s.initialCpConferences.conferenceDate, asAt),
        gte(s.initialCpConferences.conferenceDate, back18),
      ),
    );
  const cinPlansQ = db
    .select()
    .from(s.cinPlans)
    .where(
      and(
        eq(s.cinPlans.authorityId, authorityId),
        lte(s.cinPlans.startDate, asAt),
        or(isNull(s.cinPlans.endDate), gte(s.cinPlans.endDate, asAt)),
      ),
    );
  // Every plan up to the as-at date: the number of previous plans counts them all.
  const cpPlansQ = db
    .select()
    .from(s.cpPlans)
    .where(and(eq(s.cpPlans.authorityId, authorityId), lte(s.cpPlans.startDate, asAt)));
  const cpReviewsQ = db
    .select()
    .from(s.cpReviews)
    .where(
      and(
        eq(s.cpReviews.authorityId, authorityId),
        lte(s.cpReviews.reviewDate, asAt),
        gte(s.cpReviews.reviewDate, back24),
      ),
    );
  const periodsQ = db
    .select()
    .from(s.periodsOfCare)
    .where(
      and(
        eq(s.periodsOfCare.authorityId, authorityId),
        lte(s.periodsOfCare.startDate, asAt),
        or(isNull(s.periodsOfCare.endDate), gte(s.periodsOfCare.endDate, w12)),
      ),
    );
  const healthDatesQ = db
    .select({ childId: s.healthAssessments.childId, date: s.healthAssessments.assessmentDate })
    .from(s.healthAssessments)
    .where(
      and(
        eq(s.healthAssessments.authorityId, authorityId),
        lte(s.healthAssessments.assessmentDate, asAt),
        gte(s.healthAssessments.assessmentDate, back24),
      ),
    );
  const dentalDatesQ = db
    .select({ childId: s.dentalChecks.childId, date: s.dentalChecks.checkDate })
    .from(s.dentalChecks)
    .where(
      and(
        eq(s.dentalChecks.authorityId, authorityId),
        lte(s.dentalChecks.checkDate, asAt),
        gte(s.dentalChecks.checkDate, back24),
      ),
    );
  const missingQ = db
    .select()
    .from(s.missingEpisodes)
    .where(
      and(eq(s.missingEpisodes.authorityId, authorityId), gte(s.missingEpisodes.startAt, new Date(`${w12}T00:00:00Z`))),
    );
  const permanenceQ = db
    .select()
    .from(s.permanenceMilestones)
    .where(and(eq(s.permanenceMilestones.authorityId, authorityId), lte(s.permanenceMilestones.admDecisionDate, asAt)));
  const careLeaversQ = db
    .select()
    .from(s.careLeavers)
    .where(
      and(
        eq(s.careLeavers.authorityId, authorityId),
        lte(s.careLeavers.startDate, asAt),
        or(isNull(s.careLeavers.endDate), gte(s.careLeavers.endDate, asAt)),
      ),
    );
  const pathwayReviewsQ = db
    .select({ childId: s.pathwayPlanReviews.childId, date: max(s.pathwayPlanReviews.reviewDate) })
    .from(s.pathwayPlanReviews)
    .where(and(eq(s.pathwayPlanReviews.authorityId, authorityId), lte(s.pathwayPlanReviews.reviewDate, asAt)))
    .groupBy(s.pathwayPlanReviews.childId);
  const careLeaverContactsQ = db
    .select()
    .from(s.careLeaverContacts)
    .where(
      and(
        eq(s.careLeaverContacts.authorityId, authorityId),
        lte(s.careLeaverContacts.contactDate, asAt),
        gte(s.careLeaverContacts.contactDate, back24),
      ),
    );
  const uascQ = db
    .select()
    .from(s.immigrationStatuses)
    .where(
      and(
        eq(s.immigrationStatuses.authorityId, authorityId),
        eq(s.immigrationStatuses.status, 'UASC'),
        lte(s.immigrationStatuses.startDate, asAt),
      ),
    );
  const teamsQ = db
    .select({ id: s.teams.id, name: s.teams.name })
    .from(s.teams)
    .where(eq(s.teams.authorityId, authorityId));
  const workersQ = db
    .select({ id: s.workers.id, name: s.workers.name })
    .from(s.workers)
    .where(eq(s.workers.authorityId, authorityId));
  const [
    contacts,
    earlyHelp,
    referrals,
    assessments,
    s47s,
    icpcs,
    cinPlans,
    cpPlans,
    cpReviews,
    periods,
    healthDates,
    dentalDates,
    missing,
    permanence,
    careLeavers,
    pathwayReviews,
    careLeaverContacts,
    uasc,
    teams,
    workers,
  ] = await Promise.all([
    contactsQ,
    earlyHelpQ,
    referralsQ,
    assessmentsQ,
    s47sQ,
    icpcsQ,
    cinPlansQ,
    cpPlansQ,
    cpReviewsQ,
    periodsQ,
    healthDatesQ,
    dentalDatesQ,
    missingQ,
    permanenceQ,
    careLeaversQ,
    pathwayReviewsQ,
    careLeaverContactsQ,
    uascQ,
    teamsQ,
    workersQ,
  ]);

  // The children the lists can show: those of a row of one of them. Only they, their allocations, disabilities and
  // visits are read (not every child the authority has ever had), with the columns the lists use.
  const listChildren = ids([
    ...contacts,
    ...earlyHelp,
    ...referrals,
    ...assessments,
    ...s47s,
    ...cpPlans,
    ...periods,
    ...permanence,
    ...careLeavers,
  ]);
  // Visits are shown for children in need (list 6), on a plan (7) and in care (8).
  const visitChildren = ids([...referrals, ...cpPlans, ...periods]);
  const periodIds = periods.map((p) => p.id);
  const [legalStatuses, placements, claReviews, visits, disabled, allocations, children] = await Promise.all([
    periodIds.length
      ? db
          .select()
          .from(s.legalStatuses)
          .where(and(eq(s.legalStatuses.authorityId, authorityId), inArray(s.legalStatuses.periodOfCareId, periodIds)))
      : [],
    periodIds.length
      ? db
          .select()
          .from(s.placements)
          .where(and(eq(s.placements.authorityId, authorityId), inArray(s.placements.periodOfCareId, periodIds)))
      : [],
    periodIds.length
      ? db
          .select()
          .from(s.claReviews)
          .where(and(eq(s.claReviews.authorityId, authorityId), inArray(s.claReviews.periodOfCareId, periodIds)))
      : [],
    db
      .select({
        childId: s.visits.childId,
        kind: s.visits.kind,
        visitDate: s.visits.visitDate,
        seen: s.visits.seen,
        seenAlone: s.visits.seenAlone,
      })
      .from(s.visits)
      .where(
        and(
          anyOf(s.visits.childId, visitChildren),
          eq(s.visits.authorityId, authorityId),
          lte(s.visits.visitDate, asAt),
          gte(s.visits.visitDate, back24),
        ),
      ),
    db
      .selectDistinct({ childId: s.childDisabilities.childId })
      .from(s.childDisabilities)
      .where(
        and(
          anyOf(s.childDisabilities.childId, listChildren),
          eq(s.childDisabilities.authorityId, authorityId),
          or(isNull(s.childDisabilities.recordedDate), lte(s.childDisabilities.recordedDate, asAt)),
        ),
      ),
    db
      .select({
        id: s.allocations.id,
        childId: s.allocations.childId,
        teamId: s.allocations.teamId,
        workerId: s.allocations.workerId,
        role: s.allocations.role,
        isPrimary: s.allocations.isPrimary,
        startDate: s.allocations.startDate,
        endDate: s.allocations.endDate,
      })
      .from(s.allocations)
      .where(
        and(
          anyOf(s.allocations.childId, listChildren),
          eq(s.allocations.authorityId, authorityId),
          lte(s.allocations.startDate, asAt),
        ),
      ),
    db
      .select({
        id: s.children.id,
        laChildId: s.children.laChildId,
        sex: s.children.sex,
        ethnicity: s.children.ethnicity,
        dateOfBirth: s.children.dateOfBirth,
        expectedDateOfBirth: s.children.expectedDateOfBirth,
      })
      .from(s.children)
      .where(and(anyOf(s.children.id, listChildren), eq(s.children.authorityId, authorityId))),
  ]);

  return {
    asAt,
    authority,
    children: new Map(children.map((c) => [c.id, c])),
    disabled: new Set(disabled.map((d) => d.childId)),
    uasc,
    allocations,
    teams: new Map(teams.map((t) => [t.id, t.name])),
    workers: new Map(workers.map((w) => [w.id, w.name])),
    contacts,
    earlyHelp,
    referrals,
    assessments,
    s47s,
    icpcs,
    cinPlans,
    cpPlans,
    cpReviews,
    visits,
    periods,
    legalStatuses,
    placements,
    claReviews,
    healthDates,
    dentalDates,
    missing,
    permanence,
    careLeavers,
    pathwayReviews: pathwayReviews.filter((r): r is { childId: number; date: string } => r.date !== null),
    careLeaverContacts,
  };
}
