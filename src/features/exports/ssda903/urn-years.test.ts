/**
 * Rule 503F across consecutive years (issue 15): an episode open at 31 March is written in both years' returns, and
 * the two must give it the same URN. The exporter once wrote supported accommodation (H5) with no URN blank in
 * 2023/24 and XXXXXXX in 2024/25, so the demo's 2024/25 return was refused after its 2023/24 one ("last year:
 * blank"). Since rule 230 (2023/24: an H5 placement after 28 October 2023 needs its real URN, issue 16) such an H5
 * is itself an error, so the episode here carries its registered URN, written the same in both years, and the
 * placement after it, with no URN yet, gets the placeholder.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import {
  buildAllocation,
  buildAuthority,
  buildChild,
  buildClaOutcome,
  buildLegalStatus,
  buildPeriodOfCare,
  buildPlacement,
  buildSdq,
  buildTeam,
  buildWorker,
} from '../../../../test/support/builders';
import { describeEachEngine } from '../../../../test/support/databases';
import { importFiles } from '../../ingest/service';
import { exportSsda903 } from './index';

const actor = { userId: null, username: 'test:903-urn' };

describeEachEngine('the 903 gives an episode the same URN in every year it is written', (ctx) => {
  let from: number;
  const files = new Map<number, string>();

  before(async () => {
    const db = ctx.database.db;
    from = (await buildAuthority(db, { code: 'URN1' })).id;
    const child = await buildChild(db, {
      authorityId: from,
      laChildId: 'U1',
      dateOfBirth: '2007-05-01',
      sex: 'M',
      upnUnknownReason: 'UN2',
    });
    const team = await buildTeam(db, { authorityId: from, name: 'Children in care 1' });
    const worker = await buildWorker(db, { authorityId: from, workerRef: 'SW9001', teamId: team.id });
    await buildAllocation(db, { child, teamId: team.id, workerId: worker.id, startDate: '2023-09-01' });
    // In care from 1 September 2023 (accommodated, V2), in registered supported accommodation (H5, URN SC654321: a
    // setting registered after 28 October 2023, as rule 230 asks) until 1 April 2024, then in a children's home (K3)
    // whose URN is not known yet, still there at 31 March 2025.
    // Full postcodes, as the 903 asks (decision 0027: a district alone fails rule 392c); no permanence order before
    // (Z1): the 903 needs it for a child starting care in the year (rule 630).
    const period = await buildPeriodOfCare(db, child, {
      startDate: '2023-09-01',
      homePostcodeDistrict: 'N11',
      homePostcode: 'N11 1AB',
      previousPermanence: 'Z1',
    });
    await buildLegalStatus(db, child, { periodOfCareId: period.id, legalStatus: 'V2', startDate: '2023-09-01' });
    await buildPlacement(db, child, {
      periodOfCareId: period.id,
      startDate: '2023-09-01',
      endDate: '2024-04-01',
      placementType: 'H5',
      provider: 'PR4',
      postcodeDistrict: 'N11',
      postcode: 'N11 2AB',
      urn: 'SC654321',
      changeReason: 'PLACE',
    });
    await buildPlacement(db, child, {
      periodOfCareId: period.id,
      startDate: '2024-04-01',
      placementType: 'K3',
      provider: 'PR4',
      postcodeDistrict: 'N11',
      postcode: 'N11 2AB',
      urn: null,
    });
    // Looked after continuously for the 12 months to 31 March 2025, so in 2024/25’s OC2, which needs its items: he
    // turned 17 on 1 May 2024 (an SDQ or a reason for none, rule 197B: SDQ1, her age), is over 10 (a conviction
    // answer, 543) and over 5 (no health surveillance item).
    await buildSdq(db, child, { assessmentDate: '2024-06-01', score: null, reason: 'SDQ1' });
    await buildClaOutcome(db, child, {
      asAt: '2025-03-31',
      convicted: false,
      immunisations: true,
      substanceMisuse: false,
    });
    for (const year of [2024, 2025]) {
      const dir = await mkdtemp(path.join(tmpdir(), `lantern-903-urn-${year}-`));
      await exportSsda903(db, from, { year }, dir);
      files.set(year, dir);
    }
  });

  it('writes the H5 episode with its URN in both years, and the placement with none yet as XXXXXXX', async () => {
    const episode = async (year: number, start: string) =>
      (await readFile(path.join(files.get(year) ?? '', 'episodes.csv'), 'utf8'))
        .split('\n')
        .find((l) => l.startsWith(`U1,${start},`));
    // The URN is the last column. The H5 episode ended on 1 April 2024, so it is in the 2023/24 and 2024/25 files.
    assert.equal((await episode(2024, '01/09/2023'))?.split(',').at(-1), 'SC654321');
    assert.equal((await episode(2025, '01/09/2023'))?.split(',').at(-1), 'SC654321');
    // K3 needs a URN in every year; with none known, the 903's placeholder.
    assert.equal((await episode(2025, '01/04/2024'))?.split(',').at(-1), 'XXXXXXX');
  });

  it('imports 2023/24 then 2024/25 into an empty authority, with no 503F', async () => {
    const to = (await buildAuthority(ctx.database.db, { code: 'URN2' })).id;
    for (const year of [2024, 2025]) {
      const summary = await importFiles(ctx.database, {
        paths: [files.get(year) ?? ''],
        authorityId: to,
        actor,
        options: { collectionYear: year },
      });
      const batch = summary.batches[0];
      const errors = (batch?.issues ?? []).filter((i) => i.severity === 'error').map((i) => `${i.rule} ${i.message}`);
      assert.deepEqual(errors, [], `${year}`);
      assert.equal(batch?.status, 'accepted');
    }
  });
});
