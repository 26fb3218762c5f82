/**
 * The self-evaluation (issue 7), in the shape of the seed self-assessment (001): an introduction; for each service
 * area (src/features/reports/self-evaluation/areas.ts) the service's own summary, strengths and achievements, areas
 * for improvement and focus for the year ahead (the text kept in Lantern, self-evaluation/service.ts), then its
 * evidence — its indicators and its audit results — and finally the latest graded inspection's recommendations with
 * the improvement plan's actions answering each and their status.
 *
 * Period: the year the self-evaluation starts in ("2026" is the financial year 1 April 2026 to 31 March 2027).
 * Evidence figures are the ones the web pages show, from the same functions:
 * - indicators: indicatorResults (src/features/indicators/results.ts, as /performance/<area> calls it) for the latest
 *   complete month not after the year's end and not after today, with the value 12 months before from the same
 *   trend, the latest published England and statistical-neighbour figures (benchmarkRows, as the indicator page shows
 *   them) and the RAG against the authority's target;
 * - audits: gradeTotals (src/features/quality/results.ts, as /quality counts) over the 12 months ending with that
 *   month, for the area's audit cohort (the team's service area) and for each of its practice domains within it;
 * - Ofsted: loadCommitteeData (kinds/inspection-committee.ts) for the latest graded inspection.
 */
import { longDate } from '../../../domain/dates';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { authorities, practiceDomains } from '../../../db/schema/index';
import { addMonths } from '../../../domain/working-days';
import { ValidationError } from '../../../core/errors';
import { latestGraded } from '../../inspections/service';
import { RAG_LABELS as ACTION_RAG_LABELS, STATUS_LABELS } from '../../../domain/improvement-status';
import type { IndicatorDefinition } from '../../indicators/definition';
import { lastCompleteMonth, periodContaining, periodLabel, type Period } from '../../indicators/periods';
import { showFigure } from '../../indicators/present';
import { RAG_LABELS } from '../../indicators/rag';
import { indicatorById } from '../../indicators/registry';
import { indicatorResults, type IndicatorResult } from '../../indicators/results';
import { benchmarkRows } from '../../indicators/view-model';
import { gradeTotals, serviceAreaLabel, type GradeCounts } from '../../quality/results';
import type { ReportKind } from '../kind';
import {
  bullets,
  count,
  heading,
  paragraph,
  percent,
  table,
  type Audience,
  type Block,
  type Cell,
  type ReportDocument,
} from '../../../documents/model';
import {
  isSelfEvaluationYear,
  SELF_EVALUATION_AREAS,
  selfEvaluationYear,
  yearEnd,
  yearLabel,
  type SelfEvaluationArea,
} from '../self-evaluation/areas';
import {
  currentSelfEvaluation,
  SECTION_LABELS,
  SECTIONS,
  yearsWithText,
  type SelfEvaluationEntry,
} from '../self-evaluation/service';
import { inspectionName, inSentence, loadCommitteeData, type CommitteeData } from './inspection-committee';

export const SELF_EVALUATION_HEADINGS = {
  introduction: 'Introduction',
  areas: 'Performance and outcomes by service area',
  evidence: 'Evidence',
  ofsted: 'Ofsted recommendations and our progress',
} as const;

export interface IndicatorEvidence {
  readonly result: IndicatorResult;
  /** The value 12 months before the evidence month (the trend's first), or null when the trend is shorter. */
  readonly previous: IndicatorResult['current'] | null;
}

export interface AuditEvidence {
  readonly label: string;
  readonly counts: GradeCounts;
}

export interface AreaEvidence {
  readonly area: SelfEvaluationArea;
  readonly entry: SelfEvaluationEntry | null;
  readonly indicators: readonly IndicatorEvidence[];
  readonly audits: readonly AuditEvidence[];
}

