/**
 * The 903 Header's MOTHER and MC_DOB (rule 625: the mother's child is born by 31 March and by the end of her last
 * episode). Worked by hand: A, looked after 1 June 2024 to 16 July 2025 (her 18th birthday), had a baby on 5 March
 * 2026, after she left care: in the 2025/26 return she is not a looked-after mother, so MOTHER 0 and MC_DOB blank.
 * B, looked after from 1 June 2024 and still at 31 March 2026, had a baby on 1 December 2025: MOTHER 1, MC_DOB
 * 01/12/2025. Before the fix A was written MOTHER 1, MC_DOB 05/03/2026, and Lantern refused its own export (625).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { it } from 'node:test';
import {
  buildAuthority,
  buildChild,
  buildFamilyLink,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { exportSsda903 } from './index';

describeEachEngine('the 903 names a mother only for a child born while she was looked after', (ctx) => {
  it('MOTHER 0 for a baby born after she left care; MOTHER 1 and MC_DOB for one born in care', async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { code: 'MOT' });
    async function youngWoman(laChildId: string, endDate: string | null, babyBorn: string) {
      const child = await buildChild(db, { authorityId: la.id, laChildId, sex: 'F', dateOfBirth: '2007-07-16' });
      const period = await buildPeriodOfCare(db, child, {
        startDate: '2024-06-01',
        endDate,
        reasonCeased: endDate ? 'E8' : null,
      });
      await buildLegalStatus(db, child, {
        periodOfCareId: period.id,
        legalStatus: 'V2',
        startDate: '2024-06-01',
        endDate,
      });
      await buildPlacement(db, child, {
        periodOfCareId: period.id,
        placementType: 'K3',
        startDate: '2024-06-01',
        endDate,
      });
      await buildFamilyLink(db, child, { relationship: 'child', relatedDateOfBirth: babyBorn });
    }
    await youngWoman('A', '2025-07-16', '2026-03-05');
    await youngWoman('B', null, '2025-12-01');
    const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-mother-'));
    await exportSsda903(db, la.id, { year: 2026 }, dir);
    const header = (await readFile(path.join(dir, 'header.csv'), 'utf8')).trim().split(/\r?\n/);
    const columns = (header[0] ?? '').split(',');
    const rows = header.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v])));
    assert.deepEqual(
      rows.map((r) => [r.CHILD, r.MOTHER, r.MC_DOB]),
      [
        ['A', '0', ''],
        ['B', '1', '01/12/2025'],
      ],
    );
  });
});
