/**
 * The demo authority's practice domains and its case-audit history.
 *
 * Eight practice domains; 20–40 audits a month of real demo children over the history window, each submitted by a
 * named (fictional) auditor, for the team of the child's social-worker allocation that day, grading every domain.
 * About two in five audits are of children in care (three in ten are drawn from them, and children in care are
 * among the rest).
 *
 * The shape follows Barnet's audits, mapped onto the window: the improvement runs over the window's first two years
 * and then holds steady.
 * - Children-in-care audits, overall grade: 40% inadequate at the start to 8% inadequate and 80% requires
 *   improvement after two years (Barnet: October 2017 to June 2018).
 * - Quality of assessment, every audit: graded good in 12% at the start and 47% after two years.
 * - Other audits (children in need, on plans): 30% inadequate to 6%, good or better 20% to 44%.
 * Each other domain is the audit's overall grade, one step better (15%) or worse (15%) some of the time.
 * A quarter of audits are moderated: every domain gets an agreed grade, which differs from the auditor's in about 15%
 * of domains (two in three of those a step lower: auditors are generous).
 *
 * Each audit's text (overall narrative, reflections, feedback, a narrative for each domain graded requires improvement
 * or inadequate) comes from audit-text.ts templates by grade, drawn from a stream of its own (HISTORY_STREAM.auditText)
 * so that the grades are drawn exactly as before. The programmes, framework versions, actions and events around these
 * audits are audit-programmes.ts's.
 *
 * Deterministic from the seed and the rows already loaded (children and allocations are read back in id order).
 */
import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { rows } from '../db/query';
import type { caseAuditGrades, caseAudits } from '../db/schema/quality';
import { PRACTICE_DOMAINS } from '../domain/practice-domains';
import { ensurePracticeDomains } from '../features/quality/frameworks/practice-domains';
import { GRADES, type Grade } from '../domain/ofsted';
import {
  addMonthsToDayNumber,
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  isWorkingDayNumber,
  toDayNumber,
} from '../domain/working-days';
import { auditText, domainNarrative } from './audit-text';
import { HISTORY_STREAM } from './inspections';
import { Rng } from './random';

/** Fictional auditors: senior practitioners, team managers and the quality assurance team. */
export const AUDITORS = [
  'Helena Marchbank',
  'Oluwaseun Pryce',
  'Gwendolyn Achterberg',
  'Rafael Indergaard',
  'Samira Thistlewood',
  'Bartholomew Nkemelu',
  'Ines Caldecott',
  'Priyanka Hollowell',
  'Fergus Amankwah',
  'Lowri Castellano',
  'Desmond Featherstone',
  'Yasmin Oakenshaw',
] as const;

/** Months over which the improvement runs, from the first month of the window. */
export const IMPROVEMENT_MONTHS = 24;
export const CIC_SHARE = 0.3;
export const MODERATED_SHARE = 0.25;
export const MODERATION_CHANGE = 0.15;

type Weights = Record<Grade, number>;

function blend(from: Weights, to: Weights, t: number): Weights {
  const u = Math.max(0, Math.min(1, t));
  return {
    outstanding: from.outstanding + (to.outstanding - from.outstanding) * u,
    good: from.good + (to.good - from.good) * u,
    'requires-improvement':
      from['requires-improvement'] + (to['requires-improvement'] - from['requires-improvement']) * u,
    inadequate: from.inadequate + (to.inadequate - from.inadequate) * u,
  };
}

const CIC_FROM: Weights = { outstanding: 0, good: 0.1, 'requires-improvement': 0.5, inadequate: 0.4 };
const CIC_TO: Weights = { outstanding: 0, good: 0.12, 'requires-improvement': 0.8, inadequate: 0.08 };
const OTHER_FROM: Weights = { outstanding: 0.02, good: 0.18, 'requires-improvement': 0.5, inadequate: 0.3 };
const OTHER_TO: Weights = { outstanding: 0.04, good: 0.4, 'requires-improvement': 0.5, inadequate: 0.06 };
const ASSESSMENT_FROM: Weights = { outstanding: 0, good: 0.12, 'requires-improvement': 0.58, inadequate: 0.3 };
const ASSESSMENT_TO: Weights = { outstanding: 0, good: 0.47, 'requires-improvement': 0.45, inadequate: 0.08 };

/** The overall-grade weights for an audit `monthsIn` months after the window starts. */
export function overallWeights(inCare: boolean, monthsIn: number): Weights {
  return inCare
    ? blend(CIC_FROM, CIC_TO, monthsIn / IMPROVEMENT_MONTHS)
    : blend(OTHER_FROM, OTHER_TO, monthsIn / IMPROVEMENT_MONTHS);
}

