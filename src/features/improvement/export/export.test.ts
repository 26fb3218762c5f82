/**
 * The improvement plan's XLSX and DOCX exports: read back (exceljs; the DOCX unzipped) and checked cell by cell
 * against loadPlan; opened by LibreOffice (converted to PDF, and to text/CSV to read what LibreOffice saw); and the
 * two download routes.
 *
 * The plan is the demo's (src/synth/improvement-plan.ts) written for a bare authority at 14 November 2025: 4 themes,
 * 12 actions, 5 complete, 4 overdue, 1 off track (history.test.ts checks those counts against the generator).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { TestClient } from '../../../../harness/client';
import { buildAuthority } from '../../../../test/support/builders';
import { describeEachEngine, freshDatabase } from '../../../../test/support/databases';
import { documentText, libreOffice, libreOfficeSkip, zipEntry } from '../../../../test/support/office';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { improvementActionRecommendations } from '../../../db/schema/inspections';
import { ensurePracticeDomains } from '../../quality/frameworks/practice-domains';
import { inspectionHistory, insertInspectionHistory } from '../../../synth/inspections';
import { insertImprovementPlan } from '../../../synth/improvement-plan';
import { planActions, type PlanAction } from '../plan';
import { latestProgressText, loadPlanExport, recommendationCitation, type PlanExport } from './content';
import { DOCUMENT_TITLE, planDocument } from '../../reports/downloads/plan-docx';
import {
  ACTION_COLUMNS,
  ACTION_PLAN_SHEET,
  RECOMMENDATIONS_SHEET,
  RECOMMENDATION_COLUMNS,
  excelDate,
  planWorkbook,
} from './xlsx';

const AS_AT = '2025-11-14';

/** The demo's history and plan for one authority, as the generator writes them (no children needed). */
async function writePlan(db: Tx, authorityId: number): Promise<void> {
  const history = inspectionHistory(7, AS_AT);
  const inserted = await insertInspectionHistory(db, authorityId, history);
  const domains = await ensurePracticeDomains(db, authorityId);
  const latest = history.find((a) => a.tag === 'ilacs-2024');
  await insertImprovementPlan(
    db,
    authorityId,
    7,
    latest?.reportReceivedOn ?? null,
    AS_AT,
    inserted.recommendationIds.get('ilacs-2024') ?? [],
    domains,
  );
}

async function readWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

function cellText(value: ExcelJS.CellValue): string {
  return value === null || value === undefined
    ? ''
    : typeof value === 'object' && 'richText' in value
      ? value.richText.map((t) => t.text).join('')
      : String(value);
}

