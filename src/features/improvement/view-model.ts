/**
 * What the plan and action pages show: filters, summary counts, tags (with words, never colour alone), the impact
 * view's charts (each with its data table) and formatted figures.
 */
import { z } from 'zod';
import { GRADE_LABELS, GRADES, RECOMMENDATION_KIND_LABELS } from '../../domain/ofsted';
import { lineChartSvg, type ChartMarker } from '../../documents/charts/line-chart';
import { paths } from '../../web/paths';
import { formatNumber, formatValue, unitSuffix, type Audience } from '../indicators/present';
import type { Unit } from '../indicators/definition';
import type { PublishedFigure } from '../reference/benchmarks';
import type { ActionImpact, ImpactMonth, Shown } from './impact';
import type { PlanAction, PlanRecommendation, PlanTheme, PlanView } from './plan';
import {
  ACTION_STATUSES,
  AMBER_OFF_TRACK_WORKING_DAYS,
  RAG_LABELS,
  RAGS,
  STATUS_LABELS,
  type ActionStatus,
  type Rag,
} from '../../domain/improvement-status';

export const STATUS_TAG: Record<ActionStatus, string> = {
  'not-started': 'govuk-tag--grey',
  'in-progress': 'govuk-tag--blue',
  complete: 'govuk-tag--green',
  blocked: 'govuk-tag--red',
};
export const RAG_TAG: Record<Rag, string> = {
  red: 'govuk-tag--red',
  amber: 'govuk-tag--yellow',
  green: 'govuk-tag--green',
};

/** The plan page's filters (a GET form). Unreadable values are ignored. */
export const planFilterSchema = z.object({
  status: z.enum(ACTION_STATUSES).optional().catch(undefined),
  rag: z.enum(RAGS).optional().catch(undefined),
  overdue: z.literal('yes').optional().catch(undefined),
  offTrack: z.literal('yes').optional().catch(undefined),
  owner: z.string().trim().max(200).optional().catch(undefined),
});
export type PlanFilter = z.output<typeof planFilterSchema>;

export function filterActive(f: PlanFilter): boolean {
  return Boolean(f.status || f.rag || f.overdue || f.offTrack || f.owner);
}

export function matches(a: PlanAction, f: PlanFilter): boolean {
  return (
    (!f.status || a.status === f.status) &&
    (!f.rag || a.rag === f.rag) &&
    (!f.overdue || a.overdue) &&
    (!f.offTrack || a.offTrack) &&
    (!f.owner || a.owner === f.owner)
  );
}

/** The plan's themes with only the matching actions; with a filter, objectives and themes left empty are dropped. */
export function filterPlan(plan: PlanView, f: PlanFilter): readonly PlanTheme[] {
  if (!filterActive(f)) return plan.themes;
  return plan.themes
    .map((t) => ({
      ...t,
      objectives: t.objectives
        .map((o) => ({ ...o, actions: o.actions.filter((a) => matches(a, f)) }))
        .filter((o) => o.actions.length > 0),
    }))
    .filter((t) => t.objectives.length > 0);
}

function recommendationLabel(r: PlanRecommendation): string {
  return `${r.kind === 'priority-action' ? 'Area for priority action' : 'Recommendation'} ${r.number}`;
}

export function recommendationView(r: PlanRecommendation) {
  return {
    ...r,
    label: recommendationLabel(r),
    kindLabel: RECOMMENDATION_KIND_LABELS[r.kind],
    href: `${paths.inspections.show({ inspectionId: r.inspectionId })}#recommendation-${r.id}`,
  };
}

function actionRow(a: PlanAction) {
  return {
    ...a,
    href: paths.improvement.action({ actionId: a.id }),
    statusText: STATUS_LABELS[a.status],
    statusClass: STATUS_TAG[a.status],
    ragText: RAG_LABELS[a.rag],
    ragClass: RAG_TAG[a.rag],
  };
}