export interface SelfEvaluationData {
  readonly authorityName: string;
  readonly year: number;
  /** The month the indicators are read at. */
  readonly month: Period;
  /** The audits' 12 months, YYYY-MM inclusive. */
  readonly auditFrom: string;
  readonly auditTo: string;
  readonly areas: readonly AreaEvidence[];
  /** The latest graded inspection and the plan's actions answering it; null when none is recorded. */
  readonly ofsted: CommitteeData | null;
  readonly today: string;
}

/** The period a --period names: a year from 2000 to 2100. */
export function readYear(period: string): number {
  const year = /^\d{4}$/.test(period.trim()) ? Number(period.trim()) : NaN;
  if (!isSelfEvaluationYear(year)) {
    throw new ValidationError([
      {
        field: '--period',
        message: `Give the year the self-evaluation starts in, from 2000 to 2100 (2026 means 2026 to 2027), not "${period}"`,
      },
    ]);
  }
  return year;
}

/** The latest complete month not after the year's end (31 March of the next year) and not after today. */
export function evidenceMonth(year: number, today: string): Period {
  const last = lastCompleteMonth(today);
  const end = yearEnd(year);
  return last.end <= end ? last : periodContaining(end, 'month');
}

export async function loadSelfEvaluationData(
  db: Tx,
  authorityId: number,
  year: number,
  today: string,
): Promise<SelfEvaluationData> {
  const [authority] = await db
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .limit(1);
  const month = evidenceMonth(year, today);
  const auditTo = month.start.slice(0, 7);
  const auditFrom = addMonths(month.start, -11).slice(0, 7);
  const entries = await currentSelfEvaluation(db, authorityId, year);

  const ids = [...new Set(SELF_EVALUATION_AREAS.flatMap((a) => a.indicators))];
  const defs = ids.map((id) => indicatorById(id)).filter((d): d is IndicatorDefinition => d !== undefined);
  // 13 months: the evidence month and the same month a year before, as the area dashboards read them.
  const results = new Map(
    (await indicatorResults(db, authorityId, defs, month, today, { trendLength: 13 })).map((r) => [r.definition.id, r]),
  );

  const domainKeys = [...new Set(SELF_EVALUATION_AREAS.flatMap((a) => a.domains))];
  const domains = await db
    .select({ id: practiceDomains.id, key: practiceDomains.key, title: practiceDomains.title })
    .from(practiceDomains)
    .where(and(eq(practiceDomains.authorityId, authorityId), inArray(practiceDomains.key, domainKeys)));
  const domainByKey = new Map(domains.map((d) => [d.key, d]));

  const areas: AreaEvidence[] = [];
  for (const area of SELF_EVALUATION_AREAS) {
    const audits: AuditEvidence[] = [];
    for (const team of area.auditTeams) {
      const filter = { from: auditFrom, to: auditTo, serviceArea: team };
      audits.push({
        label: `All domains, audits of ${serviceAreaLabel(team).toLowerCase()} teams`,
        counts: await gradeTotals(db, authorityId, filter),
      });
      for (const key of area.domains) {
        const d = domainByKey.get(key);
        if (d)
          audits.push({
            label: d.title,
            counts: await gradeTotals(db, authorityId, { ...filter, domainId: Number(d.id) }),
          });
      }
    }
    areas.push({
      area,
      entry: entries.get(area.key) ?? null,
      indicators: area.indicators.flatMap((id) => {
        const result = results.get(id);
        if (!result) return [];
        const first = result.trend[0];
        return [{ result, previous: result.trend.length >= 13 && first ? first : null }];
      }),
      audits,
    });
  }

  const latest = await latestGraded(db, authorityId);
  const ofsted = latest ? await loadCommitteeData(db, authorityId, String(latest.id), today) : null;
  return {
    authorityName: authority?.name ?? 'Unknown authority',
    year,
    month,
    auditFrom,
    auditTo,
    areas,
    ofsted,
    today,
  };
}

const dash = '–';