describeEachEngine('improvement plan exports', (ctx) => {
  let content: PlanExport;
  let actions: PlanAction[];
  let authorityId: number;

  before(async () => {
    const db = ctx.database.db;
    const authority = await buildAuthority(db, { name: 'Export Borough' });
    authorityId = authority.id;
    await writePlan(db, authorityId);
    content = await loadPlanExport(db, authorityId, AS_AT);
    actions = planActions(content.plan);
  });

  test('the export reads the plan: 12 actions, the 2024 inspection’s 4 recommendations (the 2017 and 2019 ones are superseded)', () => {
    assert.equal(content.authorityName, 'Export Borough');
    assert.equal(actions.length, 12);
    assert.deepEqual(
      content.recommendations.map((r) => r.number),
      [1, 2, 3, 4],
    );
    assert.ok(content.recommendations.every((r) => r.inspectionKind === 'ilacs-short'));
  });

  test('XLSX "Action plan": headers bold and frozen, one row per action with the plan’s values, dates as real dates', async () => {
    const wb = await readWorkbook(await planWorkbook(content));
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      [ACTION_PLAN_SHEET, RECOMMENDATIONS_SHEET],
    );
    const sheet = wb.getWorksheet(ACTION_PLAN_SHEET);
    assert.ok(sheet);
    const header = sheet.getRow(1);
    assert.deepEqual(
      ACTION_COLUMNS.map((_, i) => cellText(header.getCell(i + 1).value)),
      ACTION_COLUMNS.map((c) => c.header),
    );
    assert.equal(header.getCell(1).font?.bold, true);
    assert.equal(sheet.views[0]?.state, 'frozen');
    assert.equal((sheet.views[0] as { ySplit?: number }).ySplit, 1);
    assert.equal(sheet.rowCount, 1 + 12);
    const col = (key: string) => ACTION_COLUMNS.findIndex((c) => c.key === key) + 1;
    actions.forEach((a, i) => {
      const row = sheet.getRow(i + 2);
      assert.equal(cellText(row.getCell(col('ref')).value), a.reference);
      assert.ok(cellText(row.getCell(col('action')).value).startsWith(a.title), `${a.reference} title`);
      assert.equal(cellText(row.getCell(col('owner')).value), a.owner);
      const start = row.getCell(col('start')).value;
      const due = row.getCell(col('due')).value;
      assert.ok(start instanceof Date && due instanceof Date, `${a.reference} dates are dates`);
      assert.equal(start.getTime(), excelDate(a.startDate).getTime());
      assert.equal(due.getTime(), excelDate(a.dueDate).getTime());
      assert.equal(row.getCell(col('start')).numFmt, 'dd/mm/yyyy');
      assert.equal(
        cellText(row.getCell(col('status')).value),
        { complete: 'Complete', 'in-progress': 'In progress', blocked: 'Blocked', 'not-started': 'Not started' }[
          a.status
        ],
      );
      assert.equal(cellText(row.getCell(col('rag')).value).toLowerCase(), a.rag);
      assert.equal(
        cellText(row.getCell(col('flags')).value),
        [a.overdue ? 'Overdue' : '', a.offTrack ? 'Off track' : ''].filter(Boolean).join(', '),
      );
      assert.equal(cellText(row.getCell(col('progress')).value), latestProgressText(a));
      assert.equal(
        cellText(row.getCell(col('recommendations')).value),
        a.recommendations.map(recommendationCitation).join('\n'),
      );
      const evidence = cellText(row.getCell(col('evidence')).value);
      for (const ind of a.indicators)
        assert.ok(evidence.includes(ind.title), `${a.reference} evidence names ${ind.id}`);
      for (const d of a.domains) assert.ok(evidence.includes(`Audit domain: ${d.title}`));
      assert.equal(row.getCell(col('action')).alignment?.wrapText, true);
    });
    // By hand: 1a.1 answers recommendation 1 of the 2024 short inspection (17 June 2024), with a 90% target for
    // return home interviews within 72 hours.
    const first = sheet.getRow(2);
    assert.equal(cellText(first.getCell(col('ref')).value), '1a.1');
    assert.match(
      cellText(first.getCell(col('recommendations')).value),
      /^Recommendation 1 \(ILACS short inspection, 17 June 2024\): How well return home conversations/,
    );
    assert.match(
      cellText(first.getCell(col('evidence')).value),
      /Return home interviews within 72 hours \(target 90%\)/,
    );
    // The blocked action (2a.2) is overdue and off track.
    const blocked = actions.findIndex((a) => a.status === 'blocked');
    assert.equal(cellText(sheet.getRow(blocked + 2).getCell(col('flags')).value), 'Overdue, Off track');
  });

  test('XLSX "Recommendations": each recommendation with the actions answering it', async () => {
    const wb = await readWorkbook(await planWorkbook(content));
    const sheet = wb.getWorksheet(RECOMMENDATIONS_SHEET);
    assert.ok(sheet);
    assert.deepEqual(
      RECOMMENDATION_COLUMNS.map((_, i) => cellText(sheet.getRow(1).getCell(i + 1).value)),
      RECOMMENDATION_COLUMNS.map((c) => c.header),
    );
    assert.equal(sheet.rowCount, 1 + 4);
    // Recommendation 3 (early help) is answered by 2a.1, 2a.2, 2b.1 and 4b.1 (the quarterly board report answers 1, 3 and 4).
    const third = sheet.getRow(4);
    assert.equal(cellText(third.getCell(2).value), '3');
    assert.deepEqual(
      cellText(third.getCell(4).value)
        .split('\n')
        .map((l) => l.split(' ')[0]),
      ['2a.1', '2a.2', '2b.1', '4b.1'],
    );
  });

  test('DOCX: title, authority and date, summary counts, every recommendation and every action, real heading styles, repeated header rows, flags in words', async () => {
    const bytes = await planDocument(content);
    const xml = await zipEntry(bytes, 'word/document.xml');
    const text = documentText(xml);
    assert.ok(text.includes(DOCUMENT_TITLE));
    assert.ok(text.includes('Export Borough'));
    assert.ok(text.includes('As at 14 November 2025'));
    for (const a of actions) assert.ok(text.includes(a.title), `${a.reference} is in the document`);
    for (const r of content.recommendations) assert.ok(text.includes(r.text), `recommendation ${r.number}`);
    // Summary: 12 actions, 5 complete, 4 overdue, 1 off track, 0 not answered.
    assert.match(text, /Actions\n12\n/);
    assert.match(text, /Complete\n5\n/);
    assert.match(text, /Overdue\n4\n/);
    assert.match(text, /Off track\n1\n/);
    assert.match(text, /Recommendations not answered by any action\n0\n/);
    // Heading 1: Summary, Recommendations and the 4 themes; Heading 2: the one inspection and 8 objectives.
    assert.equal(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length, 6);
    assert.equal(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length, 1 + 8);
    assert.equal(xml.match(/<w:pStyle w:val="Title"\/>/g)?.length, 1);
    // One header row repeated per table: the summary and one per objective.
    assert.equal(xml.match(/<w:tblHeader\/>/g)?.length, 1 + 8);
    assert.equal(text.match(/OVERDUE: was due/g)?.length, 4);
    assert.equal(text.match(/OFF TRACK/g)?.length, 1);
    const styles = await zipEntry(bytes, 'word/styles.xml');
    assert.match(styles, /w:styleId="Heading1"/);
  });

  test('a recommendation no action answers shows as "Not answered" in both files', async () => {
    const db = ctx.database.db;
    const rec = content.recommendations.find((r) => r.number === 2);
    assert.ok(rec);
    await db
      .delete(improvementActionRecommendations)
      .where(eq(improvementActionRecommendations.recommendationId, rec.id));
    const unanswered = await loadPlanExport(db, authorityId, AS_AT);
    assert.equal(unanswered.plan.summary.unansweredRecommendations, 1);
    const wb = await readWorkbook(await planWorkbook(unanswered));
    const sheet = wb.getWorksheet(RECOMMENDATIONS_SHEET);
    assert.equal(cellText(sheet?.getRow(3).getCell(4).value), 'Not answered');
    assert.equal(cellText(sheet?.getRow(2).getCell(4).value).includes('Not answered'), false);
    const text = documentText(await zipEntry(await planDocument(unanswered), 'word/document.xml'));
    assert.ok(text.includes(`${rec.text} Not answered.`));
    assert.match(text, /Recommendations not answered by any action\n1\n/);
  });
});

