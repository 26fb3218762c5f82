/**
 * Audit results from the database, worked by hand. Two teams (Alpha: cin-cp; Beta: children-in-care), three domains
 * (assessment, planning, voice — voice never graded), the period January to March 2026.
 *
 *   a1 Alpha   2026-01-01 (first day: counts)  assessment G            planning RI, agreed G → G
 *   a2 Alpha   2026-02-15                      assessment I            planning O
 *   a3 Beta    2026-03-31 (last day: counts)   assessment RI agreed I  planning G, agreed RI → RI
 *   a7 no team 2026-02-01                      assessment G
 *   Not counted: a draft (O), a draft carrying a submitted day (O), 2025-12-31 (O, Beta), 2026-04-01 (O, Beta),
 *   and another authority's audit (O).
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { caseAudits } from '../../db/schema/index';
import { buildAuthority, buildChild, buildTeam } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAudit, buildDomain } from '../../../test/support/improvement';
import { goodOrBetterByMonth, gradeDistribution, gradeTotals, periodDay } from './results';

const counts = (o: number, g: number, ri: number, i: number) => {
  const total = o + g + ri + i;
  return {
    outstanding: o,
    good: g,
    requiresImprovement: ri,
    inadequate: i,
    total,
    goodOrBetter: total ? (o + g) / total : null,
  };
};

describeEachEngine('audit results', (ctx) => {
  let authorityId = 0;
  let alphaId = 0;
  let betaId = 0;
  let assessmentId = 0;
  let planningId = 0;
  const period = { from: '2026-01', to: '2026-03' };

  before(async () => {
    const db = ctx.database.db;
    authorityId = (await buildAuthority(db)).id;
    const other = (await buildAuthority(db)).id;
    alphaId = (await buildTeam(db, { authorityId, name: 'Alpha Team', serviceArea: 'cin-cp' })).id;
    betaId = (await buildTeam(db, { authorityId, name: 'Beta Team', serviceArea: 'children-in-care' })).id;
    assessmentId = Number(
      (await buildDomain(db, { authorityId, key: 'assessment', title: 'Quality of assessment', sortOrder: 1 })).id,
    );
    planningId = Number(
      (await buildDomain(db, { authorityId, key: 'planning', title: 'Quality of planning', sortOrder: 2 })).id,
    );
    await buildDomain(db, { authorityId, key: 'voice', title: 'Voice of the child', sortOrder: 3 });
    const otherDomain = Number((await buildDomain(db, { authorityId: other, key: 'assessment' })).id);

    const audit = async (
      teamId: number | null,
      submittedOn: string | null,
      grades: Parameters<typeof buildAudit>[1]['grades'],
      status = 'submitted',
      la = authorityId,
    ) => {
      const child = await buildChild(db, { authorityId: la });
      const a = await buildAudit(db, { authorityId: la, childId: child.id, submittedOn, status, grades });
      if (teamId !== null) await db.update(caseAudits).set({ teamId }).where(eq(caseAudits.id, a.id));
    };
    await audit(alphaId, '2026-01-01', [
      { domainId: assessmentId, grade: 'good' },
      { domainId: planningId, grade: 'requires-improvement', agreedGrade: 'good' },
    ]);
    await audit(alphaId, '2026-02-15', [
      { domainId: assessmentId, grade: 'inadequate' },
      { domainId: planningId, grade: 'outstanding' },
    ]);
    await audit(
      betaId,
      '2026-03-31',
      [
        { domainId: assessmentId, grade: 'requires-improvement', agreedGrade: 'inadequate' },
        { domainId: planningId, grade: 'good', agreedGrade: 'requires-improvement' },
      ],
      'moderated',
    );
    await audit(null, '2026-02-01', [{ domainId: assessmentId, grade: 'good' }]);
    // Not counted in the period.
    await audit(betaId, null, [{ domainId: assessmentId, grade: 'outstanding' }], 'draft');
    await audit(betaId, '2026-02-10', [{ domainId: assessmentId, grade: 'outstanding' }], 'draft');
    await audit(betaId, '2025-12-31', [{ domainId: assessmentId, grade: 'outstanding' }]);
    await audit(betaId, '2026-04-01', [{ domainId: assessmentId, grade: 'outstanding' }]);
    await audit(null, '2026-02-01', [{ domainId: otherDomain, grade: 'outstanding' }], 'submitted', other);
  });

  test('periodDay: a month runs from its first to its last day; a day passes through', () => {
    assert.equal(periodDay('2026-02', 'from'), '2026-02-01');
    assert.equal(periodDay('2026-02', 'to'), '2026-02-28');
    assert.equal(periodDay('2024-02', 'to'), '2024-02-29');
    assert.equal(periodDay('2026-02-10', 'to'), '2026-02-10');
  });

  test('by domain: the agreed grade beats the auditor’s, drafts and days outside the period do not count, an ungraded domain shows empty', async () => {
    const rows = await gradeDistribution(ctx.database.db, authorityId, { ...period, by: 'domain' });
    assert.deepEqual(rows, [
      // a1 G, a2 I, a3 I (agreed; the auditor's RI does not count), a7 G: 2 of 4 good or better.
      { key: 'assessment', label: 'Quality of assessment', ...counts(0, 2, 0, 2) },
      // a1 G (agreed over RI), a2 O, a3 RI (agreed over G): 2 of 3.
      { key: 'planning', label: 'Quality of planning', ...counts(1, 1, 1, 0) },
      { key: 'voice', label: 'Voice of the child', ...counts(0, 0, 0, 0) },
    ]);
    assert.equal(rows[0]?.goodOrBetter, 0.5);
    assert.equal(rows[2]?.goodOrBetter, null);
  });

  test('by team (by name, no team last) and by service area (by label)', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await gradeDistribution(db, authorityId, { ...period, by: 'team' }), [
      // a1 G G, a2 I O: 3 of 4.
      { key: String(alphaId), label: 'Alpha Team', ...counts(1, 2, 0, 1) },
      // a3 I RI: 0 of 2.
      { key: String(betaId), label: 'Beta Team', ...counts(0, 0, 1, 1) },
      { key: 'none', label: 'No team', ...counts(0, 1, 0, 0) },
    ]);
    assert.deepEqual(await gradeDistribution(db, authorityId, { ...period, by: 'service' }), [
      { key: 'children-in-care', label: 'Children in care', ...counts(0, 0, 1, 1) },
      { key: 'cin-cp', label: 'Children in need and child protection', ...counts(1, 2, 0, 1) },
      { key: 'none', label: 'No team', ...counts(0, 1, 0, 0) },
    ]);
  });

  test('by month: every month of the period, the first and last days included', async () => {
    assert.deepEqual(await gradeDistribution(ctx.database.db, authorityId, { ...period, by: 'month' }), [
      { key: '2026-01', label: 'January 2026', ...counts(0, 2, 0, 0) }, // a1 on 1 January: 2 of 2
      { key: '2026-02', label: 'February 2026', ...counts(1, 1, 0, 1) }, // a2 I O, a7 G: 2 of 3
      { key: '2026-03', label: 'March 2026', ...counts(0, 0, 1, 1) }, // a3 on 31 March: 0 of 2
    ]);
  });

  test('filters: one team, one service area, one domain', async () => {
    const db = ctx.database.db;
    assert.deepEqual(await gradeDistribution(db, authorityId, { ...period, by: 'domain', teamId: alphaId }), [
      { key: 'assessment', label: 'Quality of assessment', ...counts(0, 1, 0, 1) }, // a1 G, a2 I
      { key: 'planning', label: 'Quality of planning', ...counts(1, 1, 0, 0) }, // a1 G, a2 O
      { key: 'voice', label: 'Voice of the child', ...counts(0, 0, 0, 0) },
    ]);
    assert.deepEqual(
      (await gradeDistribution(db, authorityId, { ...period, by: 'month', serviceArea: 'children-in-care' })).map(
        (r) => [r.key, r.total, r.goodOrBetter],
      ),
      [
        ['2026-01', 0, null],
        ['2026-02', 0, null],
        ['2026-03', 2, 0],
      ],
    );
    assert.deepEqual(await gradeDistribution(db, authorityId, { ...period, by: 'domain', domainId: planningId }), [
      { key: 'planning', label: 'Quality of planning', ...counts(1, 1, 1, 0) },
    ]);
    // Planning by month: January G (1 of 1), February O (1 of 1), March RI (0 of 1).
    assert.deepEqual(
      (await gradeDistribution(db, authorityId, { ...period, by: 'month', domainId: planningId })).map((r) => [
        r.key,
        r.total,
        r.goodOrBetter,
      ]),
      [
        ['2026-01', 1, 1],
        ['2026-02', 1, 1],
        ['2026-03', 1, 0],
      ],
    );
  });

  test('totals: 7 counted grades, 4 good or better', async () => {
    // O: a2 planning; G: a1 ×2, a7; RI: a3 planning; I: a2 assessment, a3 assessment.
    assert.deepEqual(await gradeTotals(ctx.database.db, authorityId, period), counts(1, 3, 1, 2));
  });

  test('good or better by month, with the months either side of the period and one domain', async () => {
    const db = ctx.database.db;
    const months = ['2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
    const shares = await goodOrBetterByMonth(db, authorityId, { months });
    assert.deepEqual(
      shares.map((s) => [s.month, s.numerator, s.denominator, s.goodOrBetter]),
      [
        ['2025-12', 1, 1, 1], // 31 December O
        ['2026-01', 2, 2, 1],
        ['2026-02', 2, 3, 2 / 3],
        ['2026-03', 0, 2, 0],
        ['2026-04', 1, 1, 1], // 1 April O
        ['2026-05', 0, 0, null],
      ],
    );
    assert.equal(shares[0]?.label, 'December 2025');
    const assessment = await goodOrBetterByMonth(db, authorityId, { months, domainId: assessmentId });
    // February: a2 I, a7 G → 1 of 2; March: a3 I (agreed) → 0 of 1.
    assert.deepEqual(
      assessment.map((s) => [s.numerator, s.denominator]),
      [
        [1, 1],
        [1, 1],
        [1, 2],
        [0, 1],
        [1, 1],
        [0, 0],
      ],
    );
    assert.deepEqual(await goodOrBetterByMonth(db, authorityId, { months: [] }), []);
  });
});
