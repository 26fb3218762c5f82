/**
 * The committee report on an inspection (issue 7), in the shape of the committee reports councils write after one
 * (seeds 000, 002 and 004): the purpose of the report and what members are asked to do; the inspection (kind,
 * framework, dates, lead inspector, when the report came and was published); the judgements, each beside the grade
 * the previous graded inspection gave; the report's summary; the recommendations (and any areas for priority action)
 * numbered as the report numbers them; the improvement plan's progress against each (the actions that answer it,
 * their status, RAG and whether overdue — the plan's own read model, src/features/improvement/plan.ts, judged on the
 * same day), the plan at a glance and actions completed month by month; and the next steps (the statutory deadlines,
 * src/domain/inspection-deadlines.ts, and when the next inspection is expected).
 *
 * Period: the inspection's id, or "latest" (the latest graded inspection: SIF, ILACS standard or short). The report
 * holds no child data; the members' version still goes through the writers' suppression (counts of actions from 1
 * to 4 are "c").
 */
import { longDate } from '../../../domain/dates';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { authorities } from '../../../db/schema/index';
import { nextInspection, type NextInspection } from '../../../domain/inspection-deadlines';
import { FRAMEWORK_LABELS, GRADE_LABELS, isGraded, needsActionPlan } from '../../../domain/ofsted';
import { ValidationError } from '../../../core/errors';
import type { ReportKind } from '../kind';
import { lineChartSvg } from '../../../documents/charts/line-chart';
import { loadPlan, planActions, type PlanAction } from '../../improvement/plan';
import { RAG_LABELS, STATUS_LABELS } from '../../../domain/improvement-status';
import {
  getInspection,
  latestGraded,
  listInspections,
  type InspectionRecord,
  type InspectionSummary,
} from '../../inspections/service';
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
  type ChartBlock,
  type ReportDocument,
} from '../../../documents/model';

export const COMMITTEE_HEADINGS = {
  purpose: '1. Purpose of the report',
  recommendation: '2. Recommendation to members',
  inspection: '3. The inspection',
  judgements: '4. Judgements',
  findings: '5. What the inspectors found',
  recommendations: '6. The inspectors’ recommendations',
  progress: '7. Progress against the recommendations',
  nextSteps: '8. Next steps',
} as const;

export interface CommitteeData {
  authorityName: string;
  inspection: InspectionRecord;
  /** The graded inspection before it, if any. */
  previous: InspectionSummary | null;
  /** The plan's actions that answer each of the inspection's recommendations, by recommendation id. */
  actionsFor: Map<number, PlanAction[]>;
  next: NextInspection | null;
  today: string;
}

/** Resolves "latest" or an id to the inspection; a clear message when there is none. */
async function inspectionFor(db: Tx, authorityId: number, period: string, today: string): Promise<InspectionRecord> {
  if (period === 'latest') {
    const latest = await latestGraded(db, authorityId);
    if (!latest)
      throw new ValidationError([
        {
          field: '--period',
          message:
            'There is no graded inspection (SIF, ILACS standard or short) recorded: give an inspection’s id instead of latest',
        },
      ]);
    const found = await getInspection(db, authorityId, latest.id, today);
    if (!found) throw new ValidationError([{ field: '--period', message: 'The latest inspection could not be read' }]);
    return found;
  }
  if (!/^\d{1,15}$/.test(period))
    throw new ValidationError([
      { field: '--period', message: `Give an inspection’s id (a number) or latest, not "${period}"` },
    ]);
  const found = await getInspection(db, authorityId, Number(period), today);
  if (!found)
    throw new ValidationError([{ field: '--period', message: `There is no inspection ${period} for this authority` }]);
  return found;
}

