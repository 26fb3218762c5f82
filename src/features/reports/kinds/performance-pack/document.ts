/**
 * The monthly performance pack ("Performance Matters") as a ReportDocument: a pure function of the indicator results
 * the performance pages compute (src/features/indicators/results.ts) and the commentary they show (commentary.ts),
 * laid out as councils' monthly packs are: an executive summary (the indicators that moved most since the previous
 * month, and every indicator off or near target), then one section per service area with, for each indicator, its
 * figures, benchmarks, 12-month trend chart with its data table, and the commentary written beside it.
 *
 * Figures are the web page's: the card (src/features/indicators/view-model.ts, indicatorCard) gives the target,
 * RAG, benchmarks and chart exactly as the area page shows them. Counts are count() cells and percentages typed
 * PercentValues made from their numerator and denominator, so that the writers' suppression (suppress.ts) hides
 * those from 1 to 4 for members. Values in other units (days, weeks, ratios, rates per 10,000) are not counts;
 * for members they are shown as the web page shows them to members (present.ts, showFigure: "c" when made from a
 * count from 1 to 4). No child is named or listed: the pack has no drill-down.
 */
import { longDate } from '../../../../domain/dates';
import type { Commentary } from '../../../indicators/commentary';
import { SERVICE_AREAS, SERVICE_AREA_LABELS, type IndicatorDefinition } from '../../../indicators/definition';
import type { PeriodValue } from '../../../indicators/engine';
import { periodLabel } from '../../../indicators/periods';
import { formatNumber, mustSuppress, showFigure, type Audience as WebAudience } from '../../../indicators/present';
import type { Rag } from '../../../indicators/rag';
import type { IndicatorResult } from '../../../indicators/results';
import { indicatorCard } from '../../../indicators/view-model';
import {
  count,
  heading,
  paragraph,
  table,
  type Audience,
  type Block,
  type Cell,
  type ChartBlock,
  type ReportDocument,
} from '../../../../documents/model';

export interface PackData {
  readonly authorityName: string;
  /** YYYY-MM. */
  readonly month: string;
  /** Each indicator's result for the month, with a 12-month trend (oldest first, ending with the month). */
  readonly results: readonly IndicatorResult[];
  /** The latest commentary for each indicator and the month. */
  readonly commentary: ReadonlyMap<string, Commentary>;
}

/** How many indicators the executive summary lists as having moved most. */
export const MOVED_MOST = 5;
export const TREND_MONTHS = 12;

export const PACK_HEADINGS = {
  summary: 'Executive summary',
  movedMost: 'The indicators that moved most since last month',
  offTarget: 'Indicators off target or near target',
  areas: 'Performance by service area',
} as const;

const webAudience = (a: Audience): WebAudience => (a === 'members' ? 'members' : 'staff');

/** One period's value as a cell: a count, a percentage made from counts, or the web page's text for other units. */
export function valueCell(def: IndicatorDefinition, v: PeriodValue, audience: Audience): Cell {
  if (v.value === null) return 'No data';
  if (def.unit === 'count') return count(v.numerator);
  if (def.unit === 'percent') return { type: 'percent', value: v.value, from: [v.numerator, v.denominator ?? 0] };
  return showFigure(def.unit, v, webAudience(audience)).text;
}

/** Whether the web page hides this period's value from the audience. */
const hidden = (def: IndicatorDefinition, v: PeriodValue, audience: Audience) =>
  showFigure(def.unit, v, webAudience(audience)).suppressed;

export interface Movement {
  readonly result: IndicatorResult;
  readonly previous: PeriodValue;
  readonly change: number;
  /** |change| ÷ |previous value|; Infinity from a previous value of 0. */
  readonly relative: number;
}

/** The previous month's value in a result's trend, or null. */
export function previousOf(result: IndicatorResult): PeriodValue | null {
  return result.trend.length >= 2 ? (result.trend[result.trend.length - 2] ?? null) : null;
}

/**
 * The indicators that moved most since the previous month: those with a value in both months that changed, ranked
 * by the size of the change relative to the previous month's value (so that a count of hundreds and a percentage
 * can be compared), largest first; ties in the registry's order. A value made from a count from 1 to 4 (present.ts,
 * mustSuppress: the web page's rule) is left out: it moves by chance (1 to 2 doubles), and members may not see it.
 */
export function movedMost(results: readonly IndicatorResult[], n = MOVED_MOST): Movement[] {
  const out: Movement[] = [];
  for (const result of results) {
    const previous = previousOf(result);
    const unit = result.definition.unit;
    const now = result.current.value;
    if (!previous || previous.value === null || now === null) continue;
    if (mustSuppress(unit, previous) || mustSuppress(unit, result.current)) continue;
    const change = Math.round((now - previous.value) * 100) / 100;
    if (change === 0) continue;
    out.push({
      result,
      previous,
      change,
      relative: previous.value === 0 ? Infinity : Math.abs(change) / Math.abs(previous.value),
    });
  }
  return out.sort((a, b) => b.relative - a.relative).slice(0, n);
}

