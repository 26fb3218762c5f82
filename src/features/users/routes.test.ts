/**
 * Accounts that can end (issue 18): the admin disables a user (sessions and tokens stop at their next request) and
 * enables them again, revokes a token at once, and sees each token's last use; no one disables themselves; a session
 * ends at the absolute timeout however busy it is. Every change is in the access log.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { accessLog, apiTokens, users } from '../../db/schema/index';
import { apiTokenFor, PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { TestClient } from '../../../harness/client';

describe('accounts that can end', () => {
  let world: TestWorld;
  let admin: TestClient;
  const idOf = async (username: string) => {
    const [row] = await world.database.db.select({ id: users.id }).from(users).where(eq(users.username, username));
    assert.ok(row, username);
    return row.id;
  };
  const bearer = (token: string) => fetch(`${world.baseUrl}/api/me`, { headers: { authorization: `Bearer ${token}` } });
  const logged = async (action: string) =>
    (
      await world.database.db
        .select({ detail: accessLog.detail, recordId: accessLog.recordId })
        .from(accessLog)
        .where(and(eq(accessLog.action, action), eq(accessLog.username, 'admin')))
        .orderBy(accessLog.id)
    ).map((r) => `${r.recordId ?? ''} ${JSON.stringify(r.detail)}`);

  before(async () => {
    world = await startTestWorld();
    admin = new TestClient(world.baseUrl);
    await admin.signIn('admin', PASSWORD);
  });
  after(async () => {
    await world.close();
  });

  it('lists a user’s tokens with their last use, and revokes one at once', async () => {
    const analystId = await idOf('analyst');
    const token = await apiTokenFor(world, 'analyst', 'nightly extract');
    const list = await admin.get('/admin/users');
    assert.match(list.text, new RegExp(`href="/admin/users/${analystId}">analyst</a>`));
    let page = await admin.get(`/admin/users/${analystId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /<td class="govuk-table__cell">nightly extract<\/td>/);
    assert.match(page.text, /<td class="govuk-table__cell">Never<\/td>/);
    assert.equal((await bearer(token)).status, 200);
    page = await admin.get(`/admin/users/${analystId}`);
    assert.doesNotMatch(page.text, /<td class="govuk-table__cell">Never<\/td>/);

    const [row] = await world.database.db
      .select({ id: apiTokens.id })
      .from(apiTokens)
      .where(eq(apiTokens.name, 'nightly extract'));
    assert.ok(row);
    const revoked = await admin.post(`/admin/users/${analystId}/tokens/${row.id}/revoke`);
    assert.equal(revoked.status, 303);
    assert.equal(revoked.location, `/admin/users/${analystId}?changed=revoked`);
    assert.equal((await bearer(token)).status, 401);
    page = await admin.get(revoked.location);
    assert.match(page.text, /Token revoked: it no longer works/);
    assert.match(page.text, /Revoked \d/);
    // Revoking it again: there is no such live token.
    assert.equal((await admin.post(`/admin/users/${analystId}/tokens/${row.id}/revoke`)).status, 404);
    assert.deepEqual(await logged('user.token-revoke'), [`${analystId} {"tokenRevoked":${row.id}}`]);
  });

  it('a disabled user’s session and tokens stop at their next request; enabled again, they sign in', async () => {
    const directorId = await idOf('director');
    const director = new TestClient(world.baseUrl);
    await director.signIn('director', PASSWORD);
    const token = await apiTokenFor(world, 'director', 'dashboard');
    assert.equal((await director.get('/')).status, 200);

    await admin.get(`/admin/users/${directorId}`);
    const disabled = await admin.post(`/admin/users/${directorId}/status`, { status: 'disable' });
    assert.equal(disabled.status, 303);
    assert.match((await admin.get(disabled.location ?? '')).text, /Account disabled/);
    // The director's open session is signed out, the token refused, and the password no longer signs in.
    const next = await director.get('/');
    assert.equal(next.status, 303);
    assert.equal(next.location, '/sign-in');
    assert.equal((await bearer(token)).status, 401);
    await director.get('/sign-in');
    assert.equal((await director.post('/sign-in', { username: 'director', password: PASSWORD })).status, 400);

    await admin.get(`/admin/users/${directorId}`);
    assert.equal((await admin.post(`/admin/users/${directorId}/status`, { status: 'enable' })).status, 303);
    assert.equal((await director.signIn('director', PASSWORD)).status, 303);
    assert.equal((await bearer(token)).status, 200);
    assert.deepEqual(await logged('user.status'), [`${directorId} {"active":false}`, `${directorId} {"active":true}`]);
  });

  it('no one disables their own account', async () => {
    const adminId = await idOf('admin');
    const page = await admin.get(`/admin/users/${adminId}`);
    assert.doesNotMatch(page.text, /Disable this account/);
    const refused = await admin.post(`/admin/users/${adminId}/status`, { status: 'disable' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /You cannot disable your own account/);
    assert.equal((await admin.get('/admin/users')).status, 200);
  });

  it('a session ends 12 hours after signing in (LANTERN_SESSION_MAX_HOURS), however busy', async () => {
    const analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
    assert.equal((await analyst.get('/')).status, 200);
    // Signed in 12 hours and 1 minute ago (the session's own record, moved back).
    const longAgo = Date.now() - (12 * 60 + 1) * 60_000;
    await world.database.db.execute(
      sql`update sessions set data = jsonb_set(data, '{signedInAt}', to_jsonb(${longAgo}::bigint)) where data->>'userId' = ${String(await idOf('analyst'))}`,
    );
    const next = await analyst.get('/');
    assert.equal(next.status, 303);
    assert.equal(next.location, '/sign-in');
  });

  it('another authority’s user, or one that does not exist, is not found', async () => {
    assert.equal((await admin.get('/admin/users/999999')).status, 404);
    assert.equal((await admin.get('/admin/users/new')).status, 200);
    assert.equal((await admin.get('/admin/users/abc')).status, 404);
  });
});