export function planPageModel(plan: PlanView, themes: readonly PlanTheme[], filter: PlanFilter) {
  const all = plan.themes.flatMap((t) => t.objectives.flatMap((o) => o.actions));
  const owners = [...new Set(all.map((a) => a.owner))].sort((a, b) => a.localeCompare(b));
  const shown = themes.reduce((n, t) => n + t.objectives.reduce((m, o) => m + o.actions.length, 0), 0);
  return {
    plan,
    summary: plan.summary,
    statusCounts: ACTION_STATUSES.map((s) => ({
      text: STATUS_LABELS[s],
      count: plan.summary.byStatus[s],
      className: STATUS_TAG[s],
    })),
    ragCounts: RAGS.map((g) => ({ text: RAG_LABELS[g], count: plan.summary.byRag[g], className: RAG_TAG[g] })),
    unanswered: plan.unansweredRecommendations.map((r) => ({
      ...recommendationView(r),
      newActionHref: paths.improvement.newActionFor({ recommendation: r.id }),
    })),
    themes: themes.map((t) => ({
      ...t,
      objectives: t.objectives.map((o) => ({ ...o, actions: o.actions.map(actionRow) })),
    })),
    filter: {
      active: filterActive(filter),
      shown,
      values: filter,
      statuses: [
        { value: '', text: 'Any status' },
        ...ACTION_STATUSES.map((s) => ({ value: s, text: STATUS_LABELS[s], selected: filter.status === s })),
      ],
      rags: [
        { value: '', text: 'Any RAG rating' },
        ...RAGS.map((g) => ({ value: g, text: RAG_LABELS[g], selected: filter.rag === g })),
      ],
      owners: [
        { value: '', text: 'Any owner' },
        ...owners.map((o) => ({ value: o, text: o, selected: filter.owner === o })),
      ],
      flags: [
        { value: 'yes', name: 'overdue', text: 'Overdue only', checked: filter.overdue === 'yes' },
        { value: 'yes', name: 'offTrack', text: 'Off track only', checked: filter.offTrack === 'yes' },
      ],
    },
    offTrackRule: `Off track: not complete, and red, blocked, or amber within ${AMBER_OFF_TRACK_WORKING_DAYS} working days of its due date. Overdue: past its due date and not complete.`,
  };
}

function shownText(unit: Unit, v: Shown, kept = true): string {
  if (v === 'c') return 'c';
  if (v === null) return kept ? 'No value' : 'Not kept';
  return formatValue(unit, v);
}

function countText(v: Shown): string {
  return v === null ? '' : v === 'c' ? 'c' : formatNumber(v, 2);
}

function publishedText(unit: Unit, v: PublishedFigure | null): string {
  if (!v) return 'Not published';
  if (v.suppressed) return v.suppressed;
  return v.value === null
    ? 'Not published'
    : formatValue(unit === 'count' ? 'ratio' : unit, v.value).replace(/\.00$/, '');
}

function markersFor(months: readonly ImpactMonth[], impact: ActionImpact): ChartMarker[] {
  const out: ChartMarker[] = [];
  const started = months.findIndex((m) => m.month === impact.startedMonth);
  if (started >= 0) out.push({ index: started, label: 'Action started' });
  if (impact.completedMonth) {
    const done = months.findIndex((m) => m.month === impact.completedMonth);
    if (done >= 0) out.push({ index: done, label: 'Completed' });
  }
  return out;
}

