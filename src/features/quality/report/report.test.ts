/**
 * The monthly quality assurance report (DOCX): built from hand-made audits on both engines and read back (the DOCX
 * unzipped, document.xml's tables read row by row); the members' version scanned for any count from 1 to 4; opened
 * by LibreOffice (converted to PDF and to text); and the download route by role, with its access-log entry.
 *
 * The audits (two domains, A "Quality of assessment" and B "Voice of the child"; the grade that counts is the agreed
 * grade where there is one):
 *
 *   audit  team   auditor  submitted    A             B
 *   a1     Alpha  Alex     2026-03-01   good          good
 *   a2     Alpha  Alex     2026-03-10   good          requires improvement → agreed good (triple lock, Pat)
 *   a3     Alpha  Alex     2026-03-12   outstanding   good
 *   a4     Alpha  Sam      2026-03-15   good          inadequate → agreed requires improvement (double lock, Mo)
 *   a5     Alpha  Sam      2026-03-20   good          good
 *   a6     Beta   Sam      2026-03-31   inadequate    requires improvement      (last day of the month: counts)
 *   a7     Alpha  Alex     2026-02-28   good          inadequate                (previous month)
 *   a8     Beta   Alex     2025-03-15   req. impr.    requires improvement      (same month last year)
 *   a9     Alpha  Alex     2025-04-30   outstanding   good                      (first month of the 12)
 *   a10    Alpha  Alex     draft        outstanding   outstanding               (a draft never counts)
 *   a11    Alpha  Alex     2026-04-01   inadequate    inadequate                (the next month: not March)
 *
 * March 2026, by hand:
 *   A: outstanding 1 (a3), good 4 (a1 a2 a4 a5), RI 0, inadequate 1 (a6): 6 grades, 5/6 = 83%.
 *   B: good 4 (a1 a2 a3 a5), RI 2 (a4 a6): 6 grades, 4/6 = 67%.
 *   All: 1 + 8 + 2 + 1 = 12 grades, 9/12 = 75%; 6 audits.
 *   Alpha (a1–a5): outstanding 1, good 8, RI 1, inadequate 0: 10 grades, 9/10 = 90%; 5 audits.
 *   Beta (a6): RI 1, inadequate 1: 2 grades, 0/2 = 0%; 1 audit.
 *   February 2026 (a7): 1/2 = 50% → up 25 points. March 2025 (a8): 0/2 = 0% → up 75 points. April 2025 (a9): 2/2.
 * Moderation (a2 and a4): pairs auditor → moderator (G,G) (RI,G) (G,G) (I,RI): 2 of 4 exact = 50%.
 *   Weighted kappa (linear weights 1, 2/3, 1/3, 0): observed (1 + 2/3 + 1 + 2/3)/4 = 5/6; auditor marginals G ½,
 *   RI ¼, I ¼, moderator G ¾, RI ¼; chance = ½·¾·1 + ½·¼·⅔ + ¼·¾·⅔ + ¼·¼·1 + ¼·¾·⅓ + ¼·¼·⅔ = 3/4;
 *   κw = (5/6 − 3/4)/(1 − 3/4) = 1/3 → 0.33.
 *   Domain A: (G,G) (G,G): 100%, κ undefined (one grade only) "–". Domain B: (RI,G) (I,RI): 0%, observed 2/3,
 *   chance 2/3 → κ 0.00. Alex: (G,G) (RI,G): 50%, observed 5/6, chance 5/6 → 0.00. Sam: (G,G) (I,RI): 50%,
 *   observed 5/6, chance 2/3 → (1/6)/(1/3) = 0.50.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { PASSWORD, startTestWorld, type TestWorld } from '../../../../test/support/app';
import { TestClient } from '../../../../harness/client';
import { buildAuthority, buildChild, buildTeam } from '../../../../test/support/builders';
import { describeEachEngine, freshDatabase } from '../../../../test/support/databases';
import { documentText, libreOffice, libreOfficeSkip, tableRows, unzip } from '../../../../test/support/office';
import { buildAudit, buildDomain } from '../../../../test/support/improvement';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import { caseAuditModerationGrades, caseAuditModerations, caseAudits } from '../../../db/schema/index';
import type { Grade } from '../../../domain/ofsted';
import { loadQualityReport, type QualityReport } from './content';
import { HEADINGS, qualityReportDocument, reportTitle } from '../../reports/downloads/qa-docx';

const G: Grade = 'good';
const O: Grade = 'outstanding';
const RI: Grade = 'requires-improvement';
const I: Grade = 'inadequate';

/** The audits in the header comment, for one authority with two teams and one child. */
async function writeAudits(db: Tx, authorityId: number, childId: number, alpha: number, beta: number): Promise<void> {
  const a = await buildDomain(db, {
    authorityId,
    key: 'quality-of-assessment',
    title: 'Quality of assessment',
    sortOrder: 1,
  });
  const b = await buildDomain(db, {
    authorityId,
    key: 'voice-of-the-child',
    title: 'Voice of the child',
    sortOrder: 2,
  });
  const audit = async (
    team: number,
    auditor: string,
    submittedOn: string | null,
    ga: Grade,
    gb: Grade,
    agreedB: Grade | null = null,
    status = 'submitted',
  ) => {
    const row = await buildAudit(db, {
      authorityId,
      childId,
      submittedOn,
      status,
      grades: [
        { domainId: Number(a.id), grade: ga, agreedGrade: agreedB ? ga : null },
        { domainId: Number(b.id), grade: gb, agreedGrade: agreedB },
      ],
    });
    await db.update(caseAudits).set({ teamId: team, auditorName: auditor }).where(eq(caseAudits.id, row.id));
    return row;
  };
  const moderate = async (
    auditId: number,
    level: 'double-lock' | 'triple-lock',
    moderatorName: string,
    moderatedOn: string,
    ga: Grade,
    gb: Grade,
  ) => {
    const [m] = await db
      .insert(caseAuditModerations)
      .values({ auditId, level, moderatorName, moderatedOn })
      .returning();
    if (!m) throw new Error('no moderation');
    await db.insert(caseAuditModerationGrades).values([
      { moderationId: m.id, domainId: a.id, grade: ga },
      { moderationId: m.id, domainId: b.id, grade: gb, reason: 'Changed at moderation.' },
    ]);
    await db.update(caseAudits).set({ status: 'moderated' }).where(eq(caseAudits.id, auditId));
  };
  await audit(alpha, 'Alex Auditor', '2026-03-01', G, G);
  const a2 = await audit(alpha, 'Alex Auditor', '2026-03-10', G, RI, G);
  await audit(alpha, 'Alex Auditor', '2026-03-12', O, G);
  const a4 = await audit(alpha, 'Sam Checker', '2026-03-15', G, I, RI);
  await audit(alpha, 'Sam Checker', '2026-03-20', G, G);
  await audit(beta, 'Sam Checker', '2026-03-31', I, RI);
  await audit(alpha, 'Alex Auditor', '2026-02-28', G, I);
  await audit(beta, 'Alex Auditor', '2025-03-15', RI, RI);
  await audit(alpha, 'Alex Auditor', '2025-04-30', O, G);
  await audit(alpha, 'Alex Auditor', null, O, O, null, 'draft');
  await audit(alpha, 'Alex Auditor', '2026-04-01', I, I);
  await moderate(Number(a2.id), 'triple-lock', 'Pat Partner', '2026-04-02', G, G);
  await moderate(Number(a4.id), 'double-lock', 'Mo Derator', '2026-03-20', G, RI);
}

