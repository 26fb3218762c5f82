import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describeEachEngine } from '../../../../test/support/databases';
import {
  buildAllocation,
  buildAssessment,
  buildAuthority,
  buildCareLeaver,
  buildCareLeaverContact,
  buildChild,
  buildClaReview,
  buildContact,
  buildCpPlan,
  buildCpReview,
  buildDentalCheck,
  buildEarlyHelp,
  buildHealthAssessment,
  buildIcpc,
  buildImmigrationStatus,
  buildLegalStatus,
  buildMissingEpisode,
  buildPathwayPlanReview,
  buildPeriodOfCare,
  buildPermanenceMilestone,
  buildPlacement,
  buildReferral,
  buildS47,
  buildTeam,
  buildVisit,
  buildWorker,
} from '../../../../test/support/builders';
import { HEADINGS_2024, headings2026 } from '../../../../test/fixtures/annex-a/expected-headings';
import { exportAnnexA } from './index';
import { IssueLog } from '../../ingest/issues';
import { readAnnexAWorkbook } from '../../ingest/formats/annex-a/workbook';
import { ageAt, monthsBefore } from './windows';

const AS_AT = '2026-03-31';
const dir = mkdtempSync(path.join(tmpdir(), 'annex-a-export-'));

interface Sheet {
  headings: string[];
  rows: Array<Record<string, unknown>>;
  ws: ExcelJS.Worksheet;
}
async function readBack(file: string): Promise<Map<string, Sheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, Sheet>();
  for (const ws of wb.worksheets) {
    const headings = ((ws.getRow(1).values as unknown[]).slice(1) as string[]).map(String);
    const rows: Array<Record<string, unknown>> = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as unknown[]).slice(1);
      rows.push(
        Object.fromEntries(
          headings.map((h, i) => [
            h,
            values[i] instanceof Date ? (values[i] as Date).toISOString().slice(0, 10) : (values[i] ?? null),
          ]),
        ),
      );
    });
    out.set(ws.name, { headings, rows, ws });
  }
  return out;
}

describe('Annex A windows', () => {
  it('six and twelve months end on the as-at date and start the day after the same date earlier', () => {
    assert.deepEqual(monthsBefore('2026-03-31', 6), { from: '2025-10-01', to: '2026-03-31' }); // 31 March − 6 months = 30 September (clamped), + 1 day
    assert.deepEqual(monthsBefore('2026-03-31', 12), { from: '2025-04-01', to: '2026-03-31' });
    assert.deepEqual(monthsBefore('2026-03-15', 6), { from: '2025-09-16', to: '2026-03-15' });
  });
  it('age at last birthday; -1 unborn; 29 February birthdays on 28 February in other years', () => {
    assert.equal(ageAt('2012-04-01', '2026-03-31'), 13); // 14th birthday is tomorrow
    assert.equal(ageAt('2012-03-31', '2026-03-31'), 14); // birthday today
    assert.equal(ageAt('2026-05-01', '2026-03-31'), -1);
    assert.equal(ageAt(null, '2026-03-31', true), -1);
    assert.equal(ageAt(null, '2026-03-31'), null);
    assert.equal(ageAt('2008-02-29', '2026-02-28'), 18);
    assert.equal(ageAt('2008-02-29', '2026-02-27'), 17);
  });
});