describe('LibreOffice opens both exports', () => {
  const skip = libreOfficeSkip('the exports are checked by converting them');
  const office = libreOffice();
  let dir: string;
  let content: PlanExport;
  let drop: () => Promise<void>;

  before(async () => {
    if (skip) return;
    const fresh = await freshDatabase('pglite');
    drop = fresh.drop;
    const db = fresh.database.db;
    const authority = await buildAuthority(db, { name: 'Office Borough' });
    await writePlan(db, authority.id);
    content = await loadPlanExport(db, authority.id, AS_AT);
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-export-'));
    writeFileSync(path.join(dir, 'plan.xlsx'), await planWorkbook(content));
    writeFileSync(path.join(dir, 'plan.docx'), await planDocument(content));
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    office.dispose();
    await drop?.();
  });
  const convert = (to: string, files: string[], outdir: string) => {
    office.convert(to, files, outdir);
  };

  test('both convert to PDF, and what LibreOffice reads contains every action', { skip, timeout: 300_000 }, () => {
    const title = planActions(content.plan)[0]?.title ?? '';
    convert('pdf', [path.join(dir, 'plan.xlsx')], path.join(dir, 'xlsx-pdf'));
    convert('pdf', [path.join(dir, 'plan.docx')], path.join(dir, 'docx-pdf'));
    for (const sub of ['xlsx-pdf', 'docx-pdf']) {
      const pdf = readFileSync(path.join(dir, sub, 'plan.pdf'));
      assert.ok(pdf.length > 1000, `${sub} has content`);
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      // In reading order, not -layout: the DOCX is the report engine's (portrait) and its narrow Action column wraps
      // a title over lines that -layout would interleave with the other columns.
      const pdftotext = spawnSync(
        'pdftotext',
        sub === 'docx-pdf' ? [path.join(dir, sub, 'plan.pdf'), '-'] : ['-layout', path.join(dir, sub, 'plan.pdf'), '-'],
        { encoding: 'utf8' },
      );
      if (pdftotext.status === 0)
        assert.ok(
          pdftotext.stdout.replace(/\s+/g, ' ').includes(title.slice(0, 30)),
          `${sub}: the PDF text has the first action`,
        );
    }
    // What LibreOffice read: the document as plain text, the first sheet as CSV.
    convert('txt:Text (encoded):UTF8', [path.join(dir, 'plan.docx')], path.join(dir, 'txt'));
    const txt = readFileSync(path.join(dir, 'txt', 'plan.txt'), 'utf8');
    for (const a of planActions(content.plan))
      assert.ok(txt.includes(a.title), `LibreOffice read ${a.reference} in the DOCX`);
    // Comma-separated, double-quoted, UTF-8 (character set 76): the titles have curly quotes.
    convert('csv:Text - txt - csv (StarCalc):44,34,76', [path.join(dir, 'plan.xlsx')], path.join(dir, 'csv'));
    const csv = readFileSync(path.join(dir, 'csv', 'plan.csv'), 'utf8');
    for (const a of planActions(content.plan))
      assert.ok(csv.includes(a.title), `LibreOffice read ${a.reference} in the XLSX`);
    // The dates are dates to LibreOffice too: 1a.1 starts on 26 July 2024 (10 working days after the report of 12 July).
    assert.ok(csv.includes('26/07/2024'), 'the start date as a date');
  });
});

