/**
 * A ReportDocument as a Word file (the `docx` package, decision 0015): the title in the Title style, headings as
 * Heading 1–3 (the navigation pane, a table of contents and screen readers see them), bullet and numbered lists as
 * real lists, each table introduced by its caption and with its header row repeating on every page, each chart a PNG
 * (the SVG rendered by resvg, decision 0017) with its alt text, then its data table. The document passes through
 * forAudience first, so the members' version is suppressed whatever the report kind did.
 */
import { longDate } from '../domain/dates';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
const NUMBERED = 'report-numbered';

function cell(text: string, options: { bold?: boolean; right?: boolean; width?: number }): TableCell {
  return new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    children: [
      new Paragraph({
        ...(options.right ? { alignment: AlignmentType.RIGHT } : {}),
        // eslint-disable-next-line @typescript-eslint/no-deprecated -- docx's TextRun option, resolved against String.prototype.bold
        children: [new TextRun({ text, bold: options.bold ?? false })],
      }),
    ],
  });
}

function tableOf(t: TableBlock): Array<Paragraph | Table> {
  const right = (i: number) => t.numeric?.[i] ?? false;
  const shares = columnShares(t);
  return [
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- docx's TextRun option, resolved against String.prototype.bold
    new Paragraph({ keepNext: true, children: [new TextRun({ text: t.caption, bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: t.head.map((h, i) => cell(h, { bold: true, right: right(i), width: Math.round(shares[i] ?? 0) })),
        }),
        ...t.rows.map(
          (r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(cellText(c), { right: right(i) })) }),
        ),
      ],
    }),
    new Paragraph({ text: '' }),
  ];
}

function blockOf(b: Block, listInstance: () => number): Array<Paragraph | Table> {
  switch (b.type) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HEADINGS[b.level] })];
    case 'paragraph':
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- docx's TextRun option, resolved against String.prototype.bold
      return [new Paragraph({ children: [new TextRun({ text: inlineText(b.content), bold: b.bold ?? false })] })];
    case 'bullets': {
      if (!b.numbered) return b.items.map((i) => new Paragraph({ text: inlineText(i), bullet: { level: 0 } }));
      const instance = listInstance();
      return b.items.map(
        (i) => new Paragraph({ text: inlineText(i), numbering: { reference: NUMBERED, level: 0, instance } }),
      );
    }
    case 'table':
      return tableOf(b);
    case 'chart': {
      const png = svgToPng(b.svg, b.width);
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: png,
              transformation: { width: b.width, height: b.height },
              altText: { name: b.title, title: b.title, description: b.alt },
            }),
          ],
        }),
        new Paragraph({ text: `Figure: ${b.alt}` }),
        ...tableOf(b.data),
      ];
    }
    case 'page-break':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

export async function reportDocx(input: ReportDocument): Promise<Buffer> {
  const doc = forAudience(input);
  let lists = 0;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: doc.title, heading: HeadingLevel.TITLE }),
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- docx's TextRun option, resolved against String.prototype.bold
    new Paragraph({ children: [new TextRun({ text: doc.subtitle, bold: true })] }),
    new Paragraph({ text: `${doc.authorityName}. ${doc.periodLabel}. Generated on ${longDate(doc.generatedOn)}.` }),
    new Paragraph({ text: AUDIENCE_NOTES[doc.audience] }),
    ...doc.blocks.flatMap((b) => blockOf(b, () => ++lists)),
  ];
  const document = new Document({
    creator: 'Lantern',
    title: `${doc.title} – ${doc.authorityName}`,
    description: `${doc.subtitle} (${doc.audience})`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    numbering: {
      config: [
        {
          reference: NUMBERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