/** "Better", "Worse" or "Neither (demand)", by the indicator's polarity. */
export function judgeChange(def: IndicatorDefinition, change: number): string {
  if (def.polarity === 'neutral') return 'Neither (demand)';
  const better = def.polarity === 'higher' ? change > 0 : change < 0;
  return better ? 'Better' : 'Worse';
}

/** The change in the indicator's own unit: "+3.2 percentage points", "−12", "+4 days". */
export function changeText(def: IndicatorDefinition, change: number): string {
  const sign = change > 0 ? '+' : '−';
  const size = Math.abs(change);
  switch (def.unit) {
    case 'percent':
      return `${sign}${formatNumber(size)} percentage points`;
    case 'rate-per-10k':
      return `${sign}${formatNumber(size)} per 10,000`;
    case 'days':
      return `${sign}${formatNumber(size, 0)} days`;
    case 'weeks':
      return `${sign}${formatNumber(size)} weeks`;
    case 'ratio':
      return `${sign}${formatNumber(size, 2)}`;
    case 'count':
      return `${sign}${formatNumber(size, 0)}`;
  }
}

const RAG_ORDER: Record<Rag, number> = { red: 0, amber: 1, green: 2 };

function cardOf(result: IndicatorResult, audience: Audience, commentary?: Commentary) {
  return indicatorCard(result, webAudience(audience), {
    canDrill: false,
    chartId: `pack-${result.definition.id}`,
    ...(commentary ? { commentary } : {}),
  });
}

function summaryBlocks(data: PackData, audience: Audience): Block[] {
  const label = periodLabel(monthPeriod(data.month));
  const blocks: Block[] = [heading(1, PACK_HEADINGS.summary), heading(2, PACK_HEADINGS.movedMost)];
  const moved = movedMost(data.results);
  if (moved.length === 0) blocks.push(paragraph('No indicator’s value changed since the previous month.'));
  else {
    blocks.push(
      paragraph(
        'The indicators whose value changed most since the previous month, relative to that month’s value. Better or worse is judged by whether higher or lower is better for the indicator. ' +
          'Figures made from a count from 1 to 4 are left out: they move by chance.',
      ),
      table(
        `The indicators that moved most, ${label}`,
        ['Indicator', 'Previous month', label, 'Change', 'Better or worse'],
        moved.map((m) => {
          const def = m.result.definition;
          return [
            def.title,
            valueCell(def, m.previous, audience),
            valueCell(def, m.result.current, audience),
            changeText(def, m.change),
            judgeChange(def, m.change),
          ];
        }),
        [false, true, true, true, false],
        [4, 1.5, 1.5, 2, 1.6],
      ),
    );
  }
  blocks.push(heading(2, PACK_HEADINGS.offTarget));
  const off = data.results
    .map((result) => ({ result, card: cardOf(result, audience) }))
    .filter((x) => x.card.rag === 'red' || x.card.rag === 'amber')
    .sort((a, b) => RAG_ORDER[a.card.rag as Rag] - RAG_ORDER[b.card.rag as Rag]);
  if (off.length === 0) blocks.push(paragraph(`No indicator was off target or near target in ${label}.`));
  else {
    blocks.push(
      paragraph(`Every indicator rated red (off target) or amber (near target) in ${label}, red first.`),
      table(
        `Indicators off target or near target, ${label}`,
        ['Indicator', 'Service area', 'Value', 'Target', 'RAG'],
        off.map(({ result, card }) => [
          result.definition.title,
          SERVICE_AREA_LABELS[result.definition.area],
          valueCell(result.definition, result.current, audience),
          card.target ?? 'No target',
          card.ragText ?? '',
        ]),
        [false, false, true, true, false],
        [4, 2, 1.4, 1.4, 1.4],
      ),
    );
  }
  return blocks;
}

