/**
 * Ofsted's published outcomes (the repository's reference-data/ofsted-ilacs/, and in test/fixtures/reference/ofsted-ilacs/
 * the formats the demo does not need: the official ODS workbook and the scrapes' overviews): every format recognised
 * by its content and loaded into ofsted_outcomes, counts checked by hand against the files, the workbook giving the
 * same rows as its CSV tables, re-imports replacing (or "unchanged"), and bad cells refusing the whole file with
 * file, row, column. Line numbers are the published files' (a gzipped file's lines are the file's inside).
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { rows } from '../../db/query';
import { describeEachEngine } from '../../../test/support/databases';
import { readReferenceBytes, readReferenceFile, ReferenceFileError, type ReferenceFile } from './files';
import { importReferenceFiles, referenceFilesIn } from './import';
import { laNumberOfOfstedUrl, parseOutcomeDate, type OfstedOutcomeRow } from './ofsted-outcomes';
import { nameKey } from './ofsted-outcomes-write';

const REFERENCE = fileURLToPath(new URL('../../../reference-data', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/reference', import.meta.url));
const f = (name: string, folder = REFERENCE) => ({
  name: `ofsted-ilacs/${name}`,
  path: path.join(folder, 'ofsted-ilacs', name),
});
const ODS = f('LA_Inspection_Outcomes_as_at_31_March_2025.ods', FIXTURES);
const CURRENT = f('ofsted_la_outcomes_2025_current_judgements.csv.gz');
const IN_YEAR = f('ofsted_la_outcomes_2025_in_year_activity_2024-25.csv.gz');
const HISTORY = f('ofsted_la_outcomes_2025_ilacs_history_2018-2025.csv.gz');
const JT39_HISTORY = f('jt39_ofsted_csc_ilacs_history.csv.gz');
const JT39_CSV = f('jt39_ofsted_csc_ilacs_overview.csv.gz', FIXTURES);
const JT39_XLSX = f('jt39_ofsted_csc_ilacs_overview.xlsx', FIXTURES);
const D2I_CSV = f('d2i_ofsted_csc_ilacs_overview.csv.gz', FIXTURES);
const D2I_XLSX = f('d2i_ofsted_csc_ilacs_overview.xlsx', FIXTURES);
const LOOKUP = {
  name: 'la-reference/jt39_Provider_data_lookup.csv',
  path: path.join(REFERENCE, 'la-reference/jt39_Provider_data_lookup.csv.gz'),
};
/** A published CSV's text (the repository keeps them gzipped). */
const publishedText = async (file: { path: string }) => (await readReferenceBytes(file.path)).toString('utf8');

type Outcomes = Extract<ReferenceFile, { kind: 'ofsted-outcomes' }>;
async function outcomes(file: { name: string; path: string }): Promise<Outcomes> {
  const read = await readReferenceFile(file.name, file.path);
  assert.equal(read.kind, 'ofsted-outcomes');
  return read;
}
/** Every entry of a zip, by name. */
function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) => {
      if (err) {
        reject(err);
        return;
      }
      const out = new Map<string, Buffer>();
      z.on('entry', (entry: yauzl.Entry) => {
        z.openReadStream(entry, (e, stream) => {
          if (e) {
            reject(e);
            return;
          }
          const parts: Buffer[] = [];
          stream.on('data', (c: Buffer) => parts.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(parts));
            z.readEntry();
          });
        });
      });
      z.on('end', () => {
        resolve(out);
      });
      z.readEntry();
    });
  });
}
function zip(entries: Map<string, Buffer>): Promise<Buffer> {
  const z = new yazl.ZipFile();
  for (const [name, data] of entries) z.addBuffer(data, name, { compress: name !== 'mimetype' });
  z.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    z.outputStream.on('data', (c: Buffer) => parts.push(c));
    z.outputStream.on('end', () => {
      resolve(Buffer.concat(parts));
    });
    z.outputStream.on('error', reject);
  });
}
const withoutLine = ({ line: _line, ...rest }: OfstedOutcomeRow) => rest;

