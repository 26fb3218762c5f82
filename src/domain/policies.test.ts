import assert from 'node:assert/strict';
import { test } from 'node:test';
import { anyoneSignedIn, anyPermissionOf, hasPermission, policy } from './policies';
import { ROLES } from './roles';

test('anyone signed in: every role', () => {
  assert.equal(anyoneSignedIn.name, 'anyone signed in');
  assert.deepEqual(
    ROLES.filter((r) => anyoneSignedIn.allows(r)),
    [...ROLES],
  );
});

test('hasPermission: exactly the roles holding it (user:manage is the administrator’s alone)', () => {
  const p = hasPermission('user:manage');
  assert.equal(p.name, 'user:manage');
  assert.deepEqual(
    ROLES.filter((r) => p.allows(r)),
    ['admin'],
  );
});

test('anyPermissionOf: the roles holding either (data:import: admin, analyst; data:export adds director, head of service)', () => {
  const p = anyPermissionOf('data:import', 'data:export');
  assert.equal(p.name, 'data:import or data:export');
  assert.deepEqual(
    ROLES.filter((r) => p.allows(r)),
    ['admin', 'director', 'head-of-service', 'analyst'],
  );
});

test('policy: a name and a rule, frozen', () => {
  const p = policy('directors only', (r) => r === 'director');
  assert.equal(p.allows('director'), true);
  assert.equal(p.allows('admin'), false);
  assert.ok(Object.isFrozen(p));
});
