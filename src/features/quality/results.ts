/**
 * What the case audits say: the grades practice domains were given, counted by domain, team, service area or month.
 *
 * The grade that counts is the moderated (agreed) grade when there is one, else the auditor's. Only audits that were
 * submitted (submitted or moderated; submitted_on set — drafts never count) count, each in the month it was submitted,
 * like the improvement plan's impact view (src/features/improvement/impact.ts). "Good or better" is outstanding or
 * good, as a share (0–1) of every counted domain grade; null when there is none.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { rows } from '../../db/query';
import { isGrade, type Grade } from '../../domain/ofsted';
import { addDays, addMonths } from '../../domain/working-days';
import { monthsBetween, periodLabel } from '../indicators/periods';

export const RESULT_GROUPINGS = ['domain', 'team', 'service', 'month'] as const;
export type ResultGrouping = (typeof RESULT_GROUPINGS)[number];

export interface GradeCounts {
  outstanding: number;
  good: number;
  requiresImprovement: number;
  inadequate: number;
  total: number;
  /** (outstanding + good) / total, 0–1; null when total is 0. */
  goodOrBetter: number | null;
}

export interface GradeDistributionRow extends GradeCounts {
  /** domain: the domain's key; team: the team's id ('none' without a team); service: the service area; month: YYYY-MM. */
  key: string;
  label: string;
}

export interface ResultFilter {
  /** First day (YYYY-MM-DD) or month (YYYY-MM, from its first day), inclusive. */
  from: string;
  /** Last day (YYYY-MM-DD) or month (YYYY-MM, to its last day), inclusive. */
  to: string;
  domainId?: number | null;
  teamId?: number | null;
  /** teams.service_area of the audit's team. */
  serviceArea?: string | null;
}

export interface DistributionOptions extends ResultFilter {
  by: ResultGrouping;
}

/** A YYYY-MM month as its first day (for `from`) or last day (for `to`); days pass through. */
export function periodDay(value: string, end: 'from' | 'to'): string {
  if (/^\d{4}-\d{2}$/.test(value)) return end === 'from' ? `${value}-01` : addDays(addMonths(`${value}-01`, 1), -1);
  return value;
}

const GRADE_FIELD: Record<Grade, 'outstanding' | 'good' | 'requiresImprovement' | 'inadequate'> = {
  outstanding: 'outstanding',
  good: 'good',
  'requires-improvement': 'requiresImprovement',
  inadequate: 'inadequate',
};

export function emptyCounts(): GradeCounts {
  return { outstanding: 0, good: 0, requiresImprovement: 0, inadequate: 0, total: 0, goodOrBetter: null };
}

function addCount(c: GradeCounts, grade: Grade, n: number): void {
  c[GRADE_FIELD[grade]] += n;
  c.total += n;
  c.goodOrBetter = c.total ? (c.outstanding + c.good) / c.total : null;
}

/** The where clause shared by every count: the authority, submitted audits in the period, and the filters. */
function countedWhere(authorityId: number, f: ResultFilter): SQL {
  const from = periodDay(f.from, 'from');
  const to = periodDay(f.to, 'to');
  return sql`a.authority_id = ${authorityId}
         and a.status <> 'draft' and a.submitted_on is not null
         and a.submitted_on between ${from}::date and ${to}::date
         and (${f.domainId ?? null}::bigint is null or g.domain_id = ${f.domainId ?? null}::bigint)
         and (${f.teamId ?? null}::integer is null or a.team_id = ${f.teamId ?? null}::integer)
         and (${f.serviceArea ?? null}::text is null or t.service_area = ${f.serviceArea ?? null}::text)`;
}

type CountRow = { key: string | number | null; label: string | null; grade: string; n: string | number };

const SERVICE_LABELS: Record<string, string> = {
  'front-door': 'Front door',
  'early-help': 'Early help',
  assessment: 'Assessment',
  'cin-cp': 'Children in need and child protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  'disabled-children': 'Disabled children',
  permanence: 'Permanence',
  lado: 'LADO',
  iro: 'Independent reviewing officers',
};

/** "cin-cp" → "Children in need and child protection"; an unknown area is shown as it is. */
export function serviceAreaLabel(area: string): string {
  return SERVICE_LABELS[area] ?? area;
}

/**
 * Counted domain grades of the audits submitted in the period, grouped. Rows come in a stable order: domains in their
 * sort order (every domain of the authority, even with no grades, unless filtered to one); teams by name (those with
 * grades; audits without a team last as "No team"); service areas by label; every month from `from` to `to`.
 */
