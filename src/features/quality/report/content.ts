/**
 * The monthly quality assurance report's read model (what the DOCX says, worked out once): for a month, the audits
 * completed, each practice domain's grades (the agreed grade where moderation gave one, else the auditor's; only
 * audits submitted in the month count), the share good or better this month against the previous month and the
 * same month last year, the last 12 months by domain, the month by team (counted by results.ts: gradeDistribution and
 * goodOrBetterByMonth), and moderation (audits moderated, exact agreement and weighted kappa from
 * moderation-results.ts).
 *
 * The figures are as they are for both audiences: the document is written by the report engine
 * (src/features/reports/kinds/qa.ts, then reports/docx.ts), whose writers show every count from 1 to 4, and any
 * percentage made from one, as "c" for members (reports/suppress.ts). Each share keeps what it is made from
 * (numerator and denominator) so that the engine can tell. `presenter` is the same rule for the figures that are
 * not counts or percentages (the weighted kappa, the change in percentage points). "internal" names auditors in
 * the agreement table; the members' document does not. The report carries no child ids for either audience.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../db/client';
import { rows } from '../../../db/query';
import type { Agreement } from '../../../domain/agreement';
import { GRADES, type Grade } from '../../../domain/ofsted';
import { suppress } from '../../../domain/suppression';
import { todayInLondon } from '../../../domain/today';
import { actionThemes, overdueByTeam } from '../action-themes';
import { auditDomainRows, moderationAgreement } from '../moderation-results';
import { goodOrBetterByMonth, gradeDistribution, type GradeCounts as ResultCounts, type MonthShare } from '../results';

export const AUDIENCES = ['internal', 'members'] as const;
export type ReportAudience = (typeof AUDIENCES)[number];

/** A figure as the report shows it: a number, "c" (suppressed) or null (nothing to show). */
export type Shown = number | 'c' | null;

export type GradeCounts = Record<Grade, number>;

export interface GradeRow {
  label: string;
  counts: Record<Grade, Shown>;
  total: Shown;
  /** Whole per cent good or better (outstanding + good over all grades). */
  goodOrBetter: Shown;
}

export interface AgreementRow {
  label: string;
  pairs: Shown;
  /** Pairs where auditor and moderator gave the same grade (as it is: the engine suppresses). */
  exact: number;
  /** Whole per cent of pairs where auditor and moderator gave the same grade. */
  exactPercent: Shown;
  /** Cohen's weighted kappa (linear weights), two decimals; null when undefined. */
  kappa: number | 'c' | null;
}

export interface TrendMonth {
  month: string;
  label: string;
  /** Whole per cent good or better over all domains, then by domain in `domains` order. */
  all: Shown;
  byDomain: Shown[];
  /** What `all` and `byDomain` are made from (null: no month share). */
  allShare: Share | null;
  byDomainShares: Array<Share | null>;
}

/** Grades good or better (numerator) of all grades (denominator) in a month. */
export interface Share {
  numerator: number;
  denominator: number;
}

export interface QualityReport {
  authorityName: string;
  month: string;
  monthLabel: string;
  audience: ReportAudience;
  summary: {
    audits: Shown;
    grades: Shown;
    goodOrBetter: Shown;
    previous: { label: string; goodOrBetter: Shown; share: Share | null };
    lastYear: { label: string; goodOrBetter: Shown; share: Share | null };
  };
  domains: string[];
  byDomain: GradeRow[];
  allDomains: GradeRow;
  trend: TrendMonth[];
  byTeam: Array<GradeRow & { audits: Shown }>;
  moderation: {
    audits: Shown;
    doubleLock: Shown;
    tripleLock: Shown;
    overall: AgreementRow;
    byDomain: AgreementRow[];
    /** Empty for members. */
    byAuditor: AgreementRow[];
  };
  /** Actions set at audits (action-themes.ts), as at the month's last day (or today, if the month is not over). */
  actions: {
    asAt: string;
    /** Raised in the month, by theme (practice domain): raised, and of those open, overdue and completed as at asAt. */
    themes: Array<{ label: string; raised: Shown; open: Shown; overdue: Shown; completed: Shown }>;
    /** Open and overdue actions as at asAt, whenever raised, by the audit's team. */
    overdueByTeam: Array<{ label: string; open: Shown; overdue: Shown }>;
  };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** The month `delta` months from `month` (YYYY-MM). */
export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1)).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The month before the one `today` falls in: the last complete month, the report's default. */
export function lastCompleteMonth(today: string): string {
  return addMonths(today.slice(0, 7), -1);
}

