/**
 * The rules that compare two years, end to end through the import runner: last year's 903 is restored from the
 * import log and read alongside this year's; with no import for last year, a query says the rules were not run.
 */
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, it } from 'node:test';
import { buildAuthority } from '../../../../../test/support/builders';
import { describeEachEngine } from '../../../../../test/support/databases';
import { importFiles } from '../../service';

async function folder(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lantern-903-cross-'));
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
  return dir;
}

const EPISODE_COLUMNS =
  'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n';

/**
 * 2024/25: C1 (born 15/06/2012) came into care on 1 May 2024 under a care order with foster carers and is still
 * looked after at 31 March 2025, with a social worker.
 */
const RETURN_2025 = {
  'header.csv': 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,M,15/06/2012,WBRI,UN2,,\r\n',
  'episodes.csv': `${EPISODE_COLUMNS}C1,01/05/2024,S,C2,N1,U4,PR1,,,,N12 0AB,N13 1AB,SC000001\r\n`,
  'sw.csv': 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\nC1,15/06/2012,SW1001,01/05/2024,,OTHERS\r\n',
};

/**
 * 2025/26: the same episode carried on (same DECOM, RNE, LS, CIN, PLACE, provider, postcodes, URN) and ended on
 * 20 December 2025 (E4A); but the Header now gives C1's date of birth as 16/06/2012 (as does the SW file, so the
 * two tables agree with each other).
 */
const RETURN_2026 = {
  'header.csv': 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nC1,M,16/06/2012,WBRI,UN2,,\r\n',
  'episodes.csv': `${EPISODE_COLUMNS}C1,01/05/2024,S,C2,N1,U4,PR1,20/12/2025,E4A,,N12 0AB,N13 1AB,SC000001\r\n`,
  'sw.csv': 'CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\r\nC1,16/06/2012,SW1001,01/05/2024,20/12/2025,OTHERS\r\n',
};

describeEachEngine('903 rules against last year’s import', (ctx) => {
  let withHistory: number;
  let withoutHistory: number;
  const actor = { userId: null, username: 'test:analyst' };

  before(async () => {
    withHistory = (await buildAuthority(ctx.database.db, { code: 'CY1' })).id;
    withoutHistory = (await buildAuthority(ctx.database.db, { code: 'CY2' })).id;
  });

  it('reports a date of birth that differs from last year’s return (203) on this year’s Header row', async () => {
    const first = await importFiles(ctx.database, {
      paths: [await folder(RETURN_2025)],
      authorityId: withHistory,
      actor,
      options: { collectionYear: 2025 },
    });
    const y2025 = first.batches[0];
    // No 2023/24 import for this authority: accepted, with the one query that says the comparison was not made.
    assert.equal(y2025?.status, 'accepted', JSON.stringify(y2025?.issues));
    assert.deepEqual(
      y2025?.issues.filter((i) => i.rule === 'LNT-PREVIOUS').map((i) => i.severity),
      ['query'],
    );

    const second = await importFiles(ctx.database, {
      paths: [await folder(RETURN_2026)],
      authorityId: withHistory,
      actor,
      options: { collectionYear: 2026 },
    });
    const y2026 = second.batches[0];
    // 203 is an error, so the import is rejected; it is the only cross-year hit: sex M = M, ethnicity WBRI = WBRI
    // (no 202/204), and the first episode (01/05/2024, S, C2, N1, U4, PR1, same postcodes and URN) matches the
    // episode open at 31 March 2025 (no 502, 503A–J). Last year's rows are not reported again.
    assert.equal(y2026?.status, 'rejected');
    const crossYear = y2026?.issues.filter((i) => /^(20[234]|50[23][A-J]?|LNT-PREVIOUS)$/.test(i.rule)) ?? [];
    assert.equal(crossYear.length, 1, JSON.stringify(y2026?.issues));
    const [issue] = crossYear;
    assert.equal(issue?.rule, '203');
    assert.equal(issue?.severity, 'error');
    // header.csv, row 2 (the first data row under the header line), column DOB, child C1.
    assert.match(issue?.file ?? '', /header\.csv$/);
    assert.doesNotMatch(issue?.file ?? '', /\(import \d+\)/);
    assert.equal(issue?.row, 2);
    assert.equal(issue?.column, 'DOB');
    assert.equal(issue?.child, 'C1');
    // The detail names last year's value: 15/06/2012 read as 2012-06-15.
    assert.match(issue?.message ?? '', /last year: 2012-06-15/);
    // Apart from 203 the return is clean: one error in all.
    assert.equal(y2026?.errors, 1, JSON.stringify(y2026?.issues));
  });

  it('says the cross-year rules were not run when last year’s 903 has not been imported', async () => {
    const summary = await importFiles(ctx.database, {
      paths: [await folder(RETURN_2026)],
      authorityId: withoutHistory,
      actor,
      options: { collectionYear: 2026 },
    });
    const batch = summary.batches[0];
    // Nothing to compare the changed date of birth with: no 203, and the return is accepted with the query.
    assert.equal(batch?.status, 'accepted', JSON.stringify(batch?.issues));
    assert.equal(
      batch?.issues.some((i) => i.rule === '203'),
      false,
    );
    const previous = batch?.issues.filter((i) => i.rule === 'LNT-PREVIOUS') ?? [];
    assert.equal(previous.length, 1);
    assert.equal(previous[0]?.severity, 'query');
    assert.match(previous[0]?.file ?? '', /header\.csv$/);
    assert.match(previous[0]?.message ?? '', /2024\/25 SSDA903 return has not been imported/);
  });
});
