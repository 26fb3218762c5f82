/**
 * The audit framework pages as their users meet them. The test world's authority has the default "Practice
 * standards audit" installed (version 1 published 1 April 2024 and retired, version 2 published 1 April 2025) and one
 * audit of child TA1 graded against version 1. The tests run in order: they make version 3, edit it, publish it, then
 * create a second framework from nothing.
 *
 * Who: read — audit:manage, audit:conduct or audit:read (admin, director, head of service, team manager, social
 * worker, QA auditor); change — audit:manage (admin, head of service, QA auditor). Analysts and members get 403.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { accessLog, children } from '../../../db/schema/index';
import { todayInLondon } from '../../../domain/today';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { buildCaseAudit } from '../../../../test/support/builders';
import { h1, TestClient, type Reply } from '../../../../harness/client';
import { PRACTICE_STANDARDS } from './default-framework';
import { listFrameworks } from './service';
import { installFramework, loadFrameworkVersion, type FrameworkVersionDetail } from './version';
import { clean, tableRow as rowIn } from '../../../../test/support/html';

/** The cells (header first) of the row headed `row` in the table captioned `caption` (caption matched whole). */
const tableRow = (html: string, caption: string, row: string): string[] =>
  rowIn(html, caption, row, { caption: 'exact' });

/** The error summary's messages, in order. */
function errorSummary(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<li>([\s\S]*?)<\/li>/g)].map((m) => clean(m[1] ?? ''));
}

/** Fails when an id is used twice (axe's duplicate-id rule) or a form field has no label. */
function assertWellFormed(html: string): void {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(
    ids.filter((id, i) => ids.indexOf(id) !== i),
    [],
    'duplicate ids',
  );
  for (const m of html.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/g)) {
    if (m[0].includes('type="hidden"')) continue;
    assert.match(html, new RegExp(`<label[^>]*for="${m[1]}"`), `label for ${m[1]}`);
  }
}

/** Posts a form that repeats a field (checkboxes), with the client's session and CSRF token. */
async function postPairs(
  client: TestClient,
  baseUrl: string,
  path: string,
  pairs: Array<[string, string]>,
): Promise<Reply> {
  const cookie = (client as unknown as { cookieHeader(): string }).cookieHeader();
  const body = new URLSearchParams([['_csrf', client.csrfToken ?? ''], ...pairs]).toString();
  const res = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body,
    redirect: 'manual',
  });
  return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
}

const DESCRIPTORS = {
  'descriptor-outstanding': 'Exceptional practice that changes the child’s life.',
  'descriptor-good': 'Practice that improves the child’s circumstances.',
  'descriptor-requires-improvement': 'Practice that is not yet good.',
  'descriptor-inadequate': 'Practice that leaves the child at risk.',
};

