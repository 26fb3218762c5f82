/**
 * One small hand-built return for each collection year Lantern reads, 2022/23 to 2026/27, each in that year's
 * shape (the 903 validator's tables and code lists): SEX 1/2 until 2023/24 and M/F/U after; supported accommodation H5 until
 * 2023/24 and K3 from it; Z1 until 2024/25 and Z11–Z14 after; SWEpisodes from 2023/24; DoLo from 2026/27. Each is
 * read without an error; the same return with a code from another year is refused with LNT-CODE or the
 * validator's code-validity rule on the exact row and column.
 *
 * The child: born 15 June eighteen years before the year's last calendar year, so 16 when looked after from 2 May of
 * the year's first calendar year (inside the collection year; old enough for supported accommodation, rule 371)
 * and 17 on 31 March (not yet an adult, rule 359), under a care order (C2), in the year's supported accommodation,
 * with provider PR4.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ImportContext, SourceFile } from '../../format';
import { IssueLog } from '../../issues';
import { ssda903Format } from './index';

interface YearShape {
  year: number;
  sex: string;
  place: string;
  /** The same return with a code from another year: the column, the bad value. */
  wrong: { column: 'SEX' | 'PLACE'; value: string };
  socialWorkers: boolean;
  dolo: boolean;
}

const YEARS: YearShape[] = [
  { year: 2023, sex: '1', place: 'H5', wrong: { column: 'PLACE', value: 'K3' }, socialWorkers: false, dolo: false },
  { year: 2024, sex: '1', place: 'K3', wrong: { column: 'SEX', value: 'M' }, socialWorkers: true, dolo: false },
  { year: 2025, sex: 'M', place: 'K3', wrong: { column: 'PLACE', value: 'H5' }, socialWorkers: true, dolo: false },
  { year: 2026, sex: 'F', place: 'Z13', wrong: { column: 'PLACE', value: 'Z1' }, socialWorkers: true, dolo: false },
  { year: 2027, sex: 'F', place: 'Z13', wrong: { column: 'SEX', value: '2' }, socialWorkers: true, dolo: true },
];

function files(shape: YearShape, wrong: boolean): SourceFile[] {
  const dir = mkdtempSync(path.join(tmpdir(), `lantern-903-${shape.year}-`));
  const first = shape.year - 1;
  const dob = `15/06/${shape.year - 18}`;
  const sex = wrong && shape.wrong.column === 'SEX' ? shape.wrong.value : shape.sex;
  const place = wrong && shape.wrong.column === 'PLACE' ? shape.wrong.value : shape.place;
  // MOTHER is blank for a boy and 0 for a girl (rule 165).
  const mother = shape.sex === '1' || shape.sex === 'M' ? '' : '0';
  // Z11–Z14 have no provider (rules 178 and 213).
  const provider = /^Z1\d$/.test(place) ? '' : 'PR4';
  // Z11–Z14 and supported accommodation have no Ofsted URN; the placeholder is what the return expects.
  const text: Record<string, string> = {
    'header.csv': `CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nY1,${sex},${dob},WBRI,UN2,${mother},\n`,
    'episodes.csv':
      'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n' +
      `Y1,02/05/${first},S,C2,N4,${place},${provider},,,,N12 0AB,N13 1AB,XXXXXXX\n`,
  };
  if (shape.socialWorkers)
    text['sw.csv'] = `CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON\nY1,${dob},SW0042,02/05/${first},,FCONTA\n`;
  if (shape.dolo) text['dolo.csv'] = `CHILD,DOB,DOLO_START,DOLO_END\nY1,${dob},01/09/${first},\n`;
  return Object.entries(text).map(([name, body]) => {
    writeFileSync(path.join(dir, name), body);
    return { name, path: path.join(dir, name), size: Buffer.byteLength(body) };
  });
}

function context(issues: IssueLog, year: number): ImportContext {
  return {
    authority: { id: 1, code: 'T', name: 'Test', laNumber: null },
    issues,
    progress: () => undefined,
    options: { collectionYear: year },
    today: '2027-06-01',
  };
}

describe('SSDA903 returns of each collection year', () => {
  for (const shape of YEARS) {
    it(`${shape.year - 1}/${String(shape.year % 100)}: read in its own shape; a code from another year refused`, async () => {
      const issues = new IssueLog();
      const result = await ssda903Format.read(files(shape, false), context(issues, shape.year));
      assert.deepEqual(
        issues.list().filter((i) => i.severity === 'error'),
        [],
      );
      assert.equal(result?.period, String(shape.year));
      assert.equal(result?.dataset.rows.placements[0]?.placementType, shape.place);
      assert.equal(
        result?.dataset.rows.children[0]?.sex,
        shape.sex === '1' ? 'M' : shape.sex === '2' ? 'F' : shape.sex,
      );
      assert.equal(result?.dataset.rows.allocations.length, shape.socialWorkers ? 1 : 0);
      assert.equal(result?.dataset.rows.deprivationOfLibertyOrders.length, shape.dolo ? 1 : 0);

      const wrong = new IssueLog();
      await ssda903Format.read(files(shape, true), context(wrong, shape.year));
      const errors = wrong.list().filter((i) => i.severity === 'error');
      assert.equal(errors.length, 1, JSON.stringify(errors));
      assert.equal(errors[0]?.column, shape.wrong.column);
      assert.equal(errors[0]?.row, 2);
      assert.match(errors[0]?.file ?? '', shape.wrong.column === 'SEX' ? /header\.csv$/ : /episodes\.csv$/);
    });
  }
});
