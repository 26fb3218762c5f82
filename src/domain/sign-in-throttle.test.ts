import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countAfterFailure, DEFAULT_THROTTLE, isLocked, lockedUntil } from './sign-in-throttle';

const at = (iso: string) => new Date(iso);
const policy = DEFAULT_THROTTLE; // 5 per username, 1 minute doubling to 60, forgotten after 24 hours

test('four failures lock nothing; the fifth locks the username for one minute from it', () => {
  const four = { failures: 4, lastFailureAt: at('2026-12-07T09:00:00Z') };
  assert.equal(lockedUntil(four, 5, policy), null);
  const five = { failures: 5, lastFailureAt: at('2026-12-07T09:00:00Z') };
  assert.deepEqual(lockedUntil(five, 5, policy), at('2026-12-07T09:01:00Z'));
  // Locked up to (not at) 09:01:00.
  assert.ok(isLocked(five, 5, policy, at('2026-12-07T09:00:59Z')));
  assert.equal(isLocked(five, 5, policy, at('2026-12-07T09:01:00Z')), null);
});

test('each further failure doubles the lock: 2, 4, 8 … minutes, never more than 60', () => {
  const last = at('2026-12-07T09:00:00Z');
  const minutes = (failures: number) =>
    ((lockedUntil({ failures, lastFailureAt: last }, 5, policy)?.getTime() ?? 0) - last.getTime()) / 60_000;
  assert.deepEqual([6, 7, 8, 9, 10, 11, 12, 1000].map(minutes), [2, 4, 8, 16, 32, 60, 60, 60]);
});

test('a count is forgotten 24 hours after its last failure, and otherwise grows by one', () => {
  const previous = { failures: 7, lastFailureAt: at('2026-12-06T09:00:00Z') };
  assert.deepEqual(countAfterFailure(previous, at('2026-12-07T08:59:59Z'), policy), {
    failures: 8,
    lastFailureAt: at('2026-12-07T08:59:59Z'),
  });
  assert.deepEqual(countAfterFailure(previous, at('2026-12-07T09:00:00Z'), policy), {
    failures: 1,
    lastFailureAt: at('2026-12-07T09:00:00Z'),
  });
  assert.deepEqual(countAfterFailure(null, at('2026-12-07T09:00:00Z'), policy).failures, 1);
});

test('an address has its own, higher limit', () => {
  const count = { failures: 49, lastFailureAt: at('2026-12-07T09:00:00Z') };
  assert.equal(lockedUntil(count, policy.attemptsPerAddress, policy), null);
  assert.deepEqual(
    lockedUntil({ ...count, failures: 50 }, policy.attemptsPerAddress, policy),
    at('2026-12-07T09:01:00Z'),
  );
});
