/**
 * What follows an Ofsted inspection or visit, as pure rules: the statutory deadlines counted in working days from
 * the day the authority received the report or letter, whether each was met, and the window for the next
 * inspection (or, after an inadequate judgement, the monitoring route). Each rule carries its source.
 *
 * Conventions (see working-days.ts): ISO dates; in working-day counts the day of receipt is day 0, so "within 70
 * working days of receiving the report" is due on `addWorkingDays(received, 70)`, and a day later is late. A working
 * day is any day except a Saturday, a Sunday, Christmas Day, Good Friday or an England and Wales bank holiday
 * (SI 2007/462 reg 1(2), by reference to the Banking and Financial Dealings Act 1971) — exactly the days
 * working-days.ts excludes. "Months" are calendar months clamped to the end of a short month.
 *
 * Sources: the Education and Inspections Act 2006 s137 and SI 2007/462 (reports and statements of action); Ofsted's
 * "Inspecting local authority children's services" framework and its monitoring handbook for inadequate authorities,
 * as reported by Children & Young People Now (16 August and 17 September 2018) (activity types, cadence, action
 * plans); Ofsted's inspection outcomes 2018–2025 (the cadence seen in the data); Ofsted's announcement of 27 November
 * 2025 (no overall effectiveness grade from April 2026).
 */
import { longDate } from './dates';
import { isGraded, type ActivityKind, type Framework, type Grade, type JudgementKey, GRADE_LABELS } from './ofsted';
import { addDays, addMonths, addWorkingDays, workingDaysBetween } from './working-days';

// ——— statutory deadlines ———

export type DeadlineKey = 'publish-report' | 'draft-action-plan' | 'action-plan';

export interface DeadlineRule {
  key: DeadlineKey;
  label: string;
  workingDays: number;
  rule: string;
  source: string;
}

/** Education and Inspections Act 2006 s137, SI 2007/462 and Ofsted's action-plan deadlines (each rule's source). */
export const DEADLINE_RULES: Record<DeadlineKey, DeadlineRule> = {
  'publish-report': {
    key: 'publish-report',
    label: 'Report published',
    workingDays: 30,
    rule: 'The authority publishes the report within 30 working days of receiving it',
    source:
      'Education and Inspections Act 2006 s137(4); the Education and Inspections Act 2006 (Prescribed Period) ' +
      'Regulations 2007, SI 2007/462, reg 2 (30 working days); "working day" as reg 1(2)',
  },
  'draft-action-plan': {
    key: 'draft-action-plan',
    label: 'Draft action plan',
    workingDays: 20,
    rule: 'After a focused visit that names areas for priority action, a draft action plan within 20 working days of receiving the letter',
    source: 'Ofsted, quoted in Children & Young People Now, 16 August 2018 ("…urgent action plans")',
  },
  'action-plan': {
    key: 'action-plan',
    label: 'Action plan (statement of action)',
    workingDays: 70,
    rule: 'The authority sends Ofsted its written statement of the action it will take within 70 working days of receiving the report or letter',
    source:
      'Education and Inspections Act 2006 s137(3) (the statement of action); 70 working days: Ofsted, quoted in ' +
      'Children & Young People Now, 16 August 2018, and the monitoring handbook for inadequate authorities',
  },
};

/** What the deadlines need to know about an inspection or visit. */
export interface DeadlineInput {
  kind: ActivityKind;
  /** When the authority received the final report or letter: the clocks start here (day 0). */
  reportReceivedOn: string | null;
  /** Whether the visit named any area for priority action. */
  hasPriorityActions: boolean;
  publishedOn: string | null;
  actionPlanSentOn: string | null;
}

/**
 * Which deadlines apply to an activity, in the order they fall due:
 * - a graded inspection (SIF, ILACS standard or short) or a JTAI: the report published within 30 working days and
 *   the action plan within 70 (s137: every inspection under s136 ends in a report and a statement of action; a JTAI's
 *   partnership must produce an action plan, under Ofsted's JTAI framework);
 * - a focused visit that names areas for priority action: a draft action plan within 20 working days and the
 *   action plan within 70 (Ofsted, since August/September 2018);
 * - anything else (a focused visit without priority actions, a monitoring visit, an engagement meeting, a
 *   self-evaluation): none.
 */
export function applicableDeadlines(kind: ActivityKind, hasPriorityActions: boolean): DeadlineRule[] {
  if (isGraded(kind) || kind === 'jtai') return [DEADLINE_RULES['publish-report'], DEADLINE_RULES['action-plan']];
  if (kind === 'focused-visit' && hasPriorityActions)
    return [DEADLINE_RULES['draft-action-plan'], DEADLINE_RULES['action-plan']];
  return [];
}

