/**
 * The monthly quality assurance report (issue 7 and the QA programme's issue) as a ReportDocument: the one layout of
 * the report, written by the engine's writers (reports/docx.ts, reports/pdf.ts) for the reports page, `lantern
 * report qa`, the download /quality/report.docx and `lantern audits report` alike (quality/report/docx.ts calls it).
 *
 * Built from the QA report's read model only (src/features/quality/report/content.ts, loadQualityReport: the
 * figures /quality shows, counted by results.ts and moderation-results.ts):
 *
 * - "Summary": audits completed, domain grades counted, the share good or better this month, and the change on the
 *   previous month and the same month last year;
 * - "Grades by practice domain": outstanding, good, requires improvement, inadequate and % good or better;
 * - "Good or better over the last 12 months": the line chart (the web's SVG) with alt text, then its data table by
 *   month and domain;
 * - "Grades by team";
 * - "Moderation": audits moderated, exact agreement and weighted kappa overall and by domain, and (internal only) by
 *   auditor;
 * - "Themes from actions" and "Overdue actions by team", as at the month's end (action-themes.ts).
 *
 * Counts are `count` and shares `percent` made from their numerator and denominator, so the writers suppress them
 * for members. The weighted kappa and the change in percentage points are neither: they use the QA report's own
 * presenter (content.ts), which gives "c" for members when a figure they are made from is from 1 to 4.
 *
 * Period: a month, YYYY-MM; the reports page offers the last 12 complete months.
 */
import { longDate } from '../../../domain/dates';
import { GRADES, GRADE_LABELS, type Grade } from '../../../domain/ofsted';
import { ValidationError } from '../../../core/errors';
import { lineChartSvg } from '../../../documents/charts/line-chart';
import {
  addMonths,
  changeText,
  isMonth,
  kappaText,
  lastCompleteMonth,
  loadQualityReport,
  monthLabel,
  presenter,
  type AgreementRow,
  type GradeRow,
  type QualityReport,
  type Share,
  type Shown,
} from '../../quality/report/content';
import type { ReportKind } from '../kind';
import {
  count,
  heading,
  paragraph,
  percent,
  table,
  type Audience,
  type Block,
  type Cell,
  type ChartBlock,
  type ReportDocument,
} from '../../../documents/model';

export const reportTitle = (label: string) => `Quality assurance report: ${label}`;

export const QA_HEADINGS = {
  summary: 'Summary',
  byDomain: 'Grades by practice domain',
  trend: 'Good or better over the last 12 months',
  byTeam: 'Grades by team',
  moderation: 'Moderation',
  actionThemes: 'Themes from actions',
  overdueByTeam: 'Overdue actions by team',
} as const;

/** A figure of the read model as a number: the kind reads the figures as they are, never "c". */
function n(v: Shown): number {
  if (v === 'c') throw new Error('The QA report kind reads the figures as they are; the writers suppress them');
  return v ?? 0;
}

const share = (s: Share | null): Cell => (s ? percent(s.numerator, s.denominator) : '–');
const gradeTotal = (r: GradeRow) => GRADES.reduce((t, g) => t + n(r.counts[g]), 0);
const goodOrBetter = (r: GradeRow) => n(r.counts.outstanding) + n(r.counts.good);

function gradeCells(r: GradeRow): Cell[] {
  return [
    r.label,
    ...GRADES.map((g: Grade) => count(n(r.counts[g]))),
    count(gradeTotal(r)),
    percent(goodOrBetter(r), gradeTotal(r)),
  ];
}

const GRADE_HEADERS = GRADES.map((g) => GRADE_LABELS[g]);
const AGREEMENT_HEADERS = ['Grades compared', 'Exact agreement', 'Weighted kappa'];

/** The chart's alt text: what it shows, from and to, and where the figures are. */
export function trendAltText(report: QualityReport): string {
  const shown = report.trend.filter((t) => typeof t.all === 'number');
  const first = shown[0];
  const last = shown[shown.length - 1];
  const range = `${report.trend[0]?.label ?? ''} to ${report.trend[report.trend.length - 1]?.label ?? ''}`;
  if (!first || !last)
    return `Line chart of the share of domain grades good or better, all domains, ${range}: no figures to show.`;
  return (
    `Line chart of the share of domain grades good or better, all domains, ${range}: ` +
    `${n(first.all)}% in ${first.label}, ${n(last.all)}% in ${last.label}. The table after the chart gives every month by domain.`
  );
}