/** The row whose first cell is `label` (the first such row after `after`, a first cell that comes before it). */
function rowOf(all: string[][], label: string, after?: string): string[] {
  const start = after ? all.findIndex((r) => r[0] === after) : 0;
  const found = all.slice(Math.max(0, start)).find((r) => r[0] === label);
  assert.ok(found, `a row "${label}"${after ? ` after "${after}"` : ''}`);
  return found;
}

async function documentXml(report: QualityReport): Promise<{ xml: string; files: Map<string, Buffer>; bytes: Buffer }> {
  const bytes = await qualityReportDocument(report);
  const files = await unzip(bytes);
  return { xml: files.get('word/document.xml')?.toString('utf8') ?? '', files, bytes };
}

const GRADE_HEADERS = ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'];

describeEachEngine('the monthly quality assurance report', (ctx) => {
  let authorityId: number;
  let internal: QualityReport;
  let members: QualityReport;

  before(async () => {
    const db = ctx.database.db;
    const authority = await buildAuthority(db, { name: 'Report Borough' });
    authorityId = authority.id;
    const alpha = await buildTeam(db, { authorityId, name: 'Alpha Team' });
    const beta = await buildTeam(db, { authorityId, name: 'Beta Team' });
    const child = await buildChild(db, { authorityId });
    await writeAudits(db, authorityId, Number(child.id), Number(alpha.id), Number(beta.id));
    internal = await loadQualityReport(db, authorityId, '2026-03', 'internal');
    members = await loadQualityReport(db, authorityId, '2026-03', 'members');
  });

  test('internal: title, authority, audience and the five sections as real headings; one repeated header row per table', async () => {
    const { xml, files } = await documentXml(internal);
    const text = documentText(xml);
    assert.ok(text.includes('Quality assurance report: March 2026'));
    assert.equal(reportTitle('March 2026'), 'Quality assurance report: March 2026');
    assert.ok(text.includes('Report Borough'));
    assert.ok(text.includes('Audience: internal'));
    for (const h of Object.values(HEADINGS))
      assert.match(xml, new RegExp(`<w:pStyle w:val="Heading1"/>(?:(?!</w:p>).)*${h}`, 's'), h);
    assert.equal(xml.match(/<w:pStyle w:val="Title"\/>/g)?.length, 1);
    // Five sections, then themes from actions and overdue actions by team (report/actions.test.ts).
    assert.equal(xml.match(/<w:pStyle w:val="Heading1"\/>/g)?.length, 7);
    // Heading 2: agreement by domain and by auditor.
    assert.equal(xml.match(/<w:pStyle w:val="Heading2"\/>/g)?.length, 2);
    // Tables: summary, domains, trend, teams, moderation, agreement by domain, by auditor, themes from actions (no
    // actions are open, so overdue by team is a sentence).
    assert.equal(xml.match(/<w:tblHeader\/>/g)?.length, 8);
    assert.equal(xml.match(/<w:tbl>/g)?.length, 8);
    const styles = files.get('word/styles.xml')?.toString('utf8') ?? '';
    assert.match(styles, /w:styleId="Heading1"/);
  });

  test('internal summary: 6 audits, 12 grades, 75% good or better; up 25 points on February 2026 (50%), up 75 on March 2025 (0%)', async () => {
    const all = tableRows((await documentXml(internal)).xml);
    assert.deepEqual(rowOf(all, 'Audits completed in March 2026'), ['Audits completed in March 2026', '6']);
    assert.deepEqual(rowOf(all, 'Domain grades counted in March 2026'), ['Domain grades counted in March 2026', '12']);
    assert.deepEqual(rowOf(all, 'Domain grades good or better in March 2026'), [
      'Domain grades good or better in March 2026',
      '75%',
    ]);
    assert.deepEqual(rowOf(all, 'Good or better in February 2026 (previous month)'), [
      'Good or better in February 2026 (previous month)',
      '50%',
    ]);
    assert.deepEqual(rowOf(all, 'Change on the previous month'), [
      'Change on the previous month',
      'Up 25 percentage points on February 2026',
    ]);
    assert.deepEqual(rowOf(all, 'Good or better in March 2025 (same month last year)'), [
      'Good or better in March 2025 (same month last year)',
      '0%',
    ]);
    assert.deepEqual(rowOf(all, 'Change on the same month last year'), [
      'Change on the same month last year',
      'Up 75 percentage points on March 2025',
    ]);
  });

  test('internal: grades by domain (agreed grades count; the draft, February and 1 April do not) and by team', async () => {
    const all = tableRows((await documentXml(internal)).xml);
    assert.deepEqual(rowOf(all, 'Practice domain'), [
      'Practice domain',
      ...GRADE_HEADERS,
      'All grades',
      '% good or better',
    ]);
    // A: 1 outstanding, 4 good, 0, 1 inadequate: 5/6 = 83%. B: 0, 4 good, 2 RI (a4 agreed, a6), 0: 4/6 = 67%.
    assert.deepEqual(rowOf(all, 'Quality of assessment'), ['Quality of assessment', '1', '4', '0', '1', '6', '83%']);
    assert.deepEqual(rowOf(all, 'Voice of the child'), ['Voice of the child', '0', '4', '2', '0', '6', '67%']);
    assert.deepEqual(rowOf(all, 'All domains', 'Practice domain'), ['All domains', '1', '8', '2', '1', '12', '75%']);
    assert.deepEqual(rowOf(all, 'Team'), ['Team', 'Audits', ...GRADE_HEADERS, 'All grades', '% good or better']);
    assert.deepEqual(rowOf(all, 'Alpha Team'), ['Alpha Team', '5', '1', '8', '1', '0', '10', '90%']);
    assert.deepEqual(rowOf(all, 'Beta Team'), ['Beta Team', '1', '0', '0', '1', '1', '2', '0%']);
  });

  test('internal: 12 months, April 2025 to March 2026, as a PNG chart with alt text followed by its table', async () => {
    const { xml, files } = await documentXml(internal);
    const pngs = [...files.keys()].filter((n) => n.startsWith('word/media/') && n.endsWith('.png'));
    assert.equal(pngs.length, 1);
    const png = files.get(pngs[0] ?? '');
    assert.ok(png && png.subarray(1, 4).toString('latin1') === 'PNG' && png.length > 2000);
    // The alt text: first and last months with figures (April 2025 100%, March 2026 75%).
    const descr = /<wp:docPr [^>]*descr="([^"]*)"/.exec(xml)?.[1] ?? '';
    assert.match(descr, /April 2025 to March 2026: 100% in April 2025, 75% in March 2026/);
    // The chart comes before the table, which follows the trend heading.
    const chartAt = xml.indexOf('<w:drawing>');
    const tableAt = xml.indexOf('April 2025', chartAt);
    assert.ok(chartAt > xml.indexOf(HEADINGS.trend) && tableAt > chartAt);
    const all = tableRows(xml);
    assert.deepEqual(rowOf(all, 'Month'), ['Month', 'All domains', 'Quality of assessment', 'Voice of the child']);
    const start = all.findIndex((r) => r[0] === 'Month');
    const months = all.slice(start + 1, start + 13);
    assert.deepEqual(
      months.map((r) => r[0]),
      [
        'April 2025',
        'May 2025',
        'June 2025',
        'July 2025',
        'August 2025',
        'September 2025',
        'October 2025',
        'November 2025',
        'December 2025',
        'January 2026',
        'February 2026',
        'March 2026',
      ],
    );
    assert.deepEqual(months[0], ['April 2025', '100%', '100%', '100%']);
    assert.deepEqual(months[1], ['May 2025', '–', '–', '–']);
    // February: A good (1/1), B inadequate (0/1): 1/2 = 50%.
    assert.deepEqual(months[10], ['February 2026', '50%', '100%', '0%']);
    assert.deepEqual(months[11], ['March 2026', '75%', '83%', '67%']);
  });

  test('internal: moderation — 2 audits (1 double, 1 triple lock), 4 grades, 50% exact, κw 0.33; by domain and by named auditor', async () => {
    const all = tableRows((await documentXml(internal)).xml);
    assert.deepEqual(rowOf(all, 'Audits moderated'), ['Audits moderated', '2']);
    assert.deepEqual(rowOf(all, 'Double lock (manager)'), ['Double lock (manager)', '1']);
    assert.deepEqual(rowOf(all, 'Triple lock (external partner)'), ['Triple lock (external partner)', '1']);
    assert.deepEqual(rowOf(all, 'Domain grades compared'), ['Domain grades compared', '4']);
    assert.deepEqual(rowOf(all, 'Exact agreement'), ['Exact agreement', '50%']);
    assert.deepEqual(rowOf(all, 'Weighted kappa'), ['Weighted kappa', '0.33']);
    assert.deepEqual(rowOf(all, 'Quality of assessment', 'Audits moderated'), [
      'Quality of assessment',
      '2',
      '100%',
      '–',
    ]);
    assert.deepEqual(rowOf(all, 'Voice of the child', 'Audits moderated'), ['Voice of the child', '2', '0%', '0.00']);
    assert.deepEqual(rowOf(all, 'Alex Auditor'), ['Alex Auditor', '2', '50%', '0.00']);
    assert.deepEqual(rowOf(all, 'Sam Checker'), ['Sam Checker', '2', '50%', '0.50']);
  });

  test('members: no count from 1 to 4 in any table cell, no auditor named, small figures as "c"', async () => {
    const { xml } = await documentXml(members);
    const text = documentText(xml);
    assert.ok(text.includes('Audience: elected members'));
    assert.ok(
      !text.includes('Alex Auditor') &&
        !text.includes('Sam Checker') &&
        !text.includes('Pat Partner') &&
        !text.includes('Mo Derator'),
    );
    assert.ok(!text.includes('Agreement by auditor'));
    const all = tableRows(xml);
    let numbers = 0;
    for (const row of all) {
      for (const c of row) {
        // A count is a cell that is a whole number; percentages and kappas are made only from counts of 5 or more.
        if (/^\d[\d,]*$/.test(c)) {
          numbers++;
          const n = Number(c.replace(/,/g, ''));
          assert.ok(n === 0 || n >= 5, `a count of ${n} shown to members in row ${JSON.stringify(row)}`);
        }
      }
    }
    assert.ok(numbers >= 10, `the scan saw ${numbers} counts`);
    // By hand (the figures above, with 1–4 as c): A 5/6 stays 83%; B 4/6 is made from a 4, so c; all 9/12 = 75%.
    assert.deepEqual(rowOf(all, 'Audits completed in March 2026'), ['Audits completed in March 2026', '6']);
    assert.deepEqual(rowOf(all, 'Domain grades good or better in March 2026'), [
      'Domain grades good or better in March 2026',
      '75%',
    ]);
    assert.deepEqual(rowOf(all, 'Good or better in February 2026 (previous month)'), [
      'Good or better in February 2026 (previous month)',
      'c',
    ]);
    assert.match(rowOf(all, 'Change on the previous month')[1] ?? '', /^Not shown/);
    assert.deepEqual(rowOf(all, 'Quality of assessment'), ['Quality of assessment', 'c', 'c', '0', 'c', '6', '83%']);
    assert.deepEqual(rowOf(all, 'Voice of the child'), ['Voice of the child', '0', 'c', 'c', '0', '6', 'c']);
    assert.deepEqual(rowOf(all, 'All domains', 'Practice domain'), ['All domains', 'c', '8', 'c', 'c', '12', '75%']);
    assert.deepEqual(rowOf(all, 'Alpha Team'), ['Alpha Team', '5', 'c', '8', 'c', '0', '10', '90%']);
    assert.deepEqual(rowOf(all, 'Beta Team'), ['Beta Team', 'c', '0', '0', 'c', 'c', 'c', 'c']);
    assert.deepEqual(rowOf(all, 'March 2026'), ['March 2026', '75%', '83%', 'c']);
    assert.deepEqual(rowOf(all, 'April 2025'), ['April 2025', 'c', 'c', 'c']);
    assert.deepEqual(rowOf(all, 'Audits moderated'), ['Audits moderated', 'c']);
    assert.deepEqual(rowOf(all, 'Exact agreement'), ['Exact agreement', 'c']);
    assert.deepEqual(rowOf(all, 'Weighted kappa'), ['Weighted kappa', 'c']);
    // Seven tables, each with its repeated header row: no agreement-by-auditor table for members.
    assert.equal(xml.match(/<w:tblHeader\/>/g)?.length, 7);
  });

  test('a month with no audits: dashes, not zeros divided', async () => {
    const empty = await loadQualityReport(ctx.database.db, authorityId, '2024-01', 'internal');
    const all = tableRows((await documentXml(empty)).xml);
    assert.deepEqual(rowOf(all, 'Audits completed in January 2024'), ['Audits completed in January 2024', '0']);
    assert.deepEqual(rowOf(all, 'Domain grades good or better in January 2024'), [
      'Domain grades good or better in January 2024',
      '–',
    ]);
    assert.ok(documentText((await documentXml(empty)).xml).includes('No audits were submitted in January 2024.'));
  });
});

