/**
 * The improvement plan as a Word document (the `docx` package), landscape A4:
 *
 * - the title "Improvement plan" (Title style), the authority and the date;
 * - a summary table of counts (actions by status, overdue, off track, recommendations answered and not);
 * - "Recommendations": for each inspection (Heading 2) its recommendations, numbered as the report numbers them,
 *   each with the actions answering it or "Not answered";
 * - for each theme a Heading 1, for each objective a Heading 2 and a table of its actions whose header row repeats
 *   on every page; an overdue or off-track action says so in words in its Status cell ("OVERDUE", "OFF TRACK").
 *
 * Built from loadPlan's PlanView only (content.ts), so the document says what the plan page says.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { PlanAction } from '../plan';
import { answeringActions, byInspection, evidenceLines, latestProgressText, longDate, ragText, recommendationCitation, statusText, type PlanExport } from './content';

export const DOCUMENT_TITLE = 'Improvement plan';

const ACTION_HEADERS = ['Ref', 'Action', 'Owner', 'Start', 'Due', 'Status', 'RAG', 'Recommendations answered', 'Evidence of impact', 'Latest progress'] as const;
/** Relative column widths (per cent of the table). */
const ACTION_WIDTHS = [5, 17, 10, 8, 8, 10, 6, 14, 12, 10] as const;

function textCell(lines: readonly string[], options: { bold?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    children: (lines.length ? lines : ['']).map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold ?? false })] })),
  });
}

function headerRow(headers: readonly string[], widths?: readonly number[]): TableRow {
  return new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => textCell([h], { bold: true, ...(widths ? { width: widths[i] ?? 10 } : {}) })) });
}

/** The Status cell: the status, then the flags in capitals so they stand out without colour. */
export function statusLines(a: PlanAction): string[] {
  const lines = [statusText(a)];
  if (a.completedOn) lines.push(`Completed ${longDate(a.completedOn)}`);
  if (a.overdue) lines.push(`OVERDUE: was due ${longDate(a.dueDate)}`);
  if (a.offTrack) lines.push('OFF TRACK');
  return lines;
}

function actionRow(a: PlanAction): TableRow {
  const cells: string[][] = [
    [a.reference],
    a.successMeasure ? [a.title, `Success: ${a.successMeasure}`] : [a.title],
    [a.owner],
    [longDate(a.startDate)],
    [longDate(a.dueDate)],
    statusLines(a),
    [ragText(a)],
    a.recommendations.length ? a.recommendations.map(recommendationCitation) : ['None linked'],
    evidenceLines(a).length ? evidenceLines(a) : ['None named'],
    [latestProgressText(a)],
  ];
  return new TableRow({ cantSplit: true, children: cells.map((lines, i) => textCell(lines, { width: ACTION_WIDTHS[i] ?? 10 })) });
}

export async function planDocument(input: PlanExport): Promise<Buffer> {
  const { plan } = input;
  const s = plan.summary;
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: DOCUMENT_TITLE, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: input.authorityName, bold: true })] }),
    new Paragraph({ text: `As at ${longDate(plan.today)}` }),
    new Paragraph({ text: 'Summary', heading: HeadingLevel.HEADING_1 }),
    new Table({
      width: { size: 60, type: WidthType.PERCENTAGE },
      rows: [
        headerRow(['Measure', 'Count']),
        ...(
          [
            ['Actions', s.actions],
            ['Complete', s.byStatus.complete],
            ['In progress', s.byStatus['in-progress']],
            ['Not started', s.byStatus['not-started']],
            ['Blocked', s.byStatus.blocked],
            ['Overdue', s.overdue],
            ['Off track', s.offTrack],
            ['Current recommendations', s.currentRecommendations],
            ['Recommendations not answered by any action', s.unansweredRecommendations],
          ] as const
        ).map(
          ([label, n]) =>
            new TableRow({
              children: [textCell([label]), new TableCell({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: String(n) })] })],
            }),
        ),
      ],
    }),
    new Paragraph({ text: 'Recommendations', heading: HeadingLevel.HEADING_1 }),
  ];

  const answering = answeringActions(plan);
  const groups = byInspection(input.recommendations);
  if (groups.length === 0) children.push(new Paragraph({ text: 'No inspection recommendations are recorded.' }));
  for (const group of groups) {
    children.push(new Paragraph({ text: group.name, heading: HeadingLevel.HEADING_2 }));
    for (const r of group.recommendations) {
      const actions = answering.get(r.id) ?? [];
      const label = r.kind === 'priority-action' ? `Area for priority action ${r.number}` : `${r.number}.`;
      children.push(
        new Paragraph({
          children: [
            new TextRun({ text: `${label} `, bold: true }),
            new TextRun({ text: r.text }),
            new TextRun({ text: actions.length ? ` Answered by ${actions.map((a) => a.reference).join(', ')}.` : ' Not answered.', bold: actions.length === 0 }),
          ],
        }),
      );
    }
  }

  if (plan.themes.length === 0) children.push(new Paragraph({ text: 'The plan has no themes yet.' }));
  for (const theme of plan.themes) {
    children.push(new Paragraph({ text: `Theme ${theme.number}: ${theme.title}`, heading: HeadingLevel.HEADING_1 }));
    if (theme.description) children.push(new Paragraph({ text: theme.description }));
    for (const objective of theme.objectives) {
      children.push(new Paragraph({ text: `Objective ${theme.number}${objective.code}: ${objective.title}`, heading: HeadingLevel.HEADING_2 }));
      if (objective.actions.length === 0) {
        children.push(new Paragraph({ text: 'No actions yet.' }));
        continue;
      }
      children.push(
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [headerRow(ACTION_HEADERS, ACTION_WIDTHS), ...objective.actions.map(actionRow)],
        }),
      );
    }
  }

  const doc = new Document({
    creator: 'Lantern',
    title: `${DOCUMENT_TITLE} – ${input.authorityName}`,
    description: `The improvement plan as at ${plan.today}`,
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(doc);
}
