/**
 * The national picture as a member and an analyst see it: every authority's latest published judgements, the GET
 * filters (region, grade of overall or of any judgement) changing the rows and the counts, the authority beside its
 * statistical neighbours, and GET /api/ofsted-outcomes. Figures are counted by hand from Ofsted's "LA inspection
 * outcomes as at 31 March 2025" (its current-judgements table: reference-data/ofsted-ilacs/).
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { rows } from '../../../db/query';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { h1, TestClient } from '../../../../harness/client';
import { importReferenceFiles } from '../../reference/import';

const REFERENCE = fileURLToPath(new URL('../../../../reference-data', import.meta.url));
const file = (name: string) => ({ name, path: path.join(REFERENCE, name) });

interface Api {
  filter: { region: string | null; grade: string | null; of: string };
  total: number;
  counts: Array<{ judgement: string; counts: Record<string, number>; none: number }>;
  outcomes: Array<{
    laNumber: string;
    laName: string;
    region: string | null;
    kind: string | null;
    startDate: string;
    overall: string | null;
    source: string;
  }>;
}

/** The text of the paragraph that says how many authorities the table lists. */
const countLine = (html: string) =>
  /<p class="govuk-body" id="national-count">([^<]*)<\/p>/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim();

describe('the national picture (/inspections/national, /api/ofsted-outcomes)', () => {
  let world: TestWorld;
  let member: TestClient;
  let analyst: TestClient;

  async function api(query: string): Promise<{ status: number; body: Api; type: string }> {
    const res = await analyst.get(`/api/ofsted-outcomes${query}`);
    return { status: res.status, body: JSON.parse(res.text) as Api, type: res.headers.get('content-type') ?? '' };
  }

  before(async () => {
    world = await startTestWorld();
    member = new TestClient(world.baseUrl);
    await member.signIn('member', PASSWORD);
    analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
  });
  after(async () => {
    await world?.close();
  });

  it('with nothing loaded: the page says so, and the authority has no judgements to show', async () => {
    const page = await member.get('/inspections/national');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'National picture: Ofsted judgements');
    assert.match(page.text, /No Ofsted outcomes are loaded yet/);
    assert.match(page.text, /There are no judgements to show for this authority/);
    assert.equal(countLine(page.text), '0 authorities.');
  });

  it('a member reads every authority’s latest judgements: 153, overall Good 67, Outstanding 36, RI 31, Inadequate 19', async () => {
    await importReferenceFiles(
      world.database.db,
      [
        file('la-reference/jt39_Provider_data_lookup.csv.gz'),
        file('la-reference/sn_model_2025_wide.csv.gz'),
        file('ofsted-ilacs/ofsted_la_outcomes_2025_current_judgements.csv.gz'),
      ],
      'test',
    );
    const page = await member.get('/inspections/national');
    assert.equal(page.status, 200);
    assert.equal(countLine(page.text), '153 authorities.');
    assert.match(page.text, /Barnet \(302\)/);
    assert.equal(
      (await api('?region=London')).body.outcomes.find((o) => o.laNumber === '302')?.kind,
      null,
      'the current table gives no type',
    );
    // The counts table's overall row: Outstanding 36, Good 67, RI 31, Inadequate 19, not graded 0.
    assert.match(
      page.text,
      /Overall effectiveness<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">36<\/td>\s*<td[^>]*>67<\/td>\s*<td[^>]*>31<\/td>\s*<td[^>]*>19<\/td>\s*<td[^>]*>0<\/td>/,
    );
    // Care leavers not graded for the 50 authorities last inspected before 2023.
    assert.match(page.text, /Care leavers<\/td>(\s*<td[^>]*>\d+<\/td>){4}\s*<td[^>]*>50<\/td>/);
  });

  it('the region filter: London has 33 authorities (15 good, 14 outstanding, 2 RI, 2 inadequate overall); Reading is not among them', async () => {
    const page = await member.get('/inspections/national?region=London&grade=&of=overall');
    assert.equal(page.status, 200);
    assert.equal(countLine(page.text), '33 authorities in London.');
    assert.match(page.text, /Barnet \(302\)/);
    assert.doesNotMatch(page.text, /Reading \(870\)/, 'Reading is in the South East');
    assert.match(
      (await member.get('/inspections/national')).text,
      /<td class="govuk-table__cell">Reading \(870\)<\/td>\s*<td class="govuk-table__cell">South East<\/td>/,
    );
    assert.match(page.text, /<option value="London" selected>London<\/option>/, 'the form keeps the choice');
    const { body } = await api('?region=London');
    assert.equal(body.total, 33);
    assert.deepEqual(body.counts.find((c) => c.judgement === 'overall')?.counts, {
      outstanding: 14,
      good: 15,
      'requires-improvement': 2,
      inadequate: 2,
    });
  });

  it('the grade filter: 19 inadequate overall; 20 with any judgement inadequate (the lines of the file that say "Inadequate"); 2 in London overall', async () => {
    assert.equal(
      countLine((await member.get('/inspections/national?grade=inadequate')).text),
      '19 authorities judged inadequate overall.',
    );
    assert.equal(
      countLine((await member.get('/inspections/national?grade=inadequate&of=any')).text),
      '20 authorities with any judgement inadequate.',
    );
    const { body } = await api('?region=London&grade=inadequate');
    assert.equal(body.total, 2);
    assert.deepEqual(body.filter, { region: 'London', grade: 'inadequate', of: 'overall' });
    assert.ok(body.outcomes.every((o) => o.region === 'London' && o.overall === 'inadequate'));
    // Harrow (310), 20/01/2025: inadequate overall, leaders RI (current line for provider/44/310).
    assert.ok(body.outcomes.some((o) => o.laNumber === '310' && o.startDate === '2025-01-20'));
  });

  it('GET /api/ofsted-outcomes is in the OpenAPI document with its three filters, for inspection:read', () => {
    const doc = world.openapi as {
      paths: Record<string, Record<string, { description?: string; parameters?: Array<{ name: string }> }>>;
    };
    const op = doc.paths['/api/ofsted-outcomes']?.get;
    assert.ok(op);
    assert.deepEqual(op.parameters?.map((p) => p.name).sort(), ['grade', 'of', 'region']);
    assert.match(op.description ?? '', /Requires: inspection:read\.$/);
  });

  it('a filter value that is not a region or a grade: the page answers 400 with an error summary, the API a problem+json', async () => {
    const page = await member.get('/inspections/national?region=Mars&grade=splendid');
    assert.equal(page.status, 400);
    assert.match(page.text, /There is a problem/);
    assert.match(page.text, /<a href="#region">Choose one of Ofsted’s eight regions/);
    assert.match(page.text, /<a href="#grade">Choose a grade/);
    const res = await analyst.get('/api/ofsted-outcomes?grade=splendid');
    assert.equal(res.status, 400);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });

  it('no benchmark authority: no neighbours; benchmarked as Barnet (302), none recorded: Barnet’s published judgements, said so, beside its ten neighbours (8 good or better)', async () => {
    assert.match(
      (await member.get('/inspections/national')).text,
      /No statistical neighbours are loaded for this authority/,
    );
    await world.database.db.execute(
      sql`update authorities set benchmark_la_number = '302' where id = ${world.authorityId}`,
    );
    const page = await member.get('/inspections/national');
    assert.match(
      page.text,
      /Test Borough has no graded inspection recorded in Lantern, so Ofsted’s published judgements for Barnet \(302\), the authority it is compared as/,
    );
    assert.equal(h1(page.text), 'National picture: Ofsted judgements');
    assert.match(page.text, /<h2 class="govuk-heading-m">Test Borough and its statistical neighbours<\/h2>/);
    // Barnet 10/06/2024: children in care outstanding.
    assert.match(page.text, /Children in care\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Outstanding/);
    // Neighbours (sn_model_2025 line 3): Waltham Forest G, Reading RI, Harrow I, Redbridge O, Merton O, Croydon G,
    // Lewisham G, Hillingdon O, Haringey G, Ealing G → 10 − Reading − Harrow = 8 good or outstanding.
    assert.match(page.text, /8 of the 10 statistical neighbours \(2025 model\) are good or outstanding overall\./);
    assert.match(page.text, /<td class="govuk-table__cell">Waltham Forest \(320\)<\/td>/);
  });

  it('the authority’s own recorded inspection is shown when it has one', async () => {
    const [insp] = await rows<{ id: number }>(
      world.database.db,
      sql`insert into inspections (authority_id, kind, framework, start_date, published_on, created_by)
          values (${world.authorityId}, 'ilacs-standard', 'ilacs-2023', '2025-03-03', '2025-04-23', 'test') returning id`,
    );
    assert.ok(insp);
    await world.database.db.execute(sql`insert into inspection_judgements (inspection_id, judgement, grade) values
      (${insp.id}, 'overall', 'requires-improvement'), (${insp.id}, 'leaders', 'good'), (${insp.id}, 'help-and-protection', 'requires-improvement'),
      (${insp.id}, 'children-in-care', 'good'), (${insp.id}, 'care-leavers', 'inadequate')`);
    const page = await member.get('/inspections/national');
    assert.match(page.text, /Test Borough’s latest graded inspection, as recorded in Lantern/);
    assert.match(page.text, /Care leavers\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*Inadequate/);
  });

  it('the JT-39 history adds the April 2026 inspections (no overall grade) and the same inspection twice is shown once, from Ofsted’s table', async () => {
    await importReferenceFiles(world.database.db, [file('ofsted-ilacs/jt39_ofsted_csc_ilacs_history.csv.gz')], 'test');
    const { body } = await api('');
    // JT-39 covers the same 153 authorities (by URN): still 153 rows, one per authority.
    assert.equal(body.total, 153);
    // Brent (304), jt39 line 201: 27/04/2026, short, not_reported_post_reform → overall null, now its latest.
    const brent = body.outcomes.find((o) => o.laNumber === '304');
    assert.deepEqual([brent?.startDate, brent?.overall, brent?.source], ['2026-04-27', null, 'jt39-ilacs-history']);
    // Barnet 10/06/2024 is in both: the official row is kept, with the type JT-39 gives (line 195: short) since
    // Ofsted's current-judgements table gives none.
    const barnet = body.outcomes.find((o) => o.laNumber === '302');
    assert.deepEqual([barnet?.source, barnet?.kind], ['ofsted-la-outcomes-current', 'ilacs-short']);
    // 11 inspections from 27/04/2026 have no overall grade.
    assert.equal(body.counts.find((c) => c.judgement === 'overall')?.none, 11);
    const page = await member.get('/inspections/national?region=London');
    assert.match(page.text, /Not graded \(April 2026 framework\)/);
  });
});