describeEachEngine('Annex A export: inclusion windows and derived columns', (ctx) => {
  let sheets: Map<string, Sheet>;
  let sheets2024: Map<string, Sheet>;
  let summary: Awaited<ReturnType<typeof exportAnnexA>>;

  before(async () => {
    const db = ctx.database.db;
    const la = await buildAuthority(db, { name: 'Test Borough' });
    const team = await buildTeam(db, { authorityId: la.id, name: 'Safeguarding East' });
    const oldTeam = await buildTeam(db, { authorityId: la.id, name: 'Assessment West' });
    const worker = await buildWorker(db, { authorityId: la.id, name: 'Sam Worker', teamId: team.id });
    const pa = await buildWorker(db, { authorityId: la.id, name: 'Pat Adviser', role: 'personal-adviser' });
    const child = (laChildId: string, v: Partial<Parameters<typeof buildChild>[1]> = {}) =>
      buildChild(db, { authorityId: la.id, laChildId, ...v });

    // A: contacts and referrals on each side of the six- and twelve-month windows, an S47 with history, a CP plan.
    const a = await child('A1', { dateOfBirth: '2012-04-01', sex: 'F', ethnicity: 'WBRI' });
    for (const d of ['2025-09-30', '2025-10-01', '2026-03-31', '2026-04-01'])
      await buildContact(db, a, { contactDate: d, source: '2A' });
    await buildReferral(db, a, { referralDate: '2025-03-31', closureDate: '2025-04-15', closureReason: 'RC8' });
    const r3 = await buildReferral(db, a, {
      referralDate: '2025-04-01',
      closureDate: '2025-06-01',
      closureReason: 'RC8',
    });
    const r1 = await buildReferral(db, a, {
      referralDate: '2025-09-30',
      closureDate: '2025-10-05',
      closureReason: 'RC8',
    });
    const r2 = await buildReferral(db, a, { referralDate: '2025-10-01', referralSource: '5D', primaryNeedCode: 'N1' });
    await buildAllocation(db, { child: a, teamId: oldTeam.id, startDate: '2025-01-01', endDate: '2025-09-30' });
    await buildAllocation(db, { child: a, teamId: team.id, workerId: worker.id, startDate: '2025-10-01' });
    await buildAssessment(db, a, {
      cinEpisodeId: r1.id,
      startDate: '2025-09-30',
      authorisationDate: '2025-10-01',
      childSeen: true,
      furtherServices: true,
    }); // authorised in window: in
    await buildAssessment(db, a, { cinEpisodeId: r3.id, startDate: '2025-04-01', authorisationDate: '2025-09-30' }); // out
    await buildAssessment(db, a, { cinEpisodeId: r2.id, startDate: '2025-05-01', childSeen: null }); // open at the as-at date: in
    // An S47 before the window: its row must not appear.
    await buildS47(db, a, { cinEpisodeId: r3.id, startDate: '2024-10-31', endDate: '2024-11-10' });
    const s0 = await buildS47(db, a, { cinEpisodeId: r3.id, startDate: '2025-01-15', endDate: '2025-02-01' });
    await buildIcpc(db, a, {
      cinEpisodeId: r3.id,
      s47EnquiryId: s0.id,
      conferenceDate: '2025-01-30',
      outcomeCpPlan: false,
    });
    const s1 = await buildS47(db, a, { cinEpisodeId: r2.id, startDate: '2025-11-01', endDate: '2025-11-20' });
    const icpc = await buildIcpc(db, a, {
      cinEpisodeId: r2.id,
      s47EnquiryId: s1.id,
      conferenceDate: '2025-11-20',
      outcomeCpPlan: true,
    });
    await buildCpPlan(db, a, { cinEpisodeId: r3.id, startDate: '2023-01-10', endDate: '2023-09-01' });
    const p2 = await buildCpPlan(db, a, {
      cinEpisodeId: r2.id,
      icpcId: icpc.id,
      startDate: '2025-11-20',
      initialCategory: 'NEG',
      latestCategory: 'EMO',
      numberOfPreviousPlans: 0,
    });
    await buildVisit(db, a, { kind: 'cp', visitDate: '2026-03-20', seen: true, seenAlone: false });
    await buildVisit(db, a, { kind: 'cp', visitDate: '2026-04-02', seen: true, seenAlone: true });
    await buildCpReview(db, a, { cpPlanId: p2.id, reviewDate: '2026-02-20' });

    // B: unborn.
    const b = await child('B1', { dateOfBirth: null, expectedDateOfBirth: '2026-05-01', sex: 'U', ethnicity: 'NOBT' });
    await buildContact(db, b, { contactDate: '2026-01-10', source: '3A' });

    // Early help: in by assessment start, out (completed the day before the window), in because still open.
    await buildEarlyHelp(db, a, {
      requestDate: '2025-09-20',
      assessmentStartDate: '2025-10-01',
      organisation: 'School',
      endDate: '2026-01-01',
    });
    await buildEarlyHelp(db, a, {
      requestDate: '2025-01-01',
      assessmentStartDate: '2025-02-01',
      assessmentCompletionDate: '2025-09-30',
      endDate: '2025-09-30',
      organisation: 'School',
    });
    await buildEarlyHelp(db, b, { requestDate: '2025-03-01', organisation: 'Health visiting' });

    // C: in care, with a previous period that ended on the first day of the twelve months.
    const c = await child('C1', { dateOfBirth: '2010-03-31' });
    const old = await buildPeriodOfCare(db, c, { startDate: '2024-01-01', endDate: '2025-04-01', reasonCeased: 'E4A' });
    await buildPlacement(db, c, { periodOfCareId: old.id, startDate: '2024-01-01', endDate: '2025-04-01' });
    const cur = await buildPeriodOfCare(db, c, {
      startDate: '2025-06-01',
      categoryOfNeed: 'N2',
      permanencePlan: 'long-term-fostering',
    });
    await buildLegalStatus(db, c, { periodOfCareId: cur.id, legalStatus: 'C2', startDate: '2025-06-01' });
    await buildPlacement(db, c, {
      periodOfCareId: cur.id,
      startDate: '2025-06-01',
      endDate: '2025-12-01',
      placementType: 'U6',
      provider: 'PR1',
      inArea: true,
      postcodeDistrict: 'N12',
    });
    await buildPlacement(db, c, {
      periodOfCareId: cur.id,
      startDate: '2025-12-01',
      placementType: 'K2',
      provider: 'PR4',
      inArea: false,
      laOfPlacement: 'Essex',
      postcodeDistrict: 'CM20',
      urn: 'SC123456',
    });
    await buildImmigrationStatus(db, c, { status: 'UASC', startDate: '2024-01-01', endDate: '2025-04-01' });
    await buildMissingEpisode(db, c, {
      kind: 'M',
      startAt: new Date('2025-04-01T10:00:00Z'),
      rhiOfferedDate: '2025-04-02',
    });
    await buildMissingEpisode(db, c, { kind: 'M', startAt: new Date('2025-03-31T23:00:00Z') });
    await buildMissingEpisode(db, c, { kind: 'A', startAt: new Date('2026-01-01T10:00:00Z') });
    await buildHealthAssessment(db, c, { assessmentDate: '2025-05-01' });
    await buildHealthAssessment(db, c, { assessmentDate: '2025-07-01' });
    await buildDentalCheck(db, c, { checkDate: '2025-08-01' });
    await buildClaReview(db, c, { periodOfCareId: cur.id, reviewDate: '2025-09-15' });
    await buildVisit(db, c, { kind: 'cla', visitDate: '2026-03-30' });
    await buildAllocation(db, { child: c, teamId: team.id, workerId: worker.id, startDate: '2025-06-01' });

    // D ceased on the first day of the six months (in); E the day before (out); F is on short breaks (out).
    const d = await child('D1');
    const dp = await buildPeriodOfCare(db, d, { startDate: '2025-01-01', endDate: '2025-10-01', reasonCeased: 'E4A' });
    await buildLegalStatus(db, d, {
      periodOfCareId: dp.id,
      legalStatus: 'V2',
      startDate: '2025-01-01',
      endDate: '2025-10-01',
    });
    await buildPlacement(db, d, { periodOfCareId: dp.id, startDate: '2025-01-01', endDate: '2025-10-01' });
    const e = await child('E1');
    await buildPeriodOfCare(db, e, { startDate: '2025-01-01', endDate: '2025-09-30', reasonCeased: 'E4A' });
    const f = await child('F1');
    const fp = await buildPeriodOfCare(db, f, { startDate: '2025-01-01' });
    await buildLegalStatus(db, f, { periodOfCareId: fp.id, legalStatus: 'V3', startDate: '2025-01-01' });

    // G: a care leaver (left out of List 6 though a CIN episode is open); H's entitlement ended on the as-at date.
    const g = await child('G1', { dateOfBirth: '2007-06-01' });
    await buildCareLeaver(db, g, { eligibility: 'former-relevant', startDate: '2025-06-01', personalAdviserId: pa.id });
    await buildPathwayPlanReview(db, g, { reviewDate: '2025-12-01' });
    await buildPathwayPlanReview(db, g, { reviewDate: '2026-02-01' });
    await buildCareLeaverContact(db, g, {
      contactDate: '2026-03-01',
      inTouch: 'YES',
      accommodation: 'U',
      accommodationSuitable: true,
      activity: 'F5',
    });
    await buildReferral(db, g, { referralDate: '2025-11-01' });
    const h = await child('H1');
    await buildCareLeaver(db, h, { startDate: '2025-01-01', endDate: '2026-03-31' });

    // Adoption: J adopted in the twelve months, K the day before them, L waiting, M's decision reversed in them.
    for (const [id, v] of [
      ['J1', { admDecisionDate: '2024-06-01', orderType: 'adoption', orderDate: '2025-04-01' }],
      ['K1', { admDecisionDate: '2024-01-01', orderType: 'adoption', orderDate: '2025-03-31' }],
      ['L1', { admDecisionDate: '2025-12-01' }],
      ['M1', { admDecisionDate: '2024-05-01', decisionReversedDate: '2025-05-01', decisionReversedReason: 'RD3' }],
    ] as const) {
      const k = await child(id);
      await buildPermanenceMilestone(db, k, v);
    }

    summary = await exportAnnexA(db, la.id, { asAt: AS_AT }, path.join(dir, `test-${ctx.database.kind}.xlsx`));
    sheets = await readBack(path.join(dir, `test-${ctx.database.kind}.xlsx`));
    await exportAnnexA(db, la.id, { asAt: AS_AT, layout: 2024 }, path.join(dir, `test-2024-${ctx.database.kind}.xlsx`));
    sheets2024 = await readBack(path.join(dir, `test-2024-${ctx.database.kind}.xlsx`));
  });

  it('writes eleven sheets with the 2026 headings (Sex), or the 2024 ones on request (Gender)', () => {
    assert.deepEqual([...sheets.keys()], Object.keys(HEADINGS_2024));
    const h26 = headings2026();
    for (const [name, s] of sheets) assert.deepEqual(s.headings, h26[name], name);
    for (const [name, s] of sheets2024) assert.deepEqual(s.headings, HEADINGS_2024[name], name);
  });

  it('heading row bold and frozen; dates are Excel dates shown dd/mm/yyyy', () => {
    const s = sheets.get('List 1') as Sheet;
    assert.equal(s.ws.getRow(1).getCell(1).font?.bold, true);
    assert.equal(s.ws.views[0]?.state, 'frozen');
    assert.equal(s.ws.views[0]?.ySplit, 1);
    const cell = s.ws.getRow(2).getCell(6);
    assert.ok(cell.value instanceof Date);
    assert.equal(cell.numFmt, 'dd/mm/yyyy');
  });

  it('counts rows per list as each inclusion rule says', () => {
    // Worked out above: L1 A×2 (1 Oct, 31 Mar) + B; L2 two episodes; L3 A's 1 Oct and G's 1 Nov referrals;
    // L4 two assessments; L5 one S47; L6 A only (G is a care leaver); L7 A; L8 C and D; L9 G; L10 J, L, M.
    assert.deepEqual(
      summary.lists.map((l) => l.rows),
      [3, 2, 2, 2, 1, 1, 1, 2, 1, 3, 0],
    );
  });

  it("Lantern's Annex A reader reads every list of the workbook back, each with its rows", async () => {
    // exceljs's streaming reader, which the import used before, gave 8 of these 11 lists and dropped Lists 9 to 11
    // without a word (see readAnnexAWorkbook). Rows as counted above: [3, 2, 2, 2, 1, 1, 1, 2, 1, 3, 0].
    const issues = new IssueLog();
    const lists = await readAnnexAWorkbook(path.join(dir, `test-${ctx.database.kind}.xlsx`), 'test.xlsx', issues);
    // Queries only (blank allocations and postcodes this authority does not hold), no error.
    assert.deepEqual(
      issues.list().filter((i) => i.severity === 'error'),
      [],
    );
    assert.deepEqual(
      [...(lists ?? new Map<number, { rows: unknown[] }>()).entries()].map(([n, l]) => [n, l.rows.length]),
      [
        [1, 3],
        [2, 2],
        [3, 2],
        [4, 2],
        [5, 1],
        [6, 1],
        [7, 1],
        [8, 2],
        [9, 1],
        [10, 3],
        [11, 0],
      ],
    );
  });

  it('List 1: age at last birthday, -1 and the expected date for an unborn child, option strings', () => {
    const rows = (sheets.get('List 1') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => [r['Child Unique ID'], r['Date of Contact']]),
      [
        ['A1', '2025-10-01'],
        ['B1', '2026-01-10'],
        ['A1', '2026-03-31'],
      ],
    );
    assert.equal(rows[0]?.['Age of Child (Years)'], 13);
    assert.equal(rows[0]?.Sex, 'b) Female');
    assert.equal(rows[0]?.Ethnicity, 'a) WBRI');
    assert.equal(rows[0]?.['Contact Source'], 'e) 2A: Schools');
    assert.equal(rows[1]?.['Age of Child (Years)'], -1);
    assert.equal(rows[1]?.['Date of Birth'], '2026-05-01');
    assert.equal(rows[1]?.Sex, 'c) Not stated/recorded');
  });

  it('List 2: the open episode without an assessment shows its request date', () => {
    const rows = (sheets.get('List 2') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => r['Assessment start date']),
      ['2025-03-01', '2025-10-01'],
    );
  });

  it('List 3: referrals in the last 12 months counted from 1 April 2025; current allocation', () => {
    const row = (sheets.get('List 3') as Sheet).rows.find((r) => r['Child Unique ID'] === 'A1');
    // A's referrals on 1 Apr, 30 Sep and 1 Oct 2025 are in the twelve months; 31 Mar 2025 is not.
    assert.equal(row?.['Number of Referrals in Last 12 Months'], 3);
    assert.equal(row?.['Referral Source'], 'p1) 5D: LA services');
    assert.equal(row?.['Referral NFA?'], 'b) No');
    assert.equal(row?.['Allocated Team'], 'Safeguarding East');
    assert.equal(row?.['Allocated Worker'], 'Sam Worker');
  });

  it('List 4: seen unknown when not recorded; authorised in the window, or open', () => {
    const rows = (sheets.get('List 4') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => [
        r['Continuous Assessment Start Date'],
        r['Child Seen During Continuous Assessment'],
        r['Continuous Assessment Date of Authorisation'],
      ]),
      [
        ['2025-05-01', 'c) Unknown', null],
        ['2025-09-30', 'a) Yes', '2025-10-01'],
      ],
    );
  });

  it('List 5: S47s and ICPCs in the 12 months before the enquiry, not counting it', () => {
    const [row] = (sheets.get('List 5') as Sheet).rows;
    // Before 1 Nov 2025: 1 Nov 2024 – 31 Oct 2025 holds the S47 of 15 Jan 2025 (31 Oct 2024 is a day early) and the ICPC of 30 Jan 2025.
    assert.equal(row?.['Number of Section 47 Enquiries in the last 12 months'], 1);
    assert.equal(row?.['Number of ICPCs in the last 12 months'], 1);
    assert.equal(row?.['Date of Initial Child Protection Conference'], '2025-11-20');
    assert.equal(row?.['Did the Initial Child Protection Conference Result in a Child Protection Plan'], 'a) Yes');
  });

  it('List 6: one row for A, case status from the open CP plan', () => {
    const rows = (sheets.get('List 6') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => [r['Child Unique ID'], r['CIN Start Date'], r['Case Status'], r['Primary Need Code']]),
      [['A1', '2025-10-01', 'b) Child Protection plan', 'N1 - Abuse or neglect']],
    );
  });

  it('List 7: last visit before the as-at date, previous plans counted, latest review', () => {
    const [row] = (sheets.get('List 7') as Sheet).rows;
    assert.equal(row?.['Date of the Last Statutory Visit'], '2026-03-20'); // the 2 April visit is after the as-at date
    assert.equal(row?.['Was the Child Seen Alone?'], 'b) No');
    assert.equal(row?.['Number of Previous Child Protection Plans'], 1); // the 2023 plan
    assert.equal(row?.['Date of latest review conference'], '2026-02-20');
    assert.equal(row?.['Latest Category of Abuse'], 'd) Emotional abuse');
  });

  it('List 8: counts over the twelve months, latest placement, location and UASC', () => {
    const rows = (sheets.get('List 8') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => r['Child Unique ID']),
      ['D1', 'C1'],
    );
    const c = rows[1] as Record<string, unknown>;
    assert.equal(c['Age of Child (Years)'], 16);
    assert.equal(c['Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)'], 'a) Yes'); // ended 1 Apr 2025
    assert.equal(
      c['Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)'],
      'a) Yes',
    );
    assert.equal(c['Number of Placements in the Last 12 months'], 3); // the old period's placement ended 1 Apr 2025, plus two
    assert.equal(c["Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months"], 1); // 31 Mar 2025 is out
    assert.equal(c["Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months"], 1);
    assert.equal(c['Was the child offered a Return Interview after their last missing episode (Y/N)?'], 'a) Yes');
    assert.equal(c['Did the child accept a Return Interview after their last missing episode (Y/N)?'], 'b) No');
    assert.equal(c['Start Date of Most Recent Placement'], '2025-12-01');
    assert.equal(c['Placement Type'], 'p) K2: Children’s Homes subject to Children’s Homes Regulations');
    assert.equal(c['Placement Provider'], 'e) PR4: Private provision');
    assert.equal(c['Placement Location'], 'b) Out');
    assert.equal(c['LA of Placement'], 'Essex');
    assert.equal(c['Date of Last Health Assessment'], '2025-07-01'); // 1 May was before this period
    assert.equal(c["Child's Legal Status"], 'C2: FCO');
    assert.equal(c['What is the permanence plan for this child?'], 'f) Long-term fostering');
    assert.equal(rows[0]?.['Date Ceased to be Looked After'], '2025-10-01');
    assert.equal(
      rows[0]?.['Reason Ceased to be Looked After'],
      'e) E4A: Returned home to live with parents, relatives or other person with parental responsibility as part of the care planning process',
    );
  });

  it('List 9: the 2024 columns from the care leaver records', () => {
    const [row] = (sheets.get('List 9') as Sheet).rows;
    assert.equal(row?.['Child Unique ID'], 'G1');
    assert.equal(row?.['Allocated Personal Advisor'], 'Pat Adviser');
    assert.equal(row?.['Eligibility Category'], 'b) Former relevant child');
    assert.equal(row?.['Latest Pathway Plan Review Date'], '2026-02-01');
    assert.equal(row?.['LA in Touch'], 'a) Yes');
    assert.equal(row?.['Type of Accommodation'], 'U: Independent living');
    assert.equal(row?.['Suitability of Accommodation'], 'a) Suitable');
    assert.equal(
      row?.['Activity Status'],
      'F5: Young person engaged full time in training or employment (not apprenticeship)',
    );
  });

  it('List 10: adopted or reversed in the twelve months, or waiting', () => {
    const rows = (sheets.get('List 10') as Sheet).rows;
    assert.deepEqual(
      rows.map((r) => r['Child Unique ID']),
      ['M1', 'J1', 'L1'],
    );
    assert.equal(
      rows[0]?.['Reason Why Child No Longer Placed for Adoption'],
      'RD3 - Prospective adopters could not be found',
    );
  });

  it('List 11 has its headings and no rows', () => {
    assert.equal((sheets.get('List 11') as Sheet).rows.length, 0);
  });
});

describeEachEngine(
  'Annex A export of the demo authority',
  { demo: { seed: 1, childPopulation: 5000, years: 6, asAt: AS_AT } },
  (ctx) => {
    it('exports every list, each with rows except List 11', async () => {
      const demo = ctx.demo;
      const out = await exportAnnexA(
        ctx.database.db,
        demo.authorityId,
        { asAt: AS_AT },
        path.join(dir, `demo-${ctx.database.kind}.xlsx`),
      );
      assert.equal(out.lists.length, 11);
      for (const l of out.lists.slice(0, 10)) assert.ok(l.rows > 0, `${l.sheet} is empty`);
      assert.equal(out.lists[10]?.rows, 0);
    });
  },
);