export function actionPageModel(
  action: PlanAction,
  impact: ActionImpact,
  history: ReadonlyArray<{
    id: number;
    updatedOn: string;
    status: ActionStatus;
    rag: Rag;
    note: string;
    authorName: string;
  }>,
  audience: Audience,
) {
  const markers = markersFor(impact.months, impact);
  const range = impact.months.length
    ? `${impact.months[0]?.longLabel} to ${impact.months[impact.months.length - 1]?.longLabel}`
    : '';
  return {
    action: actionRow(action),
    audience,
    range,
    recommendations: action.recommendations.map(recommendationView),
    history: history.map((h) => ({
      ...h,
      statusText: STATUS_LABELS[h.status],
      statusClass: STATUS_TAG[h.status],
      ragText: RAG_LABELS[h.rag],
      ragClass: RAG_TAG[h.rag],
    })),
    indicators: impact.indicators.map((ind) => {
      const target = ind.target === null ? 'None set' : formatValue(ind.unit, ind.target);
      return {
        ...ind,
        chart: lineChartSvg({
          id: `impact-${ind.id}`,
          title: `${ind.title}: ${range}`,
          points: ind.months.map((m) => ({ label: m.label, value: typeof m.value === 'number' ? m.value : null })),
          target: ind.target,
          suffix: unitSuffix(ind.unit),
          markers,
        }),
        targetText: target,
        beforeText: ind.before
          ? `${shownText(ind.unit, ind.before.value)} (${ind.before.longLabel})`
          : 'No month before the start in range',
        latestText: ind.latest
          ? `${shownText(ind.unit, ind.latest.value)} (${ind.latest.longLabel})`
          : 'No value kept yet',
        targetMetText:
          ind.targetMet === null
            ? ind.target === null
              ? 'No target set'
              : 'Not judged'
            : ind.targetMet
              ? 'Target met'
              : 'Target not met',
        targetMetClass:
          ind.targetMet === null ? 'govuk-tag--grey' : ind.targetMet ? 'govuk-tag--green' : 'govuk-tag--red',
        polarityText:
          ind.polarity === 'higher'
            ? 'Higher is better'
            : ind.polarity === 'lower'
              ? 'Lower is better'
              : 'Neither higher nor lower is better',
        rows: ind.months.map((m) => ({
          label: m.longLabel,
          value: shownText(ind.unit, m.value, m.kept),
          numerator: countText(m.numerator),
          denominator: countText(m.denominator),
          target,
          marker: [
            m.month === impact.startedMonth ? 'Action started' : '',
            m.month === impact.completedMonth ? 'Completed' : '',
          ]
            .filter(Boolean)
            .join(', '),
        })),
        benchmarkRow: ind.benchmark
          ? {
              year: ind.benchmark.year,
              england: publishedText(ind.unit, ind.benchmark.england),
              neighbours:
                !ind.benchmark.statisticalNeighbours || ind.benchmark.statisticalNeighbours.mean === null
                  ? 'Not published'
                  : publishedText(ind.unit, { value: ind.benchmark.statisticalNeighbours.mean, suppressed: null }),
              authority: publishedText(ind.unit, ind.benchmark.authority),
            }
          : null,
      };
    }),
    domains: impact.domains.map((d) => ({
      ...d,
      chart: lineChartSvg({
        id: `impact-domain-${d.key}`,
        title: `${d.title}: % of audits graded good or better, ${range}`,
        points: d.months.map((m) => ({
          label: m.label,
          value: typeof m.percentGoodOrBetter === 'number' ? m.percentGoodOrBetter : null,
        })),
        suffix: '%',
        markers,
      }),
      gradeHeads: GRADES.map((g) => GRADE_LABELS[g]),
      rows: d.months.map((m) => ({
        label: m.longLabel,
        counts: GRADES.map((g) => countText(m.counts[g])),
        total: countText(m.total),
        percent:
          m.percentGoodOrBetter === null
            ? 'No audits'
            : m.percentGoodOrBetter === 'c'
              ? 'c'
              : `${formatNumber(m.percentGoodOrBetter)}%`,
        marker: [
          m.month === impact.startedMonth ? 'Action started' : '',
          m.month === impact.completedMonth ? 'Completed' : '',
        ]
          .filter(Boolean)
          .join(', '),
      })),
    })),
  };
}
