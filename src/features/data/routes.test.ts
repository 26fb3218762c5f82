/**
 * Data in and out through the web pages and the API, as an analyst uses them: upload files, follow the job,
 * read the report, filter it by rule, download it as CSV; the same through the API with a token; download an
 * Annex A from the export page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createAuditor } from '../../accounts/access-log/auditor';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import { SAMPLE_903, SAMPLE_903_BAD_EPISODES } from '../../../test/support/ssda903-sample';

function form(files: Record<string, string>, fields: Record<string, string> = {}): FormData {
  const data = new FormData();
  for (const [name, text] of Object.entries(files)) data.append('files', new Blob([text], { type: 'text/csv' }), name);
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
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
    const user = await world.services.users.verifyPassword('analyst', PASSWORD);
    assert.ok(user);
    const audit = createAuditor(
      world.services.accessLogRepository,
      { userId: user.id, username: 'analyst', authorityId: user.authorityId },
      'user.token',
      null,
    );
    const token = await world.services.users.issueToken(user.id, 'api-test', audit);
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
});