describe('LibreOffice opens the report', () => {
  const skip = libreOfficeSkip('the report is checked by converting it');
  const office = libreOffice();
  let dir: string;
  let drop: () => Promise<void>;

  before(async () => {
    if (skip) return;
    const fresh = await freshDatabase('pglite');
    drop = fresh.drop;
    const db = fresh.database.db;
    const authority = await buildAuthority(db, { name: 'Office Borough' });
    const alpha = await buildTeam(db, { authorityId: authority.id, name: 'Alpha Team' });
    const beta = await buildTeam(db, { authorityId: authority.id, name: 'Beta Team' });
    const child = await buildChild(db, { authorityId: authority.id });
    await writeAudits(db, authority.id, Number(child.id), Number(alpha.id), Number(beta.id));
    dir = mkdtempSync(path.join(tmpdir(), 'lantern-qa-report-'));
    writeFileSync(
      path.join(dir, 'report.docx'),
      await qualityReportDocument(await loadQualityReport(db, authority.id, '2026-03', 'internal')),
    );
  });
  after(async () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    office.dispose();
    await drop?.();
  });
  const convert = (to: string, outdir: string) => {
    office.convert(to, [path.join(dir, 'report.docx')], outdir);
  };

  test(
    'converts to PDF (with the chart), and LibreOffice reads the headings and figures',
    { skip, timeout: 300_000 },
    () => {
      convert('pdf', path.join(dir, 'pdf'));
      const pdf = readFileSync(path.join(dir, 'pdf', 'report.pdf'));
      assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
      // The chart is an image in the PDF.
      assert.match(pdf.toString('latin1'), /\/Subtype\s*\/Image/);
      const pdftotext = spawnSync('pdftotext', ['-layout', path.join(dir, 'pdf', 'report.pdf'), '-'], {
        encoding: 'utf8',
      });
      // The engine's portrait page wraps the title over two lines: whitespace collapsed.
      if (pdftotext.status === 0)
        assert.ok(pdftotext.stdout.replace(/\s+/g, ' ').includes('Quality assurance report: March 2026'));
      convert('txt:Text (encoded):UTF8', path.join(dir, 'txt'));
      const txt = readFileSync(path.join(dir, 'txt', 'report.txt'), 'utf8');
      for (const h of ['Quality assurance report: March 2026', ...Object.values(HEADINGS), 'Alpha Team', 'Sam Checker'])
        assert.ok(txt.includes(h), `LibreOffice read "${h}"`);
    },
  );
});

