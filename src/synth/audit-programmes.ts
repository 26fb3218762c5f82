/**
 * The demo authority's quality assurance programme around its audit history (audits.ts): the "Practice standards
 * audit" framework, the programmes the audits answered, their selected cases, the actions audits set, partners'
 * contributions to multi-agency audits and each audit's own history of events.
 *
 * - Framework: version 1 published on the window's first day, version 2 about 18 months before `asAt` (the next
 *   working day on or after it; version 1 then retired). Each audit is graded against the version in force on the day
 *   it was submitted.
 * - Programmes: one monthly programme per month ("Monthly audit: March 2025", 1st to the last working day), closed
 *   except `asAt`'s month, which is open with 12 further cases drawn for real (simpleSample over the children open to a
 *   social worker on the 1st, the selection record beside it) and not yet allocated (allocateDemoAudits does that once
 *   the demo users exist). Two thematic programmes (neglect at a quarter of the way through the window, exploitation
 *   at half way) and one multi-agency programme (domestic abuse, at four fifths, partners police, health and
 *   education): each takes the first 10–15 existing audits of children matching its theme from its start (within six
 *   months), which then leave their monthly programme; its selection record is a filter (the theme) that every one of
 *   them matched. Every audit of the history answers exactly one programme.
 * - Actions: an audit with a domain that counts (agreed else auditor's grade) as requires improvement or inadequate
 *   sets 1–3 actions on those domains, owned by the child's social worker that day (else the team's manager), due 20
 *   working days after submission. Of those due more than a month before `asAt`, 75% are completed at the window's
 *   start rising to 87% after two years (about 85% in all), most on time; 90% of what is still open six months after
 *   it fell due is then completed late (the QA team chases), so the overdue list is mostly recent.
 * - Events: created (0–10 days before submission, not before the programme started), submitted and, when moderated,
 *   moderated, by the auditor's or moderator's name.
 *
 * Nothing changes the audits' children, days or grades: everything here is drawn from a stream of its own
 * (HISTORY_STREAM.programmes) and written next to them, so the improvement story of audits.ts stands. Deterministic
 * from the seed and the rows already loaded (read back in id order).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client';
import { rows } from '../db/query';
import { users } from '../db/schema/organisation';
import {
  auditProgrammeCases,
  caseAuditEvents,
  caseAuditGrades,
  caseAudits,
  type PartnerAgency,
  type ProgrammeKind,
  type ProgrammeSelection,
} from '../db/schema/quality';
import { allocate } from '../domain/allocation';
import { mix32 } from '../domain/mix32';
import { GRADES, type Grade } from '../domain/ofsted';
import { simpleSample } from '../domain/sampling';
import {
  addMonthsToDayNumber,
  addWorkingDaysToDayNumber,
  civilFromDays,
  daysFromCivil,
  fromDayNumber,
  isWorkingDayNumber,
  toDayNumber,
} from '../domain/working-days';
import { PRACTICE_STANDARDS } from '../features/quality/frameworks/default-framework';
import { installFramework } from '../features/quality/frameworks/version';
import { ACTIONS, COMPLETION_NOTES, CONTRIBUTORS, contributionNarrative } from './audit-text';
import { PRACTICE_DOMAINS, type PracticeDomainKey } from '../domain/practice-domains';
import { socialWorkerAllocations, type SocialWorkerAllocation } from './audits';
import { HISTORY_STREAM } from './inspections';
import { Rng } from './random';

/** The fictional head of quality assurance who publishes the framework and sets up the programmes. */
export const QA_LEAD = 'Jordan Ellis (Head of Quality Assurance)';
/** Cases drawn for the current month's open programme beyond the audits already submitted in it. */
export const OPEN_CASES = 12;
/** Working days from submission to an action's due day. */
export const ACTION_DUE_WORKING_DAYS = 20;
export const COMPLETED_FROM = 0.75;
export const COMPLETED_TO = 0.87;
export const ON_TIME_FROM = 0.6;
export const ON_TIME_TO = 0.9;
/** Of the actions still open six months after they fell due, the share then completed (late). */
export const CHASED = 0.9;

export interface ThemeSpec {
  key: 'neglect' | 'exploitation' | 'domestic-abuse';
  kind: ProgrammeKind;
  title: string;
  theme: string;
  /** The filter the selection record names (what made a child eligible). */
  filter: string;
  /** Where in the window the programme starts (fraction of its months). */
  at: number;
  partners: PartnerAgency[];
}

