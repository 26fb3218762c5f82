/**
 * Failed sign-ins per username and per address (table sign_in_failures), read and counted by the rules of
 * src/domain/sign-in-throttle.ts: whether a sign-in may be tried, and what a failure or a success changes.
 */
import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { signInFailures } from '../../db/schema/index';
import { countAfterFailure, isLocked, type FailureCount, type ThrottlePolicy } from '../../domain/sign-in-throttle';

export interface SignInKeys {
  username: string;
  address: string;
}

const keysOf = (k: SignInKeys) => ({
  user: `user:${k.username.trim().toLowerCase().slice(0, 64)}`,
  address: `address:${k.address.slice(0, 64)}`,
});

/** What is locked, and until when: the username's count or the address's (the later when both). */
export interface Lock {
  scope: 'account' | 'address';
  until: Date;
}

export function signInThrottle(policy: ThrottlePolicy) {
  async function counts(tx: Tx, k: SignInKeys): Promise<{ user: FailureCount | null; address: FailureCount | null }> {
    const keys = keysOf(k);
    const found = await tx
      .select()
      .from(signInFailures)
      .where(inArray(signInFailures.key, [keys.user, keys.address]));
    const of = (key: string) => found.find((r) => r.key === key) ?? null;
    return { user: of(keys.user), address: of(keys.address) };
  }

  function lockOf(c: { user: FailureCount | null; address: FailureCount | null }, now: Date): Lock | null {
    const user = isLocked(c.user, policy.attempts, policy, now);
    const address = isLocked(c.address, policy.attemptsPerAddress, policy, now);
    if (address && (!user || address > user)) return { scope: 'address', until: address };
    return user ? { scope: 'account', until: user } : null;
  }

  return {
    /** The lock in force for this username or address at `now`, if any: then no password is checked. */
    async lock(tx: Tx, k: SignInKeys, now: Date): Promise<Lock | null> {
      return lockOf(await counts(tx, k), now);
    },

    /** Counts a failed sign-in; returns the lock it starts, if any. */
    async failed(tx: Tx, k: SignInKeys, now: Date): Promise<Lock | null> {
      const keys = keysOf(k);
      const before = await counts(tx, k);
      const after = {
        user: countAfterFailure(before.user, now, policy),
        address: countAfterFailure(before.address, now, policy),
      };
      for (const [key, c] of [
        [keys.user, after.user],
        [keys.address, after.address],
      ] as const) {
        await tx
          .insert(signInFailures)
          .values({ key, failures: c.failures, lastFailureAt: c.lastFailureAt })
          .onConflictDoUpdate({
            target: signInFailures.key,
            set: { failures: c.failures, lastFailureAt: c.lastFailureAt },
          });
      }
      return lockOf(after, now);
    },

    /** A right password: the username's count starts again (the address's does not). */
    async succeeded(tx: Tx, k: SignInKeys): Promise<void> {
      await tx.delete(signInFailures).where(eq(signInFailures.key, keysOf(k).user));
    },
  };
}
