import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annexAFormat } from './index';
import { IssueLog, type Issue } from '../../issues';
import type { ImportOptions, SourceFile } from '../../format';
import { d, MESSY_LIST_1, writeWorkbook } from '../../../../../test/fixtures/annex-a/workbooks';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../test/fixtures/annex-a');
const source = (file: string): SourceFile => ({ name: path.basename(file), path: file, size: statSync(file).size });

async function read(file: string, options: ImportOptions = { asAt: '2026-03-31' }) {
  const issues = new IssueLog();
  const result = await annexAFormat.read([source(file)], {
    authority: { id: 1, code: 'T', name: 'Test Borough', laNumber: null },
    issues,
    progress: () => undefined,
    options,
    today: '2026-04-01',
  });
  return { result, issues: issues.list(), errors: issues.list().filter((i) => i.severity === 'error') };
}

const rules = (issues: readonly Issue[]) => issues.map((i) => `${i.severity} ${i.rule}`).sort();

const C = ['Child Unique ID', 'Gender', 'Ethnicity', 'Date of Birth', 'Age of Child (Years)'];

describe('Annex A: recognising workbooks', () => {
  it('claims a workbook with sheets named like "List 1", and nothing else', async () => {
    const messy = await writeWorkbook([MESSY_LIST_1, { name: 'Notes', rows: [['Prepared for inspection']] }]);
    const other = await writeWorkbook([{ name: 'Sheet1', rows: [['a', 'b']] }]);
    const csv = path.join(fixtures, 'renamed-csv.xlsx');
    const claimed = await annexAFormat.claim([source(messy), source(other), source(csv)]);
    assert.deepEqual(
      claimed.map((f) => f.path),
      [messy],
    );
  });
});

