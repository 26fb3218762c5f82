/**
 * Moderation results from the database: the ten auditor/moderator pairs of src/domain/agreement.test.ts (κw = 31/46,
 * exact 7/10), spread over two auditors and two domains, each audit moderated once (one audit twice: the latest
 * moderation counts). Worked by hand below.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { Grade } from '../../domain/ofsted';
import { caseAuditGrades, caseAuditModerationGrades, caseAuditModerations, caseAudits } from '../../db/schema/index';
import { buildAuthority, buildChild, buildTeam } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { buildDomain } from '../../../test/support/improvement';
import { auditDomainRows, moderationAgreement } from './moderation-results';

const O: Grade = 'outstanding';
const G: Grade = 'good';
const RI: Grade = 'requires-improvement';
const I: Grade = 'inadequate';

describeEachEngine('moderation results', (ctx) => {
  let authorityId = 0;

  before(async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db);
    authorityId = la.id;
    const team = await buildTeam(db, { authorityId, name: 'Assessment Team 1' });
    const planning = await buildDomain(db, {
      authorityId,
      key: 'quality-of-planning',
      title: 'Quality of planning',
      sortOrder: 2,
    });
    const assessment = await buildDomain(db, {
      authorityId,
      key: 'quality-of-assessment',
      title: 'Quality of assessment',
      sortOrder: 1,
    });
    // Five audits of two domains each (assessment, planning): auditor's grade → agreed grade.
    //   Ana:  a1 O→O, O→G      a2 G→G, G→G      a3 G→G, G→RI
    //   Ben:  b1 RI→G, RI→RI   b2 RI→RI, I→I
    // Pairs: O/O, O/G, G/G ×3, G/RI, RI/G, RI/RI ×2, I/I: the ten of the hand-worked example.
    const audits: Array<{ auditor: string; on: string; moderatedOn: string; grades: [Grade, Grade, Grade, Grade] }> = [
      { auditor: 'Ana Auditor', on: '2026-01-10', moderatedOn: '2026-01-15', grades: [O, O, O, G] },
      { auditor: 'Ana Auditor', on: '2026-02-10', moderatedOn: '2026-02-15', grades: [G, G, G, G] },
      { auditor: 'Ana Auditor', on: '2026-03-10', moderatedOn: '2026-03-20', grades: [G, G, G, RI] },
      { auditor: 'Ben Auditor', on: '2026-03-12', moderatedOn: '2026-03-17', grades: [RI, G, RI, RI] },
      { auditor: 'Ben Auditor', on: '2026-04-02', moderatedOn: '2026-04-07', grades: [RI, RI, I, I] },
    ];
    for (const [n, a] of audits.entries()) {
      const child = await buildChild(db, { authorityId });
      const [audit] = await db
        .insert(caseAudits)
        .values({
          authorityId,
          childId: child.id,
          teamId: team.id,
          auditorName: a.auditor,
          status: 'moderated',
          submittedOn: a.on,
          overallGrade: a.grades[0],
        })
        .returning();
      assert.ok(audit);
      const [aGrade, aAgreed, pGrade, pAgreed] = a.grades;
      await db.insert(caseAuditGrades).values([
        { auditId: audit.id, domainId: assessment.id, grade: aGrade, agreedGrade: aAgreed },
        { auditId: audit.id, domainId: planning.id, grade: pGrade, agreedGrade: pAgreed },
      ]);
      if (n === 2) {
        // The third audit: a double lock on 12 March agreed RI for both domains; the triple lock of 20 March (below)
        // overtakes it, and its grades (G, RI) are the agreed ones.
        const [early] = await db
          .insert(caseAuditModerations)
          .values({ auditId: audit.id, level: 'double-lock', moderatorName: 'Manager', moderatedOn: '2026-03-12' })
          .returning();
        assert.ok(early);
        await db.insert(caseAuditModerationGrades).values([
          { moderationId: early.id, domainId: assessment.id, grade: RI, reason: 'first view' },
          { moderationId: early.id, domainId: planning.id, grade: RI, reason: 'first view' },
        ]);
      }
      const [m] = await db
        .insert(caseAuditModerations)
        .values({
          auditId: audit.id,
          level: n === 2 ? 'triple-lock' : 'double-lock',
          moderatorName: n === 2 ? 'Partner Reviewer' : 'Manager',
          moderatedOn: a.moderatedOn,
        })
        .returning();
      assert.ok(m);
      await db.insert(caseAuditModerationGrades).values([
        { moderationId: m.id, domainId: assessment.id, grade: aAgreed, reason: aAgreed === aGrade ? '' : 'changed' },
        { moderationId: m.id, domainId: planning.id, grade: pAgreed, reason: pAgreed === pGrade ? '' : 'changed' },
      ]);
    }
    // An audit never moderated: in the export, not in the agreement.
    const child = await buildChild(db, { authorityId });
    const [plain] = await db
      .insert(caseAudits)
      .values({
        authorityId,
        childId: child.id,
        auditorName: 'Ben Auditor',
        status: 'submitted',
        submittedOn: '2026-04-20',
        overallGrade: G,
      })
      .returning();
    assert.ok(plain);
    await db.insert(caseAuditGrades).values([{ auditId: plain.id, domainId: assessment.id, grade: G }]);
  });

  test('one row per audit and domain, domains in their order, the latest moderation beside the auditor’s grade', async () => {
    const found = await auditDomainRows(ctx.database.db, authorityId);
    assert.equal(found.length, 11, '5 moderated audits × 2 domains, and one unmoderated audit of one domain');
    assert.deepEqual(
      found
        .slice(0, 2)
        .map((r) => [r.auditor, r.domain, r.auditorGrade, r.moderatedGrade, r.moderator, r.moderationLevel]),
      [
        ['Ana Auditor', 'Quality of assessment', O, O, 'Manager', 'double-lock'],
        ['Ana Auditor', 'Quality of planning', O, G, 'Manager', 'double-lock'],
      ],
    );
    const third = found.filter((r) => r.submittedOn === '2026-03-10');
    assert.deepEqual(
      third.map((r) => [
        r.domain,
        r.auditorGrade,
        r.moderatedGrade,
        r.moderator,
        r.moderationLevel,
        r.moderatedOn,
        r.reason,
      ]),
      [
        ['Quality of assessment', G, G, 'Partner Reviewer', 'triple-lock', '2026-03-20', ''],
        ['Quality of planning', G, RI, 'Partner Reviewer', 'triple-lock', '2026-03-20', 'changed'],
      ],
    );
    assert.equal(third[0]?.team, 'Assessment Team 1');
    assert.match(third[0]?.lanternId ?? '', /^L\d+$/);
    const last = found.at(-1);
    assert.deepEqual([last?.submittedOn, last?.moderator, last?.moderatedGrade], ['2026-04-20', null, null]);
  });

  test('agreement: overall the hand-worked 7/10 and κw 31/46; Ana 4/6 and κw 2/5; Ben 3/4 and κw 3/5', async () => {
    // Ana: O/O, O/G, G/G ×3, G/RI (n = 6). Po = (4 + 2 × 2/3) / 6 = 8/9. Marginals: auditor O 1/3, G 2/3;
    //   moderator O 1/6, G 4/6, RI 1/6. Pe = 1/3 × (1/6 + 2/3 × 4/6 + 1/3 × 1/6) + 2/3 × (2/3 × 1/6 + 4/6 + 2/3 × 1/6)
    //   = 1/3 × 2/3 + 2/3 × 8/9 = 22/27. κw = (24/27 − 22/27) / (5/27) = 2/5.
    // Ben: RI/G, RI/RI ×2, I/I (n = 4). Po = (3 + 2/3) / 4 = 11/12. Marginals: auditor RI 3/4, I 1/4; moderator
    //   G 1/4, RI 2/4, I 1/4. Pe = 3/4 × (2/3 × 1/4 + 2/4 + 2/3 × 1/4) + 1/4 × (1/3 × 1/4 + 2/3 × 2/4 + 1/4)
    //   = 3/4 × 5/6 + 1/4 × 2/3 = 19/24. κw = (22/24 − 19/24) / (5/24) = 3/5.
    const result = await moderationAgreement(ctx.database.db, authorityId);
    const close = (x: number | null, y: number) => {
      assert.ok(x !== null && Math.abs(x - y) < 1e-12, `${x} ≠ ${y}`);
    };
    assert.equal(result.overall.pairs, 10);
    assert.equal(result.overall.exact, 7);
    close(result.overall.weightedKappa, 31 / 46);
    assert.deepEqual(
      result.byAuditor.map((a) => [a.auditor, a.pairs, a.exact]),
      [
        ['Ana Auditor', 6, 4],
        ['Ben Auditor', 4, 3],
      ],
    );
    close(result.byAuditor[0]?.weightedKappa ?? null, 2 / 5);
    close(result.byAuditor[1]?.weightedKappa ?? null, 3 / 5);
    // Assessment: O/O, G/G, G/G, RI/G, RI/RI → 4 of 5 exact; planning: O/G, G/G, G/RI, RI/RI, I/I → 3 of 5.
    assert.deepEqual(
      result.byDomain.map((d) => [d.domain, d.pairs, d.exact]),
      [
        ['Quality of assessment', 5, 4],
        ['Quality of planning', 5, 3],
      ],
    );
  });

  test('a period chooses audits by the day they were submitted', async () => {
    const march = await auditDomainRows(ctx.database.db, authorityId, { from: '2026-03-01', to: '2026-03-31' });
    assert.equal(march.length, 4, 'two March audits × two domains');
  });
});
