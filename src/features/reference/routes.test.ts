/**
 * The reference-data admin page and API as an analyst uses them: upload published files (all or nothing, with an
 * error summary naming file, row and column), see what is loaded, choose the benchmark authority.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../db/query';
import { PASSWORD, apiTokenFor, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import { readReferenceBytes } from './files';

const REFERENCE = fileURLToPath(new URL('../../../reference-data', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reference', import.meta.url));

function form(files: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, text] of Object.entries(files)) data.append('files', new Blob([text], { type: 'text/csv' }), name);
  return data;
}

describe('reference data on the web and through the API', () => {
  let world: TestWorld;
  let analyst: TestClient;
  let c1Lines: string[];
  let lookup: string;

  async function count(table: 'benchmark_values' | 'reference_imports'): Promise<number> {
    const [r] = await rows<{ n: unknown }>(world.database.db, sql`select count(*) as n from ${sql.raw(table)}`);
    return Number(r?.n);
  }

  before(async () => {
    world = await startTestWorld();
    analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
    // DfE's c1 table as published (its 2025 rows: lines 1–166 of the published file) and the authority lookup.
    c1Lines = (
      await readFile(
        path.join(FIXTURES, 'dfe-benchmarks/c1_children_in_need_referrals_and_rereferrals_2025.csv'),
        'utf8',
      )
    ).split('\n');
    lookup = (await readReferenceBytes(path.join(REFERENCE, 'la-reference/jt39_Provider_data_lookup.csv.gz'))).toString(
      'utf8',
    );
  });
  after(async () => {
    await world?.close();
  });

  it('shows the page with its upload form; an upload with no file gets an error summary', async () => {
    const page = await analyst.get('/admin/reference');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Reference data');
    assert.match(page.text, /enctype="multipart\/form-data"/);
    assert.match(page.text, /No reference files have been loaded yet/);
    assert.match(
      page.text,
      /class="govuk-service-navigation__link" href="\/admin\/reference" aria-current="page"/,
      'in the navigation',
    );
    const empty = await analyst.postMultipart('/admin/reference', new FormData());
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<a href="#files">Select the reference files to load<\/a>/);
  });

  it('loads an authority lookup and part of the c1 table (England and Barnet 2025), then lists them', async () => {
    // c1 lines 1 (header), 2 (England 2025: re-referrals 22.6) and 149 (Barnet 2025: 14.8).
    const c1 = [c1Lines[0], c1Lines[1], c1Lines[148]].join('\n');
    const res = await analyst.postMultipart('/admin/reference', form({ 'lookup.csv': lookup, 'c1-part.csv': c1 }));
    assert.equal(res.status, 303, res.text.slice(0, 500));
    assert.equal(res.location, '/admin/reference?loaded=2');
    const page = await analyst.get(res.location);
    assert.match(page.text, /Loaded 2 files\./);
    assert.match(page.text, /c1-part\.csv/);
    assert.match(page.text, /c1_children_in_need_referrals_and_rereferrals/);
    // Re-referrals now have 2025 with one authority (Barnet) with a figure.
    assert.match(
      page.text,
      /Re-referrals within 12 months \(% of referrals\)<\/td>\s*<td[^>]*>rereferrals-percent<\/td>\s*<td[^>]*>2025<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>1<\/td>/,
    );
    const [logged] = await rows<{ n: unknown }>(
      world.database.db,
      sql`select count(*) as n from access_log where action = 'reference.import'`,
    );
    assert.equal(Number(logged?.n), 1);
  });

  it('a bad cell: 400, an error summary with file, row and column, and nothing loaded', async () => {
    const before = { values: await count('benchmark_values'), imports: await count('reference_imports') };
    const bad = [c1Lines[0], c1Lines[1]?.replace(',22.6,', ',22.6%,')].join('\n');
    const res = await analyst.postMultipart('/admin/reference', form({ 'lookup.csv': lookup, 'bad.csv': bad }));
    assert.equal(res.status, 400);
    assert.match(res.text, /govuk-error-summary/);
    assert.match(
      res.text,
      /bad\.csv, row 2, column rereferral_percent: “22\.6%” is neither a number nor a suppression marker/,
    );
    assert.match(res.text, /Nothing was loaded/);
    assert.deepEqual({ values: await count('benchmark_values'), imports: await count('reference_imports') }, before);
  });

  it('chooses the benchmark authority from the loaded list (audited); an unknown one is refused with an error', async () => {
    await analyst.get('/admin/reference');
    const bad = await analyst.post('/admin/reference/benchmark', { benchmarkLaNumber: '999', region: '' });
    assert.equal(bad.status, 400);
    assert.match(
      bad.text,
      /<a href="#benchmarkLaNumber">Choose an authority from the list: “999” is not a loaded DfE LA number<\/a>/,
    );
    const ok = await analyst.post('/admin/reference/benchmark', { benchmarkLaNumber: '302', region: '' });
    assert.equal(ok.status, 303);
    const page = await analyst.get(ok.location ?? '');
    assert.match(page.text, /Benchmark authority saved/);
    assert.match(page.text, /Barnet \(302\)/);
    assert.match(page.text, /<dd class="govuk-summary-list__value">\s*London\s*<\/dd>/);
    const [logged] = await rows<{ n: unknown }>(
      world.database.db,
      sql`select count(*) as n from access_log where action = 'reference.benchmark-authority'`,
    );
    assert.equal(Number(logged?.n), 1);
  });

  it('GET /api/reference says what is loaded', async () => {
    const token = await apiTokenFor(world, 'analyst', 'ref-test');
    const res = await fetch(`${world.baseUrl}/api/reference`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as {
      benchmark: { laNumber: string; region: { name: string } };
      counts: { authorities: number; figures: number };
      measures: Array<{ id: string; latestYear: number | null }>;
      imports: Array<{ fileName: string; rows: number }>;
    };
    assert.equal(body.benchmark.laNumber, '302');
    assert.equal(body.benchmark.region.name, 'London');
    // 156 authorities in the lookup; c1 part: 2 rows × 3 measures (referrals, re-referral %, NFA %) = 6 figures.
    assert.equal(body.counts.authorities, 156);
    assert.equal(body.counts.figures, 6);
    assert.equal(body.measures.find((m) => m.id === 'rereferrals-percent')?.latestYear, 2025);
    assert.deepEqual(body.imports.map((i) => [i.fileName, i.rows]).sort(), [
      ['c1-part.csv', 6],
      ['lookup.csv', 156],
    ]);
  });

  it('POST /api/reference loads one file from the body (replacing that table’s figures for the years it covers); a bad cell is a problem+json naming file, row and column', async () => {
    const token = await apiTokenFor(world, 'analyst', 'ref-post');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'text/csv' };
    const before = await count('benchmark_values');
    const bad = [c1Lines[0], c1Lines[148]?.replace(',14.8,', ',n/k,')].join('\n');
    const refused = await fetch(`${world.baseUrl}/api/reference?filename=bad.csv`, {
      method: 'POST',
      headers,
      body: bad,
    });
    assert.equal(refused.status, 400);
    assert.match(refused.headers.get('content-type') ?? '', /problem\+json/);
    assert.match(await refused.text(), /bad\.csv, row 2, rereferral_percent/);
    assert.equal(await count('benchmark_values'), before);
    // c1 line 9 is London 2025 (regional): 3 measures.
    const ok = await fetch(`${world.baseUrl}/api/reference?filename=london.csv`, {
      method: 'POST',
      headers,
      body: [c1Lines[0], c1Lines[8]].join('\n'),
    });
    assert.equal(ok.status, 200);
    const loaded = (await ok.json()) as { files: Array<{ name: string; source: string; rows: number }> };
    assert.deepEqual(
      loaded.files.map((f) => [f.name, f.source, f.rows]),
      [['london.csv', 'c1_children_in_need_referrals_and_rereferrals', 3]],
    );
    // The same table for the same year replaces what the table loaded for 2025 (England and Barnet, 6 figures):
    // 6 − 6 + 3 = 3.
    assert.equal(before, 6);
    assert.equal(await count('benchmark_values'), 3);
  });

  it('loads Ofsted’s outcomes workbook (ODS) through the page and lists it with the other files: 153 + 112 + 271 = 536 outcomes', async () => {
    const data = new FormData();
    const ods = await readFile(path.join(FIXTURES, 'ofsted-ilacs/LA_Inspection_Outcomes_as_at_31_March_2025.ods'));
    data.append(
      'files',
      new Blob([new Uint8Array(ods)], { type: 'application/vnd.oasis.opendocument.spreadsheet' }),
      'outcomes.ods',
    );
    const res = await analyst.postMultipart('/admin/reference', data);
    assert.equal(res.status, 303);
    const page = await analyst.get('/admin/reference');
    assert.match(page.text, /536 Ofsted inspection outcomes/);
    assert.match(
      page.text,
      /<td class="govuk-table__cell">outcomes\.ods<\/td>\s*<td class="govuk-table__cell">ofsted-outcomes<\/td>\s*<td class="govuk-table__cell">ofsted-la-outcomes-workbook<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">536<\/td>/,
    );
  });
});
