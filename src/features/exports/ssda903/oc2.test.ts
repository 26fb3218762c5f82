/**
 * The 903's OC2 and the Header's MOTHER for a care leaver, 2025/26 (31 March 2026), worked by hand:
 * - U1 and U2, born 10 January 2023, are 3 on 31 March 2026, so under 5: their health assessment must be in the 6
 *   months to 31 March, i.e. on or after 1 October 2025 (31 March less 6 months is 30 September; the day after), as
 *   the health assessment indicator counts. U1's only one is on 30 September 2025: HEALTH_ASSESSMENT 0 (Lantern wrote
 *   1 before). U2's is on 1 October 2025: 1.
 * - O1, born 1 May 2015, is 10 on 31 March 2026, so 5 or over: any health assessment in the year (1 June 2025)
 *   counts, 1. Her outcomes at 31 March: not convicted, immunisations up to date, a substance misuse problem, no
 *   intervention received but one offered; no health surveillance item (5 or over). Dental check 1 July 2025:
 *   TEETH_CHECK 1; SDQ 12 on 1 August 2025.
 * - All three have been in care since 1 June 2024, so continuously for 12 months at 31 March 2026.
 * - L, a young woman who left care on 30 June 2024 with a baby born 1 May 2024, is in the return only for her OC3
 *   row (a contact on her 19th birthday, 16 July 2025): not looked after in the year, so MOTHER and MC_DOB blank
 *   (rule 628), where Lantern wrote MOTHER 1.
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
  buildClaOutcome,
  buildDentalCheck,
  buildFamilyLink,
  buildHealthAssessment,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  buildSdq,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { exportSsda903 } from './index';

async function table(dir: string, name: string): Promise<Array<Record<string, string>>> {
  const lines = (await readFile(path.join(dir, name), 'utf8')).trim().split(/\r?\n/);
  const columns = (lines[0] ?? '').split(',');
  return lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i] ?? '', v])));
}

describeEachEngine('the 903 OC2 items and a care leaver’s MOTHER', (ctx) => {
  it('writes every OC2 item, health assessments by the under-5 rule, and no MOTHER for a care leaver', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code: 'OC2' });
    async function inCare(laChildId: string, dateOfBirth: string, sex: 'M' | 'F', endDate: string | null = null) {
      const child = await buildChild(db, { authorityId: la.id, laChildId, sex, dateOfBirth });
      const startDate = laChildId === 'L' ? '2022-06-01' : '2024-06-01';
      const period = await buildPeriodOfCare(db, child, { startDate, endDate, reasonCeased: endDate ? 'E8' : null });
      await buildLegalStatus(db, child, { periodOfCareId: period.id, legalStatus: 'C2', startDate, endDate });
      await buildPlacement(db, child, { periodOfCareId: period.id, placementType: 'U1', startDate, endDate });
      return child;
    }
    const u1 = await inCare('U1', '2023-01-10', 'M');
    const u2 = await inCare('U2', '2023-01-10', 'F');
    const o1 = await inCare('O1', '2015-05-01', 'F');
    const l = await inCare('L', '2006-07-16', 'F', '2024-06-30');
    await buildHealthAssessment(db, u1, { kind: 'review', assessmentDate: '2025-09-30' });
    await buildHealthAssessment(db, u2, { kind: 'review', assessmentDate: '2025-10-01' });
    await buildHealthAssessment(db, o1, { kind: 'review', assessmentDate: '2025-06-01' });
    await buildDentalCheck(db, o1, { checkDate: '2025-07-01' });
    await buildSdq(db, o1, { assessmentDate: '2025-08-01', score: 12 });
    // Immunisations up to date and no substance misuse problem unless said.
    const asAt = '2026-03-31';
    await buildClaOutcome(db, u1, { asAt, healthCheck: true });
    await buildClaOutcome(db, u2, { asAt, healthCheck: false });
    await buildClaOutcome(db, o1, {
      asAt,
      convicted: false,
      substanceMisuse: true,
      interventionReceived: false,
      interventionOffered: true,
    });
    await buildFamilyLink(db, l, { relationship: 'child', relatedDateOfBirth: '2024-05-01' });
    // OC3 holds relevant and former relevant young people (issue 16): L left care at 17 after two years, so relevant
    // until her 18th birthday (16 July 2024), former relevant after.
    await buildCareLeaver(db, l, { eligibility: 'relevant', startDate: '2024-06-30', endDate: '2024-07-16' });
    await buildCareLeaver(db, l, { eligibility: 'former-relevant', startDate: '2024-07-16', endDate: null });
    await buildCareLeaverContact(db, l, { contactDate: '2025-07-16', inTouch: 'YES', activity: 'F2' });

    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-oc2-'));
    await exportSsda903(db, la.id, { year: 2026 }, dir);
    const oc2 = await table(dir, 'oc2.csv');
    const items = (r: Record<string, string>) =>
      [
        r.CHILD,
        r.CONVICTED,
        r.HEALTH_CHECK,
        r.IMMUNISATIONS,
        r.TEETH_CHECK,
        r.HEALTH_ASSESSMENT,
        r.SUBSTANCE_MISUSE,
        r.INTERVENTION_RECEIVED,
        r.INTERVENTION_OFFERED,
        r.SDQ_SCORE,
      ].join(' ');
    assert.deepEqual(oc2.map(items), ['O1 0  1 1 1 1 0 1 12', 'U1  1 1 0 0 0   ', 'U2  0 1 0 1 0   ']);
    const header = await table(dir, 'header.csv');
    assert.deepEqual(
      header.map((r) => [r.CHILD, r.MOTHER, r.MC_DOB]),
      [
        ['L', '', ''],
        ['O1', '0', ''],
        ['U1', '', ''],
        ['U2', '0', ''],
      ],
    );
  });
});
