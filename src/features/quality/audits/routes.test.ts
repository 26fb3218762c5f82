/**
 * The audit itself, as auditors, managers and the QA lead use it, on both engines: a team manager starts the audit of
 * a case allocated to them in another team (and may read that child's record until they submit), saves a draft,
 * is refused an incomplete submission with the error summary naming what is missing (nothing saved), adds an action
 * and a partner's contribution, submits (locked: 409, data unchanged), and the QA lead reopens it. Also: someone
 * else's draft is 403, team scope on the list, an audit read against v1 after v2 is published, a pre-framework audit
 * by domain title, and a moderated audit that cannot be reopened.
 */
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import {
  allocations,
  auditFrameworkDomains,
  auditFrameworkQuestions,
  auditFrameworks,
  auditFrameworkVersions,
  auditGradeDescriptors,
  auditProgrammeCases,
  auditProgrammes,
  caseAuditActions,
  caseAuditContributions,
  caseAuditEvents,
  caseAuditGrades,
  caseAuditModerations,
  caseAudits,
  children,
  practiceDomains,
  users,
  workers,
} from '../../../db/schema/index';
import { GRADES } from '../../../domain/ofsted';
import { todayInLondon } from '../../../domain/today';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { h1, TestClient } from '../../../../harness/client';
import { describeEachEngine } from '../../../../test/support/databases';

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The error summary's links as [text, href], in order. */
function summaryLinks(html: string): Array<[string, string]> {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">([\s\S]*?)<\/a>/g)].map((m) => [
    (m[2] ?? '').replace(/\s+/g, ' ').trim(),
    m[1] ?? '',
  ]);
}

