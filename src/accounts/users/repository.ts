import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { apiTokens, teams, users } from '../../db/schema/index';

export function usersRepository() {
  return {
    async findByUsername(tx: Tx, username: string) {
      const [row] = await tx
        .select()
        .from(users)
        .where(sql`lower(${users.username}) = lower(${username})`)
        .limit(1);
      return row;
    },
    async findById(tx: Tx, id: number) {
      const [row] = await tx.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },
    async list(tx: Tx, authorityId: number) {
      return tx
        .select({
          id: users.id,
          username: users.username,
          displayName: users.displayName,
          role: users.role,
          teamId: users.teamId,
          teamName: teams.name,
          active: users.active,
          lastSignInAt: users.lastSignInAt,
          createdAt: users.createdAt,
        })
        .from(users)
        .leftJoin(teams, eq(teams.id, users.teamId))
        .where(eq(users.authorityId, authorityId))
        .orderBy(users.username);
    },
    async insert(tx: Tx, values: typeof users.$inferInsert) {
      const [row] = await tx.insert(users).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },
    async setPassword(tx: Tx, id: number, passwordHash: string) {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    },
    async touchSignIn(tx: Tx, id: number) {
      await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, id));
    },
    async insertToken(tx: Tx, values: typeof apiTokens.$inferInsert) {
      await tx.insert(apiTokens).values(values);
    },
    async findActiveToken(tx: Tx, tokenHash: string) {
      const [row] = await tx
        .select({ token: apiTokens, user: users })
        .from(apiTokens)
        .innerJoin(users, eq(users.id, apiTokens.userId))
        .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
        .limit(1);
      return row;
    },
    async setActive(tx: Tx, id: number, active: boolean) {
      await tx.update(users).set({ active }).where(eq(users.id, id));
    },
    /** A user's API tokens, newest first: never the token, only its name and dates. */
    async tokensOf(tx: Tx, userId: number) {
      return tx
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          createdAt: apiTokens.createdAt,
          expiresAt: apiTokens.expiresAt,
          lastUsedAt: apiTokens.lastUsedAt,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .where(eq(apiTokens.userId, userId))
        .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
    },
    /** Revokes one of a user's tokens (not already revoked); whether it did. */
    async revokeToken(tx: Tx, userId: number, tokenId: number) {
      const revoked = await tx
        .update(apiTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning({ id: apiTokens.id });
      return revoked.length > 0;
    },
    async touchToken(tx: Tx, id: number) {
      await tx.update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, id));
    },
    async teamInAuthority(tx: Tx, authorityId: number, teamId: number) {
      const [row] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, teamId), eq(teams.authorityId, authorityId)))
        .limit(1);
      return Boolean(row);
    },
    async findTeamByName(tx: Tx, authorityId: number, name: string) {
      const [row] = await tx
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(and(eq(teams.authorityId, authorityId), sql`lower(${teams.name}) = lower(${name})`))
        .limit(1);
      return row;
    },
  };
}
export type UsersRepository = ReturnType<typeof usersRepository>;

export async function teamsOf(tx: Tx, authorityId: number) {
  return tx
    .select({ id: teams.id, name: teams.name })
    .from(teams)
    .where(eq(teams.authorityId, authorityId))
    .orderBy(teams.name);
}
