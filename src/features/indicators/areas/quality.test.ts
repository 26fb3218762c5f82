import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import { buildAuthority, buildChild, buildLadoReferral } from '../../../../test/support/builders';
import type { Period } from '../periods';
import { indicatorItems, indicatorValue, MARCH_2026 } from '../../../../test/support/indicators';
import { buildAudit, buildDomain } from '../../../../test/support/improvement';

/** Q1 2025/26: April to June 2025. 26 May 2025 was the spring bank holiday. */
const Q1: Period = { kind: 'quarter', start: '2025-04-01', end: '2025-06-30' };

describeEachEngine('LADO indicators', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    const referral = async (
      name: string,
      values: {
        referralDate: string;
        managementOversightDate?: string | null;
        initialConsiderationDate?: string | null;
      },
    ) => {
      const child = await buildChild(db, { authorityId: la.id });
      ids[name] = child.id;
      await buildLadoReferral(db, child, values);
    };
    // Friday 6 June: oversight Monday 9 June (1 working day) ✓; consideration the same day ✓.
    await referral('friday', {
      referralDate: '2025-06-06',
      managementOversightDate: '2025-06-09',
      initialConsiderationDate: '2025-06-06',
    });
    // Friday 13 June: oversight Tuesday 17 June (2 working days) ✗; consideration Tuesday too ✗.
    await referral('friday-late', {
      referralDate: '2025-06-13',
      managementOversightDate: '2025-06-17',
      initialConsiderationDate: '2025-06-17',
    });
    // Saturday 14 June: oversight Monday 16 June (1 working day) ✓; no consideration recorded ✗.
    await referral('saturday', {
      referralDate: '2025-06-14',
      managementOversightDate: '2025-06-16',
      initialConsiderationDate: null,
    });
    // Wednesday 25 June: no oversight ✗; consideration dated the day before the referral (an error) ✗.
    await referral('missing', {
      referralDate: '2025-06-25',
      managementOversightDate: null,
      initialConsiderationDate: '2025-06-24',
    });
    // Friday 23 May: Monday 26 May is a bank holiday, so Tuesday 27 May is 1 working day ✓; consideration on the
    // bank holiday (0 working days) ✓.
    await referral('bank-holiday', {
      referralDate: '2025-05-23',
      managementOversightDate: '2025-05-27',
      initialConsiderationDate: '2025-05-26',
    });
    // About an adult whose alleged victim Lantern does not hold: counts, but has no child. Monday 30 June, both
    // on Tuesday 1 July ✓ ✓.
    const someone = await buildChild(db, { authorityId: la.id });
    await buildLadoReferral(db, someone, {
      childId: null,
      referralDate: '2025-06-30',
      managementOversightDate: '2025-07-01',
      initialConsiderationDate: '2025-07-01',
    });
    // Outside the quarter, and in another authority.
    await referral('march', {
      referralDate: '2025-03-31',
      managementOversightDate: '2025-03-31',
      initialConsiderationDate: '2025-03-31',
    });
    const elsewhere = await buildChild(db, { authorityId: other.id });
    await buildLadoReferral(db, elsewhere, { referralDate: '2025-06-02' });
  });

  it('LADO referrals in Q1 2025/26: 6 (five about children Lantern holds, one not); the drill-down lists the five', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'lado-referrals', la.id, Q1);
    assert.deepEqual([v.numerator, v.denominator, v.value], [6, null, 6]);
    const items = await indicatorItems(db, 'lado-referrals', la.id, Q1);
    assert.deepEqual(
      items.map((i) => i.subjectId).sort((a, b) => a - b),
      ['friday', 'friday-late', 'saturday', 'missing', 'bank-holiday'].map((n) => ids[n] ?? 0).sort((a, b) => a - b),
    );
  });

  it('management oversight within 1 working day: friday, saturday, bank-holiday and the childless one of 6 = 66.7%', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'lado-oversight-1-working-day', la.id, Q1);
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 6, 66.7]);
    const items = await indicatorItems(db, 'lado-oversight-1-working-day', la.id, Q1);
    const got = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(got.get(ids['friday-late'] ?? 0), [0, 1]);
    assert.deepEqual(got.get(ids['bank-holiday'] ?? 0), [1, 1]);
    assert.equal(
      items.find((i) => i.subjectId === ids.missing)?.detail,
      'Referral 2025-06-25, no management oversight recorded',
    );
  });

  it('initial consideration within 1 working day: friday, bank-holiday and the childless one of 6 = 50%', async () => {
    const v = await indicatorValue(ctx.database.db, 'lado-initial-consideration-1-working-day', la.id, Q1);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
  });

  it('March 2025 alone: 1 referral, considered and overseen the same day = 100%', async () => {
    const march: Period = { kind: 'month', start: '2025-03-01', end: '2025-03-31' };
    const v = await indicatorValue(ctx.database.db, 'lado-initial-consideration-1-working-day', la.id, march);
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 1, 100]);
  });
});