describeEachEngine('the audit: start, draft, submit, lock, reopen', (engine) => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  const ids: Record<string, number> = {};
  let domains: Array<{ id: number; title: string }> = [];
  let v1 = 0;
  let frameworkId = 0;
  let programmeId = 0;
  let tmCase = 0;
  let qaCase = 0;
  let auditId = 0;
  let otherTeamB = '';
  const today = todayInLondon();

  before(async () => {
    world = await startTestWorld(engine.database);
    const db = world.database.db;
    for (const u of await db
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(eq(users.authorityId, world.authorityId)))
      ids[u.username] = u.id;
    for (const role of [
      'team-manager',
      'social-worker',
      'qa-auditor',
      'head-of-service',
      'director',
      'admin',
      'analyst',
      'member',
    ]) {
      clients[role] = new TestClient(world.baseUrl);
      await clients[role].signIn(role, PASSWORD);
    }
    // A second team B child, never allocated for audit: the team manager (team A) may not read them.
    const [kb2] = await db
      .insert(children)
      .values({
        authorityId: world.authorityId,
        laChildId: 'TB2',
        firstName: 'Brook',
        lastName: 'Bravo',
        dateOfBirth: '2013-03-03',
        sex: 'F',
        ethnicity: 'WBRI',
      })
      .returning();
    const [wb] = await db.select().from(workers).where(eq(workers.workerRef, 'SW002'));
    if (!kb2 || !wb) throw new Error('setup');
    await db.insert(allocations).values({
      authorityId: world.authorityId,
      childId: kb2.id,
      teamId: world.teamB,
      workerId: wb.id,
      role: 'social-worker',
      startDate: '2025-01-01',
    });
    otherTeamB = kb2.lanternId;

    // Three practice domains; version 1 of a framework uses two of them, with questions and descriptors.
    const made = await db
      .insert(practiceDomains)
      .values([
        { authorityId: world.authorityId, key: 'quality-of-assessment', title: 'Quality of assessment', sortOrder: 1 },
        { authorityId: world.authorityId, key: 'voice-of-the-child', title: 'Voice of the child', sortOrder: 2 },
        { authorityId: world.authorityId, key: 'management-oversight', title: 'Management oversight', sortOrder: 3 },
      ])
      .returning();
    domains = made.map((d) => ({ id: d.id, title: d.title }));
    const [fw] = await db
      .insert(auditFrameworks)
      .values({ authorityId: world.authorityId, key: 'practice-standards', title: 'Practice standards audit' })
      .returning();
    if (!fw) throw new Error('setup');
    frameworkId = fw.id;
    const [version] = await db
      .insert(auditFrameworkVersions)
      .values({ frameworkId, version: 1, status: 'published', publishedOn: '2025-01-01', publishedBy: 'Test' })
      .returning();
    if (!version) throw new Error('setup');
    v1 = version.id;
    for (const [i, d] of domains.slice(0, 2).entries()) {
      const [fd] = await db
        .insert(auditFrameworkDomains)
        .values({ versionId: v1, domainId: d.id, sortOrder: i + 1, guidance: `V1 guidance for ${d.title}` })
        .returning();
      if (!fd) throw new Error('setup');
      await db
        .insert(auditFrameworkQuestions)
        .values({ frameworkDomainId: fd.id, sortOrder: 1, text: `V1 question on ${d.title}?` });
      await db
        .insert(auditGradeDescriptors)
        .values(GRADES.map((g) => ({ frameworkDomainId: fd.id, grade: g, text: `V1 ${g} descriptor for ${d.title}` })));
    }
    const [programme] = await db
      .insert(auditProgrammes)
      .values({
        authorityId: world.authorityId,
        kind: 'multi-agency',
        title: 'Neglect multi-agency audit',
        frameworkVersionId: v1,
        startsOn: '2025-01-01',
        dueOn: addDays(today, 14),
        status: 'open',
        partnerAgencies: ['health', 'police'],
        createdBy: 'Test',
      })
      .returning();
    if (!programme) throw new Error('setup');
    programmeId = programme.id;
    const [kb] = await db.select().from(children).where(eq(children.lanternId, world.childInTeamB));
    const [ka] = await db.select().from(children).where(eq(children.lanternId, world.childInTeamA));
    if (!kb || !ka) throw new Error('setup');
    const cases = await db
      .insert(auditProgrammeCases)
      .values([
        // Team B's child to the team A manager (managers audit other teams' cases); team A's child to the QA auditor.
        { programmeId, childId: kb.id, teamId: world.teamB, auditorUserId: ids['team-manager'], allocatedOn: today },
        { programmeId, childId: ka.id, teamId: world.teamA, auditorUserId: ids['qa-auditor'], allocatedOn: today },
      ])
      .returning();
    tmCase = cases[0]?.id ?? 0;
    qaCase = cases[1]?.id ?? 0;
  });
  after(async () => {
    await world?.close();
  });

  const tm = () => clients['team-manager'] as TestClient;
  const db = () => world.database.db;
  const events = async (id: number) =>
    db().select().from(caseAuditEvents).where(eq(caseAuditEvents.auditId, id)).orderBy(asc(caseAuditEvents.id));
  const auditRow = async (id: number) => (await db().select().from(caseAudits).where(eq(caseAudits.id, id)))[0];
  const gradeRows = async (id: number) =>
    db().select().from(caseAuditGrades).where(eq(caseAuditGrades.auditId, id)).orderBy(asc(caseAuditGrades.domainId));
  const d1 = () => domains[0] as { id: number; title: string };
  const d2 = () => domains[1] as { id: number; title: string };

  it('the team manager sees the case allocated to them, with a Start audit button; the QA auditor sees only theirs', async () => {
    const page = await tm().get('/quality/audits');
    assert.equal(page.status, 200);
    assert.match(page.text, /Allocated to you/);
    assert.match(page.text, /Blake Bravo/);
    assert.match(page.text, new RegExp(`action="/quality/cases/${tmCase}/start"`));
    assert.doesNotMatch(page.text, new RegExp(`/quality/cases/${qaCase}/start`));
    const qa = await (clients['qa-auditor'] as TestClient).get('/quality/audits');
    assert.match(qa.text, new RegExp(`/quality/cases/${qaCase}/start`));
    assert.doesNotMatch(qa.text, new RegExp(`/quality/cases/${tmCase}/start`));
  });

  it('an allocated, not-started case opens the out-of-team child’s record for its auditor (200), not another team B child (404)', async () => {
    assert.equal((await tm().get(`/children/${world.childInTeamB}`)).status, 200);
    assert.equal((await tm().get(`/children/${world.childInTeamB}/chronology`)).status, 200);
    assert.equal((await tm().get(`/children/${otherTeamB}`)).status, 404);
    // The social worker of team A has no audit of the child: still 404.
    assert.equal((await (clients['social-worker'] as TestClient).get(`/children/${world.childInTeamB}`)).status, 404);
    // Search lists are unchanged: the team manager's search does not list the team B child.
    const search = await tm().get('/children?q=Bravo');
    assert.doesNotMatch(search.text, /Blake/);
  });

  it('only the allocated auditor may start the audit (403 for the QA auditor); starting creates the draft and its event', async () => {
    const qa = clients['qa-auditor'] as TestClient;
    await qa.get('/quality/audits');
    assert.equal((await qa.post(`/quality/cases/${tmCase}/start`)).status, 403);
    await tm().get('/quality/audits');
    const started = await tm().post(`/quality/cases/${tmCase}/start`);
    assert.equal(started.status, 303);
    const m = /^\/quality\/audits\/(\d+)\/edit$/.exec(started.location ?? '');
    assert.ok(m, `redirected to ${started.location}`);
    auditId = Number(m[1]);
    const row = await auditRow(auditId);
    assert.equal(row?.status, 'draft');
    assert.equal(row?.frameworkVersionId, v1);
    assert.equal(row?.programmeId, programmeId);
    assert.equal(row?.programmeCaseId, tmCase);
    assert.equal(row?.teamId, world.teamB);
    assert.equal(row?.auditorUserId, ids['team-manager']);
    assert.equal(row?.auditorName, 'Test team-manager');
    assert.equal(row?.submittedOn, null);
    const [pc] = await db().select().from(auditProgrammeCases).where(eq(auditProgrammeCases.id, tmCase));
    assert.equal(pc?.auditId, auditId);
    assert.deepEqual(
      (await events(auditId)).map((e) => e.event),
      ['created'],
    );
    // Starting again goes to the same audit: one audit per case.
    assert.equal((await tm().post(`/quality/cases/${tmCase}/start`)).location, `/quality/audits/${auditId}/edit`);
    assert.equal((await db().select().from(caseAudits).where(eq(caseAudits.programmeCaseId, tmCase))).length, 1);
    // The draft is listed under "Your drafts", and the case no longer under "Allocated to you".
    const list = await tm().get('/quality/audits');
    assert.match(list.text, new RegExp(`href="/quality/audits/${auditId}/edit"`));
    assert.doesNotMatch(list.text, new RegExp(`/quality/cases/${tmCase}/start`));
  });

  it('the form shows version 1’s domains, questions and descriptors, with the field names the journey uses', async () => {
    const form = await tm().get(`/quality/audits/${auditId}/edit`);
    assert.equal(form.status, 200);
    assert.equal(h1(form.text), 'Audit of Blake Bravo');
    for (const d of [d1(), d2()]) {
      assert.match(form.text, new RegExp(`name="grade-${d.id}"`));
      assert.match(form.text, new RegExp(`name="narrative-${d.id}"`));
      assert.match(form.text, new RegExp(`V1 question on ${d.title}\\?`));
      assert.match(form.text, new RegExp(`V1 requires-improvement descriptor for ${d.title}`));
    }
    // Management oversight is not in version 1.
    assert.doesNotMatch(form.text, new RegExp(`name="grade-${domains[2]?.id}"`));
    for (const name of [
      'overallGrade',
      'overallNarrative',
      'workerReflection',
      'managerReflection',
      'feedbackFrom',
      'familyFeedback',
    ])
      assert.match(form.text, new RegExp(`name="${name}"`));
    assert.match(form.text, /Save draft/);
    // The CSRF token is the multipart form's first field, never in a URL (web/csrf.ts).
    assert.match(form.text, new RegExp(`formaction="/quality/audits/${auditId}/submit"`));
    assert.match(form.text, /enctype="multipart\/form-data" novalidate>\s*<input type="hidden" name="_csrf"/);
    assert.doesNotMatch(form.text, /_csrf=/);
    assert.match(form.text, /enctype="multipart\/form-data"/);
  });

  it('someone else’s draft is 403 to read as a form and to save; the head of service cannot edit it either', async () => {
    for (const role of ['qa-auditor', 'head-of-service']) {
      const c = clients[role] as TestClient;
      assert.equal((await c.get(`/quality/audits/${auditId}/edit`)).status, 403, role);
      await c.get('/quality/audits');
      assert.equal(
        (await c.post(`/quality/audits/${auditId}/edit`, { [`grade-${d1().id}`]: 'inadequate' })).status,
        403,
        role,
      );
      assert.equal((await c.post(`/quality/audits/${auditId}/submit`, {})).status, 403, role);
    }
    assert.equal((await gradeRows(auditId)).length, 0);
  });

  it('save draft keeps a half-done audit and writes a saved event naming the changed fields and grade from → to', async () => {
    await tm().get(`/quality/audits/${auditId}/edit`);
    const saved = await tm().post(`/quality/audits/${auditId}/edit`, {
      [`grade-${d1().id}`]: 'good',
      [`narrative-${d1().id}`]: 'Assessment narrative.',
      workerReflection: 'Reflective.',
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, `/quality/audits/${auditId}/edit`);
    const grades = await gradeRows(auditId);
    assert.deepEqual(
      grades.map((g) => [g.domainId, g.grade, g.narrative]),
      [[d1().id, 'good', 'Assessment narrative.']],
    );
    const row = await auditRow(auditId);
    assert.equal(row?.status, 'draft');
    assert.equal(row?.workerReflection, 'Reflective.');
    assert.ok(row?.updatedAt instanceof Date);
    const last = (await events(auditId)).at(-1);
    assert.equal(last?.event, 'saved');
    assert.equal(last?.userName, 'Test team-manager');
    assert.deepEqual(last?.detail, {
      fields: [`grade-${d1().id}`, `narrative-${d1().id}`, 'workerReflection'],
      grades: [{ field: `grade-${d1().id}`, from: null, to: 'good' }],
    });
    // The form shows what was saved.
    const form = await tm().get(`/quality/audits/${auditId}/edit`);
    assert.match(form.text, new RegExp(`name="grade-${d1().id}" type="radio" value="good" checked`));
    assert.match(form.text, /Assessment narrative\./);
  });

  it('the form posts as multipart, so a narrative at the longest kept (20,000 characters, 40 kB of é) saves; one more is refused', async () => {
    await tm().get(`/quality/audits/${auditId}/edit`);
    const longest = 'é'.repeat(20_000);
    const form = (narrative: string) => {
      const data = new FormData();
      data.append(`grade-${d1().id}`, 'good');
      data.append(`narrative-${d1().id}`, narrative);
      data.append('workerReflection', 'Reflective.');
      return data;
    };
    const tooLong = await tm().postMultipart(`/quality/audits/${auditId}/edit`, form(`${longest}é`));
    assert.equal(tooLong.status, 400);
    assert.deepEqual(summaryLinks(tooLong.text), [
      [`The narrative for ${d1().title} must be 20,000 characters or fewer`, `#narrative-${d1().id}`],
    ]);
    const saved = await tm().postMultipart(`/quality/audits/${auditId}/edit`, form(longest));
    assert.equal(saved.status, 303);
    assert.equal((await gradeRows(auditId))[0]?.narrative.length, 20_000);
    // Back as it was, for the steps that follow.
    assert.equal(
      (await tm().postMultipart(`/quality/audits/${auditId}/edit`, form('Assessment narrative.'))).status,
      303,
    );
    assert.deepEqual(
      (await events(auditId)).slice(-2).map((e) => e.detail),
      [
        { fields: [`narrative-${d1().id}`], grades: [] },
        { fields: [`narrative-${d1().id}`], grades: [] },
      ],
    );
  });

  it('a draft save with a bad grade key, or a narrative without its grade, is refused with the summary and nothing changes', async () => {
    const before = await events(auditId);
    await tm().get(`/quality/audits/${auditId}/edit`);
    const bad = await tm().post(`/quality/audits/${auditId}/edit`, {
      [`grade-${d1().id}`]: 'excellent',
      [`narrative-${d2().id}`]: 'Ungraded words',
      workerReflection: 'Changed',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(summaryLinks(bad.text), [
      [`Choose a grade for ${d1().title} from the four given`, `#grade-${d1().id}`],
      [`Choose a grade for ${d2().title} to save its narrative, or clear the narrative`, `#grade-${d2().id}`],
    ]);
    assert.match(bad.text, /Ungraded words/, 'what was typed is shown again');
    assert.equal((await auditRow(auditId))?.workerReflection, 'Reflective.');
    assert.equal((await events(auditId)).length, before.length);
  });

  it('submitting with a domain ungraded is refused: the summary names the domain, the overall grade and narrative, and nothing is saved', async () => {
    const before = await events(auditId);
    await tm().get(`/quality/audits/${auditId}/edit`);
    const res = await tm().post(`/quality/audits/${auditId}/submit`, {
      [`grade-${d1().id}`]: 'good',
      [`narrative-${d1().id}`]: 'Assessment narrative.',
      managerReflection: 'Would be saved',
    });
    assert.equal(res.status, 400);
    assert.match(res.text, /<title>Error: /);
    assert.deepEqual(summaryLinks(res.text), [
      [`Choose a grade for ${d2().title}`, `#grade-${d2().id}`],
      ['Choose an overall grade', '#overallGrade'],
      ['Write the overall narrative', '#overallNarrative'],
    ]);
    const row = await auditRow(auditId);
    assert.equal(row?.status, 'draft');
    assert.equal(row?.submittedOn, null);
    assert.equal(row?.managerReflection, '');
    assert.equal((await events(auditId)).length, before.length);
  });

  it('submitting a domain graded requires improvement without a narrative is refused, naming it', async () => {
    await tm().get(`/quality/audits/${auditId}/edit`);
    const res = await tm().post(`/quality/audits/${auditId}/submit`, {
      [`grade-${d1().id}`]: 'good',
      [`grade-${d2().id}`]: 'requires-improvement',
      overallGrade: 'good',
      overallNarrative: 'Overall.',
    });
    assert.equal(res.status, 400);
    assert.deepEqual(summaryLinks(res.text), [
      [`Write a narrative for ${d2().title}: it is graded requires improvement`, `#narrative-${d2().id}`],
    ]);
    assert.equal((await auditRow(auditId))?.status, 'draft');
  });

  it('an action: a past due date is refused; a valid one is added with its event, owned by a user', async () => {
    const page = await tm().get(`/quality/audits/${auditId}/actions`);
    assert.equal(page.status, 200);
    const late = await tm().post(`/quality/audits/${auditId}/actions`, {
      description: 'Update the chronology',
      domainId: String(d1().id),
      ownerUserId: '',
      ownerName: '',
      'dueOn-day': String(Number(addDays(today, -1).slice(8, 10))),
      'dueOn-month': String(Number(addDays(today, -1).slice(5, 7))),
      'dueOn-year': addDays(today, -1).slice(0, 4),
    });
    assert.equal(late.status, 400);
    assert.deepEqual(
      summaryLinks(late.text).map((l) => l[1]),
      ['#ownerUserId', '#dueOn-day'],
    );
    assert.equal((await db().select().from(caseAuditActions).where(eq(caseAuditActions.auditId, auditId))).length, 0);
    const due = addDays(today, 28);
    const ok = await tm().post(`/quality/audits/${auditId}/actions`, {
      description: 'Update the chronology',
      domainId: String(d1().id),
      ownerUserId: String(ids['social-worker']),
      ownerName: '',
      'dueOn-day': due.slice(8, 10),
      'dueOn-month': due.slice(5, 7),
      'dueOn-year': due.slice(0, 4),
    });
    assert.equal(ok.status, 303);
    const [action] = await db().select().from(caseAuditActions).where(eq(caseAuditActions.auditId, auditId));
    assert.equal(action?.ownerName, 'Test social-worker');
    assert.equal(action?.ownerUserId, ids['social-worker']);
    assert.equal(action?.dueOn, due);
    assert.equal(action?.domainId, d1().id);
    assert.equal(action?.status, 'open');
    assert.equal((await events(auditId)).at(-1)?.event, 'action-added');
    // Not the director's to add (403), nor anyone's outside the authority's roles.
    assert.equal((await (clients.director as TestClient).get(`/quality/audits/${auditId}/actions`)).status, 403);
  });

  it('a partner’s contribution: the programme’s agencies first; recorded with its event', async () => {
    const page = await tm().get(`/quality/audits/${auditId}/contributions`);
    assert.equal(page.status, 200);
    const order = [...page.text.matchAll(/name="agency" type="radio" value="([a-z]+)"/g)].map((m) => m[1]);
    assert.deepEqual(order, ['health', 'police', 'education', 'probation', 'housing', 'other']);
    const missing = await tm().post(`/quality/audits/${auditId}/contributions`, {
      agency: 'health',
      contributorName: '',
      narrative: '',
    });
    assert.equal(missing.status, 400);
    assert.deepEqual(
      summaryLinks(missing.text).map((l) => l[1]),
      ['#contributorName', '#narrative', '#contributedOn-day'],
    );
    const ok = await tm().post(`/quality/audits/${auditId}/contributions`, {
      agency: 'health',
      contributorName: 'Harper Health',
      contributorRole: 'Health visitor',
      narrative: 'Health view.',
      grade: 'good',
      'contributedOn-day': today.slice(8, 10),
      'contributedOn-month': today.slice(5, 7),
      'contributedOn-year': today.slice(0, 4),
    });
    assert.equal(ok.status, 303);
    const [c] = await db().select().from(caseAuditContributions).where(eq(caseAuditContributions.auditId, auditId));
    assert.equal(c?.agency, 'health');
    assert.equal(c?.grade, 'good');
    assert.equal(c?.recordedBy, 'Test team-manager');
    assert.equal((await events(auditId)).at(-1)?.event, 'contribution-added');
  });

  it('a complete submission locks the audit: status submitted, submitted today, saved and submitted events', async () => {
    await tm().get(`/quality/audits/${auditId}/edit`);
    const res = await tm().post(`/quality/audits/${auditId}/submit`, {
      [`grade-${d1().id}`]: 'good',
      [`narrative-${d1().id}`]: 'Assessment narrative.',
      [`grade-${d2().id}`]: 'requires-improvement',
      [`narrative-${d2().id}`]: 'The child’s wishes are not recorded.',
      overallGrade: 'requires-improvement',
      overallNarrative: 'Overall narrative.',
      workerReflection: 'Reflective.',
      feedbackFrom: 'parent',
      familyFeedback: 'Mum felt listened to.',
    });
    assert.equal(res.status, 303);
    assert.equal(res.location, `/quality/audits/${auditId}`);
    const row = await auditRow(auditId);
    assert.equal(row?.status, 'submitted');
    assert.equal(row?.submittedOn, today);
    assert.equal(row?.overallGrade, 'requires-improvement');
    assert.equal(row?.feedbackFrom, 'parent');
    assert.deepEqual(
      (await gradeRows(auditId)).map((g) => [g.domainId, g.grade]),
      [
        [d1().id, 'good'],
        [d2().id, 'requires-improvement'],
      ],
    );
    const all = await events(auditId);
    assert.deepEqual(
      all.map((e) => e.event),
      ['created', 'saved', 'saved', 'saved', 'action-added', 'contribution-added', 'saved', 'submitted'],
    );
    assert.deepEqual(all.at(-2)?.detail, {
      fields: [
        `grade-${d2().id}`,
        `narrative-${d2().id}`,
        'overallGrade',
        'overallNarrative',
        'feedbackFrom',
        'familyFeedback',
      ],
      grades: [
        { field: `grade-${d2().id}`, from: null, to: 'requires-improvement' },
        { field: 'overallGrade', from: null, to: 'requires-improvement' },
      ],
    });
    // Narrative text is never copied into the history.
    assert.doesNotMatch(JSON.stringify(all.map((e) => e.detail)), /wishes|Mum|Overall narrative/);
  });

  it('after submitting, the child’s record no longer opens for the out-of-team auditor (404)', async () => {
    assert.equal((await tm().get(`/children/${world.childInTeamB}`)).status, 404);
  });

  it('a submitted audit refuses edits with 409 and the date, and its data is unchanged', async () => {
    const before = {
      row: await auditRow(auditId),
      grades: await gradeRows(auditId),
      events: (await events(auditId)).length,
    };
    const form = await tm().get(`/quality/audits/${auditId}/edit`);
    assert.equal(form.status, 409);
    const [y, m, d] = today.split('-').map(Number) as [number, number, number];
    const when = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    assert.match(form.text, new RegExp(`This audit was submitted on ${when} and is locked`));
    await tm().get('/quality/audits');
    const save = await tm().post(`/quality/audits/${auditId}/edit`, {
      [`grade-${d1().id}`]: 'inadequate',
      overallNarrative: 'Changed',
    });
    assert.equal(save.status, 409);
    assert.equal(
      (await tm().post(`/quality/audits/${auditId}/submit`, { [`grade-${d1().id}`]: 'inadequate' })).status,
      409,
    );
    assert.equal((await tm().get(`/quality/audits/${auditId}/contributions`)).status, 409);
    assert.deepEqual(await auditRow(auditId), before.row);
    assert.deepEqual(await gradeRows(auditId), before.grades);
    assert.equal((await events(auditId)).length, before.events);
  });

  it('the audit page: grades, descriptors, contribution, action, history; readable by its auditor and leaders, not by another team or admin', async () => {
    const page = await tm().get(`/quality/audits/${auditId}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Audit of Blake Bravo');
    assert.match(page.text, new RegExp(`href="/quality/frameworks/${frameworkId}/versions/1"`));
    assert.match(page.text, /Practice standards audit, version 1/);
    assert.match(page.text, new RegExp(`href="/children/${world.childInTeamB}"`));
    assert.match(page.text, /What each grade means/);
    assert.match(page.text, /Harper Health/);
    assert.match(page.text, /Update the chronology/);
    assert.match(page.text, /Grade: Voice of the child \(none to Requires improvement to be good\)/);
    assert.doesNotMatch(page.text, /Moderate this audit/, 'not for its own auditor');
    const hos = await (clients['head-of-service'] as TestClient).get(`/quality/audits/${auditId}`);
    assert.equal(hos.status, 200);
    assert.match(hos.text, new RegExp(`href="/quality/audits/${auditId}/moderate"`));
    assert.match(hos.text, new RegExp(`href="/quality/audits/${auditId}/reopen"`));
    assert.equal((await (clients.director as TestClient).get(`/quality/audits/${auditId}`)).status, 200);
    assert.equal((await (clients['qa-auditor'] as TestClient).get(`/quality/audits/${auditId}`)).status, 200);
    // The team A social worker: a team B child's audit, not theirs — 404, like a missing one.
    assert.equal((await (clients['social-worker'] as TestClient).get(`/quality/audits/${auditId}`)).status, 404);
    for (const role of ['admin', 'analyst', 'member'])
      assert.equal((await (clients[role] as TestClient).get(`/quality/audits/${auditId}`)).status, 403, role);
    assert.equal((await tm().get('/quality/audits/999999')).status, 404);
  });

  it('team scope on the list: the social worker sees their team’s audit, not team B’s; the team manager sees the one they conducted', async () => {
    const [ka] = await db().select().from(children).where(eq(children.lanternId, world.childInTeamA));
    if (!ka) throw new Error('setup');
    const [teamA] = await db()
      .insert(caseAudits)
      .values({
        authorityId: world.authorityId,
        childId: ka.id,
        teamId: world.teamA,
        auditorName: 'Someone Else',
        status: 'submitted',
        submittedOn: '2025-06-10',
        overallGrade: 'good',
      })
      .returning();
    const sw = await (clients['social-worker'] as TestClient).get('/quality/audits');
    assert.equal(sw.status, 200);
    assert.match(sw.text, new RegExp(`href="/quality/audits/${teamA?.id}"`));
    assert.doesNotMatch(sw.text, new RegExp(`href="/quality/audits/${auditId}"`));
    assert.match(sw.text, /1 audit</);
    const tmList = await tm().get('/quality/audits');
    assert.match(tmList.text, new RegExp(`href="/quality/audits/${auditId}"`));
    assert.match(tmList.text, new RegExp(`href="/quality/audits/${teamA?.id}"`));
    // Filters: month submitted and status.
    const june = await (clients.director as TestClient).get('/quality/audits?month=2025-06');
    assert.match(june.text, new RegExp(`href="/quality/audits/${teamA?.id}"`));
    assert.doesNotMatch(june.text, new RegExp(`href="/quality/audits/${auditId}"`));
    const drafts = await (clients.director as TestClient).get('/quality/audits?status=draft');
    assert.match(drafts.text, /0 audits/);
    assert.equal((await (clients.admin as TestClient).get('/quality/audits')).status, 403);
    assert.equal((await (clients.member as TestClient).get('/quality/audits')).status, 403);
  });

  it('after version 2 is published, the audit still reads against version 1', async () => {
    const [v2] = await db()
      .insert(auditFrameworkVersions)
      .values({ frameworkId, version: 2, status: 'published', publishedOn: today, publishedBy: 'Test' })
      .returning();
    if (!v2) throw new Error('setup');
    await db().update(auditFrameworkVersions).set({ status: 'retired' }).where(eq(auditFrameworkVersions.id, v1));
    for (const [i, d] of domains.entries()) {
      const [fd] = await db()
        .insert(auditFrameworkDomains)
        .values({ versionId: v2.id, domainId: d.id, sortOrder: 3 - i, guidance: `V2 guidance for ${d.title}` })
        .returning();
      if (fd)
        await db()
          .insert(auditFrameworkQuestions)
          .values({ frameworkDomainId: fd.id, sortOrder: 1, text: `V2 question on ${d.title}?` });
    }
    const page = await tm().get(`/quality/audits/${auditId}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Practice standards audit, version 1/);
    assert.match(page.text, /V1 question on Quality of assessment\?/);
    assert.doesNotMatch(page.text, /V2 /);
    assert.doesNotMatch(page.text, /Management oversight/);
  });

  it('an audit recorded before frameworks shows its grades by practice domain title', async () => {
    const [ka] = await db().select().from(children).where(eq(children.lanternId, world.childInTeamA));
    if (!ka) throw new Error('setup');
    const [old] = await db()
      .insert(caseAudits)
      .values({
        authorityId: world.authorityId,
        childId: ka.id,
        teamId: world.teamA,
        auditorName: 'Old Auditor',
        status: 'submitted',
        submittedOn: '2023-02-01',
        overallGrade: 'inadequate',
      })
      .returning();
    if (!old) throw new Error('setup');
    await db()
      .insert(caseAuditGrades)
      .values({ auditId: old.id, domainId: domains[2]?.id ?? 0, grade: 'inadequate', narrative: 'Oversight absent.' });
    const page = await (clients.director as TestClient).get(`/quality/audits/${old.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /None: recorded before audit frameworks/);
    assert.match(page.text, /<h3 class="govuk-heading-s" id="domain-\d+">Management oversight<\/h3>/);
    assert.doesNotMatch(page.text, /Quality of assessment/, 'only the domains it graded');
  });

  it('reopen: a reason is required; then back to draft with the reason in its history; the auditor may edit again', async () => {
    const hos = clients['head-of-service'] as TestClient;
    const form = await hos.get(`/quality/audits/${auditId}/reopen`);
    assert.equal(form.status, 200);
    const empty = await hos.post(`/quality/audits/${auditId}/reopen`, { reason: ' ' });
    assert.equal(empty.status, 400);
    assert.deepEqual(summaryLinks(empty.text), [['Enter why the audit is being reopened', '#reason']]);
    assert.equal((await auditRow(auditId))?.status, 'submitted');
    // Not a team manager's to reopen (audit:manage).
    await tm().get('/quality/audits');
    assert.equal((await tm().post(`/quality/audits/${auditId}/reopen`, { reason: 'Mine' })).status, 403);
    const ok = await hos.post(`/quality/audits/${auditId}/reopen`, { reason: 'Wrong child’s plan was read' });
    assert.equal(ok.status, 303);
    const row = await auditRow(auditId);
    assert.equal(row?.status, 'draft');
    assert.equal(row?.submittedOn, null);
    const last = (await events(auditId)).at(-1);
    assert.equal(last?.event, 'reopened');
    assert.equal(last?.userName, 'Test head-of-service');
    assert.deepEqual(last?.detail, { reason: 'Wrong child’s plan was read', wasSubmittedOn: today });
    assert.equal((await tm().get(`/quality/audits/${auditId}/edit`)).status, 200);
    // Draft again: the record opens for its auditor again.
    assert.equal((await tm().get(`/children/${world.childInTeamB}`)).status, 200);
    // Reopening a draft is a conflict.
    await hos.get('/quality/audits');
    assert.equal((await hos.post(`/quality/audits/${auditId}/reopen`, { reason: 'Again' })).status, 409);
  });

  it('a moderated audit cannot be reopened (409) and shows its moderation', async () => {
    const [ka] = await db().select().from(children).where(eq(children.lanternId, world.childInTeamA));
    if (!ka) throw new Error('setup');
    const [m] = await db()
      .insert(caseAudits)
      .values({
        authorityId: world.authorityId,
        childId: ka.id,
        teamId: world.teamA,
        auditorName: 'Avery Auditor',
        status: 'moderated',
        submittedOn: '2025-05-01',
        overallGrade: 'good',
        agreedOverallGrade: 'requires-improvement',
      })
      .returning();
    if (!m) throw new Error('setup');
    await db()
      .insert(caseAuditGrades)
      .values({ auditId: m.id, domainId: domains[2]?.id ?? 0, grade: 'good', agreedGrade: 'requires-improvement' });
    await db().insert(caseAuditModerations).values({
      auditId: m.id,
      level: 'double-lock',
      moderatorName: 'Morgan Moderator',
      moderatedOn: '2025-05-10',
      overallGrade: 'requires-improvement',
      overallReason: 'Drift',
    });
    const qa = clients['qa-auditor'] as TestClient;
    const page = await qa.get(`/quality/audits/${m.id}`);
    assert.equal(page.status, 200);
    assert.match(page.text, /Double lock \(manager\): Morgan Moderator, 10 May 2025/);
    assert.doesNotMatch(page.text, /Reopen this audit/);
    const res = await qa.post(`/quality/audits/${m.id}/reopen`, { reason: 'Try' });
    assert.equal(res.status, 409);
    assert.match(res.text, /has been moderated and cannot be reopened/);
    const [after] = await db()
      .select()
      .from(caseAudits)
      .where(and(eq(caseAudits.id, m.id), eq(caseAudits.status, 'moderated')));
    assert.ok(after);
  });
  it('a case allocated in a closed programme opens no record and cannot be started (409)', async () => {
    const [closed] = await db()
      .insert(auditProgrammes)
      .values({
        authorityId: world.authorityId,
        kind: 'monthly',
        title: 'Closed round',
        frameworkVersionId: v1,
        startsOn: '2025-01-01',
        dueOn: '2025-02-01',
        status: 'closed',
        createdBy: 'Test',
      })
      .returning();
    const [kb2] = await db().select().from(children).where(eq(children.lanternId, otherTeamB));
    if (!closed || !kb2) throw new Error('setup');
    const [pc] = await db()
      .insert(auditProgrammeCases)
      .values({ programmeId: closed.id, childId: kb2.id, teamId: world.teamB, auditorUserId: ids['team-manager'] })
      .returning();
    assert.equal((await tm().get(`/children/${otherTeamB}`)).status, 404);
    const list = await tm().get('/quality/audits');
    assert.doesNotMatch(list.text, new RegExp(`/quality/cases/${pc?.id}/start`));
    const res = await tm().post(`/quality/cases/${pc?.id}/start`);
    assert.equal(res.status, 409);
    assert.match(res.text, /This programme is closed/);
    assert.equal(
      (
        await db()
          .select()
          .from(caseAudits)
          .where(eq(caseAudits.programmeCaseId, pc?.id ?? 0))
      ).length,
      0,
    );
  });
});