/**
 * - met: done on or before the due date;
 * - late: done after it;
 * - due: not done (or not recorded), and the due date is today or later;
 * - overdue: not done, and the due date has passed;
 * - unknown: past due, and Lantern keeps no date for it (the draft action plan: only the final plan's date is kept).
 */
export type DeadlineStatus = 'met' | 'late' | 'due' | 'overdue' | 'unknown';

export interface Deadline extends DeadlineRule {
  /** The last day on which it is on time. */
  due: string;
  /** The date it was done, if recorded. */
  doneOn: string | null;
  status: DeadlineStatus;
  /** While not done: working days from today to the due date (0 on the day; negative once it has passed). */
  workingDaysLeft: number | null;
  /** Once done: working days after the due date it was done (0 or less: on time). */
  workingDaysLate: number | null;
  /** The status in words, e.g. "Due in 12 working days", "Sent 3 working days late". */
  statusText: string;
}

export function deadlineStatus(due: string, doneOn: string | null, today: string, keepsDate = true): DeadlineStatus {
  if (doneOn) return doneOn <= due ? 'met' : 'late';
  if (today <= due) return 'due';
  return keepsDate ? 'overdue' : 'unknown';
}

function plural(n: number, one: string): string {
  return `${n} ${one}${n === 1 ? '' : 's'}`;
}

/**
 * The deadlines that follow an activity, with their dates and status on `today`. Empty when none apply or when
 * the date the report was received is not recorded (the clocks cannot start).
 */
export function inspectionDeadlines(input: DeadlineInput, today: string): Deadline[] {
  const received = input.reportReceivedOn;
  if (!received) return [];
  return applicableDeadlines(input.kind, input.hasPriorityActions).map((rule) => {
    const due = addWorkingDays(received, rule.workingDays);
    const verb = rule.key === 'publish-report' ? 'Published' : 'Sent';
    let doneOn: string | null;
    let keepsDate = true;
    if (rule.key === 'publish-report') doneOn = input.publishedOn;
    else if (rule.key === 'action-plan') doneOn = input.actionPlanSentOn;
    else {
      // Only the final plan's date is kept: a final plan sent by the draft's deadline answers the draft too.
      keepsDate = false;
      doneOn = input.actionPlanSentOn && input.actionPlanSentOn <= due ? input.actionPlanSentOn : null;
    }
    const status = deadlineStatus(due, doneOn, today, keepsDate);
    let workingDaysLeft: number | null = null;
    let workingDaysLate: number | null = null;
    let statusText: string;
    switch (status) {
      case 'met':
      case 'late': {
        workingDaysLate = workingDaysBetween(due, doneOn as string);
        statusText = status === 'met' ? `${verb} on time` : `${verb} ${plural(workingDaysLate, 'working day')} late`;
        break;
      }
      case 'due': {
        workingDaysLeft = workingDaysBetween(today, due);
        statusText = workingDaysLeft === 0 ? 'Due today' : `Due in ${plural(workingDaysLeft, 'working day')}`;
        break;
      }
      case 'overdue': {
        workingDaysLeft = workingDaysBetween(today, due);
        statusText = `Overdue by ${plural(-workingDaysLeft, 'working day')}`;
        break;
      }
      case 'unknown': {
        workingDaysLeft = workingDaysBetween(today, due);
        statusText = 'Past its date: Lantern keeps only the final plan’s date, so check the draft was sent';
        break;
      }
    }
    return { ...rule, due, doneOn, status, workingDaysLeft, workingDaysLate, statusText };
  });
}

/** Whether the action plan went on time: null when no action plan is due or the date received is not recorded. */
export function actionPlanOnTime(input: DeadlineInput): boolean | null {
  const rule = applicableDeadlines(input.kind, input.hasPriorityActions).find((r) => r.key === 'action-plan');
  if (!rule || !input.reportReceivedOn || !input.actionPlanSentOn) return null;
  return input.actionPlanSentOn <= addWorkingDays(input.reportReceivedOn, rule.workingDays);
}

// ——— the next inspection ———

/** What the next-inspection rule needs to know about the latest graded inspection. */
export interface GradedInspection {
  kind: ActivityKind;
  framework: Framework | null;
  startDate: string;
  endDate: string | null;
  reportReceivedOn: string | null;
  grades: Partial<Record<JudgementKey, Grade>>;
}

