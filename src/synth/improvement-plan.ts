/**
 * The demo authority's improvement plan: its answer to the four things the June 2024 short inspection said needed to
 * improve (inspections.ts ILACS_2024_RECOMMENDATIONS). Four themes → objectives → twelve actions, each with a
 * fictional owner (a job title), dates, status, RAG, progress updates, the recommendation(s) it answers (every one of
 * the four is answered), the catalogue indicators that would show its impact with a target, and audit domains.
 *
 * Dates are placed on the span from the plan's start (ten working days after the report arrived) to `asAt`, so the
 * plan reads the same whatever day the demo is built: actions start and fall due at fixed fractions of that span.
 * As at `asAt`: five actions complete, three overdue (past due, still in progress, rated green on an extension the
 * board agreed), one off track (blocked and red, past due too), and three in progress on track, due after `asAt` as
 * a live plan's are. Nothing dated after `asAt` is
 * written except those three due dates. No plan is written when the report had not arrived 30 days before `asAt`.
 *
 * Deterministic from the seed (progress-update authors and the spacing of updates).
 */
import type { Database, Db } from '../db/client';
import {
  improvementActionDomains,
  improvementActionIndicators,
  improvementActionRecommendations,
  improvementActions,
  improvementObjectives,
  improvementProgressUpdates,
  improvementThemes,
} from '../db/schema/inspections';
import type { ActionStatus, Rag } from '../domain/improvement-status';
import { addWorkingDays, fromDayNumber, isWorkingDayNumber, toDayNumber } from '../domain/working-days';
import { generateAuditProgrammes, type ProgrammeSummary } from './audit-programmes';
import type { PracticeDomainKey } from '../domain/practice-domains';
import { ensurePracticeDomains } from '../features/quality/frameworks/practice-domains';
import { generateAudits, socialWorkerAllocations, type AuditSummary } from './audits';
import { HISTORY_STREAM, inspectionHistory, insertInspectionHistory } from './inspections';
import { Rng } from './random';

/** How an action stands at `asAt`. */
type Outcome = 'complete' | 'overdue' | 'off-track' | 'on-track';

export interface ActionSpec {
  title: string;
  successMeasure: string;
  owner: string;
  /** Start and due as fractions of the plan's span (0 = plan start, 1 = asAt). */
  start: number;
  due: number;
  /** Completed at this fraction (complete actions only). */
  done?: number;
  outcome: Outcome;
  /** 1-based numbers of the 2024 recommendations answered. */
  answers: number[];
  indicators: Array<{ id: string; target: number }>;
  domains: PracticeDomainKey[];
  notes: string[];
}

export interface ThemeSpec {
  title: string;
  description: string;
  objectives: Array<{ title: string; actions: ActionSpec[] }>;
}