/** The service's text as blocks: paragraphs split on blank lines; a paragraph whose every line starts "- ", "* " or "• " is a bulleted list. */
export function textBlocks(text: string): Block[] {
  const out: Block[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    if (lines.length === 0) continue;
    if (lines.every((l) => /^[-*•]\s+/.test(l))) out.push(bullets(lines.map((l) => [l.replace(/^[-*•]\s+/, '')])));
    else out.push(paragraph(lines.join(' ')));
  }
  return out;
}

function valueCell(def: IndicatorDefinition, v: IndicatorResult['current'] | null, audience: Audience): Cell {
  if (!v) return 'No data';
  if (def.unit === 'count' && v.value !== null) return count(v.value);
  return showFigure(def.unit, v, audience === 'members' ? 'members' : 'staff').text;
}

function indicatorTable(area: AreaEvidence, data: SelfEvaluationData, audience: Audience): Block {
  const monthText = periodLabel(data.month);
  const before = periodLabel(periodContaining(addMonths(data.month.start, -12), 'month'));
  return table(
    `${area.area.label}: indicators, ${monthText} and a year before`,
    ['Indicator', monthText, before, 'England', 'Statistical neighbours', 'Year', 'RAG'],
    area.indicators.map(({ result, previous }): Cell[] => {
      const def = result.definition;
      const b = result.benchmarks[0];
      const shown = b ? benchmarkRows(result, [b])[0] : undefined;
      const hidden = audience === 'members' && showFigure(def.unit, result.current, 'members').suppressed;
      return [
        def.title,
        valueCell(def, result.current, audience),
        valueCell(def, previous, audience),
        shown?.england ?? 'Not published',
        shown?.neighbours ?? 'Not published',
        b ? String(b.year) : dash,
        result.rag && !hidden ? RAG_LABELS[result.rag] : dash,
      ];
    }),
    [false, true, true, true, true, true, false],
    [3.8, 1.5, 1.5, 1.4, 1.7, 0.9, 1.4],
  );
}

function auditTable(area: AreaEvidence, data: SelfEvaluationData): Block {
  const from = periodLabel(periodContaining(`${data.auditFrom}-01`, 'month'));
  const to = periodLabel(periodContaining(`${data.auditTo}-01`, 'month'));
  return table(
    `${area.area.label}: case audit grades, ${from} to ${to}`,
    ['Audit cohort and domain', 'Domain grades', 'Good or outstanding', '% good or better'],
    area.audits.map((a): Cell[] => [
      a.label,
      count(a.counts.total),
      count(a.counts.outstanding + a.counts.good),
      percent(a.counts.outstanding + a.counts.good, a.counts.total),
    ]),
    [false, true, true, true],
    [4, 1.3, 1.5, 1.4],
  );
}

function areaBlocks(area: AreaEvidence, data: SelfEvaluationData, audience: Audience): Block[] {
  const blocks: Block[] = [heading(2, area.area.label)];
  for (const s of SECTIONS) {
    blocks.push(heading(3, SECTION_LABELS[s]));
    const text = area.entry?.[s] ?? '';
    if (text.trim() === '') blocks.push(paragraph('Not yet written.'));
    else blocks.push(...textBlocks(text));
  }
  blocks.push(heading(3, SELF_EVALUATION_HEADINGS.evidence));
  if (area.area.gap) blocks.push(paragraph(area.area.gap));
  if (area.indicators.length > 0) blocks.push(indicatorTable(area, data, audience));
  if (area.audits.length > 0) blocks.push(auditTable(area, data));
  return blocks;
}

