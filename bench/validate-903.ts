/**
 * Benchmark: the 903 rules alone (no reading, no writing) on a synthetic 2025/26 return of N children, as JSON
 * lines: CPU seconds to build the rules' context and run every rule of the year. Validation should grow no faster
 * than the return (issue 16): compare the two sizes.
 *
 *   tsx bench/validate-903.ts [children …]      (default 10,000 and 100,000)
 *
 * Each child has a Header row, three episodes (one period of care, open at 31 March for two children in three,
 * closed in the year for the rest; each a new placement), two social worker episodes and a review; every tenth child a missing episode.
 */
import { IssueLog } from '../src/features/ingest/issues';
import { runRules } from '../src/features/ingest/rules';
import { buildContext } from '../src/features/ingest/formats/ssda903/rules/context';
import { SSDA903_RULES } from '../src/features/ingest/formats/ssda903/rules/index';
import { returnOf, type Partial903 } from '../src/features/ingest/formats/ssda903/rules/testing';

const YEAR = 2026;
const sizes = process.argv.slice(2).map(Number);

function syntheticReturn(n: number) {
  const t: Required<Pick<Partial903, 'Header' | 'Episodes' | 'SWEpisodes' | 'Reviews' | 'Missing'>> = {
    Header: [],
    Episodes: [],
    SWEpisodes: [],
    Reviews: [],
    Missing: [],
  };
  for (let i = 0; i < n; i++) {
    const CHILD = `C${i}`;
    const DOB = `20${String(10 + (i % 7)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    const open = i % 3 !== 0;
    t.Header.push({ CHILD, SEX: i % 2 ? 'M' : 'F', DOB, ETHNIC: 'WBRI', UPN: null, MOTHER: i % 2 ? null : '0' });
    const common = {
      CHILD,
      LS: 'C2',
      CIN: 'N1',
      PLACE: 'U1',
      PLACE_PROVIDER: 'PR1',
      HOME_POST: 'AB1',
      PL_POST: 'AB2',
      URN: 'XXXXXXX',
    };
    t.Episodes.push(
      { ...common, DECOM: '2024-06-01', RNE: 'S', DEC: '2025-01-10', REC: 'X1', REASON_PLACE_CHANGE: 'CARPL' },
      {
        ...common,
        PL_POST: 'AB3',
        DECOM: '2025-01-10',
        RNE: 'P',
        DEC: '2025-07-20',
        REC: 'X1',
        REASON_PLACE_CHANGE: 'CARPL',
      },
      {
        ...common,
        PL_POST: 'AB4',
        DECOM: '2025-07-20',
        RNE: 'P',
        DEC: open ? null : '2026-02-01',
        REC: open ? null : 'E41',
      },
    );
    t.SWEpisodes.push(
      { CHILD, DOB, SW_ID: `SW${i % 500}`, SW_DECOM: '2024-06-01', SW_DEC: '2025-03-01', SW_REASON: 'MGMTDEC' },
      { CHILD, DOB, SW_ID: `SW${(i + 1) % 500}`, SW_DECOM: '2025-03-01', SW_DEC: open ? null : '2026-02-01' },
    );
    t.Reviews.push({ CHILD, DOB, REVIEW: '2025-09-01', REVIEW_CODE: 'PN1' });
    if (i % 10 === 0) t.Missing.push({ CHILD, DOB, MISSING: 'M', MIS_START: '2025-10-01', MIS_END: '2025-10-02' });
  }
  return returnOf(t);
}

for (const n of sizes.length > 0 ? sizes : [10_000, 100_000]) {
  const ret = syntheticReturn(n);
  const before = process.cpuUsage();
  const started = performance.now();
  const issues = new IssueLog();
  const hits = runRules(SSDA903_RULES, YEAR, buildContext(ret, YEAR), issues);
  const cpu = process.cpuUsage(before);
  process.stdout.write(
    `${JSON.stringify({
      benchmark: 'validate-903',
      children: n,
      rows: Object.values(ret).reduce((s, rows) => s + rows.length, 0),
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
      seconds: Math.round((performance.now() - started) / 10) / 100,
      hits,
    })}\n`,
  );
}
