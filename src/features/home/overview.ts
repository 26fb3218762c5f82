/**
 * The headline figures on the home page: how many children are open to each part of the service today,
 * for the whole authority or one team. Counts only, never child-level data.
 */
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { headlineFrom, headlineSql, type Headline } from '../children/headline';
import { allocations, authorities, teams, workers } from '../../db/schema/index';

export type Overview = Headline;

export async function authorityOverview(tx: Tx, authorityId: number, asAt: string): Promise<Overview> {
  return headlineFrom((await rows(tx, sql.raw(headlineSql(authorityId, asAt))))[0]);
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