/** The quality-of-assessment weights `monthsIn` months after the window starts. */
export function assessmentWeights(monthsIn: number): Weights {
  return blend(ASSESSMENT_FROM, ASSESSMENT_TO, monthsIn / IMPROVEMENT_MONTHS);
}

function step(grade: Grade, by: number): Grade {
  const i = Math.max(0, Math.min(GRADES.length - 1, GRADES.indexOf(grade) + by));
  return GRADES[i] as Grade;
}

interface Allocation {
  child: number;
  team: number;
  start: number;
  end: number;
}

export interface AuditSummary {
  domains: number;
  audits: number;
  grades: number;
}

/** A social-worker allocation in day numbers (days since 1970-01-01); `end` null while it is open. */
export interface SocialWorkerAllocation {
  id: number;
  child: number;
  team: number;
  worker: number | null;
  primary: boolean;
  start: number;
  end: number | null;
}

/** Social-worker allocations open at some time from `from` to `asAt` (YYYY-MM-DD), in id order. */
export async function socialWorkerAllocations(
  db: Db,
  authorityId: number,
  from: string,
  asAt: string,
): Promise<SocialWorkerAllocation[]> {
  return (
    await rows<{
      id: number | string;
      child_id: number | string;
      team_id: number | string;
      worker_id: number | string | null;
      p: boolean;
      s: number;
      e: number | null;
    }>(
      db,
      // Day numbers (days since 1970-01-01, as working-days.ts counts them) straight from the server: parsing
      // 100,000 date strings cost most of a second on the default borough.
      sql`select id, child_id, team_id, worker_id, is_primary as p, (start_date - date '1970-01-01') as s, (end_date - date '1970-01-01') as e from allocations
           where authority_id = ${authorityId} and role = 'social-worker' and start_date <= ${asAt}::date and (end_date is null or end_date >= ${from}::date)
           order by id`,
    )
  ).map((r) => ({
    id: Number(r.id),
    child: Number(r.child_id),
    team: Number(r.team_id),
    worker: r.worker_id === null ? null : Number(r.worker_id),
    primary: r.p,
    start: Number(r.s),
    end: r.e === null ? null : Number(r.e),
  }));
}

/**
 * Writes the audit history for `windowStart`…`asAt` (YYYY-MM-DD) of an authority whose children and allocations
 * are already loaded. `loaded`: the social-worker allocations when the caller has read them already (from
 * `windowStart` or earlier), so that they are read once.
 */
