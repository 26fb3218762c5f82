import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROLES } from '../../domain/roles';
import { addsToAnAudit, readsFrameworks } from './policies';

test('frameworks are read by those who run, conduct or read audits: every role but analysts and members', () => {
  assert.deepEqual(
    ROLES.filter((r) => readsFrameworks.allows(r)),
    ['admin', 'director', 'head-of-service', 'team-manager', 'social-worker', 'qa-auditor'],
  );
  assert.equal(readsFrameworks.name, 'audit:manage or audit:conduct or audit:read');
});

test('adding to an audit passes every role at the route: the audit decides', () => {
  assert.deepEqual(
    ROLES.filter((r) => addsToAnAudit.allows(r)),
    [...ROLES],
  );
});
