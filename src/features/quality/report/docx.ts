/**
 * The monthly quality assurance report as a Word document (the `docx` package, decision 0015), landscape A4:
 *
 * - the title "Quality assurance report: <Month YYYY>" (Title style), the authority and the audience;
 * - "Summary" (Heading 1): audits completed, domain grades counted, the share good or better this month, and the
 *   change on the previous month and the same month last year;
 * - "Grades by practice domain": outstanding, good, requires improvement, inadequate and % good or better;
 * - "Good or better over the last 12 months": a PNG line chart with alt text (decision 0017), then its data table
 *   by month and domain;
 * - "Grades by team";
 * - "Moderation": audits moderated, exact agreement and weighted kappa overall and by domain, and (internal only) by
 *   auditor;
 * - "Themes from actions": actions raised in the month by practice domain (raised, open, overdue, completed), and
 *   "Overdue actions by team": open and overdue actions by team, both as at the month's end (action-themes.ts).
 *
 * Every table's header row repeats on every page. Built from loadQualityReport's QualityReport only (content.ts).
 */
import { AlignmentType, Document, HeadingLevel, ImageRun, Packer, PageOrientation, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { GRADES, GRADE_LABELS } from '../../../domain/ofsted';
import { lineChartPng } from './chart';
import { changeText, kappaText, shownText, type AgreementRow, type GradeRow, type QualityReport, type Shown } from './content';

/** "30 April 2026". */
function formatDay(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export const reportTitle = (monthLabel: string) => `Quality assurance report: ${monthLabel}`;

export const HEADINGS = {
  summary: 'Summary',
  byDomain: 'Grades by practice domain',
  trend: 'Good or better over the last 12 months',
  byTeam: 'Grades by team',
  moderation: 'Moderation',
  actionThemes: 'Themes from actions',
  overdueByTeam: 'Overdue actions by team',
} as const;

const AUDIENCE_TEXT = {
  internal: 'Audience: internal (heads of service and the quality assurance team). Auditors are named.',
  members: 'Audience: elected members. Counts from 1 to 4, and any figure made from one, are shown as "c"; no child or auditor is identified.',
} as const;

function cell(text: string, options: { bold?: boolean; right?: boolean; width?: number } = {}): TableCell {
  return new TableCell({
    ...(options.width ? { width: { size: options.width, type: WidthType.PERCENTAGE } } : {}),
    children: [new Paragraph({ ...(options.right ? { alignment: AlignmentType.RIGHT } : {}), children: [new TextRun({ text, bold: options.bold ?? false })] })],
  });
}

function table(headers: readonly string[], body: ReadonlyArray<readonly string[]>, width = 100): Table {
  return new Table({
    width: { size: width, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, { bold: true, right: i > 0 })) }),
      ...body.map((cells) => new TableRow({ cantSplit: true, children: cells.map((c, i) => cell(c, { right: i > 0 })) })),
    ],
  });
}

const pct = (v: Shown) => shownText(v, '%');
const GRADE_HEADERS = GRADES.map((g) => GRADE_LABELS[g]);

function gradeCells(row: GradeRow): string[] {
  return [row.label, ...GRADES.map((g) => shownText(row.counts[g])), shownText(row.total), pct(row.goodOrBetter)];
}

function agreementCells(row: AgreementRow): string[] {
  return [row.label, shownText(row.pairs), pct(row.exactPercent), kappaText(row.kappa)];
}

const AGREEMENT_HEADERS = ['Grades compared', 'Exact agreement', 'Weighted kappa'];

/** The chart's alt text: what it shows, from and to, and where the figures are. */
export function trendAltText(report: QualityReport): string {
  const shown = report.trend.filter((t) => typeof t.all === 'number');
  const first = shown[0];
  const last = shown[shown.length - 1];
  const range = `${report.trend[0]?.label ?? ''} to ${report.trend[report.trend.length - 1]?.label ?? ''}`;
  if (!first || !last) return `Line chart of the share of domain grades good or better, all domains, ${range}: no figures to show.`;
  return (
    `Line chart of the share of domain grades good or better, all domains, ${range}: ` +
    `${pct(first.all)} in ${first.label}, ${pct(last.all)} in ${last.label}. The table after the chart gives every month by domain.`
  );
}