export const PLAN: readonly ThemeSpec[] = [
  {
    title: 'Keeping children safe when they go missing',
    description:
      'Every child who goes missing is offered a timely return home conversation, and what they tell us changes their safety plan.',
    objectives: [
      {
        title: 'Children are offered a return home conversation within 72 hours',
        actions: [
          {
            title: 'Recommission the return home conversation service with a 72-hour offer and weekend cover',
            successMeasure:
              'Nine in ten children returning from a missing episode have a conversation within 72 hours.',
            owner: 'Head of Service, Adolescents and Exploitation',
            start: 0,
            due: 0.3,
            done: 0.28,
            outcome: 'complete',
            answers: [1],
            indicators: [
              { id: 'rhi-within-72-hours', target: 90 },
              { id: 'rhi-offered', target: 98 },
            ],
            domains: ['voice-of-the-child'],
            notes: [
              'Specification agreed with the provider.',
              'Weekend cover in place from this month.',
              'New contract live; first month’s figures reported to the board.',
            ],
          },
          {
            title: 'Send team managers a daily list of children back from missing without a conversation offered',
            successMeasure: 'No child waits more than one working day for the offer to be chased.',
            owner: 'Missing and Exploitation Coordinator',
            start: 0.05,
            due: 0.2,
            done: 0.22,
            outcome: 'complete',
            answers: [1],
            indicators: [{ id: 'rhi-offered', target: 98 }],
            domains: ['management-oversight-and-supervision'],
            notes: ['Report built and tested with two teams.', 'Daily list rolled out to every team.'],
          },
        ],
      },
      {
        title: 'What children say in return home conversations shapes their safety plans',
        actions: [
          {
            title: 'Revise the safety plan template to record what the child said and what changed as a result',
            successMeasure: 'Audits find the return home conversation reflected in the safety plan in most cases.',
            owner: 'Principal Social Worker',
            start: 0.15,
            due: 0.55,
            outcome: 'overdue',
            answers: [1],
            indicators: [{ id: 'rhi-accepted', target: 75 }],
            domains: ['quality-of-planning', 'voice-of-the-child'],
            notes: [
              'Draft template shared with practitioners’ forum.',
              'Template delayed by the case management system release.',
              'Extension to next quarter agreed by the board.',
            ],
          },
        ],
      },
    ],
  },
  {
    title: 'Early help at the right time',
    description: 'Families get an early help worker promptly once a need is identified.',
    objectives: [
      {
        title: 'Families are allocated an early help worker within 10 working days',
        actions: [
          {
            title: 'Hold a twice-weekly early help allocation meeting chaired by a service manager',
            successMeasure: 'Nine in ten early help requests allocated within 10 working days.',
            owner: 'Head of Early Help',
            start: 0,
            due: 0.25,
            done: 0.2,
            outcome: 'complete',
            answers: [3],
            indicators: [{ id: 'early-help-allocated-10-working-days', target: 90 }],
            domains: ['management-oversight-and-supervision'],
            notes: ['Terms of reference agreed.', 'Meetings running; waiting list reviewed at each one.'],
          },
          {
            title: 'Recruit four family support workers to the locality early help teams',
            successMeasure: 'Early help caseloads no higher than 18 families per worker.',
            owner: 'Head of Early Help',
            start: 0.1,
            due: 0.6,
            outcome: 'off-track',
            answers: [3],
            indicators: [{ id: 'early-help-allocated-10-working-days', target: 90 }],
            domains: ['engagement-with-parents-and-carers'],
            notes: [
              'Two posts filled.',
              'Second recruitment round unsuccessful; agency cover requested.',
              'Agency cover not approved: two posts remain vacant.',
            ],
          },
        ],
      },
      {
        title: 'Partners know how to ask for early help',
        actions: [
          {
            title: 'Publish a single early help request form and guidance for schools, health visitors and police',
            successMeasure: 'Requests complete enough to allocate without going back to the referrer.',
            owner: 'Early Help Partnership Manager',
            start: 0.2,
            due: 1.15,
            outcome: 'on-track',
            answers: [3],
            indicators: [{ id: 'early-help-allocated-10-working-days', target: 90 }],
            domains: ['multi-agency-working', 'quality-of-assessment'],
            notes: ['Form co-designed with six schools.', 'Guidance in draft with the safeguarding partnership.'],
          },
        ],
      },
    ],
  },
  {
    title: 'Care leavers know where they will live',
    description: 'Care leavers hear early and clearly about their future living arrangements and housing options.',
    objectives: [
      {
        title: 'Pathway plans set out living arrangements from 17',
        actions: [
          {
            title: 'Add a “where I will live” section to every pathway plan review from the 17th birthday',
            successMeasure: 'Every pathway plan reviewed in six months sets out future living arrangements.',
            owner: 'Service Manager, Leaving Care',
            start: 0,
            due: 0.35,
            done: 0.4,
            outcome: 'complete',
            answers: [2],
            indicators: [
              { id: 'pathway-plans-reviewed-6-months', target: 95 },
              { id: 'pa-linked-by-17-5', target: 95 },
            ],
            domains: ['quality-of-planning', 'voice-of-the-child'],
            notes: [
              'Section added to the pathway plan form.',
              'Personal advisers briefed at team meetings.',
              'Dip sample: section completed in 9 of 10 plans.',
            ],
          },
          {
            title: 'Agree a joint housing protocol for care leavers with the housing service',
            successMeasure: 'Care leavers aged 19–21 in suitable accommodation at or above target.',
            owner: 'Head of Service, Children in Care and Care Leavers',
            start: 0.1,
            due: 0.5,
            outcome: 'overdue',
            answers: [2],
            indicators: [
              { id: 'care-leavers-19-21-suitable-accommodation', target: 92 },
              { id: 'care-leavers-17-18-suitable-accommodation', target: 95 },
            ],
            domains: ['multi-agency-working'],
            notes: [
              'First draft shared with housing colleagues.',
              'Housing restructure has delayed sign-off; extension agreed.',
            ],
          },
        ],
      },
      {
        title: 'Care leavers help shape the housing offer',
        actions: [
          {
            title: 'Co-produce a housing options guide with the care leavers’ forum',
            successMeasure: 'Care leavers tell us they understand their housing options.',
            owner: 'Participation Lead',
            start: 0.3,
            due: 1.1,
            outcome: 'on-track',
            answers: [2],
            indicators: [{ id: 'care-leavers-17-18-in-touch', target: 95 }],
            domains: ['voice-of-the-child', 'diversity-and-identity'],
            notes: ['Forum workshops held.', 'Guide being designed with young people.'],
          },
        ],
      },
    ],
  },
  {
    title: 'Strong oversight of allegations against adults who work with children',
    description: 'Managers oversee every LADO referral promptly, and the partnership sees how the service performs.',
    objectives: [
      {
        title: 'Every LADO referral has management oversight within one working day',
        actions: [
          {
            title: 'Introduce a daily management review of new LADO referrals with a recorded decision',
            successMeasure: 'Management oversight recorded within one working day for 95% of referrals.',
            owner: 'Head of Safeguarding and Quality Assurance',
            start: 0,
            due: 0.2,
            done: 0.18,
            outcome: 'complete',
            answers: [4],
            indicators: [{ id: 'lado-oversight-1-working-day', target: 95 }],
            domains: ['management-oversight-and-supervision'],
            notes: ['Daily review started.', 'Audit of 20 referrals: oversight recorded in every one.'],
          },
          {
            title: 'Build a LADO module in the case management system with timescale alerts',
            successMeasure: 'Initial consideration recorded within one working day for 95% of referrals.',
            owner: 'Business Systems Manager',
            start: 0.25,
            due: 0.8,
            outcome: 'overdue',
            answers: [4],
            indicators: [{ id: 'lado-initial-consideration-1-working-day', target: 95 }],
            domains: ['management-oversight-and-supervision'],
            notes: ['Requirements signed off.', 'Supplier testing took longer than planned; go-live rescheduled.'],
          },
        ],
      },
      {
        title: 'The improvement board sees the evidence of impact',
        actions: [
          {
            title: 'Report missing, early help and LADO performance to the improvement board every quarter',
            successMeasure:
              'The board reviews each of the four areas with indicators and audit findings every quarter.',
            owner: 'Director of Children’s Social Care',
            start: 0.05,
            due: 1.2,
            outcome: 'on-track',
            answers: [1, 3, 4],
            indicators: [
              { id: 'lado-oversight-1-working-day', target: 95 },
              { id: 'rhi-within-72-hours', target: 90 },
            ],
            domains: ['impact-on-the-child'],
            notes: [
              'First quarterly report presented.',
              'Audit findings added to the report.',
              'Board asked for trend charts against targets.',
            ],
          },
        ],
      },
    ],
  },
];

