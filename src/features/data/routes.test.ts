/**
 * Data in and out through the web pages and the API, as an analyst uses them: upload files, follow the job,
 * read the report, filter it by rule, download it as CSV; the same through the API with a token; download an
 * Annex A from the export page; withdraw an import on the web and through the API.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { PASSWORD, apiTokenFor, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient, type Reply } from '../../../harness/client';
import { and, eq, inArray } from 'drizzle-orm';
import { accessLog, children, importBatches } from '../../db/schema/index';
import { SAMPLE_903, SAMPLE_903_2025, SAMPLE_903_BAD_EPISODES } from '../../../test/support/ssda903-sample';

function form(files: Record<string, string>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, text] of Object.entries(files)) data.append('files', new Blob([text], { type: 'text/csv' }), name);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
}

const FILES_2025 = {
  'header.csv': SAMPLE_903_2025.header,
  'episodes.csv': SAMPLE_903_2025.episodes,
  'sw.csv': SAMPLE_903_2025.socialWorkers,
};

/** Text of a page with its tags taken away and its spaces made single, for assertions on what a reader sees. */
function visible(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

describe('importing and exporting on the web and through the API', () => {
  let world: TestWorld;
  let analyst: TestClient;

  before(async () => {
    world = await startTestWorld();
    analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
  });
  after(async () => {
    await world?.close();
  });

  it('shows the upload form, and an error summary when no file is chosen', async () => {
    const page = await analyst.get('/data/imports');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Import data');
    assert.match(page.text, /enctype="multipart\/form-data"/);
    const empty = await analyst.postMultipart('/data/imports', form({}));
    assert.equal(empty.status, 400);
    assert.match(empty.text, /govuk-error-summary/);
    assert.match(empty.text, /<a href="#files">Select the files to import<\/a>/);
    const badYear = await analyst.postMultipart(
      '/data/imports',
      form({ 'header.csv': SAMPLE_903.header }, { year: '2019' }),
    );
    assert.equal(badYear.status, 400);
    assert.match(badYear.text, /Choose a collection year from 2022\/23 to 2026\/27/);
  });

  it('no file, a bad year and a bad date: every error at once in the summary, the date typed kept', async () => {
    const all = await analyst.postMultipart('/data/imports', form({}, { year: '2019', asAt: '2026-02-30' }));
    assert.equal(all.status, 400);
    const links = [...all.text.matchAll(/<a href="#(files|year|asAt)">([^<]*)<\/a>/g)].map((m) => `${m[1]}: ${m[2]}`);
    assert.deepEqual(links.slice(0, 3), [
      'files: Select the files to import',
      'year: Choose a collection year from 2022/23 to 2026/27',
      'asAt: Enter a real date',
    ]);
    assert.match(all.text, /name="asAt"[^>]*value="2026-02-30"/);
  });

  it('a case system’s name that is not letters, digits, spaces, dots or hyphens is refused, the name typed kept', async () => {
    const bad = await analyst.postMultipart(
      '/data/imports',
      form({ 'header.csv': SAMPLE_903.header }, { system: 'Mosaic/LCS' }),
    );
    assert.equal(bad.status, 400);
    assert.match(
      bad.text,
      /<a href="#system">Enter the case system’s name in letters, digits, spaces, dots or hyphens, at most 40 characters<\/a>/,
    );
    assert.match(bad.text, /name="system"[^>]*value="Mosaic\/LCS"/);
  });

  it('imports uploaded files in the background and shows the outcome and the report', async () => {
    const started = await analyst.postMultipart(
      '/data/imports',
      form({
        'header.csv': SAMPLE_903.header,
        'episodes.csv': SAMPLE_903.episodes,
        'sw.csv': SAMPLE_903.socialWorkers,
      }),
    );
    assert.equal(started.status, 303);
    const jobId = /\/data\/imports\/jobs\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1];
    assert.ok(jobId, started.location ?? '');
    await world.services.importJobs.settled(jobId);
    const job = await analyst.get(started.location!);
    assert.equal(h1(job.text), 'Import finished');
    assert.match(job.text, /SSDA903 children looked after return/);
    assert.match(job.text, /Accepted/);
    const reportLink = /href="(\/data\/imports\/\d+)"/.exec(job.text)?.[1];
    assert.ok(reportLink);

    const report = await analyst.get(reportLink);
    assert.equal(report.status, 200);
    assert.equal(h1(report.text), 'SSDA903 children looked after return 2025/26');
    // The only issue is the query saying which year the files were read as (no year was given).
    assert.match(report.text, /Read as the 2025\/26 return: the latest date in the files is 2025-12-20\./);

    // Someone else may not follow this analyst's job.
    const admin = new TestClient(world.baseUrl);
    await admin.signIn('admin', PASSWORD);
    assert.equal((await admin.get(started.location!)).status, 404);
  });

  it('rejects a bad file, shows where the problem is, filters by rule and downloads the report as CSV', async () => {
    const started = await analyst.postMultipart(
      '/data/imports',
      form(
        {
          'header.csv': SAMPLE_903.header,
          'episodes.csv': SAMPLE_903_BAD_EPISODES,
          'sw.csv': SAMPLE_903.socialWorkers,
        },
        { year: '2026' },
      ),
    );
    const jobId = /jobs\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1];
    assert.ok(jobId);
    const job = await world.services.importJobs.settled(jobId);
    const batch = job?.summary?.batches[0];
    assert.equal(batch?.status, 'rejected');
    const report = await analyst.get(`/data/imports/${batch.id}`);
    assert.match(report.text, /Rejected/);
    assert.match(report.text, /Nothing was written/);
    const rule = batch.issues.find((i) => i.column === 'DEC')?.rule;
    assert.ok(rule);
    const filtered = await analyst.get(`/data/imports/${batch.id}?rule=${encodeURIComponent(rule)}`);
    assert.match(filtered.text, /episodes\.csv/);
    const csv = await analyst.download(`/data/imports/${batch.id}/issues.csv?rule=${encodeURIComponent(rule)}`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /text\/csv/);
    const lines = csv.body
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    assert.equal(lines[0], 'file,row,column,rule,severity,message,child');
    assert.ok(lines.slice(1).every((l) => l.includes(`,${rule},`)));
    assert.ok(
      lines.some((l) => l.startsWith('episodes.csv,2,DEC,')),
      lines.join('\n'),
    );
  });

  it('imports through the API with a personal token, and lists imports', async () => {
    const token = await apiTokenFor(world, 'analyst', 'api-test');
    const res = await fetch(`${world.baseUrl}/api/imports?filename=header.csv&year=2026&wait=true`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: SAMPLE_903.header,
    });
    assert.equal(res.status, 202);
    const body = (await res.json()) as { state: string; imports: Array<{ status: string; format: string }> };
    assert.equal(body.state, 'finished');
    // A Header alone is a 903 return with no episodes: both children would be in the Header with nothing else.
    assert.equal(body.imports[0]?.format, '903');
    const list = await fetch(`${world.baseUrl}/api/imports`, { headers: { authorization: `Bearer ${token}` } });
    const imports = (await list.json()) as { imports: unknown[] };
    assert.ok(imports.imports.length >= 3);
    const noName = await fetch(`${world.baseUrl}/api/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: 'x',
    });
    assert.equal(noName.status, 400);
    assert.match(noName.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('downloads Annex A from the export page', async () => {
    const page = await analyst.get('/data/exports');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Export data');
    const file = await analyst.download('/data/exports/annex-a?asAt=2026-03-31&layout=2026');
    assert.equal(file.status, 200);
    assert.match(file.headers.get('content-disposition') ?? '', /TST-annex-a-2026-03-31\.xlsx/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    assert.deepEqual(
      workbook.worksheets.map((w) => w.name),
      Array.from({ length: 11 }, (_, i) => `List ${i + 1}`),
    );
    const bad = await analyst.get('/data/exports/annex-a?asAt=2026-02-30');
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Enter a real date/);
  });

  it('refuses the CIN census of an authority with no LA number: an error summary on the page, problem+json on the API', async () => {
    // The test world's authority (Test Borough) has no LA number; the census header needs one (<LEA>).
    const page = await analyst.get('/data/exports/cin?year=2026');
    assert.equal(page.status, 400);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.match(page.text, /govuk-error-summary/);
    assert.match(page.text, /<a href="#cin-laNumber">The CIN census needs Test Borough’s DfE LA number/);
    assert.match(page.text, /id="cin-laNumber"/);
    const token = await apiTokenFor(world, 'analyst', 'cin-export-test');
    const api = await fetch(`${world.baseUrl}/api/exports/cin?year=2026`, {
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(api.status, 400);
    assert.match(api.headers.get('content-type') ?? '', /problem\+json/);
    const body = (await api.json()) as { detail: string; errors: Array<{ field: string; message: string }> };
    assert.equal(body.errors[0]?.field, 'laNumber');
    assert.match(body.detail, /needs Test Borough’s DfE LA number/);
  });
  /** Imports the 2024/25 sample (W1, W2) through the upload page as `client`; its import id. */
  async function import2025(client: TestClient): Promise<number> {
    await client.get('/data/imports');
    const started = await client.postMultipart('/data/imports', form(FILES_2025, { year: '2025' }));
    const jobId = /jobs\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1];
    assert.ok(jobId, started.text);
    const batch = (await world.services.importJobs.settled(jobId))?.summary?.batches[0];
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    return batch.id;
  }

  /** Follows a withdrawal's job (its page while it runs) to the import's report. */
  async function settleWithdrawal(client: TestClient, started: Reply, id: number): Promise<void> {
    assert.equal(started.status, 303, started.text);
    const jobId = /^\/data\/imports\/jobs\/([0-9a-f-]{36})$/.exec(started.location ?? '')?.[1];
    assert.ok(jobId, started.location ?? '');
    const job = await world.services.importJobs.settled(jobId);
    assert.equal(job?.state, 'finished', job?.error ?? '');
    const page = await client.get(started.location!);
    assert.equal(page.status, 303);
    assert.equal(page.location, `/data/imports/${id}`);
  }

  async function childrenW(): Promise<string[]> {
    const rows = await world.database.db
      .select({ ref: children.laChildId })
      .from(children)
      .where(and(eq(children.authorityId, world.authorityId), inArray(children.laChildId, ['W1', 'W2'])));
    return rows.map((r) => r.ref).sort();
  }

  it('shows what an import did, and withdraws it with a reason: its children go and the report says who and why', async () => {
    const id = await import2025(analyst);
    const report = await analyst.get(`/data/imports/${id}`);
    assert.equal(report.status, 200);
    const text = visible(report.text);
    // At 31 March 2025 only W1 is in care (W2 went home on 20 December 2024), and no other import has a period of
    // care open then (the 2025/26 sample's start in May and June 2025): in care went from 0 to 1, flagged.
    assert.match(
      text,
      /This import moved the headline figures at 31 March 2025 by more than 10%: In care went from 0 to 1\./,
    );
    assert.match(text, /In care 0 1 \+1/);
    // By table: 2 children, 1 allocation (W1's social worker), 2 periods of care, 2 legal statuses and 2 placements
    // (one each per episode), all added.
    assert.match(text, /Children 2 0 0 0 Allocations to teams and workers 1 0 0 0 Periods of care 2 0 0 0/);
    assert.match(report.text, new RegExp(`href="/data/imports/${id}/withdraw"[^>]*govuk-button--warning`));
    assert.deepEqual(await childrenW(), ['W1', 'W2']);

    const confirm = await analyst.get(`/data/imports/${id}/withdraw`);
    assert.equal(confirm.status, 200);
    assert.equal(h1(confirm.text), 'Withdraw this import');
    assert.match(confirm.text, /<textarea[^>]*name="reason"/);

    // No reason: the error summary, and nothing changed.
    const blank = await analyst.post(`/data/imports/${id}/withdraw`, { reason: '  ' });
    assert.equal(blank.status, 400);
    assert.match(blank.text, /govuk-error-summary/);
    assert.match(blank.text, /<a href="#reason">Enter why the import is being withdrawn<\/a>/);
    const tooLong = await analyst.post(`/data/imports/${id}/withdraw`, { reason: 'x'.repeat(2001) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.text, /The reason must be 2,000 characters or fewer/);
    // A field the form does not have is refused too (a strict form).
    const extra = await analyst.post(`/data/imports/${id}/withdraw`, { reason: 'ok', confirm: 'yes' });
    assert.equal(extra.status, 400);
    const [still] = await world.database.db.select().from(importBatches).where(eq(importBatches.id, id));
    assert.equal(still?.status, 'accepted');
    assert.deepEqual(await childrenW(), ['W1', 'W2']);

    // It runs in the background, as imports do; the job's page goes on to the import's report when it is done.
    const done = await analyst.post(`/data/imports/${id}/withdraw`, { reason: 'Loaded the wrong year' });
    await settleWithdrawal(analyst, done, id);
    // The 2 children it brought are gone, with their 7 events (in the engine tests, ingest/withdraw.test.ts).
    assert.deepEqual(await childrenW(), []);
    const after = visible((await analyst.get(`/data/imports/${id}`)).text);
    assert.match(after, /Outcome Withdrawn/);
    assert.match(after, /Withdrawn by analyst, /);
    assert.match(after, /Why Loaded the wrong year/);
    assert.match(after, /What withdrawing it did/);
    assert.match(
      after,
      /Withdrawing this import moved the headline figures at 31 March 2025 by more than 10%: In care went from 1 to 0 \(down 100%\)\./,
    );
    assert.match(after, /Children 0 0 0 2 /);
    assert.doesNotMatch(after, /Withdraw this import/);
    assert.match(visible((await analyst.get('/data/imports')).text), new RegExp(` ${id} .*?Withdrawn`));
    const logged = await world.database.db
      .select()
      .from(accessLog)
      .where(and(eq(accessLog.action, 'import.withdraw'), eq(accessLog.recordId, String(id))));
    assert.equal(logged.length, 1);
    assert.equal(logged[0]?.username, 'analyst');

    // Again: refused (409), on the page and the form, whatever is posted.
    assert.equal((await analyst.get(`/data/imports/${id}/withdraw`)).status, 409);
    await analyst.get(`/data/imports/${id}`);
    assert.equal((await analyst.post(`/data/imports/${id}/withdraw`, { reason: 'Again' })).status, 409);
    assert.equal((await analyst.post(`/data/imports/${id}/withdraw`, { reason: '' })).status, 409);
    assert.equal((await analyst.get('/data/imports/999999/withdraw')).status, 404);
  });

  it('an administrator may withdraw an import; a team manager may not (403)', async () => {
    const id = await import2025(analyst);
    const manager = new TestClient(world.baseUrl);
    await manager.signIn('team-manager', PASSWORD);
    assert.equal((await manager.get(`/data/imports/${id}/withdraw`)).status, 403);
    assert.equal((await manager.post(`/data/imports/${id}/withdraw`, { reason: 'Not mine to withdraw' })).status, 403);
    assert.deepEqual(await childrenW(), ['W1', 'W2']);
    const admin = new TestClient(world.baseUrl);
    await admin.signIn('admin', PASSWORD);
    await admin.get(`/data/imports/${id}/withdraw`);
    await settleWithdrawal(admin, await admin.post(`/data/imports/${id}/withdraw`, { reason: 'Duplicate load' }), id);
    const [row] = await world.database.db.select().from(importBatches).where(eq(importBatches.id, id));
    assert.equal(row?.status, 'withdrawn');
    assert.equal(row?.withdrawnBy, 'admin');
    assert.deepEqual(await childrenW(), []);
  });

  it('withdraws through the API: problem+json for a blank reason (400), no such import (404) and a second time (409)', async () => {
    const id = await import2025(analyst);
    const token = await apiTokenFor(world, 'analyst', 'withdraw-test');
    const withdraw = (importId: number | string, body: unknown) =>
      fetch(`${world.baseUrl}/api/imports/${importId}/withdraw`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const problem = async (res: Response, status: number) => {
      assert.equal(res.status, status);
      assert.match(res.headers.get('content-type') ?? '', /application\/problem\+json/);
      return (await res.json()) as {
        status: number;
        detail: string;
        errors?: Array<{ field: string; message: string }>;
      };
    };
    const blank = await problem(await withdraw(id, { reason: ' ' }), 400);
    assert.deepEqual(blank.errors, [{ field: 'reason', message: 'Enter why the import is being withdrawn' }]);
    await problem(await withdraw(id, {}), 400);
    await problem(await withdraw(999999, { reason: 'Gone' }), 404);
    assert.deepEqual(await childrenW(), ['W1', 'W2']);

    const ok = await withdraw(id, { reason: 'Sent twice' });
    assert.equal(ok.status, 200);
    const body = (await ok.json()) as {
      status: string;
      withdrawnBy: string;
      withdrawReason: string;
      effect: { withdrawal: boolean; children: { removed: number }; events: { removed: number }; flagged: string[] };
    };
    // What it took away: W1 and W2, and their 7 events; in care at 31 March 2025 from 1 to 0.
    assert.equal(body.status, 'withdrawn');
    assert.equal(body.withdrawnBy, 'analyst');
    assert.equal(body.withdrawReason, 'Sent twice');
    assert.equal(body.effect.withdrawal, true);
    assert.equal(body.effect.children.removed, 2);
    assert.equal(body.effect.events.removed, 7);
    assert.deepEqual(body.effect.flagged, ['In care went from 1 to 0 (down 100%)']);
    assert.deepEqual(await childrenW(), []);

    const again = await problem(await withdraw(id, { reason: 'Again' }), 409);
    assert.match(again.detail, /only a live \(accepted\) import can be withdrawn/);
    const item = await fetch(`${world.baseUrl}/api/imports/${id}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(((await item.json()) as { status: string }).status, 'withdrawn');
  });
});