export async function generateAudits(
  database: Database,
  authorityId: number,
  seed: number,
  windowStart: string,
  asAt: string,
  loaded?: readonly SocialWorkerAllocation[],
): Promise<AuditSummary> {
  const db = database.db;
  const domains = await ensurePracticeDomains(db, authorityId);
  const A = toDayNumber(asAt);
  const W = toDayNumber(windowStart);
  const allocations = (loaded ?? (await socialWorkerAllocations(db, authorityId, windowStart, asAt)))
    .filter((a) => a.end === null || a.end >= W)
    .map((a): Allocation => ({ child: a.child, team: a.team, start: a.start, end: a.end ?? A }));
  const care = new Map<number, Array<[number, number]>>();
  for (const r of await rows<{ child_id: number | string; s: number; e: number | null }>(
    db,
    sql`select child_id, (start_date - date '1970-01-01') as s, (end_date - date '1970-01-01') as e from periods_of_care
         where authority_id = ${authorityId} and start_date <= ${asAt}::date and (end_date is null or end_date >= ${windowStart}::date)
         order by id`,
  )) {
    const child = Number(r.child_id);
    const list = care.get(child) ?? [];
    list.push([Number(r.s), r.e === null ? A : Number(r.e)]);
    care.set(child, list);
  }
  const inCareOn = (child: number, day: number): boolean =>
    (care.get(child) ?? []).some(([s, e]) => s <= day && e >= day);

  const rng = Rng.stream(seed, HISTORY_STREAM.audits);
  const auditRows: Array<Omit<typeof caseAudits.$inferInsert, 'id'>> = [];
  const gradeRows: Array<Array<Omit<typeof caseAuditGrades.$inferInsert, 'auditId'>>> = [];
  const domainIds = PRACTICE_DOMAINS.map((d) => domains.get(d.key) as number);

  let monthIndex = 0;
  for (
    let monthStart = firstOfMonth(W);
    monthStart <= A;
    monthStart = addMonthsToDayNumber(monthStart, 1), monthIndex++
  ) {
    const from = Math.max(monthStart, W);
    const to = Math.min(addMonthsToDayNumber(monthStart, 1) - 1, A);
    const workingDays: number[] = [];
    for (let d = from; d <= to; d++) if (isWorkingDayNumber(d)) workingDays.push(d);
    if (workingDays.length === 0) continue;
    const open = allocations.filter((a) => a.start <= to && a.end >= from);
    const openInCare = open.filter((a) => (care.get(a.child) ?? []).some(([s, e]) => s <= to && e >= from));
    if (open.length === 0) continue;
    // A part month (the window's first or asAt's) gets its share of the month's audits.
    const target = Math.round((rng.int(20, 40) * workingDays.length) / workingDaysIn(monthStart));
    const seen = new Set<number>();
    for (let n = 0; n < target; n++) {
      const day = rng.pick(workingDays);
      const wantCare = rng.chance(CIC_SHARE) && openInCare.length > 0;
      const pool = wantCare ? openInCare : open;
      let chosen: Allocation | null = null;
      for (let attempt = 0; attempt < 40 && chosen === null; attempt++) {
        const a = rng.pick(pool);
        if (a.start <= day && a.end >= day && !seen.has(a.child) && (!wantCare || inCareOn(a.child, day))) chosen = a;
      }
      if (chosen === null) continue;
      seen.add(chosen.child);
      const inCare = inCareOn(chosen.child, day);
      const overall = rng.weighted(overallWeights(inCare, monthIndex));
      const moderated = rng.chance(MODERATED_SHARE);
      const grades = PRACTICE_DOMAINS.map((d, i) => {
        let grade: Grade;
        if (d.key === 'quality-of-assessment') grade = rng.weighted(assessmentWeights(monthIndex));
        else {
          const u = rng.next();
          grade = u < 0.15 ? step(overall, -1) : u < 0.3 ? step(overall, 1) : overall;
        }
        return {
          domainId: domainIds[i] as number,
          grade,
          agreedGrade: moderated ? moderate(rng, grade) : null,
          narrative: '',
        };
      });
      auditRows.push({
        authorityId,
        childId: chosen.child,
        teamId: chosen.team,
        auditorUserId: null,
        auditorName: rng.pick(AUDITORS),
        status: moderated ? 'moderated' : 'submitted',
        submittedOn: fromDayNumber(day),
        overallGrade: overall,
        agreedOverallGrade: moderated ? moderate(rng, overall) : null,
      });
      gradeRows.push(grades);
    }
  }

  // What each audit says (audit-text.ts), from a stream of its own so that the grades above are drawn as before.
  const textRng = Rng.stream(seed, HISTORY_STREAM.auditText);
  const texts = auditRows.map((a, i) => {
    const text = auditText(textRng, a.overallGrade ?? 'requires-improvement');
    (gradeRows[i] ?? []).forEach((g, d) => {
      g.narrative = domainNarrative(textRng, (PRACTICE_DOMAINS[d] as (typeof PRACTICE_DOMAINS)[number]).key, g.grade);
    });
    return text;
  });

  // COPY with ids reserved from the tables' own sequences: a tenth of the time of INSERTs at this size (measured).
  const ids = (
    await rows<{ id: number | string }>(
      db,
      sql`select nextval(pg_get_serial_sequence('case_audits', 'id')) as id from generate_series(1, ${auditRows.length}::int) order by 1`,
    )
  ).map((r) => Number(r.id));
  await database.copyRows(
    'case_audits',
    [
      'id',
      'authority_id',
      'child_id',
      'team_id',
      'auditor_user_id',
      'auditor_name',
      'status',
      'submitted_on',
      'overall_grade',
      'agreed_overall_grade',
      'overall_narrative',
      'worker_reflection',
      'manager_reflection',
      'feedback_from',
      'family_feedback',
    ],
    auditRows.map((a, i) => {
      const t = texts[i];
      return [
        ids[i],
        a.authorityId,
        a.childId,
        a.teamId,
        a.auditorUserId,
        a.auditorName,
        a.status,
        a.submittedOn,
        a.overallGrade,
        a.agreedOverallGrade,
        t?.overallNarrative,
        t?.workerReflection,
        t?.managerReflection,
        t?.feedbackFrom,
        t?.familyFeedback,
      ];
    }),
  );
  const gradeValues = gradeRows.flatMap((list, i) =>
    list.map((g) => [ids[i], g.domainId, g.grade, g.agreedGrade, g.narrative]),
  );
  await database.copyRows(
    'case_audit_grades',
    ['audit_id', 'domain_id', 'grade', 'agreed_grade', 'narrative'],
    gradeValues,
  );
  await writeModerations(database, seed, asAt, auditRows, gradeRows, ids);
  const grades = gradeValues.length;
  return { domains: domains.size, audits: auditRows.length, grades };
}

