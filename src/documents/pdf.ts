/**
 * A ReportDocument as a tagged PDF (pdfkit, decision 0019): a structure tree a screen reader follows — the title and
 * headings as H1–H3 (the title is the document's H1, its headings one level down), paragraphs as P, lists as L/LI
 * with their labels, tables as Table/TR/TH/TD (header cells scoped to their column), each chart a Figure with its
 * alt text followed by its data table — the document's language (en-GB) and title in its metadata, shown in the
 * reader's title bar. Standard PDF fonts (Helvetica), which encode WinAnsi: ’ “ ” – — £ € … • are kept and any other
 * character is replaced (winAnsi). Charts are the SVG rendered to PNG by resvg (decision 0017). The document passes
 * through forAudience first, so the members' version is suppressed whatever the report kind did.
 */
import { longDate } from '../domain/dates';
import { svgToPng } from './charts/png';
import {
  AUDIENCE_NOTES,
  cellText,
  columnShares,
  inlineText,
  type Block,
  type ReportDocument,
  type TableBlock,
} from './model';
import { forAudience } from './suppress';

/** The characters of Windows-1252 above 0x7F that are not Latin-1 (what the standard fonts can draw beyond ASCII and Latin-1). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '→': '->',
  '←': '<-',
  '≠': '!=',
  '−': '-',
  '‐': '-',
  '‑': '-',
  '′': "'",
  '″': '"',
  κ: 'kappa',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '✓': 'yes',
  '✗': 'no',
};

/** Text the standard fonts can draw: ASCII, Latin-1 and Windows-1252's extras kept; known others spelled out; the rest "?". */
export function winAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa1 && code <= 0xff) || WIN_ANSI_EXTRA.has(ch))
      out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZES = { title: 22, 1: 16, 2: 13, 3: 11.5, body: 10.5, table: 9 } as const;

function left(doc: Pdf): void {
  doc.x = doc.page.margins.left;
}

function contentWidth(doc: Pdf): number {
  return doc.page.width - doc.page.margins.left - doc.page.margins.right;
}

function roomFor(doc: Pdf, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function text(
  doc: Pdf,
  root: Struct,
  value: string,
  options: { type?: string; font?: string; size?: number; gap?: number } = {},
): void {
  left(doc);
  doc
    .font(options.font ?? FONT)
    .fontSize(options.size ?? SIZES.body)
    .text(winAnsi(value), { structParent: root, structType: options.type ?? 'P', width: contentWidth(doc) });
  doc.moveDown(options.gap ?? 0.5);
}

/** pdfkit's table options beyond what @types/pdfkit 0.17 declares: the structure parent (tagging) and header scope. */
type TaggedTableOptions = PDFKit.Mixins.TableOptionsWithData & { structParent: Struct };
type HeaderCell = PDFKit.Mixins.CellOptions & { scope: 'Column' };

function tableOf(doc: Pdf, root: Struct, t: TableBlock): void {
  roomFor(doc, 60);
  text(doc, root, t.caption, { type: 'P', font: BOLD, gap: 0.3 });
  left(doc);
  const align = (i: number): 'left' | 'right' => (t.numeric?.[i] ? 'right' : 'left');
  const head: HeaderCell[] = t.head.map((h, i) => ({
    text: winAnsi(h),
    type: 'TH',
    scope: 'Column',
    font: { src: BOLD },
    align: { x: align(i), y: 'top' },
    backgroundColor: '#eeeeee',
  }));
  const body: PDFKit.Mixins.CellOptions[][] = t.rows.map((r) =>
    r.map((c, i) => ({ text: winAnsi(cellText(c)), type: 'TD', align: { x: align(i), y: 'top' } })),
  );
  const options: TaggedTableOptions = {
    structParent: root,
    data: [head, ...body],
    columnStyles: columnShares(t).map((share) => ({ width: (contentWidth(doc) * share) / 100 })),
    defaultStyle: { padding: { top: 3, bottom: 3, left: 4, right: 4 }, border: 0.5, borderColor: '#b1b4b6' },
  };
  doc.font(FONT).fontSize(SIZES.table);
  doc.table(options);
  left(doc);
  doc.moveDown(0.8);
}

function blockOf(doc: Pdf, root: Struct, b: Block): void {
  switch (b.type) {
    case 'heading':
      roomFor(doc, 80);
      doc.moveDown(0.4);
      // The document's title is its H1, so a level-1 heading is H2.
      text(doc, root, b.text, { type: `H${b.level + 1}`, font: BOLD, size: SIZES[b.level], gap: 0.4 });
      return;
    case 'paragraph':
      text(doc, root, inlineText(b.content), { font: b.bold ? BOLD : FONT });
      return;
    case 'bullets': {
      left(doc);
      const list = doc.struct('L');
      root.add(list);
      doc
        .font(FONT)
        .fontSize(SIZES.body)
        .list(
          b.items.map((i) => winAnsi(inlineText(i))),
          {
            structParent: list,
            listType: b.numbered ? 'numbered' : 'bullet',
            bulletRadius: 2,
            textIndent: 14,
            bulletIndent: 4,
            width: contentWidth(doc) - 18,
          },
        );
      list.end();
      doc.moveDown(0.5);
      return;
    }
    case 'table':
      tableOf(doc, root, b);
      return;
    case 'chart': {
      const width = Math.min(b.width, contentWidth(doc) / 0.75) * 0.75;
      const height = (b.height * width) / b.width;
      roomFor(doc, height + 20);
      left(doc);
      const png = svgToPng(b.svg, b.width);
      const y = doc.y;
      root.add(
        doc.struct('Figure', { alt: winAnsi(b.alt) }, () =>
          doc.image(png, doc.page.margins.left, y, { width, height }),
        ),
      );
      doc.y = y + height;
      doc.moveDown(0.5);
      text(doc, root, `Figure: ${b.alt}`);
      tableOf(doc, root, b.data);
      return;
    }
    case 'page-break':
      doc.addPage();
      return;
  }
}

export async function reportPdf(input: ReportDocument): Promise<Buffer> {
  const doc = forAudience(input);
  // pdfkit is loaded when a PDF is written (in the document worker): a large module most processes never use.
  const { default: PDFDocument } = await import('pdfkit');
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    tagged: true,
    pdfVersion: '1.7',
    lang: 'en-GB',
    displayTitle: true,
    bufferPages: false,
    info: {
      Title: winAnsi(`${doc.title} – ${doc.authorityName}`),
      Author: winAnsi(doc.authorityName),
      Subject: winAnsi(doc.subtitle),
      Creator: 'Lantern',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => {
      resolve(Buffer.concat(chunks));
    });
    pdf.on('error', reject);
  });
  const root = pdf.struct('Document');
  pdf.addStructure(root);
  text(pdf, root, doc.title, { type: 'H1', font: BOLD, size: SIZES.title, gap: 0.3 });
  text(pdf, root, doc.subtitle, { font: BOLD });
  text(pdf, root, `${doc.authorityName}. ${doc.periodLabel}. Generated on ${longDate(doc.generatedOn)}.`);
  text(pdf, root, AUDIENCE_NOTES[doc.audience], { gap: 1 });
  for (const b of doc.blocks) blockOf(pdf, root, b);
  root.end();
  pdf.end();
  return done;
}