describe('GET /quality/report.docx', () => {
  let world: TestWorld;
  const client = (role: string) => {
    const c = new TestClient(world.baseUrl);
    return c.signIn(role, PASSWORD).then(() => c);
  };

  before(async () => {
    world = await startTestWorld();
    const db = world.database.db;
    const [child] = await rows<{ id: unknown }>(
      db,
      sql`select id from children where lantern_id = ${world.childInTeamA}`,
    );
    await writeAudits(db, world.authorityId, Number(child?.id), world.teamA, world.teamB);
  });
  after(async () => {
    await world?.close();
  });

  test('a head of service downloads the internal report; a member the members’ one; each logged with month and audience', async () => {
    const head = await client('head-of-service');
    const internal = await head.download('/quality/report.docx?month=2026-03');
    assert.equal(internal.status, 200);
    assert.equal(
      internal.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    assert.match(
      internal.headers.get('content-disposition') ?? '',
      /^attachment; filename="?quality-assurance-report-test-borough-2026-03\.docx"?$/,
    );
    const internalText = documentText((await unzip(internal.body)).get('word/document.xml')?.toString('utf8') ?? '');
    assert.ok(internalText.includes('Quality assurance report: March 2026'));
    assert.ok(internalText.includes('Sam Checker'));

    const member = await client('member');
    // A member asking for the internal version still gets the members' one.
    const forMembers = await member.download('/quality/report.docx?month=2026-03&audience=internal');
    assert.equal(forMembers.status, 200);
    assert.match(forMembers.headers.get('content-disposition') ?? '', /2026-03-members\.docx/);
    const memberText = documentText((await unzip(forMembers.body)).get('word/document.xml')?.toString('utf8') ?? '');
    assert.ok(memberText.includes('Audience: elected members'));
    assert.ok(!memberText.includes('Sam Checker'));

    const logged = await rows<{ detail: unknown }>(
      world.database.db,
      sql`select detail from access_log where action = 'quality.report' and authority_id = ${world.authorityId} order by id`,
    );
    assert.deepEqual(
      logged.map((l) => (typeof l.detail === 'string' ? JSON.parse(l.detail) : l.detail)),
      [
        { month: '2026-03', audience: 'internal' },
        { month: '2026-03', audience: 'members' },
      ],
    );
    // Staff may ask for the members' version (to send to a committee).
    const asked = await head.download('/quality/report.docx?month=2026-03&audience=members');
    assert.equal(asked.status, 200);
    assert.ok(
      !documentText((await unzip(asked.body)).get('word/document.xml')?.toString('utf8') ?? '').includes('Sam Checker'),
    );
  });

  test('a social worker is refused (403); a bad month is a 400 that names the format', async () => {
    const worker = await client('social-worker');
    assert.equal((await worker.download('/quality/report.docx?month=2026-03')).status, 403);
    const head = await client('head-of-service');
    const bad = await head.download('/quality/report.docx?month=2026-13');
    assert.equal(bad.status, 400);
    assert.match(bad.body.toString('utf8'), /for example 2026-03/);
  });
});