export interface InspectionWindow {
  earliest: string;
  expected: string;
  latest: string;
}

export interface MonitoringStep {
  /** What happens, e.g. "First monitoring visit". */
  label: string;
  /** The date, or the expected date when `approximate`; null when it cannot be worked out yet. */
  date: string | null;
  approximate: boolean;
  /** How the date is worked out. */
  basis: string;
}

export type NextInspection =
  | {
      route: 'short' | 'standard';
      kind: 'ilacs-short' | 'ilacs-standard';
      /** The grade that decides it, and which judgement it is. */
      decidedBy: { judgement: JudgementKey; grade: Grade };
      window: InspectionWindow;
      /** In words: why this route and this window. */
      basis: string;
      rule: string;
      source: string;
      /** Whether the rule rests on a confirmed primary source. */
      verified: boolean;
    }
  | {
      route: 'monitoring';
      kind: 'ilacs-standard';
      decidedBy: { judgement: JudgementKey; grade: Grade };
      steps: MonitoringStep[];
      /** The standard re-inspection, indicatively: secondary sources only. */
      reinspection: InspectionWindow;
      basis: string;
      rule: string;
      source: string;
      verified: boolean;
    }
  | { route: 'unknown'; basis: string; rule: string; source: string; verified: boolean };

/** ILACS: short (good or outstanding) or standard (requires improvement) about every 3 years, usually within ±6 months. */
export const CADENCE_MONTHS = 36;
export const CADENCE_SPREAD_MONTHS = 6;
/** Monitoring handbook: the first monitoring visit about 4 weeks after the action-plan deadline, then roughly quarterly. */
export const FIRST_MONITORING_DAYS = 28;
export const MONITORING_INTERVAL_MONTHS = 3;
/** Re-inspection about 2–2.5 years after the inadequate judgement (secondary sources, unverified). */
export const REINSPECTION_MONTHS = { earliest: 24, expected: 27, latest: 30 } as const;

const CADENCE_SOURCE =
  'Ofsted’s ILACS framework (short inspection for good or outstanding authorities and standard inspection for those ' +
  'judged requires improvement, about every 3 years, usually within ±6 months of the anniversary: kirkleessafeguardingchildren.co.uk; ' +
  'LGA; Children & Young People Now, September 2018) and the cadence seen in Ofsted’s inspection outcomes 2018–2025';
const MONITORING_SOURCE =
  'Ofsted’s monitoring handbook for inadequate authorities (an action-planning visit, ' +
  'the 70-working-day action plan, the first monitoring visit about 4 weeks after it is due, then roughly quarterly visits, ' +
  'then a standard re-inspection) and Children & Young People Now, September 2018';
const RULE_2026 =
  'Under the April 2026 framework there is no overall effectiveness grade, so Lantern decides the route from the impact ' +
  'of leaders grade. This is Lantern’s rule, not Ofsted’s: the renewed framework is still under consultation ' +
  '(Ofsted’s announcement of 27 November 2025) [unverified].';

/** The judgement whose grade decides the route: overall effectiveness, or the impact of leaders from April 2026. */
export function decidingJudgement(framework: Framework | null): JudgementKey {
  return framework === 'ilacs-2026' ? 'leaders' : 'overall';
}

/**
 * After the latest graded inspection (SIF, ILACS standard or short):
 * - good or outstanding → a short inspection, about 3 years after the last inspection ended, ±6 months;
 * - requires improvement → a standard inspection, in the same window;
 * - inadequate → the monitoring route: an action-planning visit, the action plan within 70 working days of the
 *   report, the first monitoring visit about 4 weeks after the plan is due, then about every 3 months, then a
 *   standard re-inspection (indicatively 2 to 2½ years after the judgement [unverified]).
 * `monitoringVisits`: start dates of monitoring visits since that inspection, so that the next one is counted from
 * the latest.
 */
