/**
 * The engine without a database: suppression of a document for members (counts in tables and in running text,
 * percentages made from a small count, charts whose figures would show one), zero and 5 shown; both writers applying
 * it (the members' DOCX and PDF read back); WinAnsi text for the PDF's standard fonts; and the registry.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentText, tableRows, zipEntry } from '../../test/support/office';
import { lineChartSvg } from './charts/line-chart';
import { reportDocx } from './docx';
import {
  bullets,
  cellText,
  count,
  heading,
  paragraph,
  percent,
  table,
  type ChartBlock,
  type ReportDocument,
} from './model';
import { reportPdf, winAnsi } from './pdf';
import { markedContent } from './pdf-structure';
import { REPORT_KINDS, reportKind } from '../features/reports/registry';
import { forAudience, suppressCell } from './suppress';

function chart(values: number[]): ChartBlock {
  return {
    type: 'chart',
    title: 'Referrals',
    alt: 'Line chart of referrals.',
    svg: lineChartSvg({
      id: 'c',
      title: 'Referrals',
      points: values.map((v, i) => ({ label: `M${i + 1}`, value: v })),
    }),
    width: 640,
    height: 240,
    data: table(
      'Referrals by month',
      ['Month', 'Referrals'],
      values.map((v, i) => [`M${i + 1}`, count(v)]),
      [false, true],
    ),
  };
}

function sample(audience: 'internal' | 'members'): ReportDocument {
  return {
    kind: 'sample',
    period: '2026-03',
    title: 'Sample report',
    subtitle: 'For the engine’s tests',
    authorityName: 'Test Borough',
    periodLabel: 'March 2026',
    audience,
    generatedOn: '2026-04-01',
    blocks: [
      heading(1, 'Summary'),
      paragraph('There were ', count(3), ' children placed out of area and ', count(12), ' in the borough.'),
      bullets([
        ['Referrals: ', count(4)],
        ['Assessments: ', count(5)],
      ]),
      table(
        'Children by age band',
        ['Age band', 'Children', '% of all'],
        [
          ['Under 1', count(2), percent(2, 20)],
          ['1 to 4', count(0), percent(0, 20)],
          ['5 to 9', count(5), percent(5, 20)],
          ['10 to 15', count(13), percent(13, 20)],
          ['All', count(20), percent(20, 20)],
        ],
        [false, true, true],
      ),
      chart([12, 3, 15]),
      chart([12, 14, 15]),
    ],
  };
}

describe('suppression for members', () => {
  test('a count of 1 to 4 is "c"; 0 and 5 are shown; a percentage is "c" when any count it is made from is', () => {
    assert.deepEqual(
      [0, 1, 4, 5, 12].map((n) => cellText(suppressCell(count(n)))),
      ['0', 'c', 'c', '5', '12'],
    );
    // 2 of 20 = 10%: made from 2 → c. 5 of 20 = 25%: shown. 5 of 9 = 56% shown; 0 of 3 → c (its 3 is small).
    assert.deepEqual(
      [percent(2, 20), percent(5, 20), percent(5, 9), percent(0, 3), percent(0, 0)].map((p) =>
        cellText(suppressCell(p)),
      ),
      ['c', '25%', '56%', 'c', '–'],
    );
    assert.equal(
      cellText(suppressCell('3 actions')),
      '3 actions',
      'plain text is the report kind’s business: counts must be typed',
    );
  });

  test('internal documents are unchanged', () => {
    const doc = sample('internal');
    assert.equal(forAudience(doc), doc);
  });

  test('members: the table, the running text and the bullets suppressed; the chart showing 3 replaced by a note and its table; the chart of 12, 14, 15 kept', () => {
    const doc = forAudience(sample('members'));
    const t = doc.blocks[3];
    assert.ok(t?.type === 'table');
    assert.deepEqual(
      t.rows.map((r) => r.map(cellText)),
      [
        ['Under 1', 'c', 'c'],
        ['1 to 4', '0', '0%'],
        ['5 to 9', '5', '25%'],
        ['10 to 15', '13', '65%'],
        ['All', '20', '100%'],
      ],
    );
    assert.deepEqual(
      doc.blocks.map((b) => b.type),
      ['heading', 'paragraph', 'bullets', 'table', 'paragraph', 'table', 'chart'],
    );
    const p = doc.blocks[1];
    assert.ok(p?.type === 'paragraph');
    assert.equal(p.content.map(cellText).join(''), 'There were c children placed out of area and 12 in the borough.');
    const note = doc.blocks[4];
    assert.ok(note?.type === 'paragraph');
    assert.match(
      note.content.map(cellText).join(''),
      /^Referrals: the chart is not shown because it would show counts from 1 to 4/,
    );
  });

  test('both writers apply it: the members’ DOCX and PDF show no 1–4 in a cell or in the text, the internal ones do', async () => {
    for (const audience of ['internal', 'members'] as const) {
      const xml = await zipEntry(await reportDocx(sample(audience)), 'word/document.xml');
      const docxCells = tableRows(xml).flat();
      const docxText = documentText(xml);
      const pdf = await reportPdf(sample(audience));
      const marked = await markedContent(pdf);
      const figures = pdf.toString('latin1').split('/S /Figure').length - 1;
      const pdfCells = marked.filter((m) => m.tag === 'TD').map((m) => m.text);
      const pdfText = marked.map((m) => m.text).join('\n');
      const small = (c: string) => /^[1-4]$/.test(c) || c === '10%';
      if (audience === 'internal') {
        assert.ok(docxCells.some(small) && pdfCells.some(small));
        assert.match(docxText, /There were 3 children/);
        assert.match(pdfText, /There were 3 children/);
        assert.equal((xml.match(/<pic:pic/g) ?? []).length, 2, 'two charts');
        assert.equal(figures, 2, 'two figures in the PDF');
      } else {
        assert.deepEqual(docxCells.filter(small), []);
        assert.deepEqual(pdfCells.filter(small), []);
        assert.match(docxText, /There were c children/);
        assert.match(pdfText, /There were c children/);
        assert.match(docxText, /Referrals: c/);
        assert.match(pdfText, /Referrals: c/);
        assert.equal((xml.match(/<pic:pic/g) ?? []).length, 1, 'only the chart without small counts');
        assert.equal(figures, 1, 'one figure in the PDF');
      }
    }
  });
});

describe('PDF text', () => {
  test('WinAnsi: ’ “ ” – — £ € … • and Latin-1 kept; ≥ → >=, − → -, κ → kappa, anything else ?', () => {
    assert.equal(winAnsi('Children’s “front door” – £5 — €2… • café'), 'Children’s “front door” – £5 — €2… • café');
    assert.equal(winAnsi('≥ 5 − 2 κ 中'), '>= 5 - 2 kappa ?');
  });

  test('the title and a curly-quoted heading read back from the PDF as written', async () => {
    const marked = await markedContent(
      await reportPdf({ ...sample('internal'), blocks: [heading(1, 'Children’s “front door” – £ and €')] }),
    );
    assert.deepEqual(
      marked.filter((m) => m.tag === 'H1' || m.tag === 'H2').map((m) => m.text),
      ['Sample report', 'Children’s “front door” – £ and €'],
    );
  });
});

describe('registry', () => {
  test('the six kinds the issue names, in the reports page’s order, each with a title, description and period help; an unknown kind is undefined', () => {
    assert.deepEqual(
      REPORT_KINDS.map((k) => k.key),
      ['performance-pack', 'self-evaluation', 'inspection-committee', 'equalities', 'qa', 'improvement-plan'],
    );
    for (const k of REPORT_KINDS)
      assert.ok(
        k.title &&
          k.describe.length > 20 &&
          k.periodHelp &&
          !/being written|to be defined/i.test(`${k.describe} ${k.periodHelp}`),
        k.key,
      );
    assert.ok((reportKind('inspection-committee')?.periodHelp ?? '').includes('latest'));
    assert.equal(reportKind('monthly-pack'), undefined);
  });
});

describe('committee wording', () => {
  test('a label inside a sentence: the first letter lowered unless it starts an acronym', async () => {
    const { inSentence } = await import('../features/reports/kinds/inspection-committee');
    assert.deepEqual(['Focused visit', 'ILACS short inspection', 'JTAI', 'Monitoring visit'].map(inSentence), [
      'focused visit',
      'ILACS short inspection',
      'JTAI',
      'monitoring visit',
    ]);
  });
});
