/**
 * Issue 7: "A report for members never contains a count under 5 or a child's details, checked by a test that scans
 * the generated document." Every kind in the registry is generated for the demo authority for the members'
 * audience, as DOCX and as PDF, and each file is scanned as a reader would read it:
 *
 * - no table cell is a count from 1 to 4 (a cell reading "1" … "4") — the DOCX's table cells (word/document.xml)
 *   and the tagged PDF's TD/TH cells. (A percentage cannot be judged by its text: 3% may be 30 of 1,000. That every
 *   percentage made from a small count is "c" is tested on the document model in engine.test.ts and each kind's
 *   tests.)
 * - no running text counts 1 to 4 of something about children ("3 children", "2 referrals", "1 audit");
 * - no child's name, local authority ID or Lantern ID appears anywhere in the text.
 *
 * So that the scan can fail, the same reports for the internal audience must show small counts somewhere (the demo
 * authority has them), and a child's name is checked to be findable by the same scan in a document that holds one.
 *
 * PGlite only: the demo authority is built once (about a minute); the figures themselves are tested on both engines
 * in each kind's own tests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openDatabase, type Database } from '../../db/client';
import { children } from '../../db/schema/index';
import { eq } from 'drizzle-orm';
import { generateDemoAuthority } from '../../synth/generate';
import { documentText, tableRows, zipEntry } from '../../../test/support/office';
import { reportDocx } from '../../documents/docx';
import { heading, paragraph, type ReportDocument } from '../../documents/model';
import { reportPdf } from '../../documents/pdf';
import { markedContent } from '../../documents/pdf-structure';
import { REPORT_KINDS } from './registry';

const AS_AT = '2026-03-31';
const SMALL_CELL = /^[1-4]$/;
const SMALL_COUNT_IN_TEXT =
  /\b[1-4] (children|child|young (?:people|person)|referrals?|assessments?|audits?|actions?|plans?|cases?|care leavers?|families|family|placements?)\b/i;

interface Scanned {
  cells: string[];
  text: string;
}

async function scanDocx(bytes: Buffer): Promise<Scanned> {
  const xml = await zipEntry(bytes, 'word/document.xml');
  return { cells: tableRows(xml).flat(), text: documentText(xml) };
}

async function scanPdf(bytes: Buffer): Promise<Scanned> {
  const marked = await markedContent(bytes);
  // Each element's text apart, so that a heading ending in a number is not read with the table head after it.
  return {
    cells: marked.filter((m) => m.tag === 'TD' || m.tag === 'TH').map((m) => m.text),
    text: marked.map((m) => m.text).join(' | '),
  };
}

/** What a scan finds that members must not see: small cells, small counts in text, children's names and IDs. */
function findings(scan: Scanned, people: { names: string[]; ids: string[] }): string[] {
  const out: string[] = [];
  for (const cell of scan.cells) if (SMALL_CELL.test(cell.trim())) out.push(`cell "${cell}"`);
  const counted = SMALL_COUNT_IN_TEXT.exec(scan.text);
  if (counted) out.push(`text "${scan.text.slice(Math.max(0, counted.index - 40), counted.index + 40)}"`);
  for (const name of people.names) if (scan.text.includes(name)) out.push(`a child's name (${name.length} characters)`);
  const words = new Set(scan.text.split(/[^A-Za-z0-9]+/));
  for (const id of people.ids) if (words.has(id)) out.push(`a child's ID ${id}`);
  return out;
}

describe('every report for members, scanned', () => {
  let database: Database;
  let authorityId: number;
  const people = { names: [] as string[], ids: [] as string[] };
  const internalSmallCells: string[] = [];

  before(async () => {
    database = await openDatabase({});
    await database.migrate();
    const demo = await generateDemoAuthority(database, { seed: 7, childPopulation: 3000, years: 3, asAt: AS_AT });
    authorityId = demo.authorityId;
    const kids = await database.db
      .select({
        first: children.firstName,
        last: children.lastName,
        la: children.laChildId,
        lantern: children.lanternId,
      })
      .from(children)
      .where(eq(children.authorityId, authorityId));
    for (const k of kids) {
      if (k.first && k.last) people.names.push(`${k.first} ${k.last}`);
      people.ids.push(k.la);
      if (k.lantern) people.ids.push(k.lantern);
    }
  });
  after(async () => database?.close());

  test('the scan finds what it looks for: a small cell, a small count in text, a child’s name and ID', async () => {
    const [first] = people.names;
    const [id] = people.ids;
    assert.ok(first && id, 'the demo authority has named children');
    const doc: ReportDocument = {
      kind: 'test',
      title: 'A document that breaks every rule',
      subtitle: '',
      authorityName: 'Test',
      period: 'p',
      periodLabel: 'p',
      audience: 'internal',
      generatedOn: AS_AT,
      blocks: [
        heading(1, 'Rules broken'),
        paragraph(`There were 3 referrals about ${first} (${id}).`),
        { type: 'table', caption: 'Small', head: ['Group', 'Count'], rows: [['A', '2']] },
      ],
    };
    for (const scan of [await scanDocx(await reportDocx(doc)), await scanPdf(await reportPdf(doc))]) {
      const found = findings(scan, people);
      assert.ok(
        found.some((f) => f.startsWith('cell "2"')),
        found.join('; '),
      );
      assert.ok(
        found.some((f) => f.startsWith('text "')),
        found.join('; '),
      );
      assert.ok(
        found.some((f) => f.startsWith("a child's name")),
        found.join('; '),
      );
      assert.ok(
        found.some((f) => f === `a child's ID ${id}`),
        found.join('; '),
      );
    }
  });

  for (const kind of REPORT_KINDS) {
    test(
      `${kind.key}: the members' DOCX and PDF hold no count from 1 to 4 and nothing about a child`,
      { timeout: 600_000 },
      async () => {
        const periods = await kind.periods(database.db, authorityId, AS_AT);
        assert.ok(periods.length > 0, `${kind.key} offers a period for the demo authority`);
        const period = periods[0]?.value ?? '';
        const members = await kind.build(database.db, authorityId, { period, audience: 'members', today: AS_AT });
        const internal = await kind.build(database.db, authorityId, { period, audience: 'internal', today: AS_AT });
        for (const [format, scan] of [
          ['DOCX', await scanDocx(await reportDocx(members))],
          ['PDF', await scanPdf(await reportPdf(members))],
        ] as const) {
          assert.ok(scan.text.length > 200, `${kind.key} ${format} has text`);
          assert.deepEqual(findings(scan, people), [], `${kind.key} ${format} for members`);
        }
        const internalScan = await scanDocx(await reportDocx(internal));
        internalSmallCells.push(...internalScan.cells.filter((c) => SMALL_CELL.test(c.trim())));
      },
    );
  }

  test('the same reports for officers do show counts from 1 to 4 (so the scan above could fail)', () => {
    assert.ok(internalSmallCells.length > 0, 'some internal report shows a small count');
  });
});
