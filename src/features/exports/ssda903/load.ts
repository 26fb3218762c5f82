/**
 * The canonical rows an SSDA903 export needs, for one authority and collection year. Rows are narrowed by date
 * in SQL where that is simple (periods overlapping the year; reviews, checks and SDQs in the year; the OC2 outcomes at
 * 31 March) and joined in
 * memory by the builder.
 */
import { and, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema/index';

export async function loadCanonical(db: Db, authorityId: number, year: { start: string; end: string }) {
  const periods = await db
    .select()
    .from(s.periodsOfCare)
    .where(
      and(
        eq(s.periodsOfCare.authorityId, authorityId),
        lte(s.periodsOfCare.startDate, year.end),
        or(isNull(s.periodsOfCare.endDate), gte(s.periodsOfCare.endDate, year.start)),
      ),
    );
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
    db.select().from(s.children).where(eq(s.children.authorityId, authorityId)),
    db
      .select()
      .from(s.legalStatuses)
      .where(and(eq(s.legalStatuses.authorityId, authorityId), lte(s.legalStatuses.startDate, year.end))),
    db
      .select()
      .from(s.placements)
      .where(and(eq(s.placements.authorityId, authorityId), lte(s.placements.startDate, year.end))),
    db
      .select()
      .from(s.claReviews)
      .where(
        and(
          eq(s.claReviews.authorityId, authorityId),
          gte(s.claReviews.reviewDate, year.start),
          lte(s.claReviews.reviewDate, year.end),
        ),
      ),
    db
      .select()
      .from(s.immigrationStatuses)
      .where(and(eq(s.immigrationStatuses.authorityId, authorityId), eq(s.immigrationStatuses.status, 'UASC'))),
    db
      .select()
      .from(s.familyLinks)
      .where(and(eq(s.familyLinks.authorityId, authorityId), eq(s.familyLinks.relationship, 'child'))),
    db
      .select()
      .from(s.sdqScores)
      .where(
        and(
          eq(s.sdqScores.authorityId, authorityId),
          gte(s.sdqScores.assessmentDate, year.start),
          lte(s.sdqScores.assessmentDate, year.end),
        ),
      ),
    db
      .select()
      .from(s.dentalChecks)
      .where(
        and(
          eq(s.dentalChecks.authorityId, authorityId),
          gte(s.dentalChecks.checkDate, year.start),
          lte(s.dentalChecks.checkDate, year.end),
        ),
      ),
    db
      .select()
      .from(s.healthAssessments)
      .where(
        and(
          eq(s.healthAssessments.authorityId, authorityId),
          gte(s.healthAssessments.assessmentDate, year.start),
          lte(s.healthAssessments.assessmentDate, year.end),
        ),
      ),
    db.select().from(s.careLeaverContacts).where(eq(s.careLeaverContacts.authorityId, authorityId)),
    db
      .select({
        childId: s.careLeavers.childId,
        eligibility: s.careLeavers.eligibility,
        startDate: s.careLeavers.startDate,
        endDate: s.careLeavers.endDate,
      })
      .from(s.careLeavers)
      .where(eq(s.careLeavers.authorityId, authorityId)),
    db.select().from(s.permanenceMilestones).where(eq(s.permanenceMilestones.authorityId, authorityId)),
    db.select().from(s.missingEpisodes).where(eq(s.missingEpisodes.authorityId, authorityId)),
    db
      .select()
      .from(s.allocations)
      .where(
        and(
          eq(s.allocations.authorityId, authorityId),
          eq(s.allocations.role, 'social-worker'),
          lte(s.allocations.startDate, year.end),
        ),
      ),
    db
      .select({ id: s.workers.id, workerRef: s.workers.workerRef })
      .from(s.workers)
      .where(eq(s.workers.authorityId, authorityId)),
    db.select().from(s.deprivationOfLibertyOrders).where(eq(s.deprivationOfLibertyOrders.authorityId, authorityId)),
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
