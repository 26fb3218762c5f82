/**
 * The reports pages and API (routes.ts) in the test world (Test Borough, a user per role), with one ILACS inspection
 * (3 March 2025) so that the committee report on an inspection has a period:
 * - GET /reports: each kind's form (the period select offers the inspection; internal only with report:internal),
 *   the self-evaluation link, the list with its caption;
 * - POST /reports with a bad period, or a member asking for internal: 400, an error summary naming the field (linked
 *   to it), nothing queued (the choice for a member asking for internal is 400, as any other bad input);
 * - POST good: 303 to the report's page; the runner writes it (the row is polled until it is done); the page says it
 *   is ready with its sha256; the download's bytes hash to the stored sha256, with the right type and file name; the
 *   access log has the queue and the download;
 * - a member sees neither an internal report nor another authority's (404 on the page, the file and the API) nor
 *   lists them;
 * - the API: 202 + Location + the status body, polled to done, the file; bad input → problem+json 400 naming the field;
 * - the progress text of a running row ("Step 2 of 3: Writing the PDF") and of a queued one behind it ("Waiting: 1
 *   report ahead of it"), rows inserted directly; the file of an unfinished report is 409.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { PASSWORD, apiTokenFor, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import { clean, firstCells } from '../../../test/support/html';
import { buildInspectionWith } from '../../../test/support/improvement';
import { accessLog, generatedReports } from '../../db/schema/index';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('reports pages and API', () => {
  let world: TestWorld;
  let inspectionId = '';
  const as: Record<string, TestClient> = {};

  before(async () => {
    world = await startTestWorld();
    inspectionId = String(
      (
        await buildInspectionWith(world.database.db, {
          authorityId: world.authorityId,
          kind: 'ilacs-standard',
          startDate: '2025-03-03',
          recommendations: ['Improve the timeliness of health assessments.'],
        })
      ).id,
    );
    for (const role of ['analyst', 'member']) {
      as[role] = new TestClient(world.baseUrl);
      await as[role].signIn(role, PASSWORD);
    }
  });
  after(async () => {
    await world?.services.reportRunner.stop();
    await world?.close();
  });

  const client = (role: string) => {
    const c = as[role];
    assert.ok(c);
    return c;
  };
  const reportRows = () =>
    world.database.db.select().from(generatedReports).where(eq(generatedReports.authorityId, world.authorityId));

  /** Polls the row until the runner has finished it. */
  async function finished(id: number) {
    for (let i = 0; i < 6000; i++) {
      const [row] = await world.database.db.select().from(generatedReports).where(eq(generatedReports.id, id));
      if (row && (row.status === 'done' || row.status === 'failed')) return row;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`report ${id} did not finish`);
  }

  async function insertReport(values: Partial<typeof generatedReports.$inferInsert>): Promise<number> {
    const [row] = await world.database.db
      .insert(generatedReports)
      .values({
        authorityId: world.authorityId,
        kind: 'inspection-committee',
        period: inspectionId,
        audience: 'members',
        format: 'pdf',
        status: 'done',
        generatedBy: 'Test analyst',
        stepsTotal: 3,
        ...values,
      })
      .returning({ id: generatedReports.id });
    assert.ok(row);
    return Number(row.id);
  }

  it('GET /reports: every kind with its form; the inspection in the period select; internal offered only with report:internal', async () => {
    const page = await client('analyst').get('/reports');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Reports');
    assert.match(
      page.text,
      /<h2 class="govuk-heading-m" id="inspection-committee-title">Committee report on an inspection<\/h2>/,
    );
    assert.match(
      page.text,
      new RegExp(
        `<option value="${inspectionId}" selected>Ofsted ILACS standard inspection, 3 March 2025</option>|<option value="${inspectionId}" selected>[^<]*3 March 2025</option>`,
      ),
    );
    assert.match(page.text, /id="inspection-committee-audience" name="audience" type="radio" value="internal" checked/);
    assert.match(page.text, /href="\/self-evaluation">Write the self-evaluation<\/a>/);
    assert.match(page.text, /<caption[^>]*>Reports generated/);
    const memberPage = await client('member').get('/reports');
    assert.equal(memberPage.status, 200);
    assert.doesNotMatch(memberPage.text, /value="internal"/);
    assert.match(
      memberPage.text,
      /id="inspection-committee-audience" name="audience" type="radio" value="members" checked/,
    );
  });

  it('POST /reports with a bad period, or a member asking for internal: 400, an error summary naming the field, nothing queued', async () => {
    const before = (await reportRows()).length;
    await client('analyst').get('/reports');
    const bad = await client('analyst').post('/reports', {
      kind: 'inspection-committee',
      period: '999999',
      audience: 'internal',
      format: 'pdf',
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<title>Error: Reports/);
    assert.match(bad.text, /govuk-error-summary/);
    assert.match(bad.text, /<a href="#inspection-committee-period">Choose a period from the list<\/a>/);
    assert.match(bad.text, /id="inspection-committee-period-error"/);

    await client('member').get('/reports');
    const internal = await client('member').post('/reports', {
      kind: 'inspection-committee',
      period: inspectionId,
      audience: 'internal',
      format: 'pdf',
    });
    assert.equal(internal.status, 400);
    assert.match(
      internal.text,
      /<a href="#inspection-committee-audience">You can generate the version for members and the public only<\/a>/,
    );
    assert.equal((await reportRows()).length, before);
  });

  let internalId = 0;
  it('POST /reports: 303 to its page; written in the background; ready with its sha256; the download is those bytes', async () => {
    const analyst = client('analyst');
    await analyst.get('/reports');
    const posted = await analyst.post('/reports', {
      kind: 'inspection-committee',
      period: inspectionId,
      audience: 'internal',
      format: 'pdf',
    });
    assert.equal(posted.status, 303);
    const id = Number(/^\/reports\/(\d+)$/.exec(posted.location ?? '')?.[1]);
    assert.ok(id > 0, posted.location ?? '');
    internalId = id;
    const row = await finished(id);
    assert.equal(row.status, 'done', row.error ?? '');
    assert.equal(row.generatedBy, 'Test analyst');

    const page = await analyst.get(`/reports/${id}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Your report is ready');
    assert.ok(page.text.includes(row.sha256 ?? 'no sha'));
    assert.match(page.text, new RegExp(`href="/reports/${id}/file"`));

    const file = await analyst.download(`/reports/${id}/file`);
    assert.equal(file.status, 200);
    assert.equal(file.headers.get('content-type'), 'application/pdf');
    assert.equal(
      file.headers.get('content-disposition'),
      `attachment; filename=lantern-inspection-committee-${inspectionId}-internal.pdf`,
    );
    assert.equal(file.body.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.equal(sha(file.body), row.sha256);
    assert.equal(file.body.length, row.bytes);

    const list = await analyst.get('/reports');
    assert.ok(firstCells(list.text, 'Reports generated').includes(`Committee report on an inspection (report ${id})`));

    const logged = await world.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.recordType, 'generated-report'), eq(accessLog.recordId, String(id))));
    assert.deepEqual(logged.map((l) => l.action).sort(), ['reports.download', 'reports.queue']);
  });

  it('a member: an internal report or another authority’s is not found (page, file, API) and not listed; a members’ one is', async () => {
    const member = client('member');
    const elsewhere = await insertReport({
      authorityId: world.otherAuthorityId,
      audience: 'members',
      content: new Uint8Array([1]),
      sha256: sha(new Uint8Array([1])),
      bytes: 1,
    });
    const mine = await insertReport({
      audience: 'members',
      content: new Uint8Array([37, 80, 68, 70]),
      sha256: sha(new Uint8Array([37, 80, 68, 70])),
      bytes: 4,
    });
    for (const id of [internalId, elsewhere]) {
      for (const path of [`/reports/${id}`, `/reports/${id}/file`, `/api/reports/${id}`, `/api/reports/${id}/file`]) {
        assert.equal((await member.get(path)).status, 404, path);
      }
    }
    assert.equal((await client('analyst').get(`/reports/${elsewhere}`)).status, 404, 'another authority’s, for anyone');
    const list = clean((await member.get('/reports')).text);
    assert.ok(!list.includes(`(report ${internalId})`));
    assert.ok(list.includes(`(report ${mine})`));
    const file = await member.download(`/reports/${mine}/file`);
    assert.equal(file.status, 200);
    assert.equal(
      file.headers.get('content-disposition'),
      `attachment; filename=lantern-inspection-committee-${inspectionId}-members.pdf`,
    );
    assert.equal(sha(file.body), sha(new Uint8Array([37, 80, 68, 70])));
  });

  it('the API: POST → 202, Location and the status; polled to done; the file; bad input → problem+json naming the field', async () => {
    const token = await apiTokenFor(world, 'analyst', 'reports-test');
    const auth = { authorization: `Bearer ${token}` };
    const listed = await fetch(`${world.baseUrl}/api/reports`, { headers: auth });
    assert.equal(listed.status, 200);
    const kinds = ((await listed.json()) as { kinds: Array<{ key: string; periods: Array<{ value: string }> }> }).kinds;
    assert.deepEqual(
      kinds.find((k) => k.key === 'inspection-committee')?.periods.map((p) => p.value),
      [inspectionId],
    );

    const res = await fetch(`${world.baseUrl}/api/reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'inspection-committee', period: inspectionId, audience: 'members', format: 'docx' }),
    });
    assert.equal(res.status, 202);
    const body = (await res.json()) as {
      id: number;
      status: string;
      audience: string;
      format: string;
      stepsTotal: number;
      href: string;
    };
    assert.equal(res.headers.get('location'), `/api/reports/${body.id}`);
    assert.equal(body.href, `/api/reports/${body.id}`);
    assert.deepEqual([body.audience, body.format, body.stepsTotal], ['members', 'docx', 3]);
    assert.ok(['queued', 'running'].includes(body.status), body.status);

    const row = await finished(body.id);
    const status = (await (await fetch(`${world.baseUrl}/api/reports/${body.id}`, { headers: auth })).json()) as {
      status: string;
      sha256: string;
      file: string;
      steps: Array<{ label: string; state: string }>;
    };
    assert.equal(status.status, 'done');
    assert.equal(status.sha256, row.sha256);
    assert.deepEqual(status.steps, [
      { number: 1, label: 'Reading the figures', state: 'done' },
      { number: 2, label: 'Writing the DOCX', state: 'done' },
      { number: 3, label: 'Keeping the file', state: 'done' },
    ]);
    const file = await fetch(`${world.baseUrl}${status.file}`, { headers: auth });
    assert.equal(file.status, 200);
    assert.equal(
      file.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.equal(sha(Buffer.from(await file.arrayBuffer())), row.sha256);

    const before = (await reportRows()).length;
    const bad = await fetch(`${world.baseUrl}/api/reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'inspection-committee', period: inspectionId, audience: 'public', format: 'docx' }),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    assert.equal(((await bad.json()) as { errors: Array<{ field: string }> }).errors[0]?.field, 'audience');
    const missing = await fetch(`${world.baseUrl}/api/reports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'inspection-committee' }),
    });
    assert.equal(missing.status, 400);
    assert.equal((await reportRows()).length, before);
  });

  it('progress: a running report says "Step 2 of 3: Writing the PDF"; one queued behind it "Waiting: 1 report ahead of it"; its file is 409', async () => {
    // Rows inserted directly, after the runner has finished everything asked of it (nothing kicks it again here).
    await world.services.reportRunner.idle();
    const running = await insertReport({
      status: 'running',
      stepsDone: 1,
      progress: 'Writing the PDF',
      startedAt: new Date(),
    });
    const queued = await insertReport({ status: 'queued', format: 'docx' });
    const member = client('member');
    const r = await member.get(`/reports/${running}`);
    assert.equal(r.status, 200);
    assert.equal(h1(r.text), 'Being written');
    assert.match(
      r.text,
      /<p class="govuk-body" id="report-progress-text" role="status">Step 2 of 3: Writing the PDF<\/p>/,
    );
    assert.match(r.text, /<progress class="lantern-progress" id="report-progress-bar" max="3" value="1"/);
    assert.match(r.text, new RegExp(`<a class="govuk-link" href="/reports/${running}">Check progress</a>`));
    assert.doesNotMatch(r.text, /http-equiv="refresh"/);
    const q = await member.get(`/reports/${queued}`);
    assert.equal(h1(q.text), 'Waiting to be written');
    assert.match(q.text, /Waiting: 1 report ahead of it/);
    assert.equal((await member.download(`/reports/${queued}/file`)).status, 409);
    const api = (await fetch(`${world.baseUrl}/api/reports/${running}`)).status;
    assert.equal(api, 401, 'the API without a session or token');
    // Leave nothing for the runner to pick up later.
    await world.database.db
      .update(generatedReports)
      .set({ status: 'failed', error: 'There is no inspection 999999 for this authority' })
      .where(eq(generatedReports.id, queued));
    const failed = await member.get(`/reports/${queued}`);
    assert.equal(h1(failed.text), 'The report could not be written');
    assert.match(clean(failed.text), /There is no inspection 999999 for this authority/);
    assert.match(failed.text, /<a class="govuk-link" href="\/reports">Generate the report again<\/a>/);
  });
});
