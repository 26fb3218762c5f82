/**
 * Moderation on both engines. One audit of a team A child, conducted by the QA auditor (user 10), submitted 10 February
 * 2026 against a framework version that orders Voice before Assessment; auditor's grades: Assessment good, Voice
 * requires improvement, overall good.
 *
 *   double lock by the team A manager (user 2): Assessment good → RI (reason), Voice RI confirmed, overall good → RI
 *     → agreed Assessment RI, Voice RI, overall RI; status moderated; event lists Assessment good → RI only
 *   triple lock by the head of service for an external moderator: Assessment good (the auditor's again: no reason
 *     needed), Voice RI → good (reason), overall good → agreed Assessment good, Voice good, overall good (the latest
 *     moderation supersedes); the moderator's name is the external moderator's
 */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import {
  auditFrameworkDomains,
  auditFrameworks,
  auditFrameworkVersions,
  caseAuditEvents,
  caseAuditGrades,
  caseAuditModerationGrades,
  caseAuditModerations,
  caseAudits,
} from '../../../db/schema/index';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../core/errors';
import type { Auditor } from '../../../accounts/access-log/auditor';
import type { CurrentUser } from '../../../accounts/users/service';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAllocation,
  buildAuthority,
  buildCaseAudit,
  buildChild,
  buildTeam,
  buildWorker,
} from '../../../../test/support/builders';
import { buildDomain } from '../../../../test/support/improvement';
import { refreshKeptValues, refreshMonthlyValues, storedMonthlyValues } from '../../indicators/stored-values';
import { auditForModeration, moderate, moderationQueue, readModeration, refusal } from './service';

function recorder(): Auditor & { calls: unknown[] } {
  const calls: unknown[] = [];
  return {
    action: 'quality.audit.moderate',
    calls,
    get recorded() {
      return calls.length > 0;
    },
    async record(_tx: Tx, target) {
      calls.push(target);
    },
  };
}

const user = (id: number, role: CurrentUser['role'], authorityId: number, teamId: number | null): CurrentUser => ({
  id,
  username: role,
  displayName: `User ${id}`,
  role,
  authorityId,
  teamId,
  workerId: null,
});