/** Managers who moderate ("double lock") and the external partner who moderates a sample of those ("triple lock"). */
const MODERATORS = [
  'Robin Moderator (Practice Manager)',
  'Jordan Ellis (Head of Quality Assurance)',
  'Casey Morgan (Practice Manager)',
];
const EXTERNAL_MODERATORS = ['Partner Practice Review Team'];
const TRIPLE_LOCK_SHARE = 0.15;
const REASONS = [
  'The record does not evidence the analysis the auditor credited.',
  'Management oversight is recorded but does not direct the work.',
  'The child’s views are clear and shape the plan: the evidence supports a higher grade.',
  'The plan is not specific enough about what must change and by when.',
];

/**
 * Each moderated audit's moderation record: moderated 3 to 21 days after submission (never after asAt), its domain
 * grades the agreed grades already drawn, with a reason where they differ from the auditor's. A separate stream, so
 * that the audits themselves are drawn exactly as before.
 */
async function writeModerations(
  database: Database,
  seed: number,
  asAt: string,
  auditRows: ReadonlyArray<Omit<typeof caseAudits.$inferInsert, 'id'>>,
  gradeRows: ReadonlyArray<ReadonlyArray<Omit<typeof caseAuditGrades.$inferInsert, 'auditId'>>>,
  ids: readonly number[],
): Promise<void> {
  const rng = Rng.stream(seed, HISTORY_STREAM.moderation);
  const A = toDayNumber(asAt);
  const moderated = auditRows.map((a, i) => ({ a, i })).filter(({ a }) => a.status === 'moderated');
  if (moderated.length === 0) return;
  const db = database.db;
  const moderationIds = (
    await rows<{ id: number | string }>(
      db,
      sql`select nextval(pg_get_serial_sequence('case_audit_moderations', 'id')) as id from generate_series(1, ${moderated.length}::int) order by 1`,
    )
  ).map((r) => Number(r.id));
  const moderationRows: unknown[][] = [];
  const moderationGrades: unknown[][] = [];
  moderated.forEach(({ a, i }, k) => {
    const triple = rng.chance(TRIPLE_LOCK_SHARE);
    const on = Math.min(A, toDayNumber(a.submittedOn as string) + rng.int(3, 21));
    const overallChanged = a.agreedOverallGrade !== a.overallGrade;
    moderationRows.push([
      moderationIds[k],
      ids[i],
      triple ? 'triple-lock' : 'double-lock',
      null,
      rng.pick(triple ? EXTERNAL_MODERATORS : MODERATORS),
      fromDayNumber(on),
      a.agreedOverallGrade,
      overallChanged ? rng.pick(REASONS) : '',
    ]);
    for (const g of gradeRows[i] ?? []) {
      moderationGrades.push([
        moderationIds[k],
        g.domainId,
        g.agreedGrade ?? g.grade,
        g.agreedGrade && g.agreedGrade !== g.grade ? rng.pick(REASONS) : '',
      ]);
    }
  });
  await database.copyRows(
    'case_audit_moderations',
    [
      'id',
      'audit_id',
      'level',
      'moderator_user_id',
      'moderator_name',
      'moderated_on',
      'overall_grade',
      'overall_reason',
    ],
    moderationRows,
  );
  await database.copyRows(
    'case_audit_moderation_grades',
    ['moderation_id', 'domain_id', 'grade', 'reason'],
    moderationGrades,
  );
}

/** The moderator's grade: the auditor's, or one step away in MODERATION_CHANGE of domains (two in three lower). */
function moderate(rng: Rng, grade: Grade): Grade {
  if (!rng.chance(MODERATION_CHANGE)) return grade;
  const lower = rng.chance(2 / 3);
  if (lower && grade !== 'inadequate') return step(grade, 1);
  if (!lower && grade !== 'outstanding') return step(grade, -1);
  return step(grade, grade === 'inadequate' ? -1 : 1);
}

function firstOfMonth(day: number): number {
  const [y, m] = civilFromDays(day);
  return daysFromCivil(y, m, 1);
}

function workingDaysIn(monthStart: number): number {
  let n = 0;
  for (let d = monthStart; d < addMonthsToDayNumber(monthStart, 1); d++) if (isWorkingDayNumber(d)) n++;
  return n;
}