const emptyCounts = (): GradeCounts => ({ outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 0 });
const sum = (c: GradeCounts) => GRADES.reduce((n, g) => n + c[g], 0);

function addCounts(into: GradeCounts, from: GradeCounts): void {
  for (const g of GRADES) into[g] += from[g];
}

/** Builds the shown figures for one audience. */
export function presenter(audience: ReportAudience) {
  const members = audience === 'members';
  const count = (n: number): Shown => (members ? suppress(n) : n);
  const small = (n: number) => members && n > 0 && n < 5;
  /** Whole per cent of part in whole; "c" when either is a suppressed count; null when there is nothing to divide. */
  const percent = (part: number, whole: number): Shown => {
    if (whole === 0) return null;
    if (small(part) || small(whole)) return 'c';
    return Math.round((100 * part) / whole);
  };
  const gradeRow = (label: string, c: GradeCounts): GradeRow => ({
    label,
    counts: {
      outstanding: count(c.outstanding),
      good: count(c.good),
      'requires-improvement': count(c['requires-improvement']),
      inadequate: count(c.inadequate),
    },
    total: count(sum(c)),
    goodOrBetter: percent(c.outstanding + c.good, sum(c)),
  });
  const agreementRow = (label: string, a: Agreement): AgreementRow => {
    const hidden = small(a.pairs);
    return {
      label,
      pairs: count(a.pairs),
      exact: a.exact,
      exactPercent: hidden ? 'c' : a.pairs === 0 ? null : Math.round((100 * a.exact) / a.pairs),
      kappa: hidden ? 'c' : a.weightedKappa === null ? null : Math.round(a.weightedKappa * 100) / 100,
    };
  };
  return { count, percent, gradeRow, agreementRow };
}

