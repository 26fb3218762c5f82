/**
 * What the dashboard pages show for an indicator: its figure for the audience, RAG, target, trend chart with its
 * data table, benchmarks and commentary. Members see counts under 5 as "c" and never a link to children.
 */
import { lineChartSvg } from '../../documents/charts/line-chart';
import type { BenchmarkYear } from '../reference/benchmarks';
import type { Commentary } from './commentary';
import { SERVICE_AREA_LABELS } from './definition';
import { periodLabel, shortPeriodLabel } from './periods';
import { formatValue, showFigure, unitSuffix, type Audience } from './present';
import { RAG_LABELS } from './rag';
import type { IndicatorResult } from './results';

const RAG_TAG = { green: 'govuk-tag--green', amber: 'govuk-tag--yellow', red: 'govuk-tag--red' } as const;

function figureText(
  v: { value: number | null; suppressed: string | null } | null,
  unit: IndicatorResult['definition']['unit'],
): string {
  if (!v) return 'Not published';
  if (v.suppressed) return v.suppressed;
  return v.value === null
    ? 'Not published'
    : formatValue(unit === 'count' ? 'ratio' : unit, v.value).replace(/\.00$/, '');
}

export function benchmarkRows(result: IndicatorResult, years: readonly BenchmarkYear[]) {
  const unit = result.definition.unit;
  return years.map((b) => ({
    year: b.year,
    authority: figureText(b.authority, unit),
    england: figureText(b.england, unit),
    region: figureText(b.region, unit),
    regionName: b.region?.name ?? 'Region',
    authorityName: b.authority?.name ?? null,
    neighbours:
      !b.statisticalNeighbours || b.statisticalNeighbours.mean === null
        ? 'Not published'
        : `${figureText({ value: b.statisticalNeighbours.mean, suppressed: null }, unit)}${b.statisticalNeighbours.withValue < b.statisticalNeighbours.of ? ` (${b.statisticalNeighbours.withValue} of ${b.statisticalNeighbours.of})` : ''}`,
    rank: b.rank === null ? '–' : `${b.rank} of ${b.of}`,
    quartile: b.quartile === null ? '–' : String(b.quartile),
  }));
}

export function indicatorCard(
  result: IndicatorResult,
  audience: Audience,
  options: { canDrill: boolean; commentary?: Commentary; chartId: string },
) {
  const def = result.definition;
  const current = showFigure(def.unit, result.current, audience);
  const trend = result.trend.map((v) => ({
    label: shortPeriodLabel(v.period),
    long: periodLabel(v.period),
    figure: showFigure(def.unit, v, audience),
  }));
  const chart = lineChartSvg({
    id: options.chartId,
    title: `${def.title}: ${trend.length} ${result.period.kind === 'month' ? 'months' : result.period.kind === 'quarter' ? 'quarters' : 'years'} to ${result.periodLabel}`,
    points: trend.map((t) => ({ label: t.label, value: t.figure.value })),
    target: result.thresholds.target,
    suffix: unitSuffix(def.unit),
  });
  const latestBenchmark = result.benchmarks[0];
  return {
    id: def.id,
    title: def.title,
    area: def.area,
    areaLabel: SERVICE_AREA_LABELS[def.area],
    unit: def.unit,
    polarity: def.polarity,
    polarityText:
      def.polarity === 'higher'
        ? 'Higher is better'
        : def.polarity === 'lower'
          ? 'Lower is better'
          : 'Neither higher nor lower is better',
    definition: def.definition,
    basis: def.basis,
    periodLabel: result.periodLabel,
    value: current.text,
    numerator: current.numerator,
    denominator: current.denominator,
    suppressed: current.suppressed,
    rag: current.suppressed ? null : result.rag,
    ragText: result.rag && !current.suppressed ? RAG_LABELS[result.rag] : null,
    ragClass: result.rag ? RAG_TAG[result.rag] : null,
    target: result.thresholds.target === null ? null : formatValue(def.unit, result.thresholds.target),
    chart,
    trend,
    benchmark: latestBenchmark ? benchmarkRows(result, [latestBenchmark])[0] : null,
    benchmarkMeasure: def.benchmark ?? null,
    canDrill:
      options.canDrill && audience === 'staff' && result.current.numerator + (result.current.denominator ?? 0) > 0,
    commentary: options.commentary ?? null,
  };
}