export async function loadCommitteeData(
  db: Tx,
  authorityId: number,
  period: string,
  today: string,
): Promise<CommitteeData> {
  const inspection = await inspectionFor(db, authorityId, period, today);
  const [authority] = await db
    .select({ name: authorities.name })
    .from(authorities)
    .where(eq(authorities.id, authorityId))
    .limit(1);
  const all = await listInspections(db, authorityId);
  // Oldest first: the graded inspection that started before this one, latest of those.
  const previous =
    all
      .filter(
        (i) =>
          isGraded(i.kind) &&
          i.id !== inspection.id &&
          (i.startDate < inspection.startDate || (i.startDate === inspection.startDate && i.id < inspection.id)),
      )
      .pop() ?? null;
  const plan = await loadPlan(db, authorityId, today);
  const actionsFor = new Map<number, PlanAction[]>();
  for (const a of planActions(plan)) {
    for (const r of a.recommendations) {
      if (r.inspectionId !== inspection.id) continue;
      actionsFor.set(r.id, [...(actionsFor.get(r.id) ?? []), a]);
    }
  }
  const monitoringVisits = all
    .filter((i) => i.kind === 'monitoring-visit' && i.startDate > inspection.startDate)
    .map((i) => i.startDate);
  const next = isGraded(inspection.kind)
    ? nextInspection(
        {
          kind: inspection.kind,
          framework: inspection.framework,
          startDate: inspection.startDate,
          endDate: inspection.endDate,
          reportReceivedOn: inspection.reportReceivedOn,
          grades: Object.fromEntries(inspection.judgements.map((j) => [j.key, j.grade])),
        },
        monitoringVisits,
      )
    : null;
  return { authorityName: authority?.name ?? 'Unknown authority', inspection, previous, actionsFor, next, today };
}

const dash = '–';
/** A label inside a sentence: "Focused visit" → "focused visit"; acronyms ("ILACS short inspection", "JTAI") kept. */
export const inSentence = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
const dayOrDash = (iso: string | null) => (iso ? longDate(iso) : dash);

function inspectionDates(i: InspectionSummary): string {
  return i.endDate && i.endDate !== i.startDate
    ? `${longDate(i.startDate)} to ${longDate(i.endDate)}`
    : longDate(i.startDate);
}

/** "ILACS standard inspection, 2 to 13 March 2026". */
export function inspectionName(i: InspectionSummary): string {
  return `${i.kindLabel}, ${inspectionDates(i)}`;
}

function monthsBetween(fromMonth: string, toMonth: string): string[] {
  const out: string[] = [];
  let [y, m] = fromMonth.split('-').map(Number) as [number, number];
  const [ty, tm] = toMonth.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

const monthLabel = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
};

/** Actions answering the inspection, completed by the end of each month from the inspection's month (the last 24 at most). */
export function completedByMonth(
  actions: readonly PlanAction[],
  inspectionStart: string,
  today: string,
): Array<{ month: string; completed: number; total: number }> {
  const months = monthsBetween(inspectionStart.slice(0, 7), today.slice(0, 7)).slice(-24);
  return months.map((month) => ({
    month,
    completed: actions.filter((a) => a.completedOn !== null && a.completedOn.slice(0, 7) <= month).length,
    total: actions.length,
  }));
}

function completionChart(actions: readonly PlanAction[], data: CommitteeData): ChartBlock {
  const series = completedByMonth(actions, data.inspection.startDate, data.today);
  const first = series[0];
  const last = series[series.length - 1];
  const range = first && last ? `${monthLabel(first.month)} to ${monthLabel(last.month)}` : '';
  const title = 'Improvement actions completed, cumulative, by month';
  return {
    type: 'chart',
    title,
    alt:
      `Line chart of the improvement actions answering this inspection that were complete by the end of each month, ${range}: ` +
      `${first?.completed ?? 0} of ${actions.length} in ${first ? monthLabel(first.month) : ''}, ${last?.completed ?? 0} of ${actions.length} in ${last ? monthLabel(last.month) : ''}. The table after the chart gives every month.`,
    svg: lineChartSvg({
      id: 'committee-actions-completed',
      title,
      width: 640,
      height: 240,
      points: series.map((s) => ({ label: monthLabel(s.month), value: s.completed })),
      target: actions.length,
    }),
    width: 640,
    height: 240,
    data: table(
      'Improvement actions completed by the end of each month',
      ['Month', 'Actions complete', 'Actions answering the inspection', '% complete'],
      series.map((s) => [monthLabel(s.month), count(s.completed), count(s.total), percent(s.completed, s.total)]),
      [false, true, true, true],
    ),
  };
}

function nextInspectionText(next: NextInspection): string {
  switch (next.route) {
    case 'short':
    case 'standard':
      return `${next.basis} The next inspection is expected around ${longDate(next.window.expected)} (between ${longDate(next.window.earliest)} and ${longDate(next.window.latest)}).`;
    case 'monitoring':
      return `${next.basis} ${next.steps.map((s) => `${s.label}: ${s.date ? `${s.approximate ? 'about ' : ''}${longDate(s.date)}` : 'to be set'}.`).join(' ')}`;
    case 'unknown':
      return next.basis;
  }
}

