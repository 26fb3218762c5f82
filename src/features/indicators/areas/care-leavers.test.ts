import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildCareLeaver,
  buildCareLeaverContact,
  buildChild,
  buildPathwayPlanReview,
} from '../../../../test/support/builders';
import { FY2025, indicatorItems, indicatorValue, MARCH_2026 } from '../../../../test/support/indicators';

describeEachEngine('care leaver indicators', (ctx) => {
  // Three authorities, so that the birthday cohort, the pathway plan snapshot and the 17½ cohort do not mix.
  let la: { id: number };
  let laPlans: { id: number };
  let laPa: { id: number };
  const ids: Record<string, number> = {};

  before(async () => {
    const db = ctx.database.db;
    la = await buildAuthority(db);
    laPlans = await buildAuthority(db);
    laPa = await buildAuthority(db);
    const other = await buildAuthority(db);

    /** A care leaver with one care_leavers row and the given contacts. */
    const leaver = async (
      name: string,
      authorityId: number,
      dateOfBirth: string,
      row: { eligibility?: string; startDate: string; endDate?: string | null; paLinkedDate?: string | null },
      contacts: Array<{
        contactDate: string;
        inTouch: string;
        accommodation?: string | null;
        accommodationSuitable?: boolean | null;
        activity?: string | null;
      }> = [],
    ) => {
      const child = await buildChild(db, { authorityId, dateOfBirth });
      ids[name] = child.id;
      await buildCareLeaver(db, child, { eligibility: 'former-relevant', ...row });
      for (const c of contacts) await buildCareLeaverContact(db, child, c);
      return child;
    };

    // ——— Aged 17–18, birthdays in 2025/26 ———
    // A: 18 on 2025-06-15. Two contacts in the window (2025-03-15 to 2025-07-15); the nearer (5 days) is used.
    await leaver('A', la.id, '2007-06-15', { startDate: '2025-06-15' }, [
      { contactDate: '2025-04-01', inTouch: 'NO' },
      { contactDate: '2025-06-10', inTouch: 'YES', accommodation: 'D', accommodationSuitable: true, activity: 'F4' },
    ]);
    // B: 17 on 2025-09-01, relevant since May. The contact is exactly 3 months before: inside the window.
    await leaver('B', la.id, '2008-09-01', { eligibility: 'relevant', startDate: '2025-05-01' }, [
      { contactDate: '2025-06-01', inTouch: 'YES', accommodation: 'B', accommodationSuitable: false, activity: 'F1' },
    ]);
    // C: 18 on 2025-10-10. Window 2025-07-10 to 2025-11-10: a contact a day before it and one a day after it →
    // no record → counts as not in touch.
    await leaver('C', la.id, '2007-10-10', { startDate: '2025-10-10' }, [
      { contactDate: '2025-07-09', inTouch: 'YES', accommodation: 'D', accommodationSuitable: true, activity: 'F2' },
      { contactDate: '2025-11-11', inTouch: 'YES', accommodation: 'D', accommodationSuitable: true, activity: 'F2' },
    ]);
    // D: 18 on 2026-01-20, died (record exactly 1 month after the birthday, inside the window) → excluded.
    await leaver('D', la.id, '2008-01-20', { startDate: '2026-01-20' }, [
      { contactDate: '2026-02-20', inTouch: 'DIED' },
    ]);
    // E: 18 on 2025-12-05, returned home for 6 months or more → excluded.
    await leaver('E', la.id, '2007-12-05', { startDate: '2025-12-05' }, [
      { contactDate: '2025-12-01', inTouch: 'RHOM' },
    ]);
    // F: 18 on 2025-05-05, no longer requires services → in the denominator, not in touch; the accommodation and
    // activity recorded against a young person not in touch are not counted.
    await leaver('F', la.id, '2007-05-05', { startDate: '2025-05-05' }, [
      { contactDate: '2025-05-05', inTouch: 'NREQ', accommodation: 'D', accommodationSuitable: true, activity: 'F2' },
    ]);
    // G: qualifying, not in OC3 → not counted.
    await leaver('G', la.id, '2007-08-08', { eligibility: 'qualifying', startDate: '2025-08-08' }, [
      { contactDate: '2025-08-08', inTouch: 'YES' },
    ]);
    // H: still looked after (eligible) on the 18th birthday → not a care leaver yet.
    await leaver(
      'H',
      la.id,
      '2007-07-07',
      { eligibility: 'eligible', startDate: '2023-07-07', endDate: '2025-07-06' },
      [{ contactDate: '2025-07-07', inTouch: 'YES' }],
    );
    // I: 17 on 2025-04-20 but left care only on 2025-06-01 → not a care leaver on the birthday.
    await leaver('I', la.id, '2008-04-20', { eligibility: 'relevant', startDate: '2025-06-01' }, [
      { contactDate: '2025-06-05', inTouch: 'YES' },
    ]);
    // J: 18 on 2025-09-20; two contacts 2 days either side: the tie goes to the later one (YES).
    await leaver('J', la.id, '2007-09-20', { startDate: '2025-09-20' }, [
      { contactDate: '2025-09-18', inTouch: 'NO' },
      { contactDate: '2025-09-22', inTouch: 'YES', accommodation: 'U', accommodationSuitable: true, activity: 'P5' },
    ]);
    // M: 17 on 2025-11-11, in touch, unsuitable accommodation (S), not in EET (G5).
    await leaver('M', la.id, '2008-11-11', { eligibility: 'relevant', startDate: '2025-01-01' }, [
      { contactDate: '2025-11-01', inTouch: 'YES', accommodation: 'S', accommodationSuitable: false, activity: 'G5' },
    ]);
    // L: 18 on 2025-03-31, the day before the year → not counted in 2025/26. (Support ended on 2026-03-30, so L's
    // 19th birthday on 2026-03-31 is not counted either.)
    await leaver('L', la.id, '2007-03-31', { startDate: '2025-03-31', endDate: '2026-03-30' }, [
      { contactDate: '2025-03-31', inTouch: 'YES' },
    ]);

    // ——— Aged 19–21 ———
    // N: 20 on 2025-06-01, in touch, suitable, F1.
    await leaver('N', la.id, '2005-06-01', { startDate: '2023-06-01' }, [
      { contactDate: '2025-06-01', inTouch: 'YES', accommodation: 'D', accommodationSuitable: true, activity: 'F1' },
    ]);
    // O: 21 on 2025-12-31; support ends that very day (still open) → counted: in touch, unsuitable, activity 0.
    await leaver('O', la.id, '2004-12-31', { startDate: '2022-12-31', endDate: '2025-12-31' }, [
      { contactDate: '2025-12-20', inTouch: 'YES', accommodation: 'D', accommodationSuitable: false, activity: '0' },
    ]);
    // P: 21 on 2025-04-01, but support ended the day before → not counted.
    await leaver('P', la.id, '2004-04-01', { startDate: '2022-04-01', endDate: '2025-03-31' }, [
      { contactDate: '2025-04-01', inTouch: 'YES' },
    ]);
    // S: 22 on 2025-07-01 → too old.
    await leaver('S', la.id, '2003-07-01', { startDate: '2021-07-01' }, [
      { contactDate: '2025-07-01', inTouch: 'YES' },
    ]);
    // T: 19 on 2026-01-15, refuses contact → in the denominator, not in touch.
    await leaver('T', la.id, '2007-01-15', { startDate: '2025-01-15' }, [
      { contactDate: '2026-01-10', inTouch: 'REFU' },
    ]);
    // Another authority's care leaver, 18 in the year and in touch → not counted.
    await leaver('other', other.id, '2007-06-01', { startDate: '2025-06-01' }, [
      { contactDate: '2025-06-01', inTouch: 'YES' },
    ]);

    // ——— Pathway plans, at 31 March 2026 (6 months before: 30 September 2025) ———
    const plan = async (
      name: string,
      row: { eligibility?: string; startDate?: string; endDate?: string | null },
      reviews: string[],
    ) => {
      const child = await leaver(name, laPlans.id, '2006-01-01', { startDate: '2024-01-01', ...row });
      for (const reviewDate of reviews) await buildPathwayPlanReview(db, child, { reviewDate });
      return child;
    };
    await plan('plan-exactly-6-months', {}, ['2025-09-30']); // counts
    await plan('plan-a-day-over', {}, ['2025-09-29']); // does not
    await plan('plan-latest-on-period-end', {}, ['2025-05-01', '2026-03-31']); // counts
    await plan('plan-only-after-period-end', {}, ['2025-01-01', '2026-04-01']); // does not (the later review is not looked at)
    await plan('plan-none', {}, []); // does not
    await plan('plan-qualifying', { eligibility: 'qualifying' }, ['2026-03-01']); // not in the denominator
    await plan('plan-closed', { endDate: '2026-03-30' }, ['2026-03-01']); // closed before the period end: not counted
    const twoRows = await plan('plan-two-rows', { eligibility: 'relevant', endDate: '2026-03-31' }, ['2026-01-01']); // counts, once
    await buildCareLeaver(db, twoRows, { eligibility: 'former-relevant', startDate: '2026-03-31' });

    // ——— Personal adviser by 17½, in 2025/26 ———
    await leaver('pa-on-the-day', laPa.id, '2008-01-10', {
      eligibility: 'eligible',
      startDate: '2024-01-10',
      paLinkedDate: '2025-07-10',
    }); // 17½ on 2025-07-10: yes
    await leaver('pa-a-day-late', laPa.id, '2008-02-15', {
      eligibility: 'eligible',
      startDate: '2024-02-15',
      paLinkedDate: '2025-08-16',
    }); // 17½ 2025-08-15: no
    await leaver('pa-early', laPa.id, '2008-03-01', {
      eligibility: 'relevant',
      startDate: '2024-06-01',
      paLinkedDate: '2024-07-01',
    }); // yes
    // 31 August 2008 + 17 years 6 months = 28 February 2026 (no 31 February); the PA, on the second row, that day: yes.
    const monthEnd = await leaver('pa-month-end', laPa.id, '2008-08-31', {
      eligibility: 'eligible',
      startDate: '2024-08-31',
      endDate: '2026-01-31',
    });
    await buildCareLeaver(db, monthEnd, {
      eligibility: 'relevant',
      startDate: '2026-01-31',
      paLinkedDate: '2026-02-28',
    });
    await leaver('pa-none', laPa.id, '2008-05-05', { eligibility: 'eligible', startDate: '2024-05-05' }); // 17½ 2025-11-05: no
    await leaver('pa-before-year', laPa.id, '2007-09-30', { eligibility: 'eligible', startDate: '2023-09-30' }); // 17½ 2025-03-30: not in the year
    await leaver('pa-qualifying', laPa.id, '2008-01-20', { eligibility: 'qualifying', startDate: '2024-06-01' }); // not counted
    await leaver('pa-eligible-later', laPa.id, '2008-06-01', { eligibility: 'eligible', startDate: '2026-01-01' }); // 17½ 2025-12-01, not yet a care leaver
  });

  const byChild = (items: Array<{ subjectId: number; numerator: number; denominator: number }>) =>
    new Map(items.map((i) => [i.subjectId, [i.numerator, i.denominator]]));

  it('17–18 in touch, 2025/26: A, B, J, M of A, B, C, F, J, M (D died, E home, G, H, I, L not in the cohort) = 4 ÷ 6 = 66.7%', async () => {
    const v = await indicatorValue(ctx.database.db, 'care-leavers-17-18-in-touch', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [4, 6, 66.7]);
  });

  it('17–18 suitable accommodation: A and J of 6 = 33.3% (B and M unsuitable; F not in touch; C no record)', async () => {
    const v = await indicatorValue(ctx.database.db, 'care-leavers-17-18-suitable-accommodation', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [2, 6, 33.3]);
  });

  it('17–18 EET: A (F4), B (F1), J (P5) of 6 = 50% (M is G5; F’s F2 does not count, not in touch)', async () => {
    const v = await indicatorValue(ctx.database.db, 'care-leavers-17-18-eet', la.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
  });

  it('the 17–18 drill-down: each child once, the excluded and the out-of-cohort not listed, the missing record said so', async () => {
    const items = await indicatorItems(ctx.database.db, 'care-leavers-17-18-in-touch', la.id, FY2025);
    const got = byChild(items);
    assert.deepEqual(got.get(ids.A ?? 0), [1, 1]);
    assert.deepEqual(got.get(ids.J ?? 0), [1, 1]);
    assert.deepEqual(got.get(ids.C ?? 0), [0, 1]);
    assert.deepEqual(got.get(ids.F ?? 0), [0, 1]);
    for (const name of ['D', 'E', 'G', 'H', 'I', 'L', 'N', 'other']) assert.equal(got.has(ids[name] ?? 0), false, name);
    assert.equal(items.length, 6);
    const c = items.find((i) => i.subjectId === ids.C);
    assert.match(c?.detail ?? '', /^Age 18: no contact recorded/);
    const a = items.find((i) => i.subjectId === ids.A);
    assert.equal(a?.detail, 'Age 18: contact 2025-06-10, YES');
  });

  it('19–21, 2025/26: N, O and T (P ended the day before, S is 22): in touch 2 ÷ 3, suitable 1 ÷ 3, EET 1 ÷ 3', async () => {
    const db = ctx.database.db;
    const inTouch = await indicatorValue(db, 'care-leavers-19-21-in-touch', la.id, FY2025);
    assert.deepEqual([inTouch.numerator, inTouch.denominator, inTouch.value], [2, 3, 66.7]);
    const suitable = await indicatorValue(db, 'care-leavers-19-21-suitable-accommodation', la.id, FY2025);
    assert.deepEqual([suitable.numerator, suitable.denominator, suitable.value], [1, 3, 33.3]);
    const eet = await indicatorValue(db, 'care-leavers-19-21-eet', la.id, FY2025);
    assert.deepEqual([eet.numerator, eet.denominator, eet.value], [1, 3, 33.3]);
  });

  it('a month uses only the birthdays in it: March 2025 has L (18 on the 31st, in touch) = 1 ÷ 1; January 2026 has D (died) only → no value', async () => {
    const db = ctx.database.db;
    const march = await indicatorValue(db, 'care-leavers-17-18-in-touch', la.id, {
      kind: 'month',
      start: '2025-03-01',
      end: '2025-03-31',
    });
    assert.deepEqual([march.numerator, march.denominator, march.value], [1, 1, 100]);
    const january = await indicatorValue(db, 'care-leavers-17-18-in-touch', la.id, {
      kind: 'month',
      start: '2026-01-01',
      end: '2026-01-31',
    });
    assert.deepEqual([january.numerator, january.denominator, january.value], [0, 0, null]);
  });

  it('pathway plans reviewed in the last 6 months at 31 March 2026: 3 of 6 = 50%', async () => {
    const db = ctx.database.db;
    // In: exactly-6-months ✓, a-day-over ✗, latest-on-period-end ✓, only-after-period-end ✗, none ✗, two-rows ✓.
    // Out: qualifying, closed the day before the period end.
    const v = await indicatorValue(db, 'pathway-plans-reviewed-6-months', laPlans.id, MARCH_2026);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 6, 50]);
    const got = byChild(await indicatorItems(db, 'pathway-plans-reviewed-6-months', laPlans.id, MARCH_2026));
    assert.deepEqual(got.get(ids['plan-exactly-6-months'] ?? 0), [1, 1]);
    assert.deepEqual(got.get(ids['plan-a-day-over'] ?? 0), [0, 1]);
    assert.deepEqual(got.get(ids['plan-two-rows'] ?? 0), [1, 1]);
    assert.equal(got.has(ids['plan-qualifying'] ?? 0), false);
    assert.equal(got.has(ids['plan-closed'] ?? 0), false);
  });

  it('PA linked by 17½ in 2025/26: on the day, early and month-end of 5 = 60%', async () => {
    const db = ctx.database.db;
    // In: on-the-day ✓, a-day-late ✗, early ✓, month-end (17½ on 28 February 2026) ✓, none ✗.
    // Out: 17½ before the year, qualifying, not yet a care leaver at 17½.
    const v = await indicatorValue(db, 'pa-linked-by-17-5', laPa.id, FY2025);
    assert.deepEqual([v.numerator, v.denominator, v.value], [3, 5, 60]);
    const feb = await indicatorValue(db, 'pa-linked-by-17-5', laPa.id, {
      kind: 'month',
      start: '2026-02-01',
      end: '2026-02-28',
    });
    assert.deepEqual([feb.numerator, feb.denominator], [1, 1]);
    const got = byChild(await indicatorItems(db, 'pa-linked-by-17-5', laPa.id, FY2025));
    assert.deepEqual(got.get(ids['pa-a-day-late'] ?? 0), [0, 1]);
    assert.equal(got.has(ids['pa-eligible-later'] ?? 0), false);
  });
});