const AUTHORS = ['Maren Gallacher', 'Tunde Ashworth-Bell', 'Philippa Dunmore', 'Kwame Larkspur'] as const;

export interface PlanSummary {
  themes: number;
  objectives: number;
  actions: number;
  updates: number;
}

/**
 * Writes the plan answering the 2024 inspection's recommendations (`recommendationIds`, in the report's order),
 * when its report arrived at least 30 days before `asAt`.
 */
export async function insertImprovementPlan(
  db: Db,
  authorityId: number,
  seed: number,
  reportReceivedOn: string | null,
  asAt: string,
  recommendationIds: readonly number[],
  domainIds: ReadonlyMap<PracticeDomainKey, number>,
): Promise<PlanSummary> {
  const none = { themes: 0, objectives: 0, actions: 0, updates: 0 };
  if (reportReceivedOn === null || toDayNumber(reportReceivedOn) + 30 > toDayNumber(asAt)) return none;
  const rng = Rng.stream(seed, HISTORY_STREAM.plan);
  const planStart = toDayNumber(addWorkingDays(reportReceivedOn, 10));
  const A = toDayNumber(asAt);
  const span = A - planStart;
  // On a working day: the first on or after the fraction's day (plans are not dated at weekends).
  const at = (fraction: number): number => {
    let day = planStart + Math.round(fraction * span);
    while (!isWorkingDayNumber(day)) day++;
    return day;
  };
  // A handful of multi-row INSERTs (themes, objectives, actions, then their links): one round trip each, in plan
  // order, so RETURNING gives the ids in the same order.
  const themeIds = (
    await db
      .insert(improvementThemes)
      .values(
        PLAN.map((theme, t) => ({ authorityId, number: t + 1, title: theme.title, description: theme.description })),
      )
      .returning({ id: improvementThemes.id })
  ).map((r) => r.id);
  const objectiveSpecs = PLAN.flatMap((theme, t) =>
    theme.objectives.map((objective, o) => ({
      themeId: themeIds[t] as number,
      code: String.fromCharCode(97 + o),
      objective,
    })),
  );
  const objectiveIds = (
    await db
      .insert(improvementObjectives)
      .values(objectiveSpecs.map((o) => ({ themeId: o.themeId, code: o.code, title: o.objective.title })))
      .returning({ id: improvementObjectives.id })
  ).map((r) => r.id);
  const actionSpecs = objectiveSpecs.flatMap((o, i) =>
    o.objective.actions.map((spec, n) => ({ objectiveId: objectiveIds[i] as number, number: n + 1, spec })),
  );
  const shaped = actionSpecs.map(({ objectiveId, number, spec }) => {
    const start = at(spec.start);
    const due = at(spec.due);
    const completed = spec.outcome === 'complete' ? Math.min(at(spec.done ?? spec.due), A) : null;
    const status: ActionStatus =
      spec.outcome === 'complete' ? 'complete' : spec.outcome === 'off-track' ? 'blocked' : 'in-progress';
    // Overdue actions are rated green: the board agreed a short extension and the owner expects to deliver within it,
    // so the plan shows them as overdue (missed the date) without counting them off track (status.ts: an amber
    // action that close to its date would be).
    const rag: Rag = spec.outcome === 'off-track' ? 'red' : 'green';
    return { objectiveId, number, spec, start, due, completed, status, rag };
  });
  const actionIds = (
    await db
      .insert(improvementActions)
      .values(
        shaped.map((a) => ({
          authorityId,
          objectiveId: a.objectiveId,
          number: a.number,
          title: a.spec.title,
          successMeasure: a.spec.successMeasure,
          owner: a.spec.owner,
          startDate: fromDayNumber(a.start),
          dueDate: fromDayNumber(a.due),
          completedOn: a.completed === null ? null : fromDayNumber(a.completed),
          status: a.status,
          rag: a.rag,
        })),
      )
      .returning({ id: improvementActions.id })
  ).map((r) => r.id);

  const recommendationLinks: Array<typeof improvementActionRecommendations.$inferInsert> = [];
  const indicatorLinks: Array<typeof improvementActionIndicators.$inferInsert> = [];
  const domainLinks: Array<typeof improvementActionDomains.$inferInsert> = [];
  const updates: Array<typeof improvementProgressUpdates.$inferInsert> = [];
  shaped.forEach(({ spec, start, completed, status, rag }, i) => {
    const actionId = actionIds[i] as number;
    for (const k of spec.answers) {
      const recommendationId = recommendationIds[k - 1];
      if (recommendationId !== undefined) recommendationLinks.push({ actionId, recommendationId });
    }
    for (const ind of spec.indicators) indicatorLinks.push({ actionId, indicatorId: ind.id, target: ind.target });
    for (const key of spec.domains) {
      const domainId = domainIds.get(key);
      if (domainId !== undefined) domainLinks.push({ actionId, domainId });
    }
    // Updates spread from the start to the completion (or asAt), the last one carrying the action's status and RAG;
    // earlier ones in progress, green until trouble showed (amber just before a red).
    const last = completed ?? A;
    const count = spec.notes.length;
    spec.notes.forEach((note, k) => {
      const day = Math.min(
        last,
        start + Math.round(((k + 1) / count) * (last - start)) - (k + 1 < count ? rng.int(0, 6) : 0),
      );
      const final = k + 1 === count;
      updates.push({
        actionId,
        updatedOn: fromDayNumber(Math.max(start, day)),
        status: final ? status : 'in-progress',
        rag: final ? rag : k + 2 === count && rag === 'red' ? 'amber' : 'green',
        note,
        authorName: rng.pick(AUTHORS),
      });
    });
  });
  if (recommendationLinks.length > 0) await db.insert(improvementActionRecommendations).values(recommendationLinks);
  if (indicatorLinks.length > 0) await db.insert(improvementActionIndicators).values(indicatorLinks);
  if (domainLinks.length > 0) await db.insert(improvementActionDomains).values(domainLinks);
  if (updates.length > 0) await db.insert(improvementProgressUpdates).values(updates);
  return {
    themes: themeIds.length,
    objectives: objectiveIds.length,
    actions: actionIds.length,
    updates: updates.length,
  };
}

