/**
 * The care leaver birthday cohort as oc3-cohort.ts defines it, in the indicators' SQL, worked by hand for 2025/26:
 * - B, 19 on 1 September 2025, former relevant, whose record says "eligible" again from 1 February 2025 (after she
 *   left care at 18), in touch on 20 August: in the 19–21 cohort, in touch. Before the fix she was left out (0 ÷ 0).
 * - A, 17 on 15 June 2025, relevant since 10 January 2025, no contact: in the 17–18 cohort, not in touch.
 * - F, 17 on 5 May 2025, relevant since 1 January 2025, back in care 1 August to 1 December 2025: an episode ends
 *   after the birthday in the year (rule 1016), so not in OC3: left out. Before the fix counted (0 ÷ 2).
 * - D, 17 on 10 October 2025 and looked after that day (eligible), in touch: left out (rule 1007).
 * So 17–18 in touch: 0 ÷ 1 (A); 19–21 in touch: 1 ÷ 1 (B).
 */
import assert from 'node:assert/strict';
import { before, it } from 'node:test';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAuthority,
  buildCareLeaver,
  buildCareLeaverContact,
  buildChild,
  buildPeriodOfCare,
} from '../../../../test/support/builders';
import { FY2025, indicatorValue } from '../../../../test/support/indicators';

describeEachEngine(
  'the care leaver cohort: former relevant whatever an "eligible" record says, not looked after',
  (ctx) => {
    let la: { id: number };

    before(async () => {
      const db = ctx.database.db;
      la = await buildAuthority(db);
      const child = (dateOfBirth: string) => buildChild(db, { authorityId: la.id, dateOfBirth });

      const b = await child('2006-09-01');
      await buildPeriodOfCare(db, b, { startDate: '2019-03-01', endDate: '2024-09-01', reasonCeased: 'E5' });
      await buildCareLeaver(db, b, { eligibility: 'eligible', startDate: '2022-09-01', endDate: '2024-09-01' });
      await buildCareLeaver(db, b, { eligibility: 'former-relevant', startDate: '2024-09-01', endDate: '2025-02-01' });
      await buildCareLeaver(db, b, { eligibility: 'eligible', startDate: '2025-02-01' });
      await buildCareLeaverContact(db, b, { contactDate: '2025-08-20', inTouch: 'YES', activity: 'F2' });

      const a = await child('2008-06-15');
      await buildPeriodOfCare(db, a, { startDate: '2023-02-01', endDate: '2025-01-10', reasonCeased: 'E8' });
      await buildCareLeaver(db, a, { eligibility: 'relevant', startDate: '2025-01-10' });

      const f = await child('2008-05-05');
      await buildPeriodOfCare(db, f, { startDate: '2023-02-01', endDate: '2025-01-01', reasonCeased: 'E8' });
      await buildPeriodOfCare(db, f, { startDate: '2025-08-01', endDate: '2025-12-01', reasonCeased: 'E8' });
      await buildCareLeaver(db, f, { eligibility: 'relevant', startDate: '2025-01-01' });
      await buildCareLeaverContact(db, f, { contactDate: '2025-05-05', inTouch: 'YES', activity: 'F2' });

      const d = await child('2008-10-10');
      await buildPeriodOfCare(db, d, { startDate: '2023-01-01', endDate: null });
      await buildCareLeaver(db, d, { eligibility: 'eligible', startDate: '2024-10-10' });
      await buildCareLeaverContact(db, d, { contactDate: '2025-10-10', inTouch: 'YES', activity: 'F2' });
    });

    it('17–18 in touch: A alone, not in touch = 0 ÷ 1', async () => {
      const v = await indicatorValue(ctx.database.db, 'care-leavers-17-18-in-touch', la.id, FY2025);
      assert.deepEqual([v.numerator, v.denominator, v.value], [0, 1, 0]);
    });

    it('19–21 in touch: B, whose record flipped back to eligible, in touch = 1 ÷ 1', async () => {
      const v = await indicatorValue(ctx.database.db, 'care-leavers-19-21-in-touch', la.id, FY2025);
      assert.deepEqual([v.numerator, v.denominator, v.value], [1, 1, 100]);
    });
  },
);
