/**
 * The canonical rows an SSDA903 export needs, for one authority and collection year. Rows are narrowed in SQL:
 * by date where that is simple (periods overlapping the year; reviews, checks and SDQs in the year; the OC2 outcomes
 * at 31 March), and to the children the return can hold — those with a period of care overlapping the year (every
 * table but OC3's is about them) and care leavers (OC3) — read through each table's index on child_id where it has
 * one; the children and their allocations with only the columns the return writes. They are joined in memory by
 * the builder (build.ts). Rows come in id order, so that ties the builder keeps in the order given are decided
 * alike on both engines.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema/index';

export async function loadCanonical(db: Db, authorityId: number, year: { start: string; end: string }) {
  const overlapping = and(
    eq(s.periodsOfCare.authorityId, authorityId),
    lte(s.periodsOfCare.startDate, year.end),
    or(isNull(s.periodsOfCare.endDate), gte(s.periodsOfCare.endDate, year.start)),
  );
  const periods = await db.select().from(s.periodsOfCare).where(overlapping).orderBy(asc(s.periodsOfCare.id));
  /** The children with a period of care overlapping the year: everything but OC3 is about them. */
  const inCare = db.select({ childId: s.periodsOfCare.childId }).from(s.periodsOfCare).where(overlapping);
  const leaverChildren = db
    .select({ childId: s.careLeavers.childId })
    .from(s.careLeavers)
    .where(eq(s.careLeavers.authorityId, authorityId));
  const [
    children,
    legalStatuses,
    placements,
    reviews,
    immigration,
    familyLinks,
    sdq,
    dental,
    health,
    contacts,
    leavers,
    milestones,
    missing,
    allocations,
    workers,
    dolo,
    outcomes,
  ] = await Promise.all([
    db
      .select({
        id: s.children.id,
        laChildId: s.children.laChildId,
        sex: s.children.sex,
        dateOfBirth: s.children.dateOfBirth,
        ethnicity: s.children.ethnicity,
        upn: s.children.upn,
        upnUnknownReason: s.children.upnUnknownReason,
      })
      .from(s.children)
      .where(
        and(
          eq(s.children.authorityId, authorityId),
          or(inArray(s.children.id, inCare), inArray(s.children.id, leaverChildren)),
        ),
      ),
    db
      .select()
      .from(s.legalStatuses)
      .where(
        and(
          inArray(s.legalStatuses.childId, inCare),
          eq(s.legalStatuses.authorityId, authorityId),
          lte(s.legalStatuses.startDate, year.end),
        ),
      )
      .orderBy(asc(s.legalStatuses.id)),
    db
      .select()
      .from(s.placements)
      .where(
        and(
          inArray(s.placements.childId, inCare),
          eq(s.placements.authorityId, authorityId),
          lte(s.placements.startDate, year.end),
        ),
      )
      .orderBy(asc(s.placements.id)),
    db
      .select()
      .from(s.claReviews)
      .where(
        and(
          eq(s.claReviews.authorityId, authorityId),
          gte(s.claReviews.reviewDate, year.start),
          lte(s.claReviews.reviewDate, year.end),
        ),
      )
      .orderBy(asc(s.claReviews.id)),
    db
      .select()
      .from(s.immigrationStatuses)
      .where(
        and(
          inArray(s.immigrationStatuses.childId, inCare),
          eq(s.immigrationStatuses.authorityId, authorityId),
          eq(s.immigrationStatuses.status, 'UASC'),
        ),
      )
      .orderBy(asc(s.immigrationStatuses.id)),
    db
      .select()
      .from(s.familyLinks)
      .where(
        and(
          inArray(s.familyLinks.childId, inCare),
          eq(s.familyLinks.authorityId, authorityId),
          eq(s.familyLinks.relationship, 'child'),
        ),
      )
      .orderBy(asc(s.familyLinks.id)),
    db
      .select()
      .from(s.sdqScores)
      .where(
        and(
          eq(s.sdqScores.authorityId, authorityId),
          gte(s.sdqScores.assessmentDate, year.start),
          lte(s.sdqScores.assessmentDate, year.end),
        ),
      )
      .orderBy(asc(s.sdqScores.id)),
    db
      .select()
      .from(s.dentalChecks)
      .where(
        and(
          eq(s.dentalChecks.authorityId, authorityId),
          gte(s.dentalChecks.checkDate, year.start),
          lte(s.dentalChecks.checkDate, year.end),
        ),
      )
      .orderBy(asc(s.dentalChecks.id)),
    db
      .select()
      .from(s.healthAssessments)
      .where(
        and(
          eq(s.healthAssessments.authorityId, authorityId),
          gte(s.healthAssessments.assessmentDate, year.start),
          lte(s.healthAssessments.assessmentDate, year.end),
        ),
      )
      .orderBy(asc(s.healthAssessments.id)),
    db
      .select()
      .from(s.careLeaverContacts)
      .where(
        and(inArray(s.careLeaverContacts.childId, leaverChildren), eq(s.careLeaverContacts.authorityId, authorityId)),
      )
      .orderBy(asc(s.careLeaverContacts.id)),
    db
      .select({
        childId: s.careLeavers.childId,
        eligibility: s.careLeavers.eligibility,
        startDate: s.careLeavers.startDate,
        endDate: s.careLeavers.endDate,
      })
      .from(s.careLeavers)
      .where(eq(s.careLeavers.authorityId, authorityId))
      .orderBy(asc(s.careLeavers.id)),
    db
      .select()
      .from(s.permanenceMilestones)
      .where(and(inArray(s.permanenceMilestones.childId, inCare), eq(s.permanenceMilestones.authorityId, authorityId)))
      .orderBy(asc(s.permanenceMilestones.id)),
    db
      .select()
      .from(s.missingEpisodes)
      .where(and(inArray(s.missingEpisodes.childId, inCare), eq(s.missingEpisodes.authorityId, authorityId)))
      .orderBy(asc(s.missingEpisodes.id)),
    db
      .select({
        id: s.allocations.id,
        childId: s.allocations.childId,
        workerId: s.allocations.workerId,
        startDate: s.allocations.startDate,
        endDate: s.allocations.endDate,
        endReason: s.allocations.endReason,
        changeReason: s.allocations.changeReason,
      })
      .from(s.allocations)
      .where(
        and(
          inArray(s.allocations.childId, inCare),
          eq(s.allocations.authorityId, authorityId),
          eq(s.allocations.role, 'social-worker'),
          lte(s.allocations.startDate, year.end),
        ),
      )
      .orderBy(asc(s.allocations.id)),
    db
      .select({ id: s.workers.id, workerRef: s.workers.workerRef })
      .from(s.workers)
      .where(eq(s.workers.authorityId, authorityId)),
    db
      .select()
      .from(s.deprivationOfLibertyOrders)
      .where(
        and(
          inArray(s.deprivationOfLibertyOrders.childId, inCare),
          eq(s.deprivationOfLibertyOrders.authorityId, authorityId),
        ),
      )
      .orderBy(asc(s.deprivationOfLibertyOrders.id)),
    db
      .select()
      .from(s.claOutcomes)
      .where(and(eq(s.claOutcomes.authorityId, authorityId), eq(s.claOutcomes.asAt, year.end))),
  ]);
  return {
    periods,
    children,
    legalStatuses,
    placements,
    reviews,
    immigration,
    familyLinks,
    sdq,
    dental,
    health,
    contacts,
    leavers,
    milestones,
    missing,
    allocations,
    workers,
    dolo,
    outcomes,
  };
}

export type Canonical = Awaited<ReturnType<typeof loadCanonical>>;
