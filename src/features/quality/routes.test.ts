/**
 * The audit results pages and API as their users meet them. Fixed period January–March 2024 (so the default period,
 * the last 12 complete months, never reaches it), teams from the test world (Family Support A and B, cin-cp) and a
 * Care Team (children-in-care):
 *
 *   February 2024, Family Support A: 6 audits, assessment good            → assessment G6
 *   February 2024, Family Support A: a draft, assessment outstanding      → not counted
 *   March 2024, Care Team (moderated): assessment inadequate (confirmed), voice RI → agreed good
 *                                                                         → assessment I1, voice G1
 *   Assessment: G6 I1 = 7, good or better 6/7 = 85.7%, inadequate 1/7 = 14.3%. Voice: G1 = 100%.
 *   Moderation pairs (auditor, moderator): (I, I), (RI, G): exact 1/2 = 50%.
 *     Weighted kappa (linear weights 1, 2/3, 1/3, 0): Po = (1 + 2/3)/2 = 5/6; marginals auditor RI ½ I ½, moderator
 *     G ½ I ½; Pe = ¼(w(RI,G) + w(RI,I) + w(I,G) + w(I,I)) = ¼(2/3 + 2/3 + 1/3 + 1) = 2/3; κw = (5/6 − 2/3)/(1/3) = 0.500.
 *     Assessment alone: one pair (I, I), chance agreement total → no kappa; voice alone: (RI, G), Po = Pe = 2/3 → 0.000.
 * Relative to today: last month, Family Support A, voice outstanding (in the default period); this month, voice
 * outstanding (not: the month is not complete).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { caseAuditModerationGrades, caseAuditModerations, caseAudits, children } from '../../db/schema/index';
import { todayInLondon } from '../../domain/today';
import { addMonths } from '../../domain/working-days';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../test/support/app';
import { buildTeam } from '../../../test/support/builders';
import { h1, TestClient } from '../../../harness/client';
import { buildAudit, buildDomain } from '../../../test/support/improvement';
import { tableRow } from '../../../test/support/html';

const today = todayInLondon();
const firstOfMonth = `${today.slice(0, 8)}01`;
const lastMonth = addMonths(firstOfMonth, -1);
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
const Q = 'from=2024-01&to=2024-03';

describe('audit results pages and API', () => {
  let world: TestWorld;
  const clients: Record<string, TestClient> = {};
  let careTeam = 0;

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    const la = world.authorityId;
    careTeam = (await buildTeam(db, { authorityId: la, name: 'Care Team', serviceArea: 'children-in-care' })).id;
    const assessment = await buildDomain(db, {
      authorityId: la,
      key: 'assessment',
      title: 'Quality of assessment',
      sortOrder: 1,
    });
    const voice = await buildDomain(db, { authorityId: la, key: 'voice', title: 'Voice of the child', sortOrder: 2 });
    const [child] = await db.select().from(children).where(eq(children.laChildId, 'TA1'));
    if (!child) throw new Error('no child');
    const audit = async (
      teamId: number,
      submittedOn: string | null,
      grades: Parameters<typeof buildAudit>[1]['grades'],
      status = 'submitted',
    ) => {
      const a = await buildAudit(db, { authorityId: la, childId: Number(child.id), submittedOn, status, grades });
      await db.update(caseAudits).set({ teamId }).where(eq(caseAudits.id, a.id));
      return a;
    };
    for (let i = 0; i < 6; i++) await audit(world.teamA, '2024-02-10', [{ domainId: assessment.id, grade: 'good' }]);
    await audit(world.teamA, null, [{ domainId: assessment.id, grade: 'outstanding' }], 'draft');
    const moderated = await audit(
      careTeam,
      '2024-03-20',
      [
        { domainId: assessment.id, grade: 'inadequate', agreedGrade: 'inadequate' },
        { domainId: voice.id, grade: 'requires-improvement', agreedGrade: 'good' },
      ],
      'moderated',
    );
    const [m] = await db
      .insert(caseAuditModerations)
      .values({ auditId: moderated.id, level: 'double-lock', moderatorName: 'Manager', moderatedOn: '2024-03-25' })
      .returning();
    if (!m) throw new Error('no moderation');
    await db.insert(caseAuditModerationGrades).values([
      { moderationId: m.id, domainId: assessment.id, grade: 'inadequate' },
      { moderationId: m.id, domainId: voice.id, grade: 'good', reason: 'The child’s wishes are recorded and acted on' },
    ]);
    await audit(world.teamA, `${lastMonth.slice(0, 8)}15`, [{ domainId: voice.id, grade: 'outstanding' }]);
    await audit(world.teamA, firstOfMonth, [{ domainId: voice.id, grade: 'outstanding' }]);
    for (const role of ['head-of-service', 'analyst', 'member', 'social-worker', 'team-manager']) {
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

  it('by domain: counts and shares per grade, the agreed grade counted, the draft not', async () => {
    const page = await as('head-of-service').get(`/quality?${Q}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Audit results');
    const caption = 'Grades by practice domain, January 2024 to March 2024';
    // Outstanding, good, RI, inadequate, total, good or better.
    assert.deepEqual(tableRow(page.text, caption, 'Quality of assessment'), [
      'Quality of assessment',
      '0 (0%)',
      '6 (85.7%)',
      '0 (0%)',
      '1 (14.3%)',
      '7',
      '85.7%',
    ]);
    // The auditor's RI is not counted: the agreed good is.
    assert.deepEqual(tableRow(page.text, caption, 'Voice of the child'), [
      'Voice of the child',
      '0 (0%)',
      '1 (100%)',
      '0 (0%)',
      '0 (0%)',
      '1',
      '100%',
    ]);
    assert.deepEqual(tableRow(page.text, caption, 'All domain grades'), [
      'All domain grades',
      '0 (0%)',
      '7 (87.5%)',
      '0 (0%)',
      '1 (12.5%)',
      '8',
      '87.5%',
    ]);
  });

  it('by team, service area and month, and the share over time beside its chart', async () => {
    const page = await as('analyst').get(`/quality?${Q}`);
    assert.equal(page.status, 200);
    assert.deepEqual(tableRow(page.text, 'Grades by team', 'Family Support A').slice(5), ['6', '100%']);
    assert.deepEqual(tableRow(page.text, 'Grades by team', 'Care Team').slice(5), ['2', '50%']); // I and agreed G
    assert.deepEqual(tableRow(page.text, 'Grades by service area', 'Children in care').slice(5), ['2', '50%']);
    assert.deepEqual(tableRow(page.text, 'Grades by service area', 'Children in need and child protection').slice(5), [
      '6',
      '100%',
    ]);
    assert.deepEqual(tableRow(page.text, 'Grades by month submitted', 'January 2024').slice(5), ['0', 'No grades']);
    assert.deepEqual(tableRow(page.text, 'Grades by month submitted', 'March 2024').slice(5), ['2', '50%']);
    assert.deepEqual(tableRow(page.text, 'Domain grades good or better, by month', 'February 2024'), [
      'February 2024',
      '6',
      '6',
      '100%',
    ]);
    assert.match(page.text, /<svg[^>]*role="img"/);
    // The agreement summary: 2 pairs, 50%, κw 0.500.
    assert.match(page.text, /Exact agreement\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*50%/);
    assert.match(page.text, /Weighted kappa\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*0\.500/);
    assert.match(page.text, /href="\/quality\/agreement\?from=2024-01&amp;to=2024-03"/);
  });

  it('filters: one team, one service area, one domain', async () => {
    const team = await as('head-of-service').get(`/quality?${Q}&team=${careTeam}`);
    assert.deepEqual(tableRow(team.text, 'Grades by practice domain', 'Quality of assessment').slice(5), ['1', '0%']);
    assert.deepEqual(tableRow(team.text, 'Grades by practice domain', 'Voice of the child').slice(5), ['1', '100%']);
    assert.match(team.text, /<option value="\d+" selected>Care Team<\/option>/);
    const service = await as('head-of-service').get(`/quality?${Q}&service=cin-cp`);
    assert.deepEqual(tableRow(service.text, 'Grades by practice domain', 'Quality of assessment').slice(5), [
      '6',
      '100%',
    ]);
    assert.deepEqual(tableRow(service.text, 'Grades by practice domain', 'Voice of the child').slice(5), [
      '0',
      'No grades',
    ]);
    const domains = await as('head-of-service').get(`/quality?${Q}`);
    const voiceId = /<option value="(\d+)">Voice of the child<\/option>/.exec(domains.text)?.[1];
    const voice = await as('head-of-service').get(`/quality?${Q}&domain=${voiceId}`);
    assert.deepEqual(tableRow(voice.text, 'Grades by team', 'Care Team').slice(5), ['1', '100%']);
    assert.throws(() => tableRow(voice.text, 'Grades by team', 'Family Support A'));
  });

  it('the default period is the last 12 complete months: last month’s audit counts, this month’s does not', async () => {
    const page = await as('head-of-service').get('/quality');
    assert.equal(page.status, 200);
    const caption = `Grades by practice domain, ${monthName(addMonths(firstOfMonth, -12))} to ${monthName(lastMonth)}`;
    assert.deepEqual(tableRow(page.text, caption, 'Voice of the child'), [
      'Voice of the child',
      '1 (100%)',
      '0 (0%)',
      '0 (0%)',
      '0 (0%)',
      '1',
      '100%',
    ]);
    assert.match(page.text, new RegExp(`value="${lastMonth.slice(0, 7)}"`));
  });

  it('members: counts from 1 to 4 and the shares made from them are "c"', async () => {
    const page = await as('member').get(`/quality?${Q}`);
    assert.equal(page.status, 200);
    const caption = 'Grades by practice domain';
    assert.deepEqual(tableRow(page.text, caption, 'Quality of assessment'), [
      'Quality of assessment',
      '0 (0%)',
      '6 (85.7%)',
      '0 (0%)',
      'c (c)',
      '7',
      '85.7%',
    ]);
    // 0 of 1 is a share made from a total under 5: "c" too.
    assert.deepEqual(tableRow(page.text, caption, 'Voice of the child'), [
      'Voice of the child',
      '0 (c)',
      'c (c)',
      '0 (c)',
      '0 (c)',
      'c',
      'c',
    ]);
    assert.deepEqual(tableRow(page.text, 'Grades by team', 'Care Team').slice(1), [
      '0 (c)',
      'c (c)',
      '0 (c)',
      'c (c)',
      'c',
      'c',
    ]);
    assert.deepEqual(tableRow(page.text, 'Domain grades good or better, by month', 'March 2024'), [
      'March 2024',
      'c',
      'c',
      'c',
    ]);
    assert.match(page.text, /Weighted kappa\s*<\/dt>\s*<dd class="govuk-summary-list__value">\s*c/);
    const agreement = await as('member').get(`/quality/agreement?${Q}`);
    assert.deepEqual(tableRow(agreement.text, 'Overall', 'All moderated domain grades'), [
      'All moderated domain grades',
      'c',
      'c',
      'c',
    ]);
    assert.deepEqual(tableRow(agreement.text, 'Auditor’s grade against moderated grade', 'Auditor: Inadequate'), [
      'Auditor: Inadequate',
      '0',
      '0',
      '0',
      'c',
    ]);
  });

  it('a bad period: an error summary, 400, and the default period shown', async () => {
    const page = await as('head-of-service').get('/quality?from=2024-13&to=2024-03');
    assert.equal(page.status, 400);
    assert.match(page.text, /There is a problem/);
    assert.match(page.text, /<a href="#from">Enter the first month as a year and month, for example \d{4}-\d{2}<\/a>/);
    const backwards = await as('head-of-service').get('/quality?from=2024-03&to=2024-01');
    assert.equal(backwards.status, 400);
    assert.match(backwards.text, /The last month must be the same as or after the first month/);
    const long = await as('head-of-service').get('/quality?from=2018-01&to=2024-01');
    assert.equal(long.status, 400);
    assert.match(long.text, /The period must be 60 months or fewer/);
  });

  it('the agreement page: overall, by auditor, by domain (kappa to 3 places) and the 4×4 table', async () => {
    const page = await as('head-of-service').get(`/quality/agreement?${Q}`);
    assert.equal(page.status, 200);
    assert.equal(h1(page.text), 'Moderation agreement');
    assert.match(page.text, /1 is full agreement, 0 is no better than chance/);
    assert.match(page.text, /weights are linear/);
    assert.deepEqual(tableRow(page.text, 'Overall', 'All moderated domain grades'), [
      'All moderated domain grades',
      '2',
      '50%',
      '0.500',
    ]);
    assert.deepEqual(tableRow(page.text, 'By auditor', 'Auditor'), ['Auditor', '2', '50%', '0.500']);
    assert.deepEqual(tableRow(page.text, 'By practice domain', 'Quality of assessment'), [
      'Quality of assessment',
      '1',
      '100%',
      'Not enough pairs',
    ]);
    assert.deepEqual(tableRow(page.text, 'By practice domain', 'Voice of the child'), [
      'Voice of the child',
      '1',
      '0%',
      '0.000',
    ]);
    const matrix = 'Auditor’s grade against moderated grade';
    assert.deepEqual(tableRow(page.text, matrix, 'Auditor: Requires improvement to be good'), [
      'Auditor: Requires improvement to be good',
      '0',
      '1',
      '0',
      '0',
    ]);
    assert.deepEqual(tableRow(page.text, matrix, 'Auditor: Inadequate'), ['Auditor: Inadequate', '0', '0', '0', '1']);
    assert.deepEqual(tableRow(page.text, matrix, 'Auditor: Good'), ['Auditor: Good', '0', '0', '0', '0']);
  });

  it('a social worker may not see audit results (403), pages or API; a team manager may', async () => {
    for (const path of [`/quality?${Q}`, '/quality/agreement', '/api/audit-results', '/api/audit-results/agreement']) {
      assert.equal((await as('social-worker').get(path)).status, 403, path);
      assert.equal((await as('team-manager').get(path)).status, 200, path);
    }
    const anonymous = new TestClient(world.baseUrl);
    assert.equal((await anonymous.get('/quality')).status, 303);
    assert.equal((await anonymous.get('/api/audit-results')).status, 401);
  });

  it('API: grades by team and by domain, members suppressed, bad input a 400', async () => {
    const byTeam = await as('head-of-service').get(`/api/audit-results?${Q}&by=team`);
    assert.equal(byTeam.status, 200);
    const body = JSON.parse(byTeam.text) as {
      from: string;
      to: string;
      by: string;
      rows: Array<Record<string, unknown>>;
      total: Record<string, unknown>;
    };
    assert.deepEqual([body.from, body.to, body.by], ['2024-01', '2024-03', 'team']);
    assert.deepEqual(
      body.rows.map((r) => [r.label, r.good, r.inadequate, r.total, r.goodOrBetter]),
      [
        ['Care Team', 1, 1, 2, 0.5],
        ['Family Support A', 6, 0, 6, 1],
      ],
    );
    assert.deepEqual(body.total, {
      outstanding: 0,
      good: 7,
      requiresImprovement: 0,
      inadequate: 1,
      total: 8,
      goodOrBetter: 7 / 8,
    });
    const member = JSON.parse((await as('member').get(`/api/audit-results?${Q}&by=domain`)).text) as {
      rows: Array<Record<string, unknown>>;
    };
    assert.deepEqual(
      member.rows.map((r) => [r.key, r.good, r.inadequate, r.total, r.goodOrBetter]),
      [
        ['assessment', 6, 'c', 7, 6 / 7],
        ['voice', 'c', 0, 'c', 'c'],
      ],
    );
    for (const bad of ['by=week', 'from=2024-3', 'from=2024-04&to=2024-01', 'team=abc']) {
      const reply = await as('head-of-service').get(`/api/audit-results?${bad}`);
      assert.equal(reply.status, 400, bad);
      assert.match(reply.headers.get('content-type') ?? '', /problem\+json/);
    }
  });

  it('API: agreement overall, by auditor and by domain, and both are in the OpenAPI document', async () => {
    const reply = await as('analyst').get(`/api/audit-results/agreement?${Q}`);
    assert.equal(reply.status, 200);
    const body = JSON.parse(reply.text) as {
      overall: Record<string, unknown>;
      byAuditor: Array<Record<string, unknown>>;
      byDomain: Array<Record<string, unknown>>;
    };
    assert.equal(body.overall.pairs, 2);
    assert.equal(body.overall.exactShare, 0.5);
    assert.ok(Math.abs(Number(body.overall.weightedKappa) - 0.5) < 1e-9);
    assert.deepEqual(body.overall.counts, [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 1, 0, 0],
      [0, 0, 0, 1],
    ]);
    assert.deepEqual(
      body.byDomain.map((d) => [d.domain, d.pairs, d.weightedKappa]),
      [
        ['Quality of assessment', 1, null],
        ['Voice of the child', 1, 0],
      ],
    );
    assert.deepEqual(
      body.byAuditor.map((a) => a.auditor),
      ['Auditor'],
    );
    const documented = Object.keys((world.openapi as { paths: Record<string, unknown> }).paths);
    assert.ok(documented.includes('/api/audit-results') && documented.includes('/api/audit-results/agreement'));
  });
});
