/**
 * The committee report on an inspection, built from an inspection history made by hand, on both engines: its
 * headings, the judgements beside the previous inspection's, the numbered recommendations, the plan's progress
 * against each (status, RAG, overdue), the plan at a glance, the deadlines and the next inspection; written as DOCX
 * (unzipped and read back) and as tagged PDF (text read back with unpdf; its structure tree checked); the DOCX
 * converted by LibreOffice; the members' version with no count from 1 to 4 in either file; the log row with the
 * file and its sha256.
 *
 * The history (today = 15 June 2026):
 * - a SIF inspection in 2017 (inadequate overall): older than the previous one, so never compared with;
 * - the previous graded inspection, ILACS standard (2018 framework), 9–20 May 2022: every judgement requires
 *   improvement (leaders, help and protection, children in care and care leavers, overall);
 * - the inspection reported on, ILACS standard (2023 framework), 3–14 March 2025, lead inspector Jane Inspector:
 *   leaders good, help and protection good, children in care requires improvement, care leavers good, overall good;
 *   report received Tuesday 6 May 2025, published 10 June 2025, action plan sent 15 August 2025; three
 *   recommendations.
 * - the plan: theme 1, objective a; 1a.1 answers recommendation 1, complete on 20 October 2025 (green, due 31
 *   December 2025); 1a.2 answers recommendations 1 and 2, in progress, amber, due 31 March 2026 (overdue: due before
 *   15 June 2026 and not complete; off track: amber and due within 20 working days of today, indeed past); 1a.3
 *   answers recommendation 2, not started, green, due 31 December 2026 (neither). Recommendation 3: no action.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { getDocumentProxy } from 'unpdf';
import { buildAuthority } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { buildAction, buildInspectionWith, buildObjective, buildTheme } from '../../../test/support/improvement';
import { documentText, libreOffice, libreOfficeSkip, tableRows, zipEntry } from '../../../test/support/office';
import type { Tx } from '../../db/client';
import {
  generatedReports,
  improvementActionRecommendations,
  inspectionJudgements,
  inspections,
} from '../../db/schema/index';
import { FRAMEWORK_LABELS, type Grade, type JudgementKey } from '../../domain/ofsted';
import { reportDocx } from '../../documents/docx';
import {
  COMMITTEE_HEADINGS,
  committeeDocument,
  completedByMonth,
  loadCommitteeData,
} from './kinds/inspection-committee';
import type { ReportDocument } from '../../documents/model';
import { reportPdf } from '../../documents/pdf';
import { markedContent } from '../../documents/pdf-structure';
import { generateReport } from './service';

const TODAY = '2026-06-15';

async function inspectionOf(
  db: Tx,
  authorityId: number,
  values: Partial<typeof inspections.$inferInsert> & { kind: 'sif' | 'ilacs-standard'; startDate: string },
  grades: Partial<Record<JudgementKey, Grade>>,
  recommendations: string[] = [],
): Promise<{ id: number; recommendationIds: number[] }> {
  const made = await buildInspectionWith(db, {
    authorityId,
    kind: values.kind,
    startDate: values.startDate,
    recommendations,
  });
  await db.update(inspections).set(values).where(eq(inspections.id, made.id));
  const rows = Object.entries(grades).map(([judgement, grade]) => ({
    inspectionId: made.id,
    judgement: judgement as JudgementKey,
    grade: grade,
  }));
  if (rows.length) await db.insert(inspectionJudgements).values(rows);
  return made;
}

const RECOMMENDATIONS = [
  'Improve the timeliness of initial health assessments for children in care.',
  'Strengthen supervision so that it challenges drift in children’s plans.',
  'Improve the consistency of pathway plans for care leavers.',
];

async function buildHistory(db: Tx): Promise<{ authorityId: number; inspectionId: number }> {
  const authority = await buildAuthority(db, { name: 'Committee Borough' });
  const authorityId = authority.id;
  await inspectionOf(
    db,
    authorityId,
    { kind: 'sif', framework: 'sif', startDate: '2017-01-09', endDate: '2017-02-02' },
    { overall: 'inadequate' },
  );
  await inspectionOf(
    db,
    authorityId,
    { kind: 'ilacs-standard', framework: 'ilacs-2018', startDate: '2022-05-09', endDate: '2022-05-20' },
    {
      leaders: 'requires-improvement',
      'help-and-protection': 'requires-improvement',
      'children-in-care-and-care-leavers': 'requires-improvement',
      overall: 'requires-improvement',
    },
    ['An older recommendation.'],
  );
  const current = await inspectionOf(
    db,
    authorityId,
    {
      kind: 'ilacs-standard',
      framework: 'ilacs-2023',
      startDate: '2025-03-03',
      endDate: '2025-03-14',
      leadInspector: 'Jane Inspector',
      reportReceivedOn: '2025-05-06',
      publishedOn: '2025-06-10',
      actionPlanSentOn: '2025-08-15',
      summary:
        'Children’s services in Committee Borough are good.\n\nLeaders know their services well – and the “front door” is timely.',
    },
    {
      leaders: 'good',
      'help-and-protection': 'good',
      'children-in-care': 'requires-improvement',
      'care-leavers': 'good',
      overall: 'good',
    },
    RECOMMENDATIONS,
  );
  const theme = await buildTheme(db, { authorityId, number: 1, title: 'Health and planning' });
  const objective = await buildObjective(db, { themeId: Number(theme.id), code: 'a' });
  const a1 = await buildAction(db, {
    authorityId,
    objectiveId: Number(objective.id),
    number: 1,
    title: 'Health assessment tracker',
    status: 'complete',
    rag: 'green',
    dueDate: '2025-12-31',
    completedOn: '2025-10-20',
  });
  const a2 = await buildAction(db, {
    authorityId,
    objectiveId: Number(objective.id),
    number: 2,
    title: 'Supervision audit',
    status: 'in-progress',
    rag: 'amber',
    dueDate: '2026-03-31',
  });
  const a3 = await buildAction(db, {
    authorityId,
    objectiveId: Number(objective.id),
    number: 3,
    title: 'Supervision training',
    status: 'not-started',
    rag: 'green',
    dueDate: '2026-12-31',
  });
  const [r1, r2] = current.recommendationIds as [number, number, number];
  await db.insert(improvementActionRecommendations).values([
    { actionId: Number(a1.id), recommendationId: r1 },
    { actionId: Number(a2.id), recommendationId: r1 },
    { actionId: Number(a2.id), recommendationId: r2 },
    { actionId: Number(a3.id), recommendationId: r2 },
  ]);
  return { authorityId, inspectionId: current.id };
}

/** Every text item pdf.js finds in a PDF, joined (for PDFs without tags, e.g. LibreOffice's). */
async function pdfText(bytes: Buffer): Promise<{ text: string }> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const items: string[] = [];
  for (let p = 1; p <= pdf.numPages; p++) {
    const content = await (await pdf.getPage(p)).getTextContent();
    for (const item of content.items) if ('str' in item && item.str.trim() !== '') items.push(item.str.trim());
  }
  return { text: items.join(' ') };
}

