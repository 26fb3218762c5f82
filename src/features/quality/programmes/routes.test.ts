/**
 * Audit programmes as a QA lead meets them: set one up (with the form's errors first), choose its cases, allocate
 * them, open and close it; choosing again refused once an audit has started; everyone without audit:manage refused.
 *
 * The test world: children TA1 (team Family Support A) and TB1 (Family Support B), each with a social worker from
 * 1 January 2025. Auditors (audit:conduct): head-of-service and qa-auditor (no team), team-manager (team A).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { auditProgrammeCases, auditProgrammes, caseAudits, children, users } from '../../../db/schema/index';
import { rows } from '../../../db/query';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { h1, TestClient } from '../../../../harness/client';
import { PRACTICE_STANDARDS } from '../frameworks/default-framework';
import { installFramework } from '../frameworks/version';

const dateFields = (name: string, iso: string) => ({
  [`${name}-day`]: String(Number(iso.slice(8, 10))),
  [`${name}-month`]: String(Number(iso.slice(5, 7))),
  [`${name}-year`]: iso.slice(0, 4),
});

describe('audit programme pages', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  let versionId = 0;
  let retiredVersionId = 0;
  let programmeId = 0;
  let multiAgencyId = 0;

  const as = (role: string) => {
    const c = clients[role];
    if (!c) throw new Error(role);
    return c;
  };
  const programmeCount = async () =>
    Number(
      (await rows<{ n: number | string }>(world.database.db, sql`select count(*) as n from audit_programmes`))[0]?.n,
    );
  const userId = async (username: string) => {
    const [u] = await world.database.db.select().from(users).where(eq(users.username, username));
    if (!u) throw new Error(username);
    return u.id;
  };
  const childId = async (laChildId: string) => {
    const [c] = await world.database.db.select().from(children).where(eq(children.laChildId, laChildId));
    if (!c) throw new Error(laChildId);
    return c;
  };

  before(async () => {
    world = await startTestWorld();
    [retiredVersionId, versionId] = (await installFramework(world.database.db, world.authorityId, PRACTICE_STANDARDS, [
      { publishedOn: '2025-01-06', publishedBy: 'Test' },
      { publishedOn: '2025-09-01', publishedBy: 'Test' },
    ])) as [number, number];
    for (const role of ['qa-auditor', 'head-of-service', 'team-manager', 'social-worker', 'member', 'director']) {
      clients[role] = new TestClient(world.baseUrl);
      await clients[role].signIn(role, PASSWORD);
    }
  });
  after(async () => {
    await world?.close();
  });

  const valid = {
    kind: 'monthly',
    title: '',
    theme: '',
    frameworkVersionId: '',
    ...dateFields('startsOn', '2026-03-02'),
    ...dateFields('dueOn', '2026-03-31'),
  };

  it('lists programmes (none yet) with the way to set one up', async () => {
    const page = await as('qa-auditor').get('/quality/programmes');
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Audit programmes');
    assert.match(page.text, /href="\/quality\/programmes\/new"/);
    assert.match(page.text, /No programmes yet/);
  });

  it('the form offers only the published version, and refuses bad input with every error at once, saving nothing', async () => {
    const form = await as('qa-auditor').get('/quality/programmes/new');
    assert.equal(form.status, 200);
    assert.match(form.text, new RegExp(`<option value="${versionId}"[^>]*>Practice standards audit, version 2`));
    assert.doesNotMatch(form.text, new RegExp(`<option value="${retiredVersionId}"`));
    const bad = await as('qa-auditor').post('/quality/programmes/new', {
      kind: 'multi-agency',
      title: 'Exploitation',
      theme: '',
      frameworkVersionId: String(retiredVersionId),
      ...dateFields('startsOn', '2026-03-10'),
      ...dateFields('dueOn', '2026-03-09'),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /<title>Error: /);
    assert.match(bad.text, /There is a problem/);
    assert.match(bad.text, /Enter the theme of the multi-agency programme/);
    assert.match(bad.text, /Choose the published framework version the audits will use/);
    assert.match(bad.text, /The due date must be the same as or after the start date/);
    assert.match(bad.text, /Choose at least one partner agency for a multi-agency programme/);
    assert.match(bad.text, /href="#theme"/);
    // What was typed is kept.
    assert.match(bad.text, /name="title" type="text" value="Exploitation"/);
    const none = await as('qa-auditor').post('/quality/programmes/new', { startsOn_day: '' });
    assert.equal(none.status, 400);
    assert.match(none.text, /Choose the kind of programme/);
    assert.match(none.text, /Enter the date the programme starts/);
    const notADate = await as('qa-auditor').post('/quality/programmes/new', {
      ...valid,
      frameworkVersionId: String(versionId),
      ...dateFields('startsOn', '2026-02-30'),
    });
    assert.equal(notADate.status, 400);
    assert.match(notADate.text, /The date the programme starts must be a real date/);
    assert.equal(await programmeCount(), 0);
  });

  it('sets up a monthly programme, titled after its month when left empty', async () => {
    const reply = await as('qa-auditor').post('/quality/programmes/new', {
      ...valid,
      frameworkVersionId: String(versionId),
    });
    assert.equal(reply.status, 303);
    const m = /^\/quality\/programmes\/(\d+)\?saved=created$/.exec(reply.location ?? '');
    assert.ok(m, reply.location ?? '');
    programmeId = Number(m[1]);
    const [row] = await world.database.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, programmeId));
    assert.equal(row?.title, 'Monthly audit: March 2026');
    assert.equal(row?.status, 'planning');
    assert.equal(row?.createdBy, 'Test qa-auditor');
    const page = await as('qa-auditor').get(`/quality/programmes/${programmeId}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Monthly audit: March 2026');
    assert.match(page.text, /No cases have been chosen yet/);
  });

  it('chooses cases: a random sample of the whole authority, recorded in words', async () => {
    const form = await as('qa-auditor').get(`/quality/programmes/${programmeId}/select`);
    assert.equal(form.status, 200);
    assert.match(form.text, /name="seed"[^>]*value="\d+"/);
    assert.match(form.text, /every CP plan|at least their second/);
    const bad = await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
      method: 'random',
      scope: 'authority',
      size: '0',
      seed: 'abc',
      ...dateFields('asAt', '2026-03-01'),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /The number of cases must be a whole number from 1 to 1,000/);
    assert.match(bad.text, /The seed must be a whole number/);
    assert.equal((await world.database.db.select().from(auditProgrammeCases)).length, 0);
    const ok = await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
      method: 'random',
      scope: 'authority',
      size: '5',
      seed: '48213',
      ...dateFields('asAt', '2026-03-01'),
    });
    assert.equal(ok.status, 303);
    const page = await as('qa-auditor').get(`/quality/programmes/${programmeId}`);
    // Both children of the authority are open on 1 March 2026 (the other authority's child is not counted): 2 of 2.
    assert.match(
      page.text,
      /2 of 2 children open to children’s social care on 1 March 2026, chosen at random across the whole authority, seed 48213\./,
    );
    assert.match(page.text, new RegExp(`href="/children/${world.childInTeamA}"`));
    assert.match(page.text, new RegExp(`href="/children/${world.childInTeamB}"`));
    assert.doesNotMatch(page.text, new RegExp(world.childElsewhere));
  });

  it('chooses again with a filter (no child matches), then back to random within team B: 1 of 1', async () => {
    const filtered = await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
      method: 'filter',
      filter: 'second-cp-plan',
      size: '',
      seed: '1',
      ...dateFields('asAt', '2026-03-01'),
    });
    assert.equal(filtered.status, 303);
    assert.match(
      (await as('qa-auditor').get(`/quality/programmes/${programmeId}`)).text,
      /All 0 children matching “On a second or later child protection plan” on 1 March 2026\./,
    );
    const team = await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
      method: 'random',
      scope: `team-${world.teamB}`,
      size: '3',
      seed: '9',
      ...dateFields('asAt', '2026-03-01'),
    });
    assert.equal(team.status, 303);
    assert.match(
      (await as('qa-auditor').get(`/quality/programmes/${programmeId}`)).text,
      /1 of 1 child open to children’s social care on 1 March 2026, chosen at random within the team Family Support B, seed 9\./,
    );
    // Back to both children for allocation.
    await as('qa-auditor').get(`/quality/programmes/${programmeId}/select`);
    assert.equal(
      (
        await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
          method: 'stratified',
          strata: 'team',
          size: '2',
          seed: '3',
          ...dateFields('asAt', '2026-03-01'),
        })
      ).status,
      303,
    );
    assert.equal(
      (
        await world.database.db
          .select()
          .from(auditProgrammeCases)
          .where(eq(auditProgrammeCases.programmeId, programmeId))
      ).length,
      2,
    );
  });

  it('allocates the unallocated cases: never the auditor’s own team, least loaded first, ties to the lower user id', async () => {
    const hos = await userId('head-of-service');
    const tm = await userId('team-manager');
    const qa = await userId('qa-auditor');
    assert.ok(hos < tm && tm < qa);
    const page = await as('qa-auditor').get(`/quality/programmes/${programmeId}/allocate`);
    assert.equal(page.status, 200);
    assert.match(page.text, /2 cases have no auditor/);
    const reply = await as('qa-auditor').post(`/quality/programmes/${programmeId}/allocate`, { action: 'automatic' });
    assert.equal(reply.status, 303);
    // Cases in id order = child id order: TA1 (team A) first: head of service (0) or QA (0), not the team manager
    // (team A) → head of service, the lower id. Then TB1 (team B): head of service (1), team manager (0), QA (0) →
    // the team manager, lower id than QA.
    const a = await childId('TA1');
    const b = await childId('TB1');
    const cases = await world.database.db
      .select()
      .from(auditProgrammeCases)
      .where(eq(auditProgrammeCases.programmeId, programmeId));
    const auditorOf = (child: number) => cases.find((c) => Number(c.childId) === child);
    assert.equal(auditorOf(a.id)?.auditorUserId, hos);
    assert.equal(auditorOf(b.id)?.auditorUserId, tm);
    assert.ok(auditorOf(a.id)?.allocatedOn);
    const after = await as('qa-auditor').get(reply.location ?? '');
    assert.match(after.text, /2 cases allocated\./);
  });

  it('allocation by hand refuses the child’s own team, naming the auditor and the team, and saves nothing', async () => {
    const a = await childId('TA1');
    const [caseA] = await world.database.db
      .select()
      .from(auditProgrammeCases)
      .where(eq(auditProgrammeCases.childId, a.id));
    assert.ok(caseA);
    await as('qa-auditor').get(`/quality/programmes/${programmeId}/allocate`);
    const bad = await as('qa-auditor').post(`/quality/programmes/${programmeId}/allocate`, {
      action: 'by-hand',
      [`auditor-${caseA.id}`]: String(await userId('team-manager')),
    });
    assert.equal(bad.status, 400);
    assert.match(
      bad.text,
      new RegExp(
        `Test team-manager is in Family Support A, the team of ${a.lanternId}: choose an auditor from another team`,
      ),
    );
    assert.match(bad.text, new RegExp(`href="#auditor-${caseA.id}"`));
    const [still] = await world.database.db
      .select()
      .from(auditProgrammeCases)
      .where(eq(auditProgrammeCases.id, caseA.id));
    assert.equal(still?.auditorUserId, await userId('head-of-service'));
    const good = await as('qa-auditor').post(`/quality/programmes/${programmeId}/allocate`, {
      action: 'by-hand',
      [`auditor-${caseA.id}`]: String(await userId('qa-auditor')),
    });
    assert.equal(good.status, 303);
    const [moved] = await world.database.db
      .select()
      .from(auditProgrammeCases)
      .where(eq(auditProgrammeCases.id, caseA.id));
    assert.equal(moved?.auditorUserId, await userId('qa-auditor'));
  });

  it('opens and closes the programme from its page', async () => {
    await as('qa-auditor').get(`/quality/programmes/${programmeId}`);
    assert.equal((await as('qa-auditor').post(`/quality/programmes/${programmeId}`, { status: 'open' })).status, 303);
    let [row] = await world.database.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, programmeId));
    assert.equal(row?.status, 'open');
    const twice = await as('qa-auditor').post(`/quality/programmes/${programmeId}`, { status: 'open' });
    assert.equal(twice.status, 409);
    assert.match(twice.text, /The programme is already open/);
    const list = await as('qa-auditor').get('/quality/programmes');
    // 2 selected, 2 allocated, none started; due 31 March 2026, which is past: overdue.
    assert.match(list.text, /Overdue/);
    assert.match(
      list.text,
      /govuk-table__cell--numeric">2<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">2<\/td>\s*<td class="govuk-table__cell govuk-table__cell--numeric">0<\/td>/,
    );
    assert.equal((await as('qa-auditor').post(`/quality/programmes/${programmeId}`, { status: 'closed' })).status, 303);
    [row] = await world.database.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, programmeId));
    assert.equal(row?.status, 'closed');
    assert.equal((await as('qa-auditor').post(`/quality/programmes/${programmeId}`, { status: 'open' })).status, 303);
  });

  it('refuses to choose again, or to change a started case’s auditor, once an audit has started', async () => {
    const b = await childId('TB1');
    const [caseB] = await world.database.db
      .select()
      .from(auditProgrammeCases)
      .where(eq(auditProgrammeCases.childId, b.id));
    assert.ok(caseB);
    const [audit] = await world.database.db
      .insert(caseAudits)
      .values({
        authorityId: world.authorityId,
        childId: b.id,
        auditorName: 'Test team-manager',
        status: 'draft',
        submittedOn: null,
        programmeId,
        programmeCaseId: caseB.id,
      })
      .returning();
    assert.ok(audit);
    await world.database.db
      .update(auditProgrammeCases)
      .set({ auditId: audit.id })
      .where(eq(auditProgrammeCases.id, caseB.id));
    const form = await as('qa-auditor').get(`/quality/programmes/${programmeId}/select`);
    assert.match(form.text, /An audit of 1 of the 2 cases has started, so the cases cannot be chosen again/);
    await as('qa-auditor').get(`/quality/programmes/${programmeId}`);
    const refused = await as('qa-auditor').post(`/quality/programmes/${programmeId}/select`, {
      method: 'random',
      scope: 'authority',
      size: '1',
      seed: '5',
      ...dateFields('asAt', '2026-03-01'),
    });
    assert.equal(refused.status, 409);
    assert.match(refused.text, /has started, so its cases cannot be chosen again/);
    assert.equal(
      (
        await world.database.db
          .select()
          .from(auditProgrammeCases)
          .where(eq(auditProgrammeCases.programmeId, programmeId))
      ).length,
      2,
    );
    const page = await as('qa-auditor').get(`/quality/programmes/${programmeId}`);
    assert.match(page.text, new RegExp(`href="/quality/audits/${audit.id}">In progress`));
    const change = await as('qa-auditor').post(`/quality/programmes/${programmeId}/allocate`, {
      action: 'by-hand',
      [`auditor-${caseB.id}`]: String(await userId('qa-auditor')),
    });
    assert.equal(change.status, 400);
    assert.match(change.text, new RegExp(`The audit of ${b.lanternId} has started, so its auditor cannot change`));
  });

  it('edits the programme: a thematic programme needs its theme', async () => {
    await as('head-of-service').get(`/quality/programmes/${programmeId}/edit`);
    const bad = await as('head-of-service').post(`/quality/programmes/${programmeId}/edit`, {
      ...valid,
      kind: 'thematic',
      title: 'Neglect',
      frameworkVersionId: String(versionId),
    });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /Enter the theme of the thematic programme/);
    const ok = await as('head-of-service').post(`/quality/programmes/${programmeId}/edit`, {
      ...valid,
      kind: 'thematic',
      title: 'Neglect',
      theme: 'Neglect',
      frameworkVersionId: String(versionId),
    });
    assert.equal(ok.status, 303);
    const [row] = await world.database.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, programmeId));
    assert.equal(row?.kind, 'thematic');
    assert.equal(row?.theme, 'Neglect');
  });

  it('sets up a multi-agency programme with two partner agencies', async () => {
    const c = as('qa-auditor');
    await c.get('/quality/programmes/new');
    const pairs: Array<[string, string]> = [
      ['_csrf', c.csrfToken ?? ''],
      ...Object.entries({
        ...valid,
        kind: 'multi-agency',
        title: 'Exploitation',
        theme: 'Child exploitation',
        frameworkVersionId: String(versionId),
      }),
      ['partnerAgencies', 'police'],
      ['partnerAgencies', 'health'],
    ];
    const cookie = (c as unknown as { cookieHeader(): string }).cookieHeader();
    const res = await fetch(new URL('/quality/programmes/new', world.baseUrl), {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(pairs).toString(),
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    const id = Number(/programmes\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    multiAgencyId = id;
    const [row] = await world.database.db.select().from(auditProgrammes).where(eq(auditProgrammes.id, id));
    assert.deepEqual(row?.partnerAgencies, ['police', 'health']);
    assert.match((await c.get(`/quality/programmes/${id}`)).text, /Police, Health/);
  });

  it('has no duplicate ids and a label for every field on any of its pages (axe would fail them)', async () => {
    for (const url of [
      '/quality/programmes',
      '/quality/programmes/new',
      `/quality/programmes/${programmeId}`,
      `/quality/programmes/${programmeId}/edit`,
      `/quality/programmes/${programmeId}/select`,
      `/quality/programmes/${programmeId}/allocate`,
      `/quality/programmes/${multiAgencyId}/select`,
    ]) {
      const page = await as('qa-auditor').get(url);
      assert.equal(page.status, 200, url);
      const ids = [...page.text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(
        ids.filter((id, i) => ids.indexOf(id) !== i),
        [],
        `${url} repeats ids`,
      );
      for (const m of page.text.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/g)) {
        if (m[0].includes('type="hidden"')) continue;
        assert.match(page.text, new RegExp(`<label[^>]*for="${m[1]}"`), `${url}: label for ${m[1]}`);
      }
    }
  });

  it('answers 403 to roles without audit:manage on every page and form, changing nothing; 404 for a missing programme', async () => {
    const before = await programmeCount();
    for (const role of ['team-manager', 'social-worker', 'member', 'director']) {
      const c = as(role);
      for (const path of [
        '/quality/programmes',
        '/quality/programmes/new',
        `/quality/programmes/${programmeId}`,
        `/quality/programmes/${programmeId}/edit`,
        `/quality/programmes/${programmeId}/select`,
        `/quality/programmes/${programmeId}/allocate`,
      ]) {
        assert.equal((await c.get(path)).status, 403, `${role} GET ${path}`);
      }
      assert.equal(
        (await c.post('/quality/programmes/new', { ...valid, frameworkVersionId: String(versionId) })).status,
        403,
        role,
      );
      assert.equal((await c.post(`/quality/programmes/${programmeId}`, { status: 'closed' })).status, 403, role);
      assert.equal(
        (await c.post(`/quality/programmes/${programmeId}/edit`, { ...valid, frameworkVersionId: String(versionId) }))
          .status,
        403,
        role,
      );
      assert.equal(
        (
          await c.post(`/quality/programmes/${programmeId}/select`, {
            method: 'random',
            scope: 'authority',
            size: '1',
            seed: '1',
            ...dateFields('asAt', '2026-03-01'),
          })
        ).status,
        403,
        role,
      );
      assert.equal(
        (await c.post(`/quality/programmes/${programmeId}/allocate`, { action: 'automatic' })).status,
        403,
        role,
      );
    }
    assert.equal(await programmeCount(), before);
    assert.equal((await as('qa-auditor').get('/quality/programmes/999999')).status, 404);
    assert.equal((await as('qa-auditor').get('/quality/programmes/abc/select')).status, 404);
  });
});