export const THEMES: readonly ThemeSpec[] = [
  {
    key: 'neglect',
    kind: 'thematic',
    title: 'Neglect: thematic audit',
    theme: 'Neglect',
    filter: 'neglect',
    at: 0.25,
    partners: [],
  },
  {
    key: 'exploitation',
    kind: 'thematic',
    title: 'Exploitation: thematic audit',
    theme: 'Exploitation and going missing',
    filter: 'exploitation',
    at: 0.5,
    partners: [],
  },
  {
    key: 'domestic-abuse',
    kind: 'multi-agency',
    title: 'Multi-agency audit: domestic abuse',
    theme: 'Domestic abuse',
    filter: 'domestic-abuse',
    at: 0.8,
    partners: ['police', 'health', 'education'],
  },
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface ProgrammeSummary {
  frameworkVersions: number;
  programmes: number;
  cases: number;
  actions: number;
  contributions: number;
  events: number;
}

type Id = number | string;

interface AuditRow {
  id: number;
  child: number;
  team: number | null;
  serviceArea: string | null;
  auditor: string;
  day: number;
  grade: Grade;
  workerName: string | null;
  managerName: string | null;
  themes: Set<ThemeSpec['key']>;
}

interface Programme {
  id: number;
  kind: ProgrammeKind;
  title: string;
  theme: string;
  start: number;
  due: number;
  status: 'open' | 'closed';
  partners: PartnerAgency[];
  selection: ProgrammeSelection;
  audits: AuditRow[];
  /** Cases drawn but not yet audited (the open programme only). */
  pending: Array<{ child: number; team: number | null; serviceArea: string | null }>;
}

function firstOfMonth(day: number): number {
  const [y, m] = civilFromDays(day);
  return daysFromCivil(y, m, 1);
}

function lastWorkingDay(from: number, to: number): number {
  for (let d = to; d > from; d--) if (isWorkingDayNumber(d)) return d;
  return from;
}

function monthTitle(day: number): string {
  const [y, m] = civilFromDays(day);
  return `${MONTHS[m - 1]} ${y}`;
}

function step(grade: Grade, by: number): Grade {
  return GRADES[Math.max(0, Math.min(GRADES.length - 1, GRADES.indexOf(grade) + by))] as Grade;
}

function at(day: number, minutes: number): Date {
  return new Date(day * 86_400_000 + minutes * 60_000);
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function reserveIds(db: Db, table: string, n: number): Promise<number[]> {
  if (n === 0) return [];
  return (
    await rows<{ id: Id }>(
      db,
      sql`select nextval(pg_get_serial_sequence(${table}, 'id')) as id from generate_series(1, ${n}::int) order by 1`,
    )
  ).map((r) => Number(r.id));
}

/** The day version 2 is published: 18 months before asAt (the next working day), inside the window. */
export function secondVersionDay(windowStart: string, asAt: string): string {
  const W = toDayNumber(windowStart);
  const A = toDayNumber(asAt);
  let d = Math.min(A, Math.max(W + 1, addMonthsToDayNumber(A, -18)));
  while (!isWorkingDayNumber(d) && d < A) d++;
  return fromDayNumber(d);
}

/**
 * Writes the framework, programmes, cases, actions, contributions and events for the audits audits.ts wrote for
 * `windowStart`…`asAt`, and links each audit to its framework version and programme.
 */
export async function generateAuditProgrammes(
  database: Database,
  authorityId: number,
  seed: number,
  windowStart: string,
  asAt: string,
  loaded?: readonly SocialWorkerAllocation[],
): Promise<ProgrammeSummary> {
  const db = database.db;
  const W = toDayNumber(windowStart);
  const A = toDayNumber(asAt);
  const v2Day = toDayNumber(secondVersionDay(windowStart, asAt));
  const [v1, v2] = await installFramework(db, authorityId, PRACTICE_STANDARDS, [
    { publishedOn: windowStart, publishedBy: QA_LEAD },
    { publishedOn: fromDayNumber(v2Day), publishedBy: QA_LEAD },
  ]);
  if (v1 === undefined || v2 === undefined) throw new Error('The practice standards framework needs two versions');
  const versionOn = (day: number): number => (day >= v2Day ? v2 : v1);

  const audits: AuditRow[] = (
    await rows<{
      id: Id;
      child_id: Id;
      team_id: Id | null;
      service_area: string | null;
      auditor_name: string;
      d: Id;
      grade: Grade;
      neglect: boolean;
      exploitation: boolean;
      domestic_abuse: boolean;
    }>(
      db,
      sql`select a.id, a.child_id, a.team_id, t.service_area, a.auditor_name, (a.submitted_on - date '1970-01-01') as d,
                 coalesce(a.agreed_overall_grade, a.overall_grade) as grade,
                 (exists (select 1 from cp_plans p where p.child_id = a.child_id and p.latest_category = 'NEG'
                           and p.start_date <= a.submitted_on and (p.end_date is null or p.end_date >= a.submitted_on))
                  or exists (select 1 from assessments s where s.child_id = a.child_id and s.start_date <= a.submitted_on
                           and s.start_date > a.submitted_on - 365 and s.factors && array['16A']::text[])) as neglect,
                 (exists (select 1 from missing_episodes m where m.child_id = a.child_id and m.kind = 'M'
                           and m.start_at < a.submitted_on::timestamp and m.start_at >= (a.submitted_on - 91)::timestamp)
                  or exists (select 1 from assessments s where s.child_id = a.child_id and s.start_date <= a.submitted_on
                           and s.start_date > a.submitted_on - 365 and s.factors && array['10A', '11A', '12A', '13A', '24A']::text[])) as exploitation,
                 exists (select 1 from assessments s where s.child_id = a.child_id and s.start_date <= a.submitted_on
                           and s.start_date > a.submitted_on - 365 and s.factors && array['3A', '3B', '3C']::text[]) as domestic_abuse
            from case_audits a left join teams t on t.id = a.team_id
           where a.authority_id = ${authorityId} and a.submitted_on is not null and a.programme_id is null
           order by a.id`,
    )
  ).map((r) => {
    const themes = new Set<ThemeSpec['key']>();
    if (r.neglect) themes.add('neglect');
    if (r.exploitation) themes.add('exploitation');
    if (r.domestic_abuse) themes.add('domestic-abuse');
    return {
      id: Number(r.id),
      child: Number(r.child_id),
      team: r.team_id === null ? null : Number(r.team_id),
      serviceArea: r.service_area,
      auditor: r.auditor_name,
      day: Number(r.d),
      grade: r.grade,
      workerName: null,
      managerName: null,
      themes,
    };
  });

  // Children open to a social worker on the 1st of each month (the monthly programmes' populations), as
  // programmes/selection.ts openChildren counts them; for the current month, each child's team that day too.
  const monthStarts: number[] = [];
  for (let m = firstOfMonth(W); m <= A; m = addMonthsToDayNumber(m, 1)) monthStarts.push(m);
  const current = monthStarts[monthStarts.length - 1] as number;
  const teamArea = new Map(
    (
      await rows<{ id: Id; service_area: string }>(
        db,
        sql`select id, service_area from teams where authority_id = ${authorityId}`,
      )
    ).map((t) => [Number(t.id), t.service_area]),
  );
  const populations = monthStarts.map(() => new Set<number>());
  const openNow = new Map<number, { team: number; rank: [number, number, number] }>();
  const died = new Map(
    (
      await rows<{ id: Id; dod: Id }>(
        db,
        sql`select id, (date_of_death - date '1970-01-01') as dod from children where authority_id = ${authorityId} and date_of_death is not null`,
      )
    ).map((r) => [Number(r.id), Number(r.dod)]),
  );
  // Each child's social-worker allocations (for the worker who owns an audit's actions).
  const byChild = new Map<number, Array<{ team: number; worker: number | null; s: number; e: number }>>();
  const firstDay = monthStarts[0] as number;
  const allocations = loaded ?? (await socialWorkerAllocations(db, authorityId, fromDayNumber(firstDay), asAt));
  for (const r of allocations) {
    if (r.end !== null && r.end < firstDay) continue;
    const child = r.child;
    const s = r.start;
    const e = r.end ?? Number.POSITIVE_INFINITY;
    const alive = died.get(child) ?? Number.POSITIVE_INFINITY;
    const list = byChild.get(child) ?? [];
    list.push({ team: r.team, worker: r.worker, s, e });
    byChild.set(child, list);
    for (let i = 0; i < monthStarts.length; i++) {
      const m = monthStarts[i] as number;
      if (m > e) break;
      if (s <= m && alive >= m) populations[i]?.add(child);
    }
    if (s <= current && e >= current && alive >= current) {
      const rank: [number, number, number] = [r.primary ? 1 : 0, s, r.id];
      const held = openNow.get(child);
      const better =
        !held ||
        rank[0] > held.rank[0] ||
        (rank[0] === held.rank[0] && (rank[1] > held.rank[1] || (rank[1] === held.rank[1] && rank[2] > held.rank[2])));
      if (better) openNow.set(child, { team: r.team, rank });
    }
  }
  // Who owns an audit's actions: the child's social worker that day (the latest allocation to the audit's team), else
  // the team's manager then (the first by id).
  const workers = await rows<{ id: Id; name: string; team_id: Id | null; role: string; s: Id; e: Id | null }>(
    db,
    sql`select id, name, team_id, role, (start_date - date '1970-01-01') as s, (end_date - date '1970-01-01') as e from workers where authority_id = ${authorityId} order by id`,
  );
  const workerName = new Map(workers.map((w) => [Number(w.id), w.name]));
  const managers = workers.filter((w) => w.role === 'team-manager');
  for (const a of audits) {
    const held = (byChild.get(a.child) ?? []).filter((l) => l.team === a.team && l.s <= a.day && l.e >= a.day);
    const latest = held.reduce<(typeof held)[number] | null>(
      (best, l) => (best === null || l.s >= best.s ? l : best),
      null,
    );
    a.workerName = latest?.worker != null ? (workerName.get(latest.worker) ?? null) : null;
    a.managerName =
      managers.find(
        (w) =>
          w.team_id !== null &&
          Number(w.team_id) === a.team &&
          Number(w.s) <= a.day &&
          (w.e === null || Number(w.e) >= a.day),
      )?.name ?? null;
  }

  const rng = Rng.stream(seed, HISTORY_STREAM.programmes);
  const programmes: Programme[] = [];
  const taken = new Set<number>();
  const monthIndexOf = (day: number): number => {
    let i = monthStarts.length - 1;
    while (i > 0 && (monthStarts[i] as number) > day) i--;
    return i;
  };

  // Thematic and multi-agency programmes: every child matching the theme audited from the programme's start, in the
  // order audited, until it has its 10–15 cases (within six months), each child once.
  THEMES.forEach((spec, k) => {
    const first = Math.min(Math.floor(spec.at * monthStarts.length), monthStarts.length - 7);
    if (first < 0) return;
    const start = monthStarts[first] as number;
    const limit = addMonthsToDayNumber(start, 6) - 1;
    const size = rng.int(10, 15);
    const children = new Set<number>();
    const chosen: AuditRow[] = [];
    const matching = audits
      .filter((a) => a.day >= start && a.day <= limit && a.themes.has(spec.key) && !taken.has(a.id))
      .sort((a, b) => a.day - b.day || a.id - b.id);
    for (const a of matching) {
      if (chosen.length >= size) break;
      if (children.has(a.child)) continue;
      children.add(a.child);
      chosen.push(a);
    }
    if (chosen.length === 0) return;
    for (const a of chosen) taken.add(a.id);
    const lastDay = (chosen[chosen.length - 1] as AuditRow).day;
    const due = lastWorkingDay(start, addMonthsToDayNumber(firstOfMonth(lastDay), 1) - 1);
    programmes.push({
      id: 0,
      kind: spec.kind,
      title: spec.title,
      theme: spec.theme,
      start,
      due,
      status: 'closed',
      partners: spec.partners,
      selection: {
        method: 'filter',
        asAt: fromDayNumber(start),
        seed: mix32(seed, HISTORY_STREAM.programmes, k + 1),
        size: null,
        scope: { kind: 'authority' },
        strata: null,
        filter: spec.filter,
        population: chosen.length,
      },
      audits: chosen.sort((a, b) => a.id - b.id),
      pending: [],
    });
  });

  // Monthly programmes: the month's other audits; the current month's is open, with cases still to audit.
  const byMonth = monthStarts.map((): AuditRow[] => []);
  for (const a of audits) if (!taken.has(a.id)) byMonth[monthIndexOf(a.day)]?.push(a);
  monthStarts.forEach((start, i) => {
    const list = byMonth[i] ?? [];
    const isCurrent = start === current;
    if (list.length === 0 && !isCurrent) return;
    const selectionSeed = mix32(seed, HISTORY_STREAM.programmes, 1000 + i);
    let pending: Programme['pending'] = [];
    if (isCurrent) {
      const inProgramme = new Set(list.map((a) => a.child));
      const population = [...openNow.entries()]
        .filter(([child]) => !inProgramme.has(child))
        .map(([child, o]) => ({ key: String(child), child, team: o.team, serviceArea: teamArea.get(o.team) ?? null }));
      pending = simpleSample(population, OPEN_CASES, selectionSeed)
        .map(({ child, team, serviceArea }) => ({ child, team, serviceArea }))
        .sort((a, b) => a.child - b.child);
    }
    programmes.push({
      id: 0,
      kind: 'monthly',
      title: `Monthly audit: ${monthTitle(start)}`,
      theme: '',
      start,
      due: lastWorkingDay(start, addMonthsToDayNumber(start, 1) - 1),
      status: isCurrent ? 'open' : 'closed',
      partners: [],
      selection: {
        method: 'random',
        asAt: fromDayNumber(start),
        seed: selectionSeed,
        size: list.length + pending.length,
        scope: { kind: 'authority' },
        strata: null,
        filter: null,
        population: populations[i]?.size ?? 0,
      },
      audits: list,
      pending,
    });
  });
  programmes.sort((a, b) => a.start - b.start || (a.kind === 'monthly' ? 0 : 1) - (b.kind === 'monthly' ? 0 : 1));

  const programmeIds = await reserveIds(db, 'audit_programmes', programmes.length);
  programmes.forEach((p, i) => {
    p.id = programmeIds[i] as number;
  });
  await database.copyRows(
    'audit_programmes',
    [
      'id',
      'authority_id',
      'kind',
      'title',
      'theme',
      'framework_version_id',
      'starts_on',
      'due_on',
      'status',
      'partner_agencies',
      'selection',
      'created_by',
      'created_at',
    ],
    programmes.map((p) => [
      p.id,
      authorityId,
      p.kind,
      p.title,
      p.theme,
      versionOn(p.start),
      fromDayNumber(p.start),
      fromDayNumber(p.due),
      p.status,
      JSON.stringify(p.partners),
      JSON.stringify(p.selection),
      QA_LEAD,
      at(p.start - 7, 10 * 60),
    ]),
  );

  // Counted grades by audit (for actions) and moderations (for events).
  const weak = new Map<number, Array<{ domainId: number; key: PracticeDomainKey; grade: Grade }>>();
  const keys = new Map(
    (
      await rows<{ id: Id; key: string }>(
        db,
        sql`select id, key from practice_domains where authority_id = ${authorityId}`,
      )
    ).map((d) => [Number(d.id), d.key as PracticeDomainKey]),
  );
  const domainOrder = new Map(PRACTICE_DOMAINS.map((d, i) => [d.key, i]));
  const auditIds = new Set(audits.map((a) => a.id));
  const lowest = audits.reduce((n, a) => Math.min(n, a.id), Number.POSITIVE_INFINITY);
  const highest = audits.reduce((n, a) => Math.max(n, a.id), 0);
  if (audits.length > 0) {
    for (const g of await rows<{ audit_id: Id; domain_id: Id; grade: Grade }>(
      db,
      sql`select audit_id, domain_id, coalesce(agreed_grade, grade) as grade from case_audit_grades
           where audit_id between ${lowest} and ${highest} and coalesce(agreed_grade, grade) in ('requires-improvement', 'inadequate')`,
    )) {
      const auditId = Number(g.audit_id);
      const key = keys.get(Number(g.domain_id));
      if (!auditIds.has(auditId) || key === undefined) continue;
      const list = weak.get(auditId) ?? [];
      list.push({ domainId: Number(g.domain_id), key, grade: g.grade });
      weak.set(auditId, list);
    }
  }
  // In the framework's domain order, whatever order the rows came in.
  for (const list of weak.values())
    list.sort((x, y) => (domainOrder.get(x.key) ?? 99) - (domainOrder.get(y.key) ?? 99) || x.domainId - y.domainId);
  // Moderations, with the domains each changed from the auditor's grade (the history line's "2 domain grades changed").
  interface ModerationEvent {
    id: number;
    name: string;
    level: string;
    day: number;
    overall: { from: Grade; to: Grade } | null;
    changed: unknown[];
  }
  const moderations = new Map<number, ModerationEvent[]>();
  const byModeration = new Map<number, ModerationEvent>();
  for (const m of await rows<{
    id: Id;
    audit_id: Id;
    moderator_name: string;
    level: string;
    d: Id;
    from: Grade;
    to: Grade | null;
  }>(
    db,
    sql`select mo.id, mo.audit_id, mo.moderator_name, mo.level, (mo.moderated_on - date '1970-01-01') as d, a.overall_grade as from, mo.overall_grade as to
          from case_audit_moderations mo join case_audits a on a.id = mo.audit_id
         where a.authority_id = ${authorityId} and a.programme_id is null order by mo.audit_id, mo.id`,
  )) {
    const event: ModerationEvent = {
      id: Number(m.id),
      name: m.moderator_name,
      level: m.level,
      day: Number(m.d),
      overall: m.to !== null && m.to !== m.from ? { from: m.from, to: m.to } : null,
      changed: [],
    };
    const list = moderations.get(Number(m.audit_id)) ?? [];
    list.push(event);
    moderations.set(Number(m.audit_id), list);
    byModeration.set(event.id, event);
  }
  if (byModeration.size > 0) {
    for (const c of await rows<{ moderation_id: Id; domain_id: Id; title: string; from: Grade; to: Grade }>(
      db,
      sql`select mg.moderation_id, mg.domain_id, d.title, g.grade as from, mg.grade as to
            from case_audit_moderation_grades mg join case_audit_moderations mo on mo.id = mg.moderation_id
            join case_audits a on a.id = mo.audit_id
            join case_audit_grades g on g.audit_id = mo.audit_id and g.domain_id = mg.domain_id
            join practice_domains d on d.id = mg.domain_id
           where a.authority_id = ${authorityId} and a.programme_id is null and mg.grade <> g.grade
           order by mg.moderation_id, d.sort_order, d.id`,
    )) {
      byModeration.get(Number(c.moderation_id))?.changed.push({
        domainId: Number(c.domain_id),
        domain: c.title,
        from: c.from,
        to: c.to,
        previouslyAgreed: null,
      });
    }
  }

  const caseCount = programmes.reduce((n, p) => n + p.audits.length + p.pending.length, 0);
  const caseIds = await reserveIds(db, 'audit_programme_cases', caseCount);
  const caseRows: unknown[][] = [];
  const links: Array<{ id: number; fv: number; p: number; pc: number; u: string }> = [];
  const actionRows: unknown[][] = [];
  const contributionRows: unknown[][] = [];
  const eventRows: unknown[][] = [];
  const aMonthBefore = addMonthsToDayNumber(A, -1);
  const sixMonthsBefore = addMonthsToDayNumber(A, -6);
  let nextCase = 0;
  for (const p of programmes) {
    const auditsInOrder = [...p.audits].sort((a, b) => a.id - b.id);
    for (const a of auditsInOrder) {
      const caseId = caseIds[nextCase++] as number;
      const created = Math.max(p.start, a.day - rng.int(0, 10));
      const allocated = Math.max(p.start, created - rng.int(0, 3));
      caseRows.push([caseId, p.id, a.child, a.team, a.serviceArea, '', null, fromDayNumber(allocated), a.id]);
      const fv = versionOn(a.day);
      const createdAt = at(created, 9 * 60 + rng.int(0, 240));
      const submittedAt = at(a.day, 13 * 60 + rng.int(0, 240));
      // The same events, with the same details, as the audit pages write (src/features/quality/audits/service.ts).
      eventRows.push([a.id, createdAt, null, a.auditor, 'created', JSON.stringify({ programmeId: p.id, caseId })]);
      eventRows.push([
        a.id,
        submittedAt,
        null,
        a.auditor,
        'submitted',
        JSON.stringify({ submittedOn: fromDayNumber(a.day) }),
      ]);
      let updated = submittedAt;
      for (const m of moderations.get(a.id) ?? []) {
        const when = at(m.day, 10 * 60 + rng.int(0, 360));
        eventRows.push([
          a.id,
          when,
          null,
          m.name,
          'moderated',
          JSON.stringify({ moderationId: m.id, level: m.level, domainsChanged: m.changed, overall: m.overall }),
        ]);
        if (when > updated) updated = when;
      }
      links.push({ id: a.id, fv, p: p.id, pc: caseId, u: updated.toISOString() });

      // Partners' parts of a multi-agency audit: between starting and submitting it.
      if (p.kind === 'multi-agency') {
        const agencies = shuffled(
          rng,
          p.partners.filter((x): x is keyof typeof CONTRIBUTORS => x in CONTRIBUTORS),
        ).slice(0, rng.int(1, 3));
        for (const agency of agencies) {
          const u = rng.next();
          const grade = rng.chance(0.8) ? step(a.grade, u < 0.2 ? -1 : u < 0.4 ? 1 : 0) : null;
          contributionRows.push([
            a.id,
            agency,
            rng.pick(CONTRIBUTORS[agency].names),
            CONTRIBUTORS[agency].role,
            contributionNarrative(rng, agency, a.grade),
            grade,
            fromDayNumber(created + rng.int(0, a.day - created)),
            a.auditor,
          ]);
        }
      }

      // Actions on the weak domains, inadequate first.
      const domains = weak.get(a.id) ?? [];
      if (domains.length > 0) {
        const order = shuffled(rng, domains).sort((x, y) =>
          x.grade === y.grade ? 0 : x.grade === 'inadequate' ? -1 : 1,
        );
        const count = Math.min(order.length, rng.int(1, 3));
        const u = Math.max(0, Math.min(1, (a.day - W) / 730.5));
        const due = addWorkingDaysToDayNumber(a.day, ACTION_DUE_WORKING_DAYS);
        for (const d of order.slice(0, count)) {
          const owner =
            (rng.chance(0.7) ? (a.workerName ?? a.managerName) : (a.managerName ?? a.workerName)) ?? 'Team manager';
          let completed: number | null = null;
          if (due < aMonthBefore) {
            if (rng.chance(COMPLETED_FROM + (COMPLETED_TO - COMPLETED_FROM) * u)) {
              completed = rng.chance(ON_TIME_FROM + (ON_TIME_TO - ON_TIME_FROM) * u)
                ? Math.max(a.day + 1, due - rng.int(0, 12))
                : Math.min(A, due + rng.int(1, 40));
            }
            // The QA team chases what is left: most actions still open six months after they fell due are then done,
            // late, so the overdue list is mostly recent work rather than years of history.
            if (completed === null && due < sixMonthsBefore && rng.chance(CHASED))
              completed = Math.min(A, due + rng.int(41, 150));
          } else if (rng.chance(0.3)) {
            const early = a.day + rng.int(1, Math.max(1, due - a.day));
            if (early <= A) completed = early;
          }
          actionRows.push([
            a.id,
            d.domainId,
            rng.pick(ACTIONS[d.key]),
            owner,
            null,
            fromDayNumber(due),
            completed === null ? 'open' : 'complete',
            completed === null ? null : fromDayNumber(completed),
            completed === null ? '' : rng.pick(completed > due ? COMPLETION_NOTES.late : COMPLETION_NOTES.onTime),
            at(a.day, 16 * 60),
          ]);
        }
      }
    }
    for (const c of p.pending)
      caseRows.push([caseIds[nextCase++], p.id, c.child, c.team, c.serviceArea, '', null, null, null]);
  }

  await database.copyRows(
    'audit_programme_cases',
    [
      'id',
      'programme_id',
      'child_id',
      'team_id',
      'service_area',
      'stratum',
      'auditor_user_id',
      'allocated_on',
      'audit_id',
    ],
    caseRows,
  );
  if (actionRows.length > 0) {
    await database.copyRows(
      'case_audit_actions',
      [
        'audit_id',
        'domain_id',
        'description',
        'owner_name',
        'owner_user_id',
        'due_on',
        'status',
        'completed_on',
        'completion_note',
        'created_at',
      ],
      actionRows,
    );
  }
  if (contributionRows.length > 0) {
    await database.copyRows(
      'case_audit_contributions',
      [
        'audit_id',
        'agency',
        'contributor_name',
        'contributor_role',
        'narrative',
        'grade',
        'contributed_on',
        'recorded_by',
      ],
      contributionRows,
    );
  }
  await database.copyRows(
    'case_audit_events',
    ['audit_id', 'at', 'user_id', 'user_name', 'event', 'detail'],
    eventRows,
  );
  if (links.length > 0) {
    await db.execute(
      sql`update case_audits a set framework_version_id = v.fv, programme_id = v.p, programme_case_id = v.pc, updated_at = v.u
            from jsonb_to_recordset(${JSON.stringify(links)}::jsonb) as v(id bigint, fv bigint, p bigint, pc bigint, u timestamptz)
           where a.id = v.id`,
    );
  }
  return {
    frameworkVersions: 2,
    programmes: programmes.length,
    cases: caseRows.length,
    actions: actionRows.length,
    contributions: contributionRows.length,
    events: eventRows.length,
  };
}

export interface DemoAllocation {
  programmeId: number;
  allocated: number;
  drafts: number;
}

/** Cases of the open programme allocated to the demo's auditors, and drafts started among them. */
export const DEMO_ALLOCATED = 6;
export const DEMO_DRAFTS = 2;
/** The demo users who may conduct audits (src/domain/roles.ts audit:conduct, src/app/demo/service.ts). */
export const DEMO_AUDITORS = ['qa-auditor', 'team-manager'] as const;

/**
 * Gives the demo's auditors work once they exist (called after ensureDemoUsers): six cases of the open monthly
 * programme allocated between the QA auditor (no team) and the team manager (never a child of their own team:
 * src/domain/allocation.ts), the rest left for the QA lead to allocate, and one draft started by each with some
 * domains graded. Does nothing when the open programme already has an allocated case, so it runs once.
 */
export async function allocateDemoAudits(db: Db, authorityId: number): Promise<DemoAllocation | null> {
  const [programme] = await rows<{ id: Id; framework_version_id: Id; starts_on: string }>(
    db,
    sql`select id, framework_version_id, starts_on::text as starts_on from audit_programmes
         where authority_id = ${authorityId} and kind = 'monthly' and status = 'open' order by starts_on desc, id desc limit 1`,
  );
  if (!programme) return null;
  const programmeId = Number(programme.id);
  const already = await rows<{ n: Id }>(
    db,
    sql`select count(*) as n from audit_programme_cases where programme_id = ${programmeId} and auditor_user_id is not null`,
  );
  if (Number(already[0]?.n ?? 0) > 0) return null;
  const auditors = await db
    .select({ id: users.id, username: users.username, name: users.displayName, teamId: users.teamId })
    .from(users)
    .where(and(eq(users.authorityId, authorityId), inArray(users.username, [...DEMO_AUDITORS]), eq(users.active, true)))
    .orderBy(users.id);
  if (auditors.length === 0) return null;
  const open = await rows<{ id: Id; child_id: Id; team_id: Id | null }>(
    db,
    sql`select id, child_id, team_id from audit_programme_cases where programme_id = ${programmeId} and audit_id is null and auditor_user_id is null order by id`,
  );
  const cases = open.map((c) => ({
    caseId: Number(c.id),
    childId: Number(c.child_id),
    teamId: c.team_id === null ? null : Number(c.team_id),
  }));
  // Six cases that someone independent may take, shared by load (least loaded first, ties by user id).
  const result = allocate(
    cases.map(({ caseId, teamId }) => ({ caseId, teamId })),
    auditors.map((u) => ({ userId: u.id, teamId: u.teamId, load: 0 })),
  );
  // Taken in turn from each auditor's share, so that every auditor has work whichever teams the first cases are in.
  const shares = auditors.map((u) => result.allocations.filter((a) => a.userId === u.id));
  const chosen: typeof result.allocations = [];
  for (let i = 0; chosen.length < DEMO_ALLOCATED && shares.some((share) => i < share.length); i++)
    for (const share of shares) {
      const next = share[i];
      if (next && chosen.length < DEMO_ALLOCATED) chosen.push(next);
    }
  const start = toDayNumber(programme.starts_on);
  const allocatedOn = fromDayNumber(addWorkingDaysToDayNumber(start, isWorkingDayNumber(start) ? 1 : 2));
  const domains = await rows<{ id: Id; key: string }>(
    db,
    sql`select id, key from practice_domains where authority_id = ${authorityId} order by sort_order, id`,
  );
  const rng = Rng.stream(mix32(authorityId, programmeId), HISTORY_STREAM.programmes);
  let drafts = 0;
  await db.transaction(async (tx) => {
    for (const a of chosen) {
      await tx
        .update(auditProgrammeCases)
        .set({ auditorUserId: a.userId, allocatedOn })
        .where(eq(auditProgrammeCases.id, a.caseId));
    }
    // One draft for each auditor: their first allocated case.
    const firstOf = new Map<number, number>();
    for (const a of chosen) if (!firstOf.has(a.userId)) firstOf.set(a.userId, a.caseId);
    for (const [userId, caseId] of [...firstOf.entries()].slice(0, DEMO_DRAFTS)) {
      const user = auditors.find((u) => u.id === userId);
      const c = cases.find((x) => x.caseId === caseId);
      if (!user || !c) continue;
      const now = new Date();
      const [audit] = await tx
        .insert(caseAudits)
        .values({
          authorityId,
          childId: c.childId,
          teamId: c.teamId,
          auditorUserId: user.id,
          auditorName: user.name,
          status: 'draft',
          frameworkVersionId: Number(programme.framework_version_id),
          programmeId,
          programmeCaseId: caseId,
          updatedAt: now,
        })
        .returning({ id: caseAudits.id });
      if (!audit) throw new Error('draft audit not saved');
      const graded = domains.slice(0, rng.int(3, 4));
      const grades = graded.map((d) => ({
        auditId: audit.id,
        domainId: Number(d.id),
        grade: rng.pick(['good', 'requires-improvement', 'requires-improvement'] as const),
      }));
      if (grades.length > 0) await tx.insert(caseAuditGrades).values(grades);
      await tx.update(auditProgrammeCases).set({ auditId: audit.id }).where(eq(auditProgrammeCases.id, caseId));
      await tx.insert(caseAuditEvents).values([
        {
          auditId: audit.id,
          at: now,
          userId: user.id,
          userName: user.name,
          event: 'created',
          detail: { programmeId, caseId },
        },
        {
          auditId: audit.id,
          at: now,
          userId: user.id,
          userName: user.name,
          event: 'saved',
          detail: {
            fields: grades.map((g) => `grade-${g.domainId}`),
            grades: grades.map((g) => ({ field: `grade-${g.domainId}`, from: null, to: g.grade })),
          },
        },
      ]);
      drafts++;
    }
  });
  return { programmeId, allocated: chosen.length, drafts };
}
