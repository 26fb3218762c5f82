/**
 * Inspections on the web and through the API, as an improvement lead and the other roles use them: record one with
 * the form (and see the error summary when it is wrong, with nothing saved), read the record with its deadlines and
 * citable recommendations, follow the timeline, correct and delete it, read in an Ofsted report from pasted text or
 * a file, and do the same through the API.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { improvementActionRecommendations, inspections } from '../../db/schema/index';
import { PASSWORD, apiTokenFor, startTestWorld, type TestWorld } from '../../../test/support/app';
import { h1, TestClient } from '../../../harness/client';
import { buildAction, buildObjective, buildTheme } from '../../../test/support/improvement';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const BARNET_2024 = readFileSync(
  path.join(repoRoot, 'test', 'fixtures', 'ofsted-reports', 'ofsted-barnet-2024.txt'),
  'utf8',
);

/** The form as a browser posts it: Haringey-shaped ILACS 2018, all requires improvement, received 5 December 2018. */
function haringeyForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'ilacs-standard',
    framework: '',
    'startDate-day': '22',
    'startDate-month': '10',
    'startDate-year': '2018',
    'endDate-day': '9',
    'endDate-month': '11',
    'endDate-year': '2018',
    'reportReceivedOn-day': '5',
    'reportReceivedOn-month': '12',
    'reportReceivedOn-year': '2018',
    leadInspector: 'A. Inspector',
    'judgement-leaders': 'requires-improvement',
    'judgement-help-and-protection': 'requires-improvement',
    'judgement-children-in-care-and-care-leavers': 'requires-improvement',
    'judgement-overall': 'requires-improvement',
    recommendations:
      '1. Assessment of children’s needs when circumstances change.\n2. Placement sufficiency for vulnerable adolescents.',
    paragraphs:
      '## The experiences and progress of children who need help and protection: requires improvement to be good\n1. First paragraph.\n2. Second paragraph.',
    ...overrides,
  };
}

function multipart(
  fields: Record<string, string>,
  file?: { name: string; bytes: Uint8Array | string; type?: string },
): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  if (file) data.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  return data;
}

async function inspectionCount(world: TestWorld): Promise<number> {
  return (await world.database.db.select().from(inspections).where(eq(inspections.authorityId, world.authorityId)))
    .length;
}