export function nextInspection(
  latest: GradedInspection | null,
  monitoringVisits: readonly string[] = [],
): NextInspection {
  if (!latest) {
    return {
      route: 'unknown',
      basis: 'No graded inspection is recorded, so Lantern cannot say when the next is due.',
      rule: 'The next inspection follows from the latest graded one',
      source: CADENCE_SOURCE,
      verified: true,
    };
  }
  const judgement = decidingJudgement(latest.framework);
  const grade = latest.grades[judgement];
  const is2026 = latest.framework === 'ilacs-2026';
  const ended = latest.endDate ?? latest.startDate;
  const what = is2026 ? 'The impact of leaders' : 'Overall effectiveness';
  if (!grade) {
    return {
      route: 'unknown',
      basis: `${what} is not recorded for the inspection that started on ${longDate(latest.startDate)}, so Lantern cannot say which inspection comes next.`,
      rule: is2026 ? RULE_2026 : 'The next inspection follows from the overall effectiveness grade',
      source: CADENCE_SOURCE,
      verified: !is2026,
    };
  }
  const gradeWords = GRADE_LABELS[grade].toLowerCase();
  const rulePrefix = is2026 ? `${RULE_2026} ` : '';
  if (grade === 'inadequate') {
    const received = latest.reportReceivedOn;
    const planDue = received ? addWorkingDays(received, 70) : null;
    const firstVisit = planDue ? addDays(planDue, FIRST_MONITORING_DAYS) : null;
    const visits = [...monitoringVisits].filter((d) => d >= latest.startDate).sort();
    const lastVisit = visits[visits.length - 1];
    const steps: MonitoringStep[] = [
      {
        label: 'Action-planning visit',
        date: null,
        approximate: true,
        basis: 'Soon after the report; Ofsted sets the date',
      },
      planDue && received
        ? {
            label: 'Action plan due',
            date: planDue,
            approximate: false,
            basis: `70 working days after the report was received on ${longDate(received)}`,
          }
        : {
            label: 'Action plan due',
            date: null,
            approximate: false,
            basis: '70 working days after the report is received: record the date it was received',
          },
    ];
    if (lastVisit) {
      steps.push({
        label: `Monitoring visit ${visits.length + 1}`,
        date: addMonths(lastVisit, MONITORING_INTERVAL_MONTHS),
        approximate: true,
        basis: `About ${MONITORING_INTERVAL_MONTHS} months after the latest monitoring visit (${longDate(lastVisit)}); ${visits.length} recorded since the inspection`,
      });
    } else {
      steps.push({
        label: 'First monitoring visit',
        date: firstVisit,
        approximate: true,
        basis: planDue
          ? `About 4 weeks (${FIRST_MONITORING_DAYS} days) after the action plan is due`
          : 'About 4 weeks after the action plan is due',
      });
      steps.push({
        label: 'Further monitoring visits',
        date: firstVisit ? addMonths(firstVisit, MONITORING_INTERVAL_MONTHS) : null,
        approximate: true,
        basis: `Roughly every ${MONITORING_INTERVAL_MONTHS} months after the first`,
      });
    }
    return {
      route: 'monitoring',
      kind: 'ilacs-standard',
      decidedBy: { judgement, grade },
      steps,
      reinspection: {
        earliest: addMonths(ended, REINSPECTION_MONTHS.earliest),
        expected: addMonths(ended, REINSPECTION_MONTHS.expected),
        latest: addMonths(ended, REINSPECTION_MONTHS.latest),
      },
      basis:
        `${what} was judged inadequate (inspection ended ${longDate(ended)}): the authority follows the monitoring route, ` +
        'then a standard re-inspection. Secondary sources put the re-inspection about 2 to 2½ years after the judgement ' +
        '[unverified]; in Ofsted’s data the mean gap was 44 months (2018–25, including the COVID pause).',
      rule: `${rulePrefix}Inadequate → action-planning visit, action plan within 70 working days, first monitoring visit about 4 weeks after it is due, then about quarterly, then a standard re-inspection`,
      source: MONITORING_SOURCE,
      verified: !is2026,
    };
  }
  const short = grade === 'good' || grade === 'outstanding';
  const window: InspectionWindow = {
    earliest: addMonths(ended, CADENCE_MONTHS - CADENCE_SPREAD_MONTHS),
    expected: addMonths(ended, CADENCE_MONTHS),
    latest: addMonths(ended, CADENCE_MONTHS + CADENCE_SPREAD_MONTHS),
  };
  return {
    route: short ? 'short' : 'standard',
    kind: short ? 'ilacs-short' : 'ilacs-standard',
    decidedBy: { judgement, grade },
    window,
    basis:
      `${what} was judged ${gradeWords} (inspection ended ${longDate(ended)}), so the next is a ${short ? 'short' : 'standard'} inspection ` +
      `about 3 years later (${longDate(window.expected)}), usually between ${longDate(window.earliest)} and ${longDate(window.latest)}.`,
    rule: `${rulePrefix}${short ? 'Good or outstanding → short inspection' : 'Requires improvement → standard inspection'}, about 3 years after the last inspection ended, ±6 months`,
    source: CADENCE_SOURCE,
    verified: !is2026,
  };
}
