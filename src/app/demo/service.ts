/**
 * The demo authority's people: one user per role, named after the role. Their shared password is set only when
 * Lantern runs in demo mode; `lantern demo generate` alone creates them with no password (they cannot sign in).
 */
import { and, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { allocations, authorities, users } from '../../db/schema/index';
import { isTeamScoped, ROLES, type Role } from '../../domain/roles';
import type { Actor } from '../../accounts/access-log/auditor';
import type { AccessLogRepository } from '../../accounts/access-log/repository';
import { hashPassword } from '../../accounts/users/service';

export interface DemoPeople {
  authorityId: number;
  demoTeamId: number;
  demoWorkerId: number | null;
}

const DEMO_NAMES: Record<Role, string> = {
  admin: 'Alex Admin',
  director: 'Dana Director',
  'head-of-service': 'Harper Head',
  'team-manager': 'Taylor Manager',
  'social-worker': 'Sam Worker',
  'qa-auditor': 'Quinn Auditor',
  analyst: 'Ari Analyst',
  member: 'Morgan Member',
};

/** Creates any missing role users for a demo authority; with a password, (re)sets all their passwords to it. */
export async function ensureDemoUsers(
  db: Db,
  accessLog: AccessLogRepository,
  people: DemoPeople,
  password: string | null,
  actor: Actor,
): Promise<void> {
  const passwordHash = password ? await hashPassword(password) : null;
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, [...ROLES]));
    const have = new Map(existing.map((u) => [u.username, u.id]));
    for (const role of ROLES) {
      const id = have.get(role);
      if (id === undefined) {
        const [row] = await tx
          .insert(users)
          .values({
            authorityId: people.authorityId,
            username: role,
            displayName: DEMO_NAMES[role],
            role,
            teamId: isTeamScoped(role) ? people.demoTeamId : null,
            workerId: role === 'social-worker' ? people.demoWorkerId : null,
            passwordHash,
          })
          .returning({ id: users.id });
        await accessLog.insert(tx, {
          ...actorFields(actor),
          action: 'user.create',
          recordType: 'user',
          recordId: String(row?.id),
          detail: { role, demo: true },
        });
      } else if (passwordHash) {
        await tx
          .update(users)
          .set({ passwordHash })
          .where(and(eq(users.id, id), eq(users.authorityId, people.authorityId)));
      }
    }
  });
}

function actorFields(actor: Actor) {
  return { authorityId: actor.authorityId, userId: actor.userId, username: actor.username };
}

export async function demoAuthorities(db: Db) {
  return db.select().from(authorities).where(eq(authorities.isDemo, true)).orderBy(authorities.id);
}

export async function authorityCount(db: Db): Promise<number> {
  const rows = await db.select({ id: authorities.id }).from(authorities).limit(1);
  return rows.length;
}

/**
 * The team the demo team-manager and social-worker belong to: the team with the most children allocated now,
 * and in it the worker with the most children.
 */
export async function pickDemoTeam(
  db: Db,
  authorityId: number,
): Promise<{ teamId: number; workerId: number | null } | null> {
  const [team] = await db
    .select({ teamId: allocations.teamId, n: count() })
    .from(allocations)
    .where(
      and(eq(allocations.authorityId, authorityId), isNull(allocations.endDate), eq(allocations.role, 'social-worker')),
    )
    .groupBy(allocations.teamId)
    .orderBy(desc(count()), allocations.teamId)
    .limit(1);
  if (!team) return null;
  const [worker] = await db
    .select({ workerId: allocations.workerId, n: count() })
    .from(allocations)
    .where(
      and(eq(allocations.teamId, team.teamId), isNull(allocations.endDate), sql`${allocations.workerId} is not null`),
    )
    .groupBy(allocations.workerId)
    .orderBy(desc(count()), allocations.workerId)
    .limit(1);
  return { teamId: team.teamId, workerId: worker?.workerId ?? null };
}
