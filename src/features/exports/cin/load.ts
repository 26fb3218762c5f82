/**
 * What the CIN census for a collection year holds, read from the canonical model: every child with a CIN
 * episode open at some time in the year (referred on or before the reference date and not closed before the
 * year began), those episodes, and everything recorded under them. Children are read in batches, so a large
 * authority's census is never in memory whole.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema/index';

/** Only the columns the census writes (write.ts), so a batch carries no more than it needs. */
const childColumns = {
  id: s.children.id,
  laChildId: s.children.laChildId,
  upn: s.children.upn,
  upnUnknownReason: s.children.upnUnknownReason,
  dateOfBirth: s.children.dateOfBirth,
  expectedDateOfBirth: s.children.expectedDateOfBirth,
  sex: s.children.sex,
  dateOfDeath: s.children.dateOfDeath,
  ethnicity: s.children.ethnicity,
};
const episodeColumns = {
  id: s.cinEpisodes.id,
  childId: s.cinEpisodes.childId,
  referralDate: s.cinEpisodes.referralDate,
  referralSource: s.cinEpisodes.referralSource,
  primaryNeedCode: s.cinEpisodes.primaryNeedCode,
  closureDate: s.cinEpisodes.closureDate,
  closureReason: s.cinEpisodes.closureReason,
  referralNfa: s.cinEpisodes.referralNfa,
};
const disabilityColumns = {
  childId: s.childDisabilities.childId,
  code: s.childDisabilities.code,
  recordedDate: s.childDisabilities.recordedDate,
};
const assessmentColumns = {
  cinEpisodeId: s.assessments.cinEpisodeId,
  startDate: s.assessments.startDate,
  authorisationDate: s.assessments.authorisationDate,
  factors: s.assessments.factors,
};
const cinPlanColumns = {
  cinEpisodeId: s.cinPlans.cinEpisodeId,
  startDate: s.cinPlans.startDate,
  endDate: s.cinPlans.endDate,
};
const s47Columns = {
  id: s.s47Enquiries.id,
  cinEpisodeId: s.s47Enquiries.cinEpisodeId,
  startDate: s.s47Enquiries.startDate,
  endDate: s.s47Enquiries.endDate,
  icpcNotRequired: s.s47Enquiries.icpcNotRequired,
};
const icpcColumns = {
  cinEpisodeId: s.initialCpConferences.cinEpisodeId,
  s47EnquiryId: s.initialCpConferences.s47EnquiryId,
  conferenceDate: s.initialCpConferences.conferenceDate,
  targetDate: s.initialCpConferences.targetDate,
};
const cpPlanColumns = {
  id: s.cpPlans.id,
  cinEpisodeId: s.cpPlans.cinEpisodeId,
  startDate: s.cpPlans.startDate,
  endDate: s.cpPlans.endDate,
  initialCategory: s.cpPlans.initialCategory,
  latestCategory: s.cpPlans.latestCategory,
  numberOfPreviousPlans: s.cpPlans.numberOfPreviousPlans,
};
const preColumns = {
  id: s.preProceedings.id,
  cinEpisodeId: s.preProceedings.cinEpisodeId,
  startDate: s.preProceedings.startDate,
  endDate: s.preProceedings.endDate,
  decisionDate: s.preProceedings.decisionDate,
  letterBeforeProceedingsDate: s.preProceedings.letterBeforeProceedingsDate,
  familyGroupDecisionOffered: s.preProceedings.familyGroupDecisionOffered,
  initialMeetingDate: s.preProceedings.initialMeetingDate,
  reviewMeetings: s.preProceedings.reviewMeetings,
  outcome: s.preProceedings.outcome,
};

export type ChildRow = Pick<typeof s.children.$inferSelect, keyof typeof childColumns>;
export type EpisodeRow = Pick<typeof s.cinEpisodes.$inferSelect, keyof typeof episodeColumns>;

export interface CensusEpisode {
  episode: EpisodeRow;
  assessments: Array<Pick<typeof s.assessments.$inferSelect, keyof typeof assessmentColumns>>;
  cinPlans: Array<Pick<typeof s.cinPlans.$inferSelect, keyof typeof cinPlanColumns>>;
  s47s: Array<Pick<typeof s.s47Enquiries.$inferSelect, keyof typeof s47Columns>>;
  icpcs: Array<Pick<typeof s.initialCpConferences.$inferSelect, keyof typeof icpcColumns>>;
  cpPlans: Array<{ plan: Pick<typeof s.cpPlans.$inferSelect, keyof typeof cpPlanColumns>; reviews: string[] }>;
  preProceedings: Array<{
    pre: Pick<typeof s.preProceedings.$inferSelect, keyof typeof preColumns>;
    courtApplications: string[];
  }>;
}

export interface CensusChild {
  child: ChildRow;
  disabilities: Array<Pick<typeof s.childDisabilities.$inferSelect, keyof typeof disabilityColumns>>;
  episodes: CensusEpisode[];
}

const BATCH = 500;

