/**
 * The 903's OC3 holds exactly the relevant and former relevant care leavers whose 17th–21st birthday falls in the
 * year (indicators/areas/oc3-cohort.ts), "not in touch" where there was no contact, the later of two contacts equally
 * near the birthday. Worked by hand for 2025/26:
 * - A, 17 on 15 June 2025, relevant since she left care on 10 January 2025, no contact: NO, 0, 0.
 * - B, 19 on 1 September 2025, former relevant, whose record says "eligible" again from 1 February 2025 (after she
 *   left care at 18): still a former relevant care leaver: her contact of 20 August (12 days before) YES, F2, D1.
 * - C, 20 on 30 November 2025, qualifying, with a contact five days before: not in OC3 (before the fix, written).
 * - D, 17 on 10 October 2025 and looked after then (eligible) until 1 February 2026, with a contact on the birthday:
 *   not in OC3 (rule 1007).
 * - E, 18 on 1 December 2025, leaving care that day (former relevant from it), contacts 5 days before (NO) and 5 days
 *   after (YES, P5, U1): the later, YES. (Before the fix, the earlier.)
 * Then the return imports into an empty authority with no error, and that authority's export writes the same OC3:
 * the import keeps a care leaver record open on each birthday and each contact but the "not in touch" stand-in.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import {
  buildAuthority,
  buildCareLeaver,
  buildCareLeaverContact,
  buildChild,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { importFiles } from '../../ingest/service';
import { exportSsda903 } from './index';

async function oc3Of(dir: string): Promise<string[][]> {
  const lines = (await readFile(path.join(dir, 'oc3.csv'), 'utf8')).trim().split(/\r?\n/);
  const columns = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => {
    const row = Object.fromEntries(line.split(',').map((v, i) => [columns[i], v]));
    return [row.CHILD ?? '', row.IN_TOUCH ?? '', row.ACTIV ?? '', row.ACCOM ?? ''];
  });
}

describeEachEngine('the 903 OC3 is the care leaver cohort the indicators count', (ctx) => {
  it('writes exactly the relevant and former relevant care leavers, and reads back to the same OC3', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code: 'OC3' });
    const child = (laChildId: string, dateOfBirth: string) =>
      buildChild(db, { authorityId: la.id, laChildId, dateOfBirth, sex: 'F', upnUnknownReason: 'UN2' });
    async function care(c: { id: number; authorityId: number }, startDate: string, endDate: string | null) {
      // Full home and placement postcodes, as the 903 asks (rule 392b).
      const period = await buildPeriodOfCare(db, c, {
        startDate,
        endDate,
        reasonCeased: endDate ? 'E8' : null,
        homePostcodeDistrict: 'N11',
        homePostcode: 'N11 1AB',
      });
      await buildLegalStatus(db, c, { periodOfCareId: period.id, legalStatus: 'V2', startDate, endDate });
      await buildPlacement(db, c, {
        periodOfCareId: period.id,
        placementType: 'U4',
        startDate,
        endDate,
        postcodeDistrict: 'N11',
        postcode: 'N11 2AB',
      });
    }

    const a = await child('A', '2008-06-15');
    await care(a, '2023-02-01', '2025-01-10');
    await buildCareLeaver(db, a, { eligibility: 'relevant', startDate: '2025-01-10' });

    const b = await child('B', '2006-09-01');
    await care(b, '2019-03-01', '2024-09-01');
    await buildCareLeaver(db, b, { eligibility: 'eligible', startDate: '2022-09-01', endDate: '2024-09-01' });
    await buildCareLeaver(db, b, { eligibility: 'former-relevant', startDate: '2024-09-01', endDate: '2025-02-01' });
    await buildCareLeaver(db, b, { eligibility: 'eligible', startDate: '2025-02-01' });
    await buildCareLeaverContact(db, b, {
      contactDate: '2025-08-20',
      inTouch: 'YES',
      activity: 'F2',
      accommodation: 'D',
      accommodationSuitable: true,
    });

    const c = await child('C', '2005-11-30');
    await buildCareLeaver(db, c, { eligibility: 'qualifying', startDate: '2023-11-30' });
    await buildCareLeaverContact(db, c, { contactDate: '2025-11-25', inTouch: 'YES', activity: 'F2' });

    const d = await child('D', '2008-10-10');
    await care(d, '2023-01-01', '2026-02-01');
    await buildCareLeaver(db, d, { eligibility: 'eligible', startDate: '2024-10-10' });
    await buildCareLeaverContact(db, d, { contactDate: '2025-10-10', inTouch: 'YES', activity: 'F2' });

    const e = await child('E', '2007-12-01');
    await care(e, '2021-05-01', '2025-12-01');
    await buildCareLeaver(db, e, { eligibility: 'eligible', startDate: '2023-12-01', endDate: '2025-12-01' });
    await buildCareLeaver(db, e, { eligibility: 'former-relevant', startDate: '2025-12-01' });
    await buildCareLeaverContact(db, e, { contactDate: '2025-11-26', inTouch: 'NO', activity: '0' });
    await buildCareLeaverContact(db, e, {
      contactDate: '2025-12-06',
      inTouch: 'YES',
      activity: 'P5',
      accommodation: 'U',
      accommodationSuitable: true,
    });

    const first = await mkdtemp(path.join(tmpdir(), 'lantern-903-oc3-'));
    await exportSsda903(db, la.id, { year: 2026 }, first);
    const expected = [
      ['A', 'NO', '0', '0'],
      ['B', 'YES', 'F2', 'D1'],
      ['E', 'YES', 'P5', 'U1'],
    ];
    assert.deepEqual(await oc3Of(first), expected);

    const copy = await buildAuthority(db, { code: 'OC3B' });
    const summary = await importFiles(ctx.database, {
      paths: [first],
      authorityId: copy.id,
      actor: { userId: null, username: 'test:oc3' },
      options: { collectionYear: 2026 },
    });
    const errors = summary.batches.flatMap((x) => x.issues.filter((i) => i.severity === 'error'));
    assert.deepEqual(
      errors.map((i) => `${i.rule} ${i.file}:${String(i.row)} ${i.message}`),
      [],
    );
    const second = await mkdtemp(path.join(tmpdir(), 'lantern-903-oc3-again-'));
    await exportSsda903(db, copy.id, { year: 2026 }, second);
    assert.deepEqual(await oc3Of(second), expected);
  });
});
