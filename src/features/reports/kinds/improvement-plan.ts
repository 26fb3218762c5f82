/**
 * The improvement plan (issue 7 and the improvement plan's issue) as a ReportDocument: the one layout of the plan's
 * Word export, written by the engine's writers for the reports page, `lantern report improvement-plan` and the
 * download /improvement/plan.docx alike (improvement/export/docx.ts calls it). The spreadsheet export
 * (/improvement/plan.xlsx) stays a spreadsheet.
 *
 * Built from the plan's read model only (src/features/improvement/export/content.ts, loadPlanExport over loadPlan:
 * what the plan page /improvement shows, judged on the same day):
 *
 * - "Summary": actions, by status, overdue, off track, current recommendations and those no action answers;
 * - "Recommendations": for each inspection (heading 2) its recommendations, numbered as the report numbers them,
 *   each with the actions answering it or "Not answered";
 * - for each theme a heading 1 and its description, for each objective a heading 2 and a table of its actions (ref;
 *   action and success measure; owner, start and due; status with its flags in words — "OVERDUE: was due …",
 *   "OFF TRACK" — and RAG; the recommendations answered and the evidence of impact; the latest progress).
 *
 * The plan holds no child data; its counts are `count`s all the same, so the members' version shows 1 to 4 as "c".
 *
 * Period: the day the plan is as at, YYYY-MM-DD, or today.
 */
import { longDate } from '../../../domain/dates';
import { isIsoDate } from '../../../domain/dates';
import { ValidationError } from '../../../core/errors';
import {
  answeringActions,
  byInspection,
  evidenceLines,
  latestProgressText,
  loadPlanExport,
  ragText,
  recommendationCitation,
  statusText,
  type PlanExport,
} from '../../improvement/export/content';
import type { PlanAction } from '../../improvement/plan';
import type { ReportKind } from '../kind';
import {
  count,
  heading,
  paragraph,
  table,
  type Audience,
  type Block,
  type Cell,
  type ReportDocument,
} from '../../../documents/model';

export const DOCUMENT_TITLE = 'Improvement plan';

/**
 * The action table's columns: the plan page's and the spreadsheet's ten fields in six columns, so that the table
 * reads on a portrait page (the engine's) without breaking words.
 */
export const ACTION_HEADERS = [
  'Ref',
  'Action and success measure',
  'Owner, start and due',
  'Status and RAG',
  'Recommendations answered and evidence of impact',
  'Latest progress',
] as const;
/** Relative column widths. */
const ACTION_WIDTHS = [1.3, 4, 2.4, 2.4, 4, 3] as const;

/** The Status cell: the status, then the flags in capitals so they stand out without colour. */
export function statusLines(a: PlanAction): string[] {
  const lines = [statusText(a)];
  if (a.completedOn) lines.push(`Completed ${longDate(a.completedOn)}`);
  if (a.overdue) lines.push(`OVERDUE: was due ${longDate(a.dueDate)}`);
  if (a.offTrack) lines.push('OFF TRACK');
  return lines;
}

const lines = (l: readonly string[]) => l.join('; ');

function actionCells(a: PlanAction): Cell[] {
  const answered = a.recommendations.length
    ? a.recommendations.map(recommendationCitation)
    : ['Recommendations: none linked'];
  const evidence = evidenceLines(a).length ? evidenceLines(a) : ['Evidence: none named'];
  return [
    a.reference,
    a.successMeasure ? `${a.title}${/[.!?]$/.test(a.title) ? '' : '.'} Success: ${a.successMeasure}` : a.title,
    lines([a.owner, `start ${longDate(a.startDate)}`, `due ${longDate(a.dueDate)}`]),
    lines([...statusLines(a), `RAG: ${ragText(a)}`]),
    lines([...answered, ...evidence]),
    latestProgressText(a),
  ];
}