function ofstedBlocks(data: SelfEvaluationData): Block[] {
  const blocks: Block[] = [heading(1, SELF_EVALUATION_HEADINGS.ofsted)];
  const o = data.ofsted;
  if (!o) return [...blocks, paragraph('No graded inspection (SIF, ILACS standard or short) is recorded in Lantern.')];
  const i = o.inspection;
  const recs = i.recommendations;
  blocks.push(
    paragraph(
      `The latest graded inspection is Ofsted’s ${inSentence(inspectionName(i))}. ` +
        (recs.length === 0
          ? 'It made no recommendations.'
          : `Below, each of its recommendations and the improvement plan’s actions that answer it, as at ${longDate(data.today)}.`),
    ),
  );
  for (const r of recs) {
    const label = r.kind === 'recommendation' ? `Recommendation ${r.number}` : `Area for priority action ${r.number}`;
    const actions = o.actionsFor.get(r.id) ?? [];
    blocks.push(heading(3, label), paragraph(r.text));
    if (actions.length === 0) blocks.push(paragraph('No action in the improvement plan answers it yet.'));
    else {
      blocks.push(
        table(
          `Actions answering ${label.toLowerCase()}`,
          ['Action', 'Status', 'RAG', 'Due', 'Overdue'],
          actions.map((a): Cell[] => [
            `${a.reference} ${a.title}`,
            STATUS_LABELS[a.status],
            ACTION_RAG_LABELS[a.rag],
            longDate(a.dueDate),
            a.overdue ? 'Overdue' : 'No',
          ]),
          undefined,
          [5, 1.5, 1.2, 2, 1.2],
        ),
      );
    }
  }
  return blocks;
}

export function selfEvaluationDocument(
  data: SelfEvaluationData,
  audience: Audience,
  generatedOn: string,
): ReportDocument {
  const label = yearLabel(data.year);
  const written = data.areas.filter((a) => a.entry !== null).map((a) => a.area.label);
  const blocks: Block[] = [
    heading(1, SELF_EVALUATION_HEADINGS.introduction),
    paragraph(
      `This is ${data.authorityName} children’s services’ self-evaluation for ${label} (1 April ${data.year} to 31 March ${data.year + 1}): what we know about the quality and impact of our work with children and families, service by service, ` +
        'in our own words, with the evidence from our performance indicators and case audits beside it, and the progress we have made against Ofsted’s recommendations.',
    ),
    paragraph(
      `Indicators are shown for ${periodLabel(data.month)}, the latest complete month of the year, beside the same month a year before, the latest published figures for England and our statistical neighbours (with the year they are for), and how each stands against our target. ` +
        `Case audit results are the domain grades of audits submitted from ${periodLabel(periodContaining(`${data.auditFrom}-01`, 'month'))} to ${periodLabel(periodContaining(`${data.auditTo}-01`, 'month'))}, the moderated grade where there is one.`,
    ),
    paragraph(
      written.length === SELF_EVALUATION_AREAS.length
        ? 'Every service area has written its self-evaluation for the year.'
        : written.length === 0
          ? 'No service area has written its self-evaluation for the year yet.'
          : `Service areas that have written their self-evaluation for the year: ${written.join(', ')}.`,
    ),
    heading(1, SELF_EVALUATION_HEADINGS.areas),
  ];
  for (const area of data.areas) blocks.push(...areaBlocks(area, data, audience));
  blocks.push(...ofstedBlocks(data));
  return {
    kind: 'self-evaluation',
    title: `Self-evaluation ${label}`,
    subtitle: `${data.authorityName} children’s services`,
    authorityName: data.authorityName,
    period: String(data.year),
    periodLabel: label,
    audience,
    generatedOn,
    blocks,
  };
}

export const selfEvaluation: ReportKind = {
  key: 'self-evaluation',
  title: 'Self-evaluation',
  describe:
    'By service area, the service’s own summary, strengths and achievements, areas for improvement and focus for the year ahead, with the evidence from indicators and case audits; then the latest inspection’s recommendations and the progress against them.',
  periodHelp: 'the year it starts in, e.g. 2026 (for 2026 to 2027)',
  async periods(db, authorityId, today) {
    const years = new Set(await yearsWithText(db, authorityId));
    years.add(selfEvaluationYear(today));
    return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: yearLabel(y) }));
  },
  async build(db, authorityId, options) {
    const year = readYear(options.period);
    const data = await loadSelfEvaluationData(db, authorityId, year, options.today);
    return selfEvaluationDocument(data, options.audience, options.today);
  },
};
