/**
 * The route kernel's filter pages (`r.page({ query })`), on a bare Express app (no database): the GET query is parsed
 * by a strict schema before the handler; every error comes back at once to `invalid` with the query as it came and
 * status 400; a ValidationError from the handler goes the same way; access is decided before the query is read.
 */
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { z } from 'zod';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ValidationError } from '../core/errors';
import type { CurrentUser } from '../accounts/users/service';
import type { WebServices } from './services';
import { filterQuery, formText } from './form-input';
import { RouteBuilder } from './route';

const filters = filterQuery({
  from: formText.pipe(z.string().trim()).refine((v) => v === '' || /^\d{4}-\d{2}$/.test(v), 'Enter a month'),
  team: formText.pipe(z.string().trim()).refine((v) => v === '' || /^\d+$/.test(v), 'Choose a team from the list'),
}).transform((q) => ({ from: q.from || null, team: q.team ? Number(q.team) : null }));

describe('r.page with a query schema', () => {
  let server: ReturnType<express.Express['listen']>;
  let base = '';
  const handled: unknown[] = [];

  before(() => {
    const app = express();
    app.use((req, _res, next) => {
      const role = req.get('x-role');
      if (role) req.user = { id: 1, username: role, role, authorityId: 1, teamId: null } as unknown as CurrentUser;
      req.requestId = 'test';
      next();
    });
    const router = express.Router();
    const r = new RouteBuilder(router, {} as WebServices, new OpenAPIRegistry());
    r.page({
      method: 'get',
      path: { pattern: '/filtered' },
      access: 'user:manage',
      audit: null,
      query: filters,
      invalid: (ctx, f) => {
        ctx.res.json({ status: ctx.res.statusCode, ...f });
      },
      handler: async (ctx) => {
        handled.push(ctx.query);
        if (ctx.query.team === 99)
          throw new ValidationError([{ field: 'team', message: 'Choose a team from the list' }]);
        ctx.res.json({ query: ctx.query });
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

  const get = (query: string, role = 'admin') => fetch(`${base}/filtered?${query}`, { headers: { 'x-role': role } });

  test('a good query reaches the handler parsed; empty fields and no query at all are fine', async () => {
    let res = await get('from=+2026-03+&team=4');
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { query: { from: '2026-03', team: 4 } });
    res = await get('from=&team=');
    assert.deepEqual(await res.json(), { query: { from: null, team: null } });
    res = await get('');
    assert.deepEqual(await res.json(), { query: { from: null, team: null } });
  });

  test('every error at once in the schema’s order, with the query as it came and status 400; the handler is not called', async () => {
    const before = handled.length;
    const res = await get('from=March&team=x');
    assert.equal(res.status, 400);
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [
        { field: 'from', message: 'Enter a month' },
        { field: 'team', message: 'Choose a team from the list' },
      ],
      input: { from: 'March', team: 'x' },
    });
    assert.equal(handled.length, before);
  });

  test('strict: a parameter the page does not have is an error that names it, with the others', async () => {
    const res = await get('team=x&colour=red');
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [
        { field: 'team', message: 'Choose a team from the list' },
        { field: 'form', message: 'This page has no filter called colour' },
      ],
      input: { team: 'x', colour: 'red' },
    });
  });

  test('a repeated parameter reads as empty, like a form’s text field', async () => {
    const res = await get('team=1&team=2');
    assert.deepEqual(await res.json(), { query: { from: null, team: null } });
  });

  test('a ValidationError from the handler (a rule that needs the database) goes to invalid too', async () => {
    const res = await get('team=99');
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [{ field: 'team', message: 'Choose a team from the list' }],
      input: { team: '99' },
    });
  });

  test('access is decided before the query is read: 403 for a role without the permission', async () => {
    const res = await get('from=March', 'member');
    assert.equal(res.status, 403);
  });

  test('the route table has the filter page like any other page', () => {
    const r = new RouteBuilder(express.Router(), {} as WebServices, new OpenAPIRegistry());
    r.page({
      method: 'get',
      path: { pattern: '/f' },
      access: 'user:manage',
      audit: null,
      query: filters,
      invalid: () => {},
      handler: async () => {},
    });
    assert.deepEqual(
      r.routes.map((x) => [x.kind, x.method, x.path, x.access]),
      [['page', 'get', '/f', 'user:manage']],
    );
  });
});
