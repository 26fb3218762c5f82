/**
 * The quality assurance report kind (`lantern report qa`, the reports page; the same document as
 * /quality/report.docx, whose own tests are quality/report/report.test.ts and actions.test.ts): built for an
 * authority made by hand, on both engines, written as DOCX and PDF and read back (internal and members); its period;
 * and for the demo authority, the DOCX opened by LibreOffice, rendered to PNG pages and its figures compared with
 * the audit results page (/quality?from=2026-03&to=2026-03) read as a head of service.
 *
 * By hand: one practice domain, "Voice of the child"; team Alpha.
 *   March 2026: 6 audits submitted — 5 graded good, 1 inadequate: 6 grades, 5 of 6 = 83% good or better.
 *   February 2026: 4 audits — 2 good, 2 requires improvement: 2 of 4 = 50%. Change: up 83 − 50 = 33 points.
 *   A draft audit and one submitted on 1 April 2026 do not count for March.
 * Members: the inadequate 1 is "c"; 5 and 6 are shown, so 83% stays; February's 50% is made from 2 of 4, so "c", and
 * the change on it is not shown.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildAuthority, buildChild, buildTeam } from '../../../test/support/builders';
import { describeEachEngine } from '../../../test/support/databases';
import { clean, tableRow } from '../../../test/support/html';
import { buildAudit, buildDomain } from '../../../test/support/improvement';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { renderDocx, renderSkip } from '../../../test/support/report-render';
import { startDemoWorld, type DemoWorld } from '../../../test/support/report-demo';
import type { Tx } from '../../db/client';
import { caseAudits } from '../../db/schema/index';
import type { Grade } from '../../domain/ofsted';
import { reportDocx } from '../../documents/docx';
import { QA_HEADINGS, qaReport } from './kinds/qa';
import type { ReportDocument } from '../../documents/model';
import { reportPdf } from '../../documents/pdf';
import { markedContent } from '../../documents/pdf-structure';

async function buildWorld(db: Tx): Promise<number> {
  const la = await buildAuthority(db, { name: 'Audit Borough' });
  const team = await buildTeam(db, { authorityId: la.id, name: 'Alpha' });
  const child = await buildChild(db, { authorityId: la.id });
  const domain = await buildDomain(db, { authorityId: la.id, key: 'voice', title: 'Voice of the child', sortOrder: 1 });
  const audit = async (submittedOn: string | null, grade: Grade, status = 'submitted') => {
    const a = await buildAudit(db, {
      authorityId: la.id,
      childId: Number(child.id),
      submittedOn,
      status,
      grades: [{ domainId: Number(domain.id), grade }],
    });
    await db.update(caseAudits).set({ teamId: team.id }).where(eq(caseAudits.id, a.id));
  };
  for (const day of ['02', '05', '09', '12', '20']) await audit(`2026-03-${day}`, 'good');
  await audit('2026-03-31', 'inadequate');
  await audit('2026-02-03', 'good');
  await audit('2026-02-10', 'good');
  await audit('2026-02-17', 'requires-improvement');
  await audit('2026-02-24', 'requires-improvement');
  await audit(null, 'outstanding', 'draft');
  await audit('2026-04-01', 'inadequate');
  return la.id;
}

const row = (rows: string[][], label: string) => rows.find((r) => r[0] === label);

describeEachEngine('the quality assurance report kind', (ctx) => {
  let internal: ReportDocument;
  let members: ReportDocument;

  before(async () => {
    const db = ctx.database.db;
    const authorityId = await buildWorld(db);
    internal = await qaReport.build(db, authorityId, { period: '2026-03', audience: 'internal', today: '2026-04-15' });
    members = await qaReport.build(db, authorityId, { period: '2026-03', audience: 'members', today: '2026-04-15' });
  });

  test('the title, the month as its period, the seven sections as headings in order', async () => {
    assert.equal(internal.title, 'Quality assurance report: March 2026');
    assert.equal(internal.period, '2026-03');
    const text = documentText(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    const at = Object.values(QA_HEADINGS).map((h) => text.indexOf(`\n${h}\n`));
    assert.ok(
      at.every((i, n) => i > 0 && (n === 0 || i > (at[n - 1] ?? 0))),
      `headings in order: ${at.join(', ')}`,
    );
  });

  test('internal: 6 audits, 6 grades, 5 of 6 = 83% good or better; February 2 of 4 = 50%: up 33 points; good 5, inadequate 1 by domain and team', async () => {
    const rows = tableRows(await zipEntry(await reportDocx(internal), 'word/document.xml'));
    assert.deepEqual(row(rows, 'Audits completed in March 2026'), ['Audits completed in March 2026', '6']);
    assert.deepEqual(row(rows, 'Domain grades good or better in March 2026'), [
      'Domain grades good or better in March 2026',
      '83%',
    ]);
    assert.deepEqual(row(rows, 'Good or better in February 2026 (previous month)'), [
      'Good or better in February 2026 (previous month)',
      '50%',
    ]);
    assert.deepEqual(row(rows, 'Change on the previous month'), [
      'Change on the previous month',
      'Up 33 percentage points on February 2026',
    ]);
    assert.deepEqual(row(rows, 'Voice of the child'), ['Voice of the child', '0', '5', '0', '1', '6', '83%']);
    assert.deepEqual(row(rows, 'Alpha'), ['Alpha', '6', '0', '5', '0', '1', '6', '83%']);
    assert.deepEqual(row(rows, 'February 2026'), ['February 2026', '50%', '50%']);
    assert.deepEqual(row(rows, 'March 2026'), ['March 2026', '83%', '83%']);
    assert.deepEqual(row(rows, 'January 2026'), ['January 2026', '–', '–']);
  });

  test('members: the 1 inadequate is "c", 83% stays (made from 5 and 6), February’s 50% (2 of 4) is "c" and the change is not shown; no cell is 1 to 4', async () => {
    const xml = await zipEntry(await reportDocx(members), 'word/document.xml');
    const rows = tableRows(xml);
    assert.deepEqual(row(rows, 'Voice of the child'), ['Voice of the child', '0', '5', '0', 'c', '6', '83%']);
    assert.deepEqual(row(rows, 'Good or better in February 2026 (previous month)'), [
      'Good or better in February 2026 (previous month)',
      'c',
    ]);
    assert.match(row(rows, 'Change on the previous month')?.[1] ?? '', /^Not shown/);
    assert.deepEqual(row(rows, 'February 2026'), ['February 2026', 'c', 'c']);
    assert.deepEqual(
      rows.flat().filter((c) => /^[1-4]$/.test(c)),
      [],
    );
    assert.ok(!documentText(xml).includes('Agreement by auditor'));
  });

  test('the tagged PDF says the same: 83% in the summary, "c" for members', async () => {
    const cells = async (doc: ReportDocument) =>
      (await markedContent(await reportPdf(doc))).filter((m) => m.tag === 'TD').map((m) => m.text);
    const i = await cells(internal);
    assert.equal(i[i.indexOf('Domain grades good or better in March 2026') + 1], '83%');
    const m = await cells(members);
    assert.equal(m[m.indexOf('Good or better in February 2026 (previous month)') + 1], 'c');
    assert.deepEqual(
      m.filter((c) => /^[1-4]$/.test(c)),
      [],
    );
  });
});

describe('the quality assurance report’s period', () => {
  test('the last 12 complete months, newest first: on 2 April 2026, March 2026 back to April 2025', async () => {
    const periods = await qaReport.periods(undefined as never, 0, '2026-04-02');
    assert.equal(periods.length, 12);
    assert.deepEqual(periods[0], { value: '2026-03', label: 'March 2026' });
    assert.deepEqual(periods[11], { value: '2025-04', label: 'April 2025' });
  });

  test('a period that is not a month is refused, naming --period', async () => {
    for (const bad of ['2026-13', '2026-03-31', 'latest']) {
      await assert.rejects(
        qaReport.build(undefined as never, 0, { period: bad, audience: 'internal', today: '2026-04-01' }),
        (e: Error & { errors?: Array<{ field: string; message: string }> }) => {
          assert.equal(e.errors?.[0]?.field, '--period');
          assert.match(e.errors?.[0]?.message ?? '', /YYYY-MM/);
          return true;
        },
      );
    }
  });
});

describe(
  'the quality assurance report for the demo authority, against the audit results page',
  { timeout: 600_000 },
  () => {
    let demo: DemoWorld;
    let doc: ReportDocument;
    let html: string;
    let rows: string[][];
    const MONTH = '2026-03';

    before(async () => {
      demo = await startDemoWorld({ asAt: '2026-03-31', childPopulation: 4000, years: 2 });
      const head = await demo.client('head-of-service');
      const page = await head.get(`/quality?from=${MONTH}&to=${MONTH}`);
      assert.equal(page.status, 200);
      html = page.text;
      doc = await qaReport.build(demo.world.database.db, demo.demo.authorityId, {
        period: MONTH,
        audience: 'internal',
        today: '2026-04-02',
      });
      rows = tableRows(await zipEntry(await reportDocx(doc), 'word/document.xml'));
    });
    after(async () => {
      await demo?.close();
    });

    /** A page row's grade counts ("3 (25%)" → "3"), total and % good or better; and the % worked from the counts. */
    const counts = (cells: string[]) => cells.slice(1, 5).map((c) => c.replace(/ \(.*\)$/, ''));

    test('each practice domain’s and each team’s grades, totals and % good or better are the page’s', () => {
      const domains = doc.blocks.flatMap((b) =>
        b.type === 'table' && b.head[0] === 'Practice domain' ? b.rows.map((r) => String(r[0])) : [],
      );
      assert.ok(domains.length >= 2, `domains: ${domains.join(', ')}`);
      assert.ok(Number(row(rows, 'All domains')?.[5]?.replace(/,/g, '')) >= 5, 'the demo has audits in March 2026');
      for (const label of domains) {
        const web =
          label === 'All domains'
            ? tableRow(html, 'Grades by practice domain', 'All domain grades')
            : tableRow(html, 'Grades by practice domain', label);
        const mine = row(rows, label);
        assert.ok(mine, label);
        assert.deepEqual(mine.slice(1, 5), counts(web), `${label}: grade counts`);
        assert.equal(mine[5], web[5], `${label}: all grades`);
        const [o, g] = counts(web).map((c) => Number(c.replace(/,/g, ''))) as [number, number];
        const total = Number((web[5] ?? '0').replace(/,/g, ''));
        assert.equal(
          mine[6],
          total === 0 ? '–' : `${Math.round((100 * (o + g)) / total)}%`,
          `${label}: % good or better`,
        );
        if (total > 0)
          assert.ok(
            Math.abs(Number(mine[6]?.replace('%', '')) - Number(web[6]?.replace('%', ''))) <= 0.5,
            `${label}: ${mine[6]} against the page’s ${web[6]}`,
          );
      }
      const teams = doc.blocks.flatMap((b) =>
        b.type === 'table' && b.head[0] === 'Team' && b.head[1] === 'Audits' ? b.rows.map((r) => String(r[0])) : [],
      );
      assert.ok(teams.length >= 1);
      for (const label of teams) {
        const web = tableRow(html, 'Grades by team', label);
        const mine = row(rows, label);
        assert.deepEqual(mine?.slice(2, 7), [...counts(web), web[5]], `${label}: grades by team`);
      }
    });

    test('moderation: the grades compared are the page’s moderated domain grades (pairs)', () => {
      const pairs = /Moderated domain grades \(pairs\)\s*<\/dt>\s*<dd[^>]*>([\s\S]*?)<\/dd>/.exec(html)?.[1];
      assert.ok(pairs !== undefined, 'the page’s agreement summary');
      assert.deepEqual(row(rows, 'Domain grades compared'), ['Domain grades compared', clean(pairs)]);
    });

    test(
      'LibreOffice opens the DOCX; every page renders with something on it; the headings and the summary figures are on the pages',
      { skip: renderSkip('QA report'), timeout: 300_000 },
      async () => {
        const rendered = await renderDocx(await reportDocx(doc), 'qa');
        for (const [i, bytes] of rendered.pngBytes.entries())
          assert.ok(bytes > 1500, `page ${i + 1} is not blank (${bytes} bytes)`);
        for (const h of ['Quality assurance report: March 2026', ...Object.values(QA_HEADINGS)])
          assert.ok(rendered.text.includes(h), `"${h}" is on a page`);
        const all = row(rows, 'All domains');
        assert.ok(all);
        assert.ok(rendered.text.includes(all.join(' ')), `the all-domains row (${all.join(' ')}) is on a page`);
      },
    );
  },
);