export async function loadQualityReport(
  db: Tx,
  authorityId: number,
  month: string,
  audience: ReportAudience,
  today: string = todayInLondon(),
): Promise<QualityReport> {
  if (!isMonth(month)) throw new Error(`not a month: ${month}`);
  const to = monthEnd(month);
  const actionsAsAt = today < to ? today : to;
  const monthFrom = `${month}-01`;
  const previous = addMonths(month, -1);
  const lastYear = addMonths(month, -12);
  /** The 12 months to this one, oldest first. */
  const window = Array.from({ length: 12 }, (_, i) => addMonths(month, i - 11));
  const [authority, domainRows, byDomainRows, byTeamRows, overall, auditRows, moderated, agreement, themes, overdue] =
    await Promise.all([
      rows<{ name: string }>(db, sql`select name from authorities where id = ${authorityId}`),
      rows<{ id: unknown; title: string }>(
        db,
        sql`select id, title from practice_domains where authority_id = ${authorityId} order by sort_order, id`,
      ),
      gradeDistribution(db, authorityId, { from: month, to: month, by: 'domain' }),
      gradeDistribution(db, authorityId, { from: month, to: month, by: 'team' }),
      goodOrBetterByMonth(db, authorityId, { months: [lastYear, ...window] }),
      rows<{ team: string; n: unknown }>(
        db,
        sql`select coalesce(a.team_id::text, 'none') as team, count(*) as n from case_audits a
           where a.authority_id = ${authorityId} and a.status <> 'draft' and a.submitted_on is not null
             and a.submitted_on between ${monthFrom}::date and ${to}::date
           group by 1`,
      ),
      auditDomainRows(db, authorityId, { from: monthFrom, to }),
      moderationAgreement(db, authorityId, { from: monthFrom, to }),
      actionThemes(db, authorityId, { raisedFrom: monthFrom, raisedTo: to }, actionsAsAt),
      overdueByTeam(db, authorityId, { raisedTo: actionsAsAt }, actionsAsAt),
    ]);
  const domains = domainRows.map((d) => ({ id: Number(d.id), title: String(d.title) }));
  const domainTrends = await Promise.all(
    domains.map((d) => goodOrBetterByMonth(db, authorityId, { months: window, domainId: d.id })),
  );

  // The figures as they are; the report engine's writers suppress for members (see the header).
  const show = presenter('internal');
  const countsOf = (r: ResultCounts): GradeCounts => ({
    outstanding: r.outstanding,
    good: r.good,
    'requires-improvement': r.requiresImprovement,
    inadequate: r.inadequate,
  });
  const shareOf = (m: MonthShare | undefined): Shown => (m ? show.percent(m.numerator, m.denominator) : null);
  const shareIn = (m: string) => shareOf(overall.find((o) => o.month === m));
  const rawShare = (m: MonthShare | undefined): Share | null =>
    m ? { numerator: m.numerator, denominator: m.denominator } : null;
  const rawIn = (m: string) => rawShare(overall.find((o) => o.month === m));

  const thisMonth = emptyCounts();
  for (const r of byDomainRows) addCounts(thisMonth, countsOf(r));

  const trend: TrendMonth[] = window.map((m, i) => ({
    month: m,
    label: monthLabel(m),
    all: shareIn(m),
    byDomain: domainTrends.map((t) => shareOf(t[i])),
    allShare: rawIn(m),
    byDomainShares: domainTrends.map((t) => rawShare(t[i])),
  }));

  const byTeam = byTeamRows.map((t) => ({
    ...show.gradeRow(t.label, countsOf(t)),
    audits: show.count(Number(auditRows.find((r) => r.team === t.key)?.n ?? 0)),
  }));

  const moderatedAudits = new Map<number, string | null>();
  for (const r of moderated) if (r.moderator !== null) moderatedAudits.set(r.auditId, r.moderationLevel);
  const levels = [...moderatedAudits.values()];

  return {
    authorityName: String(authority[0]?.name ?? ''),
    month,
    monthLabel: monthLabel(month),
    audience,
    summary: {
      audits: show.count(auditRows.reduce((n, r) => n + Number(r.n), 0)),
      grades: show.count(sum(thisMonth)),
      goodOrBetter: show.percent(thisMonth.outstanding + thisMonth.good, sum(thisMonth)),
      previous: { label: monthLabel(previous), goodOrBetter: shareIn(previous), share: rawIn(previous) },
      lastYear: { label: monthLabel(lastYear), goodOrBetter: shareIn(lastYear), share: rawIn(lastYear) },
    },
    domains: domains.map((d) => d.title),
    byDomain: byDomainRows.map((r) => show.gradeRow(r.label, countsOf(r))),
    allDomains: show.gradeRow('All domains', thisMonth),
    trend,
    byTeam,
    moderation: {
      audits: show.count(moderatedAudits.size),
      doubleLock: show.count(levels.filter((l) => l === 'double-lock').length),
      tripleLock: show.count(levels.filter((l) => l === 'triple-lock').length),
      overall: show.agreementRow('All moderated grades', agreement.overall),
      byDomain: agreement.byDomain.map((d) => show.agreementRow(d.domain, d)),
      byAuditor: audience === 'members' ? [] : agreement.byAuditor.map((a) => show.agreementRow(a.auditor, a)),
    },
    actions: {
      asAt: actionsAsAt,
      themes: themes.map((t) => ({
        label: t.label,
        raised: show.count(t.raised),
        open: show.count(t.open),
        overdue: show.count(t.overdue),
        completed: show.count(t.completed),
      })),
      overdueByTeam: overdue.map((t) => ({ label: t.label, open: show.count(t.open), overdue: show.count(t.overdue) })),
    },
  };
}

export function kappaText(v: number | 'c' | null): string {
  return v === null ? '–' : v === 'c' ? 'c' : v.toFixed(2);
}

/** "up 5 percentage points on March 2026" — or why no comparison can be made. */
export function changeText(now: Shown, then: Shown, label: string): string {
  if (now === 'c' || then === 'c') return `Not shown: a figure for ${label} or this month is suppressed`;
  if (now === null || then === null) return `No comparison: no grades in ${then === null ? label : 'this month'}`;
  const d = now - then;
  if (d === 0) return `The same as ${label}`;
  return `${d > 0 ? 'Up' : 'Down'} ${Math.abs(d)} percentage point${Math.abs(d) === 1 ? '' : 's'} on ${label}`;
}

export function fileStem(authorityName: string, month: string, audience: ReportAudience): string {
  const slug =
    authorityName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'authority';
  return `quality-assurance-report-${slug}-${month}${audience === 'members' ? '-members' : ''}`;
}
