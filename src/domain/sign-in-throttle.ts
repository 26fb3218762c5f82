/**
 * How Lantern slows down password guessing (issue 18), after OWASP's Authentication Cheat Sheet ("Protect against
 * automated attacks": account lockout with an increasing lock, and limits per source address) and NCSC's password
 * guidance ("throttling" rather than permanent lockout, so that an attacker cannot lock staff out for good).
 *
 * Failures are counted per username as typed (whether or not it exists, so that a lock says nothing about which
 * accounts exist) and per address. When a count reaches its limit the key is locked for `lockMinutes`; each further
 * failure doubles the lock, up to `maxLockMinutes`. A count is forgotten `forgetAfterMinutes` after its last failure;
 * a right password clears the account's count (not the address's).
 */
export interface ThrottlePolicy {
  /** Failures of one username before it is locked. */
  attempts: number;
  /** Failures from one address, whatever the usernames, before it is locked. */
  attemptsPerAddress: number;
  lockMinutes: number;
  maxLockMinutes: number;
  forgetAfterMinutes: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  attempts: 5,
  attemptsPerAddress: 50,
  lockMinutes: 1,
  maxLockMinutes: 60,
  forgetAfterMinutes: 24 * 60,
};

export interface FailureCount {
  failures: number;
  lastFailureAt: Date;
}

const MINUTE = 60_000;

/** The count after a failure at `now`: one more, or a fresh one when the last was long enough ago to forget. */
export function countAfterFailure(previous: FailureCount | null, now: Date, policy: ThrottlePolicy): FailureCount {
  const forgotten = !previous || now.getTime() - previous.lastFailureAt.getTime() >= policy.forgetAfterMinutes * MINUTE;
  return { failures: forgotten ? 1 : previous.failures + 1, lastFailureAt: now };
}

/** Until when a key with this count is locked (null: not locked), given its limit. */
export function lockedUntil(count: FailureCount | null, limit: number, policy: ThrottlePolicy): Date | null {
  if (!count || count.failures < limit) return null;
  const minutes = Math.min(policy.maxLockMinutes, policy.lockMinutes * 2 ** Math.min(30, count.failures - limit));
  return new Date(count.lastFailureAt.getTime() + minutes * MINUTE);
}

/** Whether the key is locked at `now`. */
export function isLocked(count: FailureCount | null, limit: number, policy: ThrottlePolicy, now: Date): Date | null {
  const until = lockedUntil(count, limit, policy);
  return until && until > now ? until : null;
}