describeEachEngine('moderation', (ctx) => {
  const ids = { la: 0, teamA: 0, teamB: 0, assessment: 0, voice: 0, audit: 0, draft: 0, version: 0 };
  let hos: CurrentUser;
  let tm: CurrentUser;
  let tmB: CurrentUser;
  let qa: CurrentUser;
  const count = async (table: typeof caseAuditModerations | typeof caseAuditEvents) =>
    (await ctx.database.db.select().from(table)).length;

  it('sets up', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db);
    ids.la = la.id;
    ids.teamA = (await buildTeam(db, { authorityId: la.id, name: 'Family A' })).id;
    ids.teamB = (await buildTeam(db, { authorityId: la.id, name: 'Family B' })).id;
    hos = user(1, 'head-of-service', la.id, null);
    tm = user(2, 'team-manager', la.id, ids.teamA);
    tmB = user(3, 'team-manager', la.id, ids.teamB);
    qa = user(10, 'qa-auditor', la.id, null);
    ids.assessment = (
      await buildDomain(db, { authorityId: la.id, key: 'assessment', title: 'Assessment', sortOrder: 1 })
    ).id;
    ids.voice = (await buildDomain(db, { authorityId: la.id, key: 'voice', title: 'Voice', sortOrder: 2 })).id;
    const [framework] = await db
      .insert(auditFrameworks)
      .values({ authorityId: la.id, key: 'standards', title: 'Standards' })
      .returning();
    if (!framework) throw new Error('no framework');
    const [version] = await db
      .insert(auditFrameworkVersions)
      .values({ frameworkId: framework.id, version: 1, status: 'published' })
      .returning();
    if (!version) throw new Error('no version');
    ids.version = version.id;
    await db.insert(auditFrameworkDomains).values([
      { versionId: version.id, domainId: ids.voice, sortOrder: 1 },
      { versionId: version.id, domainId: ids.assessment, sortOrder: 2 },
    ]);
    const child = await buildChild(db, { authorityId: la.id });
    await buildAllocation(db, {
      child,
      teamId: ids.teamA,
      workerId: (await buildWorker(db, { authorityId: la.id, teamId: ids.teamA })).id,
    });
    const audit = await buildCaseAudit(db, child, {
      teamId: ids.teamA,
      auditorUserId: 10,
      auditorName: 'Quinn',
      submittedOn: '2026-02-10',
      overallGrade: 'good',
      frameworkVersionId: version.id,
    });
    ids.audit = audit.id;
    await db.insert(caseAuditGrades).values([
      { auditId: audit.id, domainId: ids.assessment, grade: 'good', narrative: 'Assessment narrative' },
      { auditId: audit.id, domainId: ids.voice, grade: 'requires-improvement' },
    ]);
    const draft = await buildCaseAudit(db, child, { teamId: ids.teamA, status: 'draft', submittedOn: null });
    ids.draft = draft.id;
    await db.insert(caseAuditGrades).values({ auditId: draft.id, domainId: ids.assessment, grade: 'good' });
  });

  it('reads the audit in its framework version’s order (Voice before Assessment)', async () => {
    const a = await auditForModeration(ctx.database.db, hos, ids.audit);
    assert.deepEqual(
      a.domains.map((d) => [d.title, d.auditorGrade, d.agreedGrade]),
      [
        ['Voice', 'requires-improvement', null],
        ['Assessment', 'good', null],
      ],
    );
    assert.equal(a.domains[1]?.narrative, 'Assessment narrative');
  });

  it('who may: the auditor is refused (403), a draft is refused (409), another team’s manager is not found', async () => {
    const db = ctx.database.db;
    assert.equal(refusal(qa, await auditForModeration(db, qa, ids.audit))?.status, 403);
    assert.equal(refusal(hos, await auditForModeration(db, hos, ids.audit)), null);
    assert.equal(refusal(hos, await auditForModeration(db, hos, ids.draft))?.status, 409);
    await assert.rejects(auditForModeration(db, tmB, ids.audit), NotFoundError);
    await assert.rejects(
      moderate(db, qa, ids.audit, { level: 'double-lock' }, recorder(), '2026-02-20'),
      ForbiddenError,
    );
    await assert.rejects(
      moderate(db, hos, ids.draft, { level: 'double-lock' }, recorder(), '2026-02-20'),
      ConflictError,
    );
  });

  it('the queue: oldest first, never the user’s own audits, team managers only their team’s; filters', async () => {
    const db = ctx.database.db;
    assert.deepEqual(
      (await moderationQueue(db, hos, {})).awaiting.map((a) => a.auditId),
      [ids.audit],
    );
    assert.deepEqual(
      (await moderationQueue(db, tm, {})).awaiting.map((a) => a.auditId),
      [ids.audit],
    );
    assert.deepEqual((await moderationQueue(db, qa, {})).awaiting, []);
    assert.deepEqual((await moderationQueue(db, tmB, {})).awaiting, []);
    assert.deepEqual((await moderationQueue(db, hos, { month: '2026-01' })).awaiting, []);
    assert.deepEqual(
      (await moderationQueue(db, hos, { month: '2026-02', teamId: ids.teamA })).awaiting.map((a) => a.auditId),
      [ids.audit],
    );
    assert.deepEqual((await moderationQueue(db, hos, { teamId: ids.teamB })).awaiting, []);
  });

  it('refuses a changed grade without a reason with the exact message, and saves nothing', async () => {
    const db = ctx.database.db;
    const body = {
      level: 'double-lock',
      [`grade-${ids.assessment}`]: 'requires-improvement',
      [`grade-${ids.voice}`]: 'requires-improvement',
      overallGrade: 'good',
    };
    const a = await auditForModeration(db, tm, ids.audit);
    assert.deepEqual(readModeration(a, body).errors, [
      {
        field: `reason-${ids.assessment}`,
        message: 'Give the reason for changing Assessment’s grade from Good to Requires improvement',
      },
    ]);
    const audit = recorder();
    await assert.rejects(moderate(db, tm, ids.audit, body, audit, '2026-02-20'), ValidationError);
    assert.equal(await count(caseAuditModerations), 0);
    assert.equal(await count(caseAuditEvents), 0);
    assert.equal(audit.recorded, false);
    const [row] = await db.select().from(caseAudits).where(eq(caseAudits.id, ids.audit));
    assert.equal(row?.status, 'submitted');
  });

  it('refuses triple lock without the external moderator, a missing grade, and an overall change without a reason', async () => {
    const a = await auditForModeration(ctx.database.db, hos, ids.audit);
    const { errors } = readModeration(a, {
      level: 'triple-lock',
      externalModerator: '  ',
      [`grade-${ids.assessment}`]: 'good',
      overallGrade: 'inadequate',
    });
    assert.deepEqual(errors, [
      { field: 'externalModerator', message: 'Enter the external moderator’s name and organisation' },
      { field: `grade-${ids.voice}`, message: 'Select a grade for Voice' },
      { field: 'overallReason', message: 'Give the reason for changing the overall grade from Good to Inadequate' },
    ]);
    assert.deepEqual(
      readModeration(a, {}).errors.map((e) => e.field),
      ['level', `grade-${ids.voice}`, `grade-${ids.assessment}`, 'overallGrade'],
    );
  });

  it('double lock: agreed grades, status, the moderation and its grades, the event and the access log', async () => {
    const db = ctx.database.db;
    const audit = recorder();
    const id = await moderate(
      db,
      tm,
      ids.audit,
      {
        level: 'double-lock',
        externalModerator: 'ignored for a double lock',
        [`grade-${ids.assessment}`]: 'requires-improvement',
        [`reason-${ids.assessment}`]: 'The assessment does not analyse the risks',
        [`grade-${ids.voice}`]: 'requires-improvement',
        overallGrade: 'requires-improvement',
        overallReason: 'Follows the assessment grade',
      },
      audit,
      '2026-02-20',
    );
    const [m] = await db.select().from(caseAuditModerations).where(eq(caseAuditModerations.id, id));
    assert.deepEqual(
      [m?.level, m?.moderatorName, m?.moderatorUserId, m?.moderatedOn, m?.overallGrade],
      ['double-lock', 'User 2', 2, '2026-02-20', 'requires-improvement'],
    );
    const grades = await db
      .select()
      .from(caseAuditModerationGrades)
      .where(eq(caseAuditModerationGrades.moderationId, id));
    assert.deepEqual(
      grades.map((g) => [g.domainId, g.grade, g.reason]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [
        [ids.assessment, 'requires-improvement', 'The assessment does not analyse the risks'],
        [ids.voice, 'requires-improvement', ''],
      ],
    );
    const agreed = await db.select().from(caseAuditGrades).where(eq(caseAuditGrades.auditId, ids.audit));
    assert.deepEqual(
      agreed.map((g) => [g.domainId, g.grade, g.agreedGrade]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [
        [ids.assessment, 'good', 'requires-improvement'],
        [ids.voice, 'requires-improvement', 'requires-improvement'],
      ],
    );
    const [row] = await db.select().from(caseAudits).where(eq(caseAudits.id, ids.audit));
    assert.deepEqual([row?.status, row?.agreedOverallGrade], ['moderated', 'requires-improvement']);
    const events = await db.select().from(caseAuditEvents).where(eq(caseAuditEvents.auditId, ids.audit));
    assert.equal(events.length, 1);
    assert.equal(events[0]?.event, 'moderated');
    assert.deepEqual(events[0]?.detail, {
      moderationId: id,
      level: 'double-lock',
      domainsChanged: [
        {
          domainId: ids.assessment,
          domain: 'Assessment',
          from: 'good',
          to: 'requires-improvement',
          previouslyAgreed: null,
        },
      ],
      overall: { from: 'good', to: 'requires-improvement' },
    });
    assert.deepEqual(audit.calls, [
      { recordType: 'case-audit', recordId: String(ids.audit), detail: { level: 'double-lock', domainsChanged: 1 } },
    ]);
    const queue = await moderationQueue(db, hos, {});
    assert.deepEqual(
      [queue.awaiting.length, queue.forTripleLock.map((a) => [a.auditId, a.level])],
      [0, [[ids.audit, 'double-lock']]],
    );
  });

  it('triple lock afterwards supersedes: the latest moderation’s grades are agreed, the external moderator named', async () => {
    const db = ctx.database.db;
    const id = await moderate(
      db,
      hos,
      ids.audit,
      {
        level: 'triple-lock',
        externalModerator: 'Sam Patel, Brightwater Trust',
        [`grade-${ids.assessment}`]: 'good',
        [`grade-${ids.voice}`]: 'good',
        [`reason-${ids.voice}`]: 'The child’s views shape the plan',
        overallGrade: 'good',
      },
      recorder(),
      '2026-02-25',
    );
    const [m] = await db.select().from(caseAuditModerations).where(eq(caseAuditModerations.id, id));
    assert.deepEqual(
      [m?.level, m?.moderatorName, m?.moderatorUserId],
      ['triple-lock', 'Sam Patel, Brightwater Trust', 1],
    );
    const agreed = await db.select().from(caseAuditGrades).where(eq(caseAuditGrades.auditId, ids.audit));
    assert.deepEqual(
      agreed.map((g) => [g.domainId, g.agreedGrade]).sort((x, y) => Number(x[0]) - Number(y[0])),
      [
        [ids.assessment, 'good'],
        [ids.voice, 'good'],
      ],
    );
    const [row] = await db.select().from(caseAudits).where(eq(caseAudits.id, ids.audit));
    assert.equal(row?.agreedOverallGrade, 'good');
    assert.equal(await count(caseAuditModerations), 2);
    const a = await auditForModeration(db, hos, ids.audit);
    assert.equal(a.lastLevel, 'triple-lock');
    const queue = await moderationQueue(db, hos, {});
    assert.deepEqual([queue.awaiting.length, queue.forTripleLock.length], [0, 0]);
  });
  it('a moderation of an audit submitted in a month already ended updates that month’s kept audit figure', async () => {
    const db = ctx.database.db;
    const child = await buildChild(db, { authorityId: ids.la });
    await buildAllocation(db, {
      child,
      teamId: ids.teamA,
      workerId: (await buildWorker(db, { authorityId: ids.la, teamId: ids.teamA })).id,
    });
    // Submitted in January 2026 with both domains good; the only audit submitted that month.
    const january = await buildCaseAudit(db, child, {
      teamId: ids.teamA,
      auditorUserId: 10,
      auditorName: 'Quinn',
      submittedOn: '2026-01-12',
      overallGrade: 'good',
      frameworkVersionId: ids.version,
    });
    await db.insert(caseAuditGrades).values([
      { auditId: january.id, domainId: ids.assessment, grade: 'good' },
      { auditId: january.id, domainId: ids.voice, grade: 'good' },
    ]);
    const kept = async () =>
      (await storedMonthlyValues(db, ids.la, ['audits-good-or-better'], '2026-01-31', '2026-01-31'))
        .get('audits-good-or-better')
        ?.map((v) => [v.numerator, v.denominator]);
    // Nothing kept yet (the moderations above recomputed nothing): nothing to correct.
    assert.equal(await refreshKeptValues(db, ids.la, '2026-02-20', ['case_audits']), null);
    assert.deepEqual(await kept(), []);
    await refreshMonthlyValues(db, ids.la, '2026-02-20');
    assert.deepEqual(await kept(), [[2, 2]]);
    // Moderated on 20 February: assessment requires improvement. January's kept figure is then 1 of its 2 domains.
    await moderate(
      db,
      tm,
      january.id,
      {
        level: 'double-lock',
        [`grade-${ids.assessment}`]: 'requires-improvement',
        [`reason-${ids.assessment}`]: 'The assessment does not analyse the risks',
        [`grade-${ids.voice}`]: 'good',
        overallGrade: 'good',
      },
      recorder(),
      '2026-02-20',
    );
    assert.deepEqual(await kept(), [[1, 2]]);
  });
});