describe('Ofsted outcomes: small rules', () => {
  it('dates: dd/mm/yyyy, dd/mm/yy as 20yy, a spreadsheet’s YYYY-MM-DD; 31/02/2024 is not a date', () => {
    assert.equal(parseOutcomeDate('10/06/2024'), '2024-06-10');
    assert.equal(parseOutcomeDate('27/10/23'), '2023-10-27');
    assert.equal(parseOutcomeDate('2024-06-10'), '2024-06-10');
    assert.equal(parseOutcomeDate('31/02/2024'), null);
    assert.equal(parseOutcomeDate('June 2024'), null);
  });
  it('the LA number is the Ofsted page URL’s last segment (…/provider/44/302 → 302)', () => {
    assert.equal(laNumberOfOfstedUrl('https://reports.ofsted.gov.uk/provider/44/302'), '302');
    assert.equal(laNumberOfOfstedUrl('https://reports.ofsted.gov.uk/provider/44/80487'), null);
  });
  it('names compare without case, "&", ", City of" or full stops', () => {
    assert.equal(nameKey('Bristol, City of'), nameKey('bristol'));
    assert.equal(nameKey('Telford and Wrekin'), nameKey('telford & wrekin'));
    assert.equal(nameKey('St. Helens'), nameKey('st helens'));
  });
});