function group<T, K>(rows: readonly T[], key: (r: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** The children of the census in LAchildID order, a batch at a time. */
export async function* censusChildren(
  db: Db,
  authorityId: number,
  period: { start: string; end: string },
): AsyncGenerator<CensusChild[]> {
  const inYear = and(
    eq(s.cinEpisodes.authorityId, authorityId),
    lte(s.cinEpisodes.referralDate, period.end),
    or(isNull(s.cinEpisodes.closureDate), gte(s.cinEpisodes.closureDate, period.start)),
  );
  const ids = await db
    .selectDistinct({ id: s.children.id, laChildId: s.children.laChildId })
    .from(s.cinEpisodes)
    .innerJoin(s.children, eq(s.children.id, s.cinEpisodes.childId))
    .where(inYear)
    .orderBy(asc(s.children.laChildId));

  // Everything under a batch's episodes is read by child (each table's index on child_id) and kept when it belongs
  // to one of those episodes: the tables have no index on cin_episode_id, so reading by episode scanned them whole.
  for (let i = 0; i < ids.length; i += BATCH) {
    const childIds = ids.slice(i, i + BATCH).map((r) => r.id);
    const [children, disabilities, episodes, assessmentRows, cinPlanRows, s47Rows, icpcRows, cpPlanRows, preRows] =
      await Promise.all([
        db.select(childColumns).from(s.children).where(inArray(s.children.id, childIds)),
        db
          .select(disabilityColumns)
          .from(s.childDisabilities)
          .where(inArray(s.childDisabilities.childId, childIds))
          .orderBy(s.childDisabilities.id),
        db
          .select(episodeColumns)
          .from(s.cinEpisodes)
          .where(and(inYear, inArray(s.cinEpisodes.childId, childIds)))
          .orderBy(s.cinEpisodes.id),
        db
          .select(assessmentColumns)
          .from(s.assessments)
          .where(inArray(s.assessments.childId, childIds))
          .orderBy(s.assessments.id),
        db.select(cinPlanColumns).from(s.cinPlans).where(inArray(s.cinPlans.childId, childIds)).orderBy(s.cinPlans.id),
        db
          .select(s47Columns)
          .from(s.s47Enquiries)
          .where(inArray(s.s47Enquiries.childId, childIds))
          .orderBy(s.s47Enquiries.id),
        db
          .select(icpcColumns)
          .from(s.initialCpConferences)
          .where(inArray(s.initialCpConferences.childId, childIds))
          .orderBy(s.initialCpConferences.id),
        db.select(cpPlanColumns).from(s.cpPlans).where(inArray(s.cpPlans.childId, childIds)).orderBy(s.cpPlans.id),
        db
          .select(preColumns)
          .from(s.preProceedings)
          .where(inArray(s.preProceedings.childId, childIds))
          .orderBy(s.preProceedings.id),
      ]);
    const episodeIds = new Set(episodes.map((e) => e.id));
    const ofEpisodes = <T extends { cinEpisodeId: number | null }>(rows: T[]) =>
      rows.filter((r) => r.cinEpisodeId !== null && episodeIds.has(r.cinEpisodeId));
    const assessments = ofEpisodes(assessmentRows);
    const cinPlans = ofEpisodes(cinPlanRows);
    const s47s = ofEpisodes(s47Rows);
    const icpcs = ofEpisodes(icpcRows);
    const cpPlans = ofEpisodes(cpPlanRows);
    const pres = ofEpisodes(preRows);
    const planIds = cpPlans.map((p) => p.id);
    const preIds = new Set(pres.map((p) => p.id));
    const [reviews, court] = await Promise.all([
      planIds.length
        ? db
            .select({ cpPlanId: s.cpReviews.cpPlanId, reviewDate: s.cpReviews.reviewDate })
            .from(s.cpReviews)
            .where(inArray(s.cpReviews.cpPlanId, planIds))
            .orderBy(s.cpReviews.id)
        : [],
      preIds.size
        ? db
            .select({ preProceedingsId: s.careProceedings.preProceedingsId, issueDate: s.careProceedings.issueDate })
            .from(s.careProceedings)
            .where(inArray(s.careProceedings.childId, childIds))
            .orderBy(s.careProceedings.id)
            .then((rows) => rows.filter((r) => r.preProceedingsId !== null && preIds.has(r.preProceedingsId)))
        : [],
    ]);

    const byEpisode = {
      assessments: group(assessments, (r) => r.cinEpisodeId),
      cinPlans: group(cinPlans, (r) => r.cinEpisodeId),
      s47s: group(s47s, (r) => r.cinEpisodeId),
      icpcs: group(icpcs, (r) => r.cinEpisodeId),
      cpPlans: group(cpPlans, (r) => r.cinEpisodeId),
      pres: group(pres, (r) => r.cinEpisodeId),
    };
    const reviewsByPlan = group(reviews, (r) => r.cpPlanId);
    const courtByPre = group(court, (r) => r.preProceedingsId);
    const episodesByChild = group(episodes, (e) => e.childId);
    const disabilitiesByChild = group(disabilities, (d) => d.childId);

    const out: CensusChild[] = children
      .sort((a, b) => (a.laChildId < b.laChildId ? -1 : a.laChildId > b.laChildId ? 1 : 0))
      .map((child) => ({
        child,
        disabilities: disabilitiesByChild.get(child.id) ?? [],
        episodes: (episodesByChild.get(child.id) ?? []).map((episode) => ({
          episode,
          assessments: byEpisode.assessments.get(episode.id) ?? [],
          cinPlans: byEpisode.cinPlans.get(episode.id) ?? [],
          s47s: byEpisode.s47s.get(episode.id) ?? [],
          icpcs: byEpisode.icpcs.get(episode.id) ?? [],
          cpPlans: (byEpisode.cpPlans.get(episode.id) ?? []).map((plan) => ({
            plan,
            reviews: (reviewsByPlan.get(plan.id) ?? []).map((r) => r.reviewDate),
          })),
          preProceedings: (byEpisode.pres.get(episode.id) ?? []).map((pre) => ({
            pre,
            courtApplications: (courtByPre.get(pre.id) ?? []).map((c) => c.issueDate),
          })),
        })),
      }));
    yield out;
  }
}