/** A tagged PDF's table cells (TH and TD marked content, a wrapped cell joined) and all its marked text joined. */
async function pdfCells(bytes: Buffer): Promise<{ cells: string[]; text: string }> {
  const marked = await markedContent(bytes);
  return {
    cells: marked.filter((m) => m.tag === 'TD' || m.tag === 'TH').map((m) => m.text),
    text: marked.map((m) => m.text).join(' '),
  };
}

const SMALL = /^[1-4]%?$/;

describeEachEngine('the committee report on an inspection', (ctx) => {
  let internal: ReportDocument;
  let members: ReportDocument;
  let authorityId: number;
  let inspectionId: number;

  before(async () => {
    const db = ctx.database.db;
    ({ authorityId, inspectionId } = await buildHistory(db));
    const data = await loadCommitteeData(db, authorityId, 'latest', TODAY);
    internal = committeeDocument(data, 'internal', TODAY);
    members = committeeDocument(data, 'members', TODAY);
  });

  test('"latest" is the 2025 inspection (the latest graded), and its id is the period', () => {
    assert.equal(internal.period, String(inspectionId));
    assert.equal(internal.periodLabel, 'ILACS standard inspection, 3 March 2025 to 14 March 2025');
  });

  test('DOCX: the title, the eight headings in order, the inspection table', async () => {
    const xml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    const text = documentText(xml);
    assert.match(text, /Ofsted inspection of children’s services: report to committee/);
    const order = Object.values(COMMITTEE_HEADINGS).map((h) => text.indexOf(h));
    assert.ok(
      order.every((i, n) => i > 0 && (n === 0 || i > (order[n - 1] ?? 0))),
      `headings in order: ${order.join(', ')}`,
    );
    assert.ok(xml.includes('w:val="Heading1"'), 'real Heading 1 style');
    assert.match(
      text,
      /the outcome of Ofsted’s ILACS standard inspection of Committee Borough children’s services \(3 March 2025 to 14 March 2025\)/,
    );
    const rows = tableRows(xml);
    assert.deepEqual(
      rows.find((r) => r[0] === 'Lead inspector'),
      ['Lead inspector', 'Jane Inspector'],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === 'Framework'),
      ['Framework', FRAMEWORK_LABELS['ilacs-2023']],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === 'Dates'),
      ['Dates', '3 March 2025 to 14 March 2025'],
    );
    assert.deepEqual(
      rows.find((r) => r[0] === 'Report published'),
      ['Report published', '10 June 2025'],
    );
  });

  test('DOCX: judgements in the framework’s order beside the 2022 grades (the 2017 SIF is not the previous); a judgement the 2018 framework did not grade shows –', async () => {
    const rows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const header = rows.find((r) => r[0] === 'Judgement');
    assert.deepEqual(header, ['Judgement', 'Grade', 'Previous inspection (9 May 2022 to 20 May 2022)']);
    const at = rows.indexOf(header);
    assert.deepEqual(rows.slice(at + 1, at + 6), [
      ['Impact of leaders', 'Good', 'Requires improvement to be good'],
      ['Help and protection', 'Good', 'Requires improvement to be good'],
      ['Children in care', 'Requires improvement to be good', '–'],
      ['Care leavers', 'Good', '–'],
      ['Overall effectiveness', 'Good', 'Requires improvement to be good'],
    ]);
  });

  test('DOCX: the summary’s two paragraphs, the three recommendations as a numbered list, in order', async () => {
    const xml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    const text = documentText(xml);
    assert.match(text, /Children’s services in Committee Borough are good\.\n/);
    assert.match(text, /Leaders know their services well – and the “front door” is timely\./);
    assert.match(text, /What the inspectors said needs to improve:\n/);
    const at = RECOMMENDATIONS.map((r) => text.indexOf(r));
    assert.ok(at[0]! > 0 && at[1]! > at[0]! && at[2]! > at[1]!);
    assert.equal((xml.match(/<w:numId w:val="\d+"\/>/g) ?? []).length, 3, 'three numbered paragraphs');
    assert.ok(!text.includes('An older recommendation.'), 'the 2022 inspection’s recommendation is not this report’s');
  });

  test('DOCX: progress against each recommendation — 1a.2 answers two, so five rows; status, RAG, due and overdue from the plan', async () => {
    const rows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const at = rows.findIndex((r) => r[0] === 'Recommendation' && r[1] === 'Action');
    assert.ok(at >= 0);
    assert.deepEqual(rows.slice(at + 1, at + 6), [
      ['Recommendation 1', '1a.1 Health assessment tracker', 'Complete', 'Green', '31 December 2025', 'No'],
      ['Recommendation 1', '1a.2 Supervision audit', 'In progress', 'Amber', '31 March 2026', 'Overdue'],
      ['Recommendation 2', '1a.2 Supervision audit', 'In progress', 'Amber', '31 March 2026', 'Overdue'],
      ['Recommendation 2', '1a.3 Supervision training', 'Not started', 'Green', '31 December 2026', 'No'],
      ['Recommendation 3', 'No action answers it yet', '–', '–', '–', '–'],
    ]);
  });

  test('DOCX: the plan at a glance — 3 recommendations, 1 unanswered, 3 distinct actions: 1 complete (1 of 3 = 33%), 1 overdue, 1 off track, 0 blocked (0%)', async () => {
    const rows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const get = (label: string) => rows.find((r) => r[0] === label)?.slice(1);
    assert.deepEqual(get('Recommendations and areas for priority action'), ['3', '']);
    assert.deepEqual(get('Of which no action answers yet'), ['1', '']);
    assert.deepEqual(get('Actions answering them'), ['3', '']);
    assert.deepEqual(get('Complete'), ['1', '33%']);
    assert.deepEqual(get('In progress'), ['1', '33%']);
    assert.deepEqual(get('Not started'), ['1', '33%']);
    assert.deepEqual(get('Blocked'), ['0', '0%']);
    assert.deepEqual(get('Overdue'), ['1', '33%']);
    assert.deepEqual(get('Off track'), ['1', '33%']);
  });

  test('actions completed by month: March 2025 to June 2026 is 16 months; 0 until September 2025, 1 from October 2025 (1a.1 completed 20 October)', () => {
    const data = completedByMonth(
      [{ completedOn: '2025-10-20' }, { completedOn: null }, { completedOn: null }] as unknown as Parameters<
        typeof completedByMonth
      >[0],
      '2025-03-03',
      TODAY,
    );
    assert.equal(data.length, 16);
    assert.deepEqual(
      data.map((d) => d.completed),
      [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    );
    assert.equal(data[6]?.month, '2025-09');
    assert.equal(data[7]?.month, '2025-10');
    assert.ok(data.every((d) => d.total === 3));
  });

  test('DOCX (internal): the chart is one PNG with its alt text, followed by its data table', async () => {
    const bytes = await reportDocx(internal);
    const xml = await zipEntry(bytes, 'word/document.xml');
    assert.match(
      xml,
      /descr="Line chart of the improvement actions answering this inspection that were complete by the end of each month, Mar 2025 to Jun 2026: 0 of 3 in Mar 2025, 1 of 3 in Jun 2026\./,
    );
    const rows = tableRows(xml);
    assert.deepEqual(
      rows.find((r) => r[0] === 'Oct 2025'),
      ['Oct 2025', '1', '3', '33%'],
    );
    assert.deepEqual(rows.find((r) => r[0] === 'Sept 2025' || r[0] === 'Sep 2025')?.slice(1), ['0', '3', '0%']);
    const { unzip } = await import('../../../test/support/office');
    const media = [...(await unzip(bytes)).keys()].filter((k) => k.startsWith('word/media/'));
    assert.equal(media.length, 1);
    assert.match(media[0] ?? '', /\.png$/);
  });

  test('DOCX: next steps — report published on time (due 18 June 2025: 30 working days from 6 May, the 26 May bank holiday skipped); action plan due 13 August 2025 (70 working days), sent 15 August: 2 working days late; next inspection a short one around 14 March 2028', async () => {
    const xml = await zipEntry(await reportDocx(internal), 'word/document.xml');
    const rows = tableRows(xml);
    assert.deepEqual(
      rows.find((r) => r[0] === 'Report published' && r.length === 3),
      ['Report published', '18 June 2025', 'Published on time'],
    );
    assert.deepEqual(
      rows.find((r) => r[0]?.startsWith('Action plan')),
      ['Action plan (statement of action)', '13 August 2025', 'Sent 2 working days late'],
    );
    const text = documentText(xml);
    assert.match(
      text,
      /The next inspection is expected around 14 March 2028 \(between 14 September 2027 and 14 September 2028\)/,
    );
  });

  test('PDF: the same headings, judgements, recommendations and progress read back from the text layer; tagged (structure tree with H1/H2, TH, TD, L, Figure with alt text), en-GB', async () => {
    const bytes = await reportPdf(internal);
    const { cells, text } = await pdfCells(bytes);
    for (const h of Object.values(COMMITTEE_HEADINGS)) assert.ok(text.includes(h), `heading ${h}`);
    assert.ok(
      text.includes('Ofsted inspection of children’s services: report to committee'),
      'the right single quote drawn (WinAnsi)',
    );
    assert.ok(text.includes('“front door”') && text.includes('well – and'), 'curly quotes and the en dash');
    for (const r of RECOMMENDATIONS) assert.ok(text.replace(/\s+/g, ' ').includes(r), r);
    for (const cell of [
      'Impact of leaders',
      'Requires improvement to be good',
      'Jane Inspector',
      '1a.2 Supervision audit',
      'Overdue',
      'Sent 2 working days late',
    ])
      assert.ok(cells.includes(cell), cell);
    const raw = bytes.toString('latin1');
    assert.ok(raw.includes('/StructTreeRoot'), 'a structure tree');
    assert.ok(raw.includes('/Lang (en-GB)'), 'the language');
    assert.ok(raw.includes('/DisplayDocTitle true'), 'the title in the title bar');
    for (const tag of ['H1', 'H2', 'H3', 'P', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'Lbl', 'LBody', 'Figure'])
      assert.ok(new RegExp(`/S /${tag}\\b`).test(raw), `structure element ${tag}`);
    assert.ok(raw.includes('/Scope /Column'), 'header cells scoped to their column');
    assert.ok(raw.includes('/Alt (Line chart of the improvement actions'), 'the figure’s alt text');
  });

  test('members: no count from 1 to 4 in any table cell of the DOCX or item of the PDF (the internal version has them, so the check can fail); 0 is shown; the chart is replaced by a note', async () => {
    const internalRows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    assert.ok(
      internalRows.flat().some((c) => SMALL.test(c)),
      'the internal DOCX shows small counts',
    );
    const xml = await zipEntry(await reportDocx(members), 'word/document.xml');
    const rows = tableRows(xml);
    assert.deepEqual(
      rows.filter((r) => r.some((c) => SMALL.test(c))),
      [],
    );
    assert.deepEqual(rows.find((r) => r[0] === 'Complete')?.slice(1), ['c', 'c']);
    assert.deepEqual(
      rows.find((r) => r[0] === 'Blocked')?.slice(1),
      ['0', 'c'],
      '0 shown; 0% of 3 is made from a small count',
    );
    assert.ok(!xml.includes('<pic:pic'), 'no picture');
    assert.match(documentText(xml), /the chart is not shown because it would show counts from 1 to 4/);

    const internalPdf = await pdfCells(await reportPdf(internal));
    assert.ok(
      internalPdf.cells.some((c) => SMALL.test(c)),
      'the internal PDF shows small counts',
    );
    const pdf = await pdfCells(await reportPdf(members));
    assert.deepEqual(
      pdf.cells.filter((c) => SMALL.test(c)),
      [],
    );
    // "c" cells: the plan at a glance 3 + 1 + 3 (the first three rows) + 5 counts of 1 + 6 percentages made from 3 = 14;
    // the chart's table over 16 months: the total 3 → 16, completed 1 in the 9 months from October → 9, every
    // percentage (made from 3) → 16: 41. 14 + 41 = 55.
    assert.equal(pdf.cells.filter((c) => c === 'c').length, 55);
  });

  test('generateReport: the log row (done, its kind, period, audience, format, who), the stored file’s sha256 is the file’s', async () => {
    const db = ctx.database.db;
    for (const format of ['docx', 'pdf'] as const) {
      const made = await generateReport(
        db,
        authorityId,
        { kind: 'inspection-committee', period: 'latest', audience: 'members', format, today: TODAY },
        'Test Person',
      );
      const [row] = await db.select().from(generatedReports).where(eq(generatedReports.id, made.id));
      assert.ok(row);
      assert.equal(row.status, 'done');
      assert.equal(row.kind, 'inspection-committee');
      assert.equal(row.period, String(inspectionId));
      assert.equal(row.audience, 'members');
      assert.equal(row.format, format);
      assert.equal(row.generatedBy, 'Test Person');
      assert.ok(row.generatedAt instanceof Date);
      assert.equal(Number(row.bytes), made.bytes.length);
      const stored = Buffer.from(row.content ?? new Uint8Array());
      assert.ok(stored.equals(made.bytes));
      assert.equal(row.sha256, createHash('sha256').update(stored).digest('hex'));
      assert.equal(made.sha256, row.sha256);
    }
  });

  test('generateReport refuses an unknown kind, audience, format or inspection, and writes no row', async () => {
    const db = ctx.database.db;
    const before = (await db.select().from(generatedReports).where(eq(generatedReports.authorityId, authorityId)))
      .length;
    const ask = (over: Partial<{ kind: string; period: string; audience: string; format: string }>) =>
      generateReport(
        db,
        authorityId,
        { kind: 'inspection-committee', period: 'latest', audience: 'internal', format: 'pdf', today: TODAY, ...over },
        'Test Person',
      );
    await assert.rejects(
      ask({ kind: 'performance-pak' }),
      /There is no report "performance-pak": choose one of performance-pack, self-evaluation, inspection-committee, equalities, qa, improvement-plan/,
    );
    await assert.rejects(ask({ audience: 'public' }), /The audience is internal or members, not "public"/);
    await assert.rejects(ask({ format: 'odt' }), /docx or pdf, not "odt"/);
    await assert.rejects(ask({ period: '999999' }), /There is no inspection 999999 for this authority/);
    await assert.rejects(ask({ period: 'last' }), /Give an inspection’s id \(a number\) or latest, not "last"/);
    const other = await buildAuthority(db);
    await assert.rejects(
      generateReport(
        db,
        other.id,
        {
          kind: 'inspection-committee',
          period: String(inspectionId),
          audience: 'internal',
          format: 'pdf',
          today: TODAY,
        },
        'x',
      ),
      /There is no inspection \d+ for this authority/,
      'another authority’s inspection is not found',
    );
    await assert.rejects(
      generateReport(
        db,
        other.id,
        { kind: 'inspection-committee', period: 'latest', audience: 'internal', format: 'pdf', today: TODAY },
        'x',
      ),
      /There is no graded inspection/,
    );
    assert.equal(
      (await db.select().from(generatedReports).where(eq(generatedReports.authorityId, authorityId))).length,
      before,
    );
  });

  test(
    'LibreOffice opens the DOCX and converts it to PDF with the headings and the judgements',
    { skip: libreOfficeSkip('committee report conversion'), timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'committee-'));
      const office = libreOffice();
      try {
        const file = path.join(dir, 'committee.docx');
        writeFileSync(file, await reportDocx(internal));
        office.convert('pdf', [file], dir);
        const pdf = path.join(dir, 'committee.pdf');
        assert.ok(existsSync(pdf));
        const { text } = await pdfText(readFileSync(pdf));
        for (const h of Object.values(COMMITTEE_HEADINGS)) assert.ok(text.includes(h), `heading ${h}`);
        assert.ok(text.includes('Impact of leaders') && text.includes('Jane Inspector'));
      } finally {
        office.dispose();
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