describe('Annex A: reading workbooks as authorities send them', () => {
  it('a title row, heading spellings, bare and lettered codes, Excel, serial and text dates, blank rows, an extra sheet', async () => {
    const file = await writeWorkbook([MESSY_LIST_1, { name: 'Notes', rows: [['Prepared for inspection']] }]);
    const { result, issues, errors } = await read(file);
    assert.deepEqual(errors, []);
    assert.ok(result);
    const ds = result.dataset;
    assert.equal(result.period, '2026-03-31');
    assert.equal(result.periodLabel, 'as at 31 March 2026');
    assert.deepEqual(
      ds.rows.children.map((c) => [c.laChildId, c.sex, c.ethnicity, c.dateOfBirth]),
      [
        ['C100', 'M', 'WBRI', '2015-06-01'],
        ['12345', 'F', 'WBRI', '2016-02-01'],
        ['C101', 'F', 'WIRI', '2016-03-31'],
      ],
    );
    // 42460 and 46030 are Excel's serial numbers for 31 March 2016 and 8 January 2026.
    assert.deepEqual(
      ds.rows.contacts.map((c) => [c.childId, c.contactDate, c.source]),
      [
        [1, '2026-01-05', '2A'],
        [2, '2026-01-06', '2A'],
        [3, '2026-01-08', '6'],
      ],
    );
    // C101 is 10 on 31 March 2026 (born 31 March 2016), not 9: one age query; the Notes sheet is ignored with a query.
    assert.deepEqual(rules(issues), ['query LNT-AA-07', 'query LNT-UNKNOWN']);
  });

  it('without an as-at date, takes the latest date in the workbook and says so', async () => {
    const file = await writeWorkbook([MESSY_LIST_1]);
    const { result, issues } = await read(file, {});
    assert.equal(result?.period, '2026-01-08');
    assert.ok(issues.some((i) => i.rule === 'LNT-AA-ASAT' && i.severity === 'query'));
  });

  it('2022 List 9 (Gender, no personal adviser) with an F3 activity; 2026 List 1 with "Sex"', async () => {
    const file = await writeWorkbook([
      {
        name: 'List 9',
        rows: [
          [
            ...C,
            'Does the Child have a Disability',
            'Allocated Team',
            'Allocated Worker',
            'Eligibility Category',
            'LA in Touch',
            'Type of Accommodation',
            'Suitability of Accommodation',
            'Activity Status',
          ],
          [
            'CL1',
            'b) Female',
            'n) BCRB',
            d('2006-05-01'),
            19,
            'b) No',
            'Leaving Care',
            'Ann Adviser',
            'b) Former relevant child',
            'a) Yes',
            'U: Independent living',
            'a) Suitable',
            'F3: Full time in training or employment',
          ],
        ],
      },
      {
        name: 'List 1',
        rows: [
          [
            'Child Unique ID',
            'Sex',
            'Ethnicity',
            'Date of Birth',
            'Age of Child (Years)',
            'Date of Contact',
            'Contact Source',
          ],
          ['CL1', 'b) Female', 'n) BCRB', d('2006-05-01'), 19, d('2026-02-02'), 'u) 10: Unknown'],
        ],
      },
    ]);
    const { result, errors, issues } = await read(file);
    assert.deepEqual(errors, []);
    const ds = result?.dataset;
    assert.equal(ds?.rows.children.length, 1);
    assert.deepEqual(
      ds?.rows.careLeavers.map((c) => [c.eligibility, c.startDate]),
      [['former-relevant', '2024-05-01']],
    ); // 18th birthday
    assert.deepEqual(
      ds?.rows.careLeaverContacts.map((c) => [c.inTouch, c.accommodation, c.accommodationSuitable, c.activity]),
      [['YES', 'U', true, 'F5']],
    );
    assert.deepEqual(
      ds?.rows.contacts.map((c) => c.source),
      ['10'],
    );
    assert.ok(issues.some((i) => i.message.includes('F3/P3')));
  });

  it('joins lists into one canonical picture: referral, CIN episode, assessment, S47, ICPC, CP plan, care', async () => {
    const T = ['Allocated Team', 'Allocated Worker'];
    const file = await writeWorkbook([
      {
        name: 'List 3',
        rows: [
          [...C, 'Date of Referral', 'Referral Source', 'Referral NFA?', 'Number of Referrals in Last 12 Months', ...T],
          [
            'K1',
            'a) Male',
            'a) WBRI',
            d('2014-01-01'),
            12,
            d('2025-11-01'),
            'q) 6: Police',
            'b) No',
            1,
            'Team A',
            'Wendy W',
          ],
        ],
      },
      {
        name: 'List 4',
        rows: [
          [
            ...C,
            'Does the Child have a Disability',
            'Continuous Assessment Start Date',
            'Child Seen During Continuous Assessment',
            'Continuous Assessment Date of Authorisation',
            "Was the child assessed as requiring LA children's social care support?",
            ...T,
          ],
          [
            'K1',
            'a) Male',
            'a) WBRI',
            d('2014-01-01'),
            12,
            'a) Yes',
            d('2025-11-02'),
            'a) Yes',
            d('2025-12-01'),
            'a) Yes',
            'Team A',
            'Wendy W',
          ],
        ],
      },
      {
        name: 'List 5',
        rows: [
          [
            ...C,
            'Does the Child have a Disability',
            'Strategy discussion initiating Section 47 Enquiry Start Date',
            'Was an Initial Child Protection Conference deemed unnecessary?',
            'Date of Initial Child Protection Conference',
            'Did the Initial Child Protection Conference Result in a Child Protection Plan',
            'Number of Section 47 Enquiries in the last 12 months',
            'Number of ICPCs in the last 12 months',
            ...T,
          ],
          [
            'K1',
            'a) Male',
            'a) WBRI',
            d('2014-01-01'),
            12,
            'a) Yes',
            d('2025-11-03'),
            'b) No',
            d('2025-11-20'),
            'a) Yes',
            0,
            0,
            'Team A',
            'Wendy W',
          ],
        ],
      },
      {
        name: 'List 7',
        rows: [
          [
            ...C,
            'Does the Child have a Disability',
            'Child Protection Plan Start Date',
            'Initial Category of Abuse',
            'Latest Category of Abuse',
            'Date of the Last Statutory Visit',
            'Was the Child Seen Alone?',
            'Date of latest review conference',
            'Child Protection Plan End Date',
            'Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)',
            'Number of Previous Child Protection Plans',
            ...T,
          ],
          [
            'K1',
            'a) Male',
            'a) WBRI',
            d('2014-01-01'),
            12,
            'a) Yes',
            d('2025-11-20'),
            'a) Neglect',
            'a) Neglect',
            d('2026-03-01'),
            'a) Yes',
            null,
            null,
            'b) No',
            2,
            'Team A',
            'Wendy W',
          ],
        ],
      },
    ]);
    const { result, errors } = await read(file);
    assert.deepEqual(errors, []);
    const ds = result?.dataset;
    assert.deepEqual(
      ds?.rows.cinEpisodes.map((e) => [e.referralDate, e.referralSource, e.referralNfa]),
      [['2025-11-01', '6', false]],
    );
    assert.deepEqual(
      ds?.rows.assessments.map((a) => [a.cinEpisodeId, a.authorisationDate, a.childSeen, a.furtherServices]),
      [[1, '2025-12-01', true, true]],
    );
    assert.deepEqual(
      ds?.rows.s47Enquiries.map((s) => [s.cinEpisodeId, s.icpcNotRequired]),
      [[1, false]],
    );
    assert.deepEqual(
      ds?.rows.initialCpConferences.map((i) => [i.s47EnquiryId, i.conferenceDate, i.outcomeCpPlan]),
      [[1, '2025-11-20', true]],
    );
    assert.deepEqual(
      ds?.rows.cpPlans.map((p) => [p.icpcId, p.numberOfPreviousPlans, p.initialCategory]),
      [[1, 2, 'NEG']],
    );
    assert.deepEqual(
      ds?.rows.visits.map((v) => [v.kind, v.visitDate, v.seen, v.seenAlone]),
      [['cp', '2026-03-01', true, true]],
    );
    assert.deepEqual(
      ds?.rows.childDisabilities.map((x) => x.code),
      ['DDA'],
    );
    assert.deepEqual(
      ds?.teams.map((t) => t.name),
      ['Team A'],
    );
    assert.deepEqual(ds?.rows.allocations.length, 1);
    // exceljs's streaming reader, which Lantern used before, sometimes ended its pass early (upstream exceljs#3064):
    // with this workbook in a long folder and its temporary files there too, every heading was lost in 19 reads of
    // 30, and the last sheet now and then. Each of 30 reads must give the same picture.
    const long = mkdtempSync(path.join(tmpdir(), `annex-a-long-${'x'.repeat(40)}-`));
    const copy = path.join(long, 'a-workbook-with-a-longer-name.xlsx');
    copyFileSync(file, copy);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = long;
    try {
      for (let i = 0; i < 30; i++) {
        const again = await read(copy);
        assert.deepEqual(again.issues, [], `read ${i + 1}`);
        assert.deepEqual(again.result?.dataset.rows, ds?.rows, `read ${i + 1}`);
      }
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      rmSync(long, { recursive: true, force: true });
    }
  });
});

