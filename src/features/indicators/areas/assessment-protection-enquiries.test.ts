import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAssessment,
  buildAuthority,
  buildChild,
  buildIcpc,
  buildReferral,
  buildS47,
  buildStrategyDiscussion,
} from '../../../../test/support/builders';
import {
  buildPopulation,
  FY2025,
  indicatorItems,
  indicatorValue,
  MARCH_2026,
} from '../../../../test/support/indicators';

const MAY_2025 = { kind: 'month', start: '2025-05-01', end: '2025-05-31' } as const;

// Working days below are counted with the start day as day 0, skipping weekends and bank holidays
// (1 January 2026; Good Friday 3 April and Easter Monday 6 April 2026).
describeEachEngine('assessment and protection indicators: assessments, S47s, ICPCs and strategy discussions', (ctx) => {
  // One authority per group of indicators, so that the rows of one group cannot leak into another's figures.
  let assessLa: { id: number };
  let s47La: { id: number };
  let icpcLa: { id: number };
  let sdLa: { id: number };
  const kids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    assessLa = await buildAuthority(db);
    s47La = await buildAuthority(db);
    icpcLa = await buildAuthority(db);
    sdLa = await buildAuthority(db);
    const child = async (name: string, la: { id: number }) => {
      const c = await buildChild(db, { authorityId: la.id });
      kids[name] = c.id;
      return c;
    };

    // ——— assessments (authorised in March 2026 unless said) ———
    const a1 = await child('a1', assessLa);
    const r1 = await buildReferral(db, a1, { referralDate: '2026-01-05' });
    await buildAssessment(db, a1, { cinEpisodeId: r1.id, startDate: '2026-01-05', authorisationDate: '2026-03-09' }); // 45 from start and referral: in time
    const a2 = await child('a2', assessLa);
    const r2 = await buildReferral(db, a2, { referralDate: '2026-01-06' });
    await buildAssessment(db, a2, { cinEpisodeId: r2.id, startDate: '2026-01-06', authorisationDate: '2026-03-11' }); // 46: late both ways
    const a3 = await child('a3', assessLa);
    const r3 = await buildReferral(db, a3, { referralDate: '2026-01-15' });
    await buildAssessment(db, a3, { cinEpisodeId: r3.id, startDate: '2026-03-02', authorisationDate: '2026-03-20' }); // 14 from start (in time), 46 from referral (late)
    const a4 = await child('a4', assessLa);
    const r4 = await buildReferral(db, a4, { referralDate: '2026-01-27' });
    await buildAssessment(db, a4, { cinEpisodeId: r4.id, startDate: '2026-01-27', authorisationDate: '2026-03-31' }); // 45, on the period's last day: in time
    await buildAssessment(db, a4, { cinEpisodeId: r4.id, startDate: '2026-01-05' }); // not authorised: not counted
    const a5 = await child('a5', assessLa);
    const r5 = await buildReferral(db, a5, { referralDate: '2026-02-02' });
    await buildAssessment(db, a5, { cinEpisodeId: r5.id, startDate: '2026-02-02', authorisationDate: '2026-04-01' }); // authorised in April: not in March

    // ——— S47s (population 9,000) ———
    await buildPopulation(db, s47La.id, 2025, 500);
    const s1 = await child('s1', s47La);
    const e1 = await buildReferral(db, s1, { referralDate: '2025-03-20' });
    await buildS47(db, s1, { cinEpisodeId: e1.id, startDate: '2025-03-31' }); // before 2025/26
    await buildS47(db, s1, { cinEpisodeId: e1.id, startDate: '2025-04-01', endDate: '2025-04-20' });
    const withIcpc = await buildS47(db, s1, {
      cinEpisodeId: e1.id,
      startDate: '2026-02-23',
      endDate: '2026-03-10',
      outcome: 'icpc',
    });
    await buildIcpc(db, s1, { cinEpisodeId: e1.id, s47EnquiryId: withIcpc.id, conferenceDate: '2026-03-16' });
    const s2 = await child('s2', s47La);
    const e2 = await buildReferral(db, s2, { referralDate: '2025-11-20' });
    const icpcNoOutcome = await buildS47(db, s2, {
      cinEpisodeId: e2.id,
      startDate: '2025-12-01',
      endDate: '2026-03-11',
    }); // outcome blank, ICPC recorded
    await buildIcpc(db, s2, { cinEpisodeId: e2.id, s47EnquiryId: icpcNoOutcome.id, conferenceDate: '2026-03-18' });
    await buildS47(db, s2, { cinEpisodeId: e2.id, startDate: '2026-03-02', endDate: '2026-03-12', outcome: 'icpc' }); // ICPC decided, not yet held
    const s3 = await child('s3', s47La);
    const e3 = await buildReferral(db, s3, { referralDate: '2026-03-01' });
    await buildS47(db, s3, { cinEpisodeId: e3.id, startDate: '2026-03-02', endDate: '2026-03-13', outcome: 'nfa' });
    await buildS47(db, s3, {
      cinEpisodeId: e3.id,
      startDate: '2026-03-16',
      endDate: '2026-03-20',
      outcome: 'cin-plan',
      icpcNotRequired: true,
    });
    await buildS47(db, s3, { cinEpisodeId: e3.id, startDate: '2026-03-31', endDate: '2026-04-01', outcome: 'icpc' }); // ends in April
    await buildS47(db, s3, { cinEpisodeId: e3.id, startDate: '2026-03-30', outcome: 'icpc' }); // not ended

    // ——— ICPCs held in March 2026 ———
    const icpc = async (
      name: string,
      sdDate: string | null,
      s47Start: string,
      conferenceDate: string,
      extra: { transferIn?: boolean } = {},
    ) => {
      const c = await child(name, icpcLa);
      const ep = await buildReferral(db, c, { referralDate: '2026-02-02' });
      const sd = sdDate ? await buildStrategyDiscussion(db, c, { cinEpisodeId: ep.id, discussionDate: sdDate }) : null;
      const s47 = await buildS47(db, c, {
        cinEpisodeId: ep.id,
        startDate: s47Start,
        strategyDiscussionId: sd?.id ?? null,
      });
      await buildIcpc(db, c, { cinEpisodeId: ep.id, s47EnquiryId: s47.id, conferenceDate, ...extra });
    };
    await icpc('c1', '2026-02-16', '2026-02-16', '2026-03-09'); // 15 working days after the discussion: in time
    await icpc('c2', '2026-02-17', '2026-02-17', '2026-03-11'); // 16: late
    await icpc('c3', null, '2026-02-18', '2026-03-11'); // no discussion: 15 from the S47 start, in time
    await icpc('c4', '2026-02-19', '2026-02-24', '2026-03-16'); // 17 from the discussion (late), though only 14 from the S47 start
    await icpc('c5', '2025-12-01', '2025-12-01', '2026-03-25', { transferIn: true }); // transfer-in: excluded
    const c6 = await child('c6', icpcLa);
    const ep6 = await buildReferral(db, c6, { referralDate: '2026-03-02' });
    await buildIcpc(db, c6, { cinEpisodeId: ep6.id, conferenceDate: '2026-03-26' }); // no S47: excluded

    // ——— strategy discussions in May 2025 (police, health, education) ———
    const d1 = await child('d1', sdLa);
    const ed = await buildReferral(db, d1, { referralDate: '2025-04-01' });
    const sd = (discussionDate: string, policePresent: boolean, healthPresent: boolean, educationPresent: boolean) =>
      buildStrategyDiscussion(db, d1, {
        cinEpisodeId: ed.id,
        discussionDate,
        policePresent,
        healthPresent,
        educationPresent,
      });
    await sd('2025-05-01', true, true, true);
    await sd('2025-05-12', true, false, false);
    await sd('2025-05-20', true, true, false);
    await sd('2025-05-31', false, false, false);
    await sd('2025-04-30', false, false, false); // April
    await sd('2025-06-01', false, false, false); // June
  });

  it('assessments within 45 working days of the start, March 2026: 3 of 4 = 75% (45 in time, 46 late; unauthorised and April excluded)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'assessments-45-working-days', assessLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 4, 75]);
    const items = await indicatorItems(db, 'assessments-45-working-days', assessLa.id, MARCH_2026);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(kids.a1 ?? 0), [1, 1]);
    assert.deepEqual(byChild.get(kids.a2 ?? 0), [0, 1]);
    assert.deepEqual(byChild.get(kids.a4 ?? 0), [1, 1]);
    assert.equal(byChild.has(kids.a5 ?? 0), false);
    assert.match(items.find((i) => i.subjectId === kids.a2)?.detail ?? '', /46 working days/);
  });

  it('assessments within 45 working days of the referral, March 2026: 2 of 4 = 50% (the one started 46 working days after its referral is now late)', async () => {
    const v = await indicatorValue(
      ctx.database.db,
      'assessments-45-working-days-from-referral',
      assessLa.id,
      MARCH_2026,
    );
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
  });

  it('S47s per 10,000 in 2025/26: 1 April and 1 December 2025, 23 February and 2 (twice), 16, 30 and 31 March 2026 = 8 over 9,000 = 8.9 (31 March 2025 not counted)', async () => {
    const v = await indicatorValue(ctx.database.db, 's47-per-10k', s47La.id, FY2025);
    // 8 × 10,000 ÷ 9,000 = 8.89
    assert.deepEqual([v.numerator, v.denominator, v.value], [8, 9000, 8.9]);
  });

  it('S47s leading to an ICPC, ended in March 2026: 3 of 5 = 60% (ICPC held, ICPC recorded without outcome, outcome icpc not yet held; nfa and cin-plan not)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 's47-to-icpc', s47La.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 5, 60]);
    const items = await indicatorItems(db, 's47-to-icpc', s47La.id, MARCH_2026);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(kids.s1 ?? 0), [1, 1]);
    assert.deepEqual(byChild.get(kids.s2 ?? 0), [2, 2]);
    assert.deepEqual(byChild.get(kids.s3 ?? 0), [0, 2]);
  });

  it('ICPCs within 15 working days of the strategy discussion, March 2026: 2 of 4 = 50% (transfer-in and no-S47 conferences excluded)', async () => {
    const db = ctx.database.db;
    const v = await indicatorValue(db, 'icpc-15-working-days', icpcLa.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 4, 50]);
    const items = await indicatorItems(db, 'icpc-15-working-days', icpcLa.id, MARCH_2026);
    const byChild = new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));
    assert.deepEqual(byChild.get(kids.c1 ?? 0), [1, 1]);
    assert.deepEqual(byChild.get(kids.c2 ?? 0), [0, 1]);
    assert.deepEqual(byChild.get(kids.c3 ?? 0), [1, 1]);
    assert.deepEqual(byChild.get(kids.c4 ?? 0), [0, 1]);
    assert.equal(byChild.has(kids.c5 ?? 0), false);
    assert.equal(byChild.has(kids.c6 ?? 0), false);
    assert.match(items.find((i) => i.subjectId === kids.c3)?.detail ?? '', /S47 started 2026-02-18/);
  });

  it('strategy discussions in May 2025 (1 and 31 May included, 30 April and 1 June not): police 3 of 4 = 75%, health 2 of 4 = 50%, education 1 of 4 = 25%', async () => {
    const db = ctx.database.db;
    const police = await indicatorValue(db, 'strategy-discussions-police', sdLa.id, MAY_2025);
    const health = await indicatorValue(db, 'strategy-discussions-health', sdLa.id, MAY_2025);
    const education = await indicatorValue(db, 'strategy-discussions-education', sdLa.id, MAY_2025);
    assert.deepEqual(
      [police, health, education].map((v) => [v.numerator, v.denominator, v.value]),
      [
        [3, 4, 75],
        [2, 4, 50],
        [1, 4, 25],
      ],
    );
  });
});
