/**
 * The authority's inspection timeline as one read model (pure: it takes the list the service reads): every
 * inspection and visit in date order with its deadlines, the latest judgements, the deadlines that need attention,
 * and what comes next.
 *
 * Which deadlines need attention: those not yet met (due, overdue, or a draft whose sending Lantern cannot see) of
 * the latest graded inspection and of every activity since it. Older activities have been overtaken by a later
 * graded inspection, whose report starts the clocks that matter now (the same "current" rule as the improvement
 * plan, src/features/improvement/plan.ts).
 */
import {
  inspectionDeadlines,
  nextInspection,
  type Deadline,
  type GradedInspection,
  type NextInspection,
} from '../../domain/inspection-deadlines';
import { isGraded } from '../../domain/ofsted';
import type { InspectionSummary } from './service';

export interface TimelineEntry extends InspectionSummary {
  deadlines: Deadline[];
}

export interface DeadlineAlert {
  inspection: InspectionSummary;
  deadline: Deadline;
}

export interface Timeline {
  /** Oldest first. */
  entries: TimelineEntry[];
  latestGraded: InspectionSummary | null;
  /** Not met, for the current activities, soonest first. */
  attention: DeadlineAlert[];
  next: NextInspection;
}

const OPEN: ReadonlySet<Deadline['status']> = new Set(['due', 'overdue', 'unknown']);

export function gradedInspection(summary: InspectionSummary): GradedInspection {
  return {
    kind: summary.kind,
    framework: summary.framework,
    startDate: summary.startDate,
    endDate: summary.endDate,
    reportReceivedOn: summary.reportReceivedOn,
    grades: Object.fromEntries(summary.judgements.map((j) => [j.key, j.grade])),
  };
}

export function buildTimeline(list: readonly InspectionSummary[], today: string): Timeline {
  const entries = [...list]
    .sort((a, b) => (a.startDate === b.startDate ? a.id - b.id : a.startDate < b.startDate ? -1 : 1))
    .map((i) => ({
      ...i,
      deadlines: inspectionDeadlines(
        {
          kind: i.kind,
          reportReceivedOn: i.reportReceivedOn,
          hasPriorityActions: i.priorityActionCount > 0,
          publishedOn: i.publishedOn,
          actionPlanSentOn: i.actionPlanSentOn,
        },
        today,
      ),
    }));
  const graded = entries.filter((e) => isGraded(e.kind));
  const latest = graded[graded.length - 1] ?? null;
  const current = latest
    ? entries.filter(
        (e) =>
          e.startDate > latest.startDate ||
          e.id === latest.id ||
          (e.startDate === latest.startDate && e.id > latest.id),
      )
    : entries;
  const attention = current
    .flatMap((e) => e.deadlines.filter((d) => OPEN.has(d.status)).map((deadline) => ({ inspection: e, deadline })))
    .sort((a, b) => (a.deadline.due < b.deadline.due ? -1 : a.deadline.due > b.deadline.due ? 1 : 0));
  const monitoringVisits = latest
    ? entries.filter((e) => e.kind === 'monitoring-visit' && e.startDate >= latest.startDate).map((e) => e.startDate)
    : [];
  return {
    entries,
    latestGraded: latest,
    attention,
    next: nextInspection(latest ? gradedInspection(latest) : null, monitoringVisits),
  };
}