export async function gradeDistribution(
  db: Tx,
  authorityId: number,
  options: DistributionOptions,
): Promise<GradeDistributionRow[]> {
  const where = countedWhere(authorityId, options);
  const group: Record<ResultGrouping, { key: SQL; label: SQL }> = {
    domain: { key: sql`d.key`, label: sql`d.title` },
    team: { key: sql`a.team_id::text`, label: sql`t.name` },
    service: { key: sql`t.service_area`, label: sql`t.service_area` },
    month: { key: sql`to_char(a.submitted_on, 'YYYY-MM')`, label: sql`to_char(a.submitted_on, 'YYYY-MM')` },
  };
  const { key, label } = group[options.by];
  const found = await rows<CountRow>(
    db,
    sql`select ${key} as key, ${label} as label, coalesce(g.agreed_grade, g.grade) as grade, count(*) as n
          from case_audit_grades g
          join case_audits a on a.id = g.audit_id
          join practice_domains d on d.id = g.domain_id
          left join teams t on t.id = a.team_id
         where ${where}
         group by 1, 2, 3`,
  );
  const byKey = new Map<string, GradeDistributionRow>();
  const rowFor = (k: string, l: string) => {
    let r = byKey.get(k);
    if (!r) {
      r = { key: k, label: l, ...emptyCounts() };
      byKey.set(k, r);
    }
    return r;
  };

  if (options.by === 'domain') {
    const domains = await rows<{ key: string; title: string; id: string | number }>(
      db,
      sql`select key, title, id from practice_domains where authority_id = ${authorityId} order by sort_order, id`,
    );
    for (const d of domains) if (options.domainId == null || Number(d.id) === options.domainId) rowFor(d.key, d.title);
  }
  if (options.by === 'month') {
    for (const p of monthsBetween(periodDay(options.from, 'from'), periodDay(options.to, 'to')))
      rowFor(p.start.slice(0, 7), periodLabel(p));
  }
  for (const r of found) {
    if (!isGrade(r.grade)) continue;
    const k = r.key === null ? 'none' : String(r.key);
    const l =
      options.by === 'team'
        ? (r.label ?? 'No team')
        : options.by === 'service'
          ? r.key === null
            ? 'No team'
            : serviceAreaLabel(String(r.key))
          : String(r.label ?? k);
    addCount(byKey.get(k) ?? rowFor(k, l), r.grade, Number(r.n));
  }
  const out = [...byKey.values()];
  if (options.by === 'team' || options.by === 'service') {
    out.sort((a, b) => (a.key === 'none' ? 1 : b.key === 'none' ? -1 : a.label.localeCompare(b.label, 'en-GB')));
  }
  return out;
}

export interface MonthShare {
  /** YYYY-MM. */
  month: string;
  /** "March 2026". */
  label: string;
  /** Counted good or outstanding domain grades. */
  numerator: number;
  /** Every counted domain grade. */
  denominator: number;
  /** numerator / denominator, 0–1; null with no grades. */
  goodOrBetter: number | null;
}

/** The share of counted domain grades good or better in each month given (YYYY-MM, in the order given). */
export async function goodOrBetterByMonth(
  db: Tx,
  authorityId: number,
  options: { months: readonly string[]; domainId?: number | null; teamId?: number | null; serviceArea?: string | null },
): Promise<MonthShare[]> {
  if (options.months.length === 0) return [];
  const sorted = [...options.months].sort();
  const first = sorted[0] as string;
  const last = sorted[sorted.length - 1] as string;
  const dist = await gradeDistribution(db, authorityId, { ...options, from: first, to: last, by: 'month' });
  const byMonth = new Map(dist.map((r) => [r.key, r]));
  return options.months.map((month) => {
    const r = byMonth.get(month);
    const numerator = r ? r.outstanding + r.good : 0;
    const denominator = r ? r.total : 0;
    return {
      month,
      label: periodLabel({ kind: 'month', start: `${month}-01`, end: periodDay(month, 'to') }),
      numerator,
      denominator,
      goodOrBetter: denominator ? numerator / denominator : null,
    };
  });
}

/** Every counted grade of the period (with the filters) as one row of counts. */
export async function gradeTotals(db: Tx, authorityId: number, filter: ResultFilter): Promise<GradeCounts> {
  const found = await rows<{ grade: string; n: string | number }>(
    db,
    sql`select coalesce(g.agreed_grade, g.grade) as grade, count(*) as n
          from case_audit_grades g
          join case_audits a on a.id = g.audit_id
          left join teams t on t.id = a.team_id
         where ${countedWhere(authorityId, filter)}
         group by 1`,
  );
  const c = emptyCounts();
  for (const r of found) if (isGrade(r.grade)) addCount(c, r.grade, Number(r.n));
  return c;
}