export async function qualityReportDocument(report: QualityReport): Promise<Buffer> {
  const s = report.summary;
  const title = reportTitle(report.monthLabel);
  const children: Array<Paragraph | Table> = [
    new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
    new Paragraph({ children: [new TextRun({ text: report.authorityName, bold: true })] }),
    new Paragraph({ text: AUDIENCE_TEXT[report.audience] }),
    new Paragraph({
      text: 'Counts are of case audits submitted in the month. Each audit grades each practice domain; the grade that counts is the one agreed at moderation, else the auditor’s. Good or better means outstanding or good.',
    }),
    new Paragraph({ text: HEADINGS.summary, heading: HeadingLevel.HEADING_1 }),
    table(
      ['Measure', 'Figure'],
      [
        [`Audits completed in ${report.monthLabel}`, shownText(s.audits)],
        [`Domain grades counted in ${report.monthLabel}`, shownText(s.grades)],
        [`Domain grades good or better in ${report.monthLabel}`, pct(s.goodOrBetter)],
        [`Good or better in ${s.previous.label} (previous month)`, pct(s.previous.goodOrBetter)],
        ['Change on the previous month', changeText(s.goodOrBetter, s.previous.goodOrBetter, s.previous.label)],
        [`Good or better in ${s.lastYear.label} (same month last year)`, pct(s.lastYear.goodOrBetter)],
        ['Change on the same month last year', changeText(s.goodOrBetter, s.lastYear.goodOrBetter, s.lastYear.label)],
      ],
      70,
    ),
    new Paragraph({ text: HEADINGS.byDomain, heading: HeadingLevel.HEADING_1 }),
  ];

  if (report.domains.length === 0) children.push(new Paragraph({ text: 'No practice domains are set up.' }));
  else {
    children.push(
      table(['Practice domain', ...GRADE_HEADERS, 'All grades', '% good or better'], [...report.byDomain.map(gradeCells), gradeCells(report.allDomains)]),
    );
  }

  children.push(new Paragraph({ text: HEADINGS.trend, heading: HeadingLevel.HEADING_1 }));
  const chart = lineChartPng({
    id: 'qa-trend',
    title: 'Domain grades good or better, all domains',
    suffix: '%',
    width: 640,
    height: 260,
    points: report.trend.map((t) => ({ label: t.label.replace(/^(\w{3})\w*/, '$1'), value: typeof t.all === 'number' ? t.all : null })),
  });
  const alt = trendAltText(report);
  children.push(
    new Paragraph({
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: 'Good or better over 12 months', title: 'Domain grades good or better, all domains', description: alt },
        }),
      ],
    }),
    new Paragraph({ text: `Figure: ${alt}` }),
    table(
      ['Month', 'All domains', ...report.domains],
      report.trend.map((t) => [t.label, pct(t.all), ...t.byDomain.map(pct)]),
    ),
    new Paragraph({ text: HEADINGS.byTeam, heading: HeadingLevel.HEADING_1 }),
  );

  if (report.byTeam.length === 0) children.push(new Paragraph({ text: `No audits were submitted in ${report.monthLabel}.` }));
  else {
    children.push(
      table(
        ['Team', 'Audits', ...GRADE_HEADERS, 'All grades', '% good or better'],
        report.byTeam.map((t) => {
          const [label, ...rest] = gradeCells(t);
          return [label ?? t.label, shownText(t.audits), ...rest];
        }),
      ),
    );
  }

  const m = report.moderation;
  children.push(
    new Paragraph({ text: HEADINGS.moderation, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      text: 'Moderation of the audits submitted in the month: a manager (double lock) or an external partner (triple lock) confirms or changes each domain’s grade. Exact agreement is the share of grades the moderator confirmed; weighted kappa (linear weights over the four grades) is 1 for full agreement and 0 for no more than chance.',
    }),
    table(
      ['Measure', 'Figure'],
      [
        ['Audits moderated', shownText(m.audits)],
        ['Double lock (manager)', shownText(m.doubleLock)],
        ['Triple lock (external partner)', shownText(m.tripleLock)],
        ['Domain grades compared', shownText(m.overall.pairs)],
        ['Exact agreement', pct(m.overall.exactPercent)],
        ['Weighted kappa', kappaText(m.overall.kappa)],
      ],
      70,
    ),
    new Paragraph({ text: 'Agreement by practice domain', heading: HeadingLevel.HEADING_2 }),
  );
  if (m.byDomain.length === 0) children.push(new Paragraph({ text: 'No audits submitted in the month have been moderated.' }));
  else children.push(table(['Practice domain', ...AGREEMENT_HEADERS], m.byDomain.map(agreementCells)));
  if (report.audience === 'internal') {
    children.push(new Paragraph({ text: 'Agreement by auditor', heading: HeadingLevel.HEADING_2 }));
    if (m.byAuditor.length === 0) children.push(new Paragraph({ text: 'No audits submitted in the month have been moderated.' }));
    else children.push(table(['Auditor', ...AGREEMENT_HEADERS], m.byAuditor.map(agreementCells)));
  }

  const asAt = formatDay(report.actions.asAt);
  children.push(
    new Paragraph({ text: HEADINGS.actionThemes, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({
      text: `Actions set at audits and raised in ${report.monthLabel}, by theme (the practice domain each answers), and how many of them were open, overdue (still open after the day they were due) and completed on ${asAt}.`,
    }),
  );
  if (report.actions.themes.length === 0) children.push(new Paragraph({ text: 'No practice domains are set up.' }));
  else {
    children.push(
      table(
        ['Theme (practice domain)', 'Raised', 'Open', 'Overdue', 'Completed'],
        report.actions.themes.map((t) => [t.label, shownText(t.raised), shownText(t.open), shownText(t.overdue), shownText(t.completed)]),
      ),
    );
  }
  children.push(
    new Paragraph({ text: HEADINGS.overdueByTeam, heading: HeadingLevel.HEADING_1 }),
    new Paragraph({ text: `Actions open on ${asAt}, whenever they were raised, and how many of them were overdue, by the audited child’s team when audited.` }),
  );
  if (report.actions.overdueByTeam.length === 0) children.push(new Paragraph({ text: `No actions were open on ${asAt}.` }));
  else {
    children.push(
      table(
        ['Team', 'Open actions', 'Overdue'],
        report.actions.overdueByTeam.map((t) => [t.label, shownText(t.open), shownText(t.overdue)]),
        70,
      ),
    );
  }

  const doc = new Document({
    creator: 'Lantern',
    title: `${title} – ${report.authorityName}`,
    description: `Case audit results for ${report.monthLabel} (${report.audience})`,
    styles: { default: { document: { run: { font: 'Arial', size: 20 } } } },
    sections: [{ properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } }, children }],
  });
  return Packer.toBuffer(doc);
}