function figuresTable(result: IndicatorResult, card: ReturnType<typeof cardOf>, audience: Audience): Block {
  const def = result.definition;
  const label = result.periodLabel;
  const previous = previousOf(result);
  const v = result.current;
  const rows: Cell[][] = [[`Value, ${label}`, valueCell(def, v, audience)]];
  if (def.unit === 'rate-per-10k') {
    rows.push(['Counted', count(v.numerator)]);
    rows.push(['Child population aged 0–17', v.denominator === null ? 'Not known' : count(v.denominator)]);
  } else if (def.unit !== 'count') {
    rows.push(['Numerator', count(v.numerator)]);
    rows.push(['Denominator', count(v.denominator ?? 0)]);
  }
  rows.push(['Target', card.target === null ? 'No target' : `${card.target} (${card.polarityText.toLowerCase()})`]);
  rows.push([
    'RAG',
    card.ragText ??
      (def.polarity === 'neutral' ? 'Not rated: it describes demand' : card.suppressed ? 'Not shown' : 'Not rated'),
  ]);
  if (previous) {
    rows.push([`Previous month, ${periodLabel(previous.period)}`, valueCell(def, previous, audience)]);
    if (previous.value !== null && v.value !== null) {
      const change = Math.round((v.value - previous.value) * 100) / 100;
      const secret = hidden(def, previous, audience) || hidden(def, v, audience);
      const judged = def.polarity === 'neutral' ? '' : ` (${judgeChange(def, change).toLowerCase()})`;
      rows.push([
        'Change since the previous month',
        secret ? 'c' : change === 0 ? 'No change' : `${changeText(def, change)}${judged}`,
      ]);
    }
  }
  const b = card.benchmark;
  if (b) {
    rows.push([`England, ${b.year}`, b.england]);
    rows.push([`Statistical neighbours, ${b.year}`, b.neighbours]);
    if (b.region !== 'Not published') rows.push([`${b.regionName}, ${b.year}`, b.region]);
  } else rows.push(['Benchmarks', def.benchmark ? 'None published or loaded' : 'No published measure to compare with']);
  return table(`${def.title}: figures for ${label}`, ['Measure', 'Figure'], rows, [false, true], [3, 2]);
}

function trendChart(result: IndicatorResult, card: ReturnType<typeof cardOf>, audience: Audience): ChartBlock {
  const def = result.definition;
  const trend = result.trend;
  const first = card.trend[0];
  const last = card.trend[card.trend.length - 1];
  const title = `${def.title}: ${trend.length} months to ${result.periodLabel}`;
  const withCounts = def.unit !== 'count';
  return {
    type: 'chart',
    title,
    alt:
      `Line chart of ${def.title.charAt(0).toLowerCase()}${def.title.slice(1)} for each month from ${first?.long ?? ''} to ${last?.long ?? ''}: ` +
      `${first?.figure.text ?? 'No data'} in ${first?.long ?? ''} and ${last?.figure.text ?? 'No data'} in ${last?.long ?? ''}` +
      `${card.target ? `; the dashed line is the target, ${card.target}` : ''}. The table after the chart gives every month.`,
    svg: card.chart,
    width: 640,
    height: 240,
    data: table(
      `${def.title}: values by month`,
      withCounts
        ? ['Month', 'Value', 'Numerator', def.unit === 'rate-per-10k' ? 'Child population' : 'Denominator']
        : ['Month', 'Value'],
      trend.map((p) => {
        const row: Cell[] = [periodLabel(p.period), valueCell(def, p, audience)];
        if (withCounts) row.push(count(p.numerator), p.denominator === null ? '' : count(p.denominator));
        return row;
      }),
      withCounts ? [false, true, true, true] : [false, true],
    ),
  };
}

function commentaryBlocks(c: Commentary | undefined): Block[] {
  if (!c) return [paragraph('No commentary was written for this month.')];
  const out: Block[] = [
    {
      type: 'paragraph',
      bold: true,
      content: [`Commentary by ${c.authorName}, ${longDate(c.createdAt.toISOString().slice(0, 10))}`],
    },
  ];
  if (c.goingWell) out.push(paragraph(`What is going well: ${c.goingWell}`));
  if (c.toImprove) out.push(paragraph(`What needs to improve: ${c.toImprove}`));
  if (c.actions) out.push(paragraph(`Actions: ${c.actions}`));
  return out;
}

export function monthPeriod(month: string) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { kind: 'month' as const, start: `${month}-01`, end };
}

export function packDocument(data: PackData, audience: Audience, generatedOn: string): ReportDocument {
  const label = periodLabel(monthPeriod(data.month));
  const blocks: Block[] = [
    paragraph(
      `Each indicator’s value for ${label} (the calendar month), its RAG rating against the target, the previous month, published benchmarks, ` +
        `its trend over the ${TREND_MONTHS} months to ${label}, and the commentary written beside it. The figures are those the performance pages show for the month.`,
    ),
    ...summaryBlocks(data, audience),
    heading(1, PACK_HEADINGS.areas),
  ];
  for (const area of SERVICE_AREAS) {
    const inArea = data.results.filter((r) => r.definition.area === area);
    if (inArea.length === 0) continue;
    blocks.push(heading(2, SERVICE_AREA_LABELS[area]));
    for (const result of inArea) {
      const commentary = data.commentary.get(result.definition.id);
      const card = cardOf(result, audience, commentary);
      const def = result.definition;
      blocks.push(
        heading(3, def.title),
        paragraph(
          `What it counts: ${def.definition.numerator}${def.definition.denominator ? ` Out of: ${def.definition.denominator}` : ''}`,
        ),
        figuresTable(result, card, audience),
        trendChart(result, card, audience),
        ...commentaryBlocks(commentary),
      );
    }
  }
  return {
    kind: 'performance-pack',
    title: `Performance Matters: ${label}`,
    subtitle: data.authorityName,
    authorityName: data.authorityName,
    period: data.month,
    periodLabel: label,
    audience,
    generatedOn,
    blocks,
  };
}