describe('inspections on the web and through the API', () => {
  let world: TestWorld;
  let analyst: TestClient;
  let director: TestClient;
  let member: TestClient;
  let savedId = 0;

  before(async () => {
    world = await startTestWorld();
    analyst = new TestClient(world.baseUrl);
    await analyst.signIn('analyst', PASSWORD);
    director = new TestClient(world.baseUrl);
    await director.signIn('director', PASSWORD);
    member = new TestClient(world.baseUrl);
    await member.signIn('member', PASSWORD);
  });
  after(async () => {
    await world?.close();
  });

  it('the timeline is open to every role; only managers see the buttons to record and read in', async () => {
    const page = await member.get('/inspections');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Inspections');
    assert.match(page.text, /No graded inspection is recorded yet/);
    assert.doesNotMatch(page.text, /Record an inspection or visit/);
    assert.match(page.text, /href="\/inspections\/national"/);
    const managed = await analyst.get('/inspections');
    assert.match(managed.text, /href="\/inspections\/new"/);
    assert.match(managed.text, /href="\/inspections\/read"/);
  });

  it('a member may not open the form, post it, read in a report or use the write API (403)', async () => {
    assert.equal((await member.get('/inspections/new')).status, 403);
    assert.equal((await member.get('/inspections/read')).status, 403);
    await member.get('/inspections');
    assert.equal((await member.post('/inspections/new', haringeyForm())).status, 403);
    assert.equal(await inspectionCount(world), 0);
  });

  it('a form with mistakes answers 400 with an error summary linking to each field, keeps what was typed, and saves nothing', async () => {
    await analyst.get('/inspections/new');
    const reply = await analyst.post(
      '/inspections/new',
      haringeyForm({
        kind: '',
        'endDate-day': '31',
        'endDate-month': '2',
        'judgement-overall': '',
        recommendations: '',
      }),
    );
    assert.equal(reply.status, 400);
    assert.match(reply.text, /<title>Error: Record an inspection or visit/);
    assert.match(reply.text, /govuk-error-summary/);
    assert.match(reply.text, /<a href="#kind">Choose the kind of inspection or visit<\/a>/);
    assert.match(reply.text, /<a href="#endDate-day">The end date must be a real date<\/a>/);
    // The kind is missing, so the framework (and so the judgements required) cannot be known: no grade message yet.
    assert.match(reply.text, /value="A. Inspector"/, 'what was typed is kept');
    assert.equal(await inspectionCount(world), 0);

    const missingGrade = await analyst.post('/inspections/new', haringeyForm({ 'judgement-overall': '' }));
    assert.equal(missingGrade.status, 400);
    assert.match(missingGrade.text, /<a href="#judgement-overall">Choose the grade for overall effectiveness<\/a>/);
    assert.equal(await inspectionCount(world), 0);
  });

  it('“Show the judgements” re-draws the grades for the framework chosen without saving', async () => {
    const form = await analyst.get('/inspections/new');
    assert.match(form.text, /formaction="\/inspections\/form"/);
    assert.doesNotMatch(form.text, /_csrf=/);
    const reply = await analyst.post('/inspections/form', {
      kind: 'ilacs-short',
      'startDate-day': '10',
      'startDate-month': '6',
      'startDate-year': '2024',
    });
    assert.equal(reply.status, 200);
    assert.match(reply.text, /id="judgement-care-leavers"/, '2023 framework: care leavers judged separately');
    assert.doesNotMatch(reply.text, /id="judgement-children-in-care-and-care-leavers"/);
    const y2026 = await analyst.post('/inspections/form', {
      kind: 'ilacs-short',
      'startDate-day': '4',
      'startDate-month': '5',
      'startDate-year': '2026',
    });
    assert.doesNotMatch(y2026.text, /id="judgement-overall"/, 'April 2026 framework: no overall effectiveness');
    const visit = await analyst.post('/inspections/form', {
      kind: 'jtai',
      'startDate-day': '4',
      'startDate-month': '5',
      'startDate-year': '2026',
    });
    assert.match(visit.text, /A joint targeted area inspection \(JTAI\) is not graded\./);
    assert.doesNotMatch(visit.text, /id="judgement-/);
    // Grades given for a kind that is not graded stay on show with their error, so they can be cleared.
    await analyst.get('/inspections/new');
    const graded = await analyst.post('/inspections/new', {
      kind: 'jtai',
      'startDate-day': '4',
      'startDate-month': '5',
      'startDate-year': '2026',
      'judgement-leaders': 'good',
    });
    assert.equal(graded.status, 400);
    assert.match(
      graded.text,
      /<a href="#judgement-leaders">A joint targeted area inspection \(JTAI\) is not graded: leave its grades blank<\/a>/,
    );
    assert.match(graded.text, /<select class="govuk-select govuk-select--error" id="judgement-leaders"/);
    assert.equal(await inspectionCount(world), 0);
  });

  it('saves a good form and shows the record: judgements, deadlines counted from receipt, numbered citable recommendations, paragraphs', async () => {
    await analyst.get('/inspections/new');
    const reply = await analyst.post('/inspections/new', haringeyForm());
    assert.equal(reply.status, 303, reply.text.slice(0, 500));
    const id = /^\/inspections\/(\d+)\?saved=1$/.exec(reply.location ?? '')?.[1];
    assert.ok(id, reply.location ?? '');
    savedId = Number(id);
    const page = await analyst.get(reply.location ?? '');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'ILACS standard inspection, 22 October to 9 November 2018');
    assert.match(page.text, /The inspection record was saved/);
    assert.match(page.text, /Requires improvement to be good/);
    // Received Wednesday 5 December 2018: publish by Monday 21 January 2019 (30 working days), plan by Monday 18 March 2019 (70).
    assert.match(page.text, /21 January 2019/);
    assert.match(page.text, /18 March 2019/);
    assert.match(page.text, /the 70th working day after the day of receipt/);
    const recs = [...page.text.matchAll(/<li id="recommendation-(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(recs.length, 2);
    // The analyst may not build the plan: the tag is shown, without the link to add an action.
    assert.match(page.text, /Not answered by any action/);
    assert.doesNotMatch(page.text, /\/improvement\/actions\/new\?recommendation=/);
    const asDirector = await director.get(`/inspections/${id}`);
    assert.match(asDirector.text, new RegExp(`href="/improvement/actions/new\\?recommendation=${recs[0]}"`));
    assert.match(page.text, /id="paragraph-2"/);
    assert.match(page.text, /The report’s numbered paragraphs \(2\)/);
    // Members read it too, without the buttons to change it.
    const asMember = await member.get(`/inspections/${id}`);
    assert.equal(asMember.status, 200);
    assert.doesNotMatch(asMember.text, /Change this record/);
  });

  it('the timeline shows it with its grades and counts, and highlights the overdue action plan', async () => {
    const page = await member.get('/inspections');
    assert.match(page.text, /ILACS standard inspection/);
    assert.match(page.text, /Action plan \(statement of action\)/);
    assert.match(page.text, /Overdue by/);
    assert.match(page.text, /A statutory deadline has passed/);
    // Requires improvement (ended 9 November 2018) → standard inspection around 9 November 2021.
    assert.match(page.text, /A standard inspection around 9 November 2021/);
  });

  it('a missing record, another authority’s record, or a non-number answers 404', async () => {
    assert.equal((await analyst.get('/inspections/999999')).status, 404);
    assert.equal((await analyst.get('/inspections/abc')).status, 404);
    const [other] = await world.database.db
      .insert(inspections)
      .values({ authorityId: world.otherAuthorityId, kind: 'jtai', startDate: '2020-01-06', createdBy: 'x' })
      .returning();
    assert.equal((await analyst.get(`/inspections/${other?.id}`)).status, 404);
    assert.equal((await analyst.get(`/inspections/${other?.id}/edit`)).status, 404);
  });

  it('corrects a record; removing a recommendation an action answers is refused with the action named', async () => {
    const edit = await analyst.get(`/inspections/${savedId}/edit`);
    assert.equal(edit.status, 200);
    assert.match(edit.text, /1\. Assessment of children’s needs when circumstances change\./);
    const changed = await analyst.post(
      `/inspections/${savedId}/edit`,
      haringeyForm({ 'actionPlanSentOn-day': '18', 'actionPlanSentOn-month': '3', 'actionPlanSentOn-year': '2019' }),
    );
    assert.equal(changed.status, 303);
    const page = await analyst.get(`/inspections/${savedId}`);
    assert.match(page.text, /On time/, 'sent on the 70th working day');

    const recId = Number(/<li id="recommendation-(\d+)"/.exec(page.text)?.[1]);
    const db = world.database.db;
    const theme = await buildTheme(db, { authorityId: world.authorityId, number: 1 });
    const objective = await buildObjective(db, { themeId: Number(theme.id), code: 'a' });
    const action = await buildAction(db, {
      authorityId: world.authorityId,
      objectiveId: Number(objective.id),
      number: 2,
    });
    await db.insert(improvementActionRecommendations).values({ actionId: Number(action.id), recommendationId: recId });

    await analyst.get(`/inspections/${savedId}/edit`);
    const refused = await analyst.post(
      `/inspections/${savedId}/edit`,
      haringeyForm({ recommendations: 'Placement sufficiency for vulnerable adolescents.' }),
    );
    assert.equal(refused.status, 400);
    assert.match(
      refused.text,
      /<a href="#recommendations">Recommendation 1 \(“Assessment of children’s needs when circumstances change\.”\) is answered by improvement action 1a\.2, so it cannot be removed/,
    );
    const still = await analyst.get(`/inspections/${savedId}`);
    assert.match(still.text, /Answered by/);
    assert.match(still.text, /action 1a\.2/);

    // Deleting the inspection is refused too, until the link goes.
    await analyst.get(`/inspections/${savedId}/delete`);
    const conflict = await analyst.post(`/inspections/${savedId}/delete`, { confirm: 'yes' });
    assert.equal(conflict.status, 409);
    assert.match(conflict.text, /cannot be deleted: improvement plan action 1a\.2 answers its recommendation 1/);
    await db
      .delete(improvementActionRecommendations)
      .where(eq(improvementActionRecommendations.recommendationId, recId));
    const deleted = await analyst.post(`/inspections/${savedId}/delete`, { confirm: 'yes' });
    assert.equal(deleted.status, 303);
    assert.equal(deleted.location, '/inspections?deleted=1');
    assert.equal((await analyst.get(`/inspections/${savedId}`)).status, 404);
  });

  it('reads in pasted report text and shows the same form, filled in for checking; saving it records the source', async () => {
    const page = await analyst.get('/inspections/read');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Read in an Ofsted report');
    assert.match(page.text, /enctype="multipart\/form-data"/);
    const read = await analyst.postMultipart('/inspections/read', multipart({ text: BARNET_2024 }));
    assert.equal(read.status, 200);
    assert.equal(h1(read.text), 'Check the inspection read from the report');
    assert.match(read.text, /<option value="ilacs-short" selected>/);
    assert.match(read.text, /value="Naintara Khosla"/);
    assert.match(read.text, /name="judgement-children-in-care"[\s\S]*?<option value="outstanding" selected>/);
    assert.match(read.text, /1\. Return home interviews informing safety plans for children who go missing\./);
    assert.match(read.text, /name="source" value="report: pasted text"/);

    // The user checks it, adds the date received, and saves: the same form posted as the browser would.
    const form: Record<string, string> = {};
    for (const m of read.text.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      form[m[1] as string] = decode(m[2] as string);
    for (const m of read.text.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g)) {
      form[m[1] as string] = decode(/<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '');
    }
    for (const m of read.text.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g))
      form[m[1] as string] = decode((m[2] as string).replace(/^\n/, ''));
    Object.assign(form, {
      'reportReceivedOn-day': '17',
      'reportReceivedOn-month': '7',
      'reportReceivedOn-year': '2024',
    });
    delete form._csrf;
    // A mistake while checking: the same page again, still saying what was read, nothing saved.
    const before = await inspectionCount(world);
    const wrong = await analyst.postMultipart(
      '/inspections/new',
      multipart({ ...form, 'reportReceivedOn-month': '13' }),
    );
    assert.equal(wrong.status, 400);
    assert.equal(h1(wrong.text), 'Check the inspection read from the report');
    assert.match(wrong.text, /Lantern read <strong>pasted text<\/strong>/);
    assert.match(wrong.text, /<a href="#reportReceivedOn-day">The date the report was received must be a real date/);
    assert.equal(await inspectionCount(world), before);
    const saved = await analyst.postMultipart('/inspections/new', multipart(form));
    assert.equal(saved.status, 303, saved.text.slice(0, 2000));
    const record = await analyst.get(saved.location ?? '');
    assert.match(record.text, /report: pasted text/);
    assert.match(record.text, /Outstanding/);
    assert.equal([...record.text.matchAll(/<li id="recommendation-\d+"/g)].length, 4);
  });

  it('the reader’s warnings show at the top of the form, and stay there when saving finds a mistake', async () => {
    await analyst.get('/inspections/read');
    const text =
      'Inspection of Testshire local authority children’s services\n\nInspection dates: 1 to 5 July 2024\n\nChildren in Testshire receive services that are improving in many ways and leaders know their strengths and weaknesses well across the whole of the service for children and families.\n';
    const read = await analyst.postMultipart('/inspections/read', multipart({ text }));
    assert.equal(read.status, 200);
    assert.match(read.text, /The reader was unsure of some things/);
    assert.match(read.text, /<li>No lead inspector found<\/li>/);
    // Posted back as it is: no grades, so the error summary asks for them, and the warnings are still shown.
    const form: Record<string, string> = {};
    for (const m of read.text.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      form[m[1] as string] = decode(m[2] as string);
    for (const m of read.text.matchAll(/<select[^>]*name="([^"]+)"[\s\S]*?<\/select>/g))
      form[m[1] as string] = decode(/<option value="([^"]*)" selected>/.exec(m[0])?.[1] ?? '');
    delete form._csrf;
    const again = await analyst.postMultipart('/inspections/new', multipart(form));
    assert.equal(again.status, 400);
    assert.match(again.text, /<a href="#judgement-overall">Choose the grade for overall effectiveness<\/a>/);
    assert.match(again.text, /<li>No lead inspector found<\/li>/);
  });

  it('a file the reader refuses, or nothing at all, gives an error summary naming the file', async () => {
    await analyst.get('/inspections/read');
    const empty = await analyst.postMultipart(
      '/inspections/read',
      multipart({ text: '' }, { name: 'report.pdf', bytes: '' }),
    );
    assert.equal(empty.status, 400);
    assert.match(empty.text, /<a href="#file">report\.pdf: the file is empty/);
    const binary = await analyst.postMultipart(
      '/inspections/read',
      multipart(
        { text: '' },
        { name: 'photo.jpg', bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 1, 2, 3, 0x80, 0x81]) },
      ),
    );
    assert.equal(binary.status, 400);
    assert.match(binary.text, /<a href="#file">photo\.jpg: the file is neither a PDF nor UTF-8 text/);
    const nothing = await analyst.postMultipart('/inspections/read', multipart({ text: '  ' }));
    assert.equal(nothing.status, 400);
    assert.match(nothing.text, /Choose the PDF or text file of the Ofsted report or letter, or paste its text/);
    const textFile = await analyst.postMultipart(
      '/inspections/read',
      multipart({ text: '' }, { name: 'barnet.txt', bytes: BARNET_2024, type: 'text/plain' }),
    );
    assert.equal(textFile.status, 200);
    assert.match(textFile.text, /name="source" value="report: barnet.txt"/);
  });

  it('a report file larger than 50 MB is refused on the file, and the pasted text is kept', async () => {
    const big = await analyst.postMultipart(
      '/inspections/read',
      multipart({ text: 'Kept text' }, { name: 'big.pdf', bytes: new Uint8Array(50 * 1024 * 1024 + 1) }),
    );
    assert.equal(big.status, 400);
    assert.match(big.text, /<a href="#file">big\.pdf is larger than 50 MB: an Ofsted report is far smaller<\/a>/);
    assert.match(big.text, />Kept text<\/textarea>/);
  });

  describe('the API', () => {
    let token = '';
    before(async () => {
      token = await apiTokenFor(world, 'analyst', 'api-test');
    });

    it('POST /api/inspections: problem+json 400 with each field’s error, then 201 with the record and its deadlines', async () => {
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const bad = await fetch(`${world.baseUrl}/api/inspections`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ kind: 'focused-visit', startDate: '2021-02-30', judgements: { overall: 'good' } }),
      });
      assert.equal(bad.status, 400);
      assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
      const problem = (await bad.json()) as { errors: Array<{ field: string; message: string }> };
      assert.deepEqual(problem.errors, [
        { field: 'startDate', message: 'The start date must be a real date, for example 2024-06-10' },
        { field: 'judgements.overall', message: 'A focused visit is not graded: leave its grades blank' },
      ]);
      const good = await fetch(`${world.baseUrl}/api/inspections`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          kind: 'focused-visit',
          startDate: '2018-11-27',
          endDate: '2018-11-28',
          theme: 'Front door',
          reportReceivedOn: '2018-12-14',
          priorityActions: ['Timeliness of strategy discussions'],
        }),
      });
      assert.equal(good.status, 201);
      const record = (await good.json()) as {
        id: number;
        framework: string;
        deadlines: Array<{ key: string; due: string }>;
        recommendations: Array<{ id: number; anchor: string; kind: string }>;
      };
      assert.equal(record.framework, 'ilacs-2018');
      // Received Friday 14 December 2018: draft by Wednesday 16 January 2019 (20 working days), plan by Wednesday 27 March 2019 (70):
      // 70: Dec 17–21 (5) · 24 (6) · 27, 28 (8) · 31 (9) · Jan 2–4 (12) · 7–11 (17) · 14–18 (22) · 21–25 (27) · 28–1 Feb (32)
      //     Feb 4–8 (37) · 11–15 (42) · 18–22 (47) · 25–1 Mar (52) · Mar 4–8 (57) · 11–15 (62) · 18–22 (67) · 25, 26, Wednesday 27 (70).
      assert.deepEqual(
        record.deadlines.map((d) => [d.key, d.due]),
        [
          ['draft-action-plan', '2019-01-16'],
          ['action-plan', '2019-03-27'],
        ],
      );
      assert.equal(record.recommendations[0]?.kind, 'priority-action');
      assert.equal(
        record.recommendations[0]?.anchor,
        `/inspections/${record.id}#recommendation-${record.recommendations[0]?.id}`,
      );

      const list = await fetch(`${world.baseUrl}/api/inspections`, { headers: { authorization: `Bearer ${token}` } });
      const timeline = (await list.json()) as { inspections: Array<{ id: number }>; next: { route: string } };
      assert.ok(timeline.inspections.some((i) => i.id === record.id));
      const one = await fetch(`${world.baseUrl}/api/inspections/${record.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(one.status, 200);
      assert.equal(
        (await fetch(`${world.baseUrl}/api/inspections/999999`, { headers: { authorization: `Bearer ${token}` } }))
          .status,
        404,
      );
    });

    it('POST /api/inspections/read-report: the text in, the proposal out; an empty body is a 400', async () => {
      const res = await fetch(`${world.baseUrl}/api/inspections/read-report?filename=barnet.txt`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: BARNET_2024,
      });
      assert.equal(res.status, 200);
      const proposal = (await res.json()) as { kind: string; startDate: string; recommendations: unknown[] };
      assert.equal(proposal.kind, 'ilacs-short');
      assert.equal(proposal.startDate, '2024-06-10');
      assert.equal(proposal.recommendations.length, 4);
      const empty = await fetch(`${world.baseUrl}/api/inspections/read-report`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/plain' },
        body: '',
      });
      assert.equal(empty.status, 400);
    });

    it('is in the OpenAPI document', () => {
      const doc = world.openapi as { paths: Record<string, Record<string, unknown>> };
      assert.ok(doc.paths['/api/inspections']?.get);
      assert.ok(doc.paths['/api/inspections']?.post);
      assert.ok(doc.paths['/api/inspections/{inspectionId}']?.get);
      assert.ok(doc.paths['/api/inspections/read-report']?.post);
    });
  });
});

function decode(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
