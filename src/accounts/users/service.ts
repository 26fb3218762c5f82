/**
 * Local accounts: argon2id password hashes, one role each, an optional team scope, and personal API tokens.
 */
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';
import type { Db, Tx } from '../../db/client';
import { isTeamScoped, ROLES, type Role } from '../../domain/roles';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors';
import type { Auditor } from '../access-log/auditor';
import { teamsOf, type UsersRepository } from './repository';

export interface CurrentUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  authorityId: number;
  teamId: number | null;
  workerId: number | null;
}

export const newUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(1, 'Enter a username')
      .max(64, 'Username must be 64 characters or fewer')
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'Username must contain only letters, numbers, dots, hyphens and underscores'),
    displayName: z.string().trim().min(1, 'Enter the person’s name').max(200, 'Name must be 200 characters or fewer'),
    role: z.enum(ROLES, { error: 'Select a role' }),
    teamId: z.number().int().positive().nullable().default(null),
    password: z
      .string()
      .min(12, 'Password must be at least 12 characters')
      .max(200, 'Password must be 200 characters or fewer'),
  })
  .strict();

/** argon2id with OWASP's recommended minimum (m=19 MiB, t=2, p=1). */
const HASH_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, HASH_OPTIONS);
}

/** Compared against when the username does not exist, so both paths take the same time. */
let dummyHash: Promise<string> | undefined;

function toCurrentUser(row: {
  id: number;
  username: string;
  displayName: string;
  role: string;
  authorityId: number;
  teamId: number | null;
  workerId: number | null;
}): CurrentUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role as Role,
    authorityId: row.authorityId,
    teamId: row.teamId,
    workerId: row.workerId,
  };
}

export function usersService(db: Db, repo: UsersRepository) {
  return {
    async verifyPassword(username: string, password: string): Promise<CurrentUser | null> {
      const row = await repo.findByUsername(db, username);
      if (!row || !row.active || !row.passwordHash) {
        dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
        await argon2.verify(await dummyHash, password).catch(() => false);
        return null;
      }
      const ok = await argon2.verify(row.passwordHash, password).catch(() => false);
      if (!ok) return null;
      await repo.touchSignIn(db, row.id);
      return toCurrentUser(row);
    },

    async findCurrentUser(id: number): Promise<CurrentUser | null> {
      const row = await repo.findById(db, id);
      return row?.active ? toCurrentUser(row) : null;
    },

    async list(authorityId: number, audit: Auditor) {
      return db.transaction(async (tx) => {
        const rows = await repo.list(tx, authorityId);
        await audit.record(tx, { recordType: 'user', detail: { results: rows.length } });
        return rows;
      });
    },

    /** Creates a user; `input` is validated here so the form, the API and the CLI share one set of rules. */
    async create(authorityId: number, input: unknown, audit: Auditor, tx?: Tx) {
      const parsed = newUserSchema.safeParse(input);
      if (!parsed.success) {
        throw new ValidationError(
          parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? 'body'), message: i.message })),
        );
      }
      const value = parsed.data;
      const run = async (t: Tx) => {
        if (await repo.findByUsername(t, value.username))
          throw new ConflictError(`A user called ${value.username} already exists`);
        if (isTeamScoped(value.role) && value.teamId === null) {
          throw new ValidationError([
            {
              field: 'teamId',
              message:
                'Select the team this user works in: team managers and social workers see only their team’s children',
            },
          ]);
        }
        if (value.teamId !== null && !(await repo.teamInAuthority(t, authorityId, value.teamId))) {
          throw new ValidationError([{ field: 'teamId', message: 'Select a team of this authority' }]);
        }
        const row = await repo.insert(t, {
          authorityId,
          username: value.username,
          displayName: value.displayName,
          role: value.role,
          teamId: value.teamId,
          passwordHash: await hashPassword(value.password),
        });
        await audit.record(t, { recordType: 'user', recordId: String(row.id), detail: { role: value.role } });
        return toCurrentUser(row);
      };
      return tx ? run(tx) : db.transaction(run);
    },

    /** Issues a personal API token; the token itself is shown once and only its hash is kept. */
    async issueToken(userId: number, name: string, audit: Auditor, expiresInDays = 90): Promise<string> {
      const token = `lan_${randomBytes(32).toString('base64url')}`;
      await db.transaction(async (tx) => {
        await repo.insertToken(tx, {
          userId,
          name,
          tokenHash: sha256(token),
          expiresAt: new Date(Date.now() + expiresInDays * 86_400_000),
        });
        await audit.record(tx, { recordType: 'user', recordId: String(userId), detail: { token: name } });
      });
      return token;
    },

    async userForToken(token: string): Promise<CurrentUser | null> {
      if (!token.startsWith('lan_')) return null;
      const row = await repo.findActiveToken(db, sha256(token));
      if (!row?.user.active) return null;
      if (row.token.expiresAt && row.token.expiresAt.getTime() < Date.now()) return null;
      await repo.touchToken(db, row.token.id);
      return toCurrentUser(row.user);
    },

    /** A user of the authority with their API tokens (names and dates only), for the admin's page; null if none. */
    async account(authorityId: number, userId: number) {
      const row = await repo.findById(db, userId);
      if (!row || row.authorityId !== authorityId) return null;
      return {
        id: row.id,
        username: row.username,
        displayName: row.displayName,
        role: row.role,
        teamId: row.teamId,
        active: row.active,
        lastSignInAt: row.lastSignInAt,
        createdAt: row.createdAt,
        tokens: await repo.tokensOf(db, row.id),
      };
    },

    /**
     * Disables (or enables again) a user of the authority. A disabled user's sessions and tokens stop working at
     * their next request (findCurrentUser and userForToken read `active`). No one disables their own account.
     */
    async setActive(authorityId: number, actorId: number, userId: number, active: boolean, audit: Auditor) {
      if (userId === actorId && !active)
        throw new ValidationError([{ field: 'status', message: 'You cannot disable your own account' }]);
      await db.transaction(async (tx) => {
        const row = await repo.findById(tx, userId);
        if (!row || row.authorityId !== authorityId) throw new NotFoundError('No such user');
        if (row.active === active) return;
        await repo.setActive(tx, userId, active);
        await audit.record(tx, { recordType: 'user', recordId: String(userId), detail: { active } });
      });
    },

    /** Revokes a user's API token at once; 404 when the user or token is not theirs or it is already revoked. */
    async revokeToken(authorityId: number, userId: number, tokenId: number, audit: Auditor) {
      await db.transaction(async (tx) => {
        const row = await repo.findById(tx, userId);
        if (!row || row.authorityId !== authorityId || !(await repo.revokeToken(tx, userId, tokenId)))
          throw new NotFoundError('No such token, or it is already revoked');
        await audit.record(tx, { recordType: 'user', recordId: String(userId), detail: { tokenRevoked: tokenId } });
      });
    },

    findTeamByName: (authorityId: number, name: string) => repo.findTeamByName(db, authorityId, name),
    teams: (authorityId: number) => teamsOf(db, authorityId),
  };
}
export type UsersService = ReturnType<typeof usersService>;

function sha256(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