describe('Ofsted outcomes: reading the published files', () => {
  it('the official current judgements: 153 authorities; overall Good 67, Outstanding 36, RI 31, Inadequate 19 (Ofsted, Local authority inspection outcomes as at 31 March 2025)', async () => {
    const file = await outcomes(CURRENT);
    assert.equal(file.source, 'ofsted-la-outcomes-current');
    const table = file.tables[0];
    assert.equal(table?.rows.length, 153);
    const count = (g: string) => table?.rows.filter((r) => r.overall === g).length;
    assert.deepEqual(
      [count('good'), count('outstanding'), count('requires-improvement'), count('inadequate')],
      [67, 36, 31, 19],
    );
    // 67 + 36 + 31 + 19 = 153: every authority has an overall grade at 31 March 2025.
    // Care leavers blank for the 50 whose inspection was before 2023 (the column's value counts: '' 50).
    assert.equal(table?.rows.filter((r) => r.careLeavers === null).length, 50);
  });

  it('Barnet (302): 10/06/2024, published 23/07/2024, good, children in care outstanding, care leavers good (current line 3)', async () => {
    const barnet = (await outcomes(CURRENT)).tables[0]?.rows.find((r) => r.laNumber === '302');
    assert.deepEqual(barnet && withoutLine(barnet), {
      laNumber: '302',
      gssCode: 'E09000003',
      urn: null,
      laName: 'Barnet',
      ofstedRegion: 'London',
      kind: null,
      theme: null,
      startDate: '2024-06-10',
      endDate: null,
      publishedOn: '2024-07-23',
      leadInspector: null,
      overall: 'good',
      leaders: 'good',
      helpAndProtection: 'good',
      childrenInCare: 'outstanding',
      careLeavers: 'good',
      link: 'https://reports.ofsted.gov.uk/provider/44/302',
    });
  });

  it('in-year activity: 112 rows = 36 focused visits + 30 short + 22 standard + 24 monitoring visits; visits carry their theme and no grades', async () => {
    const t = (await outcomes(IN_YEAR)).tables[0];
    const kinds = (k: string) => t?.rows.filter((r) => r.kind === k).length;
    assert.deepEqual(
      [
        t?.rows.length,
        kinds('focused-visit'),
        kinds('ilacs-short'),
        kinds('ilacs-standard'),
        kinds('monitoring-visit'),
      ],
      [112, 36, 30, 22, 24],
    );
    // Line 2: Barking and Dagenham, 26/03/2025, ILACS Focused Visit, no grades, "Children in need/subject to a plan".
    const first = t?.rows[0];
    assert.deepEqual(
      [first?.laNumber, first?.startDate, first?.kind, first?.overall, first?.theme],
      ['301', '2025-03-26', 'focused-visit', null, 'Children in need/subject to a plan'],
    );
  });

  it('ILACS history 2018–2025: 271 inspections (171 standard, 100 short); before 2023 the combined care judgement is children in care and care leavers is null', async () => {
    const t = (await outcomes(HISTORY)).tables[0];
    assert.equal(t?.rows.length, 271);
    assert.equal(t?.rows.filter((r) => r.kind === 'ilacs-standard').length, 171);
    // Line 2: Barking and Dagenham 18/02/2019, "…,Requires improvement to be good,Requires improvement to be good," (care leavers blank).
    const b = t?.rows.find((r) => r.laNumber === '301' && r.startDate === '2019-02-18');
    assert.deepEqual([b?.childrenInCare, b?.careLeavers], ['requires-improvement', null]);
    // Care leavers blank in 168 rows (the column's counts), so 271 − 168 = 103 inspections graded it.
    assert.equal(t?.rows.filter((r) => r.careLeavers !== null).length, 103);
    // Ofsted links the rows of authorities that no longer exist to a successor's page: Cumbria (E10000006) → 942.
    assert.ok(t?.rows.some((r) => r.laName === 'Cumbria' && r.laNumber === '942' && r.gssCode === 'E10000006'));
  });

  it('the ODS workbook gives exactly the rows of its three CSV tables (dates from date cells, LA numbers from HYPERLINK formulas)', async () => {
    const workbook = await outcomes(ODS);
    assert.equal(workbook.source, 'ofsted-la-outcomes-workbook');
    assert.deepEqual(
      workbook.tables.map((t) => [t.source, t.from, t.rows.length]),
      [
        ['ofsted-la-outcomes-current', 'Inspections_as_at_31_March', 153],
        ['ofsted-la-outcomes-in-year', 'In-year_inspections', 112],
        ['ofsted-la-outcomes-history', 'ILACS_inspection_history', 271],
      ],
    );
    for (const csv of [CURRENT, IN_YEAR, HISTORY]) {
      const fromCsv = (await outcomes(csv)).tables[0];
      const fromSheet = workbook.tables.find((t) => t.source === fromCsv?.source);
      assert.deepEqual(fromSheet?.rows.map(withoutLine), fromCsv?.rows.map(withoutLine), csv.name);
    }
    // Sheet rows are numbered as a spreadsheet shows them: the table starts in A3, so Barnet's current row is 5.
    assert.equal(workbook.tables[0]?.rows.find((r) => r.laNumber === '302')?.line, 5);
  });

  it('the JT-39 history: 497 rows, 179 skipped (176 data_unreadable, 3 more with no date) → 318; the 11 inspections from 27/04/2026 have no overall grade', async () => {
    const t = (await outcomes(JT39_HISTORY)).tables[0];
    assert.equal(t?.skipped, 179);
    assert.equal(t?.rows.length, 318);
    const post = t?.rows.filter((r) => r.startDate >= '2026-04-01') ?? [];
    assert.equal(post.length, 11);
    assert.ok(post.every((r) => r.overall === null && r.leaders !== null && r.careLeavers !== null));
    assert.equal(post.map((r) => r.startDate).sort()[0], '2026-04-27');
    // Line 6: north northamptonshire 11/05/2026 standard, "not_reported_post_reform,outstanding,good,good,good".
    const nn = t?.rows.find((r) => r.line === 6);
    assert.deepEqual(
      [nn?.urn, nn?.laNumber, nn?.kind, nn?.overall, nn?.leaders, nn?.careLeavers],
      ['2637539', null, 'ilacs-standard', null, 'outstanding', 'good'],
    );
  });

  it('the JT-39 history’s oddities: Wiltshire 2019 "inspection duration longer than standard framework" is a standard inspection; Nottingham 2018 "to requires improvement" is RI', async () => {
    const t = (await outcomes(JT39_HISTORY)).tables[0];
    const wilts = t?.rows.find((r) => r.line === 485);
    assert.deepEqual(
      [wilts?.kind, wilts?.startDate, wilts?.endDate, wilts?.overall],
      ['ilacs-standard', '2019-06-03', '2019-06-19', 'good'],
    );
    const notts = t?.rows.find((r) => r.line === 329);
    assert.deepEqual(
      [notts?.helpAndProtection, notts?.overall, notts?.careLeavers],
      ['requires-improvement', null, null],
    );
  });

  it('the overviews: the CSV and the XLSX give the same rows; 153 authorities, 2 skipped without an inspection date → 151', async () => {
    for (const [csv, xlsx, source] of [
      [JT39_CSV, JT39_XLSX, 'jt39-ilacs-overview'],
      [D2I_CSV, D2I_XLSX, 'd2i-ilacs-overview'],
    ] as const) {
      const a = await outcomes(csv);
      const b = await outcomes(xlsx);
      assert.equal(a.source, source);
      assert.equal(b.source, source);
      assert.equal(a.tables[0]?.rows.length, 151);
      assert.equal(a.tables[0]?.skipped, 2);
      assert.deepEqual(b.tables[0]?.rows.map(withoutLine), a.tables[0]?.rows.map(withoutLine));
    }
    // JT-39 line 2: Barnsley 370, YH → Ofsted's "North East, Yorkshire and the Humber"; 11/09/2023–15/09/2023, published 27/10/23.
    const barnsley = (await outcomes(JT39_CSV)).tables[0]?.rows[0];
    assert.deepEqual(
      [
        barnsley?.laNumber,
        barnsley?.ofstedRegion,
        barnsley?.startDate,
        barnsley?.endDate,
        barnsley?.publishedOn,
        barnsley?.helpAndProtection,
        barnsley?.leadInspector,
      ],
      [
        '370',
        'North East, Yorkshire and the Humber',
        '2023-09-11',
        '2023-09-15',
        '2023-10-27',
        'requires-improvement',
        'Anna Gravelle',
      ],
    );
  });
});