export function committeeDocument(data: CommitteeData, audience: Audience, generatedOn: string): ReportDocument {
  const i = data.inspection;
  const name = inspectionName(i);
  const recs = i.recommendations;
  const recommendations = recs.filter((r) => r.kind === 'recommendation');
  const priority = recs.filter((r) => r.kind === 'priority-action');
  const answering = [...new Map([...data.actionsFor.values()].flat().map((a) => [a.id, a])).values()];
  const blocks: Block[] = [
    heading(1, COMMITTEE_HEADINGS.purpose),
    paragraph(
      `This report tells members the outcome of Ofsted’s ${inSentence(i.kindLabel)} of ${data.authorityName} children’s services (${inspectionDates(i)}), ` +
        'the recommendations the inspectors made, and the progress of the improvement plan that answers them.',
    ),
    heading(1, COMMITTEE_HEADINGS.recommendation),
    paragraph(
      'That members note the outcome of the inspection and the progress made against its recommendations, and consider which areas they wish to scrutinise further.',
    ),
    heading(1, COMMITTEE_HEADINGS.inspection),
    table(
      'The inspection',
      ['Item', 'Detail'],
      [
        ['Kind of inspection', i.kindLabel],
        ['Framework', i.framework ? FRAMEWORK_LABELS[i.framework] : dash],
        ['Dates', inspectionDates(i)],
        ['Lead inspector', i.leadInspector ?? 'Not recorded'],
        ...(i.theme ? [['Theme', i.theme]] : []),
        ['Report received', dayOrDash(i.reportReceivedOn)],
        ['Report published', dayOrDash(i.publishedOn)],
      ],
    ),
    heading(1, COMMITTEE_HEADINGS.judgements),
  ];

  if (i.judgements.length === 0)
    blocks.push(paragraph(`The ${inSentence(i.kindLabel)} does not give graded judgements.`));
  else {
    const prevLabel = data.previous ? `Previous inspection (${inspectionDates(data.previous)})` : 'Previous inspection';
    blocks.push(
      paragraph(
        data.previous
          ? `Each judgement beside the grade the previous graded inspection (${inspectionName(data.previous)}) gave for the same judgement.`
          : 'No earlier graded inspection is recorded to compare with.',
      ),
      table(
        `Ofsted’s judgements, ${inspectionDates(i)}`,
        ['Judgement', 'Grade', prevLabel],
        i.judgements.map((j) => {
          const before = data.previous?.judgements.find((p) => p.key === j.key);
          return [j.label, GRADE_LABELS[j.grade], before ? GRADE_LABELS[before.grade] : dash];
        }),
      ),
    );
  }

  blocks.push(heading(1, COMMITTEE_HEADINGS.findings));
  const summary = i.summary.trim();
  if (summary === '') blocks.push(paragraph('The report’s summary has not been recorded in Lantern.'));
  else for (const p of summary.split(/\n\s*\n/)) blocks.push(paragraph(p.replace(/\s*\n\s*/g, ' ').trim()));

  blocks.push(heading(1, COMMITTEE_HEADINGS.recommendations));
  if (recs.length === 0) blocks.push(paragraph(`The ${inSentence(i.kindLabel)} made no recommendations.`));
  if (priority.length > 0) {
    blocks.push(
      heading(2, 'Areas for priority action'),
      bullets(
        priority.map((r) => [r.text]),
        true,
      ),
    );
  }
  if (recommendations.length > 0) {
    // Not "made 3 recommendations": a number in running text would be a count under 5 for members; the list shows them.
    blocks.push(
      paragraph(priority.length > 0 ? 'What needs to improve:' : 'What the inspectors said needs to improve:'),
      bullets(
        recommendations.map((r) => [r.text]),
        true,
      ),
    );
  }

  blocks.push(heading(1, COMMITTEE_HEADINGS.progress));
  if (recs.length > 0) {
    blocks.push(
      paragraph(
        `The improvement plan as at ${longDate(data.today)}: the actions that answer each recommendation, their status and RAG rating, and whether they are overdue (due before that day and not complete).`,
      ),
      table(
        'Progress against each recommendation',
        ['Recommendation', 'Action', 'Status', 'RAG', 'Due', 'Overdue'],
        recs.flatMap((r) => {
          const label =
            r.kind === 'recommendation' ? `Recommendation ${r.number}` : `Area for priority action ${r.number}`;
          const actions = data.actionsFor.get(r.id) ?? [];
          if (actions.length === 0) return [[label, 'No action answers it yet', dash, dash, dash, dash]];
          return actions.map((a): Cell[] => [
            label,
            `${a.reference} ${a.title}`,
            STATUS_LABELS[a.status],
            RAG_LABELS[a.rag],
            longDate(a.dueDate),
            a.overdue ? 'Overdue' : 'No',
          ]);
        }),
        undefined,
        [2, 4, 1.5, 1.2, 2, 1.3],
      ),
    );
    const unanswered = recs.filter((r) => (data.actionsFor.get(r.id) ?? []).length === 0).length;
    const complete = answering.filter((a) => a.status === 'complete').length;
    blocks.push(
      heading(2, 'The plan at a glance'),
      table(
        'Actions answering the inspection',
        ['Measure', 'Number', '% of actions'],
        [
          ['Recommendations and areas for priority action', count(recs.length), ''],
          ['Of which no action answers yet', count(unanswered), ''],
          ['Actions answering them', count(answering.length), ''],
          ['Complete', count(complete), percent(complete, answering.length)],
          [
            'In progress',
            count(answering.filter((a) => a.status === 'in-progress').length),
            percent(answering.filter((a) => a.status === 'in-progress').length, answering.length),
          ],
          [
            'Not started',
            count(answering.filter((a) => a.status === 'not-started').length),
            percent(answering.filter((a) => a.status === 'not-started').length, answering.length),
          ],
          [
            'Blocked',
            count(answering.filter((a) => a.status === 'blocked').length),
            percent(answering.filter((a) => a.status === 'blocked').length, answering.length),
          ],
          [
            'Overdue',
            count(answering.filter((a) => a.overdue).length),
            percent(answering.filter((a) => a.overdue).length, answering.length),
          ],
          [
            'Off track',
            count(answering.filter((a) => a.offTrack).length),
            percent(answering.filter((a) => a.offTrack).length, answering.length),
          ],
        ],
        [false, true, true],
        [4, 1, 1],
      ),
    );
    if (answering.length > 0)
      blocks.push(heading(2, 'Actions completed since the inspection'), completionChart(answering, data));
  } else blocks.push(paragraph('There are no recommendations to report progress against.'));

  blocks.push(heading(1, COMMITTEE_HEADINGS.nextSteps));
  if (i.deadlines.length === 0) {
    blocks.push(
      paragraph(
        i.reportReceivedOn === null && needsActionPlan(i.kind)
          ? 'The date the report was received is not recorded in Lantern, so the statutory deadlines (publication and the action plan) cannot be worked out.'
          : `No statutory deadline follows a ${inSentence(i.kindLabel)}.`,
      ),
    );
  } else {
    blocks.push(
      table(
        'Statutory deadlines after the report',
        ['Deadline', 'Due by', 'Status'],
        i.deadlines.map((d) => [d.label, longDate(d.due), d.statusText]),
      ),
    );
  }
  if (data.next) blocks.push(heading(2, 'The next inspection'), paragraph(nextInspectionText(data.next)));

  return {
    kind: 'inspection-committee',
    title: `Ofsted inspection of children’s services: report to committee`,
    subtitle: name,
    authorityName: data.authorityName,
    period: String(i.id),
    periodLabel: name,
    audience,
    generatedOn,
    blocks,
  };
}

export const inspectionCommittee: ReportKind = {
  key: 'inspection-committee',
  title: 'Committee report on an inspection',
  describe:
    'The inspection, its judgements beside the previous inspection’s, the summary, the recommendations, the improvement plan’s progress against them and the next steps.',
  periodHelp: 'an inspection’s id, or latest (the latest graded inspection)',
  async periods(db, authorityId) {
    const all = await listInspections(db, authorityId);
    return all
      .slice()
      .reverse()
      .map((i) => ({ value: String(i.id), label: `${i.kindLabel}, ${longDate(i.startDate)}` }));
  },
  async build(db, authorityId, options) {
    const data = await loadCommitteeData(db, authorityId, options.period, options.today);
    return committeeDocument(data, options.audience, options.today);
  },
};