export function improvementPlanDocument(input: PlanExport, audience: Audience, generatedOn: string): ReportDocument {
  const { plan } = input;
  const s = plan.summary;
  const blocks: Block[] = [
    heading(1, 'Summary'),
    table(
      `The plan as at ${longDate(plan.today)}`,
      ['Measure', 'Count'],
      [
        ['Actions', count(s.actions)],
        ['Complete', count(s.byStatus.complete)],
        ['In progress', count(s.byStatus['in-progress'])],
        ['Not started', count(s.byStatus['not-started'])],
        ['Blocked', count(s.byStatus.blocked)],
        ['Overdue', count(s.overdue)],
        ['Off track', count(s.offTrack)],
        ['Current recommendations', count(s.currentRecommendations)],
        ['Recommendations not answered by any action', count(s.unansweredRecommendations)],
      ],
      [false, true],
      [4, 1],
    ),
    paragraph(
      'Overdue: due before this day and not complete. Off track: not complete and rated red, or blocked, or rated amber and due within the next 20 working days.',
    ),
    heading(1, 'Recommendations'),
  ];

  const answering = answeringActions(plan);
  const groups = byInspection(input.recommendations);
  if (groups.length === 0) blocks.push(paragraph('No inspection recommendations are recorded.'));
  for (const group of groups) {
    blocks.push(heading(2, group.name));
    for (const r of group.recommendations) {
      const actions = answering.get(r.id) ?? [];
      const label = r.kind === 'priority-action' ? `Area for priority action ${r.number}` : `${r.number}.`;
      blocks.push(
        paragraph(
          `${label} ${r.text}${actions.length ? ` Answered by ${actions.map((a) => a.reference).join(', ')}.` : ' Not answered.'}`,
        ),
      );
    }
  }

  if (plan.themes.length === 0) blocks.push(paragraph('The plan has no themes yet.'));
  for (const theme of plan.themes) {
    blocks.push(heading(1, `Theme ${theme.number}: ${theme.title}`));
    if (theme.description) blocks.push(paragraph(theme.description));
    for (const objective of theme.objectives) {
      const name = `Objective ${theme.number}${objective.code}: ${objective.title}`;
      blocks.push(heading(2, name));
      if (objective.actions.length === 0) blocks.push(paragraph('No actions yet.'));
      else
        blocks.push(
          table(
            `Actions for objective ${theme.number}${objective.code}`,
            ACTION_HEADERS,
            objective.actions.map(actionCells),
            undefined,
            ACTION_WIDTHS,
          ),
        );
    }
  }

  return {
    kind: 'improvement-plan',
    title: DOCUMENT_TITLE,
    subtitle: `The improvement plan as at ${longDate(plan.today)}`,
    authorityName: input.authorityName,
    period: plan.today,
    periodLabel: `As at ${longDate(plan.today)}`,
    audience,
    generatedOn,
    blocks,
  };
}

/** "today" or a date, YYYY-MM-DD. */
export function parsePlanDay(period: string, today: string): string {
  if (period === 'today') return today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(period) || !isIsoDate(period)) {
    throw new ValidationError([
      { field: '--period', message: `Give the day the plan is as at, as YYYY-MM-DD, or today, not "${period}"` },
    ]);
  }
  return period;
}

export const improvementPlan: ReportKind = {
  key: 'improvement-plan',
  title: 'Improvement plan',
  describe:
    'The improvement plan: its summary, the inspection recommendations and the actions answering them, and every theme, objective and action with its status, RAG and latest progress.',
  periodHelp: 'the day the plan is as at, YYYY-MM-DD, or today',
  async periods(_db, _authorityId, today) {
    return [{ value: 'today', label: `Today (${longDate(today)})` }];
  },
  async build(db, authorityId, options) {
    const day = parsePlanDay(options.period, options.today);
    return improvementPlanDocument(await loadPlanExport(db, authorityId, day), options.audience, options.today);
  },
};
