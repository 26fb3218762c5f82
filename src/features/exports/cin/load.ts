/**
 * What the CIN census for a collection year holds, read from the canonical model: every child with a CIN
 * episode open at some time in the year (referred on or before the reference date and not closed before the
 * year began), those episodes, and everything recorded under them. Children are read in batches, so a large
 * authority's census is never in memory whole.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import * as s from '../../../db/schema/index';

export type ChildRow = typeof s.children.$inferSelect;
export type EpisodeRow = typeof s.cinEpisodes.$inferSelect;

export interface CensusEpisode {
  episode: EpisodeRow;
  assessments: Array<typeof s.assessments.$inferSelect>;
  cinPlans: Array<typeof s.cinPlans.$inferSelect>;
  s47s: Array<typeof s.s47Enquiries.$inferSelect>;
  icpcs: Array<typeof s.initialCpConferences.$inferSelect>;
  cpPlans: Array<{ plan: typeof s.cpPlans.$inferSelect; reviews: string[] }>;
  preProceedings: Array<{ pre: typeof s.preProceedings.$inferSelect; courtApplications: string[] }>;
}

export interface CensusChild {
  child: ChildRow;
  disabilities: Array<typeof s.childDisabilities.$inferSelect>;
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

  for (let i = 0; i < ids.length; i += BATCH) {
    const childIds = ids.slice(i, i + BATCH).map((r) => r.id);
    const [children, disabilities, episodes] = await Promise.all([
      db.select().from(s.children).where(inArray(s.children.id, childIds)),
      db.select().from(s.childDisabilities).where(inArray(s.childDisabilities.childId, childIds)),
      db
        .select()
        .from(s.cinEpisodes)
        .where(and(inYear, inArray(s.cinEpisodes.childId, childIds))),
    ]);
    const episodeIds = episodes.map((e) => e.id);
    const [assessments, cinPlans, s47s, icpcs, cpPlans, pres] = episodeIds.length
      ? await Promise.all([
          db.select().from(s.assessments).where(inArray(s.assessments.cinEpisodeId, episodeIds)),
          db.select().from(s.cinPlans).where(inArray(s.cinPlans.cinEpisodeId, episodeIds)),
          db.select().from(s.s47Enquiries).where(inArray(s.s47Enquiries.cinEpisodeId, episodeIds)),
          db.select().from(s.initialCpConferences).where(inArray(s.initialCpConferences.cinEpisodeId, episodeIds)),
          db.select().from(s.cpPlans).where(inArray(s.cpPlans.cinEpisodeId, episodeIds)),
          db.select().from(s.preProceedings).where(inArray(s.preProceedings.cinEpisodeId, episodeIds)),
        ])
      : [[], [], [], [], [], []];
    const planIds = cpPlans.map((p) => p.id);
    const preIds = pres.map((p) => p.id);
    const [reviews, court] = await Promise.all([
      planIds.length ? db.select().from(s.cpReviews).where(inArray(s.cpReviews.cpPlanId, planIds)) : [],
      preIds.length
        ? db.select().from(s.careProceedings).where(inArray(s.careProceedings.preProceedingsId, preIds))
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