describe('GET /improvement/plan.xlsx and /improvement/plan.docx', () => {
  let world: TestWorld;
  const client = (role: string) => {
    const c = new TestClient(world.baseUrl);
    return c.signIn(role, PASSWORD).then(() => c);
  };

  before(async () => {
    world = await startTestWorld();
    await writePlan(world.database.db, world.authorityId);
  });
  after(async () => {
    await world?.close();
  });

  test('a member downloads both (no child data), with file names, and each download is logged as an export', async () => {
    const member = await client('member');
    const xlsx = await member.download('/improvement/plan.xlsx');
    assert.equal(xlsx.status, 200);
    assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.match(
      xlsx.headers.get('content-disposition') ?? '',
      /^attachment; filename="?improvement-plan-test-borough-\d{4}-\d{2}-\d{2}\.xlsx"?$/,
    );
    const wb = await readWorkbook(xlsx.body);
    assert.equal(wb.getWorksheet(ACTION_PLAN_SHEET)?.rowCount, 13);
    const docx = await member.download('/improvement/plan.docx');
    assert.equal(docx.status, 200);
    assert.equal(
      docx.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.match(
      docx.headers.get('content-disposition') ?? '',
      /^attachment; filename="?improvement-plan-test-borough-\d{4}-\d{2}-\d{2}\.docx"?$/,
    );
    assert.ok(documentText(await zipEntry(docx.body, 'word/document.xml')).includes(DOCUMENT_TITLE));
    const logged = await rows<{ detail: unknown }>(
      world.database.db,
      sql`select detail from access_log where action = 'improvement.export' and authority_id = ${world.authorityId} order by id`,
    );
    assert.equal(logged.length, 2);
    assert.deepEqual(
      logged.map((l) => (typeof l.detail === 'string' ? JSON.parse(l.detail) : l.detail)),
      [
        { format: 'xlsx', actions: 12, recommendations: 4 },
        { format: 'docx', actions: 12, recommendations: 4 },
      ],
    );
  });

  test('the other authority’s users get their own (empty) plan, not this one', async () => {
    // The test world's other authority has no plan: its export must not list this authority's actions. The
    // download is per signed-in user's authority; the role users all belong to the first authority, so check the
    // content through the loader instead.
    const other = await loadPlanExport(world.database.db, world.otherAuthorityId, AS_AT);
    assert.equal(other.plan.summary.actions, 0);
    const text = documentText(await zipEntry(await planDocument(other), 'word/document.xml'));
    assert.ok(text.includes('The plan has no themes yet.'));
    const wb = await readWorkbook(await planWorkbook(other));
    assert.equal(wb.getWorksheet(ACTION_PLAN_SHEET)?.rowCount, 1);
  });
});