describe('audit framework pages', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  let frameworkId = 0;
  let versionIds: number[] = [];
  const base = () => `/quality/frameworks/${frameworkId}`;

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    versionIds = await installFramework(db, world.authorityId, PRACTICE_STANDARDS, [
      { publishedOn: '2024-04-01', publishedBy: 'Quinn Auditor' },
      { publishedOn: '2025-04-01', publishedBy: 'Quinn Auditor' },
    ]);
    frameworkId = (await loadFrameworkVersion(db, world.authorityId, versionIds[0] ?? 0))?.frameworkId ?? 0;
    const [child] = await db.select().from(children).where(eq(children.laChildId, 'TA1'));
    if (!child) throw new Error('no child');
    await buildCaseAudit(
      db,
      { id: Number(child.id), authorityId: world.authorityId },
      { frameworkVersionId: versionIds[0] ?? 0 },
    );
    for (const role of ['qa-auditor', 'team-manager', 'member', 'analyst', 'director', 'social-worker', 'admin']) {
      clients[role] = new TestClient(world.baseUrl);
      await clients[role].signIn(role, PASSWORD);
    }
  });
  after(async () => {
    await world?.close();
  });

  const as = (role: string) => {
    const c = clients[role];
    if (!c) throw new Error(role);
    return c;
  };
  const version = async (n: number): Promise<FrameworkVersionDetail | null> => {
    const f = (await listFrameworks(world.database.db, world.authorityId)).find((x) => x.id === frameworkId);
    const id = f?.versions.find((v) => v.version === n)?.id;
    return id === undefined ? null : loadFrameworkVersion(world.database.db, world.authorityId, id);
  };

  it('lists each version with its status, publication and how many audits used it', async () => {
    const page = await as('qa-auditor').get('/quality/frameworks');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Audit frameworks');
    assertWellFormed(page.text);
    const caption = 'Versions of Practice standards audit';
    assert.deepEqual(tableRow(page.text, caption, 'Version 2 of Practice standards audit'), [
      'Version 2 of Practice standards audit',
      'Published',
      '1 April 2025',
      'Quinn Auditor',
      '0',
    ]);
    assert.deepEqual(tableRow(page.text, caption, 'Version 1 of Practice standards audit'), [
      'Version 1 of Practice standards audit',
      'Retired',
      '1 April 2024',
      'Quinn Auditor',
      '1',
    ]);
    assert.match(page.text, /Create a framework/);
    const tm = await as('team-manager').get('/quality/frameworks');
    assert.equal(tm.status, 200, 'a team manager reads frameworks');
    assert.doesNotMatch(tm.text, /Create a framework/);
  });

  it('sends /quality/frameworks/:id to the latest version', async () => {
    const reply = await as('social-worker').get(base());
    assert.equal(reply.status, 302);
    assert.equal(reply.location, `${base()}/versions/2`);
    assert.equal((await as('social-worker').get('/quality/frameworks/999999')).status, 404);
  });

  it('shows a retired version whole, with its own questions, fixed and still used by its audit', async () => {
    const page = await as('team-manager').get(`${base()}/versions/1`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Version 1 Retired');
    assertWellFormed(page.text);
    assert.match(clean(page.text), /It stays readable for the 1 audit graded against it/);
    assert.match(page.text, /First version\./);
    // Domains in order, numbered.
    const headings = [...page.text.matchAll(/<h3 class="govuk-heading-m"[^>]*>([\s\S]*?)<\/h3>/g)].map((m) =>
      clean(m[1] ?? ''),
    );
    assert.deepEqual(headings, [
      '1. Quality of assessment',
      '2. Quality of planning',
      '3. Voice of the child',
      '4. Engagement with parents and carers',
      '5. Management oversight and supervision',
      '6. Diversity and identity',
      '7. Multi-agency working',
      '8. Impact on the child',
    ]);
    // Version 1's oversight questions, not version 2's supervision-frequency question.
    assert.match(page.text, /Does supervision reflect on the child/);
    assert.doesNotMatch(page.text, /How often is the worker supervised/);
    assert.doesNotMatch(page.text, /lived experience/);
    const row = tableRow(page.text, 'Grade descriptors for Voice of the child', 'Outstanding');
    assert.match(row[1] ?? '', /^The child’s voice runs through the record/);
    assert.equal(
      tableRow(page.text, 'Grade descriptors for Voice of the child', 'Requires improvement to be good').length,
      2,
    );
    assert.doesNotMatch(page.text, /Create the next draft version/, 'a team manager sees no change buttons');
    const v2 = await as('team-manager').get(`${base()}/versions/2`);
    assert.match(
      clean(v2.text),
      /This version is published and fixed: it cannot be changed\. 0 audits were graded against it\./,
    );
    assert.match(v2.text, /How often is the worker supervised/);
  });

  it('lets only audit managers change frameworks; analysts and members may not read them', async () => {
    assert.equal((await as('team-manager').get('/quality/frameworks/new')).status, 403);
    await as('team-manager').get(`${base()}/versions/2`);
    assert.equal((await as('team-manager').post(`${base()}/versions`)).status, 403);
    assert.equal((await as('team-manager').post(`${base()}/versions/2/publish`)).status, 403);
    assert.equal((await as('team-manager').post('/quality/domains', { title: 'Sneaky' })).status, 403);
    for (const role of ['member', 'analyst']) {
      assert.equal((await as(role).get('/quality/frameworks')).status, 403, role);
      assert.equal((await as(role).get(`${base()}/versions/1`)).status, 403, role);
      assert.equal((await as(role).get('/quality/domains')).status, 403, role);
    }
    assert.equal((await as('director').get(`${base()}/versions/1`)).status, 200);
    assert.equal((await as('admin').get('/quality/frameworks/new')).status, 200);
    const anon = await new TestClient(world.baseUrl).get('/quality/frameworks');
    assert.equal(anon.status, 303);
    assert.equal(anon.location, '/sign-in');
    assert.equal(await version(3), null, 'no draft was made');
  });

  it('refuses any change to a published or retired version with 409, and nothing changes', async () => {
    const qa = as('qa-auditor');
    const before2 = await version(2);
    const before1 = await version(1);
    const voice = before2?.domains.find((d) => d.key === 'voice-of-the-child')?.domainId ?? 0;
    await qa.get(`${base()}/versions/2`);
    const notes = await qa.post(`${base()}/versions/2/edit`, { notes: 'Changed', domains: String(voice) });
    assert.equal(notes.status, 409);
    assert.match(
      notes.text,
      /Version 2 is published and fixed: it cannot be changed\. Create a new draft version to make changes\./,
    );
    assert.match(notes.text, /Nothing has been saved/);
    assertWellFormed(notes.text);
    assert.equal(
      (await qa.post(`${base()}/versions/2/domains/${voice}`, { guidance: 'x', questions: 'One', ...DESCRIPTORS }))
        .status,
      409,
    );
    const retired = await qa.post(`${base()}/versions/1/publish`);
    assert.equal(retired.status, 409);
    assert.match(retired.text, /Version 1 is retired and fixed/);
    assert.equal((await qa.get(`${base()}/versions/2/edit`)).status, 409, 'the edit form is not offered either');
    assert.deepEqual(await version(2), before2);
    assert.deepEqual(await version(1), before1);
  });

  it('makes the next draft as a copy of the latest version, and refuses a second draft with a link to the first', async () => {
    const qa = as('qa-auditor');
    await qa.get(`${base()}/versions/2`);
    const made = await qa.post(`${base()}/versions`);
    assert.equal(made.status, 303);
    assert.equal(made.location, `${base()}/versions/3/edit`);
    const logged = await world.database.db
      .select()
      .from(accessLog)
      .where(
        and(eq(accessLog.action, 'quality.framework.version.create'), eq(accessLog.authorityId, world.authorityId)),
      );
    assert.equal(logged.length, 1, 'the new draft is in the access log');
    const shape = (v: FrameworkVersionDetail | null) =>
      v?.domains.map((d) => ({
        key: d.key,
        guidance: d.guidance,
        questions: d.questions.map((q) => q.text),
        descriptors: d.descriptors,
      }));
    const v3 = await version(3);
    assert.equal(v3?.status, 'draft');
    assert.deepEqual(shape(v3), shape(await version(2)));
    const again = await qa.post(`${base()}/versions`);
    assert.equal(again.status, 409);
    assert.match(again.text, new RegExp(`href="${base()}/versions/3">Go to draft version 3`));
    const page = await qa.get(`${base()}/versions/2`);
    assert.match(page.text, /Version 3 is a draft: change that version/);
  });

  it('edits a draft domain: bad input shows the error summary and saves nothing; good input saves', async () => {
    const qa = as('qa-auditor');
    const before = await version(3);
    const voice = before?.domains.find((d) => d.key === 'voice-of-the-child');
    const path = `${base()}/versions/3/domains/${voice?.domainId}`;
    const form = await qa.get(path);
    assert.equal(form.status, 200);
    assert.match(form.text, /lived experience/, 'the form holds the copied questions');
    assertWellFormed(form.text);
    const bad = await qa.post(path, {
      guidance: 'New guidance',
      questions: 'Only this',
      ...DESCRIPTORS,
      'descriptor-outstanding': '  ',
      'descriptor-inadequate': '',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(errorSummary(bad.text), [
      'Enter the descriptor for Outstanding',
      'Enter the descriptor for Inadequate',
    ]);
    assert.match(bad.text, /href="#descriptor-outstanding"/);
    assertWellFormed(bad.text);
    assert.match(bad.text, /New guidance/, 'what was typed is kept');
    assert.deepEqual(await version(3), before);
    const good = await qa.post(path, {
      guidance: 'Look for the child’s own words.',
      questions: 'Is the child seen alone?\r\n\r\n   Is their day described?  \r\n',
      ...DESCRIPTORS,
    });
    assert.equal(good.status, 303);
    const after = (await version(3))?.domains.find((d) => d.key === 'voice-of-the-child');
    assert.equal(after?.guidance, 'Look for the child’s own words.');
    assert.deepEqual(
      after?.questions.map((q) => q.text),
      ['Is the child seen alone?', 'Is their day described?'],
    );
    assert.equal(after?.descriptors.good, DESCRIPTORS['descriptor-good']);
  });

  it('publishing version 3 retires version 2; the audit graded against version 1 still shows version 1', async () => {
    const qa = as('qa-auditor');
    await qa.get(`${base()}/versions/3`);
    const reply = await qa.post(`${base()}/versions/3/publish`);
    assert.equal(reply.status, 303);
    const f = (await listFrameworks(world.database.db, world.authorityId)).find((x) => x.id === frameworkId);
    assert.deepEqual(
      f?.versions.map((v) => [v.version, v.status, v.publishedBy, v.audits]),
      [
        [3, 'published', 'Test qa-auditor', 0],
        [2, 'retired', 'Quinn Auditor', 0],
        [1, 'retired', 'Quinn Auditor', 1],
      ],
    );
    assert.equal(f?.versions[0]?.publishedOn, todayInLondon());
    const logged = await world.database.db
      .select()
      .from(accessLog)
      .where(
        and(eq(accessLog.action, 'quality.framework.version.publish'), eq(accessLog.authorityId, world.authorityId)),
      );
    assert.equal(logged.length, 1);
    const v1 = await as('director').get(`${base()}/versions/1`);
    assert.match(v1.text, /Does supervision reflect on the child/);
    assert.match(clean(v1.text), /1 audit graded against it/);
  });

  it('creates a framework and refuses to publish its draft until every domain has questions and four descriptors', async () => {
    const qa = as('qa-auditor');
    await qa.get('/quality/frameworks/new');
    const blank = await qa.post('/quality/frameworks/new', { title: '  ', description: '' });
    assert.equal(blank.status, 400);
    assert.deepEqual(errorSummary(blank.text), ['Enter a title for the framework']);
    assertWellFormed(blank.text);
    const same = await qa.post('/quality/frameworks/new', { title: 'Practice Standards Audit' });
    assert.equal(same.status, 400);
    assert.deepEqual(errorSummary(same.text), ['A framework with this title already exists: choose a different title']);
    const made = await qa.post('/quality/frameworks/new', {
      title: 'Children in care audit',
      description: 'For children looked after.',
    });
    assert.equal(made.status, 303);
    const m = /^\/quality\/frameworks\/(\d+)\/versions\/1\/edit$/.exec(made.location ?? '');
    assert.ok(m, made.location ?? '');
    const id = Number(m[1]);
    const frameworks = await listFrameworks(world.database.db, world.authorityId);
    assert.deepEqual(
      frameworks.map((f) => [f.key, f.versions.map((v) => v.status)]),
      [
        ['children-in-care-audit', ['draft']],
        ['practice-standards', ['published', 'retired', 'retired']],
      ],
    );

    await qa.get(`/quality/frameworks/${id}/versions/1`);
    const empty = await qa.post(`/quality/frameworks/${id}/versions/1/publish`);
    assert.equal(empty.status, 400);
    assert.deepEqual(errorSummary(empty.text), ['Add at least one practice domain before publishing']);

    const v2 = await version(2);
    const impact = v2?.domains.find((d) => d.key === 'impact-on-the-child')?.domainId ?? 0;
    const assessment = v2?.domains.find((d) => d.key === 'quality-of-assessment')?.domainId ?? 0;
    const editForm = await qa.get(`/quality/frameworks/${id}/versions/1/edit`);
    assert.equal(editForm.status, 200);
    assertWellFormed(editForm.text);
    assert.match(
      editForm.text,
      new RegExp(`<label class="govuk-label" for="order-${impact}">\\s*Position of Impact on the child in the audit`),
    );
    const badOrder = await postPairs(qa, world.baseUrl, `/quality/frameworks/${id}/versions/1/edit`, [
      ['domains', String(assessment)],
      [`order-${assessment}`, 'first'],
    ]);
    assert.equal(badOrder.status, 400);
    assert.deepEqual(errorSummary(badOrder.text), ['Enter the order as a whole number, like 3']);
    const saved = await postPairs(qa, world.baseUrl, `/quality/frameworks/${id}/versions/1/edit`, [
      ['notes', 'First version.'],
      ['domains', String(assessment)],
      ['domains', String(impact)],
      [`order-${impact}`, '1'],
      [`order-${assessment}`, '2'],
    ]);
    assert.equal(saved.status, 303);
    const [draft] = (await listFrameworks(world.database.db, world.authorityId)).filter((f) => f.id === id);
    const detail = await loadFrameworkVersion(world.database.db, world.authorityId, draft?.versions[0]?.id ?? 0);
    assert.deepEqual(
      detail?.domains.map((d) => d.key),
      ['impact-on-the-child', 'quality-of-assessment'],
    );
    assert.equal(detail?.notes, 'First version.');

    await qa.get(`/quality/frameworks/${id}/versions/1`);
    const incomplete = await qa.post(`/quality/frameworks/${id}/versions/1/publish`);
    assert.equal(incomplete.status, 400);
    assertWellFormed(incomplete.text);
    assert.deepEqual(errorSummary(incomplete.text), [
      'Impact on the child needs at least one question',
      'Impact on the child needs a grade descriptor for Outstanding, Good, Requires improvement to be good and Inadequate',
      'Quality of assessment needs at least one question',
      'Quality of assessment needs a grade descriptor for Outstanding, Good, Requires improvement to be good and Inadequate',
    ]);
    assert.match(incomplete.text, new RegExp(`href="#domain-${impact}"`));
    assert.equal(
      (await loadFrameworkVersion(world.database.db, world.authorityId, detail?.versionId ?? 0))?.status,
      'draft',
    );

    await qa.get(`/quality/frameworks/${id}/versions/1/domains/${impact}`);
    assert.equal(
      (
        await qa.post(`/quality/frameworks/${id}/versions/1/domains/${impact}`, {
          guidance: '',
          questions: 'Is the child better off?',
          ...DESCRIPTORS,
        })
      ).status,
      303,
    );
    const half = await qa.post(`/quality/frameworks/${id}/versions/1/publish`);
    assert.deepEqual(errorSummary(half.text), [
      'Quality of assessment needs at least one question',
      'Quality of assessment needs a grade descriptor for Outstanding, Good, Requires improvement to be good and Inadequate',
    ]);
    await qa.get(`/quality/frameworks/${id}/versions/1/domains/${assessment}`);
    assert.equal(
      (
        await qa.post(`/quality/frameworks/${id}/versions/1/domains/${assessment}`, {
          guidance: '',
          questions: 'Is it analytical?',
          ...DESCRIPTORS,
        })
      ).status,
      303,
    );
    await qa.get(`/quality/frameworks/${id}/versions/1`);
    const published = await qa.post(`/quality/frameworks/${id}/versions/1/publish`);
    assert.equal(published.status, 303);
    assert.equal(published.location, `/quality/frameworks/${id}/versions/1?saved=published`);
    const page = await qa.get(published.location ?? '');
    assert.match(page.text, /Version 1 has been published\./);
    assert.equal(h1(page.text), 'Version 1 Published');
  });

  it('adds and renames practice domains, never twice the same title; shows which versions use each', async () => {
    const qa = as('qa-auditor');
    const page = await qa.get('/quality/domains');
    assert.equal(page.status, 200);
    assertWellFormed(page.text);
    const voice = tableRow(page.text, 'Practice domains', 'Voice of the child');
    assert.equal(
      voice[2],
      'Practice standards audit, version 1 (retired)Practice standards audit, version 2 (retired)Practice standards audit, version 3 (published)',
    );
    const added = await qa.post('/quality/domains', {
      title: 'Permanence planning',
      description: 'Plans for permanence are made early.',
    });
    assert.equal(added.status, 303);
    const after = await qa.get('/quality/domains');
    assert.deepEqual(tableRow(after.text, 'Practice domains', 'Permanence planning').slice(0, 3), [
      'Permanence planning',
      'Plans for permanence are made early.',
      'No framework version',
    ]);
    const twice = await qa.post('/quality/domains', { title: 'permanence planning' });
    assert.equal(twice.status, 400);
    assert.deepEqual(errorSummary(twice.text), ['A practice domain with this title already exists']);
    const id = /href="\/quality\/domains\/(\d+)">Change<span class="govuk-visually-hidden"> Permanence planning/.exec(
      after.text,
    )?.[1];
    assert.ok(id);
    await qa.get(`/quality/domains/${id}`);
    const empty = await qa.post(`/quality/domains/${id}`, { title: '', description: '' });
    assert.equal(empty.status, 400);
    assert.deepEqual(errorSummary(empty.text), ['Enter a title for the practice domain']);
    assertWellFormed(empty.text);
    assert.equal(
      (await qa.post(`/quality/domains/${id}`, { title: 'Permanence', description: 'Early permanence.' })).status,
      303,
    );
    const renamed = await qa.get('/quality/domains');
    assert.deepEqual(tableRow(renamed.text, 'Practice domains', 'Permanence').slice(0, 2), [
      'Permanence',
      'Early permanence.',
    ]);
    assert.equal((await as('team-manager').get(`/quality/domains/${id}`)).status, 403);
    assert.equal((await as('team-manager').get('/quality/domains')).status, 200);
  });
});
