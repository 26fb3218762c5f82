/** The ODS reader: repeated cells and rows, value attributes, links, and the real Ofsted workbook's sheets. */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { hyperlinkOfFormula, isOds, OdsError, parseOdsContent, readOdsSheets } from './ods';

/** Ofsted's "LA inspection outcomes as at 31 March 2025" workbook, as published (test/fixtures/reference/README.md). */
const OFSTED_ODS = fileURLToPath(
  new URL(
    '../../../test/fixtures/reference/ofsted-ilacs/LA_Inspection_Outcomes_as_at_31_March_2025.ods',
    import.meta.url,
  ),
);

const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"';

function content(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS}><office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
}

describe('reading an ODS sheet', () => {
  it('expands number-columns-repeated between values, drops trailing empties, and numbers rows after number-rows-repeated', () => {
    const sheets = parseOdsContent(
      content(`<table:table table:name="S">
        <table:table-row><table:table-cell office:value-type="string"><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/><table:table-cell office:value-type="float" office:value="3.5"><text:p>3.50</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16380"/></table:table-row>
        <table:table-row table:number-rows-repeated="3"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>
        <table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>x</text:p></table:table-cell></table:table-row>
        <table:table-row table:number-rows-repeated="1048570"><table:table-cell/></table:table-row>
      </table:table>`),
    );
    assert.equal(sheets.length, 1);
    // Row 1: a, two empties, 3.5 (office:value, not the shown "3.50"); the 16,380 trailing empties are not kept.
    // Rows 2–4 are empty (3 repeated); rows 5 and 6 are the repeated "x x"; the million empty rows are not kept.
    assert.deepEqual(
      sheets[0]?.rows.map((r) => [r.row, r.cells.map((c) => c.value)]),
      [
        [1, ['a', '', '', '3.5']],
        [5, ['x', 'x']],
        [6, ['x', 'x']],
      ],
    );
  });

  it('takes dates from office:date-value (not the text shown), joins paragraphs, counts text:s spaces, and finds links', () => {
    const [sheet] = parseOdsContent(
      content(`<table:table table:name="D"><table:table-row>
        <table:table-cell office:value-type="date" office:date-value="2024-06-10T00:00:00"><text:p>10/06/2024</text:p></table:table-cell>
        <table:table-cell office:value-type="string"><text:p>Two<text:s text:c="3"/>spaces</text:p><text:p>second</text:p></table:table-cell>
        <table:table-cell office:value-type="string" table:formula="of:=HYPERLINK(&quot;https://reports.ofsted.gov.uk/provider/44/302&quot;;&quot;Web&quot;)"><text:p>Web</text:p></table:table-cell>
        <table:table-cell office:value-type="string"><text:p><text:a xlink:href="https://example.org/a">A link</text:a></text:p></table:table-cell>
        <table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>
      </table:table-row></table:table>`),
    );
    assert.deepEqual(sheet?.rows[0]?.cells, [
      { value: '2024-06-10', href: null },
      { value: 'Two   spaces\nsecond', href: null },
      { value: 'Web', href: 'https://reports.ofsted.gov.uk/provider/44/302' },
      { value: 'A link', href: 'https://example.org/a' },
      { value: 'true', href: null },
    ]);
  });

  it('refuses XML that is not well-formed, and a repeat count that is not a whole number', () => {
    assert.throws(() => parseOdsContent(content('<table:table table:name="S"><table:table-row>')), OdsError);
    assert.throws(
      () =>
        parseOdsContent(
          content(
            '<table:table table:name="S"><table:table-row table:number-rows-repeated="-2"><table:table-cell/></table:table-row></table:table>',
          ),
        ),
      /number-rows-repeated="-2"/,
    );
  });

  it('hyperlinkOfFormula reads the URL of of:=HYPERLINK("…";"…") and nothing else', () => {
    assert.equal(hyperlinkOfFormula('of:=HYPERLINK("https://a.example/1";"x")'), 'https://a.example/1');
    assert.equal(hyperlinkOfFormula('of:=SUM([.A1:.A3])'), null);
    assert.equal(hyperlinkOfFormula(undefined), null);
  });

  it('reads Ofsted’s workbook: six sheets; the current-judgements sheet is a title, a note, a header and 153 authorities (rows 4–156)', async () => {
    const bytes = await readFile(OFSTED_ODS);
    assert.equal(await isOds(bytes), true);
    const sheets = await readOdsSheets(bytes);
    assert.deepEqual(
      sheets.map((s) => s.name),
      ['Cover', 'Contents', 'Notes', 'Inspections_as_at_31_March', 'In-year_inspections', 'ILACS_inspection_history'],
    );
    const current = sheets.find((s) => s.name === 'Inspections_as_at_31_March');
    assert.equal(current?.rows.length, 156);
    assert.equal(current?.rows[2]?.cells[0]?.value, 'Web link');
    // Row 5 is Barnet, as line 3 of the CSV extraction: "https://reports.ofsted.gov.uk/provider/44/302,E09000003,Barnet,London,10/06/2024,…"
    const barnet = current?.rows.find((r) => r.row === 5);
    assert.equal(barnet?.cells[0]?.href, 'https://reports.ofsted.gov.uk/provider/44/302');
    assert.deepEqual(
      barnet?.cells.slice(1, 7).map((c) => c.value),
      ['E09000003', 'Barnet', 'London', '2024-06-10', '2024-07-23', 'Good'],
    );
  });

  it('an .xlsx is a zip but not an ODS', async () => {
    const xlsx = await readFile(path.resolve(OFSTED_ODS, '../jt39_ofsted_csc_ilacs_overview.xlsx'));
    assert.equal(await isOds(xlsx), false);
    await assert.rejects(readOdsSheets(Buffer.from('not a zip')), OdsError);
  });
});
