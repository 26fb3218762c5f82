/**
 * The self-evaluation pages and API as their users meet them: an analyst reads the year's page and the API but is
 * refused the form (403); a head of service saves an area's text (303 back, a success banner, "last edited by" and
 * the earlier version listed on the form), gets a GOV.UK error summary (400, nothing saved) for an empty form or a
 * section over 8,000 characters, starts the year from last year's text; an unknown area or a year out of range is
 * 404; the API is in the OpenAPI document.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { h1, TestClient } from '../../../../harness/client';
import { clean, tableRow } from '../../../../test/support/html';
import { rows } from '../../../db/query';
import { paths } from '../../../web/paths';

const FORM = paths.selfEvaluation.area({ year: 2031, area: 'front-door' });

describe('self-evaluation pages and API', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  const as = (role: string) => {
    const c = clients[role];
    if (!c) throw new Error(role);
    return c;
  };
  const entries = async () =>
    Number(
      (
        await rows<{ n: number | string }>(
          world.database.db,
          sql`select count(*) as n from self_evaluation_entries where authority_id = ${world.authorityId}`,
        )
      )[0]?.n ?? 0,
    );

  before(async () => {
    world = await startTestWorld();
    for (const role of ['head-of-service', 'analyst', 'member']) {
      clients[role] = new TestClient(world.baseUrl);
      await clients[role].signIn(role, PASSWORD);
    }
  });
  after(async () => {
    await world?.close();
  });

  it('a head of service saves an area: 303 to the year with a banner; the table shows who edited it; the form lists the version', async () => {
    const form = await as('head-of-service').get(FORM);
    assert.equal(form.status, 200);
    assert.equal(h1(form.text), 'Front door');
    assert.match(form.text, /No version has been saved for 2031 to 2032 yet/);
    const saved = await as('head-of-service').post(FORM, {
      summary: 'Decisions are timely.',
      strengths: '- Feedback to referrers.',
      areasForImprovement: '',
      focus: 'Re-referrals.',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/self-evaluation?year=2031&saved=front-door');
    const page = await as('head-of-service').get(saved.location ?? '');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Self-evaluation 2031 to 2032');
    assert.match(page.text, /The front door self-evaluation has been saved/);
    const row = tableRow(page.text, 'Service areas, 2031 to 2032', 'Front door');
    assert.equal(row[1], 'Test head-of-service');
    assert.equal(row[3], 'Edit front door');
    assert.equal(tableRow(page.text, 'Service areas, 2031 to 2032', 'Early help')[1], 'Not yet written');
    const again = await as('head-of-service').get(FORM);
    assert.match(again.text, /Decisions are timely\./);
    assert.equal(tableRow(again.text, 'Every saved version', 'Test head-of-service').length, 2);
  });

  it('an empty form, or a section over 8,000 characters: 400 with the error summary, nothing saved, what was typed kept', async () => {
    const before = await entries();
    await as('head-of-service').get(FORM);
    const empty = await as('head-of-service').post(FORM, {
      summary: '  ',
      strengths: '',
      areasForImprovement: '',
      focus: '',
    });
    assert.equal(empty.status, 400);
    assert.match(empty.text, /There is a problem/);
    assert.match(empty.text, /href="#summary">Write at least one of the summary/);
    const long = await as('head-of-service').post(FORM, {
      summary: 'Kept text.',
      strengths: '',
      areasForImprovement: 'x'.repeat(8001),
      focus: '',
    });
    assert.equal(long.status, 400);
    assert.match(long.text, /href="#areasForImprovement">Areas for improvement must be 8,000 characters or fewer/);
    assert.match(long.text, /Kept text\./);
    assert.equal(await entries(), before);
  });

  it('an analyst reads the year and the API but may not open or post the form (403); a member reads the year too', async () => {
    const page = await as('analyst').get('/self-evaluation?year=2031');
    assert.equal(page.status, 200);
    assert.doesNotMatch(page.text, />Edit</, 'no edit links without self-evaluation:write');
    assert.doesNotMatch(page.text, /Start from last year/);
    assert.match(page.text, /Generate the self-evaluation report for 2031 to 2032/);
    assert.equal((await as('analyst').get(FORM)).status, 403);
    assert.equal((await as('analyst').post(FORM, { summary: 'Not mine.' })).status, 403);
    assert.equal((await as('member').get('/self-evaluation?year=2031')).status, 200);
    const api = await as('analyst').get('/api/self-evaluation/2031');
    assert.equal(api.status, 200);
    const json = JSON.parse(api.text) as {
      year: number;
      label: string;
      areas: Array<{ key: string; written: boolean; summary: string; authorName: string | null }>;
    };
    assert.equal(json.label, '2031 to 2032');
    assert.equal(json.areas.length, 8);
    assert.deepEqual(
      json.areas.find((a) => a.key === 'front-door'),
      {
        ...json.areas.find((a) => a.key === 'front-door'),
        written: true,
        summary: 'Decisions are timely.',
        authorName: 'Test head-of-service',
      },
    );
    assert.equal(json.areas.find((a) => a.key === 'early-help')?.written, false);
  });

  it('unknown area, or a year out of range: 404 (page, post and API)', async () => {
    assert.equal((await as('head-of-service').get('/self-evaluation/2031/mash')).status, 404);
    assert.equal((await as('head-of-service').get('/self-evaluation/1999/front-door')).status, 404);
    assert.equal((await as('head-of-service').get('/self-evaluation/2101/front-door')).status, 404);
    assert.equal((await as('head-of-service').get('/self-evaluation/twenty/front-door')).status, 404);
    await as('head-of-service').get(FORM);
    assert.equal((await as('head-of-service').post('/self-evaluation/2031/mash', { summary: 'x' })).status, 404);
    assert.equal((await as('analyst').get('/api/self-evaluation/1999')).status, 404);
  });

  it('start from last year’s text: offered when last year has text for an empty area; copies it; then no longer offered', async () => {
    const page = await as('head-of-service').get('/self-evaluation?year=2032');
    assert.match(page.text, /Start from last year’s text/);
    const copied = await as('head-of-service').post('/self-evaluation', { year: '2032' });
    assert.equal(copied.status, 303);
    assert.equal(copied.location, '/self-evaluation?year=2032&done=copied');
    const after = await as('head-of-service').get(copied.location ?? '');
    assert.match(after.text, /Last year’s text has been copied/);
    assert.doesNotMatch(after.text, /<button[^>]*>\s*Start from last year/);
    assert.equal(tableRow(after.text, 'Service areas, 2032 to 2033', 'Front door')[1], 'Test head-of-service');
    const form = await as('head-of-service').get(paths.selfEvaluation.area({ year: 2032, area: 'front-door' }));
    assert.match(form.text, /Decisions are timely\./);
    assert.equal((await as('analyst').post('/self-evaluation', { year: '2033' })).status, 403);
  });

  it('the year picker is a GET form with a select; a bad year shows the current one; the API is in the OpenAPI document', async () => {
    const page = await as('analyst').get('/self-evaluation?year=banana');
    assert.equal(page.status, 200);
    assert.match(page.text, /<form method="get" action="\/self-evaluation"/);
    assert.match(page.text, /<select class="govuk-select" id="year" name="year">/);
    assert.match(clean(page.text), /Self-evaluation \d{4} to \d{4}/);
    const doc = world.openapi as { paths: Record<string, Record<string, { tags?: string[] }>> };
    assert.deepEqual(doc.paths['/api/self-evaluation/{year}']?.get?.tags, ['Reports']);
  });
});
