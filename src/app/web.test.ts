import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { accessLog } from '../db/schema/index';
import { startTestWorld, PASSWORD, type TestWorld } from '../../test/support/app';
import { h1, TestClient, title } from '../../harness/client';
import { createAuditor } from '../accounts/access-log/auditor';
import { safeReturnTo } from '../features/auth/routes';

describe('web foundation', () => {
  let world: TestWorld;
  before(async () => {
    world = await startTestWorld();
  });
  after(async () => {
    await world.close();
  });

  test('GET /health answers 200 once the app and database are ready', async () => {
    const res = await fetch(`${world.baseUrl}/health`);
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { status: 'ok', database: 'pglite' });
  });

  test('every page carries a CSP whose script nonce is fresh per request and matches the page’s scripts', async () => {
    const client = new TestClient(world.baseUrl);
    const one = await client.get('/sign-in');
    const two = await client.get('/sign-in');
    const nonceOf = (csp: string | null) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];
    const n1 = nonceOf(one.headers.get('content-security-policy'));
    const n2 = nonceOf(two.headers.get('content-security-policy'));
    assert.ok(n1 && n2);
    assert.notEqual(n1, n2);
    assert.match(one.text, new RegExp(`<script nonce="${n1.replace(/[+/=]/g, '\\$&')}">`));
    assert.match(one.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.ok(one.headers.get('x-request-id'));
    assert.equal(title(one.text), 'Sign in – Lantern');
  });

  test('a form posted without its CSRF token is refused and signs no one in', async () => {
    const client = new TestClient(world.baseUrl);
    await client.get('/sign-in');
    const reply = await client.request('POST', '/sign-in', { form: { username: 'admin', password: PASSWORD } });
    assert.equal(reply.status, 403);
    assert.equal((await client.get('/')).status, 303);
  });

  test('a multipart form’s CSRF token is its first field, never the URL: in the URL, missing, or after a file it is refused', async () => {
    const client = new TestClient(world.baseUrl);
    await client.signIn('analyst', PASSWORD);
    const page = await client.get('/data/imports');
    assert.match(page.text, /enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/);
    assert.doesNotMatch(page.text, /_csrf=/);
    const token = client.csrfToken ?? '';
    const file = () => new File(['not a return'], 'notes.txt', { type: 'text/plain' });
    // The token first and no file: the form is read, and answers that a file is needed.
    const none = new FormData();
    none.append('_csrf', token);
    const answered = await client.postMultipartAsIs('/data/imports', none);
    assert.equal(answered.status, 400);
    assert.match(answered.text, /govuk-error-summary/);
    // The token in the URL (as forms once put it) and not in the body: refused.
    const inUrl = new FormData();
    inUrl.append('files', file());
    assert.equal(
      (await client.postMultipartAsIs(`/data/imports?_csrf=${encodeURIComponent(token)}`, inUrl)).status,
      403,
    );
    // A file before the token: refused before the file is written.
    const fileFirst = new FormData();
    fileFirst.append('files', file());
    fileFirst.append('_csrf', token);
    assert.equal((await client.postMultipartAsIs('/data/imports', fileFirst)).status, 403);
    // A wrong token: refused.
    const wrong = new FormData();
    wrong.append('_csrf', 'x'.repeat(token.length));
    assert.equal((await client.postMultipartAsIs('/data/imports', wrong)).status, 403);
  });

  test('five wrong passwords lock the username: the sixth try, even right, is refused until the lock ends; then the right one signs in', async () => {
    const client = new TestClient(world.baseUrl);
    await client.get('/sign-in');
    // Failures 1–4: the usual message (400). The 5th reaches the limit (LANTERN_SIGN_IN_ATTEMPTS, 5): locked for the
    // first lock, 1 minute (src/domain/sign-in-throttle.ts), said as such (429).
    for (let i = 1; i <= 4; i++)
      assert.equal((await client.post('/sign-in', { username: 'qa-auditor', password: `wrong ${i}` })).status, 400);
    const fifth = await client.post('/sign-in', { username: 'qa-auditor', password: 'wrong 5' });
    assert.equal(fifth.status, 429);
    assert.match(fifth.text, /too many failed attempts to sign in with this username. Wait 1 minute, then try again/);
    // The right password while locked: refused the same way, and no one is signed in.
    const locked = await client.post('/sign-in', { username: 'QA-Auditor', password: PASSWORD });
    assert.equal(locked.status, 429);
    assert.equal(Number(locked.headers.get('retry-after')) > 0, true);
    assert.equal((await client.get('/')).status, 303);
    // Another username from the same address is not locked.
    const other = new TestClient(world.baseUrl);
    assert.equal((await other.signIn('director', PASSWORD)).status, 303);
    const logged = await world.database.db
      .select({ detail: accessLog.detail })
      .from(accessLog)
      .where(and(eq(accessLog.action, 'user.sign-in'), sql`lower(${accessLog.username}) = 'qa-auditor'`))
      .orderBy(accessLog.id);
    const outcomes = logged.map(
      (r) => `${String(r.detail?.outcome)}${r.detail?.locked ? ` (locks ${String(r.detail.locked)})` : ''}`,
    );
    assert.deepEqual(outcomes.slice(-2), ['failed (locks account)', 'locked']);
    // The lock's minute passes (the last failure moved two minutes back): the right password signs in and the count
    // starts again.
    await world.database.db.execute(
      sql`update sign_in_failures set last_failure_at = last_failure_at - interval '2 minutes' where key = 'user:qa-auditor'`,
    );
    assert.equal((await client.post('/sign-in', { username: 'qa-auditor', password: PASSWORD })).status, 303);
    const left = await world.database.db.execute(sql`select 1 from sign_in_failures where key = 'user:qa-auditor'`);
    assert.equal((left as unknown as { rows: unknown[] }).rows.length, 0);
  });

  test('a wrong password gets a GOV.UK error summary, keeps the username, and is logged as a failed sign-in', async () => {
    const client = new TestClient(world.baseUrl);
    await client.get('/sign-in');
    const reply = await client.post('/sign-in', { username: 'director', password: 'wrong password' });
    assert.equal(reply.status, 400);
    assert.match(reply.text, /govuk-error-summary/);
    assert.match(reply.text, /href="#username">Enter a valid username and password/);
    assert.match(reply.text, /value="director"/);
    assert.equal(title(reply.text), 'Error: Sign in – Lantern');
    const rows = await world.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'user.sign-in'), eq(accessLog.username, 'director')));
    assert.ok(rows.some((r) => r.detail?.outcome === 'failed'));
  });

  test('an empty form lists both missing fields at once', async () => {
    const client = new TestClient(world.baseUrl);
    await client.get('/sign-in');
    const reply = await client.post('/sign-in', { username: '', password: '' });
    assert.equal(reply.status, 400);
    assert.match(reply.text, /href="#username">Enter your username/);
    assert.match(reply.text, /href="#password">Enter your password/);
  });

  test('signing in issues a new session id with HttpOnly and SameSite cookies, returns to the page asked for, and signing out ends it', async () => {
    const client = new TestClient(world.baseUrl);
    const first = await client.get('/admin/users');
    assert.equal(first.status, 303);
    assert.equal(first.location, '/sign-in');
    const page = await client.get('/sign-in');
    const before = page.headers.getSetCookie().join(';');
    const reply = await client.post('/sign-in', { username: 'admin', password: PASSWORD });
    assert.equal(reply.status, 303);
    assert.equal(reply.location, '/admin/users');
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith('lantern.sid='));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.ok(!before.includes(cookie.split(';')[0] ?? '-'), 'the session id changes at sign-in');
    const users = await client.get('/admin/users');
    assert.equal(users.status, 200);
    assert.equal(h1(users.text), 'Users and roles');
    const out = await client.post('/sign-out');
    assert.equal(out.status, 303);
    assert.equal((await client.get('/')).status, 303);
  });

  test('returnTo is only ever a path on this site: no open redirect', () => {
    assert.equal(safeReturnTo('/children/L0000001'), '/children/L0000001');
    assert.equal(safeReturnTo('//evil.example/'), '/');
    assert.equal(safeReturnTo('https://evil.example/'), '/');
    assert.equal(safeReturnTo('/sign-out'), '/');
    assert.equal(safeReturnTo(undefined), '/');
  });

  test('the home page fits the role: members see suppressed aggregates and no child search', async () => {
    const member = new TestClient(world.baseUrl);
    await member.signIn('member', PASSWORD);
    const home = await member.get('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /Numbers from 1 to 4 are shown as c/);
    assert.doesNotMatch(home.text, /Find a child/);
    const manager = new TestClient(world.baseUrl);
    await manager.signIn('team-manager', PASSWORD);
    const managerHome = await manager.get('/');
    assert.match(managerHome.text, /Caseloads in Family Support A/);
    assert.match(managerHome.text, /Find a child/);
  });

  test('the admin can filter the access log; a bad date gets an error summary', async () => {
    const admin = new TestClient(world.baseUrl);
    await admin.signIn('admin', PASSWORD);
    const page = await admin.get('/admin/access-log?action=user.sign-in&username=admin');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Access log');
    assert.match(page.text, /user\.sign-in/);
    assert.doesNotMatch(page.text, /<td class="govuk-table__cell">user\.list<\/td>/);
    const bad = await admin.get('/admin/access-log?from=2026-02-30x');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /href="#from">Enter a date in the format YYYY-MM-DD/);
    const reversed = await admin.get('/admin/access-log?from=2026-03-02&to=2026-03-01');
    assert.match(reversed.text, /href="#to">The ‘to’ date must be the same as or after the ‘from’ date/);
  });

  test('the API takes bearer tokens, answers problem+json, and refuses changes on a cookie alone', async () => {
    const admin = await world.services.users.verifyPassword('admin', PASSWORD);
    assert.ok(admin);
    const audit = createAuditor(
      world.services.accessLogRepository,
      { userId: admin.id, username: admin.username, authorityId: admin.authorityId },
      'user.token',
      null,
    );
    const token = await world.services.users.issueToken(admin.id, 'test', audit);
    const auth = { authorization: `Bearer ${token}` };

    const me = await fetch(`${world.baseUrl}/api/me`, { headers: auth });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { role: string }).role, 'admin');

    const bad = await fetch(`${world.baseUrl}/api/me`, { headers: { authorization: 'Bearer lan_nope' } });
    assert.equal(bad.status, 401);
    assert.equal(bad.headers.get('content-type'), 'application/problem+json; charset=utf-8');

    const anon = await fetch(`${world.baseUrl}/api/me`);
    assert.equal(anon.status, 401);

    const invalid = await fetch(`${world.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'x y', displayName: '', role: 'wizard', password: 'short' }),
    });
    assert.equal(invalid.status, 400);
    const problem = (await invalid.json()) as { status: number; errors: Array<{ field: string }> };
    assert.equal(problem.status, 400);
    assert.deepEqual(problem.errors.map((e) => e.field).sort(), ['displayName', 'password', 'role', 'username']);

    const created = await fetch(`${world.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'new.analyst',
        displayName: 'New Analyst',
        role: 'analyst',
        password: 'a long enough password',
      }),
    });
    assert.equal(created.status, 201);
    const again = await fetch(`${world.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'NEW.analyst',
        displayName: 'Again',
        role: 'analyst',
        password: 'a long enough password',
      }),
    });
    assert.equal(again.status, 409);

    const needsTeam = await fetch(`${world.baseUrl}/api/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        username: 'tm2',
        displayName: 'TM',
        role: 'team-manager',
        password: 'a long enough password',
      }),
    });
    assert.equal(needsTeam.status, 400);
    assert.match(JSON.stringify(await needsTeam.json()), /teamId/);

    const client = new TestClient(world.baseUrl);
    await client.signIn('admin', PASSWORD);
    const cookieOnly = await client.request('POST', '/api/users', {
      json: { username: 'sneaky', displayName: 'S', role: 'admin', password: 'a long enough password' },
    });
    assert.equal(cookieOnly.status, 403);
  });

  test('an admin adds a user through the form: every error at once, input kept, then Post/Redirect/Get', async () => {
    const admin = new TestClient(world.baseUrl);
    await admin.signIn('admin', PASSWORD);
    await admin.get('/admin/users/new');
    const bad = await admin.post('/admin/users/new', {
      username: 'new manager',
      displayName: '',
      role: 'team-manager',
      teamId: '',
      password: 'short',
    });
    assert.equal(bad.status, 400);
    const summary = [...bad.text.matchAll(/<a href="#(\w+)">/g)].map((m) => m[1]);
    assert.deepEqual(summary, ['username', 'displayName', 'password']);
    assert.match(bad.text, /value="new manager"/);
    assert.doesNotMatch(bad.text, /value="short"/, 'the password is never echoed back');
    const noTeam = await admin.post('/admin/users/new', {
      username: 'new.manager',
      displayName: 'New Manager',
      role: 'team-manager',
      teamId: '',
      password: 'a long enough password',
    });
    assert.equal(noTeam.status, 400);
    assert.match(noTeam.text, /href="#teamId">Select the team this user works in/);
    const ok = await admin.post('/admin/users/new', {
      username: 'new.manager',
      displayName: 'New Manager',
      role: 'team-manager',
      teamId: String(world.teamA),
      password: 'a long enough password',
    });
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/admin/users?created=new.manager');
    const list = await admin.get(ok.location ?? '');
    assert.match(list.text, /User new\.manager added/);
    const signedIn = new TestClient(world.baseUrl);
    await signedIn.signIn('new.manager', 'a long enough password');
    const unknownField = await admin.post('/admin/users/new', {
      username: 'x',
      displayName: 'X',
      role: 'analyst',
      teamId: '',
      password: 'a long enough password',
      isAdmin: 'yes',
    });
    assert.equal(unknownField.status, 400);
  });

  test('the OpenAPI document describes every API route', async () => {
    const doc = (await (await fetch(`${world.baseUrl}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    assert.equal(doc.openapi, '3.0.3');
    for (const route of world.routes.filter((r) => r.kind === 'api')) {
      const p = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
      assert.ok(doc.paths[p]?.[route.method], `${route.method.toUpperCase()} ${p} is documented`);
    }
  });

  test('the stylesheet is GOV.UK Frontend compiled without the GOV.UK-only typeface', async () => {
    const res = await fetch(`${world.baseUrl}/static/govuk.css`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/css/);
    const css = await res.text();
    assert.match(css, /\.govuk-button/);
    assert.doesNotMatch(css, /GDS Transport/);
  });

  test('unknown pages answer a GOV.UK 404 page', async () => {
    const reply = await new TestClient(world.baseUrl).get('/no-such-page');
    assert.equal(reply.status, 404);
    assert.equal(h1(reply.text), 'Page not found');
  });
});