describeEachEngine('Ofsted outcomes: loading', (ctx) => {
  let dir: string;
  const db = () => ctx.database.db;
  async function count(where = sql`true`): Promise<number> {
    const [r] = await rows<{ n: unknown }>(db(), sql`select count(*) as n from ofsted_outcomes where ${where}`);
    return Number(r?.n);
  }
  async function imports(): Promise<number> {
    const [r] = await rows<{ n: unknown }>(db(), sql`select count(*) as n from reference_imports`);
    return Number(r?.n);
  }

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lantern-ofsted-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('the folder import finds every Ofsted format (9 files, ODS and XLSX too)', async () => {
    // The demo's four in reference-data/, the other five formats in the test fixtures.
    const files = [...(await referenceFilesIn(REFERENCE)), ...(await referenceFilesIn(FIXTURES))].filter((x) =>
      x.name.startsWith('ofsted-ilacs'),
    );
    assert.equal(files.length, 9);
  });

  it('loads all nine files with the lookup: 153 + 112 + 271 (workbook and CSVs share their sources) + 318 + 151 + 151 rows', async () => {
    const result = await importReferenceFiles(
      db(),
      [LOOKUP, ODS, CURRENT, IN_YEAR, HISTORY, JT39_HISTORY, JT39_CSV, JT39_XLSX, D2I_CSV, D2I_XLSX],
      'test',
    );
    assert.equal(result.files[5]?.skipped, 179);
    assert.match(result.files[5]?.note ?? '', /318 Ofsted inspection outcomes.*179 rows skipped/);
    // The CSVs loaded after the workbook replace its rows of the same tables: never doubled.
    assert.equal(await count(sql`source = 'ofsted-la-outcomes-current'`), 153);
    assert.equal(await count(sql`source = 'ofsted-la-outcomes-in-year'`), 112);
    assert.equal(await count(sql`source = 'ofsted-la-outcomes-history'`), 271);
    assert.equal(await count(sql`source = 'jt39-ilacs-history'`), 318);
    assert.equal(await count(sql`source = 'jt39-ilacs-overview'`), 151);
    assert.equal(await count(sql`source = 'd2i-ilacs-overview'`), 151);
    assert.equal(await count(), 153 + 112 + 271 + 318 + 151 + 151);
  });

  it('North Northamptonshire’s official row links to West Northamptonshire’s page (…/44/941): its GSS code E06000061 files it under 940', async () => {
    const r = await rows<{ la_number: string; la_name: string }>(
      db(),
      sql`select la_number, la_name from ofsted_outcomes where source = 'ofsted-la-outcomes-current' and start_date = '2022-10-03' and la_name like '%Northamptonshire' order by la_number`,
    );
    assert.deepEqual(r, [
      { la_number: '940', la_name: 'North Northamptonshire' },
      { la_number: '941', la_name: 'West Northamptonshire' },
    ]);
    // So every one of the 153 current rows is a different authority.
    const [d] = await rows<{ n: unknown }>(
      db(),
      sql`select count(distinct la_number) as n from ofsted_outcomes where source = 'ofsted-la-outcomes-current'`,
    );
    assert.equal(Number(d?.n), 153);
  });

  it('JT-39’s history rows find their LA number by URN (80487 barnet → 302) and take the lookup’s name', async () => {
    const r = await rows<{ la_number: string; la_name: string; overall: string | null; children_in_care: string }>(
      db(),
      sql`select la_number, la_name, overall, children_in_care from ofsted_outcomes where source = 'jt39-ilacs-history' and start_date = '2024-06-10' and la_number = '302'`,
    );
    assert.deepEqual(r, [{ la_number: '302', la_name: 'Barnet', overall: 'good', children_in_care: 'outstanding' }]);
    // Every one of the 318 rows resolved to a 3-digit LA number.
    assert.equal(await count(sql`source = 'jt39-ilacs-history' and la_number ~ '^[0-9]{3}$'`), 318);
  });

  it('the same file again is "unchanged": nothing written, no new import recorded', async () => {
    const before = await imports();
    const result = await importReferenceFiles(db(), [CURRENT], 'test');
    assert.equal(result.files[0]?.unchanged, true);
    assert.equal(result.files[0]?.rows, 0);
    assert.equal(await imports(), before);
    assert.equal(await count(sql`source = 'ofsted-la-outcomes-current'`), 153);
  });

  it('the workbook after the CSVs replaces the three official tables (still 153/112/271) and is not "unchanged"', async () => {
    const result = await importReferenceFiles(db(), [ODS], 'test');
    assert.equal(result.files[0]?.unchanged, false);
    assert.equal(result.files[0]?.rows, 153 + 112 + 271);
    assert.equal(await count(sql`source like 'ofsted-la-outcomes-%'`), 536);
  });

  it('a grade that is not a grade refuses the whole file with file, row and column; nothing changes', async () => {
    const text = await publishedText(CURRENT);
    // Line 3 is Barnet: "…,10/06/2024,23/07/2024,Good,Good,Good,Outstanding,Good" → overall "Goodish".
    const tampered = text.replace(
      '44/302,E09000003,Barnet,London,10/06/2024,23/07/2024,Good,',
      '44/302,E09000003,Barnet,London,10/06/2024,23/07/2024,Goodish,',
    );
    assert.notEqual(tampered, text);
    const file = path.join(dir, 'current.csv');
    await writeFile(file, tampered);
    const total = await count();
    const importsBefore = await imports();
    await assert.rejects(
      importReferenceFiles(db(), [{ name: 'current.csv', path: file }, JT39_CSV], 'test'),
      (e: unknown) => {
        assert.ok(e instanceof ReferenceFileError);
        assert.deepEqual(
          e.problems.map((p) => [p.file, p.row, p.column]),
          [['current.csv', 3, 'Overall effectiveness']],
        );
        assert.match(e.problems[0]?.message ?? '', /“Goodish” is not a grade/);
        return true;
      },
    );
    assert.equal(await count(), total);
    assert.equal(await imports(), importsBefore);
  });

  it('a bad date refuses the file: 31/02/2024 in the JT-39 history (line 195, Barnet’s inspection_start_date)', async () => {
    const text = await publishedText(JT39_HISTORY);
    const tampered = text.replace(
      '23/07/24,short,Naintara Khosla,10/06/2024,',
      '23/07/24,short,Naintara Khosla,31/02/2024,',
    );
    assert.notEqual(tampered, text);
    const file = path.join(dir, 'history.csv');
    await writeFile(file, tampered);
    await assert.rejects(importReferenceFiles(db(), [{ name: 'history.csv', path: file }], 'test'), (e: unknown) => {
      assert.ok(e instanceof ReferenceFileError);
      assert.deepEqual(
        e.problems.map((p) => [p.file, p.row, p.column, p.message]),
        [['history.csv', 195, 'inspection_start_date', '“31/02/2024” is not a date (dd/mm/yyyy)']],
      );
      return true;
    });
  });

  it('a bad cell in the workbook names the sheet and the sheet’s row: Barnet’s inspection date cell (row 5) made 2024-13-10', async () => {
    const entries = await unzip(await readFile(ODS.path));
    const content = entries.get('content.xml')?.toString('utf8') ?? '';
    const tampered = content.replace(
      'office:date-value="2024-06-10T00:00:00"',
      'office:date-value="2024-13-10T00:00:00"',
    );
    assert.notEqual(tampered, content);
    entries.set('content.xml', Buffer.from(tampered, 'utf8'));
    const file = path.join(dir, 'outcomes.ods');
    await writeFile(file, await zip(entries));
    const total = await count();
    await assert.rejects(importReferenceFiles(db(), [{ name: 'outcomes.ods', path: file }], 'test'), (e: unknown) => {
      assert.ok(e instanceof ReferenceFileError);
      assert.deepEqual(
        e.problems.map((p) => [p.file, p.row, p.column, p.message]),
        [
          [
            'outcomes.ods (sheet Inspections_as_at_31_March)',
            5,
            'Inspection date',
            '“2024-13-10” is not a date (dd/mm/yyyy)',
          ],
        ],
      );
      return true;
    });
    assert.equal(await count(), total);
  });

  it('an unknown inspection type refuses the file (in-year line 2: "ILACS Unfocused Visit")', async () => {
    const text = await publishedText(IN_YEAR);
    const tampered = text.replace(
      '26/03/2025,29/04/2025,ILACS Focused Visit,',
      '26/03/2025,29/04/2025,ILACS Unfocused Visit,',
    );
    assert.notEqual(tampered, text);
    const file = path.join(dir, 'in-year.csv');
    await writeFile(file, tampered);
    await assert.rejects(importReferenceFiles(db(), [{ name: 'in-year.csv', path: file }], 'test'), (e: unknown) => {
      assert.ok(e instanceof ReferenceFileError);
      assert.deepEqual(
        e.problems.map((p) => [p.row, p.column]),
        [[2, 'Inspection/Visit type']],
      );
      return true;
    });
  });

  it('a history row whose URN no loaded file or authority knows refuses the file (row, column urn)', async () => {
    const text = await publishedText(JT39_HISTORY);
    const lines = text.split('\n');
    // Line 2 (dorset, URN 2532283) with the URN and name changed to ones nobody knows.
    lines[1] = (lines[1] ?? '').replace('2532283,dorset,', '9999999,atlantis,');
    const file = path.join(dir, 'unknown-urn.csv');
    await writeFile(file, lines.join('\n'));
    await assert.rejects(
      importReferenceFiles(db(), [{ name: 'unknown-urn.csv', path: file }], 'test'),
      (e: unknown) => {
        assert.ok(e instanceof ReferenceFileError);
        assert.deepEqual(
          e.problems.map((p) => [p.file, p.row, p.column]),
          [['unknown-urn.csv', 2, 'urn']],
        );
        return true;
      },
    );
  });
});