export interface HistorySummary {
  inspections: number;
  recommendations: number;
  audits: AuditSummary;
  programmes: ProgrammeSummary;
  plan: PlanSummary;
}

/**
 * The demo's inspection history, audit history and improvement plan for an authority whose children are loaded:
 * called by generate.ts right after the load.
 */
export async function writeDemoHistory(
  database: Database,
  authorityId: number,
  seed: number,
  windowStart: string,
  asAt: string,
): Promise<HistorySummary> {
  const db = database.db;
  const history = inspectionHistory(seed, asAt);
  const inserted = await insertInspectionHistory(db, authorityId, history);
  // Social-worker allocations from the window's first month (the first monthly programme's population), read once.
  const allocations = await socialWorkerAllocations(db, authorityId, `${windowStart.slice(0, 8)}01`, asAt);
  const audits = await generateAudits(database, authorityId, seed, windowStart, asAt, allocations);
  const programmes = await generateAuditProgrammes(database, authorityId, seed, windowStart, asAt, allocations);
  const domains = await ensurePracticeDomains(db, authorityId);
  const latest = history.find((a) => a.tag === 'ilacs-2024');
  const plan = await insertImprovementPlan(
    db,
    authorityId,
    seed,
    latest?.reportReceivedOn ?? null,
    asAt,
    inserted.recommendationIds.get('ilacs-2024') ?? [],
    domains,
  );
  return {
    inspections: history.length,
    recommendations: history.reduce((n, a) => n + a.recommendations.length, 0),
    audits,
    programmes,
    plan,
  };
}