describeEachEngine('audit domain grades good or better', (ctx) => {
  let la: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    const other = await buildAuthority(db);
    const [assessment, planning, voice] = [
      Number((await buildDomain(db, { authorityId: la.id, key: 'assessment', sortOrder: 1 })).id),
      Number((await buildDomain(db, { authorityId: la.id, key: 'planning', sortOrder: 2 })).id),
      Number((await buildDomain(db, { authorityId: la.id, key: 'voice', sortOrder: 3 })).id),
    ] as [number, number, number];
    const childFor = async (name: string, authorityId = la.id) => {
      const existing = ids[name];
      if (existing !== undefined) return existing;
      const child = await buildChild(db, { authorityId });
      ids[name] = child.id;
      return child.id;
    };
    const audit = async (
      name: string,
      submittedOn: string | null,
      grades: Parameters<typeof buildAudit>[1]['grades'],
      status = 'submitted',
      authorityId = la.id,
    ) => buildAudit(db, { authorityId, childId: await childFor(name, authorityId), submittedOn, status, grades });
    // a: 1 March (the first day): G, RI agreed G, I → 2 of 3; and again on 20 March: O → 1 of 1 (a: 3 of 4).
    await audit('a', '2026-03-01', [
      { domainId: assessment, grade: 'good' },
      { domainId: planning, grade: 'requires-improvement', agreedGrade: 'good' },
      { domainId: voice, grade: 'inadequate' },
    ]);
    await audit('a', '2026-03-20', [{ domainId: assessment, grade: 'outstanding' }]);
    // b: 31 March (the last day): O, G agreed RI → 1 of 2 (the agreed grade beats the auditor's).
    await audit('b', '2026-03-31', [
      { domainId: assessment, grade: 'outstanding' },
      { domainId: planning, grade: 'good', agreedGrade: 'requires-improvement' },
    ]);
    // c: moderated, 15 March: I, RI → 0 of 2.
    await audit(
      'c',
      '2026-03-15',
      [
        { domainId: assessment, grade: 'inadequate' },
        { domainId: planning, grade: 'requires-improvement' },
      ],
      'moderated',
    );
    // Not counted: drafts (one carrying a day), 28 February and 1 April, and another authority's audit.
    await audit('d', null, [{ domainId: assessment, grade: 'outstanding' }], 'draft');
    await audit('d', '2026-03-10', [{ domainId: assessment, grade: 'outstanding' }], 'draft');
    await audit('e', '2026-02-28', [{ domainId: assessment, grade: 'outstanding' }]);
    await audit('e', '2026-04-01', [{ domainId: assessment, grade: 'outstanding' }]);
    const otherDomain = Number((await buildDomain(db, { authorityId: other.id, key: 'assessment' })).id);
    await audit('elsewhere', '2026-03-10', [{ domainId: otherDomain, grade: 'outstanding' }], 'submitted', other.id);
  });

  it('March 2026: a 3 of 4, b 1 of 2, c 0 of 2 = 4 of 8 = 50%; drafts, 28 February, 1 April and another authority not counted', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'audits-good-or-better', la.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 8, 50]);
  });

  it('the drill-down lists a (two audits), b and c, by their good or better domains', async () => {
    const db = ctx.database.db;
    const items = await indicatorItems(db, 'audits-good-or-better', la.id, MARCH_2026);
    assert.deepEqual(
      items.map((i) => [i.subjectId, i.numerator, i.denominator]),
      [
        [ids.a, 3, 4],
        [ids.b, 1, 2],
        [ids.c, 0, 2],
      ],
    );
    assert.equal(
      items[0]?.detail,
      'Audit submitted 2026-03-01: 2 of 3 domains good or better; Audit submitted 2026-03-20: 1 of 1 domains good or better',
    );
  });

  it('February 2026: only e’s audit of 28 February, O = 1 of 1 = 100%', async () => {
    const v = await indicatorValue(ctx.database.db, 'audits-good-or-better', la.id, {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    assert.deepEqual([v.numerator, v.denominator, v.value], [1, 1, 100]);
  });
});
