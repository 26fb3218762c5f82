/**
 * The route kernel's file uploads (`r.page({ files })`), on a bare Express app (no database): files are streamed to a
 * temporary folder and handed to the handler typed; a file too large, too many, of a type not accepted or missing
 * is a field error given to `invalid` with the text fields' errors, all at once; the temporary files are removed
 * after the handler, whether it succeeds or fails, unless it keeps them.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import express from 'express';
import { z } from 'zod';
import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { ValidationError } from '../core/errors';
import type { CurrentUser } from '../accounts/users/service';
import type { WebServices } from './services';
import { formText } from './form-input';
import { RouteBuilder } from './route';

const MB = 1024 * 1024;

describe('r.page with file fields', () => {
  let server: ReturnType<express.Express['listen']>;
  let base = '';
  let uploads = '';
  const previousTmp = process.env.TMPDIR;
  /** What the handler saw of the files: their names, sizes, contents and paths. */
  let seen: Array<{ field: string; name: string; size: number; text: string; path: string }> = [];
  let keptDir = '';

  before(async () => {
    // A temporary folder of this test's own, so that what is left in it can be counted.
    uploads = await mkdtemp(path.join(tmpdir(), 'lantern-route-files-'));
    process.env.TMPDIR = uploads;
    const app = express();
    app.use(express.urlencoded({ extended: false }));
    app.use((req, _res, next) => {
      req.user = { id: 1, username: 'd', role: 'director', authorityId: 1, teamId: null } as unknown as CurrentUser;
      req.requestId = 'test';
      next();
    });
    const router = express.Router();
    const r = new RouteBuilder(router, {} as WebServices, new OpenAPIRegistry());
    r.page({
      method: 'post',
      path: { pattern: '/upload' },
      access: 'public',
      audit: null,
      body: z.strictObject({
        title: formText.pipe(z.string().trim().min(1, 'Enter a title')),
        then: formText.optional(),
      }),
      files: {
        report: {
          maxBytes: 10,
          required: 'Choose a report',
          tooLarge: (name: string) => `${name} is larger than 10 bytes`,
        },
        extras: { maxBytes: MB, maxCount: 2, accept: ['.csv', 'application/json'] },
      },
      invalid: (ctx, f) => {
        ctx.res.json({ status: ctx.res.statusCode, ...f });
      },
      handler: async (ctx) => {
        seen = [];
        for (const [field, files] of Object.entries(ctx.files))
          for (const f of files)
            seen.push({ field, name: f.name, size: f.size, text: await readFile(f.path, 'utf8'), path: f.path });
        if (ctx.body.then === 'fail') throw new Error('The handler failed');
        if (ctx.body.then === 'refuse') throw new ValidationError([{ field: 'report', message: 'Already loaded' }]);
        if (ctx.body.then === 'keep') keptDir = ctx.keepFiles();
        ctx.res.json({ title: ctx.body.title, report: ctx.files.report.length, extras: ctx.files.extras.length });
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

  after(async () => {
    server.close();
    if (previousTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previousTmp;
    await rm(uploads, { recursive: true, force: true });
  });

  /** A multipart form: text fields, then files as [field, file name, content, MIME type]. */
  function form(fields: Record<string, string>, files: Array<[string, string, string, string?]>): FormData {
    const fd = new FormData();
    for (const [k, v] of Object.entries(fields)) fd.append(k, v);
    for (const [field, name, content, type] of files) fd.append(field, new Blob([content], { type }), name);
    return fd;
  }
  const post = async (body: FormData | string) =>
    fetch(`${base}/upload`, {
      method: 'POST',
      body,
      ...(typeof body === 'string' ? { headers: { 'content-type': 'application/x-www-form-urlencoded' } } : {}),
    });

  /** The temporary folders left: the kernel removes them just after the answer, so wait a little for it. */
  async function leftOver(): Promise<string[]> {
    for (let i = 0; i < 50; i++) {
      const left = await readdir(uploads);
      if (left.length === 0) return left;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return readdir(uploads);
  }

  test('the files reach the handler with the parsed fields; their folder is removed afterwards', async () => {
    const res = await post(
      form({ _csrf: 't', title: 'Plan' }, [
        ['report', 'C:\\Users\\me\\r.txt', 'abc'],
        ['extras', 'a.csv', 'x,y'],
        ['extras', 'b.json', '{}', 'application/json'],
      ]),
    );
    assert.equal(res.status, 200);
    assert.deepEqual(await res.json(), { title: 'Plan', report: 1, extras: 2 });
    assert.deepEqual(
      seen.map(({ field, name, size, text }) => ({ field, name, size, text })),
      [
        { field: 'report', name: 'r.txt', size: 3, text: 'abc' },
        { field: 'extras', name: 'a.csv', size: 3, text: 'x,y' },
        { field: 'extras', name: 'b.json', size: 2, text: '{}' },
      ],
    );
    assert.deepEqual(await leftOver(), []);
  });

  test('a file missing, too many files and a text field invalid: every error at once, the input kept', async () => {
    seen = [];
    const res = await post(
      form({ title: ' ' }, [
        ['report', '', ''],
        ['extras', 'a.csv', '1'],
        ['extras', 'b.csv', '2'],
        ['extras', 'c.csv', '3'],
      ]),
    );
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [
        { field: 'report', message: 'Choose a report' },
        { field: 'extras', message: 'Upload at most 2 files at a time' },
        { field: 'title', message: 'Enter a title' },
      ],
      input: { title: ' ' },
    });
    assert.deepEqual(seen, []);
    assert.deepEqual(await leftOver(), []);
  });

  test('a file too large (its own message, then the default one) and a file of a type not accepted', async () => {
    const tooLarge = await post(
      form({ title: 'Plan' }, [
        ['report', 'big.txt', '12345678901'],
        ['extras', 'huge.csv', 'x'.repeat(MB + 1)],
      ]),
    );
    assert.deepEqual(((await tooLarge.json()) as { errors: unknown }).errors, [
      { field: 'report', message: 'big.txt is larger than 10 bytes' },
      { field: 'extras', message: 'huge.csv is larger than 1 MB' },
    ]);
    // Exactly at the limit is accepted: 10 bytes and 1 MB.
    const atLimit = await post(
      form({ title: 'Plan' }, [
        ['report', 'ten.txt', '1234567890'],
        ['extras', 'mb.csv', 'x'.repeat(MB)],
      ]),
    );
    assert.deepEqual(await atLimit.json(), { title: 'Plan', report: 1, extras: 1 });
    assert.deepEqual(
      seen.map((s) => s.size),
      [10, MB],
    );
    const wrongType = await post(
      form({ title: 'Plan' }, [
        ['report', 'r.txt', 'a'],
        ['extras', 'notes.txt', 'a'],
      ]),
    );
    assert.deepEqual(((await wrongType.json()) as { errors: unknown }).errors, [
      { field: 'extras', message: 'notes.txt is not a file of the type accepted' },
    ]);
    assert.deepEqual(await leftOver(), []);
  });

  test('the files are removed when the handler fails, or refuses with a ValidationError', async () => {
    const failed = await post(form({ title: 'Plan', then: 'fail' }, [['report', 'r.txt', 'abc']]));
    assert.equal(failed.status, 500);
    assert.equal(seen.length, 1);
    assert.equal(existsSync(seen[0]!.path), false);
    const refused = await post(form({ title: 'Plan', then: 'refuse' }, [['report', 'r.txt', 'abc']]));
    assert.deepEqual(await refused.json(), {
      status: 400,
      errors: [{ field: 'report', message: 'Already loaded' }],
      input: { title: 'Plan', then: 'refuse' },
    });
    assert.deepEqual(await leftOver(), []);
  });

  test('a handler that keeps the files (a background job) has their folder, and removes it itself', async () => {
    const res = await post(form({ title: 'Plan', then: 'keep' }, [['report', 'r.txt', 'abc']]));
    assert.equal(res.status, 200);
    assert.equal(await readFile(seen[0]!.path, 'utf8'), 'abc');
    assert.equal(path.dirname(seen[0]!.path), keptDir);
    await rm(keptDir, { recursive: true, force: true });
    assert.deepEqual(await leftOver(), []);
  });

  test('an urlencoded post has no files: a required file is missing, and the file input’s text is not a field', async () => {
    const res = await post('_csrf=t&title=Plan&report=r.txt');
    assert.deepEqual(await res.json(), {
      status: 400,
      errors: [{ field: 'report', message: 'Choose a report' }],
      input: { title: 'Plan' },
    });
  });
});
