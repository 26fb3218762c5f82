/**
 * The route kernel's form pages and policies, on a bare Express app (no database): a form's schema is parsed before
 * its handler; every error comes back at once to `invalid` with the input as posted; a ValidationError from the
 * handler goes the same way; multipart forms are read too; a policy decides access before anything else.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { z } from 'zod';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { policy } from '../domain/policies';
import { ValidationError } from '../core/errors';
import type { CurrentUser } from '../accounts/users/service';
import type { WebServices } from './services';
import { formList, formText, withDateParts } from './form-input';
import { RouteBuilder } from './route';

const form = withDateParts(
  ['dueOn'],
  z
    .strictObject({ title: formText.pipe(z.string().trim().min(1, 'Enter a title')), dueOn: formText, tags: formList })
    .superRefine((v, ctx) => {
      if (v.dueOn === '') ctx.addIssue({ code: 'custom', path: ['dueOn'], message: 'Enter the due date' });
    }),
);

describe('r.page with a body schema', () => {
  let server: ReturnType<express.Express['listen']>;
  let base = '';
  const seen: unknown[] = [];

  before(async () => {
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.use((req, _res, next) => {
      const role = req.get('x-role');
      if (role) req.user = { id: 1, username: role, role, authorityId: 1, teamId: null } as unknown as CurrentUser;
      req.requestId = 'test';
      next();
    });
    const router = express.Router();
    const r = new RouteBuilder(router, {} as WebServices, new OpenAPIRegistry());
    r.page({
      method: 'post',
      path: { pattern: '/form' },
      access: policy('directors only', (role) => role === 'director'),
      audit: null,
      body: form,
      invalid: (ctx, f) => {
        ctx.res.json({ status: ctx.res.statusCode, ...f });
      },
      handler: async (ctx) => {
        seen.push(ctx.body);
        if (ctx.body.title === 'taken') throw new ValidationError([{ field: 'title', message: 'That title is taken' }]);
        ctx.res.json({ saved: ctx.body });
      },
    });
    r.page({
      method: 'post',
      path: { pattern: '/choose' },
      access: 'public',
      audit: null,
      // The choices come from the request (in Lantern, from the database).
      body: async (ctx) =>
        z.strictObject({ pick: z.enum((ctx.req.query.choices as string).split(','), { error: 'Choose one' }) }),
      invalid: (ctx, f) => {
        ctx.res.json(f.errors);
      },
      handler: async (ctx) => {
        ctx.res.json({ picked: ctx.body.pick });
      },
    });
    app.use(router);
    app.use(
      (err: Error & { status?: number }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
        res.status(err.status ?? 500).json({ error: err.message });
      },
    );
    server = app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  const post = (body: string | FormData, role = 'director') =>
    fetch(`${base}/form`, {
      method: 'POST',
      headers:
        typeof body === 'string'
          ? { 'content-type': 'application/x-www-form-urlencoded', 'x-role': role }
          : { 'x-role': role },
      body,
    });

  test('valid input reaches the handler parsed: dates joined, lists as arrays, the CSRF token dropped', async () => {
    const res = await post('_csrf=t&title=Plan&dueOn-day=3&dueOn-month=4&dueOn-year=2026&tags=a&tags=b');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { saved: { title: 'Plan', dueOn: '2026-04-03', tags: ['a', 'b'] } });
  });

  test('every error at once, with the input as posted and status 400; the handler is not called', async () => {
    const before = seen.length;
    const res = await post('_csrf=t&title=+&dueOn-day=&dueOn-month=&dueOn-year=');
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [
        { field: 'title', message: 'Enter a title' },
        { field: 'dueOn', message: 'Enter the due date' },
      ],
      input: { title: ' ', 'dueOn-day': '', 'dueOn-month': '', 'dueOn-year': '' },
    });
    assert.equal(seen.length, before);
  });

  test('a ValidationError from the handler (a rule that needs the database) goes to invalid too', async () => {
    const res = await post('title=taken&dueOn-day=1&dueOn-month=1&dueOn-year=2026');
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [{ field: 'title', message: 'That title is taken' }],
      input: { title: 'taken', 'dueOn-day': '1', 'dueOn-month': '1', 'dueOn-year': '2026' },
    });
  });

  test('a multipart form is read the same way', async () => {
    const fd = new FormData();
    fd.set('title', 'x'.repeat(200_000));
    fd.set('dueOn-day', '31');
    fd.set('dueOn-month', '12');
    fd.set('dueOn-year', '2026');
    const res = await post(fd);
    const json = (await res.json()) as { saved: { title: string; dueOn: string; tags: string[] } };
    assert.equal(json.saved.title.length, 200_000);
    assert.equal(json.saved.dueOn, '2026-12-31');
    assert.deepEqual(json.saved.tags, []);
  });

  test('the policy decides before the form is read: 403 for a role it refuses', async () => {
    const res = await post('title=', 'admin');
    assert.equal(res.status, 403);
  });

  test('a schema made for the request: its rules checked with the others', async () => {
    const ask = (q: string, body: string) =>
      fetch(`${base}/choose?${q}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
    assert.deepEqual(await (await ask('choices=a,b', 'pick=b')).json(), { picked: 'b' });
    assert.deepEqual(await (await ask('choices=a,b', 'pick=c')).json(), [{ field: 'pick', message: 'Choose one' }]);
  });

  test('the route table carries the policy: its name and its decision for each role', () => {
    // Checked through a fresh builder so that the route list is this test's own.
    const r = new RouteBuilder(express.Router(), {} as WebServices, new OpenAPIRegistry());
    r.page({ method: 'get', path: { pattern: '/x' }, access: 'user:manage', audit: null, handler: async () => {} });
    r.page({ method: 'get', path: { pattern: '/y' }, access: 'public', audit: null, handler: async () => {} });
    assert.equal(r.routes[0]!.access, 'user:manage');
    assert.deepEqual([r.routes[0]!.allows('admin'), r.routes[0]!.allows('member')], [true, false]);
    assert.equal(r.routes[1]!.access, 'public');
    assert.equal(r.routes[1]!.allows('member'), true);
  });
});