function trendChart(report: QualityReport): ChartBlock {
  const title = 'Domain grades good or better, all domains';
  return {
    type: 'chart',
    title,
    alt: trendAltText(report),
    svg: lineChartSvg({
      id: 'qa-trend',
      title,
      suffix: '%',
      width: 640,
      height: 260,
      points: report.trend.map((t) => ({
        label: t.label.replace(/^(\w{3})\w*/, '$1'),
        value: typeof t.all === 'number' ? t.all : null,
      })),
    }),
    width: 640,
    height: 260,
    data: table(
      'Domain grades good or better by month and practice domain',
      ['Month', 'All domains', ...report.domains],
      report.trend.map((t) => [
        t.label,
        share(t.allShare),
        ...report.domains.map((_, i) => share(t.byDomainShares[i] ?? null)),
      ]),
      [false, ...report.domains.map(() => true), true],
      // The month and the all-domains share wider than each domain's, so that months do not break on a portrait page.
      [2.2, 1.3, ...report.domains.map(() => 1)],
    ),
  };
}

/** Builds the document from the month's figures as they are (loadQualityReport) for an audience. */
export function qaDocument(report: QualityReport, audience: Audience, generatedOn: string): ReportDocument {
  const show = presenter(audience);
  const s = report.summary;
  const all = report.allDomains;
  const nowShown = show.percent(goodOrBetter(all), gradeTotal(all));
  const shownShare = (x: Share | null): Shown => (x ? show.percent(x.numerator, x.denominator) : null);
  // The kappa is made from the pairs compared: "c" for members when there are 1 to 4 of them.
  const agreementCells = (r: AgreementRow): Cell[] => [
    r.label,
    count(n(r.pairs)),
    percent(r.exact, n(r.pairs)),
    kappaText(show.count(n(r.pairs)) === 'c' ? 'c' : r.kappa),
  ];

  const blocks: Block[] = [
    paragraph(
      'Counts are of case audits submitted in the month. Each audit grades each practice domain; the grade that counts is the one agreed at moderation, else the auditor’s. Good or better means outstanding or good.',
    ),
    heading(1, QA_HEADINGS.summary),
    table(
      `Summary, ${report.monthLabel}`,
      ['Measure', 'Figure'],
      [
        [`Audits completed in ${report.monthLabel}`, count(n(s.audits))],
        [`Domain grades counted in ${report.monthLabel}`, count(gradeTotal(all))],
        [`Domain grades good or better in ${report.monthLabel}`, percent(goodOrBetter(all), gradeTotal(all))],
        [`Good or better in ${s.previous.label} (previous month)`, share(s.previous.share)],
        ['Change on the previous month', changeText(nowShown, shownShare(s.previous.share), s.previous.label)],
        [`Good or better in ${s.lastYear.label} (same month last year)`, share(s.lastYear.share)],
        ['Change on the same month last year', changeText(nowShown, shownShare(s.lastYear.share), s.lastYear.label)],
      ],
      [false, true],
      [3, 2],
    ),
    heading(1, QA_HEADINGS.byDomain),
  ];

  if (report.domains.length === 0) blocks.push(paragraph('No practice domains are set up.'));
  else {
    blocks.push(
      table(
        `Domain grades by practice domain, ${report.monthLabel}`,
        ['Practice domain', ...GRADE_HEADERS, 'All grades', '% good or better'],
        [...report.byDomain.map(gradeCells), gradeCells(all)],
        [false, true, true, true, true, true, true],
      ),
    );
  }

  blocks.push(heading(1, QA_HEADINGS.trend), trendChart(report), heading(1, QA_HEADINGS.byTeam));
  if (report.byTeam.length === 0) blocks.push(paragraph(`No audits were submitted in ${report.monthLabel}.`));
  else {
    blocks.push(
      table(
        `Audits and domain grades by team, ${report.monthLabel}`,
        ['Team', 'Audits', ...GRADE_HEADERS, 'All grades', '% good or better'],
        report.byTeam.map((t) => {
          const [label, ...rest] = gradeCells(t);
          return [label ?? t.label, count(n(t.audits)), ...rest];
        }),
        [false, true, true, true, true, true, true, true],
      ),
    );
  }

  const m = report.moderation;
  blocks.push(
    heading(1, QA_HEADINGS.moderation),
    paragraph(
      'Moderation of the audits submitted in the month: a manager (double lock) or an external partner (triple lock) confirms or changes each domain’s grade. Exact agreement is the share of grades the moderator confirmed; weighted kappa (linear weights over the four grades) is 1 for full agreement and 0 for no more than chance.',
    ),
    table(
      `Moderation, ${report.monthLabel}`,
      ['Measure', 'Figure'],
      [
        ['Audits moderated', count(n(m.audits))],
        ['Double lock (manager)', count(n(m.doubleLock))],
        ['Triple lock (external partner)', count(n(m.tripleLock))],
        ['Domain grades compared', count(n(m.overall.pairs))],
        ['Exact agreement', percent(m.overall.exact, n(m.overall.pairs))],
        ['Weighted kappa', agreementCells(m.overall)[3] ?? '–'],
      ],
      [false, true],
      [3, 2],
    ),
    heading(2, 'Agreement by practice domain'),
  );
  if (m.byDomain.length === 0) blocks.push(paragraph('No audits submitted in the month have been moderated.'));
  else
    blocks.push(
      table('Agreement by practice domain', ['Practice domain', ...AGREEMENT_HEADERS], m.byDomain.map(agreementCells), [
        false,
        true,
        true,
        true,
      ]),
    );
  if (audience === 'internal') {
    blocks.push(heading(2, 'Agreement by auditor'));
    if (m.byAuditor.length === 0) blocks.push(paragraph('No audits submitted in the month have been moderated.'));
    else
      blocks.push(
        table('Agreement by auditor', ['Auditor', ...AGREEMENT_HEADERS], m.byAuditor.map(agreementCells), [
          false,
          true,
          true,
          true,
        ]),
      );
  }

  const asAt = longDate(report.actions.asAt);
  blocks.push(
    heading(1, QA_HEADINGS.actionThemes),
    paragraph(
      `Actions set at audits and raised in ${report.monthLabel}, by theme (the practice domain each answers), and how many of them were open, overdue (still open after the day they were due) and completed on ${asAt}.`,
    ),
  );
  if (report.actions.themes.length === 0) blocks.push(paragraph('No practice domains are set up.'));
  else {
    blocks.push(
      table(
        `Actions raised in ${report.monthLabel} by theme`,
        ['Theme (practice domain)', 'Raised', 'Open', 'Overdue', 'Completed'],
        report.actions.themes.map((t) => [
          t.label,
          count(n(t.raised)),
          count(n(t.open)),
          count(n(t.overdue)),
          count(n(t.completed)),
        ]),
        [false, true, true, true, true],
      ),
    );
  }
  blocks.push(
    heading(1, QA_HEADINGS.overdueByTeam),
    paragraph(
      `Actions open on ${asAt}, whenever they were raised, and how many of them were overdue, by the audited child’s team when audited.`,
    ),
  );
  if (report.actions.overdueByTeam.length === 0) blocks.push(paragraph(`No actions were open on ${asAt}.`));
  else {
    blocks.push(
      table(
        `Open and overdue actions by team, ${asAt}`,
        ['Team', 'Open actions', 'Overdue'],
        report.actions.overdueByTeam.map((t) => [t.label, count(n(t.open)), count(n(t.overdue))]),
        [false, true, true],
      ),
    );
  }

  return {
    kind: 'qa',
    title: reportTitle(report.monthLabel),
    subtitle: `Case audit results for ${report.monthLabel}`,
    authorityName: report.authorityName,
    period: report.month,
    periodLabel: report.monthLabel,
    audience,
    generatedOn,
    blocks,
  };
}

export function parseMonth(period: string): string {
  if (!isMonth(period))
    throw new ValidationError([
      { field: '--period', message: `Give the month as YYYY-MM (for example 2026-03), not "${period}"` },
    ]);
  return period;
}

export const qaReport: ReportKind = {
  key: 'qa',
  title: 'Quality assurance report',
  describe:
    'A month’s case audits: grades by practice domain and team, good or better over 12 months, moderation and agreement, and the actions set at audits (the figures on the quality assurance pages).',
  periodHelp: 'a month, YYYY-MM (for example 2026-03)',
  async periods(_db, _authorityId, today) {
    const last = lastCompleteMonth(today);
    return Array.from({ length: 12 }, (_, i) => addMonths(last, -i)).map((m) => ({ value: m, label: monthLabel(m) }));
  },
  async build(db, authorityId, options) {
    const month = parseMonth(options.period);
    const report = await loadQualityReport(db, authorityId, month, options.audience, options.today);
    return qaDocument(report, options.audience, options.today);
  },
};