describe('Annex A: bad files each get their own message', () => {
  it('not an XLSX (a CSV renamed .xlsx)', async () => {
    const { result, errors } = await read(path.join(fixtures, 'renamed-csv.xlsx'));
    assert.equal(result, null);
    assert.deepEqual(
      errors.map((e) => e.rule),
      ['LNT-FILE'],
    );
    assert.match(errors[0]?.message ?? '', /could not be read as an Excel workbook/);
  });

  it('a workbook with no recognisable list', async () => {
    const file = await writeWorkbook([
      {
        name: 'Sheet1',
        rows: [
          ['Name', 'Score'],
          ['x', 1],
        ],
      },
    ]);
    const { result, errors } = await read(file);
    assert.equal(result, null);
    assert.deepEqual(
      errors.map((e) => e.rule),
      ['LNT-FILE'],
    );
    assert.match(errors[0]?.message ?? '', /No sheet of this workbook is an Annex A list/);
  });

  it('a list missing a required column', async () => {
    const file = await writeWorkbook([
      {
        name: 'List 3',
        rows: [
          [...C, 'Referral Source', 'Referral NFA?'],
          ['K1', 'a) Male', 'a) WBRI', d('2014-01-01'), 12, 'q) 6: Police', 'b) No'],
        ],
      },
    ]);
    const { errors } = await read(file);
    assert.deepEqual(
      errors.map((e) => [e.rule, e.column, e.row]),
      [['LNT-COLUMN', 'Date of Referral', 1]],
    );
  });

  it('an impossible date', async () => {
    const file = await writeWorkbook([
      {
        name: 'List 1',
        rows: [
          [...C, 'Date of Contact', 'Contact Source'],
          ['K1', 'a) Male', 'a) WBRI', d('2014-01-01'), 12, '31/02/2026', '2A'],
        ],
      },
    ]);
    const { errors } = await read(file);
    assert.deepEqual(
      errors.map((e) => [e.rule, e.column, e.row, e.child]),
      [['LNT-TYPE', 'Date of Contact', 2, 'K1']],
    );
    assert.match(errors[0]?.message ?? '', /"31\/02\/2026" is not a date/);
  });

  it('an unknown code', async () => {
    const file = await writeWorkbook([
      {
        name: 'List 1',
        rows: [
          [...C, 'Date of Contact', 'Contact Source'],
          ['K1', 'a) Male', 'z) XXXX', d('2014-01-01'), 12, d('2026-01-01'), '2A'],
        ],
      },
    ]);
    const { errors } = await read(file);
    assert.deepEqual(
      errors.map((e) => [e.rule, e.column, e.row]),
      [['LNT-CODE', 'Ethnicity', 2]],
    );
  });

  it('duplicate rows where the list has one row per child', async () => {
    const head = [
      ...C,
      'Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)',
      'Does the Child have a Disability',
      'Allocated Team',
      'Allocated Worker',
      'Allocated Personal Advisor',
      'Eligibility Category',
      'Latest Pathway Plan Review Date',
      'LA in Touch',
      'Latest Date of Contact',
      'Type of Accommodation',
      'Suitability of Accommodation',
      'Activity Status',
    ];
    const row = [
      'CL1',
      'b) Female',
      'a) WBRI',
      d('2006-05-01'),
      19,
      'b) No',
      'b) No',
      'Leaving Care',
      'Ann',
      'Ann',
      'b) Former relevant child',
      null,
      'a) Yes',
      d('2026-03-01'),
      null,
      null,
      null,
    ];
    const file = await writeWorkbook([{ name: 'List 9', rows: [head, row, row] }]);
    const { errors } = await read(file);
    assert.deepEqual(
      errors.map((e) => [e.rule, e.row]),
      [['LNT-AA-05', 3]],
    );
  });

  it('a blank required value', async () => {
    const file = await writeWorkbook([
      {
        name: 'List 1',
        rows: [
          [...C, 'Date of Contact', 'Contact Source'],
          ['K1', 'a) Male', 'a) WBRI', d('2014-01-01'), 12, null, '2A'],
        ],
      },
    ]);
    const { errors } = await read(file);
    assert.deepEqual(
      errors.map((e) => [e.rule, e.column, e.row]),
      [['LNT-REQUIRED', 'Date of Contact', 2]],
    );
  });
});
