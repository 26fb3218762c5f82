/**
 * The headline figures on the home page: how many children are open to each part of the service today,
 * for the whole authority or one team. Counts only, never child-level data.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import {
  allocations,
  authorities,
  careLeavers,
  cinEpisodes,
  cpPlans,
  periodsOfCare,
  teams,
  workers,
} from '../../db/schema/index';

export interface Overview {
  childrenInNeed: number;
  childProtection: number;
  inCare: number;
  careLeavers: number;
}

/** Open = started on or before `asAt` and not ended before it. */
function openAt(start: unknown, end: unknown, asAt: string) {
  return sql`${start} <= ${asAt} and (${end} is null or ${end} > ${asAt})`;
}

export async function authorityOverview(tx: Tx, authorityId: number, asAt: string): Promise<Overview> {
  const [[cin], [cp], [cla], [cl]] = await Promise.all([
    tx
      .select({ n: count() })
      .from(cinEpisodes)
      .where(
        and(
          eq(cinEpisodes.authorityId, authorityId),
          eq(cinEpisodes.referralNfa, false),
          openAt(cinEpisodes.referralDate, cinEpisodes.closureDate, asAt),
        ),
      ),
    tx
      .select({ n: count() })
      .from(cpPlans)
      .where(and(eq(cpPlans.authorityId, authorityId), openAt(cpPlans.startDate, cpPlans.endDate, asAt))),
    tx
      .select({ n: count() })
      .from(periodsOfCare)
      .where(
        and(eq(periodsOfCare.authorityId, authorityId), openAt(periodsOfCare.startDate, periodsOfCare.endDate, asAt)),
      ),
    tx
      .select({ n: count() })
      .from(careLeavers)
      .where(and(eq(careLeavers.authorityId, authorityId), openAt(careLeavers.startDate, careLeavers.endDate, asAt))),
  ]);
  return { childrenInNeed: cin?.n ?? 0, childProtection: cp?.n ?? 0, inCare: cla?.n ?? 0, careLeavers: cl?.n ?? 0 };
}

/** Open allocations per worker in a team: the team's caseloads. */
export async function teamCaseloads(tx: Tx, teamId: number) {
  return tx
    .select({
      workerId: workers.id,
      worker: workers.name,
      role: workers.role,
      agency: workers.agency,
      children: count(allocations.id),
    })
    .from(workers)
    .leftJoin(
      allocations,
      and(eq(allocations.workerId, workers.id), isNull(allocations.endDate), eq(allocations.teamId, teamId)),
    )
    .where(and(eq(workers.teamId, teamId), isNull(workers.endDate)))
    .groupBy(workers.id, workers.name, workers.role, workers.agency)
    .orderBy(workers.name);
}

export async function names(tx: Tx, authorityId: number, teamId: number | null) {
  const [authority] = await tx
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .limit(1);
  const [team] =
    teamId === null ? [] : await tx.select({ name: teams.name }).from(teams).where(eq(teams.id, teamId)).limit(1);
  return { authority: authority?.name ?? '', team: team?.name ?? null };
}
